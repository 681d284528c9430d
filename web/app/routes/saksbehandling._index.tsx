import { Button, Heading, Link, Pagination, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Form, Link as RouterLink } from 'react-router';
import { need } from '../api/client';
import { SelectField } from '../components/fields';
import { PageTitle } from '../components/page-title';
import { usePolling } from '../components/staff/use-polling';
import { formatDateTime, formatMoney } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { buildingsFilter, staffReader } from '../lib/staff.server';
import { keptList } from '../lib/kept-lists.server';
import type { Route } from './+types/saksbehandling._index';
import { TableScroll } from '../components/table-scroll';

const PAGE = 50;
const STATES = [
  'submitted',
  'in_review',
  'approved',
  'partially_approved',
  'rejected',
  'withdrawn',
  'cancelled',
] as const;
type State = (typeof STATES)[number];
const UUID = /^[0-9a-f-]{36}$/i;

/** The inbox: pending requests by first date, filtered by ?bygg=&rom=&sesong=&organisasjon= (and ?status=). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { client } = staffReader(request, context);
  const url = new URL(request.url);
  const pick = (name: string) => {
    const v = url.searchParams.get(name) ?? '';
    return UUID.test(v) ? v : '';
  };
  const filters = {
    bygg: pick('bygg'),
    rom: pick('rom'),
    sesong: pick('sesong'),
    organisasjon: pick('organisasjon'),
  };
  const asked = url.searchParams.get('status') ?? '';
  const status = (STATES as readonly string[]).includes(asked) ? (asked as State) : '';
  const side = Math.max(1, Number(url.searchParams.get('side')) || 1);
  const [requests, buildings, rooms, seasons, organisations] = await Promise.all([
    client
      .GET('/booking-requests', {
        params: {
          query: {
            ...(status ? { status } : { pending: true }),
            sort: 'firstDate',
            buildingId: filters.bygg || undefined,
            roomId: filters.rom || undefined,
            seasonId: filters.sesong || undefined,
            organisationId: filters.organisasjon || undefined,
            limit: PAGE,
            offset: (side - 1) * PAGE,
          },
        },
      })
      .then(need),
    buildingsFilter(client),
    filters.bygg
      ? client.GET('/rooms', { params: { query: { buildingId: filters.bygg, limit: 500 } } }).then(need)
      : Promise.resolve({ items: [] }),
    keptList('seasons', () =>
      client
        .GET('/seasons', { params: { query: { limit: 100 } } })
        .then(need)
        .then((page) => page.items.map((s) => ({ id: s.id, name: s.name }))),
    ),
    // Names only: the filter needs no more, and full views of 500 organisations are slow to make.
    keptList('organisations', () =>
      client
        .GET('/organisations/names', { params: { query: { status: 'verified', limit: 500 } } })
        .then(need)
        .then((page) =>
          page.items
            .map((o) => ({ id: o.id, name: o.name }))
            .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
        ),
    ),
  ]);
  return {
    filters,
    status,
    side,
    // What the table shows, not whole views: the page's data travels again in the HTML for hydration.
    requests: {
      total: requests.total,
      counts: requests.counts,
      items: requests.items.map((r) => ({
        id: r.id,
        title: r.title,
        firstStartsAt: r.firstStartsAt,
        organisationName: r.organisationName,
        roomName: r.roomName,
        buildingName: r.buildingName,
        pendingCount: r.pendingCount,
        occurrenceCount: r.occurrenceCount,
        chargedOre: r.total.chargedOre,
        hasConflict: r.hasConflict,
      })),
    },
    buildings,
    rooms: rooms.items.map((r) => ({ id: r.id, name: r.name })),
    seasons,
    organisations,
  };
}

export default function Inbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  usePolling();
  const { filters, status, side, requests, buildings, rooms, seasons, organisations } = loaderData;
  const query = (extra: Record<string, string>) => {
    const p = new URLSearchParams(Object.entries({ ...filters, ...extra }).filter(([, v]) => v));
    return `?${p.toString()}`;
  };
  const pages = Math.max(1, Math.ceil(requests.total / PAGE));
  const title = t('staff.inbox.title');
  return (
    <>
      <PageTitle text={title} />
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      <Paragraph>{t('staff.inbox.lead')}</Paragraph>

      <Form method="get" className="staff-filters" aria-label={t('staff.inbox.filters')}>
        <SelectField label={t('staff.inbox.building')} name="bygg" defaultValue={filters.bygg}>
          <option value="">{t('common.any')}</option>
          {buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('staff.inbox.room')}
          name="rom"
          defaultValue={filters.rom}
          description={filters.bygg ? undefined : t('staff.inbox.roomHint')}
        >
          <option value="">{t('common.any')}</option>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('staff.inbox.season')} name="sesong" defaultValue={filters.sesong}>
          <option value="">{t('common.any')}</option>
          {seasons.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('staff.inbox.organisation')}
          name="organisasjon"
          defaultValue={filters.organisasjon}
        >
          <option value="">{t('common.any')}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        {status && <input type="hidden" name="status" value={status} />}
        <Button type="submit" variant="secondary">
          {t('staff.inbox.filter')}
        </Button>
      </Form>

      <Heading level={2} data-size="sm">
        {t('staff.inbox.counts')}
      </Heading>
      <ul className="staff-counts">
        <li>
          <Link asChild>
            <RouterLink to={query({})} aria-current={status === '' ? 'page' : undefined}>
              {t('staff.inbox.pendingCount', {
                count: requests.counts.submitted + requests.counts.in_review,
              })}
            </RouterLink>
          </Link>
        </li>
        {STATES.map((s) => (
          <li key={s}>
            <Link asChild>
              <RouterLink to={query({ status: s })} aria-current={status === s ? 'page' : undefined}>
                {t(`staff.state.${s}` as MessageKey)}: {requests.counts[s]}
              </RouterLink>
            </Link>
          </li>
        ))}
      </ul>

      {requests.items.length === 0 ? (
        <Paragraph>{t('staff.inbox.empty')}</Paragraph>
      ) : (
        <TableScroll label={t('staff.inbox.caption', { count: requests.total })}>
          <Table zebra>
            <caption>{t('staff.inbox.caption', { count: requests.total })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('staff.inbox.firstDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.inbox.request')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.inbox.organisation')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.inbox.room')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.inbox.dates')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.inbox.fee')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.inbox.conflict')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {requests.items.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{r.firstStartsAt ? formatDateTime(r.firstStartsAt, lang) : '–'}</Table.Cell>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/saksbehandling/soknader/${r.id}`}>{r.title}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{r.organisationName}</Table.Cell>
                  <Table.Cell>
                    {r.roomName ? `${r.roomName}, ${r.buildingName}` : t('staff.inbox.seasonApplication')}
                  </Table.Cell>
                  <Table.Cell>
                    {t('staff.inbox.datesPending', { pending: r.pendingCount, count: r.occurrenceCount })}
                  </Table.Cell>
                  <Table.Cell>{formatMoney(r.chargedOre, lang)}</Table.Cell>
                  <Table.Cell>
                    {r.hasConflict ? (
                      <Tag data-color="danger">{t('staff.inbox.conflicts')}</Tag>
                    ) : (
                      t('staff.inbox.noConflict')
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {pages > 1 && (
        <Pagination aria-label={t('staff.inbox.pages')}>
          <Pagination.List>
            {Array.from({ length: pages }, (_, i) => i + 1)
              .filter((n) => n === 1 || n === pages || Math.abs(n - side) <= 2)
              .map((n) => (
                <Pagination.Item key={n}>
                  <Pagination.Button asChild aria-current={n === side ? 'page' : undefined}>
                    <RouterLink to={query({ ...(status ? { status } : {}), side: String(n) })}>
                      {n}
                    </RouterLink>
                  </Pagination.Button>
                </Pagination.Item>
              ))}
          </Pagination.List>
        </Pagination>
      )}
    </>
  );
}
