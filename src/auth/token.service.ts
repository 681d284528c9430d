import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface TokenClaims {
  sub: string;
}

/**
 * Signs and verifies the bearer tokens (HS256). The secret is turned into a KeyObject once: given a
 * string, jsonwebtoken would first try it as a public key and throw, on every request.
 */
export class TokenService {
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly ttl: string,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(claims: TokenClaims): string {
    return jwt.sign(claims, this.key, {
      algorithm: 'HS256',
      expiresIn: this.ttl as jwt.SignOptions['expiresIn'],
    });
  }

  /** The claims of a valid, unexpired token, or null. */
  verify(token: string): TokenClaims | null {
    try {
      const claims = jwt.verify(token, this.key, { algorithms: ['HS256'] });
      return typeof claims === 'object' && typeof claims.sub === 'string' ? { sub: claims.sub } : null;
    } catch {
      return null;
    }
  }
}
