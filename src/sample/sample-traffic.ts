import { SAMPLE_PURPOSE } from '../core/index.js';
import type { SampleCall } from './sample-clients.js';
import type { SampleToken } from './sample-tokens-file.js';

/** What a sample call answered: its status and, for a refusal by Cảng, the problem code. */
export interface SampleCallResult {
  readonly call: SampleCall;
  readonly status: number;
  readonly error: string | null;
}

/**
 * Makes one sample call through the exchange, as a client system would: its id, its bearer token, the
 * sample purpose and the data subject. A client without a token in hand calls with none (and is refused).
 */
export async function makeSampleCall(
  exchangeUrl: string,
  tokens: readonly SampleToken[],
  call: SampleCall,
): Promise<SampleCallResult> {
  const token = tokens.find((candidate) => candidate.system === call.client)?.token;
  const response = await fetch(`${exchangeUrl}/r1/${call.service}${call.path}`, {
    headers: {
      'x-cang-client': call.client,
      'x-cang-purpose': SAMPLE_PURPOSE,
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(call.subject === undefined ? {} : { 'x-cang-subject': call.subject }),
    },
  });
  await response.arrayBuffer();
  return { call, status: response.status, error: response.headers.get('x-cang-error') };
}

/** A running trickle of sample calls. */
export interface SampleTrickle {
  stop(): void;
}

/**
 * Keeps making one sample call every `everyMs` (a few a minute), going round `calls`, so the per-minute
 * charts fill as time passes. Its timer never keeps the process alive; a failed call is reported and the
 * trickle goes on.
 */
export function startSampleTrickle(options: {
  readonly exchangeUrl: string;
  readonly tokens: readonly SampleToken[];
  readonly calls: readonly SampleCall[];
  readonly everyMs: number;
  readonly onResult?: (result: SampleCallResult) => void;
  readonly onError: (error: unknown) => void;
}): SampleTrickle {
  let next = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(async () => {
      const call = options.calls[next++ % options.calls.length]!;
      try {
        const result = await makeSampleCall(options.exchangeUrl, options.tokens, call);
        if (!stopped) options.onResult?.(result);
      } catch (error) {
        if (!stopped) options.onError(error);
      }
      if (!stopped) schedule();
    }, options.everyMs);
    timer.unref();
  };
  schedule();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
