import { readFileSync } from 'node:fs';

/** A process's memory from /proc/<pid>/status (Linux), in bytes. */
export interface ProcessMemory {
  /** Resident set size now (VmRSS). */
  rss: number;
  /** Peak resident set size over the process's life (VmHWM). */
  peakRss: number;
}

export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (match === null) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]) * 1024;
  };
  return { rss: kib('VmRSS'), peakRss: kib('VmHWM') };
}

/** Samples a process's RSS every `intervalMs` until stopped; returns the highest sample. */
export function sampleRss(pid: number, intervalMs = 100): { stop(): number } {
  let highest = processMemory(pid).rss;
  const timer = setInterval(() => {
    try {
      highest = Math.max(highest, processMemory(pid).rss);
    } catch {
      // The process ended; the caller finds out from its own request.
    }
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return highest;
    },
  };
}
