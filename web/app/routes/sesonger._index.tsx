import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { apiFor, need } from '../api/client';
import { PageTitle } from '../components/page-title';
import { formatDateTime, formatDay } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import type { Route } from './+types/sesonger._index';

/** /sesonger: the season rounds open for applications now, and those that open later. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { client } = apiFor(request, context);
  const [open, upcoming] = await Promise.all(
    (['open', 'upcoming'] as const).map((status) =>
      client.GET('/seasons', { params: { query: { status, limit: 50 } } }).then(need),
    ),
  );
  return { seasons: [...open.items, ...upcoming.items] };
}

export default function Seasons({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { seasons } = loaderData;
  return (
    <>
      <PageTitle text={t('season.list.title')} />
      <Heading level={1} data-size="xl">
        {t('season.list.title')}
      </Heading>
      <Paragraph className="prose">{t('season.list.lead')}</Paragraph>
      {seasons.length === 0 && <Paragraph>{t('season.list.none')}</Paragraph>}
      <ul className="grid">
        {seasons.map((s) => (
          <li key={s.id}>
            <Card>
              <Heading level={2} data-size="sm">
                <Link asChild>
                  <RouterLink to={`/sesonger/${s.id}`}>{s.name}</RouterLink>
                </Link>
              </Heading>
              <Paragraph>
                <Tag data-color={s.status === 'open' ? 'success' : 'info'}>
                  {t(`season.status.${s.status}` as MessageKey)}
                </Tag>
              </Paragraph>
              <Paragraph data-size="sm">
                {t('season.period', { from: formatDay(s.startsOn, lang), to: formatDay(s.endsOn, lang) })}
              </Paragraph>
              <Paragraph data-size="sm">
                {s.status === 'open'
                  ? t('season.deadlineIs', { when: formatDateTime(s.applicationDeadline, lang) })
                  : t('season.opensAt', { when: formatDateTime(s.applicationOpensAt, lang) })}
              </Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
