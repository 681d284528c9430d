import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { data, Link as RouterLink, redirect } from 'react-router';
import { type ApiError, errorOf, need } from '../api/client';
import { PageTitle } from '../components/page-title';
import { DecideForm } from '../components/staff/decide-form';
import { HistoryTable } from '../components/staff/history-table';
import { MoveForm } from '../components/staff/move-form';
import { RepriceForm } from '../components/staff/reprice-form';
import { isStale, StaleAlert } from '../components/staff/stale-alert';
import { formatMoney } from '../i18n/format';
import { langOf, type MessageKey, translate, useLang, useT } from '../i18n/i18n';
import { fieldProblems, type FormErrors } from '../lib/form-errors';
import { field, intField, staffApi, staffReader } from '../lib/staff.server';
import type { Route } from './+types/saksbehandling.soknader.$id';

/** One request: every date with its status, conflicts and fee; decide, move, re-price; its history. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { client } = staffReader(request, context);
  const path = { id: params.id };
  const [view, history] = await Promise.all([
    client.GET('/booking-requests/{id}', { params: { path } }).then(need),
    client.GET('/booking-requests/{id}/history', { params: { path } }).then(need),
  ]);
  const rooms = view.buildingId
    ? (
        await client
          .GET('/rooms', { params: { query: { buildingId: view.buildingId, limit: 500 } } })
          .then(need)
      ).items
    : [];
  const done = new URL(request.url).searchParams.get('ok');
  return { view, history: history.items, rooms: rooms.map((r) => ({ id: r.id, name: r.name })), done };
}

export type RequestActionData = {
  intent: string;
  error?: ApiError;
  fieldErrors?: FormErrors;
  values?: Record<string, string>;
  quote?: { chargedOre: number; conflicts: string[] };
};

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await staffApi(request, context);
  const { client } = api;
  const lang = langOf(request);
  const form = await request.formData();
  const intent = field(form, 'intent');
  const ticked = form.getAll('dato').map(String);
  const values = {
    ...Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : ''])),
    dato: ticked.join(','),
  };
  const expectedVersion = intField(form, 'version');
  const path = { id: params.id };
  const occurrenceIds = ticked.length > 0 ? ticked : undefined;
  const fail = (error: ApiError | null, fieldErrors?: FormErrors) =>
    data<RequestActionData>(
      { intent, error: error ?? undefined, fieldErrors, values },
      { status: error?.statusCode ?? 400, headers: api.headers },
    );
  const needReason = (name: string) =>
    field(form, name)
      ? undefined
      : fieldProblems({ [name]: translate(lang, 'staff.request.reasonRequired') });

  let result: { error?: unknown; response: Response };
  if (intent === 'approve') {
    result = await client.POST('/booking-requests/{id}/approve', {
      params: { path },
      body: { occurrenceIds, expectedVersion },
    });
  } else if (intent === 'reject') {
    const missing = needReason('begrunnelse');
    if (missing) return fail(null, missing);
    result = await client.POST('/booking-requests/{id}/reject', {
      params: { path },
      body: { occurrenceIds, reason: field(form, 'begrunnelse'), expectedVersion },
    });
  } else if (intent === 'reprice') {
    const missing = needReason('prisbegrunnelse');
    if (missing) return fail(null, missing);
    result = await client.POST('/booking-requests/{id}/reprice', {
      params: { path },
      body: { reason: field(form, 'prisbegrunnelse'), expectedVersion },
    });
  } else if (intent === 'move' || intent === 'check') {
    const date = field(form, 'nydato');
    const slot = { startsAt: `${date}T${field(form, 'nyfra')}`, endsAt: `${date}T${field(form, 'nytil')}` };
    const roomId = field(form, 'nyttrom') || undefined;
    if (intent === 'check') {
      const view = await client.GET('/booking-requests/{id}', { params: { path } }).then(need);
      const quote = await client.POST('/fees/quote', {
        body: {
          organisationId: view.organisationId,
          roomId: roomId ?? view.roomId ?? '',
          title: view.title,
          ageGroup: view.ageGroup,
          expectedParticipants: view.expectedParticipants,
          chargesEntranceFee: view.chargesEntranceFee,
          ...slot,
        } as never,
      });
      const error = errorOf(quote);
      if (error || !quote.data) return fail(error, fieldProblems({ nydato: error?.message ?? '' }));
      const o = quote.data.occurrences[0];
      const conflicts = o.conflicts
        // the date being moved meets itself and its own request's other dates: not a conflict
        .filter((c) => c.requestId !== params.id)
        .map((c) => translate(lang, `staff.conflictKind.${c.kind}` as MessageKey));
      return data<RequestActionData>(
        { intent, values, quote: { chargedOre: o.chargedOre, conflicts } },
        { headers: api.headers },
      );
    }
    result = await client.POST('/occurrences/{id}/move', {
      params: { path: { id: field(form, 'flyttdato') } },
      body: {
        ...slot,
        roomId,
        reason: field(form, 'flyttbegrunnelse') || undefined,
        expectedVersion,
      } as never,
    });
  } else {
    return fail({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'unknown intent' });
  }
  const error = errorOf(result);
  if (error) {
    const at = intent === 'reject' ? 'begrunnelse' : intent === 'reprice' ? 'prisbegrunnelse' : 'nydato';
    return fail(error, isStale(error) ? undefined : fieldProblems({ [at]: error.message }));
  }
  throw redirect(`/saksbehandling/soknader/${params.id}?ok=${intent}`, { headers: api.headers });
}

export default function RequestPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { view, history, rooms, done } = loaderData;
  const act = actionData as RequestActionData | undefined;
  const title = t('staff.request.title', { title: view.title });
  return (
    <>
      <PageTitle text={title} />
      <Paragraph>
        <Link asChild>
          <RouterLink to="/saksbehandling">{t('staff.request.back')}</RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      <Paragraph>
        {view.organisationName} · {view.roomName ? `${view.roomName}, ${view.buildingName}` : ''} ·{' '}
        {t(`staff.state.${view.status}` as MessageKey)} · {t('staff.request.total')}{' '}
        {formatMoney(view.total.chargedOre, lang)}
      </Paragraph>
      {done && (
        <Alert data-color="success" role="status">
          {t(`staff.request.done.${done}` as MessageKey)}
        </Alert>
      )}
      {act?.error && isStale(act.error) && <StaleAlert error={act.error} />}
      <DecideForm view={view} rooms={rooms} act={act} />
      <MoveForm view={view} rooms={rooms} act={act} />
      <RepriceForm view={view} act={act} />
      <HistoryTable entries={history} occurrences={view.occurrences ?? []} />
    </>
  );
}
