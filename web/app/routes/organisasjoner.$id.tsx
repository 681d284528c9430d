import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { apiFor, need, notFound } from '../api/client';
import { ActivityTable } from '../components/activity-table';
import { PageTitle } from '../components/page-title';
import { formatMoney, formatNumber } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { addDays, mondayOf, osloToday } from '../lib/week';
import type { Route } from './+types/organisasjoner.$id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An organisation's public page: what it is, its activities this week, this year's support. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  if (!UUID.test(params.id)) notFound();
  const { client } = apiFor(request, context);
  const monday = mondayOf(osloToday());
  const [organisation, activities] = await Promise.all([
    client.GET('/public/organisations/{id}', { params: { path: { id: params.id } } }).then(need),
    client
      .GET('/public/activities', {
        params: { query: { from: monday, to: addDays(monday, 6), organisationId: params.id } },
      })
      .then(need),
  ]);
  return { organisation, activities: activities.items };
}

export default function OrganisationPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { organisation: o, activities } = loaderData;
  const s = o.support;
  return (
    <>
      <PageTitle text={o.name} />
      <div className="stack">
        <Heading level={1} data-size="xl">
          {o.name}
        </Heading>
        <Paragraph data-size="lg">{t(`orgKind.${o.kind}` as MessageKey)}</Paragraph>
        {o.description && <Paragraph>{o.description}</Paragraph>}
        {o.website && (
          <Paragraph>
            <Link href={o.website}>
              {t('org.website')}: {o.website}
            </Link>
          </Paragraph>
        )}
      </div>

      <Card data-color="success" className="stack">
        <Heading level={2} data-size="md">
          {t('org.support', { year: s.year })}
        </Heading>
        <Paragraph data-size="lg">
          <strong>{formatMoney(s.waivedOre, lang)}</strong>
        </Paragraph>
        <Paragraph>
          {t('org.supportText', {
            year: s.year,
            waived: formatMoney(s.waivedOre, lang),
            name: o.name,
            hours: formatNumber(s.hours, lang),
            bookings: s.bookings,
            list: formatMoney(s.listOre, lang),
          })}
        </Paragraph>
      </Card>

      <section aria-labelledby="org-week" className="stack">
        <Heading level={2} data-size="md" id="org-week">
          {t('org.thisWeek')}
        </Heading>
        {activities.length ? (
          <ActivityTable activities={activities} />
        ) : (
          <Paragraph>{t('org.noActivities')}</Paragraph>
        )}
        <Paragraph>
          <Link asChild>
            <RouterLink to={`/kalender?organisasjon=${o.id}`}>{t('org.calendar')}</RouterLink>
          </Link>
          {' · '}
          <Link href={`/public/calendar.ics?organisationId=${o.id}`}>{t('org.subscribe')}</Link>
        </Paragraph>
      </section>
    </>
  );
}
