import { z } from 'zod';
import { apiError } from './openapi-responses';
import {
  ApiRegistry,
  METHODS,
  type ApiPaths,
  type JsonSchema,
  type MediaType,
  type Operation,
  type PathItem,
  type SchemaIo,
  type SecurityScheme,
} from './openapi-registry';

// The schemas are rendered by zod 4's own z.toJSONSchema rather than @asteasolutions/zod-to-openapi:
// - it is zod's converter, so every type and check zod knows comes out as zod means it, and its
//   `io` option renders a request body as a client sends it (`input`: a field with a default may be
//   left out; a preprocess shows the value it feeds on) and an answer as the service sends it
//   (`output`);
// - documentation is plain zod metadata (`.meta({ description, format, ... })`) merged into what was
//   generated, so a preprocessed text can say it also takes a plain string while its per-language
//   limits still come from the schema; zod-to-openapi replaces the generated schema as soon as the
//   metadata names a `type`, and registering components needs its extendZodWithOpenApi, which
//   patches zod's prototype for the whole process;
// - no dependency: what OpenAPI adds around the schemas (paths, components, $refs) is this file.

export interface DocumentHead {
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
}

export interface OpenApiDocument extends DocumentHead {
  openapi: '3.1.0';
  paths: Record<string, JsonSchema>;
  components: { securitySchemes: Record<string, SecurityScheme>; schemas: Record<string, JsonSchema> };
}

const SCHEMA_REF = '#/components/schemas/';

/**
 * The OpenAPI 3.1 document of `contributions` (each feature's paths). The zod schemas in them
 * become JSON Schema; a named one (ApiRegistry.schema) is a component, referenced where it appears.
 */
export function buildOpenApiDocument(head: DocumentHead, contributions: readonly ApiPaths[]): OpenApiDocument {
  const registry = new ApiRegistry();
  registry.schema('Error', apiError);
  for (const contribute of contributions) contribute(registry);
  const items = [...registry.paths].map(([path, item]): [string, PathItem] => [path, throughGates(path, item, registry)]);
  checkOperations(items, registry);

  // Two passes over the paths: the first notes which schemas are used on which side, so that each
  // side is converted in one go (components and $refs resolved together); the second writes them.
  const used: Record<SchemaIo, Set<z.ZodType>> = { input: new Set(), output: new Set() };
  for (const [, item] of items) pathItemJson(item, (schema, io) => (used[io].add(schema), {}));
  const rendered = { input: renderSide('input', registry, used.input), output: renderSide('output', registry, used.output) };
  const paths = Object.fromEntries(
    items.map(([path, item]) => [path, pathItemJson(item, (schema, io) => rendered[io].json(schema))]),
  );

  const schemas: Record<string, JsonSchema> = {};
  for (const [name, named] of registry.schemas) schemas[name] = rendered[named.io].component(name);
  return {
    openapi: '3.1.0',
    ...head,
    paths,
    components: { securitySchemes: Object.fromEntries(registry.securitySchemes), schemas },
  };
}

type Render = (schema: z.ZodType, io: SchemaIo) => JsonSchema;

/** The operations of `item` with what the gate covering `path`, if any, adds to each. */
function throughGates(path: string, item: PathItem, registry: ApiRegistry): PathItem {
  const gates = [...registry.gates].filter(([prefix]) => path.startsWith(prefix));
  if (gates.length > 1) throw new Error(`OpenAPI: ${path} is under more than one gate`);
  const gate = gates[0]?.[1];
  const resolved: PathItem = { ...item };
  for (const method of METHODS) {
    const operation = item[method];
    if (operation === undefined) continue;
    const where = `${method.toUpperCase()} ${path}`;
    if (gate !== undefined && operation.security !== undefined) {
      throw new Error(`OpenAPI: ${where} is behind a gate, which says its security`);
    }
    const security = gate?.security ?? operation.security;
    if (security === undefined) throw new Error(`OpenAPI: ${where} says no security (PUBLIC if it needs none)`);
    for (const status of Object.keys(gate?.responses ?? {})) {
      if (status in operation.responses) throw new Error(`OpenAPI: ${where} and its gate both answer ${status}`);
    }
    // Status codes are integer keys: an object lists them in ascending order whatever the order of assignment.
    resolved[method] = { ...operation, security, responses: { ...operation.responses, ...gate?.responses } };
  }
  return resolved;
}

