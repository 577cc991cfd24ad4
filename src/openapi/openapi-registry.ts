import type { z } from 'zod';

/**
 * What a feature says about its HTTP routes, for the API document (src/openapi/build-openapi-document.ts).
 * The shapes are OpenAPI 3.1's, except that every schema is a zod schema: the very one the route
 * validates with where it has one, so the document cannot drift from what the service accepts.
 */

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1), as the document carries it. */
export type JsonSchema = { [keyword: string]: unknown };

export interface MediaType {
  schema: z.ZodType;
  example?: unknown;
}

export interface RequestBody {
  description?: string;
  required?: boolean;
  content: Record<string, MediaType>;
}

export interface Response {
  description: string;
  content?: Record<string, MediaType>;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  schema: z.ZodType;
}

/** Scheme name -> scopes; `[]` as an operation's whole `security` says it needs none. */
export type SecurityRequirement = Record<string, string[]>;

/** No credentials: an operation anyone may call. Said explicitly, so no operation is public by omission. */
export const PUBLIC: SecurityRequirement[] = [];

export interface Operation {
  /** Unique in the document: what a generated client names the call. */
  operationId: string;
  summary: string;
  description?: string;
  /** Required, PUBLIC included, unless a gate covers the path: then the gate says it. */
  security?: SecurityRequirement[];
  requestBody?: RequestBody;
  /** Status code -> answer. */
  responses: Record<string, Response>;
}

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type Method = (typeof METHODS)[number];

export type PathItem = { parameters?: Parameter[] } & { [method in Method]?: Operation };

export interface SecurityScheme {
  type: 'http' | 'apiKey';
  scheme?: string;
  name?: string;
  in?: 'header' | 'query' | 'cookie';
  description?: string;
}

/**
 * Which side of a schema zod renders: `output`, what parsing yields, for answers the service sends;
 * `input`, what parsing accepts, for what clients send (a field with a default may be left out, a
 * preprocess is shown by the value it accepts).
 */
export type SchemaIo = 'input' | 'output';

export interface NamedSchema {
  schema: z.ZodType;
  io: SchemaIo;
}

/**
 * What every request under a path prefix passes before any route (a router mounted there with
 * app.use): the credential it needs and what it answers on its own, documented once, as it is
 * mounted once, and added to every operation under the prefix.
 */
export interface Gate {
  security: SecurityRequirement[];
  responses: Record<string, Response>;
}

/** What a feature contributes to the document: its paths, and the named schemas and security schemes they use. */
export type ApiPaths = (registry: ApiRegistry) => void;

/** Collects the contributions; build-openapi-document.ts turns them into the document. */
export class ApiRegistry {
  readonly #paths = new Map<string, PathItem>();
  readonly #schemas = new Map<string, NamedSchema>();
  readonly #securitySchemes = new Map<string, SecurityScheme>();
  readonly #gates = new Map<string, Gate>();

  /**
   * Names `schema` under components/schemas: wherever the same schema object appears in the
   * document, it is a $ref there. Registering the same schema under the same name again is a no-op,
   * so every contribution that uses a shared schema may register it; it returns `schema`.
   */
  schema<T extends z.ZodType>(name: string, schema: T, io: SchemaIo = 'output'): T {
    const existing = this.#schemas.get(name);
    if (existing !== undefined) {
      if (existing.schema !== schema || existing.io !== io) {
        throw new Error(`OpenAPI: two different schemas are named ${name}`);
      }
      return schema;
    }
    for (const [other, named] of this.#schemas) {
      if (named.schema === schema) throw new Error(`OpenAPI: one schema is named both ${other} and ${name}`);
    }
    this.#schemas.set(name, { schema, io });
    return schema;
  }

  /** Idempotent like `schema`; returns the security requirement that names the scheme. */
  securityScheme(name: string, scheme: SecurityScheme): SecurityRequirement[] {
    const existing = this.#securitySchemes.get(name);
    if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(scheme)) {
      throw new Error(`OpenAPI: two different security schemes are named ${name}`);
    }
    this.#securitySchemes.set(name, scheme);
    return [{ [name]: [] }];
  }

  /** Adds the operations of `item` to `path` (OpenAPI syntax: /exposures/{exposureId}); a method twice is an error. */
  path(path: string, item: PathItem): void {
    const existing = this.#paths.get(path) ?? {};
    for (const method of METHODS) {
      if (item[method] !== undefined && existing[method] !== undefined) {
        throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is documented twice`);
      }
    }
    if (item.parameters !== undefined && existing.parameters !== undefined) {
      throw new Error(`OpenAPI: the path parameters of ${path} are given twice`);
    }
    this.#paths.set(path, { ...existing, ...item });
  }

  /** `prefix` ends with a slash: /api/v1/admin/ covers /api/v1/admin/incidents, not /api/v1/administrators. */
  gate(prefix: string, gate: Gate): void {
    if (!prefix.endsWith('/')) throw new Error(`OpenAPI: a gate's prefix ends with a slash: ${prefix}`);
    if (this.#gates.has(prefix)) throw new Error(`OpenAPI: two gates at ${prefix}`);
    this.#gates.set(prefix, gate);
  }

  get gates(): ReadonlyMap<string, Gate> {
    return this.#gates;
  }

  get paths(): ReadonlyMap<string, PathItem> {
    return this.#paths;
  }

  get schemas(): ReadonlyMap<string, NamedSchema> {
    return this.#schemas;
  }

  get securitySchemes(): ReadonlyMap<string, SecurityScheme> {
    return this.#securitySchemes;
  }
}
