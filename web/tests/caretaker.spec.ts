import { expect, type Locator, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';
import { apiAs, ok, signIn, sql } from './support/api-as';

// The caretaker on a phone: confirms access and records attendance for a booking that has started.
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
// One booking, in one room at one time: the tests take turns with it.
test.describe.configure({ mode: 'serial' });

const CARETAKER = ['caretaker@demo.frirom.no', 'demo-caretaker'] as const;
const TITLE = `Innebandy for alle ${Date.now()}`;

/** Tomorrow's date in Oslo, YYYY-MM-DD. */
const osloTomorrow = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() + 86_400_000));

/** A big enough target for a thumb (WCAG 2.5.5's 44 × 44 CSS px, in height: the buttons are full width). */
async function expectTouchTarget(target: Locator): Promise<void> {
  const box = await target.boundingBox();
  expect(box, 'target is on screen').not.toBeNull();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);
}

test.beforeAll(async () => {
  // An approved booking in Åshallen (one of the demo caretaker's buildings), made through the API for
  // tomorrow 19–20 (open every day, free of the demo's season); then moved to have started a few minutes ago, which the API refuses to book on purpose.
  const staff = await apiAs('staff@demo.frirom.no', 'demo-staff');
  const [ids] = await sql<{ org: string; room: string }>(
    `SELECT o.id AS org, r.id AS room FROM organisations o, rooms r JOIN buildings b ON b.id = r.building_id
      WHERE o.name = 'Ås IL' AND b.name = 'Åshallen' AND r.name = 'Bane A'`,
  );
  const date = osloTomorrow();
  const request = await ok(
    staff.post('/booking-requests', {
      data: {
        organisationId: ids.org,
        roomId: ids.room,
        title: TITLE,
        ageGroup: 'youth',
        expectedParticipants: 15,
        startsAt: `${date}T19:00`,
        endsAt: `${date}T20:00`,
      },
    }),
  );
  await ok(staff.post(`/booking-requests/${request.id}/approve`, { data: {} }));
  await sql(
    `UPDATE booking_occurrences
        SET starts_at = GREATEST(now() - interval '10 minutes',
                                 date_trunc('day', now() AT TIME ZONE 'Europe/Oslo') AT TIME ZONE 'Europe/Oslo'),
            ends_at = now() + interval '50 minutes'
      WHERE request_id = $1`,
    [request.id],
  );
  await staff.dispose();
});

test('the caretaker confirms access and records attendance, then corrects it, on a phone', async ({
  page,
}) => {
  await signIn(page, ...CARETAKER);
  await page.goto('/vaktmester');
  await expect(page).toHaveTitle('Vaktmester – frirom');
  await expect(page.getByRole('heading', { level: 2, name: /^I dag, / })).toBeVisible();
  const card = page.getByRole('article', { name: new RegExp(`Ås IL`) }).filter({ hasText: TITLE });
  await expect(card).toBeVisible();
  await expect(card.getByText('Bane A, Åshallen')).toBeVisible();
  await expect(card.getByText('Tilgang ikke avklart')).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // Access: the method and instructions.
  await card.getByText('Tilgang: bekreft eller avslå').tap();
  await card.getByLabel('Hvordan kommer de inn?').selectOption({ label: 'Nøkkelkort' });
  await card.getByLabel('Beskjed til leietaker').fill('Kortet hentes i resepsjonen');
  await expectNoAxeViolations(page);
  const confirm = card.getByRole('button', { name: 'Bekreft tilgang' });
  await expectTouchTarget(confirm);
  await confirm.tap();
  await expect(page.getByText('Tilgangen er bekreftet.')).toBeVisible();
  await expect(card.getByText('Tilgang bekreftet: Nøkkelkort')).toBeVisible();
  await expect(card.getByText('Kortet hentes i resepsjonen').first()).toBeVisible();

  // Attendance, since it has started.
  await card.getByLabel('Antall som kom').fill('12');
  const used = card.getByRole('button', { name: 'Brukt' });
  await expectTouchTarget(used);
  await expectTouchTarget(card.getByRole('button', { name: 'Ikke møtt' }));
  await used.tap();
  await expect(page.getByText('Oppmøtet er registrert.')).toBeVisible();
  await expect(card.getByText('Registrert: brukt, 12 deltakere.', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  // A correction needs a reason.
  await card.getByLabel('Grunn til endringen').fill('Feil bane, de kom ikke');
  await card.getByRole('button', { name: 'Ikke møtt' }).tap();
  await expect(card.getByText('Registrert: ikke møtt.', { exact: false })).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test('an error from the API is shown beside its field and in a summary, with what was typed kept', async ({
  page,
}) => {
  await signIn(page, ...CARETAKER);
  await page.goto('/vaktmester');
  const card = page.getByRole('article').filter({ hasText: TITLE });
  await card.getByText('Tilgang: bekreft eller avslå').tap();
  // Only spaces: the browser lets it through, the API trims it and refuses.
  await card.getByLabel('Hvorfor kan de ikke få tilgang?').fill('   ');
  await card.getByRole('button', { name: 'Avslå tilgang' }).tap();
  const summary = page.getByRole('heading', { name: 'Det ble ikke lagret' });
  await expect(summary).toBeVisible();
  const reason = card.getByLabel('Hvorfor kan de ikke få tilgang?');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});

test('the key log works with the keyboard alone', async ({ page }) => {
  await signIn(page, ...CARETAKER);
  // After the scripts have run, so the key presses are not lost while the page hydrates on a busy machine.
  await page.goto('/vaktmester', { waitUntil: 'networkidle' });
  const card = page.getByRole('article').filter({ hasText: TITLE });
  const summary = card.getByText(/^Nøkler \(\d+\)$/);
  await summary.focus();
  await page.keyboard.press('Enter');
  const field = card.getByLabel('Hvem fikk nøkkelen?');
  // Enter opened the key log; Tab only once it is shown, or a busy machine tabs past it.
  await expect(field).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(field).toBeFocused();
  await page.keyboard.type('Kari Nordmann');
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Registrer utlevert nøkkel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Nøkkelloggen er oppdatert.')).toBeVisible();
  await expect(card.getByText(/Kari Nordmann fikk nøkkel/)).toBeVisible();
  const back = card.getByRole('button', { name: 'Kari Nordmann har levert nøkkelen' });
  await back.focus();
  await page.keyboard.press('Enter');
  await expect(card.getByText(/Levert tilbake/)).toBeVisible();
  await expectNoAxeViolations(page);
});
