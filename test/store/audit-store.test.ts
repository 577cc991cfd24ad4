import type { AuditEntry } from '../../src/audit/audit-event';
import { MemoryAuditStore } from '../../src/audit/memory-audit-store';
import { RedisAuditStore } from '../../src/audit/redis-audit-store';
import { describeAuditStoreContract } from './audit-store-contract';
import { inMemory, onRedis, onRedisCluster } from './store-backends';

describeAuditStoreContract('memory', inMemory(() => new MemoryAuditStore()));
describeAuditStoreContract('redis', onRedis('audit', (redis, prefix) => new RedisAuditStore(redis, prefix)));
describeAuditStoreContract('redis cluster', onRedisCluster('audit', (redis, prefix) => new RedisAuditStore(redis, prefix)));

const check = (ticketRef: string): AuditEntry => ({
  actor: { kind: 'staff', staffId: 'st-support-1', username: 'sato.support', role: 'support' },
  action: 'support.check',
  ticketRef,
  matchedExposureIds: [],
});

// Redis's clock cannot be held still from a test; the memory store's can.
describe('memory audit store on a clock of its own', () => {
  it('when the memory clock stands still, then events of one millisecond get rising sequence numbers', async () => {
    const at = new Date('2026-11-21T09:00:00.000Z');
    const store = new MemoryAuditStore(() => at);
    const first = await store.append(check('SAME-1'));
    const second = await store.append(check('SAME-2'));

    expect([first.id, second.id]).toEqual([`${at.getTime()}-0`, `${at.getTime()}-1`]);
    expect(second.at).toBe('2026-11-21T09:00:00.000Z');
    expect((await store.newestFirst({ before: second.id, count: 10 })).map((event) => event.id)).toEqual([first.id]);
  });

  it('when the memory clock goes back, then the next id still sorts last, in the millisecond of the one before (as XADD does)', async () => {
    let now = new Date('2026-11-21T09:00:00.005Z');
    const store = new MemoryAuditStore(() => now);
    const first = await store.append(check('BACK-1'));
    now = new Date('2026-11-21T09:00:00.001Z');
    const second = await store.append(check('BACK-2'));

    expect(second.id).toBe(`${Date.parse('2026-11-21T09:00:00.005Z')}-1`);
    expect(second.at).toBe('2026-11-21T09:00:00.005Z');
    expect((await store.newestFirst({ count: 10 })).map((event) => event.id)).toEqual([second.id, first.id]);
  });
});
