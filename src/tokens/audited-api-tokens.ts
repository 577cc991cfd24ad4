import { recordChange, type AuditService, isAuditText } from '../audit';
import { AppError } from '../errors';
import type { Actor } from '../actor';
import type { ApiTokenView } from './api-token-model';
import type { ApiTokenService, CreatedApiToken } from './api-token-service';

/** An admin's own API tokens, as the admin console offers them; changes are audited. */
export interface OwnApiTokens {
  list(): Promise<ApiTokenView[]>;
  create(label: unknown): Promise<CreatedApiToken>;
  revoke(tokenId: string): Promise<ApiTokenView>;
}

/**
 * API tokens on behalf of the admin holding them. Events carry the token's id and label, never
 * its secret (which is not kept anywhere after the answer that shows it).
 */
export class AuditedApiTokens {
  readonly #tokens: ApiTokenService;
  readonly #audit: AuditService;

  constructor(deps: { tokens: ApiTokenService; audit: AuditService }) {
    this.#tokens = deps.tokens;
    this.#audit = deps.audit;
  }

  as(actor: Actor): OwnApiTokens {
    if (actor.kind === 'break-glass') {
      throw new AppError('forbidden', 403, 'API tokens belong to a staff account; the break-glass token holds none.');
    }
    const owner = actor.staffId;
    return {
      list: () => this.#tokens.listTokens(owner),
      create: async (label) => {
        const created = await this.#tokens.createToken(owner, label);
        const { id: tokenId, label: accepted } = created.record;
        await recordChange(this.#audit, {
          actor,
          action: 'token.create',
          target: { staffId: owner, tokenId },
          // The label helps a reader of the log, but the log is stricter than labels are (a
          // full-width ＠, a zero-width space): such a label is left out rather than the event lost.
          ...(isAuditText(accepted) && { details: { label: accepted } }),
        });
        return created;
      },
      revoke: async (tokenId) => {
        const before = (await this.#tokens.listTokens(owner)).find((token) => token.id === tokenId);
        const revoked = await this.#tokens.revokeToken(owner, tokenId);
        // Revoking twice (a second tab, a resent form) changes nothing and is not a second event.
        if (before !== undefined && before.revokedAt === undefined) {
          await recordChange(this.#audit, { actor, action: 'token.revoke', target: { staffId: owner, tokenId } });
        }
        return revoked;
      },
    };
  }
}
