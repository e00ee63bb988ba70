import { type buildConnector, type Dispatcher, Pool } from 'undici';
import { organisationOf, portOf } from '../core/index.js';
import type { ActiveService } from './active-config.js';
import type { OutboundGuard } from './outbound-guard.js';

/** Creates the dispatcher for one provider origin, opening its connections through `connect`. */
export type DispatcherFactory = (origin: string, connect: buildConnector.connector) => Dispatcher;

/** Adds an external platform's credential to the calls of the system that stands for it. */
export type PlatformInterceptor = (system: string) => Dispatcher.DispatcherComposeInterceptor;

/** One dispatcher per organisation and provider origin, created on first use and kept across snapshot changes. */
export interface ProviderDispatchers {
  /** The dispatcher of a service: its origin's, adding its platform's credential when it has one. */
  for(target: ActiveService): Dispatcher;
  /** The dispatcher of an origin reached for an organisation, e.g. an external platform's token endpoint. */
  forOrigin(organisation: string, origin: string): Dispatcher;
  close(): Promise<void>;
}

/** The default: an undici Pool per origin, keep-alive, no pipelining (one request per connection at a time). */
export const defaultDispatcherFactory: DispatcherFactory = (origin, connect) =>
  new Pool(origin, { pipelining: 1, connect });

/**
 * Creates the dispatcher cache. Pools are per organisation as well as per origin: each opens its
 * connections through the outbound guard with its organisation's allow-list, so a service of one
 * organisation never rides on a connection the guard admitted for another.
 */
export function createProviderDispatchers(
  guard: OutboundGuard,
  factory: DispatcherFactory = defaultDispatcherFactory,
  platformInterceptor?: PlatformInterceptor,
): ProviderDispatchers {
  const pools = new Map<string, Dispatcher>();
  // One composed dispatcher per platform system and origin, over the origin's shared pool.
  const withCredential = new Map<string, Dispatcher>();
  const pool = (organisation: string, origin: string): Dispatcher => {
    const key = `${organisation}\n${origin}`;
    let dispatcher = pools.get(key);
    if (dispatcher === undefined) {
      dispatcher = factory(origin, guard.connector(organisation, portOf(new URL(origin))));
      pools.set(key, dispatcher);
    }
    return dispatcher;
  };
  return {
    for(target) {
      const organisation = organisationOf(target.service.id)!;
      if (target.platform === null || platformInterceptor === undefined)
        return pool(organisation, target.origin);
      const key = `${target.platform}\n${target.origin}`;
      let dispatcher = withCredential.get(key);
      if (dispatcher === undefined) {
        dispatcher = pool(organisation, target.origin).compose(platformInterceptor(target.platform));
        withCredential.set(key, dispatcher);
      }
      return dispatcher;
    },
    forOrigin: pool,
    async close() {
      const all = [...pools.values()];
      pools.clear();
      withCredential.clear();
      await Promise.allSettled(all.map((dispatcher) => dispatcher.close()));
    },
  };
}
