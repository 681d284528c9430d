import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { formatMoney } from '../app/i18n/format';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';
import { apiAs, ok, signIn } from './support/api-as';

// The applicant's season round: /sesonger lists the open rounds, a round's page takes one wish with
// ordered alternatives (added, moved, removed by form posts), lists my applications, withdraws one; a
// round past its deadline is closed. And /min-side's support statement by building and month.
const APPLICANT = ['applicant@demo.frirom.no', 'demo-applicant'] as const;
const STAFF = ['staff@demo.frirom.no', 'demo-staff'] as const;

const unique = () => Math.random().toString(36).slice(2, 8);
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface Round {
  id: string;
  name: string;
  building: string;
}

/** A round of its own (a new building with two halls), so the demo season stays as it is. */
async function round(staff: APIRequestContext, deadline: string, opensAt?: string): Promise<Round> {
  const building = `Sesonghuset ${unique()}`;
  const b = await ok<{ id: string }>(staff.post('/buildings', { data: { name: building, kind: 'sports' } }));
  const rooms = [];
  for (const name of ['Hall A', 'Hall B'])
    rooms.push(
      await ok<{ id: string }>(
        staff.post('/rooms', { data: { buildingId: b.id, name, kind: 'hall', capacity: 60 } }),
      ),
    );
  const name = `Vintersesong ${unique()}`;
  const season = await ok<{ id: string }>(
    staff.post('/seasons', {
      data: {
        name,
        startsOn: day(40),
        endsOn: day(120),
        applicationOpensAt: opensAt ?? new Date(Date.now() - 3_600_000).toISOString(),
        applicationDeadline: deadline,
        roomIds: rooms.map((r) => r.id),
      },
    }),
  );
  return { id: season.id, name, building };
}

async function fillAlternative(
  page: Page,
  n: number,
  room: string,
  weekday: string,
  from: string,
  to: string,
) {
  const alt = page.getByRole('group', { name: `${n}. valg`, exact: true });
  await alt.getByLabel('Lokale').selectOption({ label: room });
  await alt.getByLabel('Ukedag').selectOption({ label: weekday });
  await alt.getByLabel('Fra kl.').fill(from);
  await alt.getByLabel('Til kl.').fill(to);
}

