import { SUPPORTED_YEARS } from '../time';

/**
 * What a client is told when a date or instant field is refused, one text per reason. The reasons are the
 * stable names answered in `details[].reason`; the texts may move into a message catalogue.
 */
export const DATE_MESSAGES = {
  invalid_instant: (field: string): string =>
    `${field} must be an ISO 8601 date-time, e.g. 2027-09-07T18:00 or 2027-09-07T18:00:00+02:00`,
  invalid_instant_or_date: (field: string): string =>
    `${field} must be a date YYYY-MM-DD or an ISO 8601 date-time, e.g. 2027-09-07T18:00`,
  invalid_date: (field: string): string => `${field} must be a date YYYY-MM-DD`,
  date_out_of_range: (field: string): string =>
    `${field} must lie in the years ${SUPPORTED_YEARS.first}–${SUPPORTED_YEARS.last}`,
  nonexistent_local_time: (field: string, value: string): string =>
    `${field}: ${value} does not exist in Europe/Oslo: on ${value.slice(0, 10)} the clocks go forward ` +
    'from 02:00 to 03:00',
  reversed_range: (field: string, other: string): string => `${field} must not be before ${other}`,
} as const;
