import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, redirect, Link as RouterLink } from 'react-router';
import { apiFor, errorOf, need, notFound } from '../api/client';
import type { components } from '../api/schema';
import { FormErrorSummary } from '../components/form-error-summary';
import { formErrorsOf, NO_ERRORS } from '../lib/form-errors';
import { CheckboxField, SelectField, TextField } from '../components/fields';
import { PageTitle } from '../components/page-title';
import { type MessageKey, useT } from '../i18n/i18n';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/saksbehandling.lokaler.$buildingId';

type Room = components['schemas']['RoomView'];
const ROOM_KINDS = [
  'gym',
  'hall',
  'auditorium',
  'classroom',
  'meeting_room',
  'music_room',
  'kitchen',
  'other',
] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS: Record<string, string> = {
  name: 'rom-navn',
  kind: 'rom-type',
  capacity: 'rom-plasser',
  areaSqm: 'rom-areal',
  parentRoomId: 'rom-del-av',
  facilities: 'rom-utstyr',
};

/** A building's rooms as a tree (a hall, its courts), and a new room or section. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['staff']);
  if (!UUID.test(params.buildingId)) notFound();
  const { client } = apiFor(request, context);
  const id = params.buildingId;
  const [building, rooms] = await Promise.all([
    client.GET('/buildings/{id}', { params: { path: { id } } }).then(need),
    client.GET('/rooms', { params: { query: { buildingId: id, limit: 500 } } }).then(need),
  ]);
  const url = new URL(request.url);
  return {
    building,
    rooms: rooms.items.sort((a, b) => a.name.localeCompare(b.name, 'nb')),
    parent: url.searchParams.get('del-av') ?? '',
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireUser(request, context, ['staff']);
  const api = apiFor(request, context);
  const values = Object.fromEntries(await request.formData()) as Record<string, string>;
  const whole = (v: string | undefined) => (v && /^\d+$/.test(v.trim()) ? Number(v) : undefined);
  const result = await api.client.POST('/rooms', {
    body: {
      buildingId: params.buildingId,
      name: values.navn ?? '',
      kind: values.type as (typeof ROOM_KINDS)[number],
      capacity: whole(values.plasser) ?? (values.plasser as unknown as number),
      areaSqm: values.areal?.trim() ? (whole(values.areal) ?? (values.areal as unknown as number)) : null,
      parentRoomId: values.delAv || null,
      accessible: values.tilgjengelig === 'on',
      facilities: (values.utstyr ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
  });
  const error = errorOf(result);
  if (error || !result.data) {
    const errors = formErrorsOf(error, (f) => FIELDS[f.split('.')[0]], {}, FIELDS.name);
    return data({ errors, values }, { status: 400 });
  }
  throw redirect(`/saksbehandling/lokaler/rom/${result.data.id}`, { headers: api.headers });
}

function RoomTree({ rooms, parentId }: { rooms: Room[]; parentId: string | null }) {
  const t = useT();
  const here = rooms.filter((r) => r.parentRoomId === parentId);
  if (here.length === 0) return null;
  return (
    <ul className="room-tree">
      {here.map((r) => (
        <li key={r.id}>
          <Link asChild>
            <RouterLink to={`/saksbehandling/lokaler/rom/${r.id}`}>{r.name}</RouterLink>
          </Link>{' '}
          <span className="muted">
            {t(`roomKind.${r.kind}` as MessageKey)}, {t('common.people', { count: r.capacity })}
          </span>
          <RoomTree rooms={rooms} parentId={r.id} />
        </li>
      ))}
    </ul>
  );
}

export default function BuildingPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { building, rooms, parent } = loaderData;
  const errors = actionData?.errors ?? NO_ERRORS;
  const values = actionData?.values ?? {};
  const ids = new Set(rooms.map((r) => r.id));
  // A room whose parent is in another building (should not happen) is shown at the top level.
  const roots = rooms.map((r) =>
    r.parentRoomId && !ids.has(r.parentRoomId) ? { ...r, parentRoomId: null } : r,
  );
  return (
    <>
      <PageTitle text={building.name} />
      <Paragraph>
        <Link asChild>
          <RouterLink to="/saksbehandling/lokaler">{t('staff.venues.back')}</RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="xl">
        {building.name}
      </Heading>
      <Paragraph>
        {t(`staff.buildingKind.${building.kind}` as MessageKey)}
        {building.address ? `, ${building.address}` : ''}
        {building.closedOnPublicHolidays ? `. ${t('staff.venues.closedOnHolidays')}.` : ''}
      </Paragraph>

      <section aria-labelledby="rom" className="stack">
        <Heading level={2} data-size="md" id="rom">
          {t('staff.venues.roomsAndSections')}
        </Heading>
        {rooms.length ? (
          <RoomTree rooms={roots} parentId={null} />
        ) : (
          <Paragraph>{t('staff.venues.noRooms')}</Paragraph>
        )}
      </section>

      <section aria-labelledby="nytt-rom" className="stack">
        <Heading level={2} data-size="md" id="nytt-rom">
          {t('staff.venues.newRoom')}
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
            id={FIELDS.parentRoomId}
            name="delAv"
            label={t('staff.venues.partOf')}
            description={t('staff.venues.partOfHelp')}
            defaultValue={values.delAv ?? parent}
            error={errors.fields[FIELDS.parentRoomId]}
          >
            <option value="">{t('staff.venues.ownRoom')}</option>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </SelectField>
          <div className="form-row">
            <SelectField
              id={FIELDS.kind}
              name="type"
              label={t('staff.venues.kind')}
              defaultValue={values.type ?? 'gym'}
              error={errors.fields[FIELDS.kind]}
            >
              {ROOM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`roomKind.${k}` as MessageKey)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={FIELDS.capacity}
              name="plasser"
              label={t('staff.venues.capacity')}
              inputMode="numeric"
              required
              defaultValue={values.plasser}
              error={errors.fields[FIELDS.capacity]}
            />
            <TextField
              id={FIELDS.areaSqm}
              name="areal"
              label={t('staff.venues.area')}
              inputMode="numeric"
              defaultValue={values.areal}
              error={errors.fields[FIELDS.areaSqm]}
            />
          </div>
          <TextField
            id={FIELDS.facilities}
            name="utstyr"
            label={t('staff.venues.facilities')}
            description={t('staff.venues.facilitiesHelp')}
            defaultValue={values.utstyr}
            error={errors.fields[FIELDS.facilities]}
          />
          <CheckboxField
            name="tilgjengelig"
            label={t('common.accessible')}
            defaultChecked={values.tilgjengelig === 'on'}
          />
          <div>
            <Button type="submit">{t('staff.venues.createRoom')}</Button>
          </div>
        </Form>
      </section>
    </>
  );
}