test('an applicant applies in a round with two ordered alternatives, sees it listed, and withdraws it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const staff = await apiAs(...STAFF);
  const r = await round(staff, `${day(20)}T12:00`);
  await signIn(page, ...APPLICANT);

  await page.goto('/min-side', { waitUntil: 'networkidle' });
  await page.getByRole('link', { name: /Søk om faste tider for en hel sesong/ }).click();
  await expect(page).toHaveURL(/\/sesonger$/);
  await expect(page).toHaveTitle('Søknadsrunder for faste tider – frirom');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: r.name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(r.name);
  await expect(page.getByText('Søknadsfrist', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Organisasjon').selectOption({ label: 'Ås IL' });
  await page.getByLabel('Hva skal dere gjøre?').fill('Innebandy J13');
  await page.getByLabel('Hvor mange kommer?').fill('18');
  await fillAlternative(page, 1, `Hall A (${r.building})`, 'mandag', '17:00', '18:30');
  await page.getByRole('button', { name: 'Legg til et alternativ' }).click();
  const second = page.getByRole('group', { name: '2. valg', exact: true });
  await expect(second).toBeVisible();
  // The new alternative starts like the last one: same weekday and time, the room left to choose.
  await expect(second.getByLabel('Fra kl.')).toHaveValue('17:00');
  await expect(page.getByLabel('Hva skal dere gjøre?')).toHaveValue('Innebandy J13');
  await fillAlternative(page, 2, `Hall B (${r.building})`, 'onsdag', '18:00', '19:30');
  await expectNoAxeViolations(page);

  // Hall B on Wednesday is the one they want most: move it up.
  await page.getByRole('button', { name: 'Flytt opp (2. valg)' }).click();
  await expect(page.getByRole('group', { name: '1. valg', exact: true }).getByLabel('Ukedag')).toHaveValue(
    '3',
  );
  await expect(page.getByRole('group', { name: '2. valg', exact: true }).getByLabel('Ukedag')).toHaveValue(
    '1',
  );
  await expect(page.getByRole('group', { name: '1. valg', exact: true }).getByLabel('Lokale')).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Send søknad' }).click();
  await expect(page).toHaveURL(/\/sesonger\/[^?]+\?sendt#application-/);
  await expect(page.getByText('Søknaden er sendt.', { exact: false })).toBeVisible();
  const card = page.locator('[id^="application-"]').filter({ hasText: 'Innebandy J13' });
  await expect(card.getByText('Sendt', { exact: true })).toBeVisible();
  const alternatives = card
    .getByRole('list', { name: /Alternativene i «Innebandy J13»/ })
    .getByRole('listitem');
  await expect(alternatives).toHaveText([
    `Hall B (${r.building}), onsdag 18:00–19:30`,
    `Hall A (${r.building}), mandag 17:00–18:30`,
  ]);
  // A fresh form for the next wish.
  await expect(page.getByLabel('Hva skal dere gjøre?')).toHaveValue('');
  await expectNoAxeViolations(page);

  // What the API holds: the same order.
  const api = await apiAs(...APPLICANT);
  const listed = await ok<{ items: { title: string; preferences: { weekday: number }[] }[] }>(
    api.get(`/seasons/${r.id}/applications`),
  );
  expect(listed.items.find((a) => a.title === 'Innebandy J13')?.preferences.map((p) => p.weekday)).toEqual([
    3, 1,
  ]);

  await card.getByRole('button', { name: 'Trekk søknaden' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Ja, trekk søknaden' }).click();
  await expect(page.getByText('Søknaden er trukket.')).toBeVisible();
  const after = page.locator('[id^="application-"]').filter({ hasText: 'Innebandy J13' });
  await expect(after.getByText('Trukket', { exact: true })).toBeVisible();
  await expect(after.getByRole('button', { name: 'Trekk søknaden' })).toHaveCount(0);
});

test('the form names the field the API refuses and keeps what was typed; a closed round takes none; 360 px', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 800 });
  const staff = await apiAs(...STAFF);
  const r = await round(staff, `${day(20)}T12:00`);
  await signIn(page, ...APPLICANT);
  await page.goto(`/sesonger/${r.id}`, { waitUntil: 'networkidle' });
  await expectNoHorizontalScroll(page);
  await page.getByLabel('Hva skal dere gjøre?').fill('Uten lokale');
  await page.getByLabel('Hvor mange kommer?').fill('12');
  const first = page.getByRole('group', { name: '1. valg', exact: true });
  await first.getByLabel('Ukedag').selectOption({ label: 'tirsdag' });
  await first.getByLabel('Fra kl.').fill('19:00');
  await first.getByLabel('Til kl.').fill('18:00');
  await page.getByRole('button', { name: 'Send søknad' }).click();
  await expect(first.getByLabel('Til kl.')).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByRole('link', { name: /1\. valg, Til kl\.: Slutten må komme etter starten/ }),
  ).toBeVisible();
  await first.getByLabel('Til kl.').fill('20:00');
  await page.getByRole('button', { name: 'Send søknad' }).click();
  // No room chosen: the API refuses, and the page says so beside the room.
  await expect(
    page.getByRole('group', { name: '1. valg', exact: true }).getByLabel('Lokale'),
  ).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Hva skal dere gjøre?')).toHaveValue('Uten lokale');
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  const closed = await round(
    staff,
    new Date(Date.now() - 60_000).toISOString(),
    new Date(Date.now() - 86_400_000).toISOString(),
  );
  await page.goto(`/sesonger/${closed.id}`);
  await expect(page.getByRole('heading', { name: 'Søknadsrunden er stengt' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send søknad' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the alternatives are added, moved and sent by plain form posts', async ({ page }) => {
    test.setTimeout(90_000);
    const staff = await apiAs(...STAFF);
    const r = await round(staff, `${day(20)}T12:00`);
    await signIn(page, ...APPLICANT);
    await page.goto(`/sesonger/${r.id}`);
    await page.getByLabel('Hva skal dere gjøre?').fill('Turn uten skript');
    await page.getByLabel('Hvor mange kommer?').fill('10');
    await fillAlternative(page, 1, `Hall A (${r.building})`, 'torsdag', '17:00', '18:00');
    await page.getByRole('button', { name: 'Legg til et alternativ' }).click();
    await fillAlternative(page, 2, `Hall B (${r.building})`, 'fredag', '17:00', '18:00');
    await page.getByRole('button', { name: 'Flytt ned (1. valg)' }).click();
    await expect(page.getByRole('group', { name: '1. valg', exact: true }).getByLabel('Ukedag')).toHaveValue(
      '5',
    );
    await page.getByRole('button', { name: 'Send søknad' }).click();
    await expect(page.getByText('Søknaden er sendt.', { exact: false })).toBeVisible();
    const card = page.locator('[id^="application-"]').filter({ hasText: 'Turn uten skript' });
    await expect(card.getByRole('listitem')).toHaveText([
      `Hall B (${r.building}), fredag 17:00–18:00`,
      `Hall A (${r.building}), torsdag 17:00–18:00`,
    ]);
  });
});

test("min side: each organisation's support by building and month, for a chosen year, at 360 px", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, ...APPLICANT);
  const api = await apiAs(...APPLICANT);
  const orgs = await ok<{ items: { id: string; name: string }[] }>(api.get('/organisations'));
  const asIl = orgs.items.find((o) => o.name === 'Ås IL')!;
  // The demo's weekly bookings run from next week for twenty weeks: next year has them for sure.
  const year = new Date().getFullYear() + 1;
  const statement = await ok<{
    total: { chargedOre: number; waivedOre: number; bookings: number };
    byBuilding: { buildingName: string }[];
  }>(api.get(`/organisations/${asIl.id}/support?year=${year}`));
  expect(statement.total.bookings).toBeGreaterThan(0);

  // After the scripts have run, so the click is not lost while the page hydrates on a busy machine.
  await page.goto('/min-side', { waitUntil: 'networkidle' });
  await page.getByLabel('År', { exact: true }).selectOption(String(year));
  await page.getByRole('button', { name: 'Vis året' }).click();
  await expect(page).toHaveURL(new RegExp(`aar=${year}`), { timeout: 15_000 });
  await expect(page.getByRole('heading', { name: `Støtte fra kommunen i ${year}` })).toBeVisible();
  const byBuilding = page.getByRole('table', { name: `Ås IL: støtte i ${year} per bygg` });
  await expect(byBuilding.locator('tbody tr')).toHaveCount(statement.byBuilding.length + 1);
  const total = byBuilding.locator('tbody tr').last();
  await expect(total).toContainText('Til sammen');
  const money = (ore: number) => formatMoney(ore, 'nb').replace(/\s/g, ' ');
  const text = (await total.innerText()).replace(/\s/g, ' ');
  expect(text).toContain(money(statement.total.waivedOre));
  expect(text).toContain(money(statement.total.chargedOre));
  await expect(page.getByRole('table', { name: `Ås IL: støtte i ${year} per måned` })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});
