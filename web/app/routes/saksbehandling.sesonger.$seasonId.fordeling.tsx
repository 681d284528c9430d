import { Alert, Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { data, Form, redirect, Link as RouterLink, useRevalidator } from 'react-router';
import { apiFor, errorOf, need, notFound } from '../api/client';
import { CheckboxField, SelectField } from '../components/fields';
import { PageTitle } from '../components/page-title';
import { type MessageKey, useT } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/saksbehandling.sesonger.$seasonId.fordeling';
import { textOf } from '../lib/kroner';
import { TableScroll } from '../components/table-scroll';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RUNNING = ['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'];

/**
 * The allocation proposal: a run's progress (?jobb=<id>), the grid of rooms × weekdays with each
 * assignment's explanation, the applications left out with theirs; pin, move, run again, commit, publish.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['staff']);
  if (!UUID.test(params.seasonId)) notFound();
  const { client } = apiFor(request, context);
  const path = { id: params.seasonId };
  const url = new URL(request.url);
  const jobId = url.searchParams.get('jobb');
  const [season, allocation, applications, job] = await Promise.all([
    client.GET('/seasons/{id}', { params: { path } }).then(need),
    client.GET('/seasons/{id}/allocation', { params: { path } }),
    client.GET('/seasons/{id}/applications', { params: { path, query: { limit: 500 } } }).then(need),
    jobId && UUID.test(jobId) ? client.GET('/jobs/{id}', { params: { path: { id: jobId } } }) : null,
  ]);
  const state = job?.data?.state;
  const progress = typeof job?.data?.progress === 'number' ? job.data.progress : 0;
  return {
    season,
    // 404 before the first run: there is no proposal yet.
    allocation: allocation.data ?? null,
    preferences: Object.fromEntries(applications.items.map((a) => [a.id, a.preferences])),
    job: job?.data
      ? { id: job.data.id, state: state ?? '', progress, failed: job.data.failedReason ?? null }
      : null,
    running: Boolean(state && RUNNING.includes(state)),
    ok: url.searchParams.get('ok'),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireUser(request, context, ['staff']);
  const api = apiFor(request, context);
  const path = { id: params.seasonId };
  const form = await request.formData();
  const intent = textOf(form, 'intent');
  const base = `/saksbehandling/sesonger/${params.seasonId}/fordeling`;
  const fail = (error: ReturnType<typeof errorOf>) =>
    data({ error: error?.message ?? '' }, { status: error?.statusCode ?? 500, headers: api.headers });
  let result: { error?: unknown; response: Response; data?: unknown };
  if (intent === 'allocate') {
    const run = await api.client.POST('/seasons/{id}/allocate', { params: { path } });
    if (errorOf(run) || !run.data) return fail(errorOf(run));
    throw redirect(`${base}?jobb=${run.data.jobId}`, { headers: api.headers });
  } else if (intent === 'pin' || intent === 'unpin') {
    const current = await api.client.GET('/seasons/{id}/allocation', { params: { path } }).then(need);
    const requestId = textOf(form, 'requestId');
    const preferenceIndex = Number(form.get('preferenceIndex'));
    const others = current.pins.filter(
      (p) => !(p.requestId === requestId && p.preferenceIndex === preferenceIndex),
    );
    const pins = intent === 'pin' ? [...others, { requestId, preferenceIndex }] : others;
    result = await api.client.PUT('/seasons/{id}/allocation/pins', { params: { path }, body: { pins } });
  } else if (intent === 'move') {
    const requestId = textOf(form, 'requestId');
    if (!UUID.test(requestId)) return fail({ statusCode: 400, code: 'VALIDATION_FAILED', message: '' });
    result = await api.client.POST('/seasons/{id}/allocation/assignments/{requestId}/move', {
      params: { path: { id: params.seasonId, requestId } },
      body: {
        preferenceIndex: Number(form.get('til')),
        fromPreferenceIndex: Number(form.get('fra')),
      },
    });
  } else if (intent === 'commit') {
    result = await api.client.POST('/seasons/{id}/allocation/commit', {
      params: { path },
      body: { skipBookedDates: form.get('hopp-over') === 'on' },
    });
  } else if (intent === 'publish') {
    result = await api.client.POST('/seasons/{id}/publish', { params: { path } });
  } else {
    throw new Response('Unknown form', { status: 400 });
  }
  if (errorOf(result)) return fail(errorOf(result));
  throw redirect(`${base}?ok=${intent}`, { headers: api.headers });
}

type Assignment = NonNullable<Route.ComponentProps['loaderData']['allocation']>['assignments'][number];

function AssignmentCard({
  a,
  alternatives,
  locked,
}: {
  a: Assignment;
  alternatives: Preference[];
  locked: boolean;
}) {
  const t = useT();
  const label = `${a.organisationName}: ${a.title}`;
  return (
    <div className="assignment">
      <Paragraph data-size="sm">
        <strong>
          {a.startTime}–{a.endTime} {a.organisationName}
        </strong>
        , {a.title} {a.pinned && <Tag data-size="sm">{t('staff.allocation.pinned')}</Tag>}
      </Paragraph>
      <Paragraph data-size="sm" className="muted">
        {a.explanation}
      </Paragraph>
      {!locked && (
        <div className="button-row">
          <Form method="post">
            <input type="hidden" name="intent" value={a.pinned ? 'unpin' : 'pin'} />
            <input type="hidden" name="requestId" value={a.requestId} />
            <input type="hidden" name="preferenceIndex" value={a.preferenceIndex} />
            <Button
              type="submit"
              variant="tertiary"
              data-size="sm"
              aria-label={`${t(a.pinned ? 'staff.allocation.unpin' : 'staff.allocation.pin')}: ${label}`}
            >
              {t(a.pinned ? 'staff.allocation.unpin' : 'staff.allocation.pin')}
            </Button>
          </Form>
          {alternatives.length > 1 && (
            <Form method="post" className="move-form">
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="requestId" value={a.requestId} />
              <input type="hidden" name="fra" value={a.preferenceIndex} />
              <SelectField
                id={`flytt-${a.requestId}-${a.preferenceIndex}`}
                name="til"
                label={t('staff.allocation.moveTo', { what: label })}
                data-size="sm"
                defaultValue={String(a.preferenceIndex)}
              >
                {alternatives.map((p, i) => (
                  <option key={i} value={i}>
                    {t('staff.allocation.alternative', { n: i + 1 })}:{' '}
                    {t(`weekday.${p.weekday}` as MessageKey)} {p.startTime}–{p.endTime}
                  </option>
                ))}
              </SelectField>
              <Button type="submit" variant="secondary" data-size="sm">
                {t('staff.allocation.move')}
              </Button>
            </Form>
          )}
        </div>
      )}
    </div>
  );
}
type Preference = Route.ComponentProps['loaderData']['preferences'][string][number];

export default function AllocationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { season, allocation, preferences, job, running, ok } = loaderData;
  const revalidator = useRevalidator();
  // With JavaScript the progress bar moves by itself; without, the refresh link below does it.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const locked = Boolean(allocation?.committed);
  const rooms = season.rooms;
  const base = `/saksbehandling/sesonger/${season.id}`;
  return (
    <>
      <PageTitle text={t('staff.allocation.title', { season: season.name })} />
      <Paragraph>
        <Link asChild>
          <RouterLink to={base}>{t('staff.allocation.back', { season: season.name })}</RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="xl">
        {t('staff.allocation.title', { season: season.name })}
      </Heading>
      {actionData?.error && <Alert data-color="danger">{actionData.error}</Alert>}
      {ok && !actionData && (
        <Alert data-color="success" role="status">
          {t(`staff.allocation.ok.${ok}` as MessageKey)}
        </Alert>
      )}
      {job && running && (
        <div className="stack" role="status">
          <label htmlFor="fremdrift">
            {t('staff.allocation.running', { percent: Math.round(job.progress) })}
          </label>
          <progress id="fremdrift" max={100} value={job.progress}>
            {Math.round(job.progress)} %
          </progress>
          <Paragraph>
            <Link asChild>
              <RouterLink to={`?jobb=${job.id}`}>{t('staff.allocation.refresh')}</RouterLink>
            </Link>
          </Paragraph>
        </div>
      )}
      {job?.state === 'failed' && (
        <Alert data-color="danger">{t('staff.allocation.failed', { reason: job.failed ?? '' })}</Alert>
      )}

      {!allocation ? (
        <Paragraph>{t('staff.allocation.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t('staff.allocation.summary', {
              assigned: allocation.assignments.length,
              unassigned: allocation.unassigned.length,
            })}{' '}
            {allocation.status !== 'none' && t(`staff.allocation.solved.${allocation.status}` as MessageKey)}
          </Paragraph>
          {allocation.stale && !running && <Alert data-color="warning">{t('staff.allocation.stale')}</Alert>}
          <div className="button-row">
            {!locked && (
              <Form method="post">
                <input type="hidden" name="intent" value="allocate" />
                <Button type="submit" variant="secondary">
                  {t('staff.allocation.rerun')}
                </Button>
              </Form>
            )}
          </div>

          <section aria-labelledby="rutenett" className="stack">
            <Heading level={2} data-size="md" id="rutenett">
              {t('staff.allocation.grid')}
            </Heading>
            <TableScroll labelledBy="rutenett">
              <Table className="allocation-grid" data-size="sm">
                <caption>{t('staff.allocation.gridCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('staff.allocation.room')}</Table.HeaderCell>
                    {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                      <Table.HeaderCell key={d} scope="col">
                        {t(`weekday.${d}` as MessageKey)}
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {rooms.map((r) => (
                    <Table.Row key={r.id}>
                      <Table.HeaderCell scope="row">
                        {r.name} <span className="muted">{r.buildingName}</span>
                      </Table.HeaderCell>
                      {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                        <Table.Cell key={d}>
                          {allocation.assignments
                            .filter((a) => a.roomId === r.id && a.weekday === d)
                            .sort((x, y) => x.startTime.localeCompare(y.startTime))
                            .map((a) => (
                              <AssignmentCard
                                key={`${a.requestId}-${a.preferenceIndex}`}
                                a={a}
                                alternatives={preferences[a.requestId] ?? []}
                                locked={locked}
                              />
                            ))}
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          </section>

          <section aria-labelledby="uten-tid" className="stack">
            <Heading level={2} data-size="md" id="uten-tid">
              {t('staff.allocation.unassigned', { count: allocation.unassigned.length })}
            </Heading>
            {allocation.unassigned.length === 0 ? (
              <Paragraph>{t('staff.allocation.allAssigned')}</Paragraph>
            ) : (
              <ul className="closure-list">
                {allocation.unassigned.map((u) => (
                  <li key={u.requestId}>
                    <span>
                      <strong>
                        {u.organisationName}: {u.title}
                      </strong>
                      . {u.explanation}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="vedta" className="stack">
            <Heading level={2} data-size="md" id="vedta">
              {t('staff.allocation.decide')}
            </Heading>
            {!locked ? (
              season.status === 'open' ? (
                <Paragraph>{t('staff.allocation.commitWaits')}</Paragraph>
              ) : (
                <Form method="post" className="stack">
                  <input type="hidden" name="intent" value="commit" />
                  <Paragraph>{t('staff.allocation.commitLead')}</Paragraph>
                  <CheckboxField id="hopp-over" name="hopp-over" label={t('staff.allocation.skipBooked')} />
                  <div>
                    <Button type="submit">{t('staff.allocation.commit')}</Button>
                  </div>
                </Form>
              )
            ) : season.publishedAt ? (
              <Paragraph>{t('staff.allocation.published')}</Paragraph>
            ) : (
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="publish" />
                <Paragraph>{t('staff.allocation.publishLead')}</Paragraph>
                <div>
                  <Button type="submit">{t('staff.allocation.publish')}</Button>
                </div>
              </Form>
            )}
          </section>
        </>
      )}
    </>
  );
}
