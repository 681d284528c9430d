import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, Link, redirect } from 'react-router';
import { apiFor, errorOf } from '../api/client';
import { TextField } from '../components/fields';
import { FormErrorSummary } from '../components/form-error-summary';
import { PageTitle } from '../components/page-title';
import { langOf, useT } from '../i18n/i18n';
import { formErrorsOf, textOf } from '../lib/form-errors';
import { safeNext } from '../lib/safe-next';
import type { Route } from './+types/registrer';

const IDS = { name: 'reg-name', email: 'reg-email', phone: 'reg-phone', password: 'reg-password' };
/** The password rules the API checks, each one answered beside the password field. */
const PASSWORD_CODES = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_COMMON',
  'PASSWORD_LIKE_IDENTITY',
];

export function loader({ request }: Route.LoaderArgs) {
  return { neste: new URL(request.url).searchParams.get('neste') ?? '' };
}

/** POST /auth/register, then POST /auth/session with the same details: registered and signed in. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const values = {
    name: textOf(form, 'name').trim(),
    email: textOf(form, 'email').trim(),
    phone: textOf(form, 'phone').trim(),
  };
  const password = textOf(form, 'password');
  const api = apiFor(request, context);
  const registered = await api.client.POST('/auth/register', {
    body: { ...values, phone: values.phone || undefined, password, locale: langOf(request) },
  });
  const error = errorOf(registered);
  if (error) {
    const errors = formErrorsOf(
      error,
      { name: 'name', email: 'email', phone: 'phone', password: 'password' },
      { ...Object.fromEntries(PASSWORD_CODES.map((c) => [c, 'password'])), EMAIL_TAKEN: 'email' },
    );
    return data({ errors, values }, { status: error.statusCode || 400 });
  }
  await api.client.POST('/auth/session', { body: { email: values.email, password } });
  throw redirect(safeNext(textOf(form, 'neste')), { headers: api.headers });
}

export default function Register({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <>
      <PageTitle text={t('register.title')} />
      <Heading level={1} data-size="xl">
        {t('register.title')}
      </Heading>
      <Paragraph>{t('register.lead')}</Paragraph>
      <FormErrorSummary errors={errors} ids={IDS} />
      <Form method="post" className="narrow-form stack" noValidate>
        <input type="hidden" name="neste" value={loaderData.neste} />
        <TextField
          id={IDS.name}
          label={t('register.name')}
          name="name"
          autoComplete="name"
          required
          defaultValue={values?.name}
          error={errors?.fields.name}
        />
        <TextField
          id={IDS.email}
          label={t('signIn.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values?.email}
          error={errors?.fields.email}
        />
        <TextField
          id={IDS.phone}
          label={t('register.phone')}
          description={t('register.phoneHint')}
          name="phone"
          type="tel"
          autoComplete="tel"
          defaultValue={values?.phone}
          error={errors?.fields.phone}
        />
        <TextField
          id={IDS.password}
          label={t('signIn.password')}
          description={t('password.rules')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          error={errors?.fields.password}
        />
        <Button type="submit">{t('register.submit')}</Button>
      </Form>
      <Paragraph>
        {t('register.haveAccount')} <Link to="/logg-inn">{t('signIn.title')}</Link>
      </Paragraph>
    </>
  );
}
