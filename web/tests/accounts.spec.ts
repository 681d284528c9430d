import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';

// Registering, a forgotten password, the confirmation and invitation links: each form state with axe.

test('registering: the password rules as a hint, the API’s rule beside the field, nothing typed lost, then signed in', async ({
  page,
}) => {
  const email = `ny-${Date.now()}@example.no`;
  await page.goto('/registrer');
  await expect(page).toHaveTitle('Lag en bruker – frirom');
  await expect(page.getByLabel('Passord')).toHaveAccessibleDescription(/Minst 10 tegn/);
  await expectNoAxeViolations(page);
  await page.getByLabel('Navn').fill('Kari Nordmann');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Telefon (valgfritt)').fill('+47 900 00 000');
  await page.getByLabel('Passord').fill('kort');
  await page.getByRole('button', { name: 'Lag bruker' }).click();
  await expect(page.getByLabel('Passord')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#reg-password-error')).toBeVisible();
  await expect(page.getByLabel('Navn')).toHaveValue('Kari Nordmann');
  await expect(page.getByLabel('E-post')).toHaveValue(email);
  await expect(page.getByLabel('Telefon (valgfritt)')).toHaveValue('+47 900 00 000');
  await expectNoAxeViolations(page);
  await page.getByLabel('Passord').fill('blå fjord om morgenen');
  await page.getByRole('button', { name: 'Lag bruker' }).click();
  await expect(page).toHaveURL(/\/min-side$/);
  await expect(page.getByText('Hei, Kari Nordmann.')).toBeVisible();
});

test('an address taken already is said beside the e-mail field', async ({ page }) => {
  await page.goto('/registrer');
  await page.getByLabel('Navn').fill('Noen');
  await page.getByLabel('E-post').fill('applicant@demo.frirom.no');
  await page.getByLabel('Passord').fill('blå fjord om morgenen');
  await page.getByRole('button', { name: 'Lag bruker' }).click();
  await expect(page.getByLabel('E-post')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('link').filter({ hasText: /./ }).first()).toBeVisible();
});

test('a forgotten password: always the same answer; a bad link’s error beside the new password', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/glemt-passord');
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByLabel('E-post').fill('finnes.ikke@example.no');
  await page.getByRole('button', { name: 'Send lenke' }).click();
  await expect(
    page.getByText(/Hvis det finnes en bruker med adressen finnes\.ikke@example\.no/),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/glemt-passord?token=ugyldig');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Velg nytt passord');
  await page.getByLabel('Nytt passord').fill('blå fjord om morgenen');
  await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
  await expect(page.getByRole('alert').or(page.locator('ds-error-summary'))).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the confirmation and invitation links', async ({ page }) => {
  await page.goto('/bekreft-epost?token=ugyldig');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Bekreft e-postadressen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page);

  // Signed out: sign in first, and back to the invitation.
  await page.goto('/invitasjon?token=ugyldig');
  await expect(page).toHaveURL(/\/logg-inn\?neste=%2Finvitasjon%3Ftoken%3Dugyldig$/);
  await page.getByLabel('E-post').fill('applicant@demo.frirom.no');
  await page.getByLabel('Passord').fill('demo-applicant');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/invitasjon\?token=ugyldig$/);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Godta invitasjonen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page);
});
