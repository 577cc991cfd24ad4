/** Summaries and two-sample statistics of latency samples (milliseconds), for the benchmarks. */

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  // Nearest rank: an observed value, never an interpolation between two.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export function mean(samples: readonly number[]): number {
  return samples.reduce((sum, value) => sum + value, 0) / samples.length;
}

/** "p50 12.3 ms  p90 ..." on one line. */
export function describe(samples: readonly number[], ps: readonly number[] = [50, 90, 99]): string {
  const fmt = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
  return [...ps.map((p) => `p${p} ${fmt(percentile(samples, p))}`), `mean ${fmt(mean(samples))}`].join('   ');
}

/**
 * Two-sample Kolmogorov-Smirnov: D, the largest gap between the two empirical distribution
 * functions, and the gap above which the two would differ at the 5% level.
 */
export function kolmogorovSmirnov(a: readonly number[], b: readonly number[]): { d: number; critical5: number } {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const value = Math.min(x[i] as number, y[j] as number);
    while (i < x.length && (x[i] as number) <= value) i += 1;
    while (j < y.length && (y[j] as number) <= value) j += 1;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  const n = x.length;
  const m = y.length;
  return { d, critical5: 1.358 * Math.sqrt((n + m) / (n * m)) };
}

/**
 * Mann-Whitney U as a z score (normal approximation, ties given average ranks): |z| < 1.96 means
 * neither sample tends to be slower than the other at the 5% level.
 */
export function mannWhitneyZ(a: readonly number[], b: readonly number[]): number {
  const all = [...a.map((value) => ({ value, fromA: true })), ...b.map((value) => ({ value, fromA: false }))].sort(
    (p, q) => p.value - q.value,
  );
  let rankSumA = 0;
  for (let start = 0; start < all.length; ) {
    let end = start;
    while (end + 1 < all.length && (all[end + 1] as { value: number }).value === (all[start] as { value: number }).value) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) if ((all[k] as { fromA: boolean }).fromA) rankSumA += averageRank;
    start = end + 1;
  }
  const n = a.length;
  const m = b.length;
  const u = rankSumA - (n * (n + 1)) / 2;
  return (u - (n * m) / 2) / Math.sqrt((n * m * (n + m + 1)) / 12);
}
