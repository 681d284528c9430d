import { readdirSync, readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'fixtures', 'brreg');

/** What a test says the register holds for a number; the rest of the answer is filled in as the register does. */
export interface KnownUnit {
  name: string;
  organisationForm?: string;
  municipalityNumber?: string | null;
  inFrivillighetsregisteret?: boolean;
  website?: string;
  bankrupt?: boolean;
  windingUp?: boolean;
  /** Answer 410 Gone with this slettedato. */
  deletedOn?: string;
}

/**
 * A local Enhetsregisteret for tests: `GET /enheter/{orgnr}` answers from the recorded answers in
 * test/fixtures/brreg (410 for a body with `slettedato`), from what a test said with `know`, 404 for any
 * other number, and never at all for a number a test `stall`s. Every test app gets one, so no test
 * reaches the internet.
 */
export class RegisterStub {
  /** The org numbers asked for, in order. */
  readonly calls: string[] = [];
  private readonly answers = new Map<string, { status: number; body: object }>();
  private readonly stalled = new Set<string>();
  private readonly server: Server;
  url = '';

  constructor() {
    for (const file of readdirSync(FIXTURES).filter((f) => /^\d{9}\.json$/.test(f))) {
      const body = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
      this.answers.set(file.slice(0, 9), {
        status: 'slettedato' in body && !('navn' in body) ? 410 : 200,
        body,
      });
    }
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  /** From now on the register holds this unit (shaped like its real answers). */
  know(orgNumber: string, unit: KnownUnit): void {
    if (unit.deletedOn) {
      this.answers.set(orgNumber, {
        status: 410,
        body: { organisasjonsnummer: orgNumber, slettedato: unit.deletedOn, _links: self(orgNumber) },
      });
      return;
    }
    const address =
      unit.municipalityNumber === null
        ? undefined
        : {
            land: 'Norge',
            landkode: 'NO',
            adresse: ['Testveien 1'],
            kommunenummer: unit.municipalityNumber ?? '3218',
          };
    this.answers.set(orgNumber, {
      status: 200,
      body: {
        organisasjonsnummer: orgNumber,
        navn: unit.name.toUpperCase(),
        organisasjonsform: { kode: unit.organisationForm ?? 'FLI', beskrivelse: 'Forening/lag/innretning' },
        ...(unit.website ? { hjemmeside: unit.website } : {}),
        ...(address ? { forretningsadresse: address } : {}),
        registreringsdatoEnhetsregisteret: '2010-01-01',
        registrertIMvaregisteret: false,
        registrertIForetaksregisteret: false,
        registrertIStiftelsesregisteret: false,
        registrertIFrivillighetsregisteret: unit.inFrivillighetsregisteret ?? true,
        konkurs: unit.bankrupt ?? false,
        underAvvikling: unit.windingUp ?? false,
        underTvangsavviklingEllerTvangsopplosning: false,
        maalform: 'Bokmål',
        _links: self(orgNumber),
      },
    });
  }

  forget(orgNumber: string): void {
    this.answers.delete(orgNumber);
  }

  /** Requests for this number are accepted and never answered (the client's timeout must end them). */
  stall(orgNumber: string): void {
    this.stalled.add(orgNumber);
  }

  unstall(orgNumber: string): void {
    this.stalled.delete(orgNumber);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const match = /^\/enheter\/(\d{9})$/.exec(req.url ?? '');
    if (req.method !== 'GET' || !match) return void res.writeHead(400).end();
    const orgNumber = match[1];
    this.calls.push(orgNumber);
    if (this.stalled.has(orgNumber)) return;
    const answer = this.answers.get(orgNumber);
    // The register's 404 carries an error body; frirom reads only the status.
    const { status, body } = answer ?? {
      status: 404,
      body: { timestamp: new Date().toISOString(), status: 404, error: 'Not Found', path: req.url },
    };
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

const self = (orgNumber: string): object => ({
  self: { href: `https://data.brreg.no/enhetsregisteret/api/enheter/${orgNumber}` },
});
