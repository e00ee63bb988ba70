import type { Registry } from '../registry/index.js';
import type { AuditActor } from '../store/index.js';
import { SAMPLE_ALLOWED_CALLS, SAMPLE_FIRST_BATCH, SAMPLE_REFUSED_CALLS } from './sample-clients.js';
import { startSampleProvider } from './sample-provider.js';
import { makeSampleCall, type SampleCallResult, startSampleTrickle } from './sample-traffic.js';
import { readSampleTokens, sampleTokensFile, writeSampleTokens } from './sample-tokens-file.js';
import { repointSampleServices, sampleExchangeExists, seedSampleExchange } from './seed-sample-exchange.js';

/** A few calls a minute. */
const TRICKLE_EVERY_MS = 20_000;

/** What the sample exchange needs from the running process. */
export interface SampleExchangeOptions {
  readonly registry: Registry;
  readonly actor: AuditActor;
  readonly dataDir: string;
  /** The exchange port's URL, through which every sample call goes. */
  readonly exchangeUrl: string;
  /** The sample provider's port; 0 picks any free one. */
  readonly providerPort: number;
  /** Whether to make the first batch and the trickle of sample calls. */
  readonly traffic: boolean;
  /** Resolves once the exchange serves the registry's current configuration. */
  readonly untilServed: () => Promise<void>;
  readonly onError: (error: unknown) => void;
  /** Between two trickle calls; a few a minute unless a test asks for more. */
  readonly trickleEveryMs?: number;
  /** Told every trickle call's result (tests wait for one). */
  readonly onTrickleCall?: (result: SampleCallResult) => void;
}

/** The running sample exchange. */
export interface SampleExchange {
  readonly providerUrl: string;
  readonly tokensFile: string;
  /** The first batch's results, on the start that created the sample exchange; else empty. */
  readonly firstBatch: readonly SampleCallResult[];
  close(): Promise<void>;
}

/**
 * Runs the sample exchange of sample mode: starts the sample provider, registers the sample systems,
 * services, grants and tokens on first start (writing the tokens file) or points the services at the
 * provider's address of this start, then makes the first batch of real calls through the exchange and
 * keeps a light trickle going until closed.
 */
export async function startSampleExchange(options: SampleExchangeOptions): Promise<SampleExchange> {
  const provider = await startSampleProvider(options.providerPort);
  try {
    const tokensFile = sampleTokensFile(options.dataDir);
    const firstStart = !(await sampleExchangeExists(options.registry));
    if (firstStart) {
      const tokens = await seedSampleExchange(options.registry, options.actor, provider.url, Date.now());
      writeSampleTokens(tokensFile, tokens);
    } else {
      await repointSampleServices(options.registry, options.actor, provider.url);
    }
    const tokens = readSampleTokens(tokensFile);
    const firstBatch: SampleCallResult[] = [];
    let trickle: { stop(): void } | undefined;
    if (options.traffic && tokens.length > 0) {
      await options.untilServed();
      // One after another, as the systems' users would, so the quota refusal is certain.
      if (firstStart) {
        for (const call of SAMPLE_FIRST_BATCH) {
          firstBatch.push(await makeSampleCall(options.exchangeUrl, tokens, call));
        }
      }
      trickle = startSampleTrickle({
        exchangeUrl: options.exchangeUrl,
        tokens,
        // Mostly served calls, and one refused each round.
        calls: [...SAMPLE_ALLOWED_CALLS, SAMPLE_REFUSED_CALLS[1]!],
        everyMs: options.trickleEveryMs ?? TRICKLE_EVERY_MS,
        onError: options.onError,
        ...(options.onTrickleCall ? { onResult: options.onTrickleCall } : {}),
      });
    }
    return {
      providerUrl: provider.url,
      tokensFile,
      firstBatch,
      close: async () => {
        trickle?.stop();
        await provider.close();
      },
    };
  } catch (error) {
    await provider.close();
    throw error;
  }
}
