import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { components } from '../../api/schema';
import { formatDateTime, formatMoney, formatTime } from '../../i18n/format';
import { type MessageKey, useLang, useT } from '../../i18n/i18n';
import type { RequestActionData } from '../../routes/saksbehandling.soknader.$id';
import { CheckboxField, TextField } from '../fields';
import { FormErrorSummary } from '../form-error-summary';
import { TableScroll } from '../table-scroll';

type View = components['schemas']['BookingRequestView'];
type Color = 'warning' | 'success' | 'danger' | 'neutral';
const COLOR: Record<string, Color> = { pending: 'warning', approved: 'success', rejected: 'danger' };

/** Every date with its status, conflicts and fee; Godkjenn and Avslå for the ticked dates or all. */
export function DecideForm({
  view,
  rooms,
  act,
}: {
  view: View;
  rooms: { id: string; name: string }[];
  act?: RequestActionData;
}) {
  const t = useT();
  const lang = useLang();
  const mine = act?.intent === 'approve' || act?.intent === 'reject' ? act : undefined;
  const ticked = new Set((mine?.values?.dato ?? '').split(','));
  const roomName = (id: string) => rooms.find((r) => r.id === id)?.name ?? '';
  const occurrences = view.occurrences ?? [];
  const pending = occurrences.filter((o) => o.status === 'pending').length;
  return (
    <Form method="post" className="staff-stack" aria-labelledby="dates-heading">
      <Heading level={2} data-size="md" id="dates-heading">
        {t('staff.request.dates', { count: occurrences.length })}
      </Heading>
      <FormErrorSummary errors={mine?.fieldErrors} ids={(name) => `decide-${name}`} />
      <input type="hidden" name="version" value={view.version} />
      <TableScroll labelledBy="dates-heading">
        <Table zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('staff.request.date')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staff.request.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staff.inbox.room')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staff.inbox.conflict')}</Table.HeaderCell>
              <Table.HeaderCell>{t('staff.inbox.fee')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {occurrences.map((o) => {
              const when = `${formatDateTime(o.startsAt, lang)}–${formatTime(o.endsAt, lang)}`;
              const conflicts = o.conflicts.filter((c) => c.kind !== 'self');
              return (
                <Table.Row key={o.id}>
                  <Table.Cell>
                    {o.status === 'pending' ? (
                      <CheckboxField
                        label={when}
                        name="dato"
                        value={o.id}
                        defaultChecked={ticked.has(o.id) || undefined}
                      />
                    ) : (
                      when
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={COLOR[o.status] ?? 'neutral'}>
                      {t(`staff.occurrence.${o.status}` as MessageKey)}
                    </Tag>
                    {o.decisionNote && <div>{o.decisionNote}</div>}
                  </Table.Cell>
                  <Table.Cell>{roomName(o.roomId)}</Table.Cell>
                  <Table.Cell>
                    {conflicts.length === 0
                      ? t('staff.inbox.noConflict')
                      : conflicts.map((c) => t(`staff.conflictKind.${c.kind}` as MessageKey)).join(', ')}
                  </Table.Cell>
                  <Table.Cell>{formatMoney(o.fee.chargedOre, lang)}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableScroll>
      {pending > 0 ? (
        <>
          <Paragraph data-size="sm">{t('staff.request.tickHint')}</Paragraph>
          <TextField
            id="decide-begrunnelse"
            label={t('staff.request.reason')}
            description={t('staff.request.reasonHint')}
            name="begrunnelse"
            defaultValue={mine?.values?.begrunnelse}
            error={mine?.fieldErrors?.fields.begrunnelse}
          />
          <div className="staff-actions">
            <Button type="submit" name="intent" value="approve">
              {t('staff.decide.approve')}
            </Button>
            <Button type="submit" name="intent" value="reject" variant="secondary" data-color="danger">
              {t('staff.decide.reject')}
            </Button>
          </div>
        </>
      ) : (
        <Paragraph>{t('staff.request.nothingPending')}</Paragraph>
      )}
    </Form>
  );
}
