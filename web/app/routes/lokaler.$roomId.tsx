import { Button, Heading, Link, List, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { apiFor, need, notFound } from '../api/client';
import { PageTitle } from '../components/page-title';
import { RoomWeek } from '../components/room-week';
import { describeRule, rulesFor } from '../components/rule-text';
import { WeekNav } from '../components/week-nav';
import { formatMoney } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { addDays, weekFromUrl } from '../lib/week';
import type { Route } from './+types/lokaler.$roomId';
import { TableScroll } from '../components/table-scroll';

const RENTERS = ['nonprofit', 'public', 'commercial', 'private'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A room's facts, hours, prices, the rules that lower them, and its week (?uke=2027-W36). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  if (!UUID.test(params.roomId)) notFound();
  const { client } = apiFor(request, context);
  const week = weekFromUrl(new URL(request.url));
  const room = await client.GET('/rooms/{id}', { params: { path: { id: params.roomId } } }).then(need);
  const [building, siblings, prices, rules, busy] = await Promise.all([
    client.GET('/buildings/{id}', { params: { path: { id: room.buildingId } } }).then(need),
    client.GET('/rooms', { params: { query: { buildingId: room.buildingId, limit: 500 } } }).then(need),
    client.GET('/rooms/{id}/prices', { params: { path: { id: room.id } } }),
    client.GET('/public/exemption-rules').then(need),
    client
      .GET('/public/rooms/{id}/busy', {
        params: { path: { id: room.id }, query: { from: week.monday, to: addDays(week.monday, 6) } },
      })
      .then(need),
  ]);
  const names = new Map(siblings.items.map((r) => [r.id, r.name]));
  return {
    room,
    building,
    parent: room.parentRoomId ? { id: room.parentRoomId, name: names.get(room.parentRoomId) ?? '' } : null,
    sections: room.sectionIds
      .map((id) => ({ id, name: names.get(id) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    prices: prices.data ?? null,
    rules: rulesFor(rules.items, room.kind, building.kind),
    busy: busy.items,
    week,
  };
}

export default function RoomPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { room, building, parent, sections, prices, rules, busy, week } = loaderData;
  const weekNumber = String(Number(week.week.slice(-2)));
  return (
    <>
      <PageTitle text={`${room.name}, ${building.name}`} />
      <div className="stack">
        <Heading level={1} data-size="xl">
          {room.name}
        </Heading>
        <Paragraph data-size="lg">
          {building.name}
          {building.address ? `, ${building.address}` : ''}
        </Paragraph>
        <Button asChild>
          <RouterLink to={`/soknad?rom=${room.id}`}>{t('room.apply')}</RouterLink>
        </Button>
      </div>

      <section aria-labelledby="facts" className="stack">
        <Heading level={2} data-size="md" id="facts">
          {t('room.facts')}
        </Heading>
        <dl className="facts">
          <dt>{t('room.kind')}</dt>
          <dd>{t(`roomKind.${room.kind}` as MessageKey)}</dd>
          <dt>{t('room.capacity')}</dt>
          <dd>{t('common.people', { count: room.capacity })}</dd>
          {room.areaSqm !== null && (
            <>
              <dt>{t('room.area')}</dt>
              <dd>{t('room.areaValue', { area: room.areaSqm })}</dd>
            </>
          )}
          <dt>{t('room.accessibility')}</dt>
          <dd>{t(room.accessible ? 'common.accessible' : 'common.notAccessible')}</dd>
          <dt>{t('room.facilities')}</dt>
          <dd>{room.facilities.length ? room.facilities.join(', ') : t('common.none')}</dd>
          {parent && (
            <>
              <dt>{t('room.partOf')}</dt>
              <dd>
                <Link asChild>
                  <RouterLink to={`/lokaler/${parent.id}`}>{parent.name}</RouterLink>
                </Link>
              </dd>
            </>
          )}
          {sections.length > 0 && (
            <>
              <dt>{t('room.sections')}</dt>
              <dd>
                {sections.map((s, i) => (
                  <span key={s.id}>
                    {i > 0 && ', '}
                    <Link asChild>
                      <RouterLink to={`/lokaler/${s.id}`}>{s.name}</RouterLink>
                    </Link>
                  </span>
                ))}
              </dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="prices" className="stack">
        <Heading level={2} data-size="md" id="prices">
          {t('room.prices')}
        </Heading>
        {prices ? (
          <TableScroll labelledBy="prices">
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('room.renter')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('room.perHour')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('room.perBooking')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {RENTERS.map((r) => (
                  <Table.Row key={r}>
                    <Table.HeaderCell scope="row">{t(`renter.${r}`)}</Table.HeaderCell>
                    <Table.Cell>{formatMoney(prices.hourlyOre[r], lang)}</Table.Cell>
                    <Table.Cell>{formatMoney(prices.fixedPerBookingOre?.[r] ?? 0, lang)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        ) : (
          <Paragraph>{t('room.noPrices')}</Paragraph>
        )}
        {prices?.extras.map((e) => (
          <Paragraph key={e.kind} data-size="sm">
            {t('room.extra', { kind: t(`charge.${e.kind}`), amount: formatMoney(e.hourlyOre, lang) })}
          </Paragraph>
        ))}
        <Heading level={3} data-size="xs">
          {t('room.rules')}
        </Heading>
        {rules.length ? (
          <List.Unordered>
            {rules.map((r) => (
              <List.Item key={r.id}>
                <strong>{r.name}:</strong> {describeRule(r, t, lang)}
              </List.Item>
            ))}
          </List.Unordered>
        ) : (
          <Paragraph>{t('room.noRules')}</Paragraph>
        )}
      </section>

      <section aria-labelledby="week" className="stack">
        <Heading level={2} data-size="md" id="week">
          {t('room.week', { week: weekNumber })}
        </Heading>
        <WeekNav week={week} />
        <RoomWeek
          days={week.days}
          busy={busy}
          hours={room.openingHours}
          caption={t('common.week', { week: weekNumber })}
        />
      </section>
    </>
  );
}
