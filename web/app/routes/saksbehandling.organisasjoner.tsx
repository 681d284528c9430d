import { Alert, Button, Card, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { data, Form, Link as RouterLink, redirect } from 'react-router';
import { errorOf, need } from '../api/client';
import type { components } from '../api/schema';
import { PageTitle } from '../components/page-title';
import { formatDateTime } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { field, staffApi, staffReader } from '../lib/staff.server';
import type { Route } from './+types/saksbehandling.organisasjoner';
import { TableScroll } from '../components/table-scroll';
import { forgetKeptList } from '../lib/kept-lists.server';

type Org = components['schemas']['OrganisationView'];
const UUID = /^[0-9a-f-]{36}$/i;

/** Organisations to verify (pending first), with what changed since staff last verified them. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { client } = staffReader(request, context);
  const url = new URL(request.url);
  const historyOf = url.searchParams.get('historikk') ?? '';
  const [pending, verified, history] = await Promise.all([
    client.GET('/organisations', { params: { query: { status: 'pending', limit: 200 } } }).then(need),
    client.GET('/organisations', { params: { query: { status: 'verified', limit: 50 } } }).then(need),
    UUID.test(historyOf)
      ? client.GET('/organisations/{id}/history', { params: { path: { id: historyOf } } }).then(need)
      : Promise.resolve(null),
  ]);
  return {
    pending: pending.items,
    verified: verified.items,
    history,
    historyOf,
    done: url.searchParams.get('ok'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const api = await staffApi(request, context);
  const id = field(await request.formData(), 'organisasjon');
  const result = await api.client.POST('/organisations/{id}/verify', { params: { path: { id } } });
  const error = errorOf(result);
  if (error) return data({ error, id }, { status: error.statusCode, headers: api.headers });
  forgetKeptList('organisations');
  throw redirect('/saksbehandling/organisasjoner?ok=verified', { headers: api.headers });
}

/** A changed field's value as text (values are strings, numbers, booleans or null). */
const shown = (v: unknown): string => {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

function Changes({ org }: { org: Org }) {
  const t = useT();
  const changes = Object.entries(org.changesSinceVerification ?? {});
  if (changes.length === 0) return <Paragraph>{t('staff.orgs.noChanges')}</Paragraph>;
  return (
    <ul>
      {changes.map(([name, c]) => (
        <li key={name}>
          {name}: {shown(c.from)} → {shown(c.to)}
        </li>
      ))}
    </ul>
  );
}

export default function Organisations({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { pending, verified, history, historyOf, done } = loaderData;
  const title = t('staff.orgs.title');
  return (
    <>
      <PageTitle text={title} />
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      {done && (
        <Alert data-color="success" role="status">
          {t('staff.orgs.verified')}
        </Alert>
      )}
      {actionData?.error && (
        <Alert data-color="danger" role="alert">
          {actionData.error.message}
        </Alert>
      )}
      <Heading level={2} data-size="md">
        {t('staff.orgs.pending', { count: pending.length })}
      </Heading>
      {pending.length === 0 && <Paragraph>{t('staff.orgs.nonePending')}</Paragraph>}
      {pending.map((org) => (
        <Card key={org.id} className="staff-stack" aria-labelledby={`org-${org.id}`}>
          <Heading level={3} data-size="sm" id={`org-${org.id}`}>
            {org.name} ({org.orgNumber})
          </Heading>
          <Paragraph>
            {t(`orgKind.${org.kind}` as MessageKey)}
            {org.registerStatus === 'unchecked' && (
              <>
                {' '}
                <Tag data-color="warning">{t('staff.orgs.unchecked')}</Tag>
              </>
            )}
          </Paragraph>
          <Heading level={4} data-size="xs">
            {t('staff.orgs.changes')}
          </Heading>
          <Changes org={org} />
          <Heading level={4} data-size="xs">
            {t('staff.orgs.contacts')}
          </Heading>
          <ul>
            {org.contacts.map((c) => (
              <li key={c.userId}>
                {c.name}, {c.email}{' '}
                <Tag data-color={c.emailConfirmed ? 'success' : 'warning'}>
                  {t(c.emailConfirmed ? 'staff.orgs.emailConfirmed' : 'staff.orgs.emailUnconfirmed')}
                </Tag>
              </li>
            ))}
          </ul>
          <div className="staff-actions">
            <Form method="post">
              <input type="hidden" name="organisasjon" value={org.id} />
              <Button type="submit" aria-describedby={`org-${org.id}`}>
                {t('staff.orgs.verify')}
              </Button>
            </Form>
            <Link asChild>
              <RouterLink to={`?historikk=${org.id}#historikk`}>
                {t('staff.orgs.history', { name: org.name })}
              </RouterLink>
            </Link>
          </div>
        </Card>
      ))}
      {history && (
        <section id="historikk" aria-labelledby="historikk-heading">
          <Heading level={2} data-size="md" id="historikk-heading">
            {t('staff.orgs.historyOf', {
              name: [...pending, ...verified].find((o) => o.id === historyOf)?.name ?? '',
            })}
          </Heading>
          <TableScroll labelledBy="historikk-heading">
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('staff.history.when')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('staff.history.who')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('staff.history.what')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {history.items.map((e) => (
                  <Table.Row key={e.id}>
                    <Table.Cell>{formatDateTime(e.at, lang)}</Table.Cell>
                    <Table.Cell>{e.actorName ?? t('staff.history.system')}</Table.Cell>
                    <Table.Cell>
                      {t(`staff.orgs.event.${e.kind}` as MessageKey)}
                      {Object.keys(e.changes ?? {}).length > 0 && `: ${Object.keys(e.changes).join(', ')}`}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </section>
      )}
      <Heading level={2} data-size="md">
        {t('staff.orgs.verifiedList')}
      </Heading>
      <ul>
        {verified.map((org) => (
          <li key={org.id}>
            {org.name} ({org.orgNumber}){' '}
            <Link asChild>
              <RouterLink to={`?historikk=${org.id}#historikk`}>
                {t('staff.orgs.history', { name: org.name })}
              </RouterLink>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
