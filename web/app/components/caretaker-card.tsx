import { Button, Card, Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { components } from '../api/schema';
import { formatDateTime, formatTime } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { SelectField, TextField } from './fields';

export type CaretakerOccurrence = components['schemas']['CaretakerOccurrenceView'];
export type KeyEntry = components['schemas']['KeyView'];

/** What went wrong with one form on the page: which form, the API's message, what was typed. */
export interface FormFailure {
  form: string;
  field: string;
  message: string;
  values: Record<string, string>;
}

export const ACCESS_METHODS = ['key', 'key_card', 'door_code', 'caretaker_present', 'unlocked'] as const;

const ACCESS_TAG: Record<string, { color: 'warning' | 'success' | 'danger'; key: MessageKey }> = {
  pending: { color: 'warning', key: 'caretaker.access.pending' },
  confirmed: { color: 'success', key: 'caretaker.access.confirmed' },
  declined: { color: 'danger', key: 'caretaker.access.declined' },
};

/** The id of a field in a card's form, unique on the page (the ErrorSummary links to it). */
export const fieldId = (form: string, field: string): string => `${form.replace(/:/g, '-')}-${field}`;

/** One booking as a caretaker meets it on the phone: who, where, when, how they get in, did they come. */
export function CaretakerCard({
  occurrence: o,
  keys,
  started,
  failure,
  level = 3,
}: {
  occurrence: CaretakerOccurrence;
  keys: KeyEntry[];
  started: boolean;
  failure?: FormFailure;
  /** The card's heading level under the section it is in. */
  level?: 3 | 4;
}) {
  const t = useT();
  const lang = useLang();
  const tag = ACCESS_TAG[o.access.status] ?? ACCESS_TAG.pending;
  const failed = (form: string, field: string) =>
    failure?.form === form && failure.field === field ? failure.message : undefined;
  const typed = (form: string, field: string) => (failure?.form === form ? failure.values[field] : undefined);
  const accessForm = `access:${o.requestId}:${o.id}`;
  const declineForm = `decline:${o.requestId}:${o.id}`;
  const attendanceForm = `attendance:${o.id}`;
  const keyForm = `key:${o.requestId}:${o.id}`;
  const headingId = `o-${o.id}-title`;
  return (
    <Card asChild data-color="neutral" className="caretaker-card">
      <article id={`o-${o.id}`} aria-labelledby={headingId}>
        {/* A card holding Details has no padding of its own: its other content goes in blocks. */}
        <Card.Block className="stack">
          <Heading level={level} data-size="sm" id={headingId}>
            {formatTime(o.startsAt, lang)}–{formatTime(o.endsAt, lang)} {o.organisationName}
          </Heading>
          <Paragraph>
            {o.roomName}, {o.buildingName}
            <br />
            {o.title}
          </Paragraph>
          <Paragraph>
            {o.contact.name ?? t('caretaker.noContact')}
            {o.contact.phone && (
              <>
                {' · '}
                <a className="touch-link" href={`tel:${o.contact.phone.replace(/\s+/g, '')}`}>
                  {t('caretaker.call', { phone: o.contact.phone })}
                </a>
              </>
            )}
          </Paragraph>
          <div>
            <Tag data-color={tag.color}>
              {t(tag.key)}
              {o.access.method ? `: ${t(`caretaker.method.${o.access.method}` as MessageKey)}` : ''}
            </Tag>
            {o.access.note && <Paragraph data-size="sm">{o.access.note}</Paragraph>}
          </div>
        </Card.Block>

        <Details defaultOpen={failure?.form === accessForm || failure?.form === declineForm}>
          <Details.Summary>{t('caretaker.access.summary')}</Details.Summary>
          <Details.Content className="stack">
            <Form method="post" className="stack" preventScrollReset>
              <input type="hidden" name="form" value={accessForm} />
              <SelectField
                id={fieldId(accessForm, 'method')}
                name="method"
                label={t('caretaker.method.label')}
                defaultValue={typed(accessForm, 'method') ?? o.access.method ?? 'key'}
                error={failed(accessForm, 'method')}
              >
                {ACCESS_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`caretaker.method.${m}` as MessageKey)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={fieldId(accessForm, 'instructions')}
                name="instructions"
                label={t('caretaker.instructions')}
                description={t('caretaker.instructionsHelp')}
                defaultValue={
                  typed(accessForm, 'instructions') ??
                  (o.access.status === 'confirmed' ? (o.access.note ?? '') : '')
                }
                error={failed(accessForm, 'instructions')}
              />
              <Button type="submit" className="touch">
                {t('caretaker.confirm')}
              </Button>
            </Form>
            <Form method="post" className="stack" preventScrollReset>
              <input type="hidden" name="form" value={declineForm} />
              <TextField
                id={fieldId(declineForm, 'reason')}
                name="reason"
                label={t('caretaker.declineReason')}
                required
                defaultValue={typed(declineForm, 'reason')}
                error={failed(declineForm, 'reason')}
              />
              <Button type="submit" variant="secondary" data-color="danger" className="touch">
                {t('caretaker.decline')}
              </Button>
            </Form>
          </Details.Content>
        </Details>

        <Card.Block>
          {started ? (
            <Form method="post" className="stack" preventScrollReset>
              <input type="hidden" name="form" value={attendanceForm} />
              {o.attendance && (
                <Paragraph>
                  {t(o.attendance === 'used' ? 'caretaker.recordedUsed' : 'caretaker.recordedNoShow', {
                    count: o.participants ?? 0,
                  })}
                </Paragraph>
              )}
              <TextField
                id={fieldId(attendanceForm, 'participants')}
                name="participants"
                type="number"
                inputMode="numeric"
                min={0}
                label={t('caretaker.participants')}
                defaultValue={
                  typed(attendanceForm, 'participants') ?? String(o.participants ?? o.expectedParticipants)
                }
                error={failed(attendanceForm, 'participants')}
              />
              {o.attendance && (
                <TextField
                  id={fieldId(attendanceForm, 'reason')}
                  name="reason"
                  label={t('caretaker.correctionReason')}
                  required
                  defaultValue={typed(attendanceForm, 'reason')}
                  error={failed(attendanceForm, 'reason')}
                />
              )}
              <div className="touch-row">
                <Button type="submit" name="status" value="used" className="touch">
                  {t('caretaker.used')}
                </Button>
                <Button type="submit" name="status" value="no_show" variant="secondary" className="touch">
                  {t('caretaker.noShow')}
                </Button>
              </div>
            </Form>
          ) : (
            <Paragraph data-size="sm">{t('caretaker.notStarted')}</Paragraph>
          )}
        </Card.Block>

        <Details defaultOpen={failure?.form === keyForm}>
          <Details.Summary>{t('caretaker.keys.summary', { count: keys.length })}</Details.Summary>
          <Details.Content className="stack">
            {keys.length === 0 ? (
              <Paragraph data-size="sm">{t('caretaker.keys.none')}</Paragraph>
            ) : (
              <ul className="key-log">
                {keys.map((k) => (
                  <li key={k.id}>
                    {t('caretaker.keys.handed', { name: k.handedTo, at: formatDateTime(k.handedAt, lang) })}
                    {k.returnedAt ? (
                      ` ${t('caretaker.keys.returned', { at: formatDateTime(k.returnedAt, lang) })}`
                    ) : (
                      <Form method="post" preventScrollReset>
                        <input type="hidden" name="form" value={`return:${o.requestId}:${o.id}`} />
                        <input type="hidden" name="keyId" value={k.id} />
                        <Button type="submit" variant="secondary" className="touch">
                          {t('caretaker.keys.return', { name: k.handedTo })}
                        </Button>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <Form method="post" className="stack" preventScrollReset>
              <input type="hidden" name="form" value={keyForm} />
              <TextField
                id={fieldId(keyForm, 'handedTo')}
                name="handedTo"
                label={t('caretaker.keys.handedTo')}
                required
                autoComplete="off"
                defaultValue={typed(keyForm, 'handedTo')}
                error={failed(keyForm, 'handedTo')}
              />
              <Button type="submit" variant="secondary" className="touch">
                {t('caretaker.keys.handOver')}
              </Button>
            </Form>
          </Details.Content>
        </Details>
      </article>
    </Card>
  );
}
