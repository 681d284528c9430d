import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';

test.describe('the front page', () => {
  test('is in bokmål with a title, and passes axe', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page).toHaveTitle('Lokaler for frivilligheten – frirom');
    await expectNoAxeViolations(page);
  });

  test('switches to English and remembers it', async ({ page }) => {
    await page.goto('/?lang=en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rooms for the voluntary sector');
  });

  test('fits 360 px', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/');
    await expectNoHorizontalScroll(page);
  });
});

test('an unknown page is an HTML 404, an unknown API path JSON', async ({ page, request }) => {
  const response = await page.goto('/finnes-ikke');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fant ikke siden');
  await expectNoAxeViolations(page);
  const api = await request.get('/finnes-ikke', { headers: { accept: 'application/json' } });
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ code: 'NOT_FOUND' });
});
