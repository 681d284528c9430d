import { startApp, TestApp, TestUser } from './support/test-app';

describe('fees: price lists', () => {
  let t: TestApp;
  let staff: TestUser;
  let applicant: TestUser;
  let analyst: TestUser;
  let gym: any;

  beforeAll(async () => {
    t = await startApp();
    [staff, applicant, analyst] = await Promise.all([t.as('staff'), t.as('applicant'), t.as('analyst')]);
    const school = (await staff.http.post('/buildings', { name: 'Rustad skole', kind: 'school' })).body;
    gym = (
      await staff.http.post('/rooms', {
        buildingId: school.id,
        name: 'Gymsal',
        kind: 'gym',
        capacity: 80,
        areaSqm: 320,
      })
    ).body;
  });
  afterAll(() => t.close());

  const rows = async (table: string): Promise<number> =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  const LIST = {
    hourlyOre: { nonprofit: 15500, public: 17100, commercial: 62000, private: 46500 },
    fixedPerSeriesOre: { nonprofit: 50000 },
    extras: [
      { kind: 'caretaker', hourlyOre: 35000, windows: [{ weekdays: [6, 7], from: '08:00', to: '22:00' }] },
    ],
  };

  describe('price lists', () => {
    it('lets staff set a price list, anyone read it, and staff replace and remove it', async () => {
      expect((await t.http.get(`/rooms/${gym.id}/prices`)).status).toBe(404);

      const set = await staff.http.put(`/rooms/${gym.id}/prices`, LIST);
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({
        roomId: gym.id,
        hourlyOre: LIST.hourlyOre,
        fixedPerBookingOre: null,
        fixedPerSeriesOre: { nonprofit: 50000 },
        extras: LIST.extras,
      });
      expect(set.body.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);

      const read = await t.http.get(`/rooms/${gym.id}/prices`);
      expect([read.status, read.body]).toEqual([200, set.body]);

      const replaced = await staff.http.put(`/rooms/${gym.id}/prices`, {
        hourlyOre: { nonprofit: 4100, public: 4500, commercial: 16400, private: 12300 },
        fixedPerBookingOre: { commercial: 25000 },
      });
      expect(replaced.body).toMatchObject({
        hourlyOre: { nonprofit: 4100 },
        fixedPerBookingOre: { commercial: 25000 },
        fixedPerSeriesOre: null,
        extras: [],
      });
      expect(await rows('room_prices')).toBe(1);

      expect((await staff.http.delete(`/rooms/${gym.id}/prices`)).status).toBe(204);
      const gone = await t.http.get(`/rooms/${gym.id}/prices`);
      expect([gone.status, gone.body.code, gone.body.message]).toEqual([
        404,
        'NOT_FOUND',
        'Price list not found',
      ]);
      expect((await staff.http.delete(`/rooms/${gym.id}/prices`)).status).toBe(404);
    });

    it('refuses writes from anyone but staff, and answers 404 for an unknown room', async () => {
      expect((await applicant.http.put(`/rooms/${gym.id}/prices`, LIST)).status).toBe(403);
      expect((await analyst.http.put(`/rooms/${gym.id}/prices`, LIST)).status).toBe(403);
      expect((await t.http.put(`/rooms/${gym.id}/prices`, LIST)).status).toBe(401);
      await staff.http.put(`/rooms/${gym.id}/prices`, LIST);
      expect((await applicant.http.delete(`/rooms/${gym.id}/prices`)).status).toBe(403);
      expect((await t.http.get(`/rooms/${gym.id}/prices`)).status).toBe(200);

      const nowhere = '00000000-0000-4000-8000-000000000000';
      const unknown = await staff.http.put(`/rooms/${nowhere}/prices`, LIST);
      expect([unknown.status, unknown.body.message]).toEqual([404, 'Room not found']);
      expect((await t.http.get(`/rooms/${nowhere}/prices`)).body.message).toBe('Room not found');
      expect((await t.http.get('/rooms/not-a-uuid/prices')).body.code).toBe('INVALID_ID');
    });

    it('refuses invalid price lists with 400 and leaves the stored one as it was', async () => {
      const before = (await staff.http.put(`/rooms/${gym.id}/prices`, LIST)).body;
      const window = (w: object) => ({
        ...LIST,
        extras: [{ kind: 'caretaker', hourlyOre: 35000, windows: [w] }],
      });
      const invalid: [object, string][] = [
        [
          {
            ...LIST,
            extras: [
              {
                kind: 'caretaker',
                hourlyOre: 35000,
                windows: [
                  { weekdays: [6], from: '08:00', to: '14:00' },
                  { weekdays: [6, 7], from: '12:00', to: '22:00' },
                ],
              },
            ],
          },
          'INVALID_PRICE_LIST',
        ],
        [window({ weekdays: [6], from: '22:00', to: '08:00' }), 'INVALID_PRICE_LIST'],
        [window({ weekdays: [], from: '08:00', to: '22:00' }), 'INVALID_PRICE_LIST'],
        [window({ weekdays: [6, 6], from: '08:00', to: '22:00' }), 'INVALID_PRICE_LIST'],
        [{ ...LIST, extras: [{ kind: 'caretaker', hourlyOre: 35000, windows: [] }] }, 'INVALID_PRICE_LIST'],
        [window({ weekdays: [8], from: '08:00', to: '22:00' }), 'INVALID_PRICE_LIST'],
        [window({ weekdays: [6], from: '8:00', to: '22:00' }), 'VALIDATION_FAILED'],
        [
          { ...LIST, hourlyOre: { nonprofit: -1, public: 0, commercial: 0, private: 0 } },
          'VALIDATION_FAILED',
        ],
        [{ ...LIST, hourlyOre: { nonprofit: 100, public: 0, commercial: 0 } }, 'VALIDATION_FAILED'],
        [{ ...LIST, hourlyOre: { ...LIST.hourlyOre, student: 10 } }, 'VALIDATION_FAILED'],
        [{ ...LIST, fixedPerSeriesOre: { nonprofit: 1.5 } }, 'VALIDATION_FAILED'],
        [{ ...LIST, extras: [{ kind: 'security', hourlyOre: 1, windows: [] }] }, 'VALIDATION_FAILED'],
        [{ ...LIST, extras: null }, 'VALIDATION_FAILED'],
        [{ ...LIST, discountOre: 100 }, 'VALIDATION_FAILED'],
      ];
      for (const [body, code] of invalid) {
        const res = await staff.http.put(`/rooms/${gym.id}/prices`, body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code });
      }
      const overlap = await staff.http.put(`/rooms/${gym.id}/prices`, invalid[0][0]);
      expect(overlap.body.details.problems).toEqual([expect.stringMatching(/overlaps another window/)]);
      expect((await t.http.get(`/rooms/${gym.id}/prices`)).body).toEqual(before);
    });
  });
});
