import { Alert, Button, Card, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, Form, Link as RouterLink, redirect } from 'react-router';
import { type ApiError, errorOf, need } from '../api/client';
import { SelectField, TextField } from '../components/fields';
import { PageTitle } from '../components/page-title';
import { ConflictTimeline } from '../components/staff/conflict-timeline';
import { isStale, StaleAlert } from '../components/staff/stale-alert';
import { usePolling } from '../components/staff/use-polling';
import { formatDateTime, formatTime } from '../i18n/format';
import { langOf, type MessageKey, translate, useLang, useT } from '../i18n/i18n';
import { buildingsFilter, field, intField, staffApi, staffReader } from '../lib/staff.server';
import type { Route } from './+types/saksbehandling.konflikter';
import { TableScroll } from '../components/table-scroll';

/** Open conflicts, each group on a timeline of its day; decide there who gets the date. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { client } = staffReader(request, context);
  const url = new URL(request.url);
  const day = (name: string) => {
    const v = url.searchParams.get(name) ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '';
  };
  const bygg = url.searchParams.get('bygg') ?? '';
  // By default the coming four weeks: what staff decide now (and a year of conflicts is slow to work out).
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const inFourWeeks = new Date(Date.now() + 28 * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Oslo',
  });
  const filters = {
    fra: day('fra') || today,
    til: day('til') || inFourWeeks,
    bygg: /^[0-9a-f-]{36}$/i.test(bygg) ? bygg : '',
  };
  const [conflicts, buildings] = await Promise.all([
    client
      .GET('/conflicts', {
        params: {
          query: {
            limit: 50,
            from: filters.fra || undefined,
            // the whole of the last day
            to: filters.til ? `${filters.til}T23:59` : undefined,
            buildingId: filters.bygg || undefined,
          },
        },
      })
      .then(need),
    buildingsFilter(client),
  ]);
  return {
    filters,
    buildings,
    // What the page shows, not whole groups: the data travels again in the HTML for hydration. Each
    // group carries its timeline's rooms (room, parent, sections): no /rooms call per building.
    conflicts: {
      total: conflicts.total,
      items: conflicts.items.map((g) => ({
        occurrences: g.occurrences.map((o) => ({
          id: o.id,
          requestId: o.requestId,
          requestVersion: o.requestVersion,
          title: o.title,
          organisationName: o.organisationName,
          roomId: o.roomId,
          roomName: o.roomName,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
        })),
        blockedBy: g.blockedBy.map((b) => ({
          kind: b.kind,
          reason: b.reason,
          roomId: b.roomId,
          roomName: b.roomName,
          organisationName: b.organisationName,
          startsAt: b.startsAt,
          endsAt: b.endsAt,
        })),
        rooms: g.rooms,
      })),
    },
    done: url.searchParams.get('ok'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const api = await staffApi(request, context);
  const form = await request.formData();
  const intent = field(form, 'intent');
  const id = field(form, 'soknad');
  const occurrenceIds = [field(form, 'dato')];
  const expectedVersion = intField(form, 'version');
  const reason = field(form, 'begrunnelse');
  const fail = (error: ApiError | null, reasonError?: string) =>
    data(
      { occurrenceId: occurrenceIds[0], error, reasonError, reason },
      { status: error?.statusCode ?? 400, headers: api.headers },
    );
  if (intent === 'reject' && !reason)
    return fail(null, translate(langOf(request), 'staff.request.reasonRequired'));
  const path = { id };
  const result =
    intent === 'approve'
      ? await api.client.POST('/booking-requests/{id}/approve', {
          params: { path },
          body: { occurrenceIds, expectedVersion },
        })
      : await api.client.POST('/booking-requests/{id}/reject', {
          params: { path },
          body: { occurrenceIds, reason, expectedVersion },
        });
  const error = errorOf(result);
  if (error) return fail(error, intent === 'reject' && !isStale(error) ? error.message : undefined);
  // Back to the same filters, with the outcome.
  const back = new URLSearchParams(new URL(request.url).search);
  back.delete('ok');
  back.delete('index');
  back.set('ok', intent);
  throw redirect(`/saksbehandling/konflikter?${back.toString()}`, { headers: api.headers });
}

export default function Conflicts({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  usePolling();
  const { conflicts, done, filters, buildings } = loaderData;
  const title = t('staff.conflicts.title');
  return (
    <>
      <PageTitle text={title} />
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      <Paragraph>{t('staff.conflicts.lead')}</Paragraph>
      <Form method="get" className="staff-filters" aria-label={t('staff.conflicts.filters')}>
        <TextField label={t('staff.conflicts.from')} type="date" name="fra" defaultValue={filters.fra} />
        <TextField label={t('staff.conflicts.to')} type="date" name="til" defaultValue={filters.til} />
        <SelectField label={t('staff.inbox.building')} name="bygg" defaultValue={filters.bygg}>
          <option value="">{t('common.any')}</option>
          {buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t('staff.inbox.filter')}
        </Button>
      </Form>
      {conflicts.total > conflicts.items.length && (
        <Paragraph>
          {t('staff.conflicts.more', { shown: conflicts.items.length, count: conflicts.total })}
        </Paragraph>
      )}
      {done && (
        <Alert data-color="success" role="status">
          {t(`staff.request.done.${done}` as MessageKey)}
        </Alert>
      )}
      {actionData?.error && isStale(actionData.error) && <StaleAlert error={actionData.error} />}
      {actionData?.error && !isStale(actionData.error) && !actionData.reasonError && (
        <Alert data-color="danger" role="alert">
          {actionData.error.message}
        </Alert>
      )}
      {conflicts.items.length === 0 && <Paragraph>{t('staff.conflicts.none')}</Paragraph>}
      {conflicts.items.map((g, gi) => (
        <Card key={g.occurrences[0].id} className="staff-stack" aria-labelledby={`group-${gi}`}>
          <Heading level={2} data-size="sm" id={`group-${gi}`}>
            {formatDateTime(g.occurrences[0].startsAt, lang)}:{' '}
            {g.occurrences.map((o) => o.roomName).join(', ')}
          </Heading>
          <ConflictTimeline group={g} rooms={g.rooms} />
          {g.blockedBy.length > 0 && (
            <ul>
              {g.blockedBy.map((b, i) => (
                <li key={i}>
                  {t(`staff.conflictKind.${b.kind}` as MessageKey)}
                  {b.organisationName ? `: ${b.organisationName}` : ''}
                  {b.roomName ? `, ${b.roomName}` : ''}
                  {b.startsAt && b.endsAt
                    ? ` ${formatTime(b.startsAt, lang)}–${formatTime(b.endsAt, lang)}`
                    : ''}
                  {b.reason ? ` (${b.reason})` : ''}
                </li>
              ))}
            </ul>
          )}
          <TableScroll labelledBy={`group-${gi}`}>
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('staff.inbox.organisation')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('staff.inbox.room')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('staff.conflicts.time')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('staff.conflicts.decide')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {g.occurrences.map((o) => {
                  const mine = actionData?.occurrenceId === o.id ? actionData : undefined;
                  const describe = `who-${o.id}`;
                  return (
                    <Table.Row key={o.id}>
                      <Table.Cell id={describe}>
                        <Link asChild>
                          <RouterLink to={`/saksbehandling/soknader/${o.requestId}`}>
                            {o.organisationName}
                          </RouterLink>
                        </Link>
                        <div>{o.title}</div>
                      </Table.Cell>
                      <Table.Cell>{o.roomName}</Table.Cell>
                      <Table.Cell>
                        {formatTime(o.startsAt, lang)}–{formatTime(o.endsAt, lang)}
                      </Table.Cell>
                      <Table.Cell>
                        <Form method="post" className="staff-actions">
                          <input type="hidden" name="soknad" value={o.requestId} />
                          <input type="hidden" name="dato" value={o.id} />
                          <input type="hidden" name="version" value={o.requestVersion} />
                          <Button type="submit" name="intent" value="approve" aria-describedby={describe}>
                            {t('staff.decide.approve')}
                          </Button>
                        </Form>
                        <Form method="post" className="staff-actions">
                          <input type="hidden" name="soknad" value={o.requestId} />
                          <input type="hidden" name="dato" value={o.id} />
                          <input type="hidden" name="version" value={o.requestVersion} />
                          <TextField
                            label={t('staff.request.reason')}
                            name="begrunnelse"
                            defaultValue={mine?.reason}
                            error={mine?.reasonError}
                            data-size="sm"
                          />
                          <Button
                            type="submit"
                            name="intent"
                            value="reject"
                            variant="secondary"
                            data-color="danger"
                            aria-describedby={describe}
                          >
                            {t('staff.decide.reject')}
                          </Button>
                        </Form>
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </TableScroll>
        </Card>
      ))}
    </>
  );
}
