import { DomainError } from '../../common/errors/domain-error';
import { assertAcceptablePassword } from './password-policy';

const owner = { email: 'kari.nordmann@ask-il.no', name: 'Kari Nordmann' };
const codeOf = (password: string): string | undefined => {
  try {
    assertAcceptablePassword(password, owner);
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('the password rules', () => {
  it('want 10 to 256 characters, counted as characters, not bytes', () => {
    expect(codeOf('kort-ord1')).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf('ærøå-æøå-1')).toBeUndefined();
    expect(codeOf('x'.repeat(256) + 'y')).toBe('PASSWORD_TOO_LONG');
    expect(codeOf('lang-og-god-'.repeat(21))).toBeUndefined();
  });

  it('refuse the common passwords of the shipped list and the Norwegian favourites, in any case', () => {
    for (const common of [
      'qwertyuiop',
      '1234567890',
      'Sommer2024',
      'passord123',
      'PASSORD1234',
      'vinter2019',
    ]) {
      expect([common, codeOf(common)]).toEqual([common, 'PASSWORD_TOO_COMMON']);
    }
  });

  it('refuse the e-mail address, its local part and the name', () => {
    expect(codeOf('Kari.Nordmann@ask-il.no')).toBe('PASSWORD_LIKE_IDENTITY');
    expect(codeOf('kari.nordmann')).toBe('PASSWORD_LIKE_IDENTITY');
    expect(codeOf('KariNordmann')).toBe('PASSWORD_LIKE_IDENTITY');
    expect(codeOf('kari nordmann')).toBe('PASSWORD_LIKE_IDENTITY');
    expect(codeOf('kari-nordmann-sin-hund')).toBeUndefined();
  });

  it('say which rule failed in details.reason', () => {
    try {
      assertAcceptablePassword('sommer2024', owner);
      throw new Error('not refused');
    } catch (error) {
      expect((error as DomainError).details).toEqual({ reason: 'too_common' });
    }
  });
});
