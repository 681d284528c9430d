/**
 * Norwegian favourites that zxcvbn-ts' common list lacks (it has "passord", not "sommer2024"). Seasons
 * and a few words with the years people pick, generated rather than typed out.
 */
const WORDS = ['sommer', 'vinter', 'høst', 'host', 'vår', 'var', 'passord', 'hemmelig', 'norge', 'fotball'];
const YEARS = Array.from({ length: 2040 - 1990 + 1 }, (_, i) => String(1990 + i));
const SUFFIXES = [...YEARS, '123', '1234', '12345', '123456', '!', '1!'];

export const NORWEGIAN_COMMON_PASSWORDS: readonly string[] = [
  ...WORDS.flatMap((w) => SUFFIXES.map((s) => w + s)),
  ...WORDS.flatMap((w) => YEARS.map((y) => `${w}${y}!`)),
  'passordet',
  'mittpassord',
  'passord1234',
  'qwertyuiopå',
  'asdfghjkløæ',
  'hemmeligpassord',
];
