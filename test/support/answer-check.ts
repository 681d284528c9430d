import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every JSON answer the e2e suite receives is recorded (test/support/http.ts) and, once all files
 * have run, validated against the response schema docs/openapi.json documents for its operation and
 * status (global-teardown.ts). A mismatch fails the run, naming the operation, status and field.
 */
export interface RecordedAnswer {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export const ANSWERS_DIR_ENV = 'FRIROM_ANSWERS_DIR';

export function recordAnswer(answer: RecordedAnswer): void {
  const dir = process.env[ANSWERS_DIR_ENV];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${process.pid}.jsonl`), JSON.stringify(answer) + '\n');
}

export function readAnswers(dir: string): RecordedAnswer[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as RecordedAnswer);
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  literals: number;
  op: any;
}

function routes(document: any): Route[] {
  const out: Route[] = [];
  for (const [template, item] of Object.entries<any>(document.paths)) {
    const pattern = new RegExp('^' + template.replace(/\{\w+\}/g, '[^/]+') + '/?$');
    const literals = template.split('/').filter((s) => s && !s.startsWith('{')).length;
    for (const [method, op] of Object.entries<any>(item))
      out.push({ method, template, pattern, literals, op });
  }
  // A literal segment wins over a parameter: /rooms/search before /rooms/{id}.
  return out.sort((a, b) => b.literals - a.literals);
}

const rewrite = (node: any): any =>
  JSON.parse(JSON.stringify(node).replace(/"#\/components\//g, '"openapi#/components/'));

/** Ajv over the document's components; OAS 3.0's `nullable` is understood, examples are ignored. */
function ajvFor(document: any): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: rewrite(document.components) });
  return ajv;
}

/** A validator for one schema of the document (its $refs resolved against the document). */
export const schemaValidator = (document: any, schema: any): ValidateFunction =>
  ajvFor(document).compile(rewrite(schema));

/** The problems of recorded answers against the document: one line per operation, status and error. */
export function checkAnswers(document: any, answers: RecordedAnswer[]): string[] {
  const ajv = ajvFor(document);
  const compiled = new Map<string, ValidateFunction>();
  const table = routes(document);
  const problems = new Map<string, number>();

  for (const a of answers) {
    const route = table.find((r) => r.method === a.method.toLowerCase() && r.pattern.test(a.path));
    if (!route) continue; // not a documented operation (an unknown route, the docs themselves)
    const where = `${a.method} ${route.template} → ${a.status}`;
    const response = route.op.responses?.[a.status];
    if (!response) {
      problems.set(
        `${where}: status not documented`,
        (problems.get(`${where}: status not documented`) ?? 0) + 1,
      );
      continue;
    }
    const schema = response.content?.['application/json']?.schema;
    if (!schema) continue; // documented without a JSON body (204, text/calendar, text/csv)
    const key = `${route.method} ${route.template} ${a.status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(rewrite(schema));
      compiled.set(key, validate);
    }
    if (!validate(a.body)) {
      const e = validate.errors![0];
      const got =
        e.keyword === 'enum'
          ? ` (got ${JSON.stringify(
              e.instancePath
                .split('/')
                .slice(1)
                .reduce((n: any, k) => n?.[k], a.body),
            )})`
          : '';
      const line = `${where}: ${e.instancePath || '(body)'} ${e.message}${got}`;
      problems.set(line, (problems.get(line) ?? 0) + 1);
    }
  }
  return [...problems].map(([line, n]) => (n > 1 ? `${line} (${n}×)` : line)).sort();
}
