import type { StaffAccount } from './staff-model';

/** Staff accounts, by id and by username. The Redis and memory implementations are the only code that knows keys. */
export interface StaffStore {
  /** Saves a new account unless its username is taken (atomically); false when it was. */
  create(account: StaffAccount): Promise<boolean>;
  /** Replaces an existing account (the username never changes). */
  update(account: StaffAccount): Promise<void>;
  get(id: string): Promise<StaffAccount | null>;
  getByUsername(username: string): Promise<StaffAccount | null>;
  /** Every account, oldest first. */
  list(): Promise<StaffAccount[]>;
}
