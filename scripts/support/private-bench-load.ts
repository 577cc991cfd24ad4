import type Redis from 'ioredis';
import type { BuiltServer } from './built-server';
import { closedLoad, statusCounts, type LoadAnswer } from './closed-load';
import { percentile } from './latency-distributions';
import { processCpuSeconds } from './process-cpu';
import { redisCpuSeconds } from './redis-cpu';

/** Servers driven together as one deployment: the service's processes, or the bare handler's. */
export interface LoadTarget {
  label: string;
  servers: readonly BuiltServer[];
}

export interface LoadFigures {
  label: string;
  /** 200 answers per second over every measured round. */
  perSecond: number;
  p50: number;
  p99: number;
  answers: number;
  /** Every status, "n x 200, ...". */
  statuses: string;
  notOk: number;
  failures: number;
  /** CPU milliseconds per answer: the target's processes (all threads), Redis, and this process (the load generator). */
  cpuMs: { servers: number; redis: number; generator: number };
}

/**
 * Closed-loop load on each target in turn: first each process alone for `warmUp` seconds, not
 * counted, then `rounds` measured rounds in which the targets alternate, so that a drift in the
 * machine's speed weighs on every target alike; each target's figures are summed over its rounds.
 */
export async function measureTargets(
  targets: readonly LoadTarget[],
  options: { path: string; bodies: readonly string[]; connections: number; seconds: number; rounds: number; warmUp: number; redis: Redis },
): Promise<LoadFigures[]> {
  const load = (servers: readonly BuiltServer[], seconds: number) =>
    closedLoad({ urls: servers.map((server) => `${server.baseUrl}${options.path}`), bodies: options.bodies, connections: options.connections, seconds });
  // Process by process, each at the full load: V8 optimizes a process's request path after a few
  // thousand requests, and a process warmed only as one of two would get half of them.
  const processes = [...new Set(targets.flatMap((target) => target.servers))];
  if (options.warmUp > 0) for (const server of processes) await load([server], options.warmUp);
  const sums = targets.map(() => ({ answers: [] as LoadAnswer[], failures: 0, cpu: { servers: 0, redis: 0, generator: 0 } }));
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [index, target] of targets.entries()) {
      const sum = sums[index] as (typeof sums)[number];
      const before = { servers: serversCpu(target), redis: await redisCpuSeconds(options.redis), generator: process.cpuUsage() };
      const run = await load(target.servers, options.seconds);
      const generator = process.cpuUsage(before.generator);
      sum.cpu.generator += (generator.user + generator.system) / 1e6;
      sum.cpu.servers += serversCpu(target) - before.servers;
      sum.cpu.redis += (await redisCpuSeconds(options.redis)) - before.redis;
      for (const answer of run.answers) sum.answers.push(answer);
      sum.failures += run.failures;
    }
  }
  return targets.map((target, index) => {
    const { answers, failures, cpu } = sums[index] as (typeof sums)[number];
    const ok = answers.filter((answer) => answer.status === 200).map((answer) => answer.ms);
    const perAnswer = (seconds: number) => (seconds / Math.max(1, answers.length)) * 1000;
    return {
      label: target.label,
      perSecond: ok.length / (options.rounds * options.seconds),
      p50: percentile(ok, 50),
      p99: percentile(ok, 99),
      answers: answers.length,
      statuses: statusCounts(answers),
      notOk: answers.length - ok.length,
      failures,
      cpuMs: { servers: perAnswer(cpu.servers), redis: perAnswer(cpu.redis), generator: perAnswer(cpu.generator) },
    };
  });
}

function serversCpu(target: LoadTarget): number {
  return target.servers.reduce((sum, server) => sum + processCpuSeconds(server.pid), 0);
}
