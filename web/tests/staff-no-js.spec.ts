import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import en from '../app/i18n/en.json';
import nb from '../app/i18n/nb.json';
import { expectNoAxeViolations } from './support/a11y';
import { apiAs, ok } from './support/api-as';

// The pages of staff, caretakers and analysts are rendered on the server: with JavaScript off they read
// and their main forms post and answer; in English they show no bokmål and no catalogue key, and pass axe.

const STAFF = ['staff@demo.frirom.no', 'demo-staff'] as const;
const CARETAKER = ['caretaker@demo.frirom.no', 'demo-caretaker'] as const;
const ANALYST = ['analyst@demo.frirom.no', 'demo-analyst'] as const;

interface Ids {
  request: string;
  building: string;
  room: string;
  season: string;
}

async function demoIds(api: APIRequestContext): Promise<Ids> {
  const building = (await ok(api.get('/buildings?limit=100'))).items.find(
    (b: { name: string }) => b.name === 'Åshallen',
  );
  const room = (await ok(api.get(`/rooms?buildingId=${building.id}&limit=100`))).items[0];
  const season = (await ok(api.get('/seasons?limit=100'))).items[0];
  const request = (await ok(api.get('/booking-requests?status=submitted&limit=1'))).items[0];
  return { request: request.id, building: building.id, room: room.id, season: season.id };
}

/** Every staff page, with the heading it must show in bokmål. */
const staffPages = (ids: Ids): string[] => [
  '/saksbehandling',
  `/saksbehandling/soknader/${ids.request}`,
  '/saksbehandling/konflikter',
  '/saksbehandling/organisasjoner',
  '/saksbehandling/lokaler',
  `/saksbehandling/lokaler/${ids.building}`,
  `/saksbehandling/lokaler/rom/${ids.room}`,
  '/saksbehandling/fritaksregler',
  '/saksbehandling/fritaksregler/ny',
  '/saksbehandling/sesonger',
  `/saksbehandling/sesonger/${ids.season}`,
  `/saksbehandling/sesonger/${ids.season}/prioritering`,
  `/saksbehandling/sesonger/${ids.season}/fordeling`,
  '/saksbehandling/e-post',
  '/statistikk',
  '/statistikk/stotte',
  '/statistikk/rapporter',
  '/statistikk/simulering',
];

async function signedIn(browser: Browser, who: readonly [string, string], javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const res = await page.request.post('/auth/session', {
    data: { email: who[0], password: who[1] },
    headers: { origin: process.env.FRIROM_WEB_URL!, 'sec-fetch-site': 'same-origin' },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  return page;
}

/** A page as the server sent it: a heading, some text, named fields. */
async function expectReadable(page: Page, path: string): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
  expect((await page.locator('main').innerText()).trim().length, `${path} has text`).toBeGreaterThan(40);
  // Every field shown is named on the server (those in a closed <details> show once it is opened).
  for (const input of await page.locator('main input:not([type=hidden]), main select, main textarea').all()) {
    if (await input.isVisible())
      await expect(input, `${path}: a field without a name`).toHaveAccessibleName(/.+/);
  }
}

// Catalogue texts only bokmål has (long enough not to be a name), to find on an English page.
const PLACEHOLDER = /\{\w+\}/;
const NB_ONLY = Object.entries(nb)
  .map(
    ([key, text]) =>
      [
        key,
        text
          .split(PLACEHOLDER)
          .sort((a, b) => b.length - a.length)[0]
          .trim(),
      ] as const,
  )
  .filter(([key, text]) => text.length >= 14 && !Object.values(en).some((e) => e.includes(text)) && key);
const KEY = new RegExp(
  `\\b(${[...new Set(Object.keys(nb).map((k) => k.split('.')[0]))].join('|')})\\.[a-z][\\w.]*[a-z]\\b`,
);

async function expectEnglish(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('html'), path).toHaveAttribute('lang', 'en');
  const text = await page.locator('body').innerText();
  expect(text.match(KEY)?.[0], `${path} shows a catalogue key`).toBeUndefined();
  const leaks = NB_ONLY.filter(([, nbText]) => text.includes(nbText)).map(([key]) => key);
  expect(leaks, `${path} shows bokmål`).toEqual([]);
  await expectNoAxeViolations(page);
}

