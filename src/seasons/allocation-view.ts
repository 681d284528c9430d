import type { AllocationView, AssignmentView, UnassignedView } from './dto/allocation.dto';
import type { StoredProposal } from './proposal';
import type { SeasonAllocation } from './season-allocation.entity';
import { explainApplication } from './season-explain';
import { formatInstant } from '../common/time';

/** Whether the season changed since the proposal was computed from it. */
export const isStale = (proposal: StoredProposal, seasonChangedAt: Date): boolean =>
  new Date(proposal.basis).getTime() !== seasonChangedAt.getTime();

/** The proposal as staff read it: one row per granted session, one per application left out. */
export function allocationView(
  row: SeasonAllocation,
  seasonChangedAt: Date,
  committed: boolean,
  jobAlive: boolean,
): AllocationView {
  const p = row.proposal;
  let status: string = p?.solverStatus ?? 'none';
  if (row.state === 'failed' || ((row.state === 'queued' || row.state === 'running') && !jobAlive)) {
    status = 'failed';
  } else if (row.state !== 'done') status = row.state;
  const pinned = new Set(row.pins.map((x) => `${x.requestId}#${x.preferenceIndex}`));
  const assignments: AssignmentView[] = [];
  const unassigned: UnassignedView[] = [];
  for (const app of p?.applications ?? []) {
    const explanation = explainApplication(app, p!, 'en');
    const who = {
      organisationId: app.organisationId,
      organisationName: app.organisationName,
      title: app.title,
      tier: app.tier,
    };
    if (app.granted.length === 0) unassigned.push({ requestId: app.requestId, explanation, ...who });
    for (const k of app.granted) {
      const pref = app.preferences[k];
      const dates = app.dates.find((d) => d.preferenceIndex === k);
      const room = p!.rooms[pref.roomId];
      assignments.push({
        requestId: app.requestId,
        preferenceIndex: k,
        roomId: pref.roomId,
        weekday: pref.weekday,
        startTime: pref.startTime,
        endTime: pref.endTime,
        explanation,
        ...who,
        roomName: room?.name ?? '',
        buildingName: room?.buildingName ?? '',
        pinned: pinned.has(`${app.requestId}#${k}`),
        occurrences: dates?.occurrences ?? 0,
        skippedDates: dates?.skipped ?? [],
      });
    }
  }
  return {
    seasonId: row.seasonId,
    status,
    objective: p?.objective ?? null,
    bound: p?.bound ?? null,
    gap: p?.gap ?? null,
    assignments,
    unassigned,
    jobId: row.jobId,
    pins: row.pins,
    stale: p ? isStale(p, seasonChangedAt) : false,
    committed,
    computedAt: p?.computedAt ? formatInstant(new Date(p.computedAt)) : null,
    editedAt: p?.editedAt ? formatInstant(new Date(p.editedAt)) : null,
    tiers: (p?.tiers ?? []).map(({ tier, name }) => ({
      tier,
      name,
      hours: p!.hoursByTier[tier] ?? 0,
      boundHours: p!.hoursBoundByTier[tier] ?? 0,
      greedyHours: p!.greedyHoursByTier[tier] ?? 0,
    })),
    ...(p
      ? {
          components: p.components,
          componentsOptimal: p.componentsOptimal,
          solveMs: p.solveMs,
          ...(p.solverError ? { solverError: p.solverError } : {}),
        }
      : {}),
    ...(row.failure ? { failure: row.failure } : {}),
  };
}
