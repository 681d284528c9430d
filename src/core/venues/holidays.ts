import Holidays from 'date-holidays';

/** Norwegian public holidays (the `date-holidays` package, country NO, type public), by local date. */
const byYear = new Map<number, Map<string, string>>();
const calendar = new Holidays('NO');

export function publicHolidays(year: number): Map<string, string> {
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = new Map();
    for (const h of calendar.getHolidays(year)) {
      if (h.type !== 'public') continue;
      const date = h.date.slice(0, 10);
      holidays.set(date, holidays.has(date) ? `${holidays.get(date)} / ${h.name}` : h.name);
    }
    byYear.set(year, holidays);
  }
  return holidays;
}

/** The holiday's name when a local date is a Norwegian public holiday, else null. */
export function publicHoliday(date: string): string | null {
  return publicHolidays(Number(date.slice(0, 4))).get(date) ?? null;
}
