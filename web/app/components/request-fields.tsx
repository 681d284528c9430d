import { Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { formatDay } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import type { FormErrors } from '../lib/form-errors';
import type { RequestValues } from '../lib/request-form.server';
import { CheckboxField, RadioField, SelectField, TextField } from './fields';

export const REQUEST_IDS: Record<string, string> = {
  organisationId: 'req-org',
  roomId: 'req-room',
  title: 'req-title',
  ageGroup: 'req-age',
  participants: 'req-participants',
  date: 'req-date',
  from: 'req-from',
  to: 'req-to',
  until: 'req-until',
  count: 'req-count',
};
const AGE_GROUPS = ['children', 'youth', 'adults', 'seniors', 'all_ages'];

interface Choice {
  id: string;
  name: string;
}

/** The request form's fields: who, where, what, when, once or weekly, and the dates to leave out. */
export function RequestFields({
  v,
  errors,
  organisations,
  rooms,
  series,
}: {
  v: RequestValues;
  errors?: FormErrors;
  organisations: Choice[];
  rooms: (Choice & { buildingName: string })[];
  series: string[];
}) {
  const t = useT();
  const lang = useLang();
  const e = errors?.fields ?? {};
  const kept = new Set(v.listed.length > 0 ? v.kept : series);
  return (
    <>
      <div className="form-row">
        <SelectField
          id={REQUEST_IDS.organisationId}
          label={t('request.organisation')}
          name="organisationId"
          defaultValue={v.organisationId || organisations[0]?.id}
          error={e.organisationId}
        >
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={REQUEST_IDS.roomId}
          label={t('request.room')}
          name="roomId"
          defaultValue={v.roomId}
          error={e.roomId}
        >
          <option value="">{t('request.chooseRoom')}</option>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {`${r.name} (${r.buildingName})`}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        id={REQUEST_IDS.title}
        label={t('request.title')}
        description={t('request.titleHint')}
        name="title"
        defaultValue={v.title}
        error={e.title}
      />
      <div className="form-row">
        <SelectField
          id={REQUEST_IDS.ageGroup}
          label={t('request.ageGroup')}
          name="ageGroup"
          defaultValue={v.ageGroup}
          error={e.ageGroup}
        >
          {AGE_GROUPS.map((a) => (
            <option key={a} value={a}>
              {t(`ageGroup.${a}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={REQUEST_IDS.participants}
          label={t('request.participants')}
          name="participants"
          inputMode="numeric"
          defaultValue={v.participants}
          error={e.participants}
        />
      </div>
      <div className="form-row">
        <TextField
          id={REQUEST_IDS.date}
          label={t('request.date')}
          name="date"
          type="date"
          defaultValue={v.date}
          error={e.date}
        />
        <TextField
          id={REQUEST_IDS.from}
          label={t('request.from')}
          name="from"
          type="time"
          defaultValue={v.from}
        />
        <TextField
          id={REQUEST_IDS.to}
          label={t('request.to')}
          name="to"
          type="time"
          defaultValue={v.to}
          error={e.to}
        />
      </div>
      <CheckboxField
        label={t('request.entranceFee')}
        name="entranceFee"
        value="true"
        defaultChecked={v.entranceFee}
      />
      <Fieldset>
        <Fieldset.Legend>{t('request.repeat')}</Fieldset.Legend>
        <RadioField
          label={t('request.once')}
          name="repeat"
          value="once"
          defaultChecked={v.repeat === 'once'}
        />
        <RadioField
          label={t('request.weekly')}
          name="repeat"
          value="weekly"
          defaultChecked={v.repeat === 'weekly'}
        />
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('request.ends')}</Fieldset.Legend>
        <Fieldset.Description>{t('request.endsHint')}</Fieldset.Description>
        <RadioField
          label={t('request.endsUntil')}
          name="ends"
          value="until"
          defaultChecked={v.ends === 'until'}
        />
        <RadioField
          label={t('request.endsCount')}
          name="ends"
          value="count"
          defaultChecked={v.ends === 'count'}
        />
        <div className="form-row">
          <TextField
            id={REQUEST_IDS.until}
            label={t('request.until')}
            name="until"
            type="date"
            defaultValue={v.until}
            error={e.until}
          />
          <TextField
            id={REQUEST_IDS.count}
            label={t('request.count')}
            name="count"
            inputMode="numeric"
            defaultValue={v.count}
            error={e.count}
          />
        </div>
      </Fieldset>
      {series.length > 0 && (
        <Fieldset>
          <Fieldset.Legend>
            <Heading level={2} data-size="sm">
              {t('request.datesTitle', { count: series.length })}
            </Heading>
          </Fieldset.Legend>
          <Fieldset.Description>{t('request.datesHint')}</Fieldset.Description>
          <ul className="date-ticks">
            {series.map((d) => (
              <li key={d}>
                <input type="hidden" name="listed" value={d} />
                <CheckboxField
                  label={formatDay(d, lang)}
                  name="kept"
                  value={d}
                  defaultChecked={kept.has(d)}
                />
              </li>
            ))}
          </ul>
        </Fieldset>
      )}
      {series.length === 0 && v.repeat === 'weekly' && <Paragraph>{t('request.needEnd')}</Paragraph>}
    </>
  );
}
