import { CangError, matchPathPattern } from '../core/index.js';
import { type ActiveConfig, type ActiveGrant, grantKey } from './active-config.js';
import type { QuotaCounter } from './quota-counter.js';

/** The call to authorise. */
export interface CallToAuthorise {
  readonly client: string;
  readonly serviceId: string;
  readonly method: string;
  /** Decoded segments of the normalised rest path. */
  readonly segments: readonly string[];
}

function allowsPath(grant: ActiveGrant, segments: readonly string[]): boolean {
  if (grant.patterns === null) return true;
  for (const pattern of grant.patterns) if (matchPathPattern(pattern, segments)) return true;
  return false;
}

/**
 * Finds the grant that allows the call: deny by default (403 access-denied), then the grant's expiry,
 * methods and path patterns; the first grant allowing all three is charged against its quota
 * (429 rate-limited with Retry-After). Returns the grant used.
 */
export function authoriseCall(
  config: ActiveConfig,
  call: CallToAuthorise,
  quotas: QuotaCounter,
  now: number,
): ActiveGrant {
  const grants = config.grants.get(grantKey(call.client, call.serviceId));
  if (grants === undefined)
    throw new CangError('access-denied', 'No grant allows this client to call this service');
  let reason = 'The grant has expired';
  for (const candidate of grants) {
    const grant = candidate.grant;
    if (grant.expiresAt !== null && grant.expiresAt <= now) continue;
    if (candidate.methods !== null && !candidate.methods.has(call.method)) {
      reason = `No grant allows the method ${call.method}`;
      continue;
    }
    if (!allowsPath(candidate, call.segments)) {
      reason = 'No grant allows this path';
      continue;
    }
    if (grant.quotaPerMinute !== null) {
      const retryAfter = quotas.take(grant.id, grant.quotaPerMinute, now);
      if (retryAfter > 0) {
        throw new CangError('rate-limited', 'The quota of the access grant is used up for this minute', {
          headers: { 'retry-after': String(retryAfter) },
        });
      }
    }
    return candidate;
  }
  throw new CangError('access-denied', reason);
}
