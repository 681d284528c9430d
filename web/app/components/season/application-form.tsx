import { Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { Form } from 'react-router';
import type { components } from '../../api/schema';
import { type MessageKey, useT } from '../../i18n/i18n';
import type { FormErrors } from '../../lib/form-errors';
import { altField, emptyDraft, MAX_ALTERNATIVES, type SeasonDraft } from '../../lib/season-form';
import { SelectField, TextField } from '../fields';
import { FormErrorSummary } from '../form-error-summary';

type SeasonRoom = components['schemas']['SeasonRoomView'];

/** A field's id: its name, kept apart from the page's other ids. */
const idOf = (name: string): string => `season-${name}`;
const AGE_GROUPS = ['children', 'youth', 'adults', 'seniors', 'all_ages'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The season's rooms by building, for the room choice's groups. */
function byBuilding(rooms: SeasonRoom[]): [string, SeasonRoom[]][] {
  const groups = new Map<string, SeasonRoom[]>();
  for (const r of [...rooms].sort((a, b) => a.name.localeCompare(b.name, 'nb')))
    groups.set(r.buildingName, [...(groups.get(r.buildingName) ?? []), r]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'nb'));
}

/**
 * One wish in a season round: who, what, how many, how often, and its alternatives in order (1st
 * choice first). Adding, removing and moving an alternative post the form (so it works without
 * JavaScript) and come back with the changed list; `Send søknad` applies.
 */
export function SeasonApplicationForm({
  rooms,
  organisations,
  draft,
  errors,
  focus,
}: {
  rooms: SeasonRoom[];
  organisations: { id: string; name: string }[];
  draft?: SeasonDraft;
  errors?: FormErrors;
  /** The editing intent just done (`up:2`), to put focus back where the person was. */
  focus?: string;
}) {
  const t = useT();
  const d = draft ?? emptyDraft(organisations[0]?.id);
  const e = errors?.fields ?? {};
  const groups = byBuilding(rooms);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!focus || !list.current) return;
    // After a move the alternative is at its new place; after adding, the new one is last.
    const [verb, at] = focus.split(':');
    const i = Number(at);
    const target =
      verb === 'add' ? d.alternatives.length - 1 : verb === 'up' ? i - 1 : verb === 'down' ? i + 1 : i;
    const index = Math.max(0, Math.min(d.alternatives.length - 1, target));
    list.current.querySelector<HTMLElement>(`#${idOf(altField(index, 'room'))}`)?.focus();
  }, [focus, d]);
  const labels: Record<string, string> = {
    organisationId: t('request.organisation'),
    title: t('request.title'),
    ageGroup: t('request.ageGroup'),
    expectedParticipants: t('request.participants'),
    sessionsPerWeek: t('season.form.perWeek'),
  };
  d.alternatives.forEach((_, i) => {
    const choice = t('season.form.choice', { n: i + 1 });
    labels[altField(i, 'room')] = `${choice}, ${t('request.room')}`;
    labels[altField(i, 'weekday')] = `${choice}, ${t('season.form.weekday')}`;
    labels[altField(i, 'from')] = `${choice}, ${t('request.from')}`;
    labels[altField(i, 'to')] = `${choice}, ${t('request.to')}`;
  });
  const ids = Object.fromEntries(Object.keys(labels).map((k) => [k, idOf(k)]));
  return (
    <section aria-labelledby="season-apply" className="stack">
      <Heading level={2} data-size="lg" id="season-apply">
        {t('season.form.heading')}
      </Heading>
      <Paragraph className="prose">{t('season.form.lead')}</Paragraph>
      <FormErrorSummary errors={errors} ids={ids} labels={labels} />
      <Form method="post" className="stack" noValidate preventScrollReset>
        {/* The form's default button: Enter in a field sends, rather than moving the first alternative. */}
        <button
          type="submit"
          name="intent"
          value="send"
          className="ds-sr-only"
          tabIndex={-1}
          aria-hidden="true"
        >
          {t('request.send')}
        </button>
        <input type="hidden" name="alternatives" value={d.alternatives.length} />
        <div className="form-row">
          <SelectField
            id={idOf('organisationId')}
            label={t('request.organisation')}
            name="organisationId"
            defaultValue={d.organisationId}
            error={e.organisationId}
          >
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={idOf('ageGroup')}
            label={t('request.ageGroup')}
            name="ageGroup"
            defaultValue={d.ageGroup}
            error={e.ageGroup}
          >
            {AGE_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`ageGroup.${g}` as MessageKey)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField
          id={idOf('title')}
          label={t('request.title')}
          description={t('request.titleHint')}
          name="title"
          defaultValue={d.title}
          error={e.title}
          required
        />
        <div className="form-row">
          <TextField
            id={idOf('expectedParticipants')}
            label={t('request.participants')}
            name="expectedParticipants"
            type="number"
            inputMode="numeric"
            min={1}
            defaultValue={d.expectedParticipants}
            error={e.expectedParticipants}
            required
          />
          <SelectField
            id={idOf('sessionsPerWeek')}
            label={t('season.form.perWeek')}
            description={t('season.form.perWeekHint')}
            name="sessionsPerWeek"
            defaultValue={d.sessionsPerWeek}
            error={e.sessionsPerWeek}
          >
            {[1, 2, 3, 4, 5, 6, 7].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
        </div>
        <Fieldset>
          <Fieldset.Legend>{t('season.form.alternatives')}</Fieldset.Legend>
          <Fieldset.Description>{t('season.form.alternativesHint')}</Fieldset.Description>
          <ol className="season-alternatives" ref={list}>
            {d.alternatives.map((a, i) => {
              const choice = t('season.form.choice', { n: i + 1 });
              return (
                <li key={a.key}>
                  <Fieldset>
                    <Fieldset.Legend>{choice}</Fieldset.Legend>
                    <input type="hidden" name={altField(i, 'key')} value={a.key} />
                    <div className="form-row">
                      <SelectField
                        id={idOf(altField(i, 'room'))}
                        label={t('request.room')}
                        name={altField(i, 'room')}
                        defaultValue={a.roomId}
                        error={e[altField(i, 'room')]}
                      >
                        <option value="">{t('request.chooseRoom')}</option>
                        {groups.map(([building, inIt]) => (
                          <optgroup key={building} label={building}>
                            {inIt.map((r) => (
                              <option key={r.id} value={r.id}>
                                {`${r.name} (${building})`}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                      </SelectField>
                      <SelectField
                        id={idOf(altField(i, 'weekday'))}
                        label={t('season.form.weekday')}
                        name={altField(i, 'weekday')}
                        defaultValue={a.weekday}
                        error={e[altField(i, 'weekday')]}
                      >
                        <option value="">{t('season.form.chooseWeekday')}</option>
                        {WEEKDAYS.map((w) => (
                          <option key={w} value={w}>
                            {t(`weekday.${w}` as MessageKey)}
                          </option>
                        ))}
                      </SelectField>
                    </div>
                    <div className="form-row">
                      <TextField
                        id={idOf(altField(i, 'from'))}
                        label={t('request.from')}
                        name={altField(i, 'from')}
                        type="time"
                        defaultValue={a.from}
                        error={e[altField(i, 'from')]}
                      />
                      <TextField
                        id={idOf(altField(i, 'to'))}
                        label={t('request.to')}
                        name={altField(i, 'to')}
                        type="time"
                        defaultValue={a.to}
                        error={e[altField(i, 'to')]}
                      />
                    </div>
                    <div className="season-alternative-actions">
                      {i > 0 && (
                        <Button
                          type="submit"
                          name="intent"
                          value={`up:${i}`}
                          variant="tertiary"
                          data-size="sm"
                        >
                          {t('season.form.up')}
                          <span className="ds-sr-only"> ({choice})</span>
                        </Button>
                      )}
                      {i < d.alternatives.length - 1 && (
                        <Button
                          type="submit"
                          name="intent"
                          value={`down:${i}`}
                          variant="tertiary"
                          data-size="sm"
                        >
                          {t('season.form.down')}
                          <span className="ds-sr-only"> ({choice})</span>
                        </Button>
                      )}
                      {d.alternatives.length > 1 && (
                        <Button
                          type="submit"
                          name="intent"
                          value={`remove:${i}`}
                          variant="tertiary"
                          data-color="danger"
                          data-size="sm"
                        >
                          {t('season.form.remove')}
                          <span className="ds-sr-only"> ({choice})</span>
                        </Button>
                      )}
                    </div>
                  </Fieldset>
                </li>
              );
            })}
          </ol>
          {d.alternatives.length < MAX_ALTERNATIVES ? (
            <Button type="submit" name="intent" value="add" variant="secondary">
              {t('season.form.add')}
            </Button>
          ) : (
            <Paragraph data-size="sm">{t('season.form.max', { max: MAX_ALTERNATIVES })}</Paragraph>
          )}
        </Fieldset>
        <Button type="submit" name="intent" value="send">
          {t('request.send')}
        </Button>
      </Form>
    </section>
  );
}
