import { Type } from '@sinclair/typebox';
import { MemberClassSchema, SEGMENT_PATTERN_SOURCE } from '../registry/index.js';

const segment = (description: string) => Type.String({ pattern: SEGMENT_PATTERN_SOURCE, description });

/** Path parameters `{instance}/{class}/{code}` naming an organisation. */
export const OrganisationParams = Type.Object({
  instance: segment('Instance, e.g. VN-HP'),
  class: MemberClassSchema,
  code: segment('Member code'),
});

/** Path parameters naming an information system. */
export const SystemParams = Type.Object({ ...OrganisationParams.properties, system: segment('System code') });

/** Path parameters naming a service. */
export const ServiceParams = Type.Object({ ...SystemParams.properties, service: segment('Service code') });

/** Path parameters naming a credential of a system. */
export const CredentialParams = Type.Object({
  ...SystemParams.properties,
  credential: Type.String({ minLength: 1, maxLength: 64, description: 'Credential id' }),
});

/** A plain `{id}` path parameter. */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

/** The organisation id named by path parameters. */
export const organisationIdOf = (p: { instance: string; class: string; code: string }): string =>
  `${p.instance}/${p.class}/${p.code}`;

/** The system id named by path parameters. */
export const systemIdOf = (p: { instance: string; class: string; code: string; system: string }): string =>
  `${organisationIdOf(p)}/${p.system}`;

/** The service id named by path parameters. */
export const serviceIdOf = (p: {
  instance: string;
  class: string;
  code: string;
  system: string;
  service: string;
}): string => `${systemIdOf(p)}/${p.service}`;

/** Path prefix of an organisation's routes. */
export const ORGANISATION_PATH = '/organisations/:instance/:class/:code';
/** Path prefix of a system's routes. */
export const SYSTEM_PATH = `${ORGANISATION_PATH}/systems/:system`;
