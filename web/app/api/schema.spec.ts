import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('the generated API client', () => {
  it('matches docs/openapi.json (else run npm run openapi)', () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'frirom-schema-')), 'schema.d.ts');
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), 'docs/openapi.json', '-o', fresh],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    const checkedIn = readFileSync(join(__dirname, 'schema.d.ts'), 'utf8');
    expect(checkedIn === readFileSync(fresh, 'utf8')).toBe(true);
  });
});
