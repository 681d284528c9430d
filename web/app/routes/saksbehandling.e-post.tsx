import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { errorOf, need } from '../api/client';
import { PageTitle } from '../components/page-title';
import { formatDateTime } from '../i18n/format';
import { useLang, useT } from '../i18n/i18n';
import { field, staffApi, staffReader } from '../lib/staff.server';
import type { Route } from './+types/saksbehandling.e-post';
import { TableScroll } from '../components/table-scroll';

/** Mails that did not go out, each with a way to send it again. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { client } = staffReader(request, context);
  const failed = await client
    .GET('/admin/outbox', { params: { query: { status: 'failed', limit: 100 } } })
    .then(need);
  return { failed, done: new URL(request.url).searchParams.get('ok') };
}

export async function action({ request, context }: Route.ActionArgs) {
  const api = await staffApi(request, context);
  const id = field(await request.formData(), 'melding');
  const result = await api.client.POST('/admin/outbox/{id}/retry', { params: { path: { id } } });
  const error = errorOf(result);
  if (error) return data({ error }, { status: error.statusCode, headers: api.headers });
  throw redirect('/saksbehandling/e-post?ok=retried', { headers: api.headers });
}

export default function FailedMail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { failed, done } = loaderData;
  const title = t('staff.mail.title');
  return (
    <>
      <PageTitle text={title} />
      <Heading level={1} data-size="xl">
        {title}
      </Heading>
      {done && (
        <Alert data-color="success" role="status">
          {t('staff.mail.retried')}
        </Alert>
      )}
      {actionData?.error && (
        <Alert data-color="danger" role="alert">
          {actionData.error.message}
        </Alert>
      )}
      {failed.items.length === 0 ? (
        <Paragraph>{t('staff.mail.none')}</Paragraph>
      ) : (
        <TableScroll label={t('staff.mail.caption', { count: failed.total })}>
          <Table zebra>
            <caption>{t('staff.mail.caption', { count: failed.total })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('staff.mail.created')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.mail.to')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.mail.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.mail.error')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.mail.action')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {failed.items.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{formatDateTime(m.createdAt, lang)}</Table.Cell>
                  <Table.Cell id={`to-${m.id}`}>{m.toEmail}</Table.Cell>
                  <Table.Cell>{m.kind}</Table.Cell>
                  <Table.Cell>
                    {m.lastError ?? ''} ({t('staff.mail.attempts', { count: m.attempts })})
                  </Table.Cell>
                  <Table.Cell>
                    <Form method="post">
                      <input type="hidden" name="melding" value={m.id} />
                      <Button type="submit" variant="secondary" aria-describedby={`to-${m.id}`}>
                        {t('staff.mail.retry')}
                      </Button>
                    </Form>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
