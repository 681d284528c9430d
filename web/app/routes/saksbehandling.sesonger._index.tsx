import { Button, Fieldset, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { data, Form, redirect, Link as RouterLink } from 'react-router';
import { apiFor, errorOf, need } from '../api/client';
import { CheckboxGroup, TextField } from '../components/fields';
import { FormErrorSummary } from '../components/form-error-summary';
import { formErrorsOf, NO_ERRORS } from '../lib/form-errors';
import { PageTitle } from '../components/page-title';
import { formatDay } from '../i18n/format';
import { type MessageKey, useLang, useT } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/saksbehandling.sesonger._index';
import { TableScroll } from '../components/table-scroll';
import { forgetKeptList } from '../lib/kept-lists.server';

const FIELDS: Record<string, string> = {
  name: 'sesong-navn',
  startsOn: 'sesong-fra',
  endsOn: 'sesong-til',
  applicationOpensAt: 'sesong-apner',
  applicationDeadline: 'sesong-frist',
  roomIds: 'sesong-rom',
};

/** Season rounds, newest first, and a new one. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['staff']);
  const { client } = apiFor(request, context);
  const [seasons, buildings, rooms] = await Promise.all([
    client.GET('/seasons', { params: { query: { limit: 100 } } }).then(need),
    client.GET('/buildings', { params: { query: { limit: 500 } } }).then(need),
    client.GET('/rooms', { params: { query: { limit: 500 } } }).then(need),
  ]);
  const byBuilding = buildings.items
    .map((b) => ({
      ...b,
      rooms: rooms.items
        .filter((r) => r.buildingId === b.id)
        .sort((x, y) => x.name.localeCompare(y.name, 'nb')),
    }))
    .filter((b) => b.rooms.length)
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return { seasons: seasons.items, buildings: byBuilding };
}

export async function action({ request, context }: Route.ActionArgs) {
  await requireUser(request, context, ['staff']);
  const api = apiFor(request, context);
  const form = await request.formData();
  const values = Object.fromEntries(form) as Record<string, string>;
  const roomIds = form.getAll('rom').map(String);
  const result = await api.client.POST('/seasons', {
    body: {
      name: values.navn ?? '',
      startsOn: values.fra ?? '',
      endsOn: values.til ?? '',
      applicationOpensAt: values.apner ?? '',
      applicationDeadline: values.frist ?? '',
      roomIds,
    } as never,
  });
  const error = errorOf(result);
  if (error || !result.data) {
    const errors = formErrorsOf(error, (f) => FIELDS[f.split('.')[0]], {}, FIELDS.name);
    return data({ errors, values, roomIds }, { status: 400, headers: api.headers });
  }
  forgetKeptList('seasons');
  throw redirect(`/saksbehandling/sesonger/${result.data.id}`, { headers: api.headers });
}

export default function Seasons({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const lang = useLang();
  const errors = actionData?.errors ?? NO_ERRORS;
  const values = actionData?.values ?? {};
  return (
    <>
      <PageTitle text={t('staff.seasons.title')} />
      <Heading level={1} data-size="xl">
        {t('staff.seasons.title')}
      </Heading>
      <Paragraph>{t('staff.seasons.lead')}</Paragraph>
      <TableScroll label={t('staff.seasons.listCaption')}>
        <Table>
          <caption>{t('staff.seasons.listCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('staff.seasons.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('staff.seasons.period')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('staff.seasons.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {loaderData.seasons.map((s) => (
              <Table.Row key={s.id}>
                <Table.HeaderCell scope="row">
                  <Link asChild>
                    <RouterLink to={`/saksbehandling/sesonger/${s.id}`}>{s.name}</RouterLink>
                  </Link>
                </Table.HeaderCell>
                <Table.Cell>
                  {t('staff.rules.validFromTo', {
                    from: formatDay(s.startsOn, lang),
                    to: formatDay(s.endsOn, lang),
                  })}
                </Table.Cell>
                <Table.Cell>
                  <Tag data-size="sm">{t(`staff.seasonStatus.${s.status}` as MessageKey)}</Tag>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>

      <section aria-labelledby="ny-sesong" className="stack">
        <Heading level={2} data-size="md" id="ny-sesong">
          {t('staff.seasons.new')}
        </Heading>
        <FormErrorSummary errors={errors} />
        <Form method="post" className="stack">
          <TextField
            id={FIELDS.name}
            name="navn"
            required
            label={t('staff.seasons.name')}
            defaultValue={values.navn}
            error={errors.fields[FIELDS.name]}
          />
          <div className="form-row">
            <TextField
              id={FIELDS.startsOn}
              name="fra"
              type="date"
              required
              label={t('staff.seasons.startsOn')}
              defaultValue={values.fra}
              error={errors.fields[FIELDS.startsOn]}
            />
            <TextField
              id={FIELDS.endsOn}
              name="til"
              type="date"
              required
              label={t('staff.seasons.endsOn')}
              defaultValue={values.til}
              error={errors.fields[FIELDS.endsOn]}
            />
          </div>
          <div className="form-row">
            <TextField
              id={FIELDS.applicationOpensAt}
              name="apner"
              type="datetime-local"
              required
              label={t('staff.seasons.opensAt')}
              defaultValue={values.apner}
              error={errors.fields[FIELDS.applicationOpensAt]}
            />
            <TextField
              id={FIELDS.applicationDeadline}
              name="frist"
              type="datetime-local"
              required
              label={t('staff.seasons.deadline')}
              defaultValue={values.frist}
              error={errors.fields[FIELDS.applicationDeadline]}
            />
          </div>
          <Fieldset id={FIELDS.roomIds}>
            <Fieldset.Legend>{t('staff.seasons.rooms')}</Fieldset.Legend>
            <Fieldset.Description>{t('staff.seasons.roomsHelp')}</Fieldset.Description>
            {errors.fields[FIELDS.roomIds] && (
              <Paragraph data-color="danger">{errors.fields[FIELDS.roomIds]}</Paragraph>
            )}
            {loaderData.buildings.map((b) => (
              <CheckboxGroup
                key={b.id}
                legend={b.name}
                name="rom"
                idPrefix="sesong-rom"
                values={b.rooms.map((r) => r.id)}
                labelOf={(id) => b.rooms.find((r) => r.id === id)?.name ?? id}
                checked={actionData?.roomIds}
              />
            ))}
          </Fieldset>
          <div>
            <Button type="submit">{t('staff.seasons.create')}</Button>
          </div>
        </Form>
      </section>
    </>
  );
}
