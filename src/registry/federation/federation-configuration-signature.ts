import type { KeyObject } from 'node:crypto';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CangError, canonicalJson, loadPublicKey, signData, verifySignature } from '../../core/index.js';
import type { FederationConfiguration, SignedFederationConfiguration } from './federation-configuration.js';

/** Signs a partner's federation configuration as canonical JSON with the registry key. */
export function signFederationConfiguration(
  configuration: FederationConfiguration,
  privateKey: KeyObject,
  keyId: string,
): SignedFederationConfiguration {
  const payload = canonicalJson(configuration);
  return { payload, signature: signData(privateKey, payload), keyId };
}

/** What a fetched configuration must be: who issued it, for whom, when it is read, the version held. */
export interface FederationConfigurationExpectation {
  /** The partner instance that issued it (its anchor's instance). */
  readonly partner: string;
  /** This instance: the configuration must be made for it. */
  readonly audience: string;
  /** Unix ms. */
  readonly now: number;
  /** The version of the configuration held already; a lower one is a rollback. */
  readonly heldVersion?: number;
}

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Strings = Type.Array(Type.String());
const Named = Type.Array(Type.Object({ id: Type.String(), name: Type.String() }));

// The document's shape once its signature verified: a partner's signed document is still foreign
// input, and the exchange indexes it for every call, so a partner's bug must not crash it later.
const ConfigurationShape = Type.Object({
  format: Type.Literal('cang-federation/1'),
  instance: Type.String(),
  partner: Type.String(),
  version: Type.Integer({ minimum: 0 }),
  issuedAt: Type.Integer(),
  expiresAt: Type.Integer(),
  nodes: Type.Array(
    Type.Object({
      id: Type.String(),
      address: Type.String({ pattern: '^https://' }),
      tlsFingerprints: Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' })),
    }),
  ),
  organisations: Named,
  systems: Named,
  services: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      enabled: Type.Boolean(),
      timeoutMs: Type.Integer({ minimum: 1 }),
      maxBodyBytes: Type.Integer({ minimum: 0 }),
      openapi: Nullable(Type.String()),
      grants: Type.Array(
        Type.Object({
          client: Type.String(),
          methods: Nullable(Strings),
          pathPatterns: Nullable(Strings),
          quotaPerMinute: Nullable(Type.Integer({ minimum: 1 })),
          expiresAt: Nullable(Type.Integer()),
        }),
      ),
    }),
  ),
});

type Assignable<A, B> = [A] extends [B] ? true : never;
// Fails to compile when the document's type gains a field the shape does not check, or the reverse.
const shapeMatchesType: Assignable<Static<typeof ConfigurationShape>, FederationConfiguration> &
  Assignable<keyof FederationConfiguration, keyof Static<typeof ConfigurationShape>> = true;
void shapeMatchesType;

function invalid(detail: string): CangError {
  return new CangError('partner-configuration-invalid', detail);
}

/**
 * Checks a partner's signed federation configuration against the partner's pinned registry key
 * (KeyObject or base64url SPKI) and what this instance expects of it, and returns its content. Refuses,
 * with `partner-configuration-invalid` naming why, a document that is malformed, tampered with or signed
 * by another key, of an unknown format, issued by another instance or for another audience, expired, or
 * older than the one held (a rollback). A configuration that fails here must never be used.
 */
export function verifySignedFederationConfiguration(
  signed: unknown,
  publicKey: KeyObject | string,
  expected: FederationConfigurationExpectation,
): FederationConfiguration {
  const candidate = signed as Partial<SignedFederationConfiguration> | null;
  if (typeof candidate?.payload !== 'string' || typeof candidate.signature !== 'string') {
    throw invalid(`The federation configuration of ${expected.partner} is malformed`);
  }
  let key: KeyObject;
  try {
    key = typeof publicKey === 'string' ? loadPublicKey(publicKey) : publicKey;
  } catch {
    throw invalid(`The pinned key of ${expected.partner} is not a public key`);
  }
  if (!verifySignature(key, candidate.payload, candidate.signature)) {
    throw invalid(
      `The federation configuration of ${expected.partner} does not verify with its anchor's key`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(candidate.payload);
  } catch {
    throw invalid(`The federation configuration of ${expected.partner} is not JSON`);
  }
  const format = (document as { format?: unknown } | null)?.format;
  if (format !== 'cang-federation/1') {
    throw invalid(`Unknown federation configuration format ${String(format)}`);
  }
  if (!Value.Check(ConfigurationShape, document)) {
    const first = Value.Errors(ConfigurationShape, document).First();
    throw invalid(
      `The federation configuration of ${expected.partner} is malformed at ${first?.path || '/'}: ${first?.message ?? ''}`,
    );
  }
  const configuration = document as FederationConfiguration;
  if (configuration.instance !== expected.partner) {
    throw invalid(
      `The federation configuration was issued by ${configuration.instance}, not ${expected.partner}`,
    );
  }
  if (configuration.partner !== expected.audience) {
    throw invalid(`The federation configuration of ${expected.partner} is made for ${configuration.partner}`);
  }
  const own = `${expected.partner}/`;
  if (configuration.services.some((service) => !service.id.startsWith(own))) {
    throw invalid(`The federation configuration of ${expected.partner} offers services of another instance`);
  }
  if (configuration.expiresAt <= expected.now) {
    throw invalid(
      `The federation configuration of ${expected.partner} expired at ${new Date(configuration.expiresAt).toISOString()}`,
    );
  }
  if (expected.heldVersion !== undefined && configuration.version < expected.heldVersion) {
    throw invalid(
      `The federation configuration of ${expected.partner} is version ${configuration.version}, older than the version ${expected.heldVersion} held (a rollback)`,
    );
  }
  return configuration;
}
