import http from 'node:http';
import { OprfKey, parseOprfSecretKey } from '../../src/hashing/oprf-key';
import * as lists from '../../src/lists';
import type { BucketRead, ListStore, LiveList } from '../../src/lists';
import { PRIVATE_DIGEST_BYTES } from '../../src/private-check/private-check-model';
import { storedBucketsUnder } from '../../src/private-check/private-check-service';
import { connectRedis } from '../../src/store/redis-client';

/**
 * bench:private's reference B: POST /api/v1/private-check on bare node:http, doing what the
 * service's handler must do for an answer and nothing else: the same BlindEvaluate (OprfKey), the
 * same read (ListStore.readBuckets from the service's factory, on a client made as the service
 * makes its own), the same `results` (sorted base64 digests). No Express, no body validation, no
 * rate limits, no catalogue parts; the live lists are read once at start. What the service's rate
 * falls short of this one's is what its framework and its other duties cost.
 *
 * Environment: PORT, REDIS_URL, REDIS_KEY_PREFIX, OPRF_SECRET_KEY and the query's bucket bits
 * (BARE_QUERY_BUCKET_BITS). Answers GET /readyz once ready, as startBuiltServer waits for.
 */
interface Query {
  profileId: string;
  bucket: number;
  blindedElement: string;
}

class BadQuery extends Error {}

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (value === undefined) throw new Error(`${name} is not set`);
    return value;
  };
  const queryBits = Number(env('BARE_QUERY_BUCKET_BITS'));
  // readBuckets names stored buckets (src/lists/stored-buckets.ts), as the service's handler does.
  const storedBits = lists.STORED_BUCKET_BITS;
  const key = await OprfKey.load(parseOprfSecretKey(env('OPRF_SECRET_KEY')));
  const store = lists.listStores.redis(await connectRedis(env('REDIS_URL')), env('REDIS_KEY_PREFIX'));
  await store.bindIdentity({ freshStore: false });
  const live = await store.liveLists();
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/readyz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ready');
      return;
    }
    if (req.method !== 'POST' || req.url !== '/api/v1/private-check') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      answer(Buffer.concat(chunks).toString(), { key, store, live, queryBits, storedBits }).then(
        (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
        (error: unknown) => res.writeHead(error instanceof BadQuery ? 400 : 503).end(),
      );
    });
  });
  server.listen(Number(env('PORT')), '127.0.0.1');
  process.once('SIGTERM', () => process.exit(0));
}

async function answer(
  text: string,
  deps: { key: OprfKey; store: ListStore; live: readonly LiveList[]; queryBits: number; storedBits: number },
): Promise<string> {
  const { queries } = JSON.parse(text) as { queries: Query[] };
  const evaluated = queries.map((query) => {
    const element = deps.key.blindEvaluate(new Uint8Array(Buffer.from(query.blindedElement, 'base64')));
    if (element === null) throw new BadQuery();
    return Buffer.from(element).toString('base64');
  });
  const plans = queries.map((query) => ({
    lists: deps.live.filter((list) => list.profileId === query.profileId),
    buckets: storedBucketsUnder(query.bucket, deps.queryBits, deps.storedBits),
  }));
  const reads: BucketRead[] = plans.flatMap(({ lists, buckets }) =>
    lists.flatMap((list) => buckets.map((bucket) => ({ exposureId: list.exposureId, version: list.version, bucket }))),
  );
  const { digests } = await deps.store.readBuckets(reads);
  let next = 0;
  const results = queries.map((query, index) => {
    const { lists, buckets } = plans[index] as (typeof plans)[number];
    return {
      profileId: query.profileId,
      evaluatedElement: evaluated[index] as string,
      lists: lists.map((list) => {
        const rows = digests.slice(next, next + buckets.length).flat();
        next += buckets.length;
        return { exposureId: list.exposureId, digests: rows.map((row) => row.subarray(0, PRIVATE_DIGEST_BYTES).toString('base64')).sort() };
      }),
    };
  });
  return JSON.stringify({ results });
}

main().catch((error: unknown) => {
  process.stderr.write(`bare private-check server failed: ${(error as Error).message}\n`);
  process.exit(1);
});
