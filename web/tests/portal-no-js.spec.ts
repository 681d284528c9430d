import { expect, test } from '@playwright/test';

// The public pages are rendered on the server: readable, and the search works, with JavaScript off.
// (axe runs in the page, so it checks these pages in portal.spec.ts, with JavaScript on.)
test.use({ javaScriptEnabled: false });

test('the public pages read without JavaScript', async ({ page }) => {
  for (const [path, heading] of [
    ['/', 'Lokaler for frivilligheten'],
    ['/lokaler', 'Lokaler'],
    ['/kalender', 'Aktivitetskalender'],
    ['/organisasjoner', 'Organisasjoner'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page).toHaveTitle(/ – frirom$/);
    // Every field is named on the server (label for=…), not only once scripts have run.
    for (const input of await page.locator('main input:not([type=hidden]), main select').all()) {
      await expect(input).toHaveAccessibleName(/.+/);
    }
  }
});

test('the free-room search, a room page and an organisation page work without JavaScript', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Dato').fill('2027-09-07');
  await page.getByLabel('Fra kl.').fill('18:00');
  await page.getByLabel('Til kl.').fill('20:00');
  await page.getByLabel('Antall personer').fill('20');
  await page.getByRole('button', { name: 'Finn ledige lokaler' }).click();
  await expect(page).toHaveURL(/\/lokaler\?dato=2027-09-07/);
  await expect(page.getByRole('heading', { name: /lokaler er ledige/ })).toBeVisible();
  await page.locator('.grid > li a').first().click();
  await expect(page.getByRole('link', { name: 'Søk om tid' })).toBeVisible();
  await page.goto('/organisasjoner?navn=Ås+IL');
  await page.getByRole('link', { name: 'Ås IL' }).click();
  await expect(page.getByRole('heading', { name: /^Kommunens støtte i/ })).toBeVisible();
  await page.goto('/?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
