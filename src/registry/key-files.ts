import { createPublicKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CangError,
  generateSigningKeyPair,
  loadPrivateKey,
  loadPublicKey,
  type SigningKeyPair,
} from '../core/index.js';
import { publicKeyId } from './public-key-id.js';

/**
 * Loads an Ed25519 key pair from a JSON file `{ privateKey, publicKey }`, creating it (mode 0600)
 * when absent. Used for the registry key and for node keys.
 */
export function loadOrCreateKeyPair(file: string): SigningKeyPair {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const pair = generateSigningKeyPair();
    try {
      // 'wx': never overwrite a key another process created in the meantime.
      writeFileSync(file, `${JSON.stringify(pair, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      return pair;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
  }
  return readKeyPair(file);
}

function readKeyPair(file: string): SigningKeyPair {
  try {
    const pair = JSON.parse(readFileSync(file, 'utf8')) as Partial<SigningKeyPair>;
    if (typeof pair.privateKey !== 'string' || typeof pair.publicKey !== 'string') {
      throw new Error('privateKey or publicKey missing');
    }
    const privateKey = loadPrivateKey(pair.privateKey);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    // The public half must belong to the private half, or nothing signed with it would verify.
    const derived = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    const stored = loadPublicKey(pair.publicKey).export({ format: 'der', type: 'spki' });
    if (!derived.equals(stored)) throw new Error('the public key does not belong to the private key');
    return { privateKey: pair.privateKey, publicKey: pair.publicKey };
  } catch (error) {
    throw new CangError('internal', `The key file ${file} is not a valid Ed25519 key pair`, { cause: error });
  }
}

/**
 * Loads a secret key (base64url of 32 random bytes) from a text file, creating it (mode 0600) when
 * absent. Used for the keyed hash of data-subject identifiers.
 */
export function loadOrCreateSecretKey(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      // 'wx': never overwrite a key another process created in the meantime.
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/** A signing key pair with the id the registry knows its public half by. */
export interface IdentifiedKeyPair extends SigningKeyPair {
  readonly id: string;
}

/** The keys a Cảng process works with. */
export interface PlatformKeys {
  /** Signs the configuration snapshot. */
  readonly registryKey: IdentifiedKeyPair;
  /** Seals this node's log chain. */
  readonly nodeKey: IdentifiedKeyPair;
  /** Key of the keyed hash of `X-Cang-Subject`. */
  readonly subjectHashKey: string;
  /** Key (base64url, 32 bytes) that seals external platforms' secrets at rest. */
  readonly secretsKey: string;
}

/** Keys given by configuration instead of files; a split deployment shares them between nodes. */
export interface ConfiguredKeys {
  readonly subjectHashKey?: string | undefined;
  readonly secretsKey?: string | undefined;
}

/**
 * Loads the platform's keys from `{dataDir}/keys`, creating those that are missing: `registry.json`,
 * `node-{nodeId}.json` and, unless configured, `subject-hash.key` and `secrets.key`.
 */
export function loadOrCreatePlatformKeys(
  dataDir: string,
  nodeId: string,
  configured: ConfiguredKeys = {},
): PlatformKeys {
  const dir = join(dataDir, 'keys');
  const keyPair = (name: string): IdentifiedKeyPair => {
    const pair = loadOrCreateKeyPair(join(dir, `${name}.json`));
    return { ...pair, id: publicKeyId(pair.publicKey) };
  };
  return {
    registryKey: keyPair('registry'),
    nodeKey: keyPair(`node-${nodeId}`),
    subjectHashKey: configured.subjectHashKey || loadOrCreateSecretKey(join(dir, 'subject-hash.key')),
    secretsKey: configured.secretsKey || loadOrCreateSecretKey(join(dir, 'secrets.key')),
  };
}
