import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { data, Form, Link, redirect, useFetcher } from 'react-router';
import { apiFor, errorOf } from '../api/client';
import { FormErrorSummary } from '../components/form-error-summary';
import { OccurrenceTable } from '../components/occurrence-table';
import { PageTitle } from '../components/page-title';
import { REQUEST_IDS, RequestFields } from '../components/request-fields';
import { formatMoney } from '../i18n/format';
import { useLang, useT } from '../i18n/i18n';
import { formErrorsOf, textOf } from '../lib/form-errors';
import { bodyOf, REQUEST_FIELDS, seriesOf, valuesOf } from '../lib/request-form.server';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/soknad';

/** /soknad?rom=<roomId>: the room's page leads here; the organisation is one of mine that is verified. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context);
  const { client } = apiFor(request, context);
  const [orgs, rooms, buildings, rules] = await Promise.all([
    client.GET('/organisations', { params: { query: { limit: 100 } } }),
    client.GET('/rooms', { params: { query: { limit: 500 } } }),
    client.GET('/buildings', { params: { query: { limit: 500 } } }),
    client.GET('/public/exemption-rules'),
  ]);
  const names = new Map((buildings.data?.items ?? []).map((b) => [b.id, b.name]));
  return {
    values: valuesOf(new URL(request.url).searchParams),
    organisations: (orgs.data?.items ?? [])
      .filter((o) => o.status === 'verified')
      .map((o) => ({ id: o.id, name: o.name })),
    rooms: (rooms.data?.items ?? [])
      .map((r) => ({ id: r.id, name: r.name, buildingName: names.get(r.buildingId) ?? '' }))
      .sort(
        (a, b) => a.buildingName.localeCompare(b.buildingName, 'nb') || a.name.localeCompare(b.name, 'nb'),
      ),
    ruleNames: Object.fromEntries((rules.data?.items ?? []).map((r) => [r.id, r.name])),
  };
}

/** `Vis pris og ledighet` (and the page's own fetcher as choices change) quotes; `Send søknad` sends. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const api = apiFor(request, context);
  const v = valuesOf(form);
  const series = seriesOf(v);
  const body = bodyOf(v);
  if (textOf(form, 'intent') === 'send') {
    // The documented body marks the season fields required (they have defaults); a plain request omits them.
    const sent = await api.client.POST('/booking-requests', { body: body as never });
    const error = errorOf(sent);
    if (!error && sent.data)
      throw redirect(`/min-side?sendt#request-${sent.data.id}`, { headers: api.headers });
    return data(
      { values: v, series, quote: null, errors: formErrorsOf(error, REQUEST_FIELDS) },
      { status: 400 },
    );
  }
  const quoted = await api.client.POST('/fees/quote', { body });
  const error = errorOf(quoted);
  return {
    values: v,
    series,
    quote: quoted.data ?? null,
    errors: error ? formErrorsOf(error, REQUEST_FIELDS) : undefined,
  };
}

export default function RequestPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const fetcher = useFetcher<typeof action>();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The newest answer: the fetcher's (with JavaScript, as choices change) or the form post's.
  const answer = fetcher.data ?? actionData;
  const v = actionData?.values ?? loaderData.values;
  const series = answer?.series ?? [];
  const quote = answer?.quote ?? null;
  const errors = actionData?.errors;
  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!formRef.current) return;
      const form = new FormData(formRef.current);
      form.set('intent', 'quote');
      void fetcher.submit(form, { method: 'post' });
    }, 400);
  };
  return (
    <>
      <PageTitle text={t('request.pageTitle')} />
      <Heading level={1} data-size="xl">
        {t('request.pageTitle')}
      </Heading>
      <Paragraph>{t('request.lead')}</Paragraph>
      {loaderData.organisations.length === 0 ? (
        <Alert data-color="warning">
          <Paragraph>{t('request.noOrganisation')}</Paragraph>
          <Paragraph>
            <Link to="/min-side">{t('nav.mine')}</Link>
          </Paragraph>
        </Alert>
      ) : (
        <>
          <FormErrorSummary errors={errors} ids={REQUEST_IDS} />
          <Form method="post" ref={formRef} onChange={onChange} className="stack request-form" noValidate>
            <RequestFields
              v={answer?.values ?? v}
              errors={errors}
              organisations={loaderData.organisations}
              rooms={loaderData.rooms}
              series={series}
            />
            <Button type="submit" name="intent" value="quote" variant="secondary">
              {t('request.quote')}
            </Button>
            <section aria-labelledby="quote-heading" aria-live="polite" className="stack">
              <Heading level={2} data-size="md" id="quote-heading">
                {t('request.quoteTitle')}
              </Heading>
              {fetcher.data?.errors && !actionData?.errors && (
                <Alert data-color="warning">
                  {[...Object.values(fetcher.data.errors.fields), ...fetcher.data.errors.general].map((m) => (
                    <Paragraph key={m}>{m}</Paragraph>
                  ))}
                </Alert>
              )}
              {quote ? (
                <>
                  <OccurrenceTable
                    caption={t('request.quoteCaption')}
                    rows={quote.occurrences.map((o) => ({
                      key: o.startsAt,
                      ...o,
                      ruleName: o.ruleId ? (loaderData.ruleNames[o.ruleId] ?? null) : null,
                    }))}
                  />
                  <Paragraph data-size="lg">
                    <strong>
                      {t('request.total', {
                        count: quote.occurrences.length,
                        charged: formatMoney(quote.total.chargedOre, lang),
                      })}
                    </strong>{' '}
                    {quote.total.waivedOre > 0 &&
                      t('request.waived', {
                        waived: formatMoney(quote.total.waivedOre, lang),
                        list: formatMoney(quote.total.listOre, lang),
                      })}
                  </Paragraph>
                </>
              ) : (
                <Paragraph>{t('request.quoteEmpty')}</Paragraph>
              )}
            </section>
            <Button type="submit" name="intent" value="send">
              {t('request.send')}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}
