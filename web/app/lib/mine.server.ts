import { type Api, need } from '../api/client';
import type { components } from '../api/schema';

type Request = components['schemas']['BookingRequestView'];

/**
 * What /min-side shows: my organisations, each with the year's support statement (by building and
 * month), my requests newest first, each with every date (GET /booking-requests/:id), rule names and
 * room names, and the service's late-cancellation limit (GET /public/settings) for the warning.
 */
export async function loadMine(api: Api, year: number) {
  const { client } = api;
  const [orgs, requests, rules, rooms, settings] = await Promise.all([
    client.GET('/organisations', { params: { query: { limit: 100 } } }),
    client.GET('/booking-requests', { params: { query: { limit: 100 } } }),
    client.GET('/public/exemption-rules'),
    client.GET('/rooms', { params: { query: { limit: 500 } } }),
    client.GET('/public/settings'),
  ]);
  const organisations = orgs.data?.items ?? [];
  const support = await Promise.all(
    organisations.map(
      async (o) =>
        (
          await client.GET('/organisations/{id}/support', {
            params: { path: { id: o.id }, query: { year } },
          })
        ).data ?? null,
    ),
  );
  const newest = [...(requests.data?.items ?? [])]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 10);
  const detailed = await Promise.all(
    newest.map(
      async (r): Promise<Request> =>
        (await client.GET('/booking-requests/{id}', { params: { path: { id: r.id } } })).data ?? r,
    ),
  );
  const ruleNames = Object.fromEntries((rules.data?.items ?? []).map((r) => [r.id, r.name]));
  const roomNames = Object.fromEntries((rooms.data?.items ?? []).map((r) => [r.id, r.name]));
  return {
    year,
    lateCancellationDays: need(settings).lateCancellationDays,
    organisations: organisations.map((o, i) => ({
      id: o.id,
      name: o.name,
      orgNumber: o.orgNumber,
      status: o.status,
      support: support[i],
    })),
    requests: detailed.map((r) => ({
      id: r.id,
      title: r.title,
      organisationName: r.organisationName,
      roomName: r.roomId ? (roomNames[r.roomId] ?? '') : '',
      status: r.status,
      createdAt: r.createdAt,
      total: r.total,
      occurrences: (r.occurrences ?? []).map((o) => ({
        id: o.id,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        status: o.status,
        conflicts: o.conflicts,
        chargedOre: o.fee.chargedOre,
        listOre: o.fee.listOre,
        ruleName: o.fee.ruleId ? (ruleNames[o.fee.ruleId] ?? null) : null,
        cancelledLate: o.cancelledLate,
      })),
    })),
  };
}

export type Mine = Awaited<ReturnType<typeof loadMine>>;
