import request from 'supertest';
import { DATA_CLASSES } from '../../src/catalog/data-classes';
import { startTestService, type TestService } from '../support/test-app';
import { uniquePrefix } from '../support/test-redis';
import { ADMIN_TOKEN, admin } from './admin-fixtures';

type Method = 'get' | 'post' | 'patch' | 'delete';
const METHODS: Method[] = ['get', 'post', 'patch', 'delete'];

interface Operation {
  security?: Record<string, string[]>[];
}

describe('admin API in the OpenAPI document', () => {
  let service: TestService;
  let document: {
    paths: Record<string, Partial<Record<Method, Operation>>>;
    components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
  };

  beforeAll(async () => {
    service = await startTestService({
      store: 'shared',
      prefix: uniquePrefix('admin-openapi'),
      env: { ADMIN_API_TOKEN: ADMIN_TOKEN },
    });
    document = (await request(service.app).get('/api/v1/openapi.json')).body;
  });
  afterAll(async () => {
    await service.close();
  });

  function adminOperations(): [Method, string][] {
    return Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/admin/'))
      .flatMap(([path, item]) => METHODS.filter((method) => item[method] !== undefined).map((method): [Method, string] => [method, path]));
  }

  it('when read, then it documents every admin catalogue route', () => {
    expect(adminOperations()).toEqual(
      expect.arrayContaining([
        ['get', '/api/v1/admin/incidents'],
        ['post', '/api/v1/admin/incidents'],
        ['get', '/api/v1/admin/incidents/{incidentId}'],
        ['patch', '/api/v1/admin/incidents/{incidentId}'],
        ['delete', '/api/v1/admin/incidents/{incidentId}'],
        ['get', '/api/v1/admin/incidents/{incidentId}/exposures'],
        ['post', '/api/v1/admin/incidents/{incidentId}/exposures'],
        ['get', '/api/v1/admin/exposures/{exposureId}'],
        ['patch', '/api/v1/admin/exposures/{exposureId}'],
        ['delete', '/api/v1/admin/exposures/{exposureId}'],
        ['post', '/api/v1/admin/exposures/{exposureId}/publish'],
        ['post', '/api/v1/admin/exposures/{exposureId}/unpublish'],
      ]),
    );
  });

  it('when read, then every admin operation requires the bearer token scheme', () => {
    expect(document.components.securitySchemes.adminToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [method, path] of adminOperations()) {
      expect([method, path, document.paths[path]?.[method]?.security]).toEqual([method, path, [{ adminToken: [] }]]);
    }
  });

  it('when read, then the data class codes it lists are exactly the ones the API accepts', () => {
    const schema = document.components.schemas.ExposureInput as {
      properties: { dataExposed: { items: { enum: string[] } } };
    };
    expect(schema.properties.dataExposed.items.enum).toEqual(Object.keys(DATA_CLASSES));
  });

  it('when each documented admin operation is called, then it exists and is behind the token', async () => {
    for (const [method, path] of adminOperations()) {
      const url = path.replace('{incidentId}', 'no-such-incident').replace('{exposureId}', 'no-such-exposure');
      const anonymous = await request(service.app)[method](url);
      const authorized = await admin(service.app)[method](url, {});

      expect([method, path, anonymous.status]).toEqual([method, path, 401]);
      // The catch-all 404 says "nothing at this address"; a real route says what it did not find.
      expect([method, path, authorized.body.error?.message]).not.toEqual([method, path, 'There is nothing at this address.']);
    }
  });
});

describe('incident contacts and stated counts in the OpenAPI document', () => {
  let service: TestService;
  let schemas: Record<string, { properties?: Record<string, { properties?: Record<string, unknown>; enum?: string[] }> }>;

  beforeAll(async () => {
    service = await startTestService({ store: 'memory' });
    schemas = (await request(service.app).get('/api/v1/openapi.json')).body.components.schemas;
  });
  afterAll(async () => {
    await service.close();
  });

  it('when read, then the incident input and every incident answer document the four contact parts', () => {
    const incidentSchemas = Object.entries(schemas).filter(([name]) => /Incident/.test(name));
    expect(incidentSchemas.map(([name]) => name)).toEqual(expect.arrayContaining(['IncidentInput']));
    for (const [name, schema] of incidentSchemas) {
      if (schema.properties?.organization === undefined) continue;
      expect([name, Object.keys(schema.properties.contacts?.properties ?? {})]).toEqual([
        name,
        ['phone', 'hours', 'formUrl', 'announcementUrl'],
      ]);
    }
  });

  it('when read, then the exposure input documents the three ways a count is stated', () => {
    expect(schemas.ExposureInput?.properties?.affectedCountQualifier?.enum).toEqual(['exactly', 'about', 'upTo']);
  });
});
