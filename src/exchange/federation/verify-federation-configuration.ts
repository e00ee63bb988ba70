import { Value } from '@sinclair/typebox/value';
import { CangError, loadPublicKey, verifySignature } from '../../core/index.js';
import type { FederationConfiguration, SignedFederationConfiguration } from '../../registry/index.js';
import { FederationConfigurationSchema } from './federation-configuration-schema.js';

/** What a received configuration must match. */
export interface ExpectedConfiguration {
  /** The partner that signed it, as its anchor pinned it. */
  readonly partner: { readonly instance: string; readonly publicKey: string };
  /** Our own instance: the configuration must be the view made for us. */
  readonly ourInstance: string;
  /** The version held already; a lower one is a rollback. */
  readonly heldVersion?: number;
  readonly now: number;
}

function invalid(detail: string): CangError {
  return new CangError('partner-configuration-invalid', detail);
}

/**
 * Checks a partner's signed federation configuration and returns its content: the signature against the
 * partner's pinned key, the format and shape, that the partner made it about itself for us, that it has
 * not expired, and that its version is not lower than the one held (a replayed older copy could bring
 * back a revoked grant or a retired node). Anything else throws `partner-configuration-invalid` naming
 * what is wrong; such a copy is never used.
 */
export function verifyFederationConfiguration(
  signed: unknown,
  expected: ExpectedConfiguration,
): FederationConfiguration {
  const { partner } = expected;
  const candidate = signed as Partial<SignedFederationConfiguration> | null;
  if (typeof candidate?.payload !== 'string' || typeof candidate.signature !== 'string') {
    throw invalid(`The federation configuration of ${partner.instance} is malformed`);
  }
  let publicKey: ReturnType<typeof loadPublicKey>;
  try {
    publicKey = loadPublicKey(partner.publicKey);
  } catch {
    throw invalid(`The pinned key of ${partner.instance} is not a public key`);
  }
  if (!verifySignature(publicKey, candidate.payload, candidate.signature)) {
    throw invalid(`The federation configuration of ${partner.instance} does not verify with its pinned key`);
  }
  let document: unknown;
  try {
    document = JSON.parse(candidate.payload);
  } catch {
    throw invalid(`The federation configuration of ${partner.instance} is not JSON`);
  }
  if ((document as { format?: unknown } | null)?.format !== 'cang-federation/1') {
    throw invalid(`The federation configuration of ${partner.instance} has an unknown format`);
  }
  if (!Value.Check(FederationConfigurationSchema, document)) {
    const first = Value.Errors(FederationConfigurationSchema, document).First();
    throw invalid(
      `The federation configuration of ${partner.instance} is malformed at ${first?.path || '/'}: ${first?.message ?? ''}`,
    );
  }
  const configuration = document as FederationConfiguration;
  if (configuration.instance !== partner.instance) {
    throw invalid(`The federation configuration names ${configuration.instance}, not ${partner.instance}`);
  }
  if (configuration.partner !== expected.ourInstance) {
    throw invalid(`The federation configuration of ${partner.instance} is made for ${configuration.partner}`);
  }
  const own = `${partner.instance}/`;
  if (configuration.services.some((service) => !service.id.startsWith(own))) {
    throw invalid(`The federation configuration of ${partner.instance} offers services of another instance`);
  }
  if (configuration.expiresAt <= expected.now) {
    throw invalid(`The federation configuration of ${partner.instance} has expired`);
  }
  if (expected.heldVersion !== undefined && configuration.version < expected.heldVersion) {
    throw invalid(
      `The federation configuration of ${partner.instance} is version ${configuration.version}, older than the held ${expected.heldVersion}`,
    );
  }
  return configuration;
}
