// cluster-key-slot ships no types: the hash slot (0..16383) Redis Cluster serves a key from,
// hash tags included, as ioredis computes it.
declare module 'cluster-key-slot' {
  function calculateSlot(key: string | Buffer): number;
  export = calculateSlot;
}
