import { argon2idOf } from '../../src/hashing/list-entry';
import type { HashingProfile } from '../../src/hashing/hashing-profile';
import { maskEmail } from '../../src/hashing/mask-email';
import { normalizeEmail } from '../../src/hashing/normalize-email';

/**
 * Everything a log could betray an address by: as typed, normalized, its local parts, the escaped
 * forms a URL would carry, and the masked form result pages show (t•••@example.jp), which is for
 * the page alone. Case-insensitive search; returns the forms found.
 */
export function addressForms(addresses: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const address of addresses) {
    forms.add(address);
    forms.add(encodeURIComponent(address));
    const local = address.split(/[@＠]/)[0] ?? '';
    if (local.length >= 4) forms.add(local);
    try {
      const normalized = normalizeEmail(address);
      forms.add(normalized);
      forms.add(normalized.split('@')[0] ?? '');
      forms.add(maskEmail(address));
    } catch {
      // Not an address (the invalid input): its raw forms are enough.
    }
  }
  return [...forms].filter((form) => form.length >= 4);
}

export function findForms(haystack: string, forms: readonly string[]): string[] {
  const lower = haystack.toLowerCase();
  return forms.filter((form) => lower.includes(form.toLowerCase()));
}

/** The list row (argon2id output, hex) of an address under `profile`: derived from it, so never logged either. */
export async function listRowOf(address: string, profile: HashingProfile): Promise<string> {
  return (await argon2idOf(normalizeEmail(address), profile)).toString('hex');
}
