import { randomUUID } from 'node:crypto';

/** Reading an OpenAPI document to call every route in it, and to make malformed versions of each call. */
export interface Operation {
  method: string;
  path: string;
  op: any;
  isPublic: boolean;
  roles?: string[];
  pathParams: string[];
  queryParams: any[];
  bodySchema?: any;
}

export function operations(document: any): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const params = (op.parameters ?? []) as any[];
      out.push({
        method: method.toUpperCase(),
        path,
        op,
        isPublic: op['x-public'] === true,
        roles: op['x-roles'],
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query'),
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return out;
}

export function deref(document: any, schema: any): any {
  let s = schema;
  for (let i = 0; s?.$ref && i < 20; i++) {
    s = s.$ref
      .replace('#/', '')
      .split('/')
      .reduce((node: any, key: string) => node[key], document);
  }
  if (s?.allOf) return s.allOf.reduce((acc: any, part: any) => mergeSchemas(acc, deref(document, part)), {});
  return s ?? {};
}

function mergeSchemas(a: any, b: any): any {
  return {
    ...a,
    ...b,
    properties: { ...a.properties, ...b.properties },
    required: [...(a.required ?? []), ...(b.required ?? [])],
  };
}

/** An instant: `format: date-time` on answers, a documented pattern on inputs (offset optional). */
export const isInstant = (s: any): boolean =>
  s.format === 'date-time' || (typeof s.pattern === 'string' && s.pattern.includes('T\\d{2}:'));

/** A plausible value for a schema: its example, its first enum value, or one made from its type. */
export function sample(document: any, schema: any, depth = 0): unknown {
  const s = deref(document, schema);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  if (s.oneOf ?? s.anyOf) return sample(document, (s.oneOf ?? s.anyOf)[0], depth);
  switch (s.type) {
    case 'string':
      if (isInstant(s)) return '2027-09-07T18:00:00+02:00';
      if (s.format === 'date') return '2027-09-07';
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'email') return 'robust@example.no';
      return 'text';
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 3 ? [] : [sample(document, s.items, depth + 1)];
    default: {
      if (depth > 3 || !s.properties) return {};
      return Object.fromEntries(
        Object.entries<any>(s.properties).map(([k, v]) => [k, sample(document, v, depth + 1)]),
      );
    }
  }
}

const LONG = 'x'.repeat(10_000);
const ODD_UNICODE = [
  '\u0000',
  '\ud800',
  'a\u202Eb',
  '\uFEFF',
  'é'.normalize('NFD'),
  '🏳️‍🌈'.repeat(50),
  '\u200B',
];
const BAD_DATES = ['2027-02-30', '2027-13-01T25:61:00', 'tomorrow', '0000-00-00', '+275760-09-13T00:00:00Z'];

/** Wrong values for one field of a schema: wrong types, null, long and odd text, bad dates and numbers. */
export function badValues(document: any, schema: any): unknown[] {
  const s = deref(document, schema);
  const values: unknown[] = [null, LONG, ...ODD_UNICODE.slice(0, 3)];
  switch (s.type) {
    case 'string':
      values.push(12345, true, ['x'], { x: 1 });
      if (isInstant(s) || s.format === 'date') values.push(...BAD_DATES);
      if (s.format === 'uuid') values.push('not-a-uuid', '00000000-0000-0000-0000-00000000000g');
      break;
    case 'integer':
    case 'number':
      values.push('abc', -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, '12');
      break;
    case 'boolean':
      values.push('yes', 0, 'true');
      break;
    case 'array':
      values.push(
        { a: 1 },
        'text',
        [null],
        Array.from({ length: 2_000 }, () => 'x'),
      );
      break;
    default:
      values.push('text', 12, [], []);
  }
  return values;
}

/** Malformed bodies: not objects, empty, an unknown field, and each field (to depth 2) made wrong. */
export interface BadBody {
  label: string;
  body?: unknown;
  raw?: string;
  /** Must answer 400 whatever the path: an unknown field is refused before any handler runs. */
  refused?: boolean;
}

/** Field names every plain object answers to through its prototype; unknown like any other. */
export const PROTOTYPE_NAMES = ['constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

export function badBodies(document: any, schema: any): BadBody[] {
  const base = sample(document, schema) as Record<string, unknown>;
  const out: BadBody[] = [
    { label: 'array body', body: [] },
    { label: 'string body', body: 'text' },
    { label: 'number body', body: 42 },
    { label: 'null body', raw: 'null' },
    { label: 'empty object', body: {} },
    { label: 'unknown field', body: { ...base, notAField: 1 }, refused: true },
    ...PROTOTYPE_NAMES.map((name) => ({
      label: `field named ${name}`,
      raw: JSON.stringify(base).replace(/^\{/, `{"${name}":"x",`),
      refused: true,
    })),
    {
      label: 'prototype pollution',
      raw: JSON.stringify(base).replace(/^\{/, '{"__proto__":{"admin":true},'),
    },
  ];
  const s = deref(document, schema);
  for (const [key, propSchema] of Object.entries<any>(s.properties ?? {})) {
    for (const value of badValues(document, propSchema)) {
      out.push({ label: `${key} = ${describe(value)}`, body: { ...base, [key]: value } });
    }
    const inner = deref(document, propSchema.type === 'array' ? propSchema.items : propSchema);
    if (inner.properties) {
      const innerBase = sample(document, inner) as Record<string, unknown>;
      for (const [innerKey, innerSchema] of Object.entries<any>(inner.properties)) {
        for (const value of badValues(document, innerSchema).slice(0, 6)) {
          const nested = { ...innerBase, [innerKey]: value };
          out.push({
            label: `${key}.${innerKey} = ${describe(value)}`,
            body: { ...base, [key]: propSchema.type === 'array' ? [nested] : nested },
          });
        }
      }
    }
  }
  return out;
}

export const BAD_PATH_VALUES = ['not-a-uuid', '%00', '..%2F..%2Fetc', 'x'.repeat(300), '123', "1' OR '1'='1"];
export const BAD_QUERY_VALUES = ['abc', '-1', '1e309', '2027-02-30', LONG, '[]', '%00', 'null', ' '];

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function fillPath(path: string, values: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? randomUUID());
}
