import type { CountsToAdd, DayCounts, StatsStore } from './stats-store';

/** Demo mode's counters: one process, lost on exit, never expiring. */
export class MemoryStatsStore implements StatsStore {
  readonly #days = new Map<string, DayCounts>();

  async addCounts(date: string, counts: CountsToAdd): Promise<void> {
    const day = this.#days.get(date) ?? { date, checks: 0, matches: {} };
    day.checks += counts.checks;
    for (const [exposureId, matches] of Object.entries(counts.matches)) {
      day.matches[exposureId] = (day.matches[exposureId] ?? 0) + matches;
    }
    this.#days.set(date, day);
  }

  async readDays(dates: string[]): Promise<DayCounts[]> {
    return dates.map((date) => structuredClone(this.#days.get(date) ?? { date, checks: 0, matches: {} }));
  }
}