function pathItemJson(item: PathItem, render: Render): JsonSchema {
  const json: JsonSchema = {};
  if (item.parameters !== undefined) {
    json.parameters = item.parameters.map((parameter) => ({ ...parameter, schema: render(parameter.schema, 'input') }));
  }
  for (const method of METHODS) {
    const operation = item[method];
    if (operation !== undefined) json[method] = operationJson(operation, render);
  }
  return json;
}

function operationJson({ requestBody, responses, ...operation }: Operation, render: Render): JsonSchema {
  return {
    ...operation,
    ...(requestBody && { requestBody: { ...requestBody, content: contentJson(requestBody.content, 'input', render) } }),
    responses: Object.fromEntries(
      Object.entries(responses).map(([status, { content, ...response }]) => [
        status,
        { ...response, ...(content && { content: contentJson(content, 'output', render) }) },
      ]),
    ),
  };
}

function contentJson(content: Record<string, MediaType>, io: SchemaIo, render: Render): JsonSchema {
  return Object.fromEntries(
    Object.entries(content).map(([mediaType, { schema, ...rest }]) => [mediaType, { schema: render(schema, io), ...rest }]),
  );
}

interface RenderedSide {
  /** What stands in the document where `schema` is used: a $ref to its component, or the schema itself. */
  json(schema: z.ZodType): JsonSchema;
  component(name: string): JsonSchema;
}

/** Converts the named schemas of one side and the unnamed ones used on it, together, so that references resolve. */
function renderSide(io: SchemaIo, registry: ApiRegistry, used: ReadonlySet<z.ZodType>): RenderedSide {
  const ids = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  for (const [name, named] of registry.schemas) {
    if (named.io !== io) continue;
    ids.add(named.schema, { id: name });
    names.set(named.schema, name);
  }
  // An unnamed schema gets an id only to be converted with the others; it is written out inline.
  const inline = new Map<z.ZodType, string>();
  for (const schema of used) {
    if (names.has(schema)) continue;
    const id = `inline-${inline.size}`;
    ids.add(schema, { id });
    inline.set(schema, id);
  }
  const { schemas } = z.toJSONSchema(ids, { io, target: 'draft-2020-12', uri: (id) => SCHEMA_REF + id, override: tidy(io) });
  if ('__shared' in schemas) {
    throw new Error('OpenAPI: a schema refers to itself without a name; name it with ApiRegistry.schema');
  }
  const bodies = new Map(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...body }]) => [id, body as JsonSchema]),
  );
  const body = (id: string): JsonSchema => {
    const found = bodies.get(id);
    if (found === undefined) throw new Error(`OpenAPI: no schema was rendered for ${id}`);
    return found;
  };
  return {
    json: (schema) => {
      const name = names.get(schema);
      return name !== undefined ? { $ref: SCHEMA_REF + name } : body(inline.get(schema) ?? '');
    },
    component: body,
  };
}

type Override = NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'];

/** What zod writes that would mislead a reader of the document. */
function tidy(io: SchemaIo): Override {
  return ({ zodSchema, jsonSchema }) => {
    // zod's integers are safe integers: bounds of ±(2^53 - 1) tell a client nothing and clutter every count.
    if (jsonSchema.type === 'integer') {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    }
    // zod's output side closes every object (parsing strips unknown keys), but an answer may gain
    // fields and a client must not reject them. Strict objects (a catchall) keep what they say.
    const def = zodSchema._zod.def as { type: string; catchall?: unknown };
    if (io === 'output' && def.type === 'object' && def.catchall === undefined && jsonSchema.additionalProperties === false) {
      delete jsonSchema.additionalProperties;
    }
  };
}

/** Every operation id once, and every security requirement naming a scheme the document defines. */
function checkOperations(items: readonly [string, PathItem][], registry: ApiRegistry): void {
  const operationIds = new Set<string>();
  for (const [path, item] of items) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      if (operationIds.has(operation.operationId)) {
        throw new Error(`OpenAPI: operationId ${operation.operationId} is used twice`);
      }
      operationIds.add(operation.operationId);
      for (const scheme of (operation.security ?? []).flatMap((requirement) => Object.keys(requirement))) {
        if (!registry.securitySchemes.has(scheme)) {
          throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} names the undefined security scheme ${scheme}`);
        }
      }
    }
  }
}
