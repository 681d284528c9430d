import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  hkdfSync,
  KeyObject,
  randomBytes,
} from 'node:crypto';
import jwt from 'jsonwebtoken';

export interface TokenClaims {
  sub: string;
  /** The session row the token belongs to; revoking the row ends the token. */
  sid: string;
}

/** Clock skew allowed between processes when reading `iat`. */
const SKEW_SECONDS = 60;

/**
 * Signs and verifies the bearer tokens (HS256). The secret is turned into a KeyObject once: given a
 * string, jsonwebtoken would first try it as a public key and throw, on every request.
 */
export class TokenService {
  private readonly key: KeyObject;
  /** For sealing what is kept but must not be readable from the database alone (an ID token). */
  private readonly sealKey: Buffer;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
    this.sealKey = Buffer.from(hkdfSync('sha256', secret, 'frirom', 'frirom seal v1', 32));
  }

  /** AES-256-GCM under a key derived from the JWT secret: iv.tag.ciphertext, base64url. */
  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
  }

  /** The sealed text, or null when it was sealed under another secret or tampered with. */
  unseal(sealed: string): string | null {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !tag || !body) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  sign(claims: TokenClaims): string {
    return jwt.sign({ sub: claims.sub, sid: claims.sid }, this.key, {
      algorithm: 'HS256',
      expiresIn: this.ttlSeconds,
    });
  }

  /**
   * The claims of a valid token, or null. Beyond the signature, a token must carry `exp`, `iat` and
   * `sid`, and be younger than JWT_TTL whatever its `exp` says: a token signed with a long or no expiry
   * (by an old version, or with a leaked secret) is refused.
   */
  verify(token: string): TokenClaims | null {
    let claims: string | jwt.JwtPayload;
    try {
      claims = jwt.verify(token, this.key, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (typeof claims !== 'object') return null;
    const { sub, sid, exp, iat } = claims as jwt.JwtPayload & { sid?: unknown };
    if (typeof sub !== 'string' || typeof sid !== 'string') return null;
    if (typeof exp !== 'number' || typeof iat !== 'number') return null;
    const now = Date.now() / 1000;
    if (iat > now + SKEW_SECONDS || now > iat + this.ttlSeconds) return null;
    return { sub, sid };
  }
}
