/**
 * Polls `probe` until it returns a value other than undefined, for states another process reaches
 * in its own time (a server cleaning up after an aborted upload). Not a timed assertion: the
 * timeout only bounds a wait that would otherwise hang, and fails naming what never happened.
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
