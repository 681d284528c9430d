import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Form, Link } from 'react-router';
import { apiFor, errorOf } from '../api/client';
import { PageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';
import { textOf } from '../lib/form-errors';
import type { Route } from './+types/bekreft-epost';

export function loader({ request }: Route.LoaderArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' };
}

/**
 * The welcome mail's link opens this page; the button confirms (POST /auth/confirm-email). A button, not
 * the opening itself: mail scanners open links, and a page view should change nothing.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const api = apiFor(request, context);
  const error = errorOf(
    await api.client.POST('/auth/confirm-email', { body: { token: textOf(form, 'token') } }),
  );
  return { ok: !error, message: error?.message ?? null };
}

export default function ConfirmEmail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageTitle text={t('confirm.title')} />
      <Heading level={1} data-size="xl">
        {t('confirm.title')}
      </Heading>
      {actionData?.ok ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('confirm.done')}</Paragraph>
        </Alert>
      ) : actionData ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{actionData.message}</Paragraph>
        </Alert>
      ) : null}
      {!actionData?.ok &&
        (loaderData.token ? (
          <Form method="post">
            <input type="hidden" name="token" value={loaderData.token} />
            <Paragraph>{t('confirm.lead')}</Paragraph>
            <Button type="submit">{t('confirm.submit')}</Button>
          </Form>
        ) : (
          <Alert data-color="warning">
            <Paragraph>{t('confirm.noToken')}</Paragraph>
          </Alert>
        ))}
      <Paragraph>
        <Link to="/min-side">{t('nav.mine')}</Link>
      </Paragraph>
    </>
  );
}
