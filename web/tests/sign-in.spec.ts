import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';

// Signing in and out: the binding names, errors in the user's language, ?neste=, keyboard, 360 px.
const APPLICANT = { email: 'applicant@demo.frirom.no', password: 'demo-applicant' };

test('a signed-out visit to /min-side signs in and comes back there; the header then shows Min side', async ({
  page,
}) => {
  await page.goto('/min-side');
  await expect(page).toHaveURL(/\/logg-inn\?neste=%2Fmin-side$/);
  await expect(page).toHaveTitle('Logg inn – frirom');
  await expectNoAxeViolations(page);
  await page.getByLabel('E-post').fill(APPLICANT.email);
  await page.getByLabel('Passord').fill(APPLICANT.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/min-side$/);
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  await expect(nav.getByRole('link', { name: 'Min side' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Saksbehandling' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(nav.getByRole('link', { name: 'Logg inn' })).toBeVisible();
  await page.goto('/min-side');
  await expect(page).toHaveURL(/\/logg-inn/);
});

test('a wrong password shows the error beside the field and in the summary, keeps the e-mail, passes axe', async ({
  page,
}) => {
  await page.goto('/logg-inn');
  await page.getByLabel('E-post').fill('ingen.her@example.no');
  await page.getByLabel('Passord').fill('feil-passord');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByLabel('Passord')).toHaveAccessibleDescription(/Feil e-post eller passord/);
  await expect(page.getByRole('link', { name: /Feil e-post eller passord/ })).toHaveAttribute(
    'href',
    '#signin-password',
  );
  await expect(page.getByLabel('E-post')).toHaveValue('ingen.her@example.no');
  await expectNoAxeViolations(page);
});

test('too many attempts are met kindly, with how long to wait', async ({ page }) => {
  const email = `throttle-${Date.now()}@example.no`;
  await page.goto('/logg-inn');
  for (let i = 0; i < 7; i++) {
    await page.getByLabel('E-post').fill(email);
    await page.getByLabel('Passord').fill(`feil-${i}`);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect(
      page.getByText(/Feil e-post eller passord|for mange mislykkede forsøk/).first(),
    ).toBeVisible();
  }
  await expect(page.getByText(/for mange mislykkede forsøk på å logge inn\. Vent \d+ sekund/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the sign-in form by keyboard alone, at 360 px, in English too', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/logg-inn?neste=%2Fmin-side');
  await expectNoHorizontalScroll(page);
  const email = page.getByLabel('E-post');
  for (let i = 0; i < 25 && !(await email.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(email).toBeFocused();
  await page.keyboard.type(APPLICANT.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passord')).toBeFocused();
  await page.keyboard.type(APPLICANT.password);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Logg inn' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/min-side$/);
  await page.goto('/logg-inn?lang=en');
  // Signed in already: the sign-in page sends on to /min-side.
  await expect(page).toHaveURL(/\/min-side$/);
});

test('neste never leads off the site', async ({ page }) => {
  await page.goto('/logg-inn?neste=https%3A%2F%2Fevil.example%2F');
  await page.getByLabel('E-post').fill(APPLICANT.email);
  await page.getByLabel('Passord').fill(APPLICANT.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/min-side$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('signs in with a plain form post and comes back to neste', async ({ page }) => {
    await page.goto('/logg-inn?neste=%2Fkalender');
    await expect(page.getByLabel('E-post')).toHaveAccessibleName('E-post');
    await page.getByLabel('E-post').fill(APPLICANT.email);
    await page.getByLabel('Passord').fill('feil');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect(page.getByText('Feil e-post eller passord').first()).toBeVisible();
    await page.getByLabel('Passord').fill(APPLICANT.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await expect(page).toHaveURL(/\/kalender$/);
    await expect(page.getByRole('link', { name: 'Min side' })).toBeVisible();
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('link', { name: 'Logg inn' })).toBeVisible();
  });
});
