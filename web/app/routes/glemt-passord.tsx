import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, Link } from 'react-router';
import { apiFor, errorOf } from '../api/client';
import { TextField } from '../components/fields';
import { FormErrorSummary } from '../components/form-error-summary';
import { PageTitle } from '../components/page-title';
import { useT } from '../i18n/i18n';
import { formErrorsOf, textOf } from '../lib/form-errors';
import type { Route } from './+types/glemt-passord';

const IDS = { email: 'reset-email', password: 'reset-password' };
const PASSWORD_CODES = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_COMMON',
  'PASSWORD_LIKE_IDENTITY',
];

/** Without ?token=: ask for a link. With it (the mailed link): choose a new password. */
export function loader({ request }: Route.LoaderArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const api = apiFor(request, context);
  const token = textOf(form, 'token');
  if (!token) {
    const email = textOf(form, 'email').trim();
    const asked = await api.client.POST('/auth/password-reset', { body: { email } });
    const error = errorOf(asked);
    // Known or not, the answer is the same (no one learns who has an account); only a malformed address is refused.
    if (error)
      return data({ errors: formErrorsOf(error, { email: 'email' }), email, sent: false }, { status: 400 });
    return { errors: undefined, email, sent: true };
  }
  const password = textOf(form, 'password');
  const confirmed = await api.client.POST('/auth/password-reset/confirm', { body: { token, password } });
  const error = errorOf(confirmed);
  if (error) {
    const errors = formErrorsOf(
      error,
      { password: 'password' },
      Object.fromEntries(PASSWORD_CODES.map((c) => [c, 'password'])),
    );
    return data({ errors, email: '', sent: false }, { status: error.statusCode || 400 });
  }
  return { errors: undefined, email: '', sent: false, changed: true };
}

export default function ForgotPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors;
  const title = loaderData.token ? t('reset.newTitle') : t('reset.title');
  return (
    <>
      <PageTitle text={title} />
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      {actionData && 'changed' in actionData ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('reset.changed')}</Paragraph>
          <Paragraph>
            <Link to="/logg-inn">{t('signIn.title')}</Link>
          </Paragraph>
        </Alert>
      ) : actionData?.sent ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('reset.sent', { email: actionData.email })}</Paragraph>
        </Alert>
      ) : (
        <>
          <FormErrorSummary errors={errors} ids={IDS} />
          <Form method="post" className="narrow-form stack" noValidate>
            {loaderData.token ? (
              <>
                <input type="hidden" name="token" value={loaderData.token} />
                <TextField
                  id={IDS.password}
                  label={t('reset.newPassword')}
                  description={t('password.rules')}
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  required
                  error={errors?.fields.password}
                />
                <Button type="submit">{t('reset.save')}</Button>
              </>
            ) : (
              <>
                <Paragraph>{t('reset.lead')}</Paragraph>
                <TextField
                  id={IDS.email}
                  label={t('signIn.email')}
                  name="email"
                  type="email"
                  autoComplete="email"
                  required
                  defaultValue={actionData?.email}
                  error={errors?.fields.email}
                />
                <Button type="submit">{t('reset.send')}</Button>
              </>
            )}
          </Form>
        </>
      )}
    </>
  );
}
