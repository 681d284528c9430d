import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';

// Sign-in with OpenID Connect in Chromium, against the real provider (oidc-provider) that the global
// setup runs as "ID-porten": its own login and consent pages in the browser, then back into frirom.

/** At the provider: its development login page (any password), then its consent page. */
async function atProvider(page: Page, login: string) {
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a new applicant signs in with ID-porten from /min-side, lands there, and signs out at the provider too', async ({
  page,
}) => {
  await page.goto('/min-side');
  await expect(page).toHaveURL(/\/logg-inn\?neste=%2Fmin-side$/);
  const button = page.getByRole('link', { name: 'Logg inn med ID-porten' });
  await expect(button).toBeVisible();
  // The password form is still there: PASSWORD_LOGIN is on.
  await expect(page.getByLabel('Passord')).toBeVisible();
  await expectNoAxeViolations(page);
  await button.click();
  await expect(page).toHaveURL(/\/interaction\//);
  await atProvider(page, 'pw-ny-soker');
  await expect(page).toHaveURL(/\/min-side$/);
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  await expect(nav.getByRole('link', { name: 'Min side' })).toBeVisible();

  // Sign-out goes by the provider's end-session page, which sends the browser back to the front page.
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(nav.getByRole('link', { name: 'Logg inn' })).toBeVisible();
  await page.goto('/min-side');
  await expect(page).toHaveURL(/\/logg-inn/);
});

test('a person ID-porten gives no e-mail is asked for one, errors beside the field, then signed in', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/logg-inn?neste=/min-side');
  await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
  await atProvider(page, 'pw-uten-epost');
  await expect(page).toHaveURL(/\/logg-inn\/e-post\?neste=%2Fmin-side$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hvilken e-postadresse vil du bruke?');
  await expect(page.getByText('Du er logget inn med ID-porten.', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // By keyboard: type a wrong address, send with Enter.
  const email = page.getByLabel('E-post');
  await email.focus();
  await page.keyboard.type('ikke-en-adresse');
  await page.keyboard.press('Enter');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveValue('ikke-en-adresse');
  await expect(page.getByRole('link', { name: /email/i })).toHaveAttribute('href', '#oidc-email');
  await expectNoAxeViolations(page);

  await email.fill(`per-${Date.now()}@pw.frirom.no`);
  await page.getByRole('button', { name: 'Fortsett' }).click();
  await expect(page).toHaveURL(/\/min-side$/);
  await expect(
    page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Min side' }),
  ).toBeVisible();
});

test('a callback the site did not start is refused kindly on the sign-in page, with no session', async ({
  page,
}) => {
  await page.goto('/auth/oidc/idporten/callback?code=forged&state=forged');
  await expect(page).toHaveURL(/\/logg-inn\?feil=OIDC_LOGIN_INVALID/);
  await expect(page.getByText('Innloggingen ble avbrutt eller var for gammel.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/min-side');
  await expect(page).toHaveURL(/\/logg-inn\?neste=/);
});
