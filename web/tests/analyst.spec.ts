import { readFileSync } from 'node:fs';
import { expect, type Locator, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/a11y';
import { signIn } from './support/api-as';

// The analyst: usage with a chart and its table, the CSV, support per organisation, an evaluation
// report from order to charts and method, and a rule simulation. The demo seed has a year of history.

test.beforeEach(async ({ page }) => {
  await signIn(page, 'analyst@demo.frirom.no', 'demo-analyst');
});

test('usage by building: a chart named for its period, its table, and the CSV download', async ({ page }) => {
  await page.goto('/statistikk?gruppe=building');
  await expect(page).toHaveTitle('Statistikk – frirom');
  const chart = page.locator('figure svg[role="img"]');
  await expect(chart).toHaveAttribute(
    'aria-label',
    /^Søylediagram: bookede og brukte timer per bygg, .+ – .+/,
  );
  await expect(chart).toHaveAttribute('aria-describedby', 'usage-table');
  const table = page.locator('#usage-table');
  await expect(table.locator('caption')).toHaveText(/^Bruk per bygg, /);
  await expect(table.getByRole('rowheader', { name: 'Åshallen' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Hele perioden' })).toBeVisible();
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Last ned CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    /^frirom-usage-building-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = text.split('\r\n').filter(Boolean);
  expect(header.split(';').slice(0, 4)).toEqual(['nøkkel', 'navn', 'bookinger', 'timer booket']);
  expect(rows.some((r) => r.split(';')[1] === 'Åshallen')).toBe(true);
});

test('the period form works with the keyboard, fits 360 px, and a bad date is shown beside its field', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/statistikk');
  // (Tab inside a date field walks its day, month and year: start from the grouping.)
  const group = page.getByLabel('Grupper etter');
  await group.focus();
  await group.selectOption('organisation');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Vis' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/gruppe=organisation/);
  await expect(page.getByRole('heading', { name: 'Bruk per organisasjon' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);

  await page.goto('/statistikk?fra=2026-02-30&til=2026-03-01');
  await expect(page.getByRole('heading', { name: 'Vi kunne ikke vise tallene' })).toBeVisible();
  await expect(page.getByLabel('Fra dato')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});

test('support per organisation in a year, most first', async ({ page }) => {
  const year = new Date().getFullYear();
  await page.goto(`/statistikk/stotte?aar=${year}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Støtte per organisasjon ${year}`);
  const rows = page.locator('#support-table tbody tr');
  await expect(rows.first()).toBeVisible();
  const chart = page.locator('figure svg[role="img"]');
  await expect(chart).toHaveAttribute('aria-label', new RegExp(`${year}$`));
  await expect(chart).toHaveAttribute('aria-describedby', 'support-table');
  await expect(page.locator('#support-table caption')).toContainText(year.toString());
  await expectNoAxeViolations(page);
});

test('an evaluation report: ordered, followed while it is built, read with its charts and method', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/statistikk/rapporter');
  await expectNoAxeViolations(page);
  await page.getByLabel('Fra dato').fill('2026-09-01');
  await page.getByLabel('Til dato').fill('2026-09-30');
  await page.getByRole('button', { name: 'Lag rapport' }).click();
  await expect(page).toHaveURL(/\/statistikk\/rapporter\/[0-9a-f-]{36}\?jobb=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Evaluering av gratis bruk, tirsdag 1. september 2026 – onsdag 30. september 2026',
  );
  await expect(page.getByRole('heading', { name: 'Nøkkeltall' })).toBeVisible({ timeout: 90_000 });
  const period = 'tirsdag 1. september 2026 – onsdag 30. september 2026';
  const figures = page.getByRole('figure');
  await expect(figures).toHaveCount(3);
  for (const figure of await figures.all()) {
    // Named by its caption, with the period; its image points to its table, which has the period too.
    await expect(figure).toHaveAccessibleName(new RegExp(`, ${period}$`));
    const img = figure.getByRole('img');
    await expect(img).toHaveAttribute(
      'alt',
      new RegExp(`^Diagram: .+, ${period}\\. Tallene står i tabellen under diagrammet\\.$`),
    );
    // The SVG itself loaded (with the session cookie) and has a size.
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    const table = figure.getByRole('table');
    await expect(table).toHaveAccessibleName(new RegExp(`^Tallene i diagrammet «.+», ${period}$`));
    // The table holds the figures the chart draws (its SVG's description lists them, rounded).
    const svg = await (await page.request.get((await img.getAttribute('src'))!)).text();
    expectSameFigures(svg, await cellsOf(table));
  }
  await expect(page.locator('#by-building caption')).toHaveText(/^Per bygg, /);
  await expect(page.getByRole('heading', { name: 'Metode' })).toBeVisible();
  await expectNoAxeViolations(page);

  // In English, and on a phone: the same figures and tables, nothing to scroll sideways but the tables.
  const url = page.url();
  await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=en`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('figure').first()).toHaveAccessibleName(
    /, Tuesday(,)? 1 September 2026 – Wednesday(,)? 30 September 2026$/,
  );
  await expect(page.getByRole('figure').first().getByRole('img')).toHaveAttribute(
    'alt',
    /^Chart: .+\. The figures are in the table below the chart\.$/,
  );
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
  await page.goto('/statistikk/rapporter?lang=nb');
  await expect(
    page.getByRole('link', { name: /1\. september 2026 – onsdag 30\. september 2026/ }).first(),
  ).toBeVisible();
});

test('a rule simulation shows before and after by organisation kind', async ({ page }) => {
  await page.goto('/statistikk/simulering');
  await expectNoAxeViolations(page);
  await page.getByLabel('Navn på regelen (valgfritt)').fill('Gratis for kor og korps');
  await page
    .getByRole('group', { name: 'Organisasjonstyper regelen gjelder' })
    .getByText('Frivillig', { exact: false })
    .first()
    .click();
  await page.getByLabel('Prosent av leien som frafalles').fill('100');
  await page.getByRole('button', { name: 'Simuler' }).click();
  await expect(page.getByRole('heading', { name: /^Før og etter, / })).toBeVisible();
  await expect(page.locator('#sim-kinds caption')).toHaveText(/^Verdi av fritak per organisasjonstype, /);
  const chart = page.locator('figure svg[role="img"]');
  await expect(chart).toHaveAttribute('aria-label', /før og etter, .+ – .+/);
  await expect(chart).toHaveAttribute('aria-describedby', 'sim-kinds');
  await expectNoAxeViolations(page);
});

/** A table's column heads and its rows (the row's head first), as the page shows them. */
async function cellsOf(table: Locator): Promise<{ columns: string[]; rows: string[][] }> {
  return table.evaluate((el: HTMLTableElement) => ({
    columns: [...el.tHead!.rows[0].cells].map((c) => c.textContent.trim()),
    rows: [...el.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.trim())),
  }));
}

/** A figure as written: "1 234,50 kr", "12,5 %", "600". */
const numberIn = (text: string): number => Number(text.replace(/[^\d,.-]/g, '').replace(',', '.'));

/**
 * The chart's own description (its SVG `<desc>`) lists what it draws, rounded to whole numbers:
 * "kroner. Skolen: 600; Hallen: 450", "timer. sep. 26: Frivillig lag 12, Idrettslag 30",
 * "man: 08 12 %, 09 5 %; tir: –". Each of those is in the table, in the same place.
 */
function expectSameFigures(svg: string, table: { columns: string[]; rows: string[][] }): void {
  const desc = /<desc id="chart-desc">([^<]*)<\/desc>/
    .exec(svg)![1]
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  const near = (cell: string, drawn: string) =>
    expect(Math.abs(numberIn(cell) - numberIn(drawn)), `${cell} vs ${drawn}`).toBeLessThanOrEqual(0.55);
  const name = /<title id="chart-title">([^<]*)<\/title>/.exec(svg)![1];
  let checked = 0;
  if (name.startsWith('Verdi av fritak per bygg')) {
    const items = desc.replace(/^[^.]*\. /, '').split('; ');
    expect(table.rows.map((r) => r[0])).toEqual(items.map((i) => i.slice(0, i.lastIndexOf(': '))));
    items.forEach((item, i) => near(table.rows[i][1], item.slice(item.lastIndexOf(': ') + 2)));
    checked = items.length;
  } else if (name.startsWith('Bookede timer per måned')) {
    const months = desc.replace(/^[^.]*\. /, '').split('; ');
    expect(table.rows).toHaveLength(months.length);
    months.forEach((month, i) => {
      for (const part of month.slice(month.indexOf(': ') + 2).split(', ')) {
        const at = part.lastIndexOf(' ');
        if (at < 0) continue; // a month without bookings: "0"
        near(table.rows[i][table.columns.indexOf(part.slice(0, at))], part.slice(at + 1));
        checked++;
      }
    });
  } else {
    // Utilisation: the chart's rows are weekdays, the table's columns; the table's rows are hours.
    expect(table.rows).toHaveLength(24);
    desc.split('; ').forEach((day, weekday) => {
      expect(table.columns[weekday + 1].startsWith(day.slice(0, day.indexOf(': ')))).toBe(true);
      for (const cell of day.slice(day.indexOf(': ') + 2).split(', ')) {
        if (cell === '–') continue;
        const [hour, value] = cell.split(' ');
        expect(table.rows[Number(hour)][0]).toMatch(new RegExp(`^${hour}:00`));
        near(table.rows[Number(hour)][weekday + 1], value);
        checked++;
      }
    });
    expect(table.rows.flat()).toContain('stengt');
  }
  expect(checked, `figures checked in ${name}`).toBeGreaterThan(0);
}
