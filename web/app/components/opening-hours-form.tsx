import { Button, Fieldset, Heading } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { type MessageKey, useT } from '../i18n/i18n';
import { TextField } from './fields';
import { type FormErrors } from '../lib/form-errors';
import { FormErrorSummary } from './form-error-summary';

export interface Window {
  weekday: number;
  opens: string;
  closes: string;
}

/** Rows shown per weekday: what the room has, and at least one empty row to add a window without JS. */
export const rowsFor = (hours: Window[], weekday: number): number =>
  Math.max(2, hours.filter((h) => h.weekday === weekday).length + 1);

export const hourFieldId = (weekday: number, row: number, end: 'fra' | 'til') =>
  `apent-${weekday}-${row}-${end}`;

/**
 * The windows a form sent, in weekday order, with the field id of each so an API error on `hours.3.opens`
 * lands beside its field. Rows left empty are no window.
 */
export function windowsFromForm(form: Record<string, string>): {
  hours: Window[];
  fieldOf: (apiField: string) => string | undefined;
} {
  const hours: Window[] = [];
  const ids: { opens: string; closes: string }[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let row = 0; row < 10; row++) {
      const opens = form[hourFieldId(weekday, row, 'fra')]?.trim() ?? '';
      const closes = form[hourFieldId(weekday, row, 'til')]?.trim() ?? '';
      if (!opens && !closes) continue;
      hours.push({ weekday, opens, closes });
      ids.push({ opens: hourFieldId(weekday, row, 'fra'), closes: hourFieldId(weekday, row, 'til') });
    }
  }
  // `hours.3.opens` is that row's first field; `hours.3` (or anything else about it) its second.
  const fieldOf = (apiField: string) => {
    const [, index, part] = apiField.split('.');
    const row = ids[Number(index)];
    return row && (part === 'opens' ? row.opens : row.closes);
  };
  return { hours, fieldOf };
}

interface Props {
  hours: Window[];
  errors: FormErrors;
  /** What was typed when saving failed, to show again. */
  values?: Record<string, string>;
}

/** Opening hours per weekday, several windows a day (PUT /rooms/:id/opening-hours replaces them all). */
export function OpeningHoursForm({ hours, errors, values }: Props) {
  const t = useT();
  return (
    <section aria-labelledby="apningstider" className="stack">
      <Heading level={2} data-size="md" id="apningstider">
        {t('staff.room.openingHours')}
      </Heading>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="hours" />
        <div className="weekday-grid">
          {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
            const own = hours.filter((h) => h.weekday === weekday);
            const rows = rowsFor(hours, weekday);
            const day = t(`weekday.${weekday}` as MessageKey);
            return (
              <Fieldset key={weekday}>
                <Fieldset.Legend>{day.charAt(0).toUpperCase() + day.slice(1)}</Fieldset.Legend>
                {Array.from({ length: rows }, (_, row) => {
                  const from = hourFieldId(weekday, row, 'fra');
                  const to = hourFieldId(weekday, row, 'til');
                  return (
                    <div className="form-row" key={row}>
                      <TextField
                        id={from}
                        name={from}
                        type="time"
                        label={t('staff.room.opens', { n: row + 1 })}
                        defaultValue={values ? values[from] : own[row]?.opens}
                        error={errors.fields[from]}
                      />
                      <TextField
                        id={to}
                        name={to}
                        type="time"
                        label={t('staff.room.closes', { n: row + 1 })}
                        defaultValue={values ? values[to] : own[row]?.closes}
                        error={errors.fields[to]}
                      />
                    </div>
                  );
                })}
              </Fieldset>
            );
          })}
        </div>
        <div>
          <Button type="submit">{t('staff.room.saveHours')}</Button>
        </div>
      </Form>
    </section>
  );
}
