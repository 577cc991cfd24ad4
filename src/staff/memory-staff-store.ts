import type { StaffAccount } from './staff-model';
import type { StaffStore } from './staff-store';
import { byCreation } from './staff-order';

export class MemoryStaffStore implements StaffStore {
  readonly #accounts = new Map<string, StaffAccount>();
  readonly #idByUsername = new Map<string, string>();

  async create(account: StaffAccount): Promise<boolean> {
    if (this.#idByUsername.has(account.username)) return false;
    this.#idByUsername.set(account.username, account.id);
    this.#accounts.set(account.id, structuredClone(account));
    return true;
  }

  async update(account: StaffAccount): Promise<void> {
    this.#accounts.set(account.id, structuredClone(account));
  }

  async get(id: string): Promise<StaffAccount | null> {
    return structuredClone(this.#accounts.get(id) ?? null);
  }

  async getByUsername(username: string): Promise<StaffAccount | null> {
    const id = this.#idByUsername.get(username);
    return id === undefined ? null : this.get(id);
  }

  async list(): Promise<StaffAccount[]> {
    return [...this.#accounts.values()].map((account) => structuredClone(account)).sort(byCreation);
  }
}
