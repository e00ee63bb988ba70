import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { SnapshotExternalPlatform } from '../registry/index.js';
import type { PlatformTokens } from './external-platform-tokens.js';

/** How long a token endpoint may take when the call names no timeout of its own. */
const DEFAULT_TOKEN_TIMEOUT_MS = 10_000;

/** Handed to a handler whose call failed before any dispatch: nothing is running that could be stopped. */
const NOTHING_RUNNING: Dispatcher.DispatchController = {
  aborted: false,
  paused: false,
  reason: null,
  abort() {},
  pause() {},
  resume() {},
};

/** The request's flat header list with `name` set to `value`, replacing any the consumer sent. */
function withHeader(
  options: Dispatcher.DispatchOptions,
  name: string,
  value: string,
): Dispatcher.DispatchOptions {
  const lower = name.toLowerCase();
  const given = (options.headers ?? []) as string[];
  const headers: string[] = [];
  for (let i = 0; i < given.length; i += 2) {
    if (given[i]!.toLowerCase() !== lower) headers.push(given[i]!, given[i + 1]!);
  }
  headers.push(name, value);
  return { ...options, headers };
}

/**
 * Passes every event on and tells `refused` about a 401 answer. With `retry`, that 401 is read to its
 * end and dropped, and `retry` runs instead, so the consumer sees only the second attempt's answer.
 */
class WatchUnauthorised implements Dispatcher.DispatchHandler {
  private swallowing = false;

  constructor(
    private readonly inner: Dispatcher.DispatchHandler,
    private readonly refused: () => void,
    private readonly retry: (() => void) | null,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.inner.onRequestStart?.(controller, context);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
    message?: string,
  ): void {
    if (status === 401) {
      this.refused();
      this.swallowing = this.retry !== null;
    }
    if (!this.swallowing) this.inner.onResponseStart?.(controller, status, headers, message);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.swallowing) this.inner.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    if (this.swallowing) this.retry!();
    else this.inner.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.inner.onResponseError?.(controller, error);
  }
}

/**
 * An undici interceptor that adds an external platform's credential to each call: its API key, or an
 * OAuth2 access token from the cache. When the platform answers 401 the token is dropped and a new one
 * fetched once; a call without a body is then sent again with it, while a call with a body (already
 * streamed, so it cannot be replayed) passes the 401 on and the next call uses the new token.
 */
export function platformCredential(
  platform: () => SnapshotExternalPlatform | undefined,
  tokens: PlatformTokens,
): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const current = platform();
    // The binding was removed since this call was routed: it goes on without the platform's credential.
    if (current === undefined) return dispatch(options, handler);
    if (current.kind === 'api-key') {
      try {
        return dispatch(withHeader(options, current.header!, tokens.apiKey(current)), handler);
      } catch (error) {
        handler.onResponseError?.(NOTHING_RUNNING, error as Error);
        return true;
      }
    }
    const attempt = (retried: boolean): void => {
      tokens.token(current, options.headersTimeout ?? DEFAULT_TOKEN_TIMEOUT_MS).then(
        (token) => {
          const replayable = options.body === null || options.body === undefined;
          const watched = new WatchUnauthorised(
            handler,
            () => tokens.invalidate(current, token),
            !retried && replayable ? () => attempt(true) : null,
          );
          dispatch(withHeader(options, 'authorization', `Bearer ${token}`), watched);
        },
        (error: Error) => handler.onResponseError?.(NOTHING_RUNNING, error),
      );
    };
    attempt(false);
    return true;
  };
}
