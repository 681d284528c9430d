import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { CHROMIUM } from '../playwright.config';

// The README's pictures (docs/screenshots), 1280 px wide: `UPDATE_SCREENSHOTS=1 npm run test:web -- screenshots`.
const DIR = join(__dirname, '..', '..', 'docs', 'screenshots');
// Chromium's own language decides how date fields read (dd.mm.åååå).
test.use({
  viewport: { width: 1280, height: 900 },
  launchOptions: { ...CHROMIUM, args: [...CHROMIUM.args, '--lang=nb-NO'] },
});

test('front page and a room page', async ({ page }) => {
  await page.goto('/');
  await page.screenshot({ path: join(DIR, 'front.png') });
  await page.goto('/lokaler?type=hall');
  await page.locator('.grid > li a').first().click();
  await expect(page.getByRole('heading', { name: 'Priser per time' })).toBeVisible();
  await page.screenshot({ path: join(DIR, 'room.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/');
  await page.screenshot({ path: join(DIR, '..', '..', 'var', 'front-360.png'), fullPage: true });
});

test('the request form with a quote', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/logg-inn', { waitUntil: 'networkidle' });
  await page.getByLabel('E-post').fill('applicant@demo.frirom.no');
  await page.getByLabel('Passord').fill('demo-applicant');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/min-side$/, { timeout: 15_000 });
  await page.goto('/lokaler?type=auditorium');
  await page.getByRole('link', { name: 'Lille sal' }).click();
  await page.getByRole('link', { name: 'Søk om tid' }).click();
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((2 - d.getUTCDay() + 7) % 7) + 35);
  await page.getByLabel('Hva skal dere gjøre?').fill('Korøvelse');
  await page.getByLabel('Hvor mange kommer?').fill('30');
  await page.getByLabel('Dato', { exact: true }).fill(d.toISOString().slice(0, 10));
  await page.getByLabel('Fra kl.').fill('18:00');
  await page.getByLabel('Til kl.').fill('20:00');
  await page.getByLabel('Hver uke, samme ukedag').check();
  await page.getByLabel('Et antall ganger').check();
  await page.getByLabel('Antall ganger', { exact: true }).fill('4');
  await expect(page.getByText(/Til sammen .*kr for 4 datoer\./)).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: join(DIR, 'request.png'), fullPage: true });
});
