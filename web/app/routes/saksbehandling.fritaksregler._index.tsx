import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { apiFor, need } from '../api/client';
import { PageTitle } from '../components/page-title';
import { describeRule } from '../components/rule-text';
import { formatDay } from '../i18n/format';
import { useLang, useT } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/saksbehandling.fritaksregler._index';
import { TableScroll } from '../components/table-scroll';

/** Every exemption rule's current version, in rank order. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['staff']);
  const { client } = apiFor(request, context);
  const rules = await client.GET('/exemption-rules', { params: { query: { limit: 500 } } }).then(need);
  return { rules: rules.items };
}

export default function Rules({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <PageTitle text={t('staff.rules.title')} />
      <Heading level={1} data-size="xl">
        {t('staff.rules.title')}
      </Heading>
      <Paragraph>{t('staff.rules.lead')}</Paragraph>
      <div>
        <Button asChild>
          <RouterLink to="/saksbehandling/fritaksregler/ny">{t('staff.rules.new')}</RouterLink>
        </Button>
      </div>
      <TableScroll label={t('staff.rules.listCaption')}>
        <Table>
          <caption>{t('staff.rules.listCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('staff.rules.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('staff.rules.what')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('staff.rules.priority')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('staff.rules.valid')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('staff.rules.version')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {loaderData.rules.map((r) => (
              <Table.Row key={r.id}>
                <Table.HeaderCell scope="row">
                  <Link asChild>
                    <RouterLink to={`/saksbehandling/fritaksregler/${r.id}`}>{r.name}</RouterLink>
                  </Link>
                </Table.HeaderCell>
                <Table.Cell>{describeRule(r, t, lang)}</Table.Cell>
                <Table.Cell>{r.priority}</Table.Cell>
                <Table.Cell>
                  {r.validTo
                    ? t('staff.rules.validFromTo', {
                        from: formatDay(r.validFrom, lang),
                        to: formatDay(r.validTo, lang),
                      })
                    : t('staff.rules.validFromOn', { from: formatDay(r.validFrom, lang) })}
                </Table.Cell>
                <Table.Cell>{r.version}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </>
  );
}
