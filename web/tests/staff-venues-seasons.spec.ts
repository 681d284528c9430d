import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';

// Staff pages for venues, exemption rules and seasons, against the real service with the demo seed.

async function signInAsStaff(page: Page, baseURL: string | undefined) {
  const answer = await page.request.post('/auth/session', {
    data: { email: 'staff@demo.frirom.no', password: 'demo-staff' },
    headers: { origin: baseURL ?? '' },
  });
  expect(answer.ok()).toBe(true);
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

test.beforeEach(async ({ page, baseURL }) => signInAsStaff(page, baseURL));

test('staff create a building, a room with a section, opening hours, a closure and a price', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const name = `Testbygg ${unique()}`;
  // The inbox's building filter is kept by the web server for half a minute; a building made on these
  // pages must still be in it at once (the list is forgotten on the change).
  await page.goto('/saksbehandling');
  await expect(page.getByLabel('Bygg', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Bygg', { exact: true }).locator('option', { hasText: name })).toHaveCount(0);
  await page.goto('/saksbehandling/lokaler');
  await expect(page.getByRole('heading', { level: 1, name: 'Lokaler' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The new building by keyboard only: type, tab on, choose, send with Enter.
  await page.getByLabel('Navn').focus();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // from "Skole" to "Kulturbygg"
  await page.keyboard.press('Tab');
  await page.keyboard.type('Testveien 1, 1430 Ås');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(/^Kulturbygg, Testveien 1/)).toBeVisible();
  await expectNoAxeViolations(page);
  const buildingUrl = page.url();
  await page.goto('/saksbehandling');
  await expect(page.getByLabel('Bygg', { exact: true }).locator('option', { hasText: name })).toHaveCount(1);
  await page.goto(buildingUrl);

  // A room with no capacity: the error beside the field and in the summary, the name kept.
  await page.getByLabel('Navn').fill('Hall');
  await page.getByLabel('Type').selectOption('hall');
  await page.getByLabel('Antall plasser').fill('mange');
  await page.getByRole('button', { name: 'Opprett rom' }).click();
  await expect(page.locator('a[href="#rom-plasser"]')).toBeVisible();
  await expect(page.getByLabel('Antall plasser')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Navn')).toHaveValue('Hall');
  await expectNoAxeViolations(page);
  await page.getByLabel('Antall plasser').fill('120');
  await page.getByRole('button', { name: 'Opprett rom' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hall' })).toBeVisible();
  const roomUrl = page.url();

  // A section of the hall, from the room's own link.
  await page.getByRole('link', { name: 'Legg til en del av rommet' }).click();
  await expect(page.getByLabel('Del av', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByLabel('Navn').fill('Bane A');
  await page.getByLabel('Antall plasser').fill('40');
  await page.getByRole('button', { name: 'Opprett rom' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bane A' })).toBeVisible();
  await page.getByRole('link', { name: `Tilbake til ${name}` }).click();
  await expect(page.locator('.room-tree .room-tree').getByRole('link', { name: 'Bane A' })).toBeVisible();

  // Opening hours: Monday twice, Tuesday once.
  await page.goto(roomUrl);
  await expectNoAxeViolations(page);
  const monday = page.getByRole('group', { name: 'Mandag' });
  await monday.getByLabel('Åpner (1)').fill('08:00');
  await monday.getByLabel('Stenger (1)').fill('12:00');
  await monday.getByLabel('Åpner (2)').fill('17:00');
  await monday.getByLabel('Stenger (2)').fill('22:00');
  const tuesday = page.getByRole('group', { name: 'Tirsdag' });
  await tuesday.getByLabel('Åpner (1)').fill('16:00');
  await tuesday.getByLabel('Stenger (1)').fill('21:00');
  await page.getByRole('button', { name: 'Lagre åpningstider' }).click();
  await expect(page.getByText('Åpningstidene er lagret.')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Mandag' }).getByLabel('Åpner (2)')).toHaveValue('17:00');
  await expect(page.getByRole('group', { name: 'Mandag' }).getByLabel('Åpner (3)')).toHaveValue('');

  // A closure on the calendar and in the list, then removed.
  // The 10th to the 14th of the month after next: inside the list's year, one month on the grid.
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1)).toISOString().slice(0, 7);
  await page.getByLabel('Stengt fra og med').fill(`${month}-10`);
  await page.getByLabel('Stengt til og med').fill(`${month}-14`);
  await page.getByLabel('Grunn').fill('Juleferie');
  await page.getByRole('button', { name: 'Steng', exact: true }).click();
  await expect(page.getByText('Den stengte perioden er lagret.')).toBeVisible();
  await page.goto(`${roomUrl}?maaned=${month}`);
  await expect(page.locator('.month-grid').getByText('Stengt')).toHaveCount(5);
  await expect(page.getByText(/Juleferie/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Prices in kroner: a bad amount is refused beside its field, a good one saved as øre.
  const nonprofit = page.getByRole('group', { name: 'Lag og foreninger' });
  await nonprofit.getByLabel('Per time (kr)').fill('abc');
  await page.getByRole('button', { name: 'Lagre priser' }).click();
  await expect(page.getByRole('link', { name: /beløp i kroner/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: 'Lag og foreninger' }).getByLabel('Per time (kr)').fill('150,50');
  await page.getByRole('group', { name: 'Næringsliv' }).getByLabel('Per time (kr)').fill('600');
  await page.getByRole('button', { name: 'Lagre priser' }).click();
  await expect(page.getByText('Prislisten er lagret.')).toBeVisible();
  const roomId = roomUrl.split('/').pop() ?? '';
  const prices = await (await page.request.get(`/rooms/${roomId}/prices`)).json();
  expect(prices.hourlyOre).toMatchObject({ nonprofit: 15050, commercial: 60000 });
  await page.getByRole('button', { name: 'Fjern «Juleferie»' }).click();
  await expect(page.getByText('Den stengte perioden er fjernet.')).toBeVisible();

  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.goto('/saksbehandling/lokaler');
  await expectNoHorizontalScroll(page);
});

test('staff try a new exemption rule on the last twelve months before saving it', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/saksbehandling/fritaksregler');
  await expect(page.getByRole('heading', { level: 1, name: 'Fritaksregler' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Ny regel' }).click();
  await expectNoAxeViolations(page);

  const name = `Halv pris for studieforbund ${unique()}`;
  await page.getByLabel('Navn').fill(name);
  await page.getByLabel('Fritak i prosent').fill('50');
  await page.getByLabel('Prioritet').fill('500');
  await page.getByRole('group', { name: 'Organisasjonstyper' }).getByLabel('Studieforbund').check();
  await page.getByRole('button', { name: 'Vis virkningen' }).click();

  const chart = page.getByRole('img', { name: /Fritatt verdi etter organisasjonstype/ });
  await expect(chart).toBeVisible();
  // Drawn on the server (no chart code in the page's JavaScript), described by its table.
  await expect(chart).toHaveJSProperty('tagName', 'svg');
  await expect(chart).toHaveAttribute('aria-describedby', 'virkning-tabell');
  await expect(page.locator('#virkning-tabell')).toHaveAccessibleName(/Tallene i diagrammet/);
  await expect(page.getByRole('table', { name: /Tallene i diagrammet/ })).toContainText('Studieforbund');
  await expect(page.getByLabel('Navn')).toHaveValue(name);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalScroll(page);

  await page.getByRole('button', { name: 'Lagre regelen' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Regelen er lagret som versjon 1.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Edit: a new version.
  await page.getByLabel('Fritak i prosent').fill('60');
  await page.getByRole('button', { name: 'Vis virkningen' }).click();
  await expect(page.getByRole('img', { name: /Fritatt verdi/ })).toBeVisible();
  await page.getByRole('button', { name: 'Lagre som ny versjon' }).click();
  await expect(page.getByText('Regelen er lagret som versjon 2.')).toBeVisible();
});

test('staff run a season to a committed, published round', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const api = page.request;
  // As the service's own pages send it (PUBLIC_URL is not this test server's address).
  const headers = { origin: baseURL ?? '', 'sec-fetch-site': 'same-origin' };
  const ok = async <T>(answer: Promise<import('@playwright/test').APIResponse>): Promise<T> => {
    const r = await answer;
    expect(r.ok(), await r.text()).toBe(true);
    return (await r.json()) as T;
  };
  // A small round of its own (a new building and room), so the demo season stays as it is.
  const building = await ok<{ id: string }>(
    api.post('/buildings', { headers, data: { name: `Sesongbygg ${unique()}`, kind: 'sports' } }),
  );
  const room = await ok<{ id: string }>(
    api.post('/rooms', {
      headers,
      data: { buildingId: building.id, name: 'Sesonghall', kind: 'hall', capacity: 80 },
    }),
  );
  await ok(
    api.put(`/rooms/${room.id}/opening-hours`, {
      headers,
      data: { hours: [1, 2, 3].map((weekday) => ({ weekday, opens: '16:00', closes: '22:00' })) },
    }),
  );
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const season = await ok<{ id: string }>(
    api.post('/seasons', {
      headers,
      data: {
        name: `Testsesong ${unique()}`,
        startsOn: day(30),
        endsOn: day(90),
        applicationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
        applicationDeadline: `${day(20)}T00:00`,
        roomIds: [room.id],
      },
    }),
  );
  const orgs = await ok<{ items: { id: string; name: string }[] }>(
    api.get('/organisations?status=verified&limit=5'),
  );
  for (const [i, org] of orgs.items.slice(0, 3).entries()) {
    await ok(
      api.post('/booking-requests', {
        headers,
        data: {
          organisationId: org.id,
          title: `Trening ${i + 1}`,
          ageGroup: 'children',
          expectedParticipants: 15,
          seasonId: season.id,
          sessionsPerWeek: 1,
          preferences: [
            { roomId: room.id, weekday: 1, startTime: '17:00', endTime: '18:30' },
            { roomId: room.id, weekday: 2, startTime: '17:00', endTime: '18:30' },
          ],
        },
      }),
    );
  }

  await page.goto('/saksbehandling/sesonger');
  await expect(page.getByRole('heading', { level: 1, name: 'Sesonger' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/saksbehandling/sesonger/${season.id}`);
  await expect(page.getByRole('heading', { name: 'Søknader (3)' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Prioritering' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Lagre prioriteringen' }).click();
  await expect(page.getByText('Prioriteringen er lagret.')).toBeVisible();
  await page.goto(`/saksbehandling/sesonger/${season.id}`);

  await page.getByRole('button', { name: 'Steng søknadsrunden nå' }).click();
  await expect(page.getByText('Stengt, ikke fordelt')).toBeVisible();
  await page.getByRole('button', { name: 'Fordel tidene' }).click();
  await expect(page).toHaveURL(/fordeling\?jobb=/);
  // The progress bar while it runs (polled), then the grid.
  const grid = page.getByRole('table', { name: /Tidene i forslaget/ });
  await expect(grid).toBeVisible({ timeout: 120_000 });
  await expect(grid.getByText(/, Trening 1/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /Uten tid/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Pin one, run again around it.
  await page
    .getByRole('button', { name: /^Lås: / })
    .first()
    .click();
  await expect(page.getByText(/Tiden er låst/)).toBeVisible();
  await page.getByRole('button', { name: 'Kjør fordelingen på nytt' }).click();
  await expect(page).toHaveURL(/fordeling\?jobb=/);
  await expect(page.locator('progress')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByText(/Noe er endret siden/)).toHaveCount(0);
  await expect(grid.getByText('Låst').first()).toBeVisible();

  await page.getByRole('button', { name: 'Vedta fordelingen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Fordelingen er vedtatt.' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Publiser' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sesongen er publisert.' })).toBeVisible();
  const after = await ok<{ status: string }>(api.get(`/seasons/${season.id}`));
  expect(after.status).toBe('published');
});
