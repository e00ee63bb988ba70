import type { AuditActor } from '../store/index.js';
import type { SharingRequestCommands } from './sharing-request-commands.js';

const SHARING_EXPIRY_INTERVAL_MS = 3_600_000;

/** Where a failed expiry run is reported. */
export interface SharingExpiryLogger {
  error(object: object, message?: string): void;
}

/**
 * Ends approved sharing requests past their duration (removing their grants) now and every hour, as
 * `actor`; returns the stopper.
 */
export function scheduleSharingExpiry(
  sharingRequests: Pick<SharingRequestCommands, 'expireDue'>,
  actor: AuditActor,
  logger: SharingExpiryLogger,
): () => void {
  const expire = () =>
    sharingRequests
      .expireDue(actor)
      .catch((error: unknown) => logger.error({ err: error }, 'expiring sharing requests failed'));
  const timer = setInterval(expire, SHARING_EXPIRY_INTERVAL_MS);
  timer.unref();
  void expire();
  return () => clearInterval(timer);
}
