import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const read = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(join(__dirname, `${lang}.json`), 'utf8')) as Record<string, string>;

describe('the message catalogues', () => {
  const nb = read('nb');
  const en = read('en');

  it('have the same keys in bokmål and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
  });

  it('have no empty message, and the same {placeholders} in both', () => {
    for (const key of Object.keys(nb)) {
      expect([key, nb[key].trim().length > 0, (en[key] ?? '').trim().length > 0]).toEqual([key, true, true]);
      const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect([key, vars(en[key] ?? '')]).toEqual([key, vars(nb[key])]);
    }
  });
});
