import { Button, Card, Heading, Link, Paragraph, Select } from '@digdir/designsystemet-react';
import { SelectField, TextField } from '../components/fields';
import { Form, Link as RouterLink } from 'react-router';
import { apiFor, need } from '../api/client';
import { PageTitle } from '../components/page-title';
import { type MessageKey, useT } from '../i18n/i18n';
import type { Route } from './+types/organisasjoner._index';

export const ORG_KINDS = [
  'voluntary',
  'sports',
  'study_association',
  'public',
  'commercial',
  'private',
] as const;
type OrgKind = (typeof ORG_KINDS)[number];

/** The directory of verified organisations, by name (?navn=) and kind (?type=). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { client } = apiFor(request, context);
  const url = new URL(request.url);
  const navn = (url.searchParams.get('navn') ?? '').slice(0, 100);
  const asked = url.searchParams.get('type') ?? '';
  const type = (ORG_KINDS as readonly string[]).includes(asked) ? (asked as OrgKind) : '';
  const orgs = await client
    .GET('/public/organisations', {
      params: { query: { q: navn || undefined, kind: type || undefined, limit: 500 } },
    })
    .then(need);
  return { navn, type, organisations: orgs.items };
}

export default function Organisations({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { navn, type, organisations } = loaderData;
  return (
    <>
      <PageTitle text={t('orgs.title')} />
      <Heading level={1} data-size="xl">
        {t('orgs.title')}
      </Heading>
      <Paragraph data-size="lg">{t('orgs.lead')}</Paragraph>
      <Form method="get" className="stack" role="search">
        <div className="form-row">
          <TextField label={t('orgs.name')} name="navn" defaultValue={navn} />
          <SelectField label={t('orgs.kind')} name="type" defaultValue={type}>
            <Select.Option value="">{t('common.any')}</Select.Option>
            {ORG_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`orgKind.${k}` as MessageKey)}
              </Select.Option>
            ))}
          </SelectField>
        </div>
        <Button type="submit">{t('common.search')}</Button>
      </Form>
      <section aria-labelledby="org-results" className="stack">
        <Heading level={2} data-size="sm" id="org-results">
          {t('orgs.count', { count: organisations.length })}
        </Heading>
        {organisations.length === 0 ? (
          <Paragraph>{t('orgs.none')}</Paragraph>
        ) : (
          <ul className="grid">
            {organisations.map((o) => (
              <li key={o.id}>
                <Card data-color="neutral" className="stack">
                  <Heading level={3} data-size="xs">
                    <Link asChild>
                      <RouterLink to={`/organisasjoner/${o.id}`}>{o.name}</RouterLink>
                    </Link>
                  </Heading>
                  <Paragraph data-size="sm">{t(`orgKind.${o.kind}` as MessageKey)}</Paragraph>
                  {o.description && <Paragraph data-size="sm">{o.description}</Paragraph>}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
