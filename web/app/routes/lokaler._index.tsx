import { Alert, Heading, Pagination, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink, useLocation } from 'react-router';
import { apiFor, errorOf, need } from '../api/client';
import type { components } from '../api/schema';
import { PageTitle } from '../components/page-title';
import { RoomCard, type RoomSummary } from '../components/room-card';
import { roomSearchOf, RoomSearchForm } from '../components/room-search-form';
import { freeFor, rulesFor } from '../components/rule-text';
import { formatDay } from '../i18n/format';
import { langOf, translate, useLang, useT } from '../i18n/i18n';
import type { Route } from './+types/lokaler._index';

/** Results per page: a city has hundreds of free rooms on an evening; ?side=2 shows the next ones. */
const PAGE = 50;

/**
 * Rooms, or with a date and a time window the rooms free for the whole of it
 * (/lokaler?dato=2027-09-07&fra=18:00&til=20:00&plasser=20), filtered by kind, building, accessibility.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { client } = apiFor(request, context);
  const t = (k: Parameters<typeof translate>[1]) => translate(langOf(request), k);
  const url = new URL(request.url);
  const search = roomSearchOf(url);
  const minCapacity = /^\d+$/.test(search.plasser) ? Number(search.plasser) : undefined;
  const filters = {
    minCapacity,
    kind: (search.type || undefined) as components['schemas']['FreeRoomView']['kind'] | undefined,
    accessible: search.tilgjengelig ? true : undefined,
    buildingId: search.bygg || undefined,
  };
  const windowAsked = Boolean(search.dato || search.fra || search.til);
  const asked = Math.min(1000, Math.max(1, Math.floor(Number(url.searchParams.get('side'))) || 1));
  // The API filters by everything asked and gives the page.
  const page = { limit: PAGE, offset: (asked - 1) * PAGE };
  // The three calls at once: the rooms do not wait for the buildings and rules.
  const [buildings, rules, free, listed] = await Promise.all([
    client.GET('/buildings', { params: { query: { limit: 500 } } }).then(need),
    client.GET('/public/exemption-rules').then(need),
    windowAsked
      ? client.GET('/public/free-rooms', {
          params: { query: { date: search.dato, from: search.fra, to: search.til, ...page, ...filters } },
        })
      : null,
    windowAsked
      ? null
      : client.GET('/rooms', {
          params: { query: { ...page, ...filters } },
        }),
  ]);
  let rooms: Omit<RoomSummary, 'freeFor'>[] = [];
  let total = 0;
  let error: string | null = null;
  if (free) {
    const failed = errorOf(free);
    if (failed) error = search.dato && search.fra && search.til ? failed.message : t('rooms.needWindow');
    rooms = free.data?.items ?? [];
    total = free.data?.total ?? 0;
  } else if (listed) {
    error = errorOf(listed)?.message ?? null;
    const names = new Map(buildings.items.map((b) => [b.id, b.name]));
    rooms = (listed.data?.items ?? []).map((r) => ({ ...r, buildingName: names.get(r.buildingId) ?? '' }));
    total = listed.data?.total ?? 0;
  }
  const kinds = new Map(buildings.items.map((b) => [b.name, b.kind]));
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return {
    search,
    total,
    side: asked,
    pages,
    windowAsked: windowAsked && !error,
    // Only what the form's building list needs.
    buildings: buildings.items.map((b) => ({ id: b.id, name: b.name })),
    error,
    rooms: rooms.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      capacity: r.capacity,
      accessible: r.accessible,
      buildingName: r.buildingName,
      freeFor: freeFor(rulesFor(rules.items, r.kind, kinds.get(r.buildingName)), (k, v) =>
        translate(langOf(request), k, v),
      ),
    })),
  };
}

export default function Rooms({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const { search, rooms, total, side, pages, buildings, error, windowAsked } = loaderData;
  const pageLink = (n: number) => {
    const params = new URLSearchParams(location.search);
    if (n === 1) params.delete('side');
    else params.set('side', String(n));
    return `${location.pathname}?${params.toString()}`;
  };
  const title = windowAsked ? t('rooms.freeTitle') : t('rooms.title');
  return (
    <>
      <PageTitle text={title} />
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      <RoomSearchForm search={search} buildings={buildings} />
      {error && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <section aria-labelledby="results" className="stack">
        <Heading level={2} data-size="sm" id="results" aria-live="polite">
          {windowAsked
            ? t('rooms.freeCount', {
                count: total,
                date: formatDay(search.dato, lang),
                from: search.fra,
                to: search.til,
              })
            : t('rooms.count', { count: total })}
        </Heading>
        {rooms.length === 0 ? (
          <Paragraph>{t('rooms.none')}</Paragraph>
        ) : (
          <>
            {pages > 1 && (
              <Paragraph>
                {t('rooms.showing', {
                  first: (side - 1) * PAGE + 1,
                  last: (side - 1) * PAGE + rooms.length,
                  count: total,
                })}
              </Paragraph>
            )}
            <ul className="grid">
              {rooms.map((room) => (
                <li key={room.id}>
                  <RoomCard room={room} />
                </li>
              ))}
            </ul>
          </>
        )}
        {pages > 1 && (
          <Pagination aria-label={t('rooms.pages')}>
            <Pagination.List>
              {Array.from({ length: pages }, (_, i) => i + 1)
                .filter((n) => n === 1 || n === pages || Math.abs(n - side) <= 2)
                .map((n) => (
                  <Pagination.Item key={n}>
                    <Pagination.Button asChild aria-current={n === side ? 'page' : undefined}>
                      <RouterLink to={pageLink(n)}>{n}</RouterLink>
                    </Pagination.Button>
                  </Pagination.Item>
                ))}
            </Pagination.List>
          </Pagination>
        )}
      </section>
    </>
  );
}
