import { startTestService, type TestService } from '../support/test-app';

interface Operation {
  security?: unknown;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, unknown>;
}

describe('hashed-list endpoints in the OpenAPI document', () => {
  let service: TestService;
  let item: Record<string, Operation> | undefined;
  beforeAll(async () => {
    service = await startTestService({ store: 'memory' });
    const paths = service.runtime.apiDocument.paths as unknown as Record<string, Record<string, Operation>>;
    item = paths['/api/v1/admin/exposures/{exposureId}/list'];
  });
  afterAll(async () => {
    await service.close();
  });

  it('when read, then PUT takes a text/plain list file and lists its outcomes, behind the bearer token', () => {
    const put = item?.put;

    expect(put?.security).toEqual([{ adminToken: [] }]);
    expect(Object.keys(put?.requestBody?.content ?? {})).toEqual(['text/plain']);
    expect(Object.keys(put?.responses ?? {}).sort()).toEqual(['200', '400', '401', '403', '404', '408', '409', '415', '503']);
  });

  it('when read, then DELETE erases the list, behind the bearer token', () => {
    const del = item?.delete;

    expect(del?.security).toEqual([{ adminToken: [] }]);
    expect(Object.keys(del?.responses ?? {}).sort()).toEqual(['204', '401', '403', '404', '503']);
  });
});
