import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { apiFor, errorOf, need } from '../api/client';
import { PageTitle } from '../components/page-title';
import { RoomCard, type RoomSummary } from '../components/room-card';
import { roomSearchOf, RoomSearchForm } from '../components/room-search-form';
import { freeFor, rulesFor } from '../components/rule-text';
import { formatDay } from '../i18n/format';
import { langOf, translate, useLang, useT } from '../i18n/i18n';
import type { Route } from './+types/lokaler._index';

/**
 * Rooms, or with a date and a time window the rooms free for the whole of it
 * (/lokaler?dato=2027-09-07&fra=18:00&til=20:00&plasser=20), filtered by kind, building, accessibility.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { client } = apiFor(request, context);
  const t = (k: Parameters<typeof translate>[1]) => translate(langOf(request), k);
  const search = roomSearchOf(new URL(request.url));
  const minCapacity = /^\d+$/.test(search.plasser) ? Number(search.plasser) : undefined;
  const filters = {
    minCapacity,
    accessible: search.tilgjengelig ? true : undefined,
    buildingId: search.bygg || undefined,
  };
  const windowAsked = Boolean(search.dato || search.fra || search.til);
  // The three calls at once: the rooms do not wait for the buildings and rules.
  const [buildings, rules, free, listed] = await Promise.all([
    client.GET('/buildings', { params: { query: { limit: 500 } } }).then(need),
    client.GET('/public/exemption-rules').then(need),
    windowAsked
      ? client.GET('/public/free-rooms', {
          params: { query: { date: search.dato, from: search.fra, to: search.til, limit: 500, ...filters } },
        })
      : null,
    windowAsked
      ? null
      : client.GET('/rooms', {
          params: { query: { limit: 500, kind: (search.type || undefined) as never, ...filters } },
        }),
  ]);
  let rooms: Omit<RoomSummary, 'freeFor'>[] = [];
  let error: string | null = null;
  if (free) {
    const failed = errorOf(free);
    if (failed) error = search.dato && search.fra && search.til ? failed.message : t('rooms.needWindow');
    rooms = (free.data?.items ?? []).filter((r) => !search.type || r.kind === search.type);
  } else if (listed) {
    error = errorOf(listed)?.message ?? null;
    const names = new Map(buildings.items.map((b) => [b.id, b.name]));
    rooms = (listed.data?.items ?? []).map((r) => ({ ...r, buildingName: names.get(r.buildingId) ?? '' }));
  }
  const kinds = new Map(buildings.items.map((b) => [b.name, b.kind]));
  return {
    search,
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
  const { search, rooms, buildings, error, windowAsked } = loaderData;
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
                count: rooms.length,
                date: formatDay(search.dato, lang),
                from: search.fra,
                to: search.til,
              })
            : t('rooms.count', { count: rooms.length })}
        </Heading>
        {rooms.length === 0 ? (
          <Paragraph>{t('rooms.none')}</Paragraph>
        ) : (
          <ul className="grid">
            {rooms.map((room) => (
              <li key={room.id}>
                <RoomCard room={room} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
