import { describe, expect, it } from '@jest/globals';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it.each([
    ['/min-side', '/min-side'],
    ['/soknad?rom=abc', '/soknad?rom=abc'],
    ['/invitasjon?token=a%20b', '/invitasjon?token=a%20b'],
  ])('keeps the same-site path %s', (given, expected) => {
    expect(safeNext(given)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    'min-side',
    '',
    '/\tx',
  ])('refuses %s and goes to /min-side', (given) => {
    expect(safeNext(given)).toBe('/min-side');
  });

  it('falls back when nothing is given', () => {
    expect(safeNext(null)).toBe('/min-side');
    expect(safeNext(undefined, '/')).toBe('/');
  });
});
