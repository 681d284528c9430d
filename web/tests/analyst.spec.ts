import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';
import { signIn } from './support/api-as';

// The analyst: usage with a chart and its table, the CSV, support per organisation, an evaluation
// report from order to charts and method, and a rule simulation. The demo seed has a year of history.

test.beforeEach(async ({ page }) => {
  await signIn(page, 'analyst@demo.frirom.no', 'demo-analyst');
});

test('usage by building: a chart named for its period, its table, and the CSV download', async ({ page }) => {
  await page.goto('/statistikk?gruppe=building');
  await expect(page).toHaveTitle('Statistikk – frirom');
  const chart = page.locator('figure svg[role="img"]');
  await expect(chart).toHaveAttribute(
    'aria-label',
    /^Søylediagram: bookede og brukte timer per bygg, .+ – .+/,
  );
  await expect(chart).toHaveAttribute('aria-describedby', 'usage-table');
  const table = page.locator('#usage-table');
  await expect(table.locator('caption')).toHaveText(/^Bruk per bygg, /);
  await expect(table.getByRole('rowheader', { name: 'Åshallen' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Hele perioden' })).toBeVisible();
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Last ned CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^frirom-usage-building-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = text.split('\r\n').filter(Boolean);
  expect(header.split(';').slice(0, 4)).toEqual(['nøkkel', 'navn', 'bookinger', 'timer booket']);
  expect(rows.some((r) => r.split(';')[1] === 'Åshallen')).toBe(true);
});

test('the period form works with the keyboard, fits 360 px, and a bad date is shown beside its field', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/statistikk');
  // (Tab inside a date field walks its day, month and year: start from the grouping.)
  const group = page.getByLabel('Grupper etter');
  await group.focus();
  await group.selectOption('organisation');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Vis' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/gruppe=organisation/);
  await expect(page.getByRole('heading', { name: 'Bruk per organisasjon' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  await page.goto('/statistikk?fra=2026-02-30&til=2026-03-01');
  await expect(page.getByRole('heading', { name: 'Vi kunne ikke vise tallene' })).toBeVisible();
  await expect(page.getByLabel('Fra dato')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});

test('support per organisation in a year, most first', async ({ page }) => {
  const year = new Date().getFullYear();
  await page.goto(`/statistikk/stotte?aar=${year}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Støtte per organisasjon ${year}`);
  const rows = page.locator('#support-table tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('figure svg[role="img"]')).toHaveAttribute('aria-label', new RegExp(`${year}$`));
  await expectNoAxeViolations(page);
});

test('an evaluation report: ordered, followed while it is built, read with its charts and method', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/statistikk/rapporter');
  await expectNoAxeViolations(page);
  await page.getByLabel('Fra dato').fill('2026-09-01');
  await page.getByLabel('Til dato').fill('2026-09-30');
  await page.getByRole('button', { name: 'Lag rapport' }).click();
  await expect(page).toHaveURL(/\/statistikk\/rapporter\/[0-9a-f-]{36}\?jobb=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Evaluering av gratis bruk, tirsdag 1. september 2026 – onsdag 30. september 2026',
  );
  await expect(page.getByRole('heading', { name: 'Nøkkeltall' })).toBeVisible({ timeout: 90_000 });
  const charts = page.locator('figure img');
  await expect(charts).toHaveCount(3);
  for (const img of await charts.all()) {
    await expect(img).toHaveAttribute('alt', /tirsdag 1\. september 2026 – onsdag 30\. september 2026/);
    // The SVG itself loaded (with the session cookie) and has a size.
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  }
  await expect(page.locator('#by-building caption')).toHaveText(/^Per bygg, /);
  await expect(page.getByRole('heading', { name: 'Metode' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/statistikk/rapporter');
  await expect(
    page.getByRole('link', { name: /1\. september 2026 – onsdag 30\. september 2026/ }).first(),
  ).toBeVisible();
});

test('a rule simulation shows before and after by organisation kind', async ({ page }) => {
  await page.goto('/statistikk/simulering');
  await expectNoAxeViolations(page);
  await page.getByLabel('Navn på regelen (valgfritt)').fill('Gratis for kor og korps');
  await page
    .getByRole('group', { name: 'Organisasjonstyper regelen gjelder' })
    .getByText('Frivillig', { exact: false })
    .first()
    .click();
  await page.getByLabel('Prosent av leien som frafalles').fill('100');
  await page.getByRole('button', { name: 'Simuler' }).click();
  await expect(page.getByRole('heading', { name: /^Før og etter, / })).toBeVisible();
  await expect(page.locator('#sim-kinds caption')).toHaveText(/^Verdi av fritak per organisasjonstype, /);
  await expect(page.locator('figure svg[role="img"]')).toHaveAttribute('aria-label', /før og etter/);
  await expectNoAxeViolations(page);
});
