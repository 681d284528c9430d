import { Alert, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { data, redirect, Link as RouterLink } from 'react-router';
import { apiFor, errorOf, notFound } from '../api/client';
import { PageTitle } from '../components/page-title';
import { SeasonApplicationForm } from '../components/season/application-form';
import { MyApplications } from '../components/season/my-applications';
import { formatDateTime, formatDay } from '../i18n/format';
import { type MessageKey, translate, langOf, useLang, useT } from '../i18n/i18n';
import { type FormErrors, formErrorsOf, textOf } from '../lib/form-errors';
import {
  API_FIELDS,
  applicationBody,
  altField,
  backwards,
  draftOf,
  edited,
  type SeasonDraft,
} from '../lib/season-form';
import { currentUser } from '../lib/session.server';
import type { Route } from './+types/sesonger.$seasonId';

const NOTICES = ['sendt', 'trukket'];

/**
 * /sesonger/:seasonId: a season round, the application form while it is open (for my verified
 * organisations), and my applications in it with their status; each may be withdrawn until the deadline.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { client } = apiFor(request, context);
  const found = await client.GET('/seasons/{id}', { params: { path: { id: params.seasonId } } });
  if (!found.data) notFound();
  const season = found.data;
  const user = await currentUser(request, context);
  const url = new URL(request.url);
  const notice = NOTICES.find((n) => url.searchParams.has(n)) ?? null;
  if (!user) return { season, signedIn: false, organisations: [], applications: [], notice, confirm: null };
  const [orgs, apps] = await Promise.all([
    client.GET('/organisations', { params: { query: { limit: 100 } } }),
    client.GET('/seasons/{id}/applications', { params: { path: { id: season.id }, query: { limit: 200 } } }),
  ]);
  // Staff are answered every organisation and application: the page is about the user's own.
  const mine = new Set(user.organisationIds);
  return {
    season,
    signedIn: true,
    organisations: (orgs.data?.items ?? [])
      .filter((o) => o.status === 'verified' && mine.has(o.id))
      .map((o) => ({ id: o.id, name: o.name })),
    applications: [...(apps.data?.items ?? [])]
      .filter((a) => mine.has(a.organisationId))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    notice,
    confirm: url.searchParams.get('trekk'),
  };
}

/** Editing the alternatives (add, remove, move) answers the changed draft; `send` applies; `withdraw` withdraws. */
export async function action({ request, context, params }: Route.ActionArgs) {
  const api = apiFor(request, context);
  const form = await request.formData();
  const intent = textOf(form, 'intent');
  const here = `/sesonger/${params.seasonId}`;
  if (intent === 'withdraw') {
    const requestId = textOf(form, 'requestId');
    const done = await api.client.POST('/seasons/{id}/applications/{requestId}/withdraw', {
      params: { path: { id: params.seasonId, requestId } },
      body: {},
    });
    const error = errorOf(done);
    if (error) return data({ withdrawError: error.message }, { status: error.statusCode || 400 });
    throw redirect(`${here}?trukket#mine-applications`, { headers: api.headers });
  }
  const draft = draftOf(form);
  const changed = edited(draft, intent);
  if (changed) return { draft: changed, focus: intent };
  const wrong = backwards(draft);
  if (wrong.length > 0) {
    const message = translate(langOf(request), 'season.form.endBeforeStart');
    const fields = Object.fromEntries(wrong.map((i) => [altField(i, 'to'), message]));
    const errors: FormErrors = { fields, general: [] };
    return data({ draft, errors }, { status: 400 });
  }
  const sent = await api.client.POST('/booking-requests', {
    body: applicationBody(draft, params.seasonId) as never,
  });
  const error = errorOf(sent);
  if (error || !sent.data) {
    const errors = formErrorsOf(error, API_FIELDS, {
      OVER_CAPACITY: 'expectedParticipants',
      ORGANISATION_NOT_VERIFIED: 'organisationId',
    });
    return data({ draft, errors }, { status: error?.statusCode || 400 });
  }
  throw redirect(`${here}?sendt#application-${sent.data.id}`, { headers: api.headers });
}

export default function SeasonPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { season, signedIn, organisations, applications, notice, confirm } = loaderData;
  const a = actionData as
    { draft?: SeasonDraft; errors?: FormErrors; focus?: string; withdrawError?: string } | undefined;
  const open = season.status === 'open';
  const here = `/sesonger/${season.id}`;
  return (
    <>
      <PageTitle text={season.name} />
      <Paragraph data-size="sm">
        <Link asChild>
          <RouterLink to="/sesonger">{t('season.back')}</RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="xl">
        {season.name}
      </Heading>
      <dl className="facts">
        <dt>{t('season.statusLabel')}</dt>
        <dd>
          <Tag data-color={open ? 'success' : 'neutral'}>
            {t(`season.status.${season.status}` as MessageKey)}
          </Tag>
        </dd>
        <dt>{t('season.periodLabel')}</dt>
        <dd>
          {t('season.period', { from: formatDay(season.startsOn, lang), to: formatDay(season.endsOn, lang) })}
        </dd>
        <dt>{t('season.deadline')}</dt>
        <dd>{formatDateTime(season.applicationDeadline, lang)}</dd>
      </dl>
      {notice && (
        <Alert data-color="success" role="status">
          <Paragraph>{t(`season.notice.${notice}` as MessageKey)}</Paragraph>
        </Alert>
      )}
      {season.status === 'upcoming' && (
        <Alert data-color="info">
          <Paragraph>
            {t('season.notYetOpen', { when: formatDateTime(season.applicationOpensAt, lang) })}
          </Paragraph>
        </Alert>
      )}
      {!open && season.status !== 'upcoming' && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t('season.closedTitle')}
          </Heading>
          <Paragraph>
            {t('season.closedText', { when: formatDateTime(season.applicationDeadline, lang) })}
          </Paragraph>
        </Alert>
      )}
      {open && !signedIn && (
        <Paragraph>
          <Link asChild>
            <RouterLink to={`/logg-inn?neste=${encodeURIComponent(here)}`}>
              {t('season.signInToApply')}
            </RouterLink>
          </Link>
        </Paragraph>
      )}
      {open && signedIn && organisations.length === 0 && <Paragraph>{t('request.noOrganisation')}</Paragraph>}
      {open && signedIn && organisations.length > 0 && (
        <SeasonApplicationForm
          // A fresh form once an application is in (its fields hold what was typed, not what the page says).
          key={applications.length}
          rooms={season.rooms}
          organisations={organisations}
          draft={a?.draft}
          errors={a?.errors}
          focus={a?.focus}
        />
      )}
      {signedIn && (
        <MyApplications
          applications={applications}
          rooms={season.rooms}
          canWithdraw={open}
          confirm={confirm}
          error={a?.withdrawError}
        />
      )}
    </>
  );
}
