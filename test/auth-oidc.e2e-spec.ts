import { OidcBrowser, throughProvider } from './support/oidc-browser';
import { oidcEnv, startTestProvider, TestProvider } from './support/oidc-provider';
import { startApp, TestApp } from './support/test-app';

const PUBLIC_URL = 'http://localhost:3000'; // PUBLIC_URL's default: the redirect URIs registered below
const PID = '01019012345';

describe('signing in with OpenID Connect (a real provider, oidc-provider, in this process)', () => {
  let t: TestApp;
  let idporten: TestProvider;
  let entra: TestProvider;

  beforeAll(async () => {
    idporten = await startTestProvider({
      publicUrl: PUBLIC_URL,
      name: 'idporten',
      // ID-porten's two levels, and one below them that only a test provider gives.
      acrValues: ['idporten-loa-substantial', 'idporten-loa-high', 'test-loa-low'],
    });
    entra = await startTestProvider({ publicUrl: PUBLIC_URL, name: 'entra', idTokenOnly: ['roles'] });
    t = await startApp({
      env: {
        ...oidcEnv([
          { name: 'idporten', provider: idporten },
          { name: 'entra', provider: entra, rolesClaim: 'roles', displayName: 'Ås kommune (Entra ID)' },
        ]),
        // The real ID-porten has no e-mail scope; this one offers it, so one provider covers both cases.
        OIDC_IDPORTEN_SCOPES: 'openid profile email',
        OIDC_IDPORTEN_ACR_VALUES: 'idporten-loa-substantial',
        // The municipality's own tenant: its addresses count as verified though Entra sends no email_verified.
        OIDC_ENTRA_TRUST_EMAIL: 'true',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([idporten.close(), entra.close()]);
  });

  const browser = () => new OidcBrowser({ [PUBLIC_URL]: t.baseUrl });
  const sessionOf = (b: OidcBrowser) => b.cookie(t.baseUrl, 'frirom_session');
  const me = async (b: OidcBrowser) => {
    const cookie = sessionOf(b);
    return cookie ? t.http.get('/auth/me', { headers: { cookie: `frirom_session=${cookie}` } }) : undefined;
  };
  /** The whole sign-in: to the provider, its login and consent pages, back to frirom's callback. */
  const signIn = async (b: OidcBrowser, provider: string, login: string, next?: string) => {
    const callback = await throughProvider(b, t.baseUrl, provider, login, next);
    const res = await b.request(callback);
    return { res, location: res.headers.get('location'), callback };
  };
  const usersWith = async (email: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]))[0].n;

  it('lists the configured providers and the password mode for the sign-in page', async () => {
    const res = await t.http.get('/auth/oidc/providers');
    expect(res.body).toEqual({
      providers: [
        { name: 'idporten', displayName: 'ID-porten' },
        { name: 'entra', displayName: 'Ås kommune (Entra ID)' },
      ],
      passwordLogin: 'on',
    });
    expect((await t.http.get('/auth/oidc/nobody/login')).status).toBe(404);
  });

  it('sends the browser to the provider with PKCE S256, state and nonce, and keeps them server-side', async () => {
    const b = browser();
    const res = await b.request(`${t.baseUrl}/auth/oidc/idporten/login?neste=/soknad`);
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).toBe(idporten.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: idporten.clientId,
      redirect_uri: `${PUBLIC_URL}/auth/oidc/idporten/callback`,
      response_type: 'code',
      scope: 'openid profile email',
      code_challenge_method: 'S256',
      acr_values: 'idporten-loa-substantial',
    });
    expect(to.searchParams.get('state')).toMatch(/^[\w-]{40,}$/);
    expect(to.searchParams.get('nonce')).toMatch(/^[\w-]{40,}$/);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('frirom_oidc='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // The browser holds a random key only: state, nonce and verifier are not in the cookie.
    expect(setCookie).not.toContain(to.searchParams.get('state'));
  });

  it('makes a new applicant, then signs the same person in again as the same user', async () => {
    idporten.accounts.set('anna', { name: 'Anna Aas', email: 'Anna@x.no', email_verified: true });
    const first = browser();
    const { res, location } = await signIn(first, 'idporten', 'anna', '/soknad?rom=1');
    expect([res.status, location]).toEqual([303, '/soknad?rom=1']);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('frirom_session='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    const who = await me(first);
    // The name and address came from the userinfo endpoint only: the ID token had neither.
    expect(who?.body).toMatchObject({
      email: 'anna@x.no',
      name: 'Anna Aas',
      roles: ['applicant'],
      emailConfirmed: true,
    });

    const again = browser();
    const second = await signIn(again, 'idporten', 'anna');
    expect(second.location).toBe('/min-side');
    expect((await me(again))?.body.id).toBe(who?.body.id);
    expect(await usersWith('anna@x.no')).toBe(1);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM oidc_identities WHERE provider = 'idporten' AND subject = 'anna'`,
    );
    expect(n).toBe(1);
    // Password sign-in is impossible for the new account until a reset sets a password.
    const [{ password_hash }] = await t.dataSource.query(
      `SELECT password_hash FROM users WHERE email = 'anna@x.no'`,
    );
    expect(password_hash).toBeNull();
    const guess = await t.http.post('/auth/login', { email: 'anna@x.no', password: 'frirom-decoy-password' });
    expect([guess.status, guess.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
  });

  it('links the account with the same verified e-mail, and never a merely claimed one', async () => {
    const existing = await t.createUser(['applicant'], { email: 'eksisterende@x.no' });
    idporten.accounts.set('claimer', {
      name: 'Not Verified',
      email: 'eksisterende@x.no',
      email_verified: false,
    });
    const claimed = await signIn(browser(), 'idporten', 'claimer');
    expect(claimed.location).toMatch(/^\/logg-inn\/e-post\?neste=/);

    idporten.accounts.set('owner', {
      name: 'Eksisterende',
      email: 'eksisterende@x.no',
      email_verified: true,
    });
    const b = browser();
    expect((await signIn(b, 'idporten', 'owner')).location).toBe('/min-side');
    expect((await me(b))?.body.id).toBe(existing.user.id);
    expect(await usersWith('eksisterende@x.no')).toBe(1);
    const audit = await t.http.get('/admin/audit', {
      token: (await t.as('admin')).token,
      query: { userId: existing.user.id },
    });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['oidc_linked', 'sign_in']),
    );
    expect(audit.body.items.find((e: { action: string }) => e.action === 'oidc_linked').details).toEqual({
      provider: 'idporten',
      how: 'verified_email',
    });
  });

  it('asks a person ID-porten gives no e-mail for an address, confirms it by mail, and keeps no pid', async () => {
    idporten.accounts.set('pid-person', { pid: PID, name: 'Ola Nordmann' });
    const b = browser();
    const { res, location } = await signIn(b, 'idporten', 'pid-person', '/min-side');
    expect(location).toBe('/logg-inn/e-post?neste=%2Fmin-side');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('frirom_session='))).toBe(false);
    const oidcCookie = `frirom_oidc=${b.cookie(t.baseUrl, 'frirom_oidc')}`;

    const pending = await t.http.get('/auth/oidc/signup', { headers: { cookie: oidcCookie } });
    expect(pending.body).toEqual({
      provider: 'idporten',
      displayName: 'ID-porten',
      needsName: false,
      next: '/min-side',
    });
    expect((await t.http.get('/auth/oidc/signup')).body.code).toBe('OIDC_LOGIN_INVALID');

    await t.createUser(['applicant'], { email: 'opptatt@x.no' });
    const taken = await t.http.post(
      '/auth/oidc/signup',
      { email: 'opptatt@x.no' },
      { headers: { cookie: oidcCookie } },
    );
    expect([taken.status, taken.body.code]).toEqual([409, 'EMAIL_TAKEN']);
    const bad = await t.http.post(
      '/auth/oidc/signup',
      { email: 'nope' },
      { headers: { cookie: oidcCookie } },
    );
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    const done = await t.http.post(
      '/auth/oidc/signup',
      { email: 'ola@x.no' },
      { headers: { cookie: oidcCookie } },
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      next: '/min-side',
      user: { email: 'ola@x.no', name: 'Ola Nordmann', emailConfirmed: false },
    });
    const session = done.headers
      .getSetCookie()
      .find((c) => c.startsWith('frirom_session='))!
      .split(';')[0];
    expect((await t.http.get('/auth/me', { headers: { cookie: session } })).body.email).toBe('ola@x.no');
    // The welcome mail with the confirmation link of registration is on its way.
    const [mail] = await t.dataSource.query(`SELECT kind FROM outbox_messages WHERE to_email = 'ola@x.no'`);
    expect(mail).toEqual({ kind: 'welcome' });
    // The waiting sign-in was used up.
    const reuse = await t.http.post(
      '/auth/oidc/signup',
      { email: 'ola2@x.no' },
      { headers: { cookie: oidcCookie } },
    );
    expect(reuse.body.code).toBe('OIDC_LOGIN_INVALID');

    // Next time ID-porten's sub finds the account directly.
    const again = browser();
    expect((await signIn(again, 'idporten', 'pid-person')).location).toBe('/min-side');
    expect((await me(again))?.body.email).toBe('ola@x.no');

    // The national identity number is nowhere in frirom's tables in clear.
    for (const table of [
      'users',
      'oidc_identities',
      'oidc_logins',
      'audit_events',
      'outbox_messages',
      'sessions',
    ]) {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM ${table} x WHERE x::text LIKE '%' || $1 || '%'`,
        [PID],
      );
      expect([table, n]).toEqual([table, 0]);
    }
  });

  it('sets a staff member’s roles from the provider’s roles claim, and changes them at the next sign-in', async () => {
    entra.accounts.set('kari', {
      name: 'Kari Saksbehandler',
      email: 'kari@as.kommune.no',
      email_verified: true,
      roles: ['staff', 'Global.Admin'],
    });
    const b = browser();
    await signIn(b, 'entra', 'kari');
    const first = await me(b);
    expect(first?.body.roles).toEqual(['staff']);

    entra.accounts.set('kari', { ...entra.accounts.get('kari'), roles: ['analyst', 'caretaker'] });
    const b2 = browser();
    await signIn(b2, 'entra', 'kari');
    const second = await me(b2);
    expect(second?.body).toMatchObject({ id: first?.body.id, roles: ['caretaker', 'analyst'] });
    const [change] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'roles_changed' AND user_id = $1`,
      [first?.body.id],
    );
    expect(change.details).toEqual({ from: ['staff'], to: ['caretaker', 'analyst'], provider: 'entra' });
  });

  it('accepts the level of assurance asked for or a stronger one, and refuses a weaker or missing acr with no session', async () => {
    idporten.accounts.set('minid', { name: 'Mina MinID', email: 'mina@x.no', email_verified: true });
    idporten.accounts.set('bankid', {
      name: 'Bente BankID',
      email: 'bente@x.no',
      email_verified: true,
      acr: 'idporten-loa-high',
    });
    for (const [login, email] of [
      ['minid', 'mina@x.no'],
      ['bankid', 'bente@x.no'],
    ]) {
      const b = browser();
      expect((await signIn(b, 'idporten', login)).location).toBe('/min-side');
      expect((await me(b))?.body.email).toBe(email);
    }

    idporten.accounts.set('weak', {
      name: 'Weak',
      email: 'weak@x.no',
      email_verified: true,
      acr: 'test-loa-low',
    });
    idporten.accounts.set('none', { name: 'None', email: 'none@x.no', email_verified: true, acr: null });
    for (const [login, reason] of [
      ['weak', 'acr_not_accepted'],
      ['none', 'acr_missing'],
    ]) {
      const b = browser();
      const { res, location } = await signIn(b, 'idporten', login);
      expect([res.status, location]).toEqual([
        303,
        '/logg-inn?feil=OIDC_ASSURANCE_TOO_LOW&neste=%2Fmin-side',
      ]);
      expect(res.headers.getSetCookie().some((c) => /^frirom_session=[^;]/.test(c))).toBe(false);
      expect(sessionOf(b)).toBeUndefined();
      const [failure] = await t.dataSource.query(
        `SELECT details FROM audit_events WHERE action = 'sign_in_failed' ORDER BY id DESC LIMIT 1`,
      );
      expect(failure.details).toEqual({
        kind: 'oidc',
        provider: 'idporten',
        reason: `OIDC_ASSURANCE_TOO_LOW:${reason}`,
      });
    }
    // Nobody was made or linked on the way.
    expect(await usersWith('weak@x.no')).toBe(0);
    expect(await usersWith('none@x.no')).toBe(0);
  });

  it('links existing staff by e-mail from a TRUST_EMAIL provider that sends no email_verified, and not from others', async () => {
    const staff = await t.createUser(['staff'], { email: 'per.ansatt@as.kommune.no' });
    // ID-porten is not trusted with e-mail: the same address without email_verified links nothing.
    idporten.accounts.set('not-trusted', { name: 'Per Ansatt', email: 'per.ansatt@as.kommune.no' });
    const untrusted = await signIn(browser(), 'idporten', 'not-trusted');
    expect(untrusted.location).toMatch(/^\/logg-inn\/e-post\?neste=/);
    // Entra ID, trusted: no email_verified at all, and the staff member is linked.
    entra.accounts.set('per-oid', {
      name: 'Per Ansatt',
      email: 'Per.Ansatt@as.kommune.no',
      roles: ['staff'],
    });
    const b = browser();
    expect((await signIn(b, 'entra', 'per-oid')).location).toBe('/min-side');
    expect((await me(b))?.body).toMatchObject({ id: staff.user.id, roles: ['staff'] });
    expect(await usersWith('per.ansatt@as.kommune.no')).toBe(1);
    const [linked] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'oidc_linked' AND user_id = $1`,
      [staff.user.id],
    );
    expect(linked.details).toEqual({ provider: 'entra', how: 'verified_email' });
    // Even a trusted provider is believed when it says the address is not verified.
    await t.createUser(['staff'], { email: 'eva.ansatt@as.kommune.no' });
    entra.accounts.set('eva-oid', {
      name: 'Eva Ansatt',
      email: 'eva.ansatt@as.kommune.no',
      email_verified: false,
      roles: ['staff'],
    });
    expect((await signIn(browser(), 'entra', 'eva-oid')).location).toMatch(/^\/logg-inn\/e-post/);
  });

  it('refuses a forged callback (a state it did not send) with no session, and audits it without the code', async () => {
    idporten.accounts.set('victim', { name: 'Victim', email: 'victim@x.no', email_verified: true });
    const b = browser();
    const callback = await throughProvider(b, t.baseUrl, 'idporten', 'victim');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state-forged-state-forged-state-forged');
    const res = await b.request(forged);
    expect([res.status, res.headers.get('location')]).toEqual([
      303,
      '/logg-inn?feil=OIDC_LOGIN_INVALID&neste=%2Fmin-side',
    ]);
    expect(sessionOf(b)).toBeUndefined();
    expect(await usersWith('victim@x.no')).toBe(0);
    const [failure] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'sign_in_failed' ORDER BY id DESC LIMIT 1`,
    );
    expect(failure.details).toEqual({ kind: 'oidc', provider: 'idporten', reason: 'OIDC_LOGIN_INVALID' });
    const code = callback.searchParams.get('code')!;
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE details::text LIKE '%' || $1 || '%'`,
      [code],
    );
    expect(n).toBe(0);
  });

  it('refuses a replayed callback (the same code and state twice) with no session', async () => {
    idporten.accounts.set('once', { name: 'Once', email: 'once@x.no', email_verified: true });
    const b = browser();
    const callback = await throughProvider(b, t.baseUrl, 'idporten', 'once');
    const key = b.cookie(t.baseUrl, 'frirom_oidc')!;
    const first = await b.request(callback);
    expect(first.headers.get('location')).toBe('/min-side');
    // The browser's cookie was cleared; an attacker replays with the old one, or with none.
    for (const cookie of [`frirom_oidc=${key}`, '']) {
      const replay = await fetch(new OidcBrowser({ [PUBLIC_URL]: t.baseUrl }).resolve(callback), {
        headers: cookie ? { cookie } : {},
        redirect: 'manual',
      });
      expect(replay.headers.get('location')).toMatch(/^\/logg-inn\?feil=OIDC_LOGIN_INVALID/);
      expect(replay.headers.getSetCookie().some((c) => /^frirom_session=[^;]/.test(c))).toBe(false);
    }
  });

  it('sends a person who cancels at the provider back to the sign-in page', async () => {
    const b = browser();
    const login = await b.request(`${t.baseUrl}/auth/oidc/idporten/login`);
    const to = new URL(login.headers.get('location')!);
    const cancelled = new URL(`${PUBLIC_URL}/auth/oidc/idporten/callback`);
    cancelled.searchParams.set('error', 'access_denied');
    cancelled.searchParams.set('state', to.searchParams.get('state')!);
    cancelled.searchParams.set('iss', idporten.issuer);
    const res = await b.request(cancelled);
    expect(res.headers.get('location')).toBe('/logg-inn?feil=OIDC_LOGIN_FAILED&neste=%2Fmin-side');
    expect(sessionOf(b)).toBeUndefined();
  });

  it('ends the provider’s session too at sign-out (RP-initiated logout with id_token_hint)', async () => {
    idporten.accounts.set('leaver', { name: 'Leaver', email: 'leaver@x.no', email_verified: true });
    const b = browser();
    await signIn(b, 'idporten', 'leaver');
    const cookie = `frirom_session=${sessionOf(b)}`;
    const out = await t.http.delete('/auth/session', { headers: { cookie, origin: PUBLIC_URL } });
    expect(out.status).toBe(200);
    const next = new URL(out.body.next);
    expect(next.origin).toBe(idporten.issuer);
    expect(next.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/`);
    expect(next.searchParams.get('id_token_hint')).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await t.http.get('/auth/me', { headers: { cookie } })).status).toBe(401);
    // The provider accepts it: its confirmation page, then back to frirom's front page.
    const page = await b.follow(next);
    const back = await b.submit(page, { logout: 'yes' }, (u) => u.origin === t.baseUrl);
    expect(back.url.href).toBe(`${t.baseUrl}/`);
    // The sealed ID token went with the session.
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM sessions WHERE oidc_id_token_sealed IS NOT NULL AND revoked_at IS NOT NULL`,
    );
    expect(n).toBe(0);
  });
});

