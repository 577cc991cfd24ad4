import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { StaffMember } from '../actor';
import { viewOf, type ApiTokenRecord, type ApiTokenView } from './api-token-model';
import { looksLikeTokenSecret, newTokenSecret, secretHashOf } from './api-token-secret';
import type { ApiTokenStore } from './api-token-store';

export interface ApiTokenServiceDeps {
  store: ApiTokenStore;
  /** Reads the owner afresh on every use, so a disabled or demoted admin's tokens stop at once. */
  staff: { get(id: string): Promise<StaffMember | null> };
  clock: () => Date;
}

export interface CreatedApiToken {
  /** The secret: shown to its owner once, never stored, never shown again. */
  token: string;
  record: ApiTokenView;
}

export type TokenAuthentication =
  | { ok: true; token: ApiTokenView; owner: StaffMember }
  | { ok: false; reason: 'unknown' | 'owner_disabled' | 'owner_not_admin' };

const LABEL_MAX_LENGTH = 100;
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// Noting every use would write to Redis on every admin request; once a minute tells enough.
const LAST_USE_RESOLUTION_MS = 60_000;

/**
 * API tokens per admin, for scripts such as load-list: created with a label, the secret shown once,
 * only its SHA-256 kept, listed, revoked. A token works only while its owner is an enabled admin.
 */
export class ApiTokenService {
  readonly #store: ApiTokenStore;
  readonly #staff: ApiTokenServiceDeps['staff'];
  readonly #clock: () => Date;

  constructor(deps: ApiTokenServiceDeps) {
    this.#store = deps.store;
    this.#staff = deps.staff;
    this.#clock = deps.clock;
  }

  async createToken(ownerStaffId: string, labelInput: unknown): Promise<CreatedApiToken> {
    const label = checkLabel(labelInput);
    const owner = await this.#staff.get(ownerStaffId);
    if (owner === null || owner.disabled || owner.role !== 'admin') {
      throw new AppError('forbidden', 403, 'Only an enabled admin can hold API tokens.');
    }
    const token = newTokenSecret();
    const record: ApiTokenRecord = {
      id: `tok-${randomBytes(8).toString('hex')}`,
      ownerStaffId,
      label,
      secretHash: secretHashOf(token),
      createdAt: this.#clock().toISOString(),
    };
    await this.#store.create(record);
    return { token, record: viewOf(record) };
  }

  async listTokens(ownerStaffId: string): Promise<ApiTokenView[]> {
    return (await this.#store.listByOwner(ownerStaffId)).map(viewOf);
  }

  /** Idempotent: revoking a revoked token answers it as it is. Another admin's token is "not found". */
  async revokeToken(ownerStaffId: string, tokenId: string): Promise<ApiTokenView> {
    const record = await this.#store.get(tokenId);
    if (record === null || record.ownerStaffId !== ownerStaffId) {
      throw new AppError('token_not_found', 404, 'There is no such API token of yours.');
    }
    if (record.revokedAt !== undefined) return viewOf(record);
    const revoked = { ...record, revokedAt: this.#clock().toISOString() };
    await this.#store.revoke(revoked);
    return viewOf(revoked);
  }

  /**
   * Revokes every live token of an account and answers the ones revoked now (none: nothing to do).
   * For a password reset, a role change or a disabling: a token made before must not outlive it,
   * nor come back when the account is an enabled admin again.
   */
  async revokeAllOf(ownerStaffId: string): Promise<ApiTokenView[]> {
    const live = (await this.#store.listByOwner(ownerStaffId)).filter((record) => record.revokedAt === undefined);
    const revokedAt = this.#clock().toISOString();
    const revoked: ApiTokenView[] = [];
    for (const record of live) {
      const updated = { ...record, revokedAt };
      await this.#store.revoke(updated);
      revoked.push(viewOf(updated));
    }
    return revoked;
  }

  /** Who a bearer secret belongs to, if it is a live token of an enabled admin. */
  async authenticate(secret: string): Promise<TokenAuthentication> {
    if (!looksLikeTokenSecret(secret)) return { ok: false, reason: 'unknown' };
    const record = await this.#store.findBySecretHash(secretHashOf(secret));
    if (record === null || record.revokedAt !== undefined) return { ok: false, reason: 'unknown' };
    const owner = await this.#staff.get(record.ownerStaffId);
    if (owner === null || owner.disabled) return { ok: false, reason: 'owner_disabled' };
    if (owner.role !== 'admin') return { ok: false, reason: 'owner_not_admin' };
    await this.#noteUse(record);
    return { ok: true, token: viewOf(record), owner };
  }

  async #noteUse(record: ApiTokenRecord): Promise<void> {
    const now = this.#clock();
    const last = record.lastUsedAt === undefined ? 0 : Date.parse(record.lastUsedAt);
    if (now.getTime() - last < LAST_USE_RESOLUTION_MS) return;
    await this.#store.markUsed(record.id, now.toISOString());
  }
}

function checkLabel(input: unknown): string {
  const label = typeof input === 'string' ? input.trim() : '';
  if (label === '' || [...label].length > LABEL_MAX_LENGTH || UNPRINTABLE.test(label) || label.normalize('NFKC').includes('@')) {
    throw AppError.badRequest(
      'invalid_label',
      `A token label is 1 to ${LABEL_MAX_LENGTH} characters (say where it is used), without control characters or "@".`,
      'label',
    );
  }
  return label;
}
