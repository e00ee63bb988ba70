import { type Static, Type } from '@sinclair/typebox';
import type { FederationConfiguration } from '../../registry/index.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Named = Type.Object({ id: Type.String(), name: Type.String() });

/**
 * The shape of a partner's federation configuration (`cang-federation/1`), checked after its signature:
 * a partner's signed document is still foreign input, and the exchange indexes it for every call.
 */
export const FederationConfigurationSchema = Type.Object({
  format: Type.Literal('cang-federation/1'),
  instance: Type.String(),
  partner: Type.String(),
  version: Type.Integer({ minimum: 0 }),
  issuedAt: Type.Number(),
  expiresAt: Type.Number(),
  nodes: Type.Array(
    Type.Object({
      id: Type.String(),
      address: Type.String({ pattern: '^https://' }),
      tlsFingerprints: Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' })),
    }),
  ),
  organisations: Type.Array(Named),
  systems: Type.Array(Named),
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
          methods: Nullable(Type.Array(Type.String())),
          pathPatterns: Nullable(Type.Array(Type.String())),
          quotaPerMinute: Nullable(Type.Integer({ minimum: 1 })),
          expiresAt: Nullable(Type.Number()),
        }),
      ),
    }),
  ),
});

type Assignable<A, B> = [A] extends [B] ? true : never;
// Fails to compile when the registry's type gains a field the schema does not check, or the reverse.
const schemaMatchesType: Assignable<Static<typeof FederationConfigurationSchema>, FederationConfiguration> &
  Assignable<keyof FederationConfiguration, keyof Static<typeof FederationConfigurationSchema>> = true;
void schemaMatchesType;
