/** One per-admin API token as stored: the secret itself is never kept, only its SHA-256. */
export interface ApiTokenRecord {
  id: string;
  ownerStaffId: string;
  label: string;
  /** Hex SHA-256 of the secret. The secret has 256 random bits, so a plain hash is enough (no salt, no argon2). */
  secretHash: string;
  createdAt: string;
  /** Updated at most once a minute: enough to tell a token in use from a forgotten one. */
  lastUsedAt?: string;
  revokedAt?: string;
}

/** What the consoles show about a token: everything but its hash. */
export type ApiTokenView = Omit<ApiTokenRecord, 'secretHash'>;

export function viewOf(record: ApiTokenRecord): ApiTokenView {
  const { secretHash: _hash, ...view } = record;
  return view;
}

/** Newest first: the token just made is at the top of the list. */
export function newestFirst(a: ApiTokenRecord, b: ApiTokenRecord): number {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}
