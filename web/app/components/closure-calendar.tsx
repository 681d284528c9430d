import { Button, Fieldset, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Form, Link as RouterLink } from 'react-router';
import type { components } from '../api/schema';
import { formatDay } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { addDays, mondayOf } from '../lib/week';
import { TextField } from './fields';
import { type FormErrors } from '../lib/form-errors';
import { FormErrorSummary } from './form-error-summary';
import { RadioField } from './radio-field';
import { TableScroll } from './table-scroll';

type Closure = components['schemas']['ClosureView'];

const osloDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Oslo dates a closure covers: its first and its last (the end is exclusive). */
export function closureDays(c: Pick<Closure, 'startsAt' | 'endsAt'>): { first: string; last: string } {
  return {
    first: osloDate.format(new Date(c.startsAt)),
    last: osloDate.format(new Date(new Date(c.endsAt).getTime() - 1)),
  };
}

/** ?maaned=2027-09, or this month. */
export function monthFromUrl(url: URL, today: string): string {
  const asked = url.searchParams.get('maaned') ?? '';
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : today.slice(0, 7);
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

interface Props {
  month: string;
  closures: (Closure & { wholeBuilding: boolean })[];
  errors: FormErrors;
  values?: Record<string, string>;
}

/** The closures of a room (and its building) on a month grid and in a list; close it for a period. */
export function ClosureCalendar({ month, closures, errors, values }: Props) {
  const t = useT();
  const lang = useLang();
  const first = `${month}-01`;
  const next = `${shiftMonth(month, 1)}-01`;
  const weeks: string[][] = [];
  for (let monday = mondayOf(first); monday < next; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  }
  const spans = closures.map((c) => ({ ...c, ...closureDays(c) }));
  const on = (day: string) => spans.filter((c) => c.first <= day && day <= c.last);
  const monthName = new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${first}T12:00:00Z`));
  return (
    <section aria-labelledby="stengt" className="stack">
      <Heading level={2} data-size="md" id="stengt">
        {t('staff.room.closures')}
      </Heading>
      <nav className="week-nav" aria-label={t('staff.room.monthNav')}>
        <Link asChild>
          <RouterLink to={`?maaned=${shiftMonth(month, -1)}#stengt`}>{t('staff.room.prevMonth')}</RouterLink>
        </Link>
        <Link asChild>
          <RouterLink to={`?maaned=${shiftMonth(month, 1)}#stengt`}>{t('staff.room.nextMonth')}</RouterLink>
        </Link>
      </nav>
      <TableScroll label={monthName}>
        <Table className="month-grid" data-size="sm">
          <caption>{monthName}</caption>
          <Table.Head>
            <Table.Row>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <Table.HeaderCell key={d} scope="col">
                  <abbr title={t(`weekday.${d}` as MessageKey)}>
                    {t(`staff.weekdayShort.${d}` as MessageKey)}
                  </abbr>
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {weeks.map((week) => (
              <Table.Row key={week[0]}>
                {week.map((day) => {
                  const closed = on(day);
                  const outside = !day.startsWith(month);
                  return (
                    <Table.Cell key={day} className={outside ? 'month-grid__outside' : undefined}>
                      <span className="month-grid__day">{Number(day.slice(8))}</span>
                      {closed.length > 0 && !outside && (
                        <Tag
                          data-color="danger"
                          data-size="sm"
                          title={closed.map((c) => c.reason).join(', ')}
                        >
                          {t('staff.room.closed')}
                        </Tag>
                      )}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>

      <Heading level={3} data-size="sm">
        {t('staff.room.closureList')}
      </Heading>
      {spans.length === 0 ? (
        <Paragraph>{t('staff.room.noClosures')}</Paragraph>
      ) : (
        <ul className="closure-list">
          {spans.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{c.reason}</strong>:{' '}
                {c.first === c.last
                  ? formatDay(c.first, lang)
                  : t('staff.room.fromTo', { from: formatDay(c.first, lang), to: formatDay(c.last, lang) })}
                {c.wholeBuilding ? ` (${t('staff.room.wholeBuilding')})` : ''}
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="delete-closure" />
                <input type="hidden" name="closureId" value={c.id} />
                <Button type="submit" variant="secondary" data-size="sm">
                  {t('staff.room.removeClosure', { reason: c.reason })}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <Heading level={3} data-size="sm">
        {t('staff.room.newClosure')}
      </Heading>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="closure" />
        <div className="form-row">
          <TextField
            id="stengt-fra"
            name="fra"
            type="date"
            required
            label={t('staff.room.closedFrom')}
            defaultValue={values?.fra}
            error={errors.fields['stengt-fra']}
          />
          <TextField
            id="stengt-til"
            name="til"
            type="date"
            required
            label={t('staff.room.closedTo')}
            defaultValue={values?.til}
            error={errors.fields['stengt-til']}
          />
        </div>
        <TextField
          id="stengt-grunn"
          name="grunn"
          required
          label={t('staff.room.closureReason')}
          description={t('staff.room.closureReasonHelp')}
          defaultValue={values?.grunn}
          error={errors.fields['stengt-grunn']}
        />
        <Fieldset>
          <Fieldset.Legend>{t('staff.room.closureScope')}</Fieldset.Legend>
          <RadioField
            id="omfang-rom"
            name="omfang"
            value="rom"
            label={t('staff.room.thisRoom')}
            defaultChecked={values?.omfang !== 'bygg'}
          />
          <RadioField
            id="omfang-bygg"
            name="omfang"
            value="bygg"
            label={t('staff.room.wholeBuilding')}
            defaultChecked={values?.omfang === 'bygg'}
          />
        </Fieldset>
        <div>
          <Button type="submit">{t('staff.room.close')}</Button>
        </div>
      </Form>
    </section>
  );
}
