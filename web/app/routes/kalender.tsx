import { Button, Heading, Link, Paragraph, Select } from '@digdir/designsystemet-react';
import { SelectField } from '../components/fields';
import { Form } from 'react-router';
import { apiFor, need } from '../api/client';
import { ActivityTable } from '../components/activity-table';
import { PageTitle } from '../components/page-title';
import { WeekNav } from '../components/week-nav';
import { formatDay } from '../i18n/format';
import { useLang, useT } from '../i18n/i18n';
import { addDays, osloDateOf, weekFromUrl } from '../lib/week';
import type { Route } from './+types/kalender';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The activity calendar by week (?uke=2027-W36), filtered by building (?bygg=) and organisation (?organisasjon=). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { client } = apiFor(request, context);
  const url = new URL(request.url);
  const week = weekFromUrl(url);
  const bygg = UUID.test(url.searchParams.get('bygg') ?? '') ? url.searchParams.get('bygg')! : '';
  const organisasjon = UUID.test(url.searchParams.get('organisasjon') ?? '')
    ? url.searchParams.get('organisasjon')!
    : '';
  const [activities, buildings, organisations] = await Promise.all([
    client
      .GET('/public/activities', {
        params: {
          query: {
            from: week.monday,
            to: addDays(week.monday, 6),
            buildingId: bygg || undefined,
            organisationId: organisasjon || undefined,
          },
        },
      })
      .then(need),
    client.GET('/buildings', { params: { query: { limit: 500 } } }).then(need),
    client.GET('/public/organisations', { params: { query: { limit: 500 } } }).then(need),
  ]);
  const ics = bygg
    ? `/public/calendar.ics?buildingId=${bygg}`
    : organisasjon
      ? `/public/calendar.ics?organisationId=${organisasjon}`
      : null;
  return {
    week,
    bygg,
    organisasjon,
    activities: activities.items,
    buildings: buildings.items.map((b) => ({ id: b.id, name: b.name })),
    organisations: organisations.items.map((o) => ({ id: o.id, name: o.name })),
    ics,
  };
}

export default function Calendar({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { week, bygg, organisasjon, activities, buildings, organisations, ics } = loaderData;
  const weekNumber = String(Number(week.week.slice(-2)));
  const osloDate = osloDateOf;
  return (
    <>
      <PageTitle text={`${t('calendar.title')}, ${t('common.week', { week: weekNumber })}`} />
      <Heading level={1} data-size="xl">
        {t('calendar.title')}
      </Heading>
      <Paragraph data-size="lg">{t('calendar.lead')}</Paragraph>

      <Form method="get" className="stack" aria-label={t('calendar.filters')}>
        <input type="hidden" name="uke" value={week.week} />
        <div className="form-row">
          <SelectField label={t('search.building')} name="bygg" defaultValue={bygg}>
            <Select.Option value="">{t('common.any')}</Select.Option>
            {buildings.map((b) => (
              <Select.Option key={b.id} value={b.id}>
                {b.name}
              </Select.Option>
            ))}
          </SelectField>
          <SelectField label={t('calendar.organisation')} name="organisasjon" defaultValue={organisasjon}>
            <Select.Option value="">{t('common.any')}</Select.Option>
            {organisations.map((o) => (
              <Select.Option key={o.id} value={o.id}>
                {o.name}
              </Select.Option>
            ))}
          </SelectField>
        </div>
        <Button type="submit" variant="secondary">
          {t('calendar.show')}
        </Button>
      </Form>

      <Paragraph>
        {ics ? <Link href={ics}>{t('calendar.subscribe')}</Link> : t('calendar.subscribeHint')}
      </Paragraph>

      <section aria-labelledby="week-heading" className="stack">
        <Heading level={2} data-size="md" id="week-heading">
          {t('calendar.byDay', { week: weekNumber })}
        </Heading>
        <WeekNav week={week} />
        {activities.length === 0 ? (
          <Paragraph>{t('calendar.empty')}</Paragraph>
        ) : (
          week.days.map((day) => {
            const today = activities.filter((a) => osloDate(a.startsAt) === day);
            if (today.length === 0) return null;
            return <ActivityTable key={day} activities={today} caption={formatDay(day, lang)} />;
          })
        )}
      </section>
    </>
  );
}
