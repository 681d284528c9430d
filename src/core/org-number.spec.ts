import { isValidOrgNumber, normalizeOrgNumber } from './org-number';

describe('organisation numbers (MOD11)', () => {
  it.each([
    '974760673', // Brønnøysundregistrene
    '987654325',
    '111111111',
    '300000002',
  ])('accepts %s', (n) => expect(isValidOrgNumber(n)).toBe(true));

  it.each([
    ['974760672', 'wrong check digit'],
    ['12345678', 'eight digits'],
    ['1234567890', 'ten digits'],
    ['12345678a', 'a letter'],
    ['123456700', 'remainder gives check digit 10'],
    ['400000000', 'remainder gives check digit 10, last digit 0'],
  ])('refuses %s (%s)', (n) => expect(isValidOrgNumber(n)).toBe(false));

  it('reads numbers written with spaces', () => {
    expect(normalizeOrgNumber('974 760 673')).toBe('974760673');
  });
});
