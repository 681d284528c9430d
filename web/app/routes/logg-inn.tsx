import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, Link, redirect, useNavigation } from 'react-router';
import { apiFor, errorOf, SESSION_COOKIE } from '../api/client';
import { FormErrorSummary } from '../components/form-error-summary';
import { TextField } from '../components/fields';
import { OIDC_ERRORS, OidcButtons } from '../components/oidc-buttons';
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
  const params = new URL(request.url).searchParams;
  const neste = params.get('neste') ?? '';
  if (readCookie(request, SESSION_COOKIE) && (await currentUser(request, context))) {
    throw redirect(safeNext(neste));
  }
  // How one may sign in here: the configured OpenID providers, and whether with a password at all.
  const { data: options } = await apiFor(request, context).client.GET('/auth/oidc/providers');
  const feil = params.get('feil');
  return {
    neste,
    providers: options?.providers ?? [],
    passwordLogin: options?.passwordLogin ?? 'on',
    oidcError: feil && OIDC_ERRORS.includes(feil) ? feil : null,
  };
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
  } else if (error.code === 'PASSWORD_LOGIN_DISABLED') {
    errors = { fields: {}, general: [translate(lang, 'signIn.oidc.passwordOff')] };
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
      {neste && !errors && !loaderData.oidcError && (
        <Alert data-color="info">
          <Paragraph>{t('signIn.needed')}</Paragraph>
        </Alert>
      )}
      {loaderData.oidcError && (
        <Alert data-color="danger">
          <Paragraph>
            {t(`signIn.oidc.error.${loaderData.oidcError}` as 'signIn.oidc.error.OIDC_LOGIN_FAILED')}
          </Paragraph>
        </Alert>
      )}
      <OidcButtons providers={loaderData.providers} neste={neste} />
      {loaderData.passwordLogin !== 'off' && (
        <SignInForm
          neste={neste}
          busy={busy}
          errors={errors}
          email={actionData?.email ?? ''}
          staffOnly={loaderData.passwordLogin === 'staff-only' && loaderData.providers.length > 0}
        />
      )}
      {loaderData.passwordLogin !== 'off' && (
        <Paragraph>
          <Link to={withNext('/glemt-passord')}>{t('signIn.forgot')}</Link>
        </Paragraph>
      )}
      {loaderData.passwordLogin === 'on' && (
        <Paragraph>
          {t('signIn.noAccount')} <Link to={withNext('/registrer')}>{t('signIn.register')}</Link>
        </Paragraph>
      )}
    </>
  );
}

/** E-mail and password: for everyone while PASSWORD_LOGIN is on, for staff when it is staff-only. */
function SignInForm({
  neste,
  busy,
  errors,
  email,
  staffOnly,
}: {
  neste: string;
  busy: boolean;
  errors?: FormErrors;
  email: string;
  staffOnly: boolean;
}) {
  const t = useT();
  return (
    <>
      {staffOnly && (
        <Heading level={2} data-size="sm">
          {t('signIn.oidc.staffPassword')}
        </Heading>
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
          defaultValue={email}
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
    </>
  );
}
