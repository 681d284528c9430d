import { withCheckDigit } from '../../src/core/org-number';
import { nth, TUESDAY } from './dates';
import { KnownUnit } from './register-stub';
import { TestApp, TestUser } from './test-app';

let orgCounter = 0;

/** A fresh valid organisation number for each call. */
export function orgNumber(): string {
  for (;;) {
    const candidate = withCheckDigit(String(80_000_000 + process.pid * 1000 + orgCounter++).slice(-8));
    if (candidate) return candidate;
  }
}

/** A fresh number that the test register holds as a voluntary organisation in Ås in Frivillighetsregisteret. */
export function known(t: TestApp, name: string, unit: Partial<KnownUnit> = {}): string {
  const nr = orgNumber();
  t.register.know(nr, { name, municipalityNumber: '3218', inFrivillighetsregisteret: true, ...unit });
  return nr;
}

export interface BookingWorld {
  staff: TestUser;
  applicant: TestUser;
  stranger: TestUser;
  org: { id: string };
  unverified: { id: string };
  building: { id: string };
  gym: { id: string; capacity: number };
  hall: { id: string };
  courtA: { id: string };
  courtB: { id: string };
}

const EVERY_DAY_8_TO_23 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opens: '08:00',
  closes: '23:00',
}));

/**
 * A school with a gym (weekdays 17–22, weekends 09–21) and a hall split into two courts (every day
 * 08–23); a verified sports club whose contact is `applicant`, and an unverified one.
 */
export async function bookingWorld(t: TestApp): Promise<BookingWorld> {
  const staff = await t.as('staff');
  const applicant = await t.createUser(['applicant']);
  const stranger = await t.createUser(['applicant']);
  const building = (await staff.http.post('/buildings', { name: 'Testskolen', kind: 'school' })).body;
  const room = async (name: string, body: Record<string, unknown>, hours: unknown[]) => {
    const r = (
      await staff.http.post('/rooms', { buildingId: building.id, name, kind: 'gym', capacity: 60, ...body })
    ).body;
    await staff.http.put(`/rooms/${r.id}/opening-hours`, { hours });
    return r;
  };
  const gym = await room('Gymsal', {}, [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '17:00', closes: '22:00' })),
    ...[6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '21:00' })),
  ]);
  const hall = await room('Hall', { kind: 'hall', capacity: 200 }, EVERY_DAY_8_TO_23);
  const courtA = await room('Bane A', { parentRoomId: hall.id }, EVERY_DAY_8_TO_23);
  const courtB = await room('Bane B', { parentRoomId: hall.id }, EVERY_DAY_8_TO_23);
  const register = async (user: TestUser, name: string) =>
    (
      await user.http.post('/organisations', {
        orgNumber: known(t, name),
        name,
        kind: 'sports',
        inFrivillighetsregisteret: true,
        municipalityNumber: '3218',
        email: 'post@klubb.no',
      })
    ).body;
  const org = await register(applicant, 'Testklubben');
  await staff.http.post(`/organisations/${org.id}/verify`);
  const unverified = await register(applicant, 'Ny klubb');
  return { staff, applicant, stranger, org, unverified, building, gym, hall, courtA, courtB };
}

/**
 * Makes a user a contact of an organisation directly in the database: a shortcut for tests about something
 * else. The API adds contacts only by an accepted invitation (test/invitations.e2e-spec.ts).
 */
export async function addContact(t: TestApp, organisationId: string, userId: string): Promise<void> {
  await t.dataSource.query(
    'INSERT INTO organisation_members (organisation_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [organisationId, userId],
  );
}

export const FIRST_TUESDAY_OF_SEPTEMBER = nth(9, TUESDAY);

/** A booking-request body for the world's organisation, overridable field by field. */
export function requestBody(
  w: BookingWorld,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    organisationId: w.org.id,
    roomId: w.gym.id,
    title: 'Håndballtrening J12',
    ageGroup: 'children',
    expectedParticipants: 20,
    startsAt: `${FIRST_TUESDAY_OF_SEPTEMBER}T18:00`,
    endsAt: `${FIRST_TUESDAY_OF_SEPTEMBER}T19:30`,
    ...overrides,
  };
}
