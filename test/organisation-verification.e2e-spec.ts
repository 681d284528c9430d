import { startApp, TestApp, TestUser } from './support/test-app';
import {
  BookingWorld,
  bookingWorld,
  FIRST_TUESDAY_OF_SEPTEMBER as TUE,
  known,
  requestBody,
} from './support/world';

const COMMERCIAL = {
  name: 'Ås Eventbyrå AS',
  kind: 'commercial',
  inFrivillighetsregisteret: false,
  municipalityNumber: '0301',
  email: 'post@eventbyra.no',
  website: 'https://eventbyra.no',
};
const CLAIM = { kind: 'voluntary', inFrivillighetsregisteret: true, municipalityNumber: '3218' };

describe('facts that fees depend on stay verified', () => {
  let t: TestApp;
  let w: BookingWorld;
  let staff: TestUser;
  let contact: TestUser;

  beforeAll(async () => {
    t = await startApp();
    w = await bookingWorld(t);
    staff = w.staff;
    contact = w.applicant;
    // Two hours in the gym: 1,240 kr for a commercial renter, 155 kr for a voluntary one.
    await staff.http.put(`/rooms/${w.gym.id}/prices`, {
      hourlyOre: { nonprofit: 7750, public: 7750, commercial: 62000, private: 31000 },
    });
  });
  afterAll(() => t.close());

  /** A company in Oslo, as the register has it: it claims exactly what the register says. */
  const register = async () => {
    const nr = known(t, COMMERCIAL.name, {
      organisationForm: 'AS',
      municipalityNumber: '0301',
      inFrivillighetsregisteret: false,
    });
    const created = await contact.http.post('/organisations', { ...COMMERCIAL, orgNumber: nr });
    expect([created.status, created.body.registerStatus]).toEqual([201, 'checked']);
    const org = created.body;
    expect((await staff.http.post(`/organisations/${org.id}/verify`)).status).toBe(200);
    return org as { id: string };
  };
  const twoHours = (organisationId: string, title = 'Firmafest') =>
    requestBody(w, { organisationId, title, endsAt: `${TUE}T20:00` });

  it('sends a commercial renter claiming to be local and voluntary back to pending: no cheaper quote, no booking, stored fees kept', async () => {
    const org = await register();
    const quote = await contact.http.post('/fees/quote', twoHours(org.id));
    expect([quote.status, quote.body.total.chargedOre]).toEqual([200, 124000]);
    const booked = await contact.http.post('/booking-requests', twoHours(org.id));
    expect([booked.status, booked.body.total.chargedOre]).toEqual([201, 124000]);

    const patched = await contact.http.patch(`/organisations/${org.id}`, CLAIM);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ ...CLAIM, status: 'pending', verifiedAt: null });
    expect(patched.body).not.toHaveProperty('changesSinceVerification');

    // A quote needs no verification (it books nothing); the booking at the claimed price is refused.
    expect((await contact.http.post('/fees/quote', twoHours(org.id))).status).toBe(200);
    const refused = await contact.http.post('/booking-requests', twoHours(org.id, 'Julebord'));
    expect([refused.status, refused.body.code]).toEqual([409, 'ORGANISATION_NOT_VERIFIED']);
    const stored = await contact.http.get(`/booking-requests/${booked.body.id}`);
    expect(stored.body.total.chargedOre).toBe(124000);
    expect(stored.body.occurrences.map((o: any) => o.fee.chargedOre)).toEqual([124000]);

    // Staff see what changed, old → new, in the organisation and its history.
    const seen = await staff.http.get(`/organisations/${org.id}`);
    expect(seen.body.changesSinceVerification).toEqual({
      kind: { from: 'commercial', to: 'voluntary' },
      inFrivillighetsregisteret: { from: false, to: true },
      municipalityNumber: { from: '0301', to: '3218' },
    });
    const history = await staff.http.get(`/organisations/${org.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: any) => e.kind)).toEqual(['updated', 'verified']);
    expect(history.body.items[0]).toMatchObject({
      actorId: contact.user.id,
      actorName: contact.user.name,
      byStaff: false,
      unverified: true,
      changes: seen.body.changesSinceVerification,
    });
    expect((await contact.http.get(`/organisations/${org.id}/history`)).status).toBe(403);

    // Once staff have checked the claim and verify again, the new facts price.
    await staff.http.post(`/organisations/${org.id}/verify`);
    const after = await contact.http.post('/fees/quote', twoHours(org.id));
    expect([after.status, after.body.total.chargedOre]).toEqual([200, 15500]);
    expect((await staff.http.get(`/organisations/${org.id}`)).body.changesSinceVerification).toEqual({});
    const stillStored = await contact.http.get(`/booking-requests/${booked.body.id}`);
    expect(stillStored.body.total.chargedOre).toBe(124000);
  });

  it('needs verifying again after a change to any one priced fact, alone', async () => {
    for (const [field, value] of Object.entries(CLAIM)) {
      const org = await register();
      const res = await contact.http.patch(`/organisations/${org.id}`, { [field]: value });
      expect({ field, status: res.body.status }).toEqual({ field, status: 'pending' });
    }
  });

  it('keeps it verified for changes no rule reads, and for a priced fact set to the value it has', async () => {
    const org = await register();
    const res = await contact.http.patch(`/organisations/${org.id}`, {
      description: 'Konferanser og fester',
      website: 'https://eventbyra.example.no',
      phone: '+4764999999',
      membersTotal: 12,
      kind: 'commercial',
      municipalityNumber: '0301',
    });
    expect(res.body).toMatchObject({ status: 'verified', description: 'Konferanser og fester' });
    expect(res.body.verifiedAt).not.toBeNull();
    const [event] = (await staff.http.get(`/organisations/${org.id}/history`)).body.items;
    expect(Object.keys(event.changes).sort()).toEqual(['description', 'membersTotal', 'phone', 'website']);
    expect(event.unverified).toBe(false);
    expect((await contact.http.post('/fees/quote', twoHours(org.id))).status).toBe(200);
  });

  it('keeps it verified when staff change the facts themselves (they are the verifier), and records it', async () => {
    const org = await register();
    const res = await staff.http.patch(`/organisations/${org.id}`, CLAIM);
    expect(res.body).toMatchObject({ ...CLAIM, status: 'verified' });
    const [event] = (await staff.http.get(`/organisations/${org.id}/history`)).body.items;
    expect(event).toMatchObject({
      kind: 'updated',
      byStaff: true,
      unverified: false,
      actorId: staff.user.id,
    });
    expect((await contact.http.post('/fees/quote', twoHours(org.id))).body.total.chargedOre).toBe(15500);
  });

  it('answers 404 for the history of an unknown organisation and writes nothing for an empty change', async () => {
    expect((await staff.http.get('/organisations/00000000-0000-4000-8000-000000000000/history')).status).toBe(
      404,
    );
    const org = await register();
    await contact.http.patch(`/organisations/${org.id}`, {});
    expect((await staff.http.get(`/organisations/${org.id}/history`)).body.total).toBe(1);
  });
});
