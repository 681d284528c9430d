import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of a token, hex: what is stored of a mailed single-use link. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * A new random token for a mailed link (256 bits, URL-safe) and its hash. A plain hash suffices: the
 * token is random, not a password, so there is nothing to guess from the hash.
 */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}
