import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { data, redirect, Link as RouterLink } from 'react-router';
import { apiFor, errorOf } from '../api/client';
import { MyOrganisations, type OrgDraft } from '../components/mine/organisations';
import { MyRequests } from '../components/mine/requests';
import { MySupport, supportYears } from '../components/mine/support-statement';
import { PageTitle } from '../components/page-title';
import { type MessageKey, useT } from '../i18n/i18n';
import { formErrorsOf, textOf } from '../lib/form-errors';
import { loadMine } from '../lib/mine.server';
import { requireUser } from '../lib/session.server';
import { osloToday } from '../lib/week';
import type { Route } from './+types/min-side';

const NOTICES = ['trukket', 'avbestilt', 'registrert', 'invitert', 'sendt', 'invitasjon'];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  const url = new URL(request.url);
  const asked = Number(url.searchParams.get('aar'));
  const thisYear = Number(osloToday().slice(0, 4));
  // A year the chooser offers; anything else shows this year.
  const years = supportYears(thisYear);
  const year = years.includes(asked) ? asked : thisYear;
  const mine = await loadMine(apiFor(request, context), year);
  const notice = NOTICES.find((n) => url.searchParams.has(n)) ?? null;
  return {
    name: user.name,
    ...mine,
    years,
    notice,
    confirmWithdraw: url.searchParams.get('trekk'),
    confirmCancel: url.searchParams.get('avbestill'),
  };
}

/** One form per change: look up and register an organisation, invite a contact, withdraw, cancel. */
export async function action({ request, context }: Route.ActionArgs) {
  await requireUser(request, context);
  const form = await request.formData();
  const api = apiFor(request, context);
  const intent = textOf(form, 'intent');
  const draft: OrgDraft = {
    orgNumber: textOf(form, 'orgNumber').replace(/\s/g, ''),
    name: textOf(form, 'name'),
    kind: textOf(form, 'kind'),
    email: textOf(form, 'email'),
    municipalityNumber: textOf(form, 'municipalityNumber'),
    inFrivillighetsregisteret: form.get('inFrivillighetsregisteret') === 'true',
    lookedUp: intent === 'register',
  };
  if (intent === 'lookup') {
    const found = await api.client.GET('/organisations/lookup/{orgNumber}', {
      params: { path: { orgNumber: draft.orgNumber } },
    });
    const error = errorOf(found);
    if (error || !found.data)
      return data(
        { draft, errors: formErrorsOf(error, {}, { [error?.code ?? '']: 'orgNumber' }) },
        { status: 400 },
      );
    const r = found.data;
    return {
      draft: {
        ...draft,
        name: r.name,
        kind: r.suggestedKind ?? '',
        municipalityNumber: r.municipalityNumber ?? '',
        inFrivillighetsregisteret: r.inFrivillighetsregisteret,
        lookedUp: true,
      },
    };
  }
  if (intent === 'register') {
    const made = await api.client.POST('/organisations', {
      body: {
        orgNumber: draft.orgNumber,
        name: draft.name || undefined,
        kind: (draft.kind || undefined) as never,
        email: draft.email,
        municipalityNumber: draft.municipalityNumber || undefined,
        inFrivillighetsregisteret: draft.inFrivillighetsregisteret,
      },
    });
    const error = errorOf(made);
    if (error) {
      const errors = formErrorsOf(
        error,
        { orgNumber: 'orgNumber', name: 'name', kind: 'kind', email: 'email' },
        { INVALID_ORG_NUMBER: 'orgNumber', ORG_NUMBER_TAKEN: 'orgNumber' },
      );
      return data({ draft, errors }, { status: error.statusCode || 400 });
    }
    throw redirect('/min-side?registrert', { headers: api.headers });
  }
  if (intent === 'invite') {
    const id = textOf(form, 'organisationId');
    const sent = await api.client.POST('/organisations/{id}/invitations', {
      params: { path: { id } },
      body: { email: textOf(form, 'email'), handOver: false },
    });
    const error = errorOf(sent);
    if (error)
      return data({ inviteFor: id, errors: formErrorsOf(error, { email: 'inviteEmail' }) }, { status: 400 });
    throw redirect('/min-side?invitert', { headers: api.headers });
  }
  if (intent === 'withdraw') {
    const id = textOf(form, 'requestId');
    const done = await api.client.POST('/booking-requests/{id}/withdraw', {
      params: { path: { id } },
      body: {},
    });
    const error = errorOf(done);
    if (error) return data({ requestError: error.message }, { status: error.statusCode || 400 });
    throw redirect('/min-side?trukket', { headers: api.headers });
  }
  if (intent === 'cancel') {
    const id = textOf(form, 'occurrenceId');
    const done = await api.client.POST('/occurrences/{id}/cancel', {
      params: { path: { id } },
      body: { reason: textOf(form, 'reason') },
    });
    const error = errorOf(done);
    if (error) return data({ requestError: error.message }, { status: error.statusCode || 400 });
    throw redirect('/min-side?avbestilt', { headers: api.headers });
  }
  return data({ requestError: 'Unknown action' }, { status: 400 });
}

export default function MyPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = actionData as
    | {
        draft?: OrgDraft;
        errors?: ReturnType<typeof formErrorsOf>;
        inviteFor?: string;
        requestError?: string;
      }
    | undefined;
  return (
    <>
      <PageTitle text={t('mine.title')} />
      <Heading level={1} data-size="xl">
        {t('mine.title')}
      </Heading>
      <Paragraph>{t('mine.hello', { name: loaderData.name })}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/sesonger">{t('mine.seasons')}</RouterLink>
        </Link>
      </Paragraph>
      {loaderData.notice && (
        <Alert data-color="success" role="status">
          <Paragraph>{t(`mine.notice.${loaderData.notice}` as MessageKey)}</Paragraph>
        </Alert>
      )}
      <MyRequests
        requests={loaderData.requests}
        confirmWithdraw={loaderData.confirmWithdraw}
        confirmCancel={loaderData.confirmCancel}
        lateDays={loaderData.lateCancellationDays}
        error={a?.requestError}
      />
      <MyOrganisations
        organisations={loaderData.organisations}
        draft={a?.draft}
        errors={a?.errors}
        inviteFor={a?.inviteFor}
      />
      <MySupport organisations={loaderData.organisations} year={loaderData.year} years={loaderData.years} />
    </>
  );
}
