import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '../src/common/auth/roles';
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
        if (op['x-public']) continue;
        expect({ route: `${method} ${path}`, security: op.security }).toEqual({
          route: `${method} ${path}`,
          security: [{ bearer: [] }],
        });
        for (const role of op['x-roles'] ?? []) expect(ROLES).toContain(role);
      }
    }
  });

  it('is checked in as docs/openapi.json and up to date (npm run openapi refreshes it)', () => {
    const current = JSON.stringify(document, null, 2) + '\n';
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(CHECKED_IN, current);
    expect(readFileSync(CHECKED_IN, 'utf8')).toBe(current);
  });
});
