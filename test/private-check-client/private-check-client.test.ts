import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { argon2idOf as serverArgon2idOf } from '../../src/hashing';
import { checkPrivately, type WireProfile } from '../../src/private-check-client';
import { argon2idOf } from '../../src/private-check-client/argon2id';
import { startTestService, type TestService } from '../support/test-app';

/*
 * The private check's client module (the page's worker and `npm run -s check` run it) against the
 * real service over HTTP: its WebAssembly argon2id gives the server's native one's bytes, and its
 * answers are those of POST /api/v1/check. On Redis, with the demo data.
 */
describe('the private check client module', () => {
  let service: TestService;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', seed: true });
    server = await new Promise((resolve) => {
      const listening = service.app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await service.close();
  });

  it('when it hashes with a profile, then its WebAssembly argon2id equals the server\'s native argon2id', async () => {
    const profile = (await request(service.app).get('/api/v1/private-check')).body.profiles[0] as WireProfile;
    const serverProfile = service.runtime.hashing.profile;
    for (const normalized of ['taro.yamada@example.jp', 'h@xn--eckwd4c7c.jp', `${'x'.repeat(64)}@example.com`]) {
      const mine = Buffer.from(await argon2idOf(normalized, profile));
      expect(mine.toString('hex')).toBe((await serverArgon2idOf(normalized, serverProfile)).toString('hex'));
    }
  });

  it.each([
    ['taro.yamada@example.jp'],
    ['ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ'],
    ['hanako.suzuki@example.jp'],
    ['someone.else@example.org'],
  ])('when %s is checked privately, then it finds what the server-side check finds', async (address) => {
    const outcome = await checkPrivately(address, origin);
    const server = await request(service.app).post('/api/v1/check').send({ email: address });
    expect(outcome.kind).toBe('checked');
    if (outcome.kind !== 'checked') return;
    expect(outcome.found.sort()).toEqual(server.body.exposures.map(({ id }: { id: string }) => id).sort());
    expect(outcome.answer.checked).toEqual(server.body.checked);
  });

  it('when the address is not one, then nothing is sent after the parameters and the problem is named', async () => {
    const sent: string[] = [];
    const watching: typeof fetch = (input, init) => {
      sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return fetch(input, init);
    };
    await expect(checkPrivately('taro.yamada.example.jp', origin, watching)).resolves.toEqual({ kind: 'invalid_email', problem: 'not_an_address' });
    expect(sent).toEqual([`GET ${origin}/api/v1/private-check`]);
  });

  it('when the server refuses, then the outcome is the refusal with its code, never a verdict', async () => {
    const refusing: typeof fetch = async (input, init) =>
      init?.method === 'POST'
        ? new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many checks.', scope: 'network' } }), {
            status: 429,
            headers: { 'content-type': 'application/json', 'retry-after': '30' },
          })
        : fetch(input, init);
    await expect(checkPrivately('taro.yamada@example.jp', origin, refusing)).resolves.toEqual({
      kind: 'refused',
      status: 429,
      code: 'rate_limited',
      message: 'Too many checks.',
      scope: 'network',
      retryAfterSeconds: 30,
    });
  });

  it('when the answer does not fit the queries, then the check throws instead of reading it as a miss', async () => {
    const truncating: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== 'POST') return response;
      const body = await response.json();
      return new Response(JSON.stringify({ ...body, results: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    await expect(checkPrivately('taro.yamada@example.jp', origin, truncating)).rejects.toThrow('does not fit');
  });
});
