// `npm run openapi`: writes the OpenAPI document to docs/openapi.json (a test checks it is up to date).
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadConfig } from './config/config';
import { createApp } from './create-app';
import { buildOpenApiDocument } from './openapi';

async function main(): Promise<void> {
  const app = await createApp({ ...loadConfig(), logLevel: 'silent' });
  const document = buildOpenApiDocument(app);
  await app.close();
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/openapi.json', JSON.stringify(document, null, 2) + '\n');
  process.stdout.write('docs/openapi.json written\n');
}

void main();
