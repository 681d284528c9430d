import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';

// Staff decide in the browser: the inbox, a conflict between Åshallen's hall and one of its courts
// resolved on the conflicts page, a stale decision refused, each page and state checked with axe.

const STAFF = { email: 'staff@demo.frirom.no', password: 'demo-staff' };

/** What a browser says about a request from the service's own page (the API's cross-site check). */
const sameSite = (baseURL: string | undefined) => ({
  origin: baseURL ?? '',
  'sec-fetch-site': 'same-origin',
});

async function signIn(page: Page, baseURL: string | undefined): Promise<void> {
  const res = await page.request.post('/auth/session', { data: STAFF, headers: { origin: baseURL ?? '' } });
  expect(res.ok()).toBeTruthy();
}

interface Demo {
  orgs: Map<string, string>;
  rooms: Map<string, string>;
  building: string;
}

async function demo(api: APIRequestContext): Promise<Demo> {
  const orgs = (await (await api.get('/organisations?status=verified&limit=100')).json()).items;
  const building = (await (await api.get('/buildings?limit=100')).json()).items.find(
    (b: { name: string }) => b.name === 'Åshallen',
  );
  const rooms = (await (await api.get(`/rooms?buildingId=${building.id}&limit=100`)).json()).items;
  return {
    orgs: new Map(orgs.map((o: { name: string; id: string }) => [o.name, o.id])),
    rooms: new Map(rooms.map((r: { name: string; id: string }) => [r.name, r.id])),
    building: building.id,
  };
}

/**
 * A Saturday held by neither the demo's weekly bookings (20 weeks from now) nor its season round, inside
 * the booking horizon: `weeksOut` apart per test so tests running side by side never meet.
 */
async function freeSaturday(api: APIRequestContext, weeksOut: number): Promise<string> {
  const seasons = (await (await api.get('/seasons?limit=100')).json()).items as {
    startsOn: string;
    endsOn: string;
  }[];
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 7 * weeksOut + ((6 - d.getUTCDay() + 7) % 7));
  for (;;) {
    const iso = d.toISOString().slice(0, 10);
    if (!seasons.some((s) => s.startsOn <= iso && iso <= s.endsOn)) return iso;
    d.setUTCDate(d.getUTCDate() + 7);
  }
}

