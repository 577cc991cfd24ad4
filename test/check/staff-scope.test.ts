import { startTestService, type TestService } from '../support/test-app';

const LISTED = 'taro.yamada@example.jp';
const CATALOG = 'porsche-japan-2018-catalog';

describe('when staff check an address, compared with a customer', () => {
  let service: TestService;

  beforeEach(async () => {
    // Demo mode: the seeded catalogue, with LISTED in the catalog-request list.
    service = await startTestService({ store: 'memory' });
  });
  afterEach(() => service.close());

  it('then a sensitive exposure answers for staff only, with every field of it and of its incident', async () => {
    await service.runtime.catalog.admin.updateExposure(CATALOG, { sensitive: true });

    const customer = await service.runtime.check.service.check(LISTED);
    const staff = await service.runtime.check.service.checkForStaff(LISTED);

    expect(customer.exposures.map(({ id }) => id)).not.toContain(CATALOG);
    expect(customer.checked.map(({ id }) => id)).not.toContain(CATALOG);
    expect(staff.affected).toBe(true);
    const [match] = staff.exposures;
    expect(match?.exposure).toMatchObject({ id: CATALOG, sensitive: true, published: true });
    expect(match?.incident.id).toBe(match?.exposure.incidentId);
    expect(match?.incident.createdAt).toEqual(expect.any(String));
    expect(staff.checked.map(({ exposure }) => exposure.id)).toContain(CATALOG);
  });

  it('then an unpublished exposure answers for no one', async () => {
    await service.runtime.catalog.admin.setPublished(CATALOG, false);

    const staff = await service.runtime.check.service.checkForStaff(LISTED);

    expect(staff.exposures.map(({ exposure }) => exposure.id)).not.toContain(CATALOG);
    expect(staff.checked.map(({ exposure }) => exposure.id)).not.toContain(CATALOG);
  });

  it('then both see the same matches for an ordinary published exposure, and a miss is a miss for both', async () => {
    const customer = await service.runtime.check.service.check(LISTED);
    const staff = await service.runtime.check.service.checkForStaff(LISTED);
    const staffMiss = await service.runtime.check.service.checkForStaff('not.listed@example.com');

    expect(staff.exposures.map(({ exposure }) => exposure.id)).toEqual(customer.exposures.map(({ id }) => id));
    expect(staffMiss.affected).toBe(false);
    expect(staffMiss.checked.length).toBe(customer.checked.length);
    expect(staffMiss.notCheckableByEmail.map(({ exposure }) => exposure.id)).toEqual(
      customer.notCheckableByEmail.map(({ id }) => id),
    );
  });
});
