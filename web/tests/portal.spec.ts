import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';

// The public portal with JavaScript on: every page checked with axe, by keyboard, at 360 px, with a title.
const SEARCH = '/lokaler?dato=2027-09-07&fra=18:00&til=20:00&plasser=20';

test.describe('the front page', () => {
  test('is in bokmål with a title, this week, organisations and the municipality’s pages, and passes axe', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page).toHaveTitle('Lokaler for frivilligheten – frirom');
    await expect(page.getByRole('heading', { name: 'Nye organisasjoner' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Slik støtter Ås kommune frivilligheten' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('switches to English and remembers it', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto('/lokaler');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rooms');
    await page.goto('/?lang=nb');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lokaler for frivilligheten');
  });

  test('reaches the search form by keyboard and submits it', async ({ page }) => {
    await page.goto('/');
    const date = page.getByLabel('Dato');
    for (let i = 0; i < 15 && !(await date.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(date).toBeFocused();
    await date.fill('2027-09-07');
    await page.getByLabel('Fra kl.').fill('18:00');
    await page.getByLabel('Til kl.').fill('20:00');
    await page.getByLabel('Antall personer').fill('20');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Finn ledige lokaler' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/lokaler\?dato=2027-09-07&fra=18%3A00&til=20%3A00&plasser=20/);
    await expect(
      page.getByRole('heading', { level: 2, name: /lokaler er ledige tirsdag 7\. september 2027/ }),
    ).toBeVisible();
  });
});

test('the free-room search lists rooms with building, capacity and who may have them free', async ({
  page,
}) => {
  await page.goto(SEARCH);
  await expect(page).toHaveTitle('Ledige lokaler – frirom');
  await expect(page.getByLabel('Dato')).toHaveValue('2027-09-07');
  const results = page.locator('.grid > li');
  await expect(results.first()).toBeVisible();
  await expect(results.first()).toContainText('plasser');
  await expect(page.getByText(/Kan være gratis: /).first()).toBeVisible();
  await expectNoAxeViolations(page);
  // A bad window: the API's message, as it gives it (in bokmål).
  await page.goto('/lokaler?dato=2027-09-07&fra=20:00&til=18:00');
  await expect(page.getByRole('alert')).toContainText('Tidsrommet er ikke gyldig');
  await expectNoAxeViolations(page);
});

test('filters rooms by kind and accessibility', async ({ page }) => {
  await page.goto('/lokaler');
  await page.getByLabel('Type lokale').selectOption('hall');
  await page.getByLabel('Bare universelt utformede lokaler').check();
  await page.getByRole('button', { name: 'Finn ledige lokaler' }).click();
  await expect(page).toHaveURL(/type=hall/);
  await expect(page.locator('.grid > li').first()).toContainText('Idrettshall');
  await expect(page.locator('.grid > li', { hasNotText: 'Universelt utformet' })).toHaveCount(0);
  // Free in a window and of a kind: the API filters both, so the count and the pages are of classrooms.
  await page.goto(`${SEARCH}&type=classroom`);
  const classrooms = page.locator('.grid > li');
  await expect(classrooms.first()).toContainText('Klasserom');
  await expect(page.locator('.grid > li', { hasNotText: 'Klasserom' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2 })).toContainText(
    `${await classrooms.count()} lokaler er ledige`,
  );
});

test('a room page: facts, prices, rules in words, its week, and Søk om tid', async ({ page }) => {
  await page.goto('/lokaler?type=hall');
  await page.locator('.grid > li a').first().click();
  await expect(page).toHaveURL(/\/lokaler\/[0-9a-f-]{36}$/);
  const roomId = page.url().split('/').pop();
  await expect(page).toHaveTitle(/ – frirom$/);
  await expect(page.getByRole('heading', { name: 'Priser per time' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /kr$/ }).first()).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Dette kan gjøre det billigere eller gratis' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Søk om tid' })).toHaveAttribute(
    'href',
    `/soknad?rom=${roomId}`,
  );
  await expectNoAxeViolations(page);
  await page.goto(`/lokaler/${roomId}?uke=2027-W36`);
  await expect(page.getByRole('heading', { name: 'Opptatt uke 36' })).toBeVisible();
  await page.getByRole('link', { name: /Neste uke/ }).click();
  await expect(page).toHaveURL(/uke=2027-W37/);
  await expect(page.getByRole('heading', { name: 'Opptatt uke 37' })).toBeVisible();
  expect((await page.goto('/lokaler/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
});

test('the activity calendar by week, filtered, with a subscription link', async ({ page, request }) => {
  await page.goto('/kalender');
  await expect(page).toHaveTitle(/^Aktivitetskalender, Uke \d+ – frirom$/);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /Neste uke/ }).click();
  await expect(page).toHaveURL(/uke=\d{4}-W\d{2}/);
  // The demo's weekly bookings start next week.
  await expect(page.getByRole('cell', { name: 'Ås IL' }).first()).toBeVisible();
  await page.getByLabel('Bygg').selectOption({ label: 'Åshallen' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/bygg=/);
  await expect(page.getByRole('cell', { name: /Nordbytun/ })).toHaveCount(0);
  const ics = await page.getByRole('link', { name: 'Abonner på kalenderen (ICS)' }).getAttribute('href');
  const feed = await request.get(ics!);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
});

test('the directory and an organisation’s page with this year’s support', async ({ page }) => {
  await page.goto('/organisasjoner');
  await expect(page).toHaveTitle('Organisasjoner – frirom');
  await page.getByLabel('Navn').fill('ås il');
  await page.getByRole('button', { name: 'Søk' }).click();
  await expect(page).toHaveURL(/navn=%C3%A5s\+il/);
  await expect(page.getByRole('heading', { name: '1 organisasjoner' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Ås IL' }).click();
  await expect(page).toHaveTitle('Ås IL – frirom');
  await expect(page.getByRole('heading', { name: /^Kommunens støtte i \d{4}$/ })).toBeVisible();
  await expect(page.getByText(/var i \d{4} verdt .*kr for Ås IL/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an unknown page is an HTML 404 with the layout, an unknown API path JSON', async ({
  page,
  request,
}) => {
  const response = await page.goto('/finnes-ikke');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle('Fant ikke siden – frirom');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fant ikke siden');
  await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toBeVisible();
  await expectNoAxeViolations(page);
  const api = await request.get('/finnes-ikke', { headers: { accept: 'application/json' } });
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ code: 'NOT_FOUND' });
  expect((await request.get('/rooms')).headers()['content-type']).toContain('application/json');
});

test('the header leads to the season rounds, by keyboard, at 360 px, in bokmål and English', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  const link = nav.getByRole('link', { name: 'Søknadsrunder', exact: true });
  await expect(link).toBeVisible();
  await expectNoHorizontalScroll(page);
  // In the tab order, after the rooms.
  await nav.getByRole('link', { name: 'Lokaler', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sesonger$/);
  await expect(page).toHaveTitle('Søknadsrunder for faste tider – frirom');
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  await page.goto('/sesonger?lang=en');
  const en = page
    .getByRole('navigation', { name: 'Main menu' })
    .getByRole('link', { name: 'Application rounds' });
  await expect(en).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application rounds for regular times');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoAxeViolations(page);
});

test('every public page fits 360 px without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const path of ['/', SEARCH, '/lokaler?type=hall', '/kalender', '/organisasjoner', '/sesonger']) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
  }
  await page.goto('/lokaler?type=hall');
  await page.locator('.grid > li a').first().click();
  await expect(page.getByRole('heading', { name: 'Priser per time' })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
