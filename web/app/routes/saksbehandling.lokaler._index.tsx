import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, Form, redirect, Link as RouterLink } from 'react-router';
import { apiFor, errorOf, need } from '../api/client';
import { FormErrorSummary } from '../components/form-error-summary';
import { formErrorsOf, NO_ERRORS } from '../lib/form-errors';
import { CheckboxField, SelectField, TextField } from '../components/fields';
import { PageTitle } from '../components/page-title';
import { type MessageKey, useT } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/saksbehandling.lokaler._index';
import { TableScroll } from '../components/table-scroll';
import { forgetKeptList } from '../lib/kept-lists.server';

const BUILDING_KINDS = ['school', 'culture', 'sports', 'other'] as const;
const FIELDS: Record<string, string> = { name: 'bygg-navn', kind: 'bygg-type', address: 'bygg-adresse' };

/** Staff's buildings: every one with its rooms, and a new one. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['staff']);
  const { client } = apiFor(request, context);
  const [buildings, rooms] = await Promise.all([
    client.GET('/buildings', { params: { query: { limit: 500 } } }).then(need),
    client.GET('/rooms', { params: { query: { limit: 500 } } }).then(need),
  ]);
  const count = new Map<string, number>();
  for (const r of rooms.items) count.set(r.buildingId, (count.get(r.buildingId) ?? 0) + 1);
  return {
    buildings: buildings.items
      .map((b) => ({ ...b, rooms: count.get(b.id) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nb')),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  await requireUser(request, context, ['staff']);
  const api = apiFor(request, context);
  const form = await request.formData();
  const values = Object.fromEntries(form) as Record<string, string>;
  const result = await api.client.POST('/buildings', {
    body: {
      name: values.navn ?? '',
      kind: values.type as (typeof BUILDING_KINDS)[number],
      address: values.adresse?.trim() || null,
      closedOnPublicHolidays: values.helligdager === 'on',
    },
  });
  const error = errorOf(result);
  if (error || !result.data) {
    return data({ errors: formErrorsOf(error, (f) => FIELDS[f], {}, FIELDS.name), values }, { status: 400 });
  }
  forgetKeptList('buildings');
  throw redirect(`/saksbehandling/lokaler/${result.data.id}`, { headers: api.headers });
}

export default function Buildings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors ?? NO_ERRORS;
  const values = actionData?.values ?? {};
  return (
    <>
      <PageTitle text={t('staff.venues.title')} />
      <Heading level={1} data-size="xl">
        {t('staff.venues.title')}
      </Heading>
      <Paragraph>{t('staff.venues.lead')}</Paragraph>

      <section aria-labelledby="bygg" className="stack">
        <Heading level={2} data-size="md" id="bygg">
          {t('staff.venues.buildings')}
        </Heading>
        <TableScroll labelledBy="bygg">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('staff.venues.building')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.venues.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.venues.address')}</Table.HeaderCell>
                <Table.HeaderCell>{t('staff.venues.roomCount')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {loaderData.buildings.map((b) => (
                <Table.Row key={b.id}>
                  <Table.HeaderCell scope="row">
                    <Link asChild>
                      <RouterLink to={`/saksbehandling/lokaler/${b.id}`}>{b.name}</RouterLink>
                    </Link>
                  </Table.HeaderCell>
                  <Table.Cell>{t(`staff.buildingKind.${b.kind}` as MessageKey)}</Table.Cell>
                  <Table.Cell>{b.address ?? ''}</Table.Cell>
                  <Table.Cell>{b.rooms}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      </section>

      <section aria-labelledby="nytt-bygg" className="stack">
        <Heading level={2} data-size="md" id="nytt-bygg">
          {t('staff.venues.newBuilding')}
        </Heading>
        <FormErrorSummary errors={errors} />
        <Form method="post" className="stack">
          <TextField
            id={FIELDS.name}
            name="navn"
            label={t('staff.venues.name')}
            required
            defaultValue={values.navn}
            error={errors.fields[FIELDS.name]}
          />
          <SelectField
            id={FIELDS.kind}
            name="type"
            label={t('staff.venues.kind')}
            defaultValue={values.type ?? 'school'}
            error={errors.fields[FIELDS.kind]}
          >
            {BUILDING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`staff.buildingKind.${k}` as MessageKey)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={FIELDS.address}
            name="adresse"
            label={t('staff.venues.address')}
            defaultValue={values.adresse}
            error={errors.fields[FIELDS.address]}
          />
          <CheckboxField
            name="helligdager"
            label={t('staff.venues.closedOnHolidays')}
            defaultChecked={actionData ? values.helligdager === 'on' : true}
          />
          <div>
            <Button type="submit">{t('staff.venues.createBuilding')}</Button>
          </div>
        </Form>
      </section>
    </>
  );
}
