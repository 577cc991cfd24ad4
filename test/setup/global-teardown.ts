type Started = { stop(): Promise<void> };

export default async function globalTeardown(): Promise<void> {
  const started = globalThis as { __testRedis__?: Started; __testCluster__?: Started };
  await Promise.all([started.__testRedis__?.stop(), started.__testCluster__?.stop()]);
}