async function ask(
  api: APIRequestContext,
  baseURL: string | undefined,
  body: { organisationId: string; roomId: string; title: string; startsAt: string; endsAt: string },
) {
  const res = await api.post('/booking-requests', {
    data: { ageGroup: 'children', expectedParticipants: 12, ...body },
    headers: sameSite(baseURL),
  });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

test.describe('staff decide', () => {
  // Several pages, each checked with axe in each state, on a machine shared with other work.
  test.setTimeout(120_000);
  test.beforeEach(async ({ page, baseURL }) => signIn(page, baseURL));

  test('resolve a conflict between a hall and its court: approve one, reject the other with a reason', async ({
    page,
    baseURL,
  }) => {
    const api = page.request;
    const w = await demo(api);
    const day = await freeSaturday(api, 26);
    const tag = Math.random().toString(36).slice(2, 7);
    const hall = await ask(api, baseURL, {
      organisationId: w.orgs.get('Ås IL')!,
      roomId: w.rooms.get('Hallflate')!,
      title: `Turnering ${tag}`,
      startsAt: `${day}T10:00`,
      endsAt: `${day}T12:00`,
    });
    const court = await ask(api, baseURL, {
      organisationId: w.orgs.get('Ås Håndballklubb')!,
      roomId: w.rooms.get('Bane A')!,
      title: `Håndball ${tag}`,
      startsAt: `${day}T11:00`,
      endsAt: `${day}T12:30`,
    });

    // The inbox marks both as conflicting, filtered to Åshallen.
    await page.goto(`/saksbehandling?bygg=${w.building}`);
    await expect(page).toHaveTitle('Søknader til behandling – frirom');
    for (const title of [hall.title, court.title]) {
      await expect(page.getByRole('row').filter({ hasText: title }).getByText('Konflikt')).toBeVisible();
    }
    await expectNoAxeViolations(page);

    // The conflicts page shows the group on that day's timeline.
    await page.goto(`/saksbehandling/konflikter?fra=${day}&til=${day}&bygg=${w.building}`);
    await expect(page).toHaveTitle('Konflikter – frirom');
    const hallRow = page.getByRole('row').filter({ hasText: hall.title });
    const courtRow = page.getByRole('row').filter({ hasText: court.title });
    await expect(hallRow).toBeVisible();
    await expect(courtRow).toBeVisible();
    await expect(page.locator('.timeline__row').filter({ hasText: 'Bane A' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Avslå without a reason: the field says so, and nothing is sent.
    await courtRow.getByRole('button', { name: 'Avslå' }).click();
    await expect(courtRow.getByText('Skriv en begrunnelse.')).toBeVisible();
    await expectNoAxeViolations(page);

    await hallRow.getByRole('button', { name: 'Godkjenn' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Godkjent.' })).toBeVisible();
    // The court's request now meets the approved hall: still listed, with the booked time.
    await expect(page.getByText('Opptatt (godkjent booking): Ås IL, Hallflate 10:00–12:00')).toBeVisible();
    await expectNoAxeViolations(page);
    await courtRow.getByLabel('Begrunnelse for avslag').fill('Hallen er tildelt Ås IL denne dagen');
    await courtRow.getByRole('button', { name: 'Avslå' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Avslått.' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: tag })).toHaveCount(0);

    // Both states on the requests' pages, with the history.
    await page.goto(`/saksbehandling/soknader/${hall.id}`);
    await expect(page.getByRole('table').first().getByText('Godkjent', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(`/saksbehandling/soknader/${court.id}`);
    await expect(page.getByRole('table').first().getByText('Avslått', { exact: true })).toBeVisible();
    await expect(
      page.getByRole('table').first().getByText('Hallen er tildelt Ås IL denne dagen'),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Historikk' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a decision on a view that is no longer current is refused and says what changed; then approve by keyboard', async ({
    page,
    baseURL,
  }) => {
    const api = page.request;
    const w = await demo(api);
    const day = await freeSaturday(api, 28);
    const r = await ask(api, baseURL, {
      organisationId: w.orgs.get('Nordby IL')!,
      roomId: w.rooms.get('Bane B')!,
      title: 'Turn lørdag',
      startsAt: `${day}T14:00`,
      endsAt: `${day}T15:30`,
    });
    await page.goto(`/saksbehandling/soknader/${r.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Søknad: Turn lørdag');
    await expectNoAxeViolations(page);

    // A colleague re-prices it meanwhile.
    const other = await api.post(`/booking-requests/${r.id}/reprice`, {
      data: { reason: 'Ny prisliste' },
      headers: sameSite(baseURL),
    });
    expect(other.ok()).toBeTruthy();

    await page.getByRole('button', { name: 'Godkjenn' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Søknaden er endret mens du så på den' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Ny pris');
    await expect(alert).toContainText('Ny prisliste');
    await expectNoAxeViolations(page);
    await alert.getByRole('link', { name: 'Last inn søknaden på nytt og avgjør igjen' }).click();
    await expect(alert).toHaveCount(0);

    // The move check answers live (a quote), then approve with the keyboard alone.
    await page.getByLabel('Fra kl.').fill('16:00');
    await page.getByLabel('Til kl.').fill('17:00');
    await expect(page.getByRole('status').filter({ hasText: /Ledig|Ikke ledig/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Begrunnelse for avslag').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Godkjenn' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Godkjent.' })).toBeVisible();
    await expect(page.getByRole('table').first().getByText('Godkjent', { exact: true })).toBeVisible();
  });

  test('every staff page fits 360 px and passes axe', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    for (const [path, title] of [
      ['/saksbehandling', 'Søknader til behandling'],
      ['/saksbehandling/konflikter', 'Konflikter'],
      ['/saksbehandling/organisasjoner', 'Organisasjoner til godkjenning'],
      ['/saksbehandling/e-post', 'E-post som feilet'],
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.getByRole('navigation', { name: 'Saksbehandling' })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
    }
  });

  test('the staff pages are for staff: a signed-out visitor is sent to sign in', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto('/saksbehandling/konflikter');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(
      `/logg-inn?neste=${encodeURIComponent('/saksbehandling/konflikter')}`,
    );
    expect(res).not.toBeNull();
    await context.close();
  });

  test('a signed-in applicant gets the 403 page, and its data requests carry no data', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const signedIn = await page.request.post('/auth/session', {
      data: { email: 'applicant@demo.frirom.no', password: 'demo-applicant' },
      headers: { origin: baseURL ?? '' },
    });
    expect(signedIn.ok()).toBeTruthy();
    const pages = [
      ['/saksbehandling', 'routes/saksbehandling._index'],
      ['/saksbehandling/konflikter', 'routes/saksbehandling.konflikter'],
    ];
    for (const [path, route] of pages) {
      expect((await page.goto(path))?.status()).toBe(403);
      // A client-side navigation's data request can run the page's loader alone, without the layout's.
      const data = await page.request.get(`${path}.data?_routes=${encodeURIComponent(route)}`);
      const body = await data.text();
      expect(body).toContain('403');
      expect(body).not.toContain('filters');
    }
    await context.close();
  });
});
