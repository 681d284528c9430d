import { loadConfig } from '../config/config';
import { sessionCookieOptions } from './session-cookie';

describe('the session cookie', () => {
  it('is Secure exactly when PUBLIC_URL is https, and lives as long as a token', () => {
    const https = sessionCookieOptions(
      loadConfig({ PUBLIC_URL: 'https://frirom.as.kommune.no', JWT_TTL: '2h' }),
    );
    expect(https).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: true,
      maxAge: 7_200_000,
    });
    expect(sessionCookieOptions(loadConfig({})).secure).toBe(false);
  });
});
