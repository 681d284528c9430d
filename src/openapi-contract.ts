import type {
  OpenAPIObject,
  OperationObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ERROR_CODES_EXTENSION } from './common/errors/api-errors';
import { ERROR_STATUS, ErrorCode } from './common/errors/error-codes';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const ERROR_BODY = '#/components/schemas/ErrorBody';

/** One description per tag; a tag without one is an error for the linter (redocly.yaml). */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  auth: 'Registering, signing in and who you are',
  users: 'User accounts and their roles (admin)',
  organisations: 'The register of voluntary organisations, their contacts and verification',
  venues: 'Buildings, rooms, opening hours, closures and availability',
  bookings: 'Booking requests, their occurrences, decisions and conflicts',
  fees: 'Price lists, exemption rules, quotes and simulations of fees',
  seasons: 'Seasons of regular use: applications, allocation and publishing',
  caretaking: "The caretaker's day: occurrences, keys and attendance",
  statistics: 'Usage statistics, reports and the free-use evaluation',
  jobs: 'Background jobs started through the API',
  public: 'Open pages and calendar feeds for anyone, without signing in',
  admin: 'Operations for staff: the outbox and the queues',
  health: 'Liveness and readiness of the service',
};

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Not signed in',
  403: 'Signed in, but not allowed',
  404: 'Not found',
  409: 'Refused by the current state or a conflict',
  413: 'The body is too large',
  415: 'The body is not JSON',
  429: 'Too many attempts',
};

type Operation = OperationObject & {
  'x-public'?: boolean;
  'x-roles'?: string[];
  [ERROR_CODES_EXTENSION]?: ErrorCode[];
};

/** The codes an operation can answer with: derived from its inputs and guards, plus @ApiErrors. */
function errorCodes(op: Operation, method: string): ErrorCode[] {
  const params = (op.parameters ?? []) as { in?: string }[];
  // Any route refuses a path or query holding text PostgreSQL cannot store (json-body.ts).
  const codes = new Set<ErrorCode>(['VALIDATION_FAILED', ...(op[ERROR_CODES_EXTENSION] ?? [])]);
  if (op.requestBody) {
    for (const c of [
      'VALIDATION_FAILED',
      'MALFORMED_JSON',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
    ] as const)
      codes.add(c);
  }
  if (params.some((p) => p.in === 'path')) {
    codes.add('INVALID_ID');
    codes.add('NOT_FOUND');
  }
  if (!op['x-public']) codes.add('UNAUTHENTICATED');
  if (op['x-roles']) codes.add('FORBIDDEN');
  // A change riding on the browser session must come from the service's own pages (auth.guard.ts).
  if (!['get', 'head', 'options'].includes(method)) codes.add('CROSS_SITE_REQUEST');
  return [...codes];
}

const errorResponse = (description: string, codes: ErrorCode[]) => ({
  description: `${description}: ${codes.join(', ')}`,
  content: {
    'application/json': {
      schema: {
        allOf: [
          { $ref: ERROR_BODY },
          { type: 'object', properties: { code: { type: 'string', enum: codes } } },
        ],
      } as SchemaObject,
    },
  },
});

/**
 * Where a value may be null, the schema must admit it under OAS 3.0: `nullable` beside `allOf` does
 * not (anyOf with a null-only schema does), and a nullable `enum` must list null itself.
 */
function admitNull(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(admitNull);
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum = [...(schema.enum as unknown[]), null];
  }
  if (schema.nullable === true && Array.isArray(schema.allOf) && schema.allOf.length === 1) {
    schema.anyOf = [schema.allOf[0], { type: 'object', nullable: true, enum: [null] }];
    delete schema.allOf;
    delete schema.nullable;
    delete schema.type;
  }
  Object.values(schema).forEach(admitNull);
}

/**
 * What the generated document cannot say by itself: every operation's security and error answers
 * (codes grouped by status, each with the ErrorBody shape), the tags' descriptions, and null where a
 * reference may be null.
 */
export function completeContract(document: OpenAPIObject): OpenAPIObject {
  const used = new Set<string>();
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op: Operation | undefined = path[method];
      if (!op) continue;
      op.tags?.forEach((t) => used.add(t));
      op.security = op['x-public'] ? [] : [{ bearer: [] }];
      const byStatus = new Map<number, ErrorCode[]>();
      for (const code of errorCodes(op, method)) {
        const status = ERROR_STATUS[code];
        byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
      }
      for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
        const own = op.responses[status] as { description?: string } | undefined;
        const description =
          own?.description && !own.description.startsWith('Only ') ? own.description : STATUS_TEXT[status];
        op.responses[status] = errorResponse(description ?? 'Refused', codes);
      }
      op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
      delete op[ERROR_CODES_EXTENSION];
    }
  }
  const missing = [...used].filter((t) => !TAG_DESCRIPTIONS[t]);
  if (missing.length > 0) throw new Error(`OpenAPI tags without a description: ${missing.join(', ')}`);
  document.tags = [...used].sort().map((name) => ({ name, description: TAG_DESCRIPTIONS[name] }));
  admitNull(document.components?.schemas);
  return document;
}
