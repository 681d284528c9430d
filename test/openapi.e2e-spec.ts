import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '../src/common/auth/roles';
import { ERROR_STATUS } from '../src/common/errors/error-codes';
import { checkAnswers, schemaValidator } from './support/answer-check';
import { startApp, TestApp } from './support/test-app';

const CHECKED_IN = join(__dirname, '..', 'docs', 'openapi.json');

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: any;
  beforeAll(async () => {
    t = await startApp();
    document = (await t.http.get('/docs-json')).body;
  });
  afterAll(() => t.close());

  it('is served as JSON at /docs-json and as a UI at /docs, without signing in', async () => {
    expect(document.openapi).toMatch(/^3\./);
    const ui = await t.http.get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
  });

  it('declares the bearer scheme and requires it on every route not marked public', () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [path, item] of Object.entries<any>(document.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (op['x-public']) {
          expect({ route: `${method} ${path}`, security: op.security }).toEqual({
            route: `${method} ${path}`,
            security: [],
          });
          continue;
        }
        expect({ route: `${method} ${path}`, security: op.security }).toEqual({
          route: `${method} ${path}`,
          security: [{ bearer: [] }],
        });
        for (const role of op['x-roles'] ?? []) expect(ROLES).toContain(role);
      }
    }
  });

  it("documents every operation's 4xx answers with the error shape and the codes each can give", () => {
    for (const [path, item] of Object.entries<any>(document.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const route = `${method} ${path}`;
        const errors = Object.entries<any>(op.responses).filter(([status]) => /^4\d\d$/.test(status));
        expect({ route, has4xx: errors.length > 0 }).toEqual({ route, has4xx: true });
        for (const [status, response] of errors) {
          const [shape, codes] = response.content['application/json'].schema.allOf;
          expect(shape).toEqual({ $ref: '#/components/schemas/ErrorBody' });
          for (const code of codes.properties.code.enum)
            expect({ route, code, status: ERROR_STATUS[code as keyof typeof ERROR_STATUS] }).toEqual({
              route,
              code,
              status: Number(status),
            });
        }
        if (path.includes('{'))
          expect({ route, has404: '404' in op.responses }).toEqual({ route, has404: true });
        if (op.requestBody) expect({ route, has400: '400' in op.responses }).toEqual({ route, has400: true });
      }
    }
  });

  it('names the service in servers and describes every tag it uses', () => {
    expect(document.servers).toEqual([
      expect.objectContaining({ url: '/', description: expect.any(String) }),
    ]);
    const used = new Set(
      Object.values<any>(document.paths).flatMap((item) => Object.values<any>(item).flatMap((op) => op.tags)),
    );
    expect(document.tags.map((t: any) => t.name).sort()).toEqual([...used].sort());
    for (const tag of document.tags) expect(tag.description).toEqual(expect.any(String));
  });

  it('documents input instants as a pattern that admits a time without offset, and null where null is sent', () => {
    const startsAt = document.components.schemas.CreateBookingRequestDto.properties.startsAt;
    expect(startsAt.format).toBeUndefined();
    for (const value of ['2027-09-07T18:00', '2027-09-07T18:00:00+02:00', '2027-09-07T16:00:00.000Z'])
      expect(schemaValidator(document, startsAt)(value)).toBe(true);
    expect(schemaValidator(document, startsAt)('7 September')).toBe(false);
    const recurrence = document.components.schemas.BookingRequestView.properties.recurrence;
    expect(schemaValidator(document, recurrence)(null)).toBe(true);
    expect(schemaValidator(document, recurrence)('FREQ=WEEKLY')).toBe(false);
  });

  it('fails the run when a recorded answer does not match its documented schema', () => {
    const problems = checkAnswers(document, [
      { method: 'GET', path: '/rooms/6a982508-343b-4d4c-ac60-0aec7dc2290a', status: 200, body: { id: 5 } },
      {
        method: 'GET',
        path: '/rooms/6a982508-343b-4d4c-ac60-0aec7dc2290a',
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND', message: 'Rommet finnes ikke' },
      },
      {
        method: 'GET',
        path: '/rooms/6a982508-343b-4d4c-ac60-0aec7dc2290a',
        status: 409,
        body: { statusCode: 409, code: 'CONFLICT', message: 'x' },
      },
      {
        method: 'GET',
        path: '/rooms/6a982508-343b-4d4c-ac60-0aec7dc2290a',
        status: 404,
        body: { statusCode: 404, code: 'BOOKING_CONFLICT', message: 'x' },
      },
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^GET \/rooms\/\{id\} → 200: \(body\) must have required property/),
      expect.stringMatching(/^GET \/rooms\/\{id\} → 404: \/code must be equal to one of the allowed values/),
      'GET /rooms/{id} → 409: status not documented',
    ]);
  });

  it('is checked in as docs/openapi.json and up to date (npm run openapi refreshes it)', () => {
    const current = JSON.stringify(document, null, 2) + '\n';
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(CHECKED_IN, current);
    expect(readFileSync(CHECKED_IN, 'utf8')).toBe(current);
  });
});
