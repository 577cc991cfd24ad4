import { randomBytes } from 'node:crypto';
import type { StaffRole } from '../actor';
import type { StaffService } from './staff-service';

export interface DemoCredential {
  username: string;
  password: string;
  role: StaffRole;
}

const DEMO_ACCOUNTS: { username: string; displayName: string; role: StaffRole }[] = [
  { username: 'demo-admin', displayName: 'Demo Admin', role: 'admin' },
  { username: 'demo-support', displayName: 'Demo Support', role: 'support' },
];

/**
 * Demo mode only: one account per role with a new random password at every start, so that a
 * newcomer can sign in at once and no fixed password ever works anywhere.
 */
export async function seedDemoStaff(staff: StaffService): Promise<DemoCredential[]> {
  const credentials: DemoCredential[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const password = randomBytes(12).toString('base64url');
    await staff.createStaff({ ...account, password });
    credentials.push({ username: account.username, password, role: account.role });
  }
  return credentials;
}
