import { type ApiTokenInfo, capabilitiesOf, type IssuedApiToken, type User } from '../identity/index.js';
import type { Static } from '@sinclair/typebox';
import type { ApiTokenView, IssuedApiTokenView, SessionView, UserView } from './identity-schemas.js';

/** Unix ms as RFC 3339 UTC text. */
export const isoTime = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoTime(ms));

/** Presents a user: what the API shows, never the password hash. */
export function presentUser(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles.map((r) =>
      r.scope === undefined ? { role: r.role } : { role: r.role, scope: r.scope },
    ),
    disabled: user.disabled,
    createdAt: isoTime(user.createdAt),
    updatedAt: isoTime(user.updatedAt),
    ...(user.sample ? { sample: true } : {}),
  };
}

/** Presents the signed-in user with what the rule table lets them do, and whether sample data is there. */
export function presentSession(user: User, sampleData: boolean): SessionView {
  return {
    ...presentUser(user),
    mustChangePassword: user.mustChangePassword,
    capabilities: capabilitiesOf(user.roles).map((c) => ({ ...c, scopes: c.scopes && [...c.scopes] })),
    sampleData,
  };
}

/** Presents an API token without its secret. */
export function presentApiToken(token: ApiTokenInfo): Static<typeof ApiTokenView> {
  return {
    id: token.id,
    label: token.label,
    createdAt: isoTime(token.createdAt),
    expiresAt: isoOrNull(token.expiresAt),
    revokedAt: isoOrNull(token.revokedAt),
  };
}

/** Presents a newly created API token, the one time its secret is shown. */
export function presentIssuedApiToken(token: IssuedApiToken): Static<typeof IssuedApiTokenView> {
  return { ...presentApiToken(token), token: token.token };
}
