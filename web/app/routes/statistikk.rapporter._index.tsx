import { Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { data, Form, Link as RouterLink, redirect } from 'react-router';
import { apiFor, errorOf, need } from '../api/client';
import { TextField } from '../components/fields';
import { FormErrorSummary } from '../components/form-error-summary';
import { PageTitle } from '../components/page-title';
import { StatsNav } from '../components/stats-nav';
import { formatDateTime, formatDay } from '../i18n/format';
import { langOf, type MessageKey, useLang, useT } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import { addDays, osloToday } from '../lib/week';
import { fieldProblems } from '../lib/form-errors';
import type { Route } from './+types/statistikk.rapporter._index';

/** The free-use evaluation reports, newest first, and a form to make one (the worker builds it). */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['analyst', 'staff']);
  const api = apiFor(request, context);
  const reports = need(await api.client.GET('/reports', { params: { query: { limit: 50 } } }));
  const today = osloToday();
  return data(
    { reports: reports.items, defaults: { fra: addDays(today, -365), til: addDays(today, -1) } },
    { headers: api.headers },
  );
}

export async function action({ request, context }: Route.ActionArgs) {
  await requireUser(request, context, ['analyst', 'staff']);
  const api = apiFor(request, context);
  const form = await request.formData();
  const values = Object.fromEntries([...form].map(([k, v]) => [k, typeof v === 'string' ? v.trim() : '']));
  const result = await api.client.POST('/reports/free-use-evaluation', {
    body: {
      from: values.fra,
      to: values.til,
      compareFrom: values.sammenlignFra || undefined,
      compareTo: values.sammenlignTil || undefined,
      locale: langOf(request),
    },
  });
  const error = errorOf(result);
  if (error) return data({ error, values }, { status: error.statusCode, headers: api.headers });
  const made = result.data!;
  throw redirect(`/statistikk/rapporter/${made.id}?jobb=${made.jobId}`, { headers: api.headers });
}

/** Which field an error is about: the API names the property (compareFrom, to, …) in its message. */
function fieldOf(message: string): string {
  if (/compareFrom/i.test(message)) return 'sammenlignFra';
  if (/compareTo/i.test(message)) return 'sammenlignTil';
  if (/\bto\b/.test(message) && !/\bfrom\b/.test(message)) return 'til';
  return 'fra';
}

const STATUS_COLOR = { queued: 'info', running: 'info', completed: 'success', failed: 'danger' } as const;

export default function Reports({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const { reports, defaults } = loaderData;
  const error = actionData?.error;
  const typed = actionData?.values;
  const field = error ? fieldOf(error.message) : null;
  const fieldError = (name: string) => (field === name ? error?.message : undefined);
  return (
    <>
      <PageTitle text={t('stats.reports.title')} />
      <Heading level={1} data-size="xl">
        {t('stats.reports.title')}
      </Heading>
      <StatsNav />
      <Paragraph>{t('stats.reports.intro')}</Paragraph>
      <section aria-labelledby="new-report" className="stack">
        <Heading level={2} data-size="md" id="new-report">
          {t('stats.reports.new')}
        </Heading>
        <FormErrorSummary
          errors={error && field ? fieldProblems({ [`report-${field}`]: error.message }) : undefined}
          heading={t('stats.reports.errorHeading')}
        />
        <Form method="post" className="stack form-row">
          <TextField
            id="report-fra"
            name="fra"
            type="date"
            required
            label={t('stats.from')}
            defaultValue={typed?.fra ?? defaults.fra}
            error={fieldError('fra')}
          />
          <TextField
            id="report-til"
            name="til"
            type="date"
            required
            label={t('stats.to')}
            defaultValue={typed?.til ?? defaults.til}
            error={fieldError('til')}
          />
          <TextField
            id="report-sammenlignFra"
            name="sammenlignFra"
            type="date"
            label={t('stats.reports.compareFrom')}
            description={t('stats.reports.compareHelp')}
            defaultValue={typed?.sammenlignFra}
            error={fieldError('sammenlignFra')}
          />
          <TextField
            id="report-sammenlignTil"
            name="sammenlignTil"
            type="date"
            label={t('stats.reports.compareTo')}
            defaultValue={typed?.sammenlignTil}
            error={fieldError('sammenlignTil')}
          />
          <div>
            <Button type="submit">{t('stats.reports.create')}</Button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="report-list" className="stack">
        <Heading level={2} data-size="md" id="report-list">
          {t('stats.reports.list')}
        </Heading>
        {reports.length === 0 ? (
          <Paragraph>{t('stats.reports.none')}</Paragraph>
        ) : (
          <ul className="caretaker-list">
            {reports.map((r) => (
              <li key={r.id}>
                <Link asChild>
                  <RouterLink to={`/statistikk/rapporter/${r.id}`}>
                    {t('stats.period', { from: formatDay(r.from, lang), to: formatDay(r.to, lang) })}
                  </RouterLink>
                </Link>{' '}
                <Tag data-color={STATUS_COLOR[r.status]}>
                  {t(`stats.reports.status.${r.status}` as MessageKey)}
                </Tag>
                <Paragraph data-size="sm">
                  {t('stats.reports.created', { at: formatDateTime(r.createdAt, lang) })}
                </Paragraph>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
