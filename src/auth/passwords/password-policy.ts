import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../../common/errors/domain-error';
import { NORWEGIAN_COMMON_PASSWORDS } from './norwegian-common';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/**
 * The ~49,000 most common passwords of zxcvbn-ts' common list (leaked-password frequency lists), plus
 * the Norwegian favourites it lacks. Compared in lower case.
 */
const COMMON = new Set<string>([...dictionary['passwords-common'], ...NORWEGIAN_COMMON_PASSWORDS]);

export interface PasswordOwner {
  email: string;
  name: string;
}

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * Throws a DomainError naming the first rule a new password breaks. Checked when a password is set
 * (register, POST /users, change, reset), never at sign-in, so older passwords keep working.
 */
export function assertAcceptablePassword(password: string, owner: PasswordOwner): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) {
    throw new DomainError('PASSWORD_TOO_SHORT', `The password must be at least ${PASSWORD_MIN} characters`, {
      reason: 'too_short',
      minLength: PASSWORD_MIN,
    });
  }
  if (length > PASSWORD_MAX) {
    throw new DomainError('PASSWORD_TOO_LONG', `The password must be at most ${PASSWORD_MAX} characters`, {
      reason: 'too_long',
      maxLength: PASSWORD_MAX,
    });
  }
  const folded = fold(password);
  if (COMMON.has(folded)) {
    throw new DomainError(
      'PASSWORD_TOO_COMMON',
      'This password is among the most common ones: choose another',
      {
        reason: 'too_common',
      },
    );
  }
  const email = fold(owner.email);
  const identities = [email, email.split('@')[0], fold(owner.name)].filter((x) => x.length > 0);
  if (identities.includes(folded)) {
    throw new DomainError(
      'PASSWORD_LIKE_IDENTITY',
      'The password may not be your e-mail address or your name',
      { reason: 'like_identity' },
    );
  }
}
