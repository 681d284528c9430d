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
/** Well-formed but unusable: far past and far future, and a wall time skipped when the clocks go forward. */
export const UNUSABLE_DATES = ['1000-01-01', '1893-06-01', '9999-12-31'];
export const UNUSABLE_INSTANTS = [
  '1000-01-01T10:00',
  '1893-06-01T12:00:00+01:00',
  '9999-12-31T18:00',
  '9999-12-31T23:00:00Z',
  '2027-03-28T02:30',
];

/**
 * Whether a schema is a date or an instant field. By format, or by an example that starts with a date,
 * so the walk still finds them if input instants come to be documented by a pattern.
 */
export function dateKind(document: any, schema: any): 'date' | 'instant' | undefined {
  const s = deref(document, schema);
  if (s.type !== 'string' && s.type !== undefined) return undefined;
  if (s.format === 'date') return 'date';
  if (isInstant(s)) return 'instant';
  if (typeof s.example !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s.example)) return 'date';
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s.example) ? 'instant' : undefined;
}

/** The unusable values for a date or instant field (a date field gets instants too: they are wrong there). */
export function unusableDates(kind: 'date' | 'instant'): string[] {
  return kind === 'date' ? [...UNUSABLE_DATES, '2027-03-28T02:30'] : [...UNUSABLE_INSTANTS, '9999-12-31'];
}

/** Start and end fields of a range, as the API names them. */
const RANGES: [string, string][] = [
  ['from', 'to'],
  ['startsAt', 'endsAt'],
  ['validFrom', 'validTo'],
  ['startsOn', 'endsOn'],
  ['applicationOpensAt', 'applicationDeadline'],
  ['compareFrom', 'compareTo'],
];

/** The ranges among some date fields, each with values whose end is a month before its start. */
export function reversedRanges(
  kinds: Record<string, 'date' | 'instant' | undefined>,
): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const [start, end] of RANGES) {
    if (!kinds[start] || !kinds[end]) continue;
    const at = (date: string, kind: 'date' | 'instant') => (kind === 'date' ? date : `${date}T18:00`);
    out.push({ [start]: at('2027-10-01', kinds[start]), [end]: at('2027-09-01', kinds[end]) });
  }
  return out;
}

/** Wrong values for one field of a schema: wrong types, null, long and odd text, bad dates and numbers. */
export function badValues(document: any, schema: any): unknown[] {
  const s = deref(document, schema);
  const values: unknown[] = [null, LONG, ...ODD_UNICODE.slice(0, 3)];
  switch (s.type) {
    case 'string':
      values.push(12345, true, ['x'], { x: 1 });
      if (dateKind(document, s)) values.push(...BAD_DATES, ...unusableDates(dateKind(document, s)!));
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
  const kinds = Object.fromEntries(
    Object.entries<any>(s.properties ?? {}).map(([k, v]) => [k, dateKind(document, v)]),
  );
  for (const range of reversedRanges(kinds))
    out.push({ label: `reversed ${Object.keys(range).join('/')}`, body: { ...base, ...range } });
  for (const [key, propSchema] of Object.entries<any>(s.properties ?? {})) {
    for (const value of badValues(document, propSchema)) {
      out.push({ label: `${key} = ${describe(value)}`, body: { ...base, [key]: value } });
    }
    const inner = deref(document, propSchema.type === 'array' ? propSchema.items : propSchema);
    if (inner.properties) {
      const innerBase = sample(document, inner) as Record<string, unknown>;
      for (const [innerKey, innerSchema] of Object.entries<any>(inner.properties)) {
        const values = badValues(document, innerSchema);
        const dates = dateKind(document, innerSchema) ? unusableDates(dateKind(document, innerSchema)!) : [];
        for (const value of [...values.slice(0, 6), ...dates]) {
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

/**
 * Unusable dates in a query: every parameter filled with a plausible value, then one date made unusable,
 * or a range reversed, so the request is wrong only in that.
 */
export function badDateQueries(
  document: any,
  params: any[],
): { label: string; query: Record<string, string> }[] {
  const base = Object.fromEntries(params.map((p) => [p.name, String(sample(document, p.schema ?? {}))]));
  const kinds: Record<string, 'date' | 'instant' | undefined> = Object.fromEntries(
    params.map((p) => [p.name, dateKind(document, p.schema ?? {})]),
  );
  const out: { label: string; query: Record<string, string> }[] = [];
  for (const [name, kind] of Object.entries(kinds)) {
    if (!kind) continue;
    for (const value of unusableDates(kind))
      out.push({ label: `?${name}=${value}`, query: { ...base, [name]: value } });
  }
  for (const range of reversedRanges(kinds))
    out.push({ label: `reversed ${Object.keys(range).join('/')}`, query: { ...base, ...range } });
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