describe('private_key_jwt (ID-porten’s recommended client authentication)', () => {
  let t: TestApp;
  const providers: Record<string, TestProvider> = {};

  beforeAll(async () => {
    for (const name of ['pem', 'jwk', 'wrongkey']) {
      providers[name] = await startTestProvider({
        publicUrl: PUBLIC_URL,
        name,
        clientAuth: 'private_key_jwt',
      });
      providers[name].accounts.set('kim', {
        name: 'Kim Nøkkel',
        email: `kim@${name}.no`,
        email_verified: true,
      });
    }
    const other = await startTestProvider({
      publicUrl: PUBLIC_URL,
      name: 'other',
      clientAuth: 'private_key_jwt',
    });
    await other.close();
    t = await startApp({
      env: {
        ...oidcEnv(Object.entries(providers).map(([name, provider]) => ({ name, provider }))),
        // The key as a private JWK (its kid inside) instead of a PEM.
        OIDC_JWK_PRIVATE_KEY: JSON.stringify(providers.jwk.clientKey!.jwk),
        OIDC_JWK_KEY_ID: '',
        // A key the provider does not know for this client.
        OIDC_WRONGKEY_PRIVATE_KEY: other.clientKey!.pem,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await Promise.all(Object.values(providers).map((p) => p.close()));
  });

  it('signs in with a client assertion signed by the key from a PEM or a JWK, and is refused with another key', async () => {
    for (const name of ['pem', 'jwk']) {
      const b = new OidcBrowser({ [PUBLIC_URL]: t.baseUrl });
      const callback = await throughProvider(b, t.baseUrl, name, 'kim');
      const res = await b.request(callback);
      expect([name, res.headers.get('location')]).toEqual([name, '/min-side']);
      const cookie = `frirom_session=${b.cookie(t.baseUrl, 'frirom_session')}`;
      expect((await t.http.get('/auth/me', { headers: { cookie } })).body.email).toBe(`kim@${name}.no`);
    }
    const b = new OidcBrowser({ [PUBLIC_URL]: t.baseUrl });
    const res = await b.request(await throughProvider(b, t.baseUrl, 'wrongkey', 'kim'));
    expect(res.headers.get('location')).toBe('/logg-inn?feil=OIDC_LOGIN_FAILED&neste=%2Fmin-side');
    expect(b.cookie(t.baseUrl, 'frirom_session')).toBeUndefined();
    const [failure] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'sign_in_failed' ORDER BY id DESC LIMIT 1`,
    );
    expect(failure.details).toEqual({
      kind: 'oidc',
      provider: 'wrongkey',
      reason: 'OIDC_LOGIN_FAILED:invalid_client',
    });
  });
});

describe('PASSWORD_LOGIN', () => {
  const modes: Record<string, TestApp> = {};
  beforeAll(async () => {
    modes['staff-only'] = await startApp({ env: { PASSWORD_LOGIN: 'staff-only' } });
    modes.off = await startApp({ env: { PASSWORD_LOGIN: 'off' } });
  });
  afterAll(() => Promise.all(Object.values(modes).map((t) => t.close())));

  it('staff-only: staff still sign in with a password, the public does not, and nobody registers', async () => {
    const t = modes['staff-only'];
    const staff = await t.createUser(['staff']);
    const applicant = await t.createUser(['applicant']);
    const ok = await t.http.post('/auth/session', { email: staff.user.email, password: 'test-password' });
    expect(ok.status).toBe(200);
    for (const path of ['/auth/login', '/auth/session']) {
      const res = await t.http.post(path, { email: applicant.user.email, password: 'test-password' });
      expect([res.status, res.body.code]).toEqual([403, 'PASSWORD_LOGIN_DISABLED']);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const reg = await t.http.post('/auth/register', {
      email: 'ny@x.no',
      name: 'Ny',
      password: 'korrekt-hest-batteri',
    });
    expect([reg.status, reg.body.code]).toEqual([403, 'REGISTRATION_CLOSED']);
    expect((await t.dataSource.query(`SELECT 1 FROM users WHERE email = 'ny@x.no'`)).length).toBe(0);
    expect((await t.http.get('/auth/oidc/providers')).body).toEqual({
      providers: [],
      passwordLogin: 'staff-only',
    });
  });

  it('off: nobody signs in with a password', async () => {
    const t = modes.off;
    const admin = await t.createUser(['admin']);
    const res = await t.http.post('/auth/login', { email: admin.user.email, password: 'test-password' });
    expect([res.status, res.body.code]).toEqual([403, 'PASSWORD_LOGIN_DISABLED']);
    expect((await t.http.get('/auth/oidc/providers')).body.passwordLogin).toBe('off');
  });
});
