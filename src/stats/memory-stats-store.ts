import type { DayCounts, ExposureOutcome, StatsStore } from './stats-store';

/** Demo mode's counters: one process, lost on exit, never expiring. */
export class MemoryStatsStore implements StatsStore {
  readonly #days = new Map<string, DayCounts>();

  async recordCheck(date: string, outcomes: ExposureOutcome[]): Promise<void> {
    const day = this.#days.get(date) ?? { date, checks: 0, matches: {} };
    day.checks += 1;
    for (const { exposureId, matched } of outcomes) {
      day.matches[exposureId] = (day.matches[exposureId] ?? 0) + (matched ? 1 : 0);
    }
    this.#days.set(date, day);
  }

  async readDays(dates: string[]): Promise<DayCounts[]> {
    return dates.map((date) => structuredClone(this.#days.get(date) ?? { date, checks: 0, matches: {} }));
  }
}
