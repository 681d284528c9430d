import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { apiFor, need } from '../api/client';
import { ActivityTable } from '../components/activity-table';
import { PageTitle } from '../components/page-title';
import { RoomSearchForm } from '../components/room-search-form';
import { langOf, type MessageKey, useT } from '../i18n/i18n';
import { contentPages } from '../lib/content.server';
import { addDays, osloToday } from '../lib/week';
import type { Route } from './+types/_index';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { client } = apiFor(request, context);
  // The coming seven days: on a Sunday "this week" would be nearly over.
  const today = osloToday();
  const [activities, organisations, pages] = await Promise.all([
    client
      .GET('/public/activities', { params: { query: { from: today, to: addDays(today, 6) } } })
      .then(need),
    client.GET('/public/organisations', { params: { query: { sort: 'newest', limit: 6 } } }).then(need),
    contentPages(langOf(request)),
  ]);
  // What is still to come: the next eight.
  const now = Date.now();
  const coming = activities.items.filter((a) => new Date(a.endsAt).getTime() > now);
  return { activities: coming.slice(0, 8), organisations: organisations.items, pages };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { activities, organisations, pages } = loaderData;
  return (
    <>
      <PageTitle text={t('home.title')} />
      <Heading level={1} data-size="xl">
        {t('home.title')}
      </Heading>
      <Paragraph data-size="lg">{t('home.lead')}</Paragraph>
      <Card data-color="neutral">
        <RoomSearchForm />
      </Card>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/sesonger">{t('home.seasons')}</RouterLink>
        </Link>
      </Paragraph>

      <section aria-labelledby="this-week" className="stack">
        <Heading level={2} data-size="md" id="this-week">
          {t('home.thisWeek')}
        </Heading>
        {activities.length > 0 ? (
          <ActivityTable activities={activities} />
        ) : (
          <Paragraph>{t('home.thisWeekEmpty')}</Paragraph>
        )}
        <Paragraph>
          <Link asChild>
            <RouterLink to="/kalender">{t('home.allActivities')}</RouterLink>
          </Link>
        </Paragraph>
      </section>

      <section aria-labelledby="new-orgs" className="stack">
        <Heading level={2} data-size="md" id="new-orgs">
          {t('home.newOrganisations')}
        </Heading>
        <ul className="grid">
          {organisations.map((o) => (
            <li key={o.id}>
              <Card data-color="neutral">
                <Heading level={3} data-size="xs">
                  <Link asChild>
                    <RouterLink to={`/organisasjoner/${o.id}`}>{o.name}</RouterLink>
                  </Link>
                </Heading>
                <Paragraph data-size="sm">{t(`orgKind.${o.kind}` as MessageKey)}</Paragraph>
              </Card>
            </li>
          ))}
        </ul>
        <Paragraph>
          <Link asChild>
            <RouterLink to="/organisasjoner">{t('home.allOrganisations')}</RouterLink>
          </Link>
        </Paragraph>
      </section>

      <section aria-labelledby="support" className="stack">
        <Heading level={2} data-size="md" id="support">
          {t('home.support')}
        </Heading>
        {pages.map((p) => (
          <article key={p.slug} className="prose stack" aria-labelledby={`content-${p.slug}`}>
            <Heading level={3} data-size="sm" id={`content-${p.slug}`}>
              {p.title}
            </Heading>
            {/* Sanitised on the server (lib/content.server.ts). */}
            <div className="ds-paragraph" dangerouslySetInnerHTML={{ __html: p.html }} />
          </article>
        ))}
      </section>
    </>
  );
}
