import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { data, redirect, Link as RouterLink } from 'react-router';
import { apiFor, errorOf, need, notFound } from '../api/client';
import { ClosureCalendar, monthFromUrl, shiftMonth } from '../components/closure-calendar';
import { fieldProblems, type FormErrors, formErrorsOf, NO_ERRORS } from '../lib/form-errors';
import { OpeningHoursForm, windowsFromForm } from '../components/opening-hours-form';
import { PageTitle } from '../components/page-title';
import { PriceForm, priceFieldOf, pricesFromForm } from '../components/price-form';
import { langOf, type MessageKey, translate, useT } from '../i18n/i18n';
import { addDays, osloToday } from '../lib/week';
import { requireUser } from '../lib/session.server';
import type { Route } from './+types/saksbehandling.lokaler.rom.$roomId';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Form = 'hours' | 'closure' | 'prices';

/** A room for staff: opening hours, closures on a month grid (?maaned=2027-12), prices. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['staff']);
  if (!UUID.test(params.roomId)) notFound();
  const { client } = apiFor(request, context);
  const room = await client.GET('/rooms/{id}', { params: { path: { id: params.roomId } } }).then(need);
  const url = new URL(request.url);
  const month = monthFromUrl(url, osloToday());
  // The grid's weeks reach a few days into the months either side; a year of the list from the month.
  const from = addDays(`${month}-01`, -7);
  const to = addDays(`${shiftMonth(month, 12)}-01`, 7);
  const [building, prices, own, whole] = await Promise.all([
    client.GET('/buildings/{id}', { params: { path: { id: room.buildingId } } }).then(need),
    client.GET('/rooms/{id}/prices', { params: { path: { id: room.id } } }),
    client.GET('/closures', { params: { query: { roomId: room.id, from, to, limit: 500 } } }).then(need),
    client
      .GET('/closures', { params: { query: { buildingId: room.buildingId, from, to, limit: 500 } } })
      .then(need),
  ]);
  const closures = [
    ...own.items.map((c) => ({ ...c, wholeBuilding: false })),
    ...whole.items.map((c) => ({ ...c, wholeBuilding: true })),
  ].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    room,
    building,
    prices: prices.data ?? null,
    closures,
    month,
    saved: url.searchParams.get('lagret') as Form | null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  await requireUser(request, context, ['staff']);
  const api = apiFor(request, context);
  const lang = langOf(request);
  const values = Object.fromEntries(await request.formData()) as Record<string, string>;
  const id = params.roomId;
  const back = (form: Form | 'removed') =>
    redirect(
      `/saksbehandling/lokaler/rom/${id}?lagret=${form}${values.maaned ? `&maaned=${values.maaned}` : ''}`,
      {
        headers: api.headers,
      },
    );
  const failed = (form: Form, errors: FormErrors) =>
    data({ form, errors, values }, { status: 400, headers: api.headers });

  if (values.intent === 'hours') {
    const { hours, fieldOf } = windowsFromForm(values);
    const result = await api.client.PUT('/rooms/{id}/opening-hours', {
      params: { path: { id } },
      body: { hours },
    });
    const error = errorOf(result);
    if (error) return failed('hours', formErrorsOf(error, fieldOf, {}, 'apent-1-0-fra'));
    throw back('hours');
  }

  if (values.intent === 'closure') {
    const room = await api.client.GET('/rooms/{id}', { params: { path: { id } } }).then(need);
    const date = /^\d{4}-\d{2}-\d{2}$/;
    const problems: Record<string, string> = {};
    if (!date.test(values.fra ?? '')) problems['stengt-fra'] = translate(lang, 'staff.room.needDate');
    if (!date.test(values.til ?? '')) problems['stengt-til'] = translate(lang, 'staff.room.needDate');
    if (Object.keys(problems).length) return failed('closure', fieldProblems(problems));
    // The form names whole days; the API takes instants: from the first day's start to the day after the last.
    const result = await api.client.POST('/closures', {
      body: {
        ...(values.omfang === 'bygg' ? { buildingId: room.buildingId } : { roomId: id }),
        startsAt: `${values.fra}T00:00`,
        endsAt: values.til >= values.fra ? `${addDays(values.til, 1)}T00:00` : `${values.til}T00:00`,
        reason: values.grunn ?? '',
      } as never,
    });
    const error = errorOf(result);
    const FIELDS: Record<string, string> = {
      startsAt: 'stengt-fra',
      endsAt: 'stengt-til',
      reason: 'stengt-grunn',
    };
    if (error)
      return failed(
        'closure',
        formErrorsOf(error, (f) => FIELDS[f], {}, 'stengt-til'),
      );
    throw back('closure');
  }

  if (values.intent === 'delete-closure' && UUID.test(values.closureId ?? '')) {
    const result = await api.client.DELETE('/closures/{id}', { params: { path: { id: values.closureId } } });
    // Already gone (someone else removed it): the page shows the list as it is now either way.
    if (!result.response.ok && result.response.status !== 404) {
      throw new Response(JSON.stringify(result.error ?? null), { status: result.response.status });
    }
    throw back('removed');
  }

  if (values.intent === 'prices') {
    const { body, bad } = pricesFromForm(values);
    if (bad.length) {
      return failed(
        'prices',
        fieldProblems(Object.fromEntries(bad.map((f) => [f, translate(lang, 'staff.room.needKroner')]))),
      );
    }
    // The form edits rent and fixed fees; the caretaker and cleaning charges the room has are kept.
    const current = await api.client.GET('/rooms/{id}/prices', { params: { path: { id } } });
    const result = await api.client.PUT('/rooms/{id}/prices', {
      params: { path: { id } },
      body: { ...body, extras: current.data?.extras ?? [] },
    });
    const error = errorOf(result);
    if (error) return failed('prices', formErrorsOf(error, priceFieldOf, {}, 'pris-time-nonprofit'));
    throw back('prices');
  }
  throw new Response('Unknown form', { status: 400 });
}

export default function RoomAdmin({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { room, building, prices, closures, month, saved } = loaderData;
  const errorsOf = (form: Form) => (actionData?.form === form ? actionData.errors : NO_ERRORS);
  const valuesOf = (form: Form) => (actionData?.form === form ? actionData.values : undefined);
  return (
    <>
      <PageTitle text={`${room.name}, ${building.name}`} />
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/saksbehandling/lokaler/${building.id}`}>
            {t('staff.room.back', { building: building.name })}
          </RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="xl">
        {room.name}
      </Heading>
      <Paragraph>
        {building.name}. {t(`roomKind.${room.kind}` as MessageKey)},{' '}
        {t('common.people', { count: room.capacity })}.{' '}
        <Link asChild>
          <RouterLink to={`/saksbehandling/lokaler/${building.id}?del-av=${room.id}#nytt-rom`}>
            {t('staff.room.addSection')}
          </RouterLink>
        </Link>
      </Paragraph>
      {saved && (
        <Alert data-color="success" role="status">
          {t(`staff.room.saved.${saved}` as MessageKey)}
        </Alert>
      )}
      <OpeningHoursForm
        key={`hours-${room.openingHours.length}-${saved}`}
        hours={room.openingHours}
        errors={errorsOf('hours')}
        values={valuesOf('hours')}
      />
      <ClosureCalendar
        month={month}
        closures={closures}
        errors={errorsOf('closure')}
        values={valuesOf('closure')}
      />
      <PriceForm prices={prices} errors={errorsOf('prices')} values={valuesOf('prices')} />
    </>
  );
}
