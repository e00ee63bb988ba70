import type { Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { CangError, uuidV7, parseInput, parseQuery } from '../core/index.js';
import type { AuditActor, CredentialTable, Database } from '../store/index.js';
import { newBearerToken, readCertificate } from './client-credentials.js';
import { refuseForeign } from './federation/foreign-systems.js';
import { ListQuery, type Page } from './common-schemas.js';
import { CertificateInput, type CredentialView, type IssuedToken, TokenInput } from './credential-schemas.js';
import { DEFAULT_PAGE_SIZE, decodeIdCursor, toPage } from './pagination.js';
import type { RegistryContext } from './registry-context.js';
import { type SampleOption, sampleColumn, sampleField } from '../store/index.js';
import { requireSystem } from './system-commands.js';
import { futureTime, isoTime, isoTimeOrNull } from './time-text.js';

/** Commands and queries on the client credentials of an information system. */
export interface CredentialCommands {
  /** Lists a system's credentials in creation order; secrets and hashes are never returned. */
  list(systemId: string, query?: Static<typeof ListQuery>): Promise<Page<CredentialView>>;
  /** One credential of a system; `not-found` if absent or bound to another system. */
  get(systemId: string, id: string): Promise<CredentialView>;
  /** Issues a bearer token; the returned `token` is shown this once and only its hash is stored. */
  issueToken(
    actor: AuditActor,
    systemId: string,
    input: TokenInput,
    options?: SampleOption,
  ): Promise<IssuedToken>;
  /** Registers a TLS client certificate by the SHA-256 fingerprint of its DER. */
  registerCertificate(actor: AuditActor, systemId: string, input: CertificateInput): Promise<CredentialView>;
  /** Revokes a credential; `conflict` if it already is. */
  revoke(actor: AuditActor, systemId: string, id: string): Promise<CredentialView>;
}

/** Presents a credential row without its hash; `now` decides whether it has expired. */
export function presentCredential(row: CredentialTable, now: number): CredentialView {
  const status =
    row.revoked_at !== null
      ? 'revoked'
      : row.expires_at !== null && row.expires_at <= now
        ? 'expired'
        : 'active';
  return {
    id: row.id,
    system: row.system_id,
    kind: row.kind,
    label: row.label,
    tokenHint: row.token_hint,
    certificateFingerprint: row.certificate_fingerprint,
    status,
    createdAt: isoTime(row.created_at),
    expiresAt: isoTimeOrNull(row.expires_at),
    revokedAt: isoTimeOrNull(row.revoked_at),
    ...sampleField(row),
  };
}

async function requireCredential(
  db: Kysely<Database>,
  systemId: string,
  id: string,
): Promise<CredentialTable> {
  const row = await db
    .selectFrom('credentials')
    .selectAll()
    .where('id', '=', id)
    .where('system_id', '=', systemId)
    .executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No credential ${id} for ${systemId}`);
  return row;
}

/** Builds the credential commands over a registry context. */
export function credentialCommands(context: RegistryContext): CredentialCommands {
  const { db } = context;
  return {
    async list(systemId, query) {
      const { limit = DEFAULT_PAGE_SIZE, cursor } = parseQuery(ListQuery, query);
      await requireSystem(db, systemId);
      const after = decodeIdCursor(cursor);
      let select = db
        .selectFrom('credentials')
        .selectAll()
        .where('system_id', '=', systemId)
        .orderBy('id')
        .limit(limit + 1);
      if (after !== undefined) select = select.where('id', '>', after);
      const now = context.now();
      return toPage(await select.execute(), limit, (row) => presentCredential(row, now));
    },

    async get(systemId, id) {
      await requireSystem(db, systemId);
      return presentCredential(await requireCredential(db, systemId, id), context.now());
    },

    async issueToken(actor, systemId, raw, options) {
      let expiresAt: number | null = null;
      const input = parseInput(TokenInput, raw, 'Invalid token request', (value, problems) => {
        expiresAt = futureTime(value.expiresAt, '/expiresAt', context.now(), problems);
      });
      refuseForeign(context.instance, systemId, 'authenticates its systems');
      const issued = newBearerToken();
      return context.write(actor, async (trx, now) => {
        await requireSystem(trx, systemId);
        const row: CredentialTable = {
          id: uuidV7(now),
          sample: sampleColumn(options),
          system_id: systemId,
          kind: 'token',
          label: input.label ?? '',
          token_hash: issued.hash,
          token_hint: issued.hint,
          certificate_fingerprint: null,
          created_at: now,
          expires_at: expiresAt,
          revoked_at: null,
        };
        await trx.insertInto('credentials').values(row).execute();
        const credential = presentCredential(row, now);
        return {
          result: { credential, token: issued.token },
          audit: {
            action: 'credential.issue-token',
            resource: `${systemId}/credentials/${row.id}`,
            details: credential,
          },
        };
      });
    },

    async registerCertificate(actor, systemId, raw) {
      const now = context.now();
      let fingerprint = '';
      let expiresAt: number | null = null;
      const input = parseInput(CertificateInput, raw, 'Invalid certificate', (value, problems) => {
        expiresAt = futureTime(value.expiresAt, '/expiresAt', now, problems);
        if (typeof value.certificate !== 'string') return;
        const facts = readCertificate(value.certificate);
        if (facts === null) {
          problems.add('/certificate', 'must be one X.509 certificate in PEM form');
        } else if (facts.notAfter <= now) {
          problems.add('/certificate', `the certificate expired at ${isoTime(facts.notAfter)}`);
        } else {
          fingerprint = facts.fingerprint;
          expiresAt = Math.min(expiresAt ?? facts.notAfter, facts.notAfter);
        }
      });
      refuseForeign(context.instance, systemId, 'authenticates its systems');
      return context.write(actor, async (trx, at) => {
        await requireSystem(trx, systemId);
        const existing = await trx
          .selectFrom('credentials')
          .select(['id', 'system_id'])
          .where('certificate_fingerprint', '=', fingerprint)
          .executeTakeFirst();
        if (existing !== undefined) {
          throw new CangError(
            'conflict',
            `This certificate is already registered (credential ${existing.id})`,
          );
        }
        const row: CredentialTable = {
          id: uuidV7(at),
          sample: 0,
          system_id: systemId,
          kind: 'certificate',
          label: input.label ?? '',
          token_hash: null,
          token_hint: null,
          certificate_fingerprint: fingerprint,
          created_at: at,
          expires_at: expiresAt,
          revoked_at: null,
        };
        await trx.insertInto('credentials').values(row).execute();
        const credential = presentCredential(row, at);
        return {
          result: credential,
          audit: {
            action: 'credential.register-certificate',
            resource: `${systemId}/credentials/${row.id}`,
            details: credential,
          },
        };
      });
    },

    async revoke(actor, systemId, id) {
      return context.write(actor, async (trx, now) => {
        await requireSystem(trx, systemId);
        const row = await requireCredential(trx, systemId, id);
        if (row.revoked_at !== null) throw new CangError('conflict', `Credential ${id} is already revoked`);
        await trx.updateTable('credentials').set({ revoked_at: now }).where('id', '=', id).execute();
        const credential = presentCredential({ ...row, revoked_at: now }, now);
        return {
          result: credential,
          audit: {
            action: 'credential.revoke',
            resource: `${systemId}/credentials/${row.id}`,
            details: credential,
          },
        };
      });
    },
  };
}
