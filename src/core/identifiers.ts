import { CangError } from './cang-error.js';

/** One identifier segment (ARCHITECTURE.md, "Identifiers"). */
export const SEGMENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Member classes: state body, enterprise, other. */
export const MEMBER_CLASSES = ['GOV', 'COM', 'ORG'] as const;
export type MemberClass = (typeof MEMBER_CLASSES)[number];

/** `{instance}/{class}/{code}` */
export interface OrganisationId {
  readonly instance: string;
  readonly memberClass: MemberClass;
  readonly code: string;
}
/** `{instance}/{class}/{code}/{system}` */
export interface SystemId extends OrganisationId {
  readonly system: string;
}
/** `{instance}/{class}/{code}/{system}/{service}` */
export interface ServiceId extends SystemId {
  readonly service: string;
}

/** Whether a single segment is well formed. */
export function isSegment(value: string): boolean {
  return SEGMENT_PATTERN.test(value);
}

function parseSegments(text: string, count: number, what: string): string[] {
  const parts = text.split('/');
  if (parts.length !== count || !parts.every(isSegment)) {
    throw new CangError('bad-request', `Malformed ${what} identifier`);
  }
  if (!(MEMBER_CLASSES as readonly string[]).includes(parts[1]!)) {
    throw new CangError('bad-request', `Unknown member class in ${what} identifier; use GOV, COM or ORG`);
  }
  return parts;
}

/** Parses `{instance}/{class}/{code}`; throws a `bad-request` CangError when malformed. */
export function parseOrganisationId(text: string): OrganisationId {
  const [instance, memberClass, code] = parseSegments(text, 3, 'organisation');
  return { instance: instance!, memberClass: memberClass as MemberClass, code: code! };
}

/** Parses `{instance}/{class}/{code}/{system}`; throws a `bad-request` CangError when malformed. */
export function parseSystemId(text: string): SystemId {
  const [instance, memberClass, code, system] = parseSegments(text, 4, 'information system');
  return { instance: instance!, memberClass: memberClass as MemberClass, code: code!, system: system! };
}

/** Parses `{instance}/{class}/{code}/{system}/{service}`; throws a `bad-request` CangError when malformed. */
export function parseServiceId(text: string): ServiceId {
  const [instance, memberClass, code, system, service] = parseSegments(text, 5, 'service');
  return {
    instance: instance!,
    memberClass: memberClass as MemberClass,
    code: code!,
    system: system!,
    service: service!,
  };
}

/** Formats an organisation, system or service identifier back to its text form. */
export function formatId(id: OrganisationId | SystemId | ServiceId): string {
  const parts = [id.instance, id.memberClass, id.code];
  if ('system' in id) parts.push(id.system);
  if ('service' in id) parts.push(id.service);
  return parts.join('/');
}

/** The organisation id a resource identifier `{instance}/{class}/{code}[/…]` belongs to, if well formed. */
export function organisationOf(resource: string | undefined): string | undefined {
  if (resource === undefined) return undefined;
  const candidate = resource.split('/').slice(0, 3).join('/');
  try {
    parseOrganisationId(candidate);
    return candidate;
  } catch {
    return undefined;
  }
}
