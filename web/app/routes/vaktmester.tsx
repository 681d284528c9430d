import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, redirect } from 'react-router';
import { apiFor, errorOf, need } from '../api/client';
import { CaretakerCard, fieldId, type FormFailure } from '../components/caretaker-card';
import { FormErrorSummary } from '../components/form-error-summary';
import { PageTitle } from '../components/page-title';
import { formatDay } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import { addDays, osloToday } from '../lib/week';
import { fieldProblems } from '../lib/form-errors';
import type { Route } from './+types/vaktmester';

/**
 * The caretaker's phone page: today and the coming week in their buildings, in time order, with the
 * contact to call, the access to arrange, attendance once a booking has started, and the key log.
 * Every change is a plain form that posts and comes back here, so it works without JavaScript.
 */
const DAYS = 7;

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['caretaker', 'staff']);
  const api = apiFor(request, context);
  const today = osloToday();
  const page = need(
    await api.client.GET('/caretaker/occurrences', {
      params: { query: { from: today, to: addDays(today, DAYS) } as never },
    }),
  );
  // The key log of each request shown (a week in a few buildings: a handful of requests).
  const requestIds = [...new Set(page.items.map((o) => o.requestId))].slice(0, 40);
  const logs = await Promise.all(
    requestIds.map(async (id) => {
      const keys = await api.client.GET('/booking-requests/{id}/keys', { params: { path: { id } } });
      return [id, keys.data?.items ?? []] as const;
    }),
  );
  const saved = new URL(request.url).searchParams.get('lagret');
  return data(
    {
      today,
      now: new Date().toISOString(),
      items: page.items,
      keys: Object.fromEntries(logs),
      saved: saved && SAVED.includes(saved) ? saved : null,
    },
    { headers: api.headers },
  );
}

const SAVED = ['tilgang', 'avslatt', 'oppmote', 'nokkel'];

/** Which form posted (`kind:id…`), the field its error belongs beside, and where to come back to. */
export async function action({ request, context }: Route.ActionArgs) {
  await requireUser(request, context, ['caretaker', 'staff']);
  const api = apiFor(request, context);
  const form = await request.formData();
  const values = Object.fromEntries([...form].map(([k, v]) => [k, typeof v === 'string' ? v : '']));
  const [kind, first, occurrenceId] = (values.form ?? '').split(':');
  const text = (name: string) => values[name]?.trim() || undefined;
  let result: { error?: unknown; response: Response };
  let field: string;
  let saved: string;
  let anchor = occurrenceId ?? first;
  if (kind === 'access') {
    field = 'method';
    saved = 'tilgang';
    result = await api.client.POST('/booking-requests/{id}/access', {
      params: { path: { id: first } },
      body: { method: values.method as never, instructions: text('instructions') },
    });
  } else if (kind === 'decline') {
    field = 'reason';
    saved = 'avslatt';
    result = await api.client.POST('/booking-requests/{id}/access', {
      params: { path: { id: first } },
      body: { declined: true, reason: values.reason ?? '' },
    });
  } else if (kind === 'attendance') {
    const used = values.status === 'used';
    const participants = values.participants === '' ? undefined : Number(values.participants);
    field = 'reason' in values && !text('reason') ? 'reason' : 'participants';
    saved = 'oppmote';
    anchor = first;
    result = await api.client.POST('/occurrences/{id}/attendance', {
      params: { path: { id: first } },
      body: {
        status: used ? 'used' : 'no_show',
        participants: used ? participants : undefined,
        reason: text('reason'),
      },
    });
  } else if (kind === 'key') {
    field = 'handedTo';
    saved = 'nokkel';
    result = await api.client.POST('/booking-requests/{id}/keys', {
      params: { path: { id: first } },
      body: { handedTo: values.handedTo ?? '' },
    });
  } else if (kind === 'return') {
    field = 'handedTo';
    saved = 'nokkel';
    result = await api.client.POST('/booking-requests/{id}/keys/{keyId}/return', {
      params: { path: { id: first, keyId: values.keyId ?? '' } },
      body: {},
    });
  } else {
    throw new Response('Unknown form', { status: 400 });
  }
  const error = errorOf(result);
  if (error) {
    const failure: FormFailure = {
      form: kind === 'return' ? `key:${first}:${occurrenceId}` : values.form,
      field,
      message: error.message,
      values,
    };
    return data({ failure }, { status: error.statusCode, headers: api.headers });
  }
  throw redirect(`/vaktmester?lagret=${saved}#o-${anchor}`, { headers: api.headers });
}

const SAVED_TEXT: Record<string, MessageKey> = {
  tilgang: 'caretaker.saved.access',
  avslatt: 'caretaker.saved.declined',
  oppmote: 'caretaker.saved.attendance',
  nokkel: 'caretaker.saved.key',
};

export default function Caretaker({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { items, keys, today, now, saved } = loaderData;
  const failure = actionData?.failure;
  const days = Array.from({ length: DAYS }, (_, i) => addDays(today, i));
  const dayOf = (iso: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(iso));
  const byDay = new Map(days.map((d) => [d, items.filter((o) => dayOf(o.startsAt) === d)]));
  const later = days.slice(1).filter((d) => (byDay.get(d) ?? []).length > 0);
  const card = (level: 3 | 4) => (o: (typeof items)[number]) => (
    <li key={o.id}>
      <CaretakerCard
        occurrence={o}
        keys={keys[o.requestId] ?? []}
        started={Date.parse(o.startsAt) <= Date.parse(now)}
        level={level}
        failure={failure && failure.form.includes(o.id) ? failure : undefined}
      />
    </li>
  );
  const todays = byDay.get(today) ?? [];
  return (
    <>
      <PageTitle text={t('caretaker.title')} />
      <Heading level={1} data-size="xl">
        {t('caretaker.title')}
      </Heading>
      <Paragraph>{t('caretaker.intro')}</Paragraph>
      <FormErrorSummary
        errors={
          failure ? fieldProblems({ [fieldId(failure.form, failure.field)]: failure.message }) : undefined
        }
        heading={t('caretaker.errorHeading')}
      />
      {saved && !failure && (
        <Alert data-color="success" role="status">
          <Paragraph>{t(SAVED_TEXT[saved])}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby="today" className="stack">
        <Heading level={2} data-size="md" id="today">
          {t('caretaker.today', { date: formatDay(today, lang) })}
        </Heading>
        {todays.length === 0 ? (
          <Paragraph>{t('caretaker.noneToday')}</Paragraph>
        ) : (
          <ul className="caretaker-list">{todays.map(card(3))}</ul>
        )}
      </section>
      <section aria-labelledby="week" className="stack">
        <Heading level={2} data-size="md" id="week">
          {t('caretaker.week')}
        </Heading>
        {later.length === 0 && <Paragraph>{t('caretaker.noneWeek')}</Paragraph>}
        {later.map((d) => (
          <section key={d} aria-labelledby={`d-${d}`} className="stack">
            <Heading level={3} data-size="xs" id={`d-${d}`}>
              {formatDay(d, lang)}
            </Heading>
            <ul className="caretaker-list">{byDay.get(d)!.map(card(4))}</ul>
          </section>
        ))}
      </section>
    </>
  );
}
