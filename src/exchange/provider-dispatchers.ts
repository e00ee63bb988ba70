import { type Dispatcher, Pool } from 'undici';

/** Creates the dispatcher for one provider origin. */
export type DispatcherFactory = (origin: string) => Dispatcher;

/** One dispatcher per provider origin, created on first use and kept across snapshot changes. */
export interface ProviderDispatchers {
  get(origin: string): Dispatcher;
  close(): Promise<void>;
}

/** The default: an undici Pool per origin, keep-alive, no pipelining (one request per connection at a time). */
export const defaultDispatcherFactory: DispatcherFactory = (origin) => new Pool(origin, { pipelining: 1 });

/** Creates the per-origin dispatcher cache. */
export function createProviderDispatchers(
  factory: DispatcherFactory = defaultDispatcherFactory,
): ProviderDispatchers {
  const dispatchers = new Map<string, Dispatcher>();
  return {
    get(origin) {
      let dispatcher = dispatchers.get(origin);
      if (dispatcher === undefined) {
        dispatcher = factory(origin);
        dispatchers.set(origin, dispatcher);
      }
      return dispatcher;
    },
    async close() {
      const all = [...dispatchers.values()];
      dispatchers.clear();
      await Promise.allSettled(all.map((dispatcher) => dispatcher.close()));
    },
  };
}
