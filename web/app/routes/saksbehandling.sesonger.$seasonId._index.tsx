import { Alert, Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { data, Form, redirect, Link as RouterLink } from 'react-router';
import { apiFor, errorOf, need, notFound } from '../api/client';
import { PageTitle } from '../components/page-title';
import { formatDateTime, formatDay } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/saksbehandling.sesonger.$seasonId._index';
import { TableScroll } from '../components/table-scroll';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A season round: its dates and rooms, its applications, closing it and starting the allocation. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['staff']);
  if (!UUID.test(params.seasonId)) notFound();
  const { client } = apiFor(request, context);
  const path = { id: params.seasonId };
  const [season, applications] = await Promise.all([
    client.GET('/seasons/{id}', { params: { path } }).then(need),
    client.GET('/seasons/{id}/applications', { params: { path, query: { limit: 500 } } }).then(need),
  ]);
  return { season, applications: applications.items, total: applications.total };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireUser(request, context, ['staff']);
  const api = apiFor(request, context);
  const path = { id: params.seasonId };
  const intent = (await request.formData()).get('intent');
  if (intent === 'close') {
    // The deadline moved to now: the round closes, and a committed allocation becomes possible.
    const result = await api.client.PATCH('/seasons/{id}', {
      params: { path },
      body: { applicationDeadline: new Date().toISOString() } as never,
    });
    const error = errorOf(result);
    if (error) return data({ error: error.message }, { status: error.statusCode, headers: api.headers });
    throw redirect(`/saksbehandling/sesonger/${params.seasonId}`, { headers: api.headers });
  }
  if (intent === 'allocate') {
    const result = await api.client.POST('/seasons/{id}/allocate', { params: { path } });
    const error = errorOf(result);
    if (error || !result.data) {
      return data(
        { error: error?.message ?? '' },
        { status: error?.statusCode ?? 500, headers: api.headers },
      );
    }
    throw redirect(`/saksbehandling/sesonger/${params.seasonId}/fordeling?jobb=${result.data.jobId}`, {
      headers: api.headers,
    });
  }
  throw new Response('Unknown form', { status: 400 });
}

export default function SeasonPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { season, applications, total } = loaderData;
  const rooms = new Map(season.rooms.map((r) => [r.id, `${r.name}, ${r.buildingName}`]));
  const base = `/saksbehandling/sesonger/${season.id}`;
  const committed = Boolean(season.committedAt);
  return (
    <>
      <PageTitle text={season.name} />
      <Paragraph>
        <Link asChild>
          <RouterLink to="/saksbehandling/sesonger">{t('staff.seasons.back')}</RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="xl">
        {season.name}
      </Heading>
      {actionData?.error && <Alert data-color="danger">{actionData.error}</Alert>}
      <dl className="facts">
        <dt>{t('staff.seasons.status')}</dt>
        <dd>
          <Tag data-size="sm">{t(`staff.seasonStatus.${season.status}` as MessageKey)}</Tag>
        </dd>
        <dt>{t('staff.seasons.period')}</dt>
        <dd>
          {t('staff.rules.validFromTo', {
            from: formatDay(season.startsOn, lang),
            to: formatDay(season.endsOn, lang),
          })}
        </dd>
        <dt>{t('staff.seasons.applicationTime')}</dt>
        <dd>
          {t('staff.rules.validFromTo', {
            from: formatDateTime(season.applicationOpensAt, lang),
            to: formatDateTime(season.applicationDeadline, lang),
          })}
        </dd>
        <dt>{t('staff.seasons.rooms')}</dt>
        <dd>{season.rooms.map((r) => `${r.name} (${r.buildingName})`).join(', ') || t('common.none')}</dd>
      </dl>

      <nav aria-label={t('staff.seasons.steps')} className="button-row">
        <Button asChild variant="secondary">
          <RouterLink to={`${base}/prioritering`}>{t('staff.seasons.policy')}</RouterLink>
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to={`${base}/fordeling`}>{t('staff.seasons.proposal')}</RouterLink>
        </Button>
      </nav>
      {!committed && (
        <div className="button-row">
          <Form method="post">
            <input type="hidden" name="intent" value="allocate" />
            <Button type="submit">{t('staff.seasons.allocate')}</Button>
          </Form>
          {season.status === 'open' && (
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <Button type="submit" variant="secondary">
                {t('staff.seasons.closeNow')}
              </Button>
            </Form>
          )}
        </div>
      )}
      {season.status === 'open' && <Paragraph data-size="sm">{t('staff.seasons.previewNote')}</Paragraph>}

      <section aria-labelledby="soknader" className="stack">
        <Heading level={2} data-size="md" id="soknader">
          {t('staff.seasons.applications', { count: total })}
        </Heading>
        <TableScroll labelledBy="soknader">
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('staff.seasons.organisation')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('staff.seasons.activity')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('staff.seasons.perWeek')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('staff.seasons.alternatives')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('staff.seasons.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {applications.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>{a.organisationName}</Table.Cell>
                  <Table.HeaderCell scope="row">
                    {a.title} <span className="muted">({t(`ageGroup.${a.ageGroup}` as MessageKey)})</span>
                  </Table.HeaderCell>
                  <Table.Cell>{a.sessionsPerWeek}</Table.Cell>
                  <Table.Cell>
                    <ol className="alternatives">
                      {a.preferences.map((p, i) => (
                        <li key={i}>
                          {rooms.get(p.roomId) ?? ''}, {t(`weekday.${p.weekday}` as MessageKey)} {p.startTime}
                          –{p.endTime}
                        </li>
                      ))}
                    </ol>
                  </Table.Cell>
                  <Table.Cell>{t(`staff.requestStatus.${a.status}` as MessageKey)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      </section>
    </>
  );
}
