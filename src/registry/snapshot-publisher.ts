import type { KeyObject } from 'node:crypto';
import { sha256Base64url } from '../core/index.js';
import { signFederationConfiguration } from './federation/federation-configuration-signature.js';
import type { ConfigSnapshot, SignedSnapshot, UnsignedSnapshot } from './snapshot.js';
import { signSnapshot } from './snapshot-signature.js';

/** What the publisher needs of the registry. */
export interface SnapshotSource {
  configVersion(): Promise<number>;
  buildSnapshot(options: { expiresInSeconds: number }): Promise<UnsignedSnapshot>;
}

/** Options of a snapshot publisher. */
export interface SnapshotPublisherOptions {
  readonly registry: SnapshotSource;
  readonly privateKey: KeyObject;
  readonly keyId: string;
  readonly expiresInSeconds: number;
  readonly now?: () => number;
}

/** The signed snapshot currently published and its entity tag. */
export interface PublishedSnapshot {
  readonly signed: SignedSnapshot;
  /** The snapshot that was signed, for a consumer in the same process: no need to parse the payload. */
  readonly snapshot: ConfigSnapshot;
  readonly etag: string; // "v{version}-{hash prefix}"
  readonly version: number;
}

/** Hands out the current signed snapshot, built and signed only when something changed. */
export interface SnapshotPublisher {
  /** The signed snapshot of the current configuration version, with its ETag. */
  current(): Promise<PublishedSnapshot>;
}

/**
 * Caches the signed snapshot per configuration version. It is signed again when the configuration
 * changes or when half of its lifetime has passed, so a polling node always holds one with time left.
 */
export function createSnapshotPublisher(options: SnapshotPublisherOptions): SnapshotPublisher {
  const { registry, privateKey, keyId, expiresInSeconds } = options;
  const now = options.now ?? Date.now;
  const refreshAfterMs = (expiresInSeconds * 1000) / 2;
  let cached: { published: PublishedSnapshot; issuedAt: number } | undefined;
  let pending: Promise<PublishedSnapshot> | undefined;

  async function rebuild(): Promise<PublishedSnapshot> {
    const unsigned = await registry.buildSnapshot({ expiresInSeconds });
    // Each partner's configuration is signed apart, so a partner node can verify it without the snapshot.
    const snapshot: ConfigSnapshot = {
      ...unsigned,
      partners: unsigned.partners.map((partner) => ({
        ...partner,
        configuration: signFederationConfiguration(partner.configuration, privateKey, keyId),
      })),
    };
    const signed = signSnapshot(snapshot, privateKey, keyId);
    const etag = `"v${snapshot.version}-${sha256Base64url(signed.payload).slice(0, 16)}"`;
    const published = { signed, snapshot, etag, version: snapshot.version };
    cached = { published, issuedAt: snapshot.issuedAt };
    return published;
  }

  return {
    async current() {
      const version = await registry.configVersion();
      if (
        cached !== undefined &&
        cached.published.version === version &&
        now() - cached.issuedAt < refreshAfterMs
      ) {
        return cached.published;
      }
      // Concurrent polls share one build instead of each reading the whole registry; a build that
      // started before the change this caller saw is not enough for it, so it waits for a fresh one.
      for (;;) {
        pending ??= rebuild().finally(() => {
          pending = undefined;
        });
        const published = await pending;
        if (published.version >= version) return published;
      }
    },
  };
}
