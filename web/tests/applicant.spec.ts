import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';

// The applicant's whole way, JavaScript on: a free room → its page → Søk om tid → a weekly request with
// one date unticked → the quote → Send søknad → the receipt on /min-side → Trekk søknaden → withdrawn.
const APPLICANT = { email: 'applicant@demo.frirom.no', password: 'demo-applicant' };

/** A Tuesday some weeks ahead (Oslo), as YYYY-MM-DD: inside the booking horizon, clear of today. */
function tuesdayAhead(weeks: number): string {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + ((2 - d.getUTCDay() + 7) % 7) + 7 * weeks);
  return d.toISOString().slice(0, 10);
}

async function signIn(page: Page) {
  // After the scripts have run, so the click is not lost while the page hydrates on a busy machine.
  await page.goto('/logg-inn', { waitUntil: 'networkidle' });
  await page.getByLabel('E-post').fill(APPLICANT.email);
  await page.getByLabel('Passord').fill(APPLICANT.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page).toHaveURL(/\/min-side$/, { timeout: 15_000 });
}

test('from a free room to a sent weekly request, and withdrawn again', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  await expectNoAxeViolations(page);
  const first = tuesdayAhead(5);
  // Lille sal in Ås kulturhus: a culture-house room the demo's hall season does not hold.
  await page.goto(`/lokaler?dato=${first}&fra=18:00&til=20:00&plasser=20`);
  await page.getByRole('link', { name: 'Lille sal' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Lille sal/);
  await page.getByRole('link', { name: 'Søk om tid' }).click();
  await expect(page).toHaveURL(/\/soknad\?rom=/);
  await expect(page).toHaveTitle('Søk om lokale – frirom');
  await expect(page.getByLabel('Lokale')).toHaveValue(/.+/);
  await expectNoAxeViolations(page);

  await page.getByLabel('Hva skal dere gjøre?').fill('Korøvelse i Lille sal');
  await page.getByLabel('Hvor mange kommer?').fill('30');
  await page.getByLabel('Dato', { exact: true }).fill(first);
  await page.getByLabel('Fra kl.').fill('18:00');
  await page.getByLabel('Til kl.').fill('20:00');
  await page.getByLabel('Hver uke, samme ukedag').check();
  await page.getByLabel('Et antall ganger').check();
  await page.getByLabel('Antall ganger', { exact: true }).fill('4');
  // The dates and the quote come by themselves as the choices change (a fetcher, debounced).
  const dates = page.getByRole('group', { name: 'Datoene (4)' });
  await expect(dates.getByRole('checkbox')).toHaveCount(4);
  const rows = page.getByRole('table', { name: 'Hver dato, om den er ledig, og prisen' }).locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await dates.getByRole('checkbox').nth(1).uncheck();
  await expect(rows).toHaveCount(3);
  await expect(page.getByText(/Til sammen .*kr for 3 datoer\./)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Send søknad' }).click();
  await expect(page).toHaveURL(/\/min-side\?sendt#request-/);
  await expect(page.getByText('Søknaden er sendt.', { exact: false })).toBeVisible();
  const card = page.locator('[id^="request-"]').filter({ hasText: 'Korøvelse i Lille sal' });
  await expect(card).toBeVisible();
  await expect(card.locator('tbody tr')).toHaveCount(3);
  await expect(card.getByText('Venter på svar').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await card.getByRole('button', { name: 'Trekk søknaden' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Ja, trekk søknaden' }).click();
  await expect(page.getByText('Søknaden er trukket.')).toBeVisible();
  const after = page.locator('[id^="request-"]').filter({ hasText: 'Korøvelse i Lille sal' });
  await expect(after.getByText('Trukket').first()).toBeVisible();
  await expect(after.getByRole('button', { name: 'Trekk søknaden' })).toHaveCount(0);
});

test('the request form keeps what was typed and names the field when the API refuses, at 360 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page);
  await page.goto('/soknad');
  await expectNoHorizontalScroll(page);
  await page.getByLabel('Hva skal dere gjøre?').fill('Uten lokale');
  await page.getByRole('button', { name: 'Send søknad' }).click();
  await expect(page.locator('ds-error-summary, [data-color="danger"]').first()).toBeVisible();
  await expect(page.getByLabel('Hva skal dere gjøre?')).toHaveValue('Uten lokale');
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});

test('min side: organisations with status, registering one checks the number, at 360 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Mine organisasjoner' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.getByLabel('Organisasjonsnummer').fill('123456789');
  await page.getByRole('button', { name: 'Hent fra Enhetsregisteret' }).click();
  await expect(page.getByLabel('Organisasjonsnummer')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Organisasjonsnummer')).toHaveValue('123456789');
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});
