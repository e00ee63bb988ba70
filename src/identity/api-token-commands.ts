import { CangError, uuidV7 } from '../core/index.js';
import { type AuditActor, recordAudit, type Store } from '../store/index.js';
import type { Actor } from './actor.js';
import type { ApiTokenInfo, IssuedApiToken, NewApiToken } from './identity-types.js';
import { API_TOKEN_PREFIX, newApiToken, tokenDigest } from './secrets.js';
import { loadUser, throwIfProblems, toUsers } from './user-rows.js';

/** The API token commands of identity: tokens a user creates for their own automation. */
export interface ApiTokenCommands {
  /** Creates a token for the user; the token text is in the result this once only. */
  createApiToken(userId: string, input: NewApiToken, actor: AuditActor): Promise<IssuedApiToken>;
  listApiTokens(userId: string): Promise<ApiTokenInfo[]>;
  /** Revokes one of the user's tokens; throws `not-found` for a token that is not theirs. */
  revokeApiToken(userId: string, tokenId: string, actor: AuditActor): Promise<void>;
  /** The actor of a live API token, or undefined when it is unknown, expired, revoked or its user disabled. */
  tokenActor(token: string, remoteAddress?: string | null): Promise<Actor | undefined>;
}

/** How long an API token lasts when its creator names no expiry: 90 days. */
export const DEFAULT_API_TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** Builds the API token commands over a store; a token without a named expiry lasts `defaultTtlMs`. */
export function createApiTokenCommands(
  store: Store,
  now: () => number,
  defaultTtlMs: number = DEFAULT_API_TOKEN_TTL_MS,
): ApiTokenCommands {
  const { db } = store;

  return {
    async createApiToken(userId, input, actor) {
      const label = input.label.trim();
      const at = now();
      // Every token expires: a forgotten one stops working by itself.
      const expiresAt = input.expiresAt ?? at + defaultTtlMs;
      throwIfProblems([
        label.length === 0 || label.length > 100
          ? { pointer: '/label', detail: 'Give a label of 1–100 characters' }
          : undefined,
        expiresAt <= at ? { pointer: '/expiresAt', detail: 'The expiry must be in the future' } : undefined,
      ]);
      const token = newApiToken();
      const id = uuidV7(at);
      await db.transaction().execute(async (trx) => {
        const user = await loadUser(trx, userId);
        await trx
          .insertInto('api_tokens')
          .values({
            id,
            user_id: userId,
            label,
            token_hash: tokenDigest(token),
            created_at: at,
            expires_at: expiresAt,
            revoked_at: null,
          })
          .execute();
        await recordAudit(
          trx,
          actor,
          {
            action: 'api-token.create',
            resource: `user/${user.username}/token/${id}`,
            details: { label, expiresAt },
          },
          at,
        );
      });
      return { id, label, createdAt: at, expiresAt, revokedAt: null, token };
    },

    async listApiTokens(userId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        label: row.label,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
      }));
    },

    async revokeApiToken(userId, tokenId, actor) {
      const at = now();
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('api_tokens')
          .innerJoin('users', 'users.id', 'api_tokens.user_id')
          .select(['api_tokens.revoked_at', 'users.username'])
          .where('api_tokens.id', '=', tokenId)
          .where('api_tokens.user_id', '=', userId)
          .executeTakeFirst();
        if (row === undefined) throw new CangError('not-found', 'No such API token');
        if (row.revoked_at !== null) return;
        await trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', tokenId).execute();
        await recordAudit(
          trx,
          actor,
          { action: 'api-token.revoke', resource: `user/${row.username}/token/${tokenId}` },
          at,
        );
      });
    },

    async tokenActor(token, remoteAddress = null) {
      if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
      const at = now();
      const row = await db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .selectAll('users')
        .select('api_tokens.id as token_id')
        .where('api_tokens.token_hash', '=', tokenDigest(token))
        .where('api_tokens.revoked_at', 'is', null)
        .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', at)]))
        .where('users.disabled', '=', 0)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const [user] = await toUsers(db, [row]);
      return {
        userId: user!.id,
        username: user!.username,
        roles: user!.roles,
        via: 'token',
        tokenId: row.token_id,
        mustChangePassword: user!.mustChangePassword,
        remoteAddress,
      };
    },
  };
}
