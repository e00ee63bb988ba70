import { type Dispatcher, Pool } from 'undici';
import type { ActiveService } from './active-config.js';

/** Creates the dispatcher for one provider origin. */
export type DispatcherFactory = (origin: string) => Dispatcher;

/** Adds an external platform's credential to the calls of the system that stands for it. */
export type PlatformInterceptor = (system: string) => Dispatcher.DispatcherComposeInterceptor;

/** One dispatcher per provider origin, created on first use and kept across snapshot changes. */
export interface ProviderDispatchers {
  /** The dispatcher of a service: its origin's, adding its platform's credential when it has one. */
  for(target: ActiveService): Dispatcher;
  close(): Promise<void>;
}

/** The default: an undici Pool per origin, keep-alive, no pipelining (one request per connection at a time). */
export const defaultDispatcherFactory: DispatcherFactory = (origin) => new Pool(origin, { pipelining: 1 });

/** Creates the per-origin dispatcher cache. */
export function createProviderDispatchers(
  factory: DispatcherFactory = defaultDispatcherFactory,
  platformInterceptor?: PlatformInterceptor,
): ProviderDispatchers {
  const pools = new Map<string, Dispatcher>();
  // One composed dispatcher per platform system and origin, over the origin's shared pool.
  const withCredential = new Map<string, Dispatcher>();
  const pool = (origin: string): Dispatcher => {
    let dispatcher = pools.get(origin);
    if (dispatcher === undefined) {
      dispatcher = factory(origin);
      pools.set(origin, dispatcher);
    }
    return dispatcher;
  };
  return {
    for(target) {
      if (target.platform === null || platformInterceptor === undefined) return pool(target.origin);
      const key = `${target.platform}\n${target.origin}`;
      let dispatcher = withCredential.get(key);
      if (dispatcher === undefined) {
        dispatcher = pool(target.origin).compose(platformInterceptor(target.platform));
        withCredential.set(key, dispatcher);
      }
      return dispatcher;
    },
    async close() {
      const all = [...pools.values()];
      pools.clear();
      withCredential.clear();
      await Promise.allSettled(all.map((dispatcher) => dispatcher.close()));
    },
  };
}
