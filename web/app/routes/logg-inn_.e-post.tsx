import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, redirect, useNavigation } from 'react-router';
import { apiFor, errorOf } from '../api/client';
import { TextField } from '../components/fields';
import { FormErrorSummary } from '../components/form-error-summary';
import { PageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';
import { type FormErrors, formErrorsOf, textOf } from '../lib/form-errors';
import { safeNext } from '../lib/safe-next';
import type { Route } from './+types/logg-inn_.e-post';

const IDS = { email: 'oidc-email', name: 'oidc-name' };

/**
 * The e-mail step of a sign-in with a provider that gives no address (ID-porten): frirom needs one to
 * reach the person about their bookings; it is confirmed by a mailed link, as at registration.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { data: pending } = await apiFor(request, context).client.GET('/auth/oidc/signup');
  if (!pending) throw redirect('/logg-inn?feil=OIDC_LOGIN_INVALID');
  return pending;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = textOf(form, 'email').trim();
  const name = textOf(form, 'name').trim();
  const api = apiFor(request, context);
  const result = await api.client.POST('/auth/oidc/signup', {
    body: { email, ...(name ? { name } : {}) },
  });
  const error = errorOf(result);
  if (!error && result.data) throw redirect(safeNext(result.data.next), { headers: api.headers });
  if (error?.code === 'OIDC_LOGIN_INVALID') throw redirect('/logg-inn?feil=OIDC_LOGIN_INVALID');
  const errors: FormErrors = formErrorsOf(error, { email: 'email', name: 'name' }, { EMAIL_TAKEN: 'email' });
  return data({ errors, email, name }, { status: error?.statusCode || 400, headers: api.headers });
}

export default function OidcEmail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const busy = useNavigation().state === 'submitting';
  const errors = actionData?.errors;
  return (
    <>
      <PageTitle text={t('signIn.oidc.email.title')} />
      <Heading level={1} data-size="xl">
        {t('signIn.oidc.email.title')}
      </Heading>
      <Paragraph>{t('signIn.oidc.email.intro', { provider: loaderData.displayName })}</Paragraph>
      <FormErrorSummary errors={errors} ids={IDS} />
      <Form method="post" className="narrow-form stack" noValidate>
        {loaderData.needsName && (
          <TextField
            id={IDS.name}
            label={t('signIn.oidc.email.name')}
            name="name"
            autoComplete="name"
            required
            defaultValue={actionData?.name ?? ''}
            error={errors?.fields.name}
          />
        )}
        <TextField
          id={IDS.email}
          label={t('signIn.email')}
          description={t('signIn.oidc.email.hint')}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={actionData?.email ?? ''}
          error={errors?.fields.email}
        />
        <Button type="submit" aria-disabled={busy || undefined}>
          {t('signIn.oidc.email.submit')}
        </Button>
      </Form>
    </>
  );
}