test.describe('staff, caretaker and analyst pages', () => {
  // Many pages, each read and checked, on a machine shared with other work.
  test.setTimeout(240_000);
  let ids: Ids;
  test.beforeAll(async () => {
    ids = await demoIds(await apiAs(...STAFF));
  });

  test('every staff and analyst page reads with JavaScript off', async ({ browser }) => {
    const page = await signedIn(browser, STAFF, false);
    for (const path of staffPages(ids)) await expectReadable(page, path);
    const caretaker = await signedIn(browser, CARETAKER, false);
    await expectReadable(caretaker, '/vaktmester');
    await expect(caretaker.getByRole('heading', { level: 2 }).first()).toBeVisible();
  });

  test('with JavaScript off, staff reject without a reason (told beside the field) and approve', async ({
    browser,
  }) => {
    const api = await apiAs(...STAFF);
    const org = (await ok(api.get('/organisations?status=verified&limit=100'))).items.find(
      (o: { name: string }) => o.name === 'Ås IL',
    );
    // A Saturday outside the demo's season rounds, 34 weeks out or later: clear of the other specs' dates.
    const seasons = (await ok(api.get('/seasons?limit=100'))).items as { startsOn: string; endsOn: string }[];
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + 7 * 34 + ((6 - d.getUTCDay() + 7) % 7));
    while (
      seasons.some(
        (s) => s.startsOn <= d.toISOString().slice(0, 10) && d.toISOString().slice(0, 10) <= s.endsOn,
      )
    )
      d.setUTCDate(d.getUTCDate() + 7);
    const day = d.toISOString().slice(0, 10);
    const request = await ok(
      api.post('/booking-requests', {
        data: {
          organisationId: org.id,
          roomId: ids.room,
          title: `Uten skript ${Date.now()}`,
          ageGroup: 'children',
          expectedParticipants: 10,
          startsAt: `${day}T${String(10 + (Date.now() % 6)).padStart(2, '0')}:00`,
          endsAt: `${day}T${String(11 + (Date.now() % 6)).padStart(2, '0')}:00`,
        },
      }),
    );
    const page = await signedIn(browser, STAFF, false);
    await page.goto(`/saksbehandling/soknader/${request.id}`);
    await page.getByRole('button', { name: 'Avslå' }).click();
    const summary = page.getByRole('heading', { name: 'Rett opp dette før du går videre:' });
    await expect(summary).toBeVisible();
    await expect(page.getByRole('link', { name: 'Skriv en begrunnelse.' })).toHaveAttribute(
      'href',
      '#decide-begrunnelse',
    );
    await expect(page.locator('#decide-begrunnelse')).toBeVisible();

    await page.getByRole('button', { name: 'Godkjenn' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Godkjent.' })).toBeVisible();
    await expect(page.getByRole('table').first().getByText('Godkjent', { exact: true })).toBeVisible();
  });

  test('with JavaScript off, the rule form simulates with its chart and the usage form shows its period', async ({
    browser,
  }) => {
    const page = await signedIn(browser, STAFF, false);
    await page.goto('/saksbehandling/fritaksregler/ny');
    await page.getByLabel('Navn').fill(`Uten skript ${Date.now()}`);
    await page.getByLabel('Fritak i prosent').fill('50');
    await page.getByLabel('Prioritet').fill('400');
    await page.getByRole('button', { name: 'Vis virkningen' }).click();
    const chart = page.getByRole('img', { name: /Fritatt verdi etter organisasjonstype/ });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAttribute('aria-describedby', 'virkning-tabell');

    const analyst = await signedIn(browser, ANALYST, false);
    await analyst.goto('/statistikk');
    await analyst.getByLabel('Fra dato').fill('2026-01-01');
    await analyst.getByLabel('Til dato').fill('2026-01-31');
    await analyst.getByRole('button', { name: 'Vis' }).click();
    await expect(analyst).toHaveURL(/fra=2026-01-01&til=2026-01-31/);
    await expect(analyst.getByRole('img', { name: /2026/ })).toBeVisible();
  });

  // In English, in three parts that run side by side: many pages, each checked with axe.
  const english =
    (part: number) =>
    async ({ browser }: { browser: Browser }) => {
      const page = await signedIn(browser, STAFF, true);
      await page.goto('/saksbehandling?lang=en');
      const pages = staffPages(ids);
      const third = Math.ceil(pages.length / 3);
      for (const path of pages.slice(part * third, (part + 1) * third)) await expectEnglish(page, path);
      if (part === 2) {
        const caretaker = await signedIn(browser, CARETAKER, true);
        await caretaker.goto('/vaktmester?lang=en');
        await expectEnglish(caretaker, '/vaktmester');
      }
    };
  test(
    'in English, the inbox, a request and the venues: no bokmål, no catalogue keys, axe clean',
    english(0),
  );
  test('in English, the rules, seasons and failed mail: no bokmål, no catalogue keys, axe clean', english(1));
  test('in English, statistics and the caretaker: no bokmål, no catalogue keys, axe clean', english(2));
});
