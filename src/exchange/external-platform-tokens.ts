import { type Dispatcher, request } from 'undici';
import { CangError } from '../core/index.js';
import type { SnapshotExternalPlatform } from '../registry/index.js';

/** Credentials for external platforms: OAuth2 access tokens (cached) and API keys. */
export interface PlatformTokens {
  /**
   * A live access token for an oauth2-client-credentials platform, fetched when none is cached; the
   * endpoint has `timeoutMs` to answer (the calling service's timeout).
   */
  token(platform: SnapshotExternalPlatform, timeoutMs: number): Promise<string>;
  /** Drops a token the platform refused, so that the next call fetches a new one. */
  invalidate(platform: SnapshotExternalPlatform, token: string): void;
  /** The API key of an api-key platform. */
  apiKey(platform: SnapshotExternalPlatform): string;
  /** How many tokens were fetched, by platform system; for metrics and tests. */
  readonly fetched: ReadonlyMap<string, number>;
}

/** What the token cache is built from. */
export interface PlatformTokenOptions {
  /** Opens a platform's sealed secret; throws when this node holds no secrets key. */
  readonly openSecret: (platform: SnapshotExternalPlatform) => string;
  readonly now?: () => number;
  /** Dispatcher for a platform's token endpoint (the exchange's, under its outbound guard); undici's global one by default. */
  readonly dispatcherFor?: (platform: SnapshotExternalPlatform, tokenUrl: string) => Dispatcher;
}

/** Largest token answer read; a token endpoint has no reason to send more. */
const MAX_TOKEN_ANSWER_BYTES = 64 * 1024;
/** RFC 6750 §2.1 b64token: all an access token may contain, since it goes into a header. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
/** Used when the endpoint does not say how long its token lives (RFC 6749 §5.1 makes it optional). */
const DEFAULT_LIFETIME_S = 60;

interface CachedToken {
  readonly token: string;
  /** When to fetch a new one: before the platform's expiry, by a tenth of the lifetime or 30 s at most. */
  readonly refreshAt: number;
}

/** The cache key: a changed secret, endpoint, client or scope is a different token. */
function keyOf(platform: SnapshotExternalPlatform): string {
  return [platform.system, platform.sealedSecret, platform.tokenUrl, platform.clientId, platform.scope].join(
    '\n',
  );
}

function failed(detail: string, cause?: unknown): CangError {
  return new CangError('platform-auth-failed', detail, cause === undefined ? undefined : { cause });
}

/** RFC 6749 §2.3.1: client id and secret are form-encoded before they are joined for Basic. */
function basicCredentials(clientId: string, secret: string): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/** Reads a token answer (RFC 6749 §5.1) or says what is wrong with it. */
function parseTokenAnswer(text: string, now: number): CachedToken {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch (cause) {
    throw failed('The token endpoint answered something other than JSON', cause);
  }
  const {
    access_token: token,
    token_type: type,
    expires_in: expiresIn,
  } = (answer ?? {}) as Record<string, unknown>;
  if (typeof token !== 'string' || token.length > 8192 || !BEARER_TOKEN.test(token)) {
    throw failed('The token endpoint answered no usable access_token');
  }
  if (typeof type !== 'string' || type.toLowerCase() !== 'bearer') {
    throw failed('The token endpoint answered a token that is not a bearer token');
  }
  if (expiresIn !== undefined && (typeof expiresIn !== 'number' || !(expiresIn > 0))) {
    throw failed('The token endpoint answered an invalid expires_in');
  }
  const lifetimeMs = (expiresIn ?? DEFAULT_LIFETIME_S) * 1000;
  return { token, refreshAt: now + lifetimeMs - Math.min(30_000, lifetimeMs / 10) };
}

/**
 * Fetches OAuth2 client-credential tokens (RFC 6749 §4.4) and keeps each until shortly before it
 * expires. Concurrent calls share one fetch. Failures are `platform-auth-failed` (502), or
 * `provider-timeout` (504) when the endpoint is slow; neither caches anything.
 */
export function createPlatformTokens(options: PlatformTokenOptions): PlatformTokens {
  const now = options.now ?? Date.now;
  const cached = new Map<string, CachedToken>();
  const pending = new Map<string, Promise<string>>();
  const apiKeys = new Map<string, string>();
  const fetched = new Map<string, number>();

  async function fetchToken(
    platform: SnapshotExternalPlatform,
    key: string,
    timeoutMs: number,
  ): Promise<string> {
    if (platform.tokenUrl === null || platform.clientId === null) {
      throw failed('The platform has no token endpoint or client id');
    }
    const secret = options.openSecret(platform);
    fetched.set(platform.system, (fetched.get(platform.system) ?? 0) + 1);
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (platform.scope !== null) form.set('scope', platform.scope);
    let answer: Dispatcher.ResponseData;
    try {
      answer = await request(platform.tokenUrl, {
        method: 'POST',
        headers: {
          authorization: basicCredentials(platform.clientId, secret),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        ...(options.dispatcherFor === undefined
          ? {}
          : { dispatcher: options.dispatcherFor(platform, platform.tokenUrl) }),
      });
    } catch (cause) {
      // The outbound guard's refusal stays what it is.
      if (cause instanceof CangError) throw cause;
      const code = (cause as { code?: unknown }).code;
      if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
        throw new CangError(
          'provider-timeout',
          "The external platform's token endpoint did not answer in time",
          {
            cause,
          },
        );
      }
      throw failed("The external platform's token endpoint could not be reached", cause);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of answer.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_TOKEN_ANSWER_BYTES) throw failed('The token endpoint answered too much');
        chunks.push(chunk);
      }
    } catch (cause) {
      answer.body.destroy();
      if (cause instanceof CangError) throw cause;
      const code = (cause as { code?: unknown }).code;
      if (code === 'UND_ERR_BODY_TIMEOUT') {
        throw new CangError(
          'provider-timeout',
          "The external platform's token endpoint did not answer in time",
          {
            cause,
          },
        );
      }
      throw failed('The token answer was cut off', cause);
    }
    if (answer.statusCode !== 200) {
      // The endpoint's own error (RFC 6749 §5.2) goes to our log, never to the consumer.
      throw failed(`The token endpoint refused the client credentials (${answer.statusCode})`);
    }
    const token = parseTokenAnswer(Buffer.concat(chunks).toString('utf8'), now());
    cached.set(key, token);
    return token.token;
  }

  return {
    fetched,
    token(platform, timeoutMs) {
      const key = keyOf(platform);
      const hit = cached.get(key);
      if (hit !== undefined && now() < hit.refreshAt) return Promise.resolve(hit.token);
      let flight = pending.get(key);
      if (flight === undefined) {
        flight = fetchToken(platform, key, timeoutMs).finally(() => pending.delete(key));
        pending.set(key, flight);
      }
      return flight;
    },
    invalidate(platform, token) {
      const key = keyOf(platform);
      // Only the refused token: another call may already have fetched its successor.
      if (cached.get(key)?.token === token) cached.delete(key);
    },
    apiKey(platform) {
      const key = keyOf(platform);
      let value = apiKeys.get(key);
      if (value === undefined) {
        value = options.openSecret(platform);
        apiKeys.set(key, value);
      }
      return value;
    },
  };
}
