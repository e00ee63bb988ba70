/** exchange: the data plane (routing, client authentication, authorisation, forwarding, metaservices). */
// --- data plane (exchange engineer) ---
export * from './active-config.js';
export * from './create-exchange.js';
export * from './log-store-watch.js';
export * from './exchange-tls.js';
export type { ExchangeLogger } from './exchange-context.js';
export type { DispatcherFactory } from './provider-dispatchers.js';
export { CONFIGURATION_PATH } from './federation/federation-listener.js';
export * from './federation/partner-configuration-source.js';
export * from './memory-snapshot-feed.js';
export * from './exchange-workers.js';
export {
  createMetricsServer,
  createProcessMetricsRegistry,
  type MetricsSource,
} from './metrics-endpoint.js';
export * from './memory-snapshot-source.js';
export * from './polling-snapshot-source.js';
export type { FetchOpenApi } from './openapi-documents.js';
export * from './registry-openapi.js';
// --- transaction log (log engineer) ---
export * from './log/index.js';
