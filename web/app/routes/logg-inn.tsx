import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { apiFor, errorOf, SESSION_COOKIE } from '../api/client';
import { FormErrorSummary } from '../components/form-error-summary';
import { TextField } from '../components/fields';
import { PageTitle } from '../components/page-title';
import { langOf, readCookie, translate, useT } from '../i18n/i18n';
import { type FormErrors, formErrorsOf, textOf } from '../lib/form-errors';
import { safeNext } from '../lib/safe-next';
import { currentUser } from '../lib/session.server';
import { waitText } from '../lib/wait-text';
import type { Route } from './+types/logg-inn';

const IDS = { email: 'signin-email', password: 'signin-password' };

/** Already signed in: straight on to where they were going. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const neste = new URL(request.url).searchParams.get('neste') ?? '';
  if (readCookie(request, SESSION_COOKIE) && (await currentUser(request, context))) {
    throw redirect(safeNext(neste));
  }
  return { neste };
}

/**
 * A plain form POST (works without JavaScript): the API's POST /auth/session sets the session cookie,
 * which is passed back with the redirect to `neste` (a path on this site only) or /min-side.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = textOf(form, 'email').trim();
  const password = textOf(form, 'password');
  const neste = textOf(form, 'neste');
  const lang = langOf(request);
  const api = apiFor(request, context);
  const result = await api.client.POST('/auth/session', { body: { email, password } });
  const error = errorOf(result);
  if (!error) throw redirect(safeNext(neste), { headers: api.headers });

  let errors: FormErrors;
  if (error.code === 'INVALID_CREDENTIALS') {
    errors = { fields: { password: translate(lang, 'signIn.wrong') }, general: [] };
  } else if (error.code === 'LOGIN_THROTTLED') {
    const seconds =
      (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ??
      Number(result.response.headers.get('retry-after') ?? 60);
    errors = {
      fields: {},
      general: [translate(lang, 'signIn.throttled', { wait: waitText(seconds, lang) })],
    };
  } else if (error.code === 'ACCOUNT_DEACTIVATED') {
    errors = { fields: {}, general: [translate(lang, 'signIn.deactivated')] };
  } else {
    errors = formErrorsOf(error, { email: 'email', password: 'password' });
  }
  return data({ errors, email }, { status: error.statusCode || 400, headers: api.headers });
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const busy = useNavigation().state === 'submitting';
  const errors = actionData?.errors;
  const neste = loaderData.neste;
  const withNext = (path: string) => (neste ? `${path}?neste=${encodeURIComponent(neste)}` : path);
  return (
    <>
      <PageTitle text={t('signIn.title')} />
      <Heading level={1} data-size="xl">
        {t('signIn.title')}
      </Heading>
      {neste && !errors && (
        <Alert data-color="info">
          <Paragraph>{t('signIn.needed')}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary errors={errors} ids={IDS} />
      <Form method="post" className="narrow-form stack" noValidate>
        <input type="hidden" name="neste" value={neste} />
        <TextField
          id={IDS.email}
          label={t('signIn.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={actionData?.email ?? ''}
          error={errors?.fields.email}
        />
        <TextField
          id={IDS.password}
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors?.fields.password}
        />
        <Button type="submit" aria-disabled={busy || undefined}>
          {t('signIn.submit')}
        </Button>
      </Form>
      <Paragraph>
        <Link to={withNext('/glemt-passord')}>{t('signIn.forgot')}</Link>
      </Paragraph>
      <Paragraph>
        {t('signIn.noAccount')} <Link to={withNext('/registrer')}>{t('signIn.register')}</Link>
      </Paragraph>
    </>
  );
}
