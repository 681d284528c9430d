import { Alert, Details, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { apiFor, need, notFound } from '../api/client';
import { PageTitle } from '../components/page-title';
import { RuleForm } from '../components/rule-form';
import { RuleSimulation } from '../components/rule-simulation';
import { describeRule } from '../components/rule-text';
import { formatDateTime } from '../i18n/format';
import { useLang, useT } from '../i18n/i18n';
import { ruleFormAction } from '../lib/rule-action.server';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/saksbehandling.fritaksregler.$ruleId';
import { NO_ERRORS } from '../lib/form-errors';
import { TableScroll } from '../components/table-scroll';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A rule: its versions, and editing it (a new version), tried on the last twelve months first. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['staff']);
  if (!UUID.test(params.ruleId)) notFound();
  const { client } = apiFor(request, context);
  const rule = await client
    .GET('/exemption-rules/{id}', { params: { path: { id: params.ruleId } } })
    .then(need);
  return { rule, saved: new URL(request.url).searchParams.get('lagret') };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireUser(request, context, ['staff']);
  if (!UUID.test(params.ruleId)) notFound();
  return ruleFormAction(request, context, params.ruleId);
}

export default function EditRule({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { rule, saved } = loaderData;
  return (
    <>
      <PageTitle text={rule.name} />
      <Paragraph>
        <Link asChild>
          <RouterLink to="/saksbehandling/fritaksregler">{t('staff.rules.back')}</RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="xl">
        {rule.name}
      </Heading>
      {saved && (
        <Alert data-color="success" role="status">
          {t('staff.rules.saved', { version: saved })}
        </Alert>
      )}
      <Paragraph>
        {describeRule(rule, t, lang)}. {t('staff.rules.versionOf', { version: rule.version })}
      </Paragraph>
      <Details>
        <Details.Summary>{t('staff.rules.versions')}</Details.Summary>
        <Details.Content>
          <TableScroll label={t('staff.rules.versions')}>
            <Table data-size="sm">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('staff.rules.version')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('staff.rules.made')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('staff.rules.what')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rule.versions.map((v) => (
                  <Table.Row key={v.version}>
                    <Table.HeaderCell scope="row">{v.version}</Table.HeaderCell>
                    <Table.Cell>{formatDateTime(v.createdAt, lang)}</Table.Cell>
                    <Table.Cell>
                      {v.name}: {describeRule(v, t, lang)}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </Details.Content>
      </Details>
      <Heading level={2} data-size="md">
        {t('staff.rules.edit')}
      </Heading>
      <Paragraph>{t('staff.rules.editLead')}</Paragraph>
      {actionData?.simulation && actionData.chart && (
        <RuleSimulation simulation={actionData.simulation} chart={actionData.chart} />
      )}
      <RuleForm
        key={rule.version}
        rule={actionData?.draft ?? rule}
        errors={actionData?.errors ?? NO_ERRORS}
        submitLabel={t('staff.rules.saveVersion')}
      />
    </>
  );
}
