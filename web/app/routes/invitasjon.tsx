import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, Link, redirect } from 'react-router';
import { apiFor, errorOf } from '../api/client';
import { PageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';
import { textOf } from '../lib/form-errors';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/invitasjon';

/** The invitation mail's link: signed out, sign in first (and come back here); signed in, accept. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  return { token: new URL(request.url).searchParams.get('token') ?? '', name: user.name };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const api = apiFor(request, context);
  const result = await api.client.POST('/invitations/accept', { body: { token: textOf(form, 'token') } });
  const error = errorOf(result);
  if (error) return data({ error: error.message }, { status: error.statusCode || 400 });
  throw redirect('/min-side?invitasjon=ok', { headers: api.headers });
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageTitle text={t('invitation.title')} />
      <Heading level={1} data-size="xl">
        {t('invitation.title')}
      </Heading>
      {actionData?.error && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{actionData.error}</Paragraph>
        </Alert>
      )}
      {loaderData.token ? (
        <>
          <Paragraph>{t('invitation.lead', { name: loaderData.name })}</Paragraph>
          <Form method="post">
            <input type="hidden" name="token" value={loaderData.token} />
            <Button type="submit">{t('invitation.accept')}</Button>
          </Form>
        </>
      ) : (
        <Alert data-color="warning">
          <Paragraph>{t('invitation.noToken')}</Paragraph>
        </Alert>
      )}
      <Paragraph>
        <Link to="/min-side">{t('nav.mine')}</Link>
      </Paragraph>
    </>
  );
}
