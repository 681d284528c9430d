import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';

// Sign-in with OpenID Connect in Chromium, against the real providers (oidc-provider) that the global
// setup runs as "ID-porten" (asked for idporten-loa-substantial) and as the municipality's "Entra ID"
// (roles claim, TRUST_EMAIL): their own login and consent pages in the browser, then back into frirom.

// Each test goes through a provider's pages once or twice (discovery, login, consent, token, userinfo):
// on a loaded machine that takes longer than a page test.
test.describe.configure({ timeout: 90_000 });

/** At the provider: its development login page (any password), then its consent page. */
async function atProvider(page: Page, login: string) {
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Changes a person at the test Entra ID, which runs in the global setup's process. */
async function atEntra(login: string, claims: Record<string, unknown>) {
  const res = await fetch(`${process.env.FRIROM_WEB_ENTRA_URL}/frirom-test/accounts/${login}`, {
    method: 'PUT',
    body: JSON.stringify(claims),
  });
  expect(res.status).toBe(204);
}

/** The provider's end-session page (RP-initiated logout), then frirom's front page, signed out. */
async function signOutEverywhere(page: Page) {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  expect((await page.request.get('/auth/me')).status()).toBe(401);
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

test('the same person again: the second sign-in with ID-porten lands in the account made the first time', async ({
  page,
}) => {
  const address = `ida-${Date.now()}@pw.frirom.no`;
  await page.goto('/logg-inn?neste=/min-side');
  await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
  // This person signs in with BankID (idporten-loa-high): stronger than the level asked for, accepted.
  await atProvider(page, 'pw-igjen');
  await expect(page).toHaveURL(/\/logg-inn\/e-post\?neste=%2Fmin-side$/);
  await page.getByLabel('E-post').fill(address);
  await page.getByRole('button', { name: 'Fortsett' }).click();
  await expect(page).toHaveURL(/\/min-side$/);
  const first = await (await page.request.get('/auth/me')).json();
  expect(first).toMatchObject({ email: address, name: 'Ida Igjen', roles: ['applicant'] });
  await signOutEverywhere(page);

  await page.goto('/logg-inn?neste=/min-side');
  await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
  await atProvider(page, 'pw-igjen');
  // Not asked for an address again: ID-porten's sub finds the account the first sign-in made.
  await expect(page).toHaveURL(/\/min-side$/);
  const second = await (await page.request.get('/auth/me')).json();
  expect(second).toMatchObject({ id: first.id, email: address, name: 'Ida Igjen' });
});

test('a staff member with a roles claim from Entra ID reaches /saksbehandling, and loses it when the role is removed', async ({
  page,
}) => {
  const login = `pw-ansatt-${Date.now()}`;
  const person = { name: 'Siri Saksbehandler', email: `${login}@as.kommune.no` };
  await atEntra(login, { ...person, roles: ['staff'] });
  await page.goto('/saksbehandling');
  await expect(page).toHaveURL(/\/logg-inn\?neste=%2Fsaksbehandling$/);
  await page.getByRole('link', { name: 'Logg inn med Entra ID' }).click();
  await atProvider(page, login);
  await expect(page).toHaveURL(/\/saksbehandling$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Søknader til behandling');
  const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
  await expect(nav.getByRole('link', { name: 'Saksbehandling' })).toBeVisible();
  expect((await (await page.request.get('/auth/me')).json()).roles).toEqual(['staff']);
  await signOutEverywhere(page);

  // The role is taken away in Entra ID: the next sign-in sets the roles from the claim again.
  await atEntra(login, { ...person, roles: [] });
  await page.goto('/logg-inn?neste=/min-side');
  await page.getByRole('link', { name: 'Logg inn med Entra ID' }).click();
  await atProvider(page, login);
  await expect(page).toHaveURL(/\/min-side$/);
  const me = await (await page.request.get('/auth/me')).json();
  expect(me.roles).toEqual(['applicant']);
  await expect(nav.getByRole('link', { name: 'Saksbehandling' })).toHaveCount(0);
  const refused = await page.goto('/saksbehandling');
  expect(refused?.status()).toBe(403);
});

test('a replayed callback is refused in another browser, with no session there', async ({
  page,
  browser,
}) => {
  let callback = '';
  page.on('request', (r) => {
    if (r.url().includes('/auth/oidc/idporten/callback?')) callback = r.url();
  });
  await page.goto('/logg-inn?neste=/min-side');
  await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
  await atProvider(page, 'pw-gjenbruk');
  await expect(page).toHaveURL(/\/min-side$/);
  expect(new URL(callback).searchParams.get('code')).toBeTruthy();

  // Someone who got hold of the callback URL (its code and state) uses it again.
  const other = await browser.newContext({ locale: 'nb-NO' });
  const thief = await other.newPage();
  await thief.goto(callback);
  await expect(thief).toHaveURL(/\/logg-inn\?feil=OIDC_LOGIN_INVALID/);
  await expect(thief.getByText('Innloggingen ble avbrutt eller var for gammel.')).toBeVisible();
  expect((await other.cookies()).map((c) => c.name)).not.toContain('frirom_session');
  await thief.goto(new URL('/min-side', callback).href);
  await expect(thief).toHaveURL(/\/logg-inn\?neste=/);
  await other.close();
  // The person it belonged to is still signed in.
  expect((await page.request.get('/auth/me')).status()).toBe(200);
});

test('a sign-in below the level of assurance asked for is refused with a clear message, and no session', async ({
  page,
}) => {
  await page.goto('/logg-inn?neste=/min-side');
  await page.getByRole('link', { name: 'Logg inn med ID-porten' }).click();
  await atProvider(page, 'pw-uten-niva');
  await expect(page).toHaveURL(/\/logg-inn\?feil=OIDC_ASSURANCE_TOO_LOW&neste=%2Fmin-side$/);
  const alert = page.getByText('Du logget inn på et lavere sikkerhetsnivå enn denne tjenesten krever.', {
    exact: false,
  });
  await expect(alert).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await page.request.get('/auth/me')).status()).toBe(401);
  await page.goto('/logg-inn?feil=OIDC_ASSURANCE_TOO_LOW&lang=en');
  await expect(page.getByText('You signed in at a lower level of assurance', { exact: false })).toBeVisible();
});
