import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Form, Link } from 'react-router';
import { WithdrawRequest } from '../withdraw-request';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { type MessageKey, useLang, useT } from '../../i18n/i18n';
import type { Mine } from '../../lib/mine.server';
import { TextField } from '../fields';
import { OccurrenceTable } from '../occurrence-table';

/** Late as the API counts it: closer to the start than its LATE_CANCELLATION_DAYS (GET /public/settings). */
const isLate = (startsAt: string, lateDays: number) =>
  new Date(startsAt).getTime() - Date.now() < lateDays * 86_400_000;
const WITHDRAWABLE = ['submitted', 'in_review', 'partially_approved'];

/**
 * My requests, each with every date's status, conflicts, fee and rule. `Trekk søknaden` and `Avbestill`
 * first ask (a GET to this page with ?trekk= or ?avbestill=, so it works without JavaScript), then do.
 */
export function MyRequests({
  requests,
  confirmWithdraw,
  confirmCancel,
  lateDays,
  error,
}: {
  requests: Mine['requests'];
  confirmWithdraw: string | null;
  confirmCancel: string | null;
  /** How many days before the start a cancellation counts as late. */
  lateDays: number;
  error?: string;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="mine-requests" className="stack">
      <Heading level={2} data-size="lg" id="mine-requests">
        {t('mine.requests')}
      </Heading>
      <Paragraph>
        <Link to="/soknad">{t('mine.newRequest')}</Link>
      </Paragraph>
      {requests.length === 0 && <Paragraph>{t('mine.noRequests')}</Paragraph>}
      {requests.map((r) => {
        const cancelling = r.occurrences.find((o) => o.id === confirmCancel);
        return (
          <Card key={r.id} id={`request-${r.id}`} className="stack">
            <Heading level={3} data-size="md">
              {r.title}
            </Heading>
            <Paragraph>
              {t('mine.requestFacts', {
                organisation: r.organisationName,
                room: r.roomName,
                sent: formatDateTime(r.createdAt, lang),
              })}{' '}
              <Tag data-color="info">{t(`requestStatus.${r.status}` as MessageKey)}</Tag>
            </Paragraph>
            <Paragraph>
              {t('mine.total', {
                charged: formatMoney(r.total.chargedOre, lang),
                waived: formatMoney(r.total.waivedOre, lang),
              })}
            </Paragraph>
            <OccurrenceTable
              caption={t('mine.datesOf', { title: r.title })}
              rows={r.occurrences.map((o) => ({
                key: o.id,
                ...o,
                action:
                  o.status === 'approved' && new Date(o.startsAt) > new Date() ? (
                    <Form method="get" preventScrollReset>
                      <Button type="submit" name="avbestill" value={o.id} variant="secondary" data-size="sm">
                        {t('mine.cancel')}
                      </Button>
                    </Form>
                  ) : undefined,
              }))}
            />
            {cancelling && (
              <Alert data-color="warning" role="alert">
                <Heading level={4} data-size="xs">
                  {t('mine.cancelConfirmTitle', { when: formatDateTime(cancelling.startsAt, lang) })}
                </Heading>
                {isLate(cancelling.startsAt, lateDays) && (
                  <Paragraph>
                    {t('mine.lateWarning', {
                      days: lateDays,
                      price: formatMoney(cancelling.chargedOre, lang),
                    })}
                  </Paragraph>
                )}
                <Form method="post" className="stack">
                  <input type="hidden" name="occurrenceId" value={cancelling.id} />
                  <TextField label={t('mine.cancelReason')} name="reason" required error={error} />
                  <div className="form-row">
                    <Button type="submit" name="intent" value="cancel" data-color="danger">
                      {t('mine.cancelConfirm')}
                    </Button>
                    <Button asChild variant="tertiary">
                      <Link to="/min-side">{t('mine.keep')}</Link>
                    </Button>
                  </div>
                </Form>
              </Alert>
            )}
            {WITHDRAWABLE.includes(r.status) && (
              <WithdrawRequest
                requestId={r.id}
                confirming={confirmWithdraw === r.id}
                question={t('mine.withdrawConfirmText', { title: r.title })}
                error={error}
                keepTo={'/min-side'}
              />
            )}
          </Card>
        );
      })}
    </section>
  );
}
