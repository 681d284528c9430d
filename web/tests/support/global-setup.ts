import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, dropDatabase } from '../../../test/support/db';
import { oidcEnv, startTestProvider } from '../../../test/support/oidc-provider';

const ROOT = join(__dirname, '..', '..', '..');

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The real service as `npm start` runs it (dist/src/main.js, so `npm run build` first), on a fresh
 * database it creates, migrates and fills with the Ås demo, on a free port, with the worker beside it;
 * mails go to a temp folder.
 * The tests read its address from FRIROM_WEB_URL. Stopped, and its database dropped, after the run.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = await freePort();
  const database = `frirom_pw_${process.pid}_${Date.now()}`;
  const mailDir = mkdtempSync(join(tmpdir(), 'frirom-pw-mail-'));
  const url = `http://127.0.0.1:${port}`;
  // Real OpenID providers (oidc-provider) in this process: "ID-porten" for the public, with ID-porten's
  // levels of assurance, and the municipality's "Entra ID" for staff (roles in the ID token only, as
  // Entra sends them); their login pages in the browser. Specs change Entra's people over HTTP.
  const idporten = await startTestProvider({
    publicUrl: url,
    name: 'idporten',
    acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
  });
  idporten.accounts.set('pw-ny-soker', {
    name: 'Nora Nettleser',
    email: 'nora@pw.frirom.no',
    email_verified: true,
  });
  idporten.accounts.set('pw-uten-epost', { pid: '01019012345', name: 'Per Personnummer' });
  idporten.accounts.set('pw-igjen', { pid: '02029012345', name: 'Ida Igjen', acr: 'idporten-loa-high' });
  idporten.accounts.set('pw-gjenbruk', {
    name: 'Geir Gjenbruk',
    email: 'geir@pw.frirom.no',
    email_verified: true,
  });
  // Signs in with no level of assurance at all: frirom asks for substantial, so it is refused.
  idporten.accounts.set('pw-uten-niva', { name: 'Nils Nivå', email: 'nils@pw.frirom.no', acr: null });
  const entra = await startTestProvider({
    publicUrl: url,
    name: 'entra',
    idTokenOnly: ['roles'],
    remoteAccounts: true,
  });
  process.env.FRIROM_WEB_ENTRA_URL = entra.issuer;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: databaseUrl(database),
    REDIS_PREFIX: database,
    SEED_DEMO: 'true',
    MAIL_DIR: mailDir,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: url,
    ...oidcEnv([
      { name: 'idporten', provider: idporten },
      { name: 'entra', provider: entra, rolesClaim: 'roles' },
    ]),
    // The test provider offers e-mail (the real ID-porten does not), so one provider covers both cases.
    OIDC_IDPORTEN_SCOPES: 'openid profile email',
    OIDC_IDPORTEN_ACR_VALUES: 'idporten-loa-substantial',
    OIDC_ENTRA_TRUST_EMAIL: 'true',
  };
  const api = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // The worker too, as `npm start` runs it: jobs such as a season's allocation run there.
  const worker = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'worker.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (api.exitCode !== null)
      throw new Error(`dist/src/main.js stopped (${api.exitCode}); run npm run build`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('The service did not answer /health within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  process.env.FRIROM_WEB_URL = url;
  // For specs that must set up what the API refuses on purpose (a booking that has already started).
  process.env.FRIROM_WEB_DATABASE_URL = databaseUrl(database);
  return async () => {
    const stopped = [api, worker].map((p) =>
      p.exitCode === null ? new Promise((r) => p.once('exit', r)) : Promise.resolve(),
    );
    api.kill('SIGTERM');
    worker.kill('SIGTERM');
    await Promise.all(stopped);
    await Promise.all([idporten.close(), entra.close()]);
    await dropDatabase(database);
    rmSync(mailDir, { recursive: true, force: true });
  };
}
