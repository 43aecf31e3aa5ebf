import { readFileSync } from 'node:fs';
import addFormats from 'ajv-formats';
import OpenAPIBackend from 'openapi-backend';

/**
 * Validates every JSON response against Twilio's own OpenAPI description of its product (Conversations
 * v1 or Content v1, by the request's host), with
 * openapi-backend (Ajv underneath). On top of the schema check, which allows extra fields and missing
 * ones, we require the object's keys to be exactly the schema's properties: Twilio answers every field,
 * null when empty, and nothing else.
 */
const SPEC_FILES: Readonly<Record<string, string>> = {
  'conversations.twilio.com': 'twilio_conversations_v1.json',
  'content.twilio.com': 'twilio_content_v1.json',
};

/** Whether responses of this Twilio host are checked against a vendored spec. */
export const hasSpec = (hostname: string): boolean => hostname in SPEC_FILES;

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; $ref?: string };
type Spec = { components: { schemas: Record<string, Schema> } };

const loading = new Map<string, Promise<{ api: OpenAPIBackend; spec: Spec }>>();

const load = (file: string) => {
  const cached = loading.get(file);
  if (cached) return cached;
  const loaded = (async () => {
    const spec = JSON.parse(readFileSync(new URL(`../../spec/${file}`, import.meta.url), 'utf8')) as Spec;
    // Ajv refuses OpenAPI's `nullable` without a `type` (e.g. `timers`, `delivery`); such a schema
    // accepts any value already, so the keyword is dropped. Validators compile lazily (`quick`), per
    // operation on first use, which keeps suite start-up fast.
    const definition = dropUntypedNullable(structuredClone(spec));
    const api = new OpenAPIBackend({
      definition: definition as never,
      quick: true,
      strict: true,
      validate: true,
      ajvOpts: { strict: false },
      // Check `date-time` and `uri` strictly; `uri-map` is Twilio's name for an object of URLs.
      customizeAjv: (ajv) => {
        addFormats(ajv as never, ['date-time', 'uri']);
        ajv.addFormat('uri-map', true);
        return ajv;
      },
    });
    await api.init();
    return { api, spec };
  })();
  loading.set(file, loaded);
  return loaded;
};

const dropUntypedNullable = <T>(node: T): T => {
  if (Array.isArray(node)) node.forEach(dropUntypedNullable);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.nullable === true && o.type === undefined && o.$ref === undefined) delete o.nullable;
    Object.values(o).forEach(dropUntypedNullable);
  }
  return node;
};

const resolve = (s: Schema, root: Spec): Schema =>
  s.$ref ? (root.components.schemas[s.$ref.split('/').pop() ?? ''] ?? {}) : s;

/** Keys of `body` missing from, or unknown to, `schema` (one level: resource objects). */
const keyMismatch = (body: unknown, schema: Schema, root: Spec): string[] => {
  const resolved = resolve(schema, root);
  if (!resolved.properties || typeof body !== 'object' || body === null) return [];
  const expected = Object.keys(resolved.properties);
  const actual = Object.keys(body);
  return [
    ...expected.filter((k) => !actual.includes(k)).map((k) => `missing field '${k}'`),
    ...actual.filter((k) => !expected.includes(k)).map((k) => `unexpected field '${k}'`),
  ];
};

export type ValidationOutcome = { operationId: string; errors: string[] };

export const validateTwilioResponse = async (
  method: string,
  url: string,
  status: number,
  body: unknown,
): Promise<ValidationOutcome> => {
  const { hostname, pathname: path } = new URL(url);
  const { api: backend, spec: root } = await load(SPEC_FILES[hostname] ?? 'twilio_conversations_v1.json');
  const operation = backend.matchOperation({ method: method.toLowerCase(), path, headers: {} });
  if (!operation) return { operationId: '(none)', errors: [`no operation in the spec for ${method.toUpperCase()} ${path}`] };
  const operationId = operation.operationId ?? '(anonymous)';
  if (status >= 400) {
    const e = body as Record<string, unknown>;
    const shape = ['code', 'message', 'more_info', 'status'].filter((k) => !(k in e));
    return { operationId, errors: shape.map((k) => `error response lacks '${k}'`) };
  }
  if (status === 204) return { operationId, errors: [] };
  const result = backend.validateResponse(body, operation, status);
  const errors = (result.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  const responseSchema = (operation.responses?.[String(status)] as { content?: Record<string, { schema?: Schema }> } | undefined)
    ?.content?.['application/json']?.schema;
  if (responseSchema) {
    const resolved = resolve(responseSchema, root);
    if (resolved.properties?.meta) {
      const key = (body as { meta?: { key?: string } }).meta?.key ?? '';
      const itemSchema = resolved.properties[key]?.items;
      const items = (body as Record<string, unknown[]>)[key] ?? [];
      if (!itemSchema) errors.push(`meta.key '${key}' is not a list in the spec`);
      else for (const item of items) errors.push(...keyMismatch(item, itemSchema, root));
    } else {
      errors.push(...keyMismatch(body, responseSchema, root));
    }
  }
  return { operationId, errors: [...new Set(errors)] };
};
