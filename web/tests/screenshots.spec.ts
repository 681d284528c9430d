import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { CHROMIUM } from '../playwright.config';

// The README's pictures (docs/screenshots), 1280 px wide: `UPDATE_SCREENSHOTS=1 npm run test:web -- screenshots`.
const DIR = join(__dirname, '..', '..', 'docs', 'screenshots');
test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to retake the README screenshots');
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
