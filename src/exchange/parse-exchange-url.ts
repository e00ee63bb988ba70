import { CangError, isSegment, parseServiceId, parseSystemId } from '../core/index.js';

/** Metaservices answered by Cảng itself (ARCHITECTURE.md, "Exchange protocol"). */
export type MetaserviceName = 'listClients' | 'listMethods' | 'allowedMethods' | 'getOpenAPI';

/** A parsed exchange call: a service call or a metaservice. */
export type ExchangeTarget =
  | {
      readonly kind: 'service';
      readonly serviceId: string;
      /** The rest of the path after the service id, exactly as received ('' when none). */
      readonly rest: string;
      readonly query: string | null;
    }
  | {
      readonly kind: 'meta';
      readonly name: MetaserviceName;
      /**
       * The instance asked about: the subsystem's, or the one named by `/r1/{instance}/listClients`;
       * null for `/r1/listClients` (this instance).
       */
      readonly instance: string | null;
      /** The subsystem named in the path; null for listClients. */
      readonly systemId: string | null;
      readonly query: string | null;
    };

const PREFIX = '/r1/';
const LIST_CLIENTS = '/listClients';
const SYSTEM_METASERVICES: ReadonlySet<string> = new Set(['listMethods', 'allowedMethods', 'getOpenAPI']);

/** `/r1/{instance}/listClients`: the systems of that instance (a partner's, from its configuration). */
function listClientsOf(path: string, query: string | null): ExchangeTarget {
  const instance = path.slice(PREFIX.length, path.length - LIST_CLIENTS.length);
  if (!isSegment(instance)) throw new CangError('bad-request', 'Malformed instance identifier');
  return { kind: 'meta', name: 'listClients', instance, systemId: null, query };
}

/**
 * Parses `/r1/{instance}/{class}/{code}/{system}/{service}{rest}?{query}`. Malformed identifiers are a
 * `bad-request`, never a lookup. A service code equal to a metaservice name with no rest path is the
 * metaservice: those names are reserved, as in X-Road.
 */
export function parseExchangeUrl(url: string): ExchangeTarget {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 || queryAt === url.length - 1 ? null : url.slice(queryAt + 1);
  if (!path.startsWith(PREFIX)) {
    throw new CangError('bad-request', 'Unknown protocol version; calls start with /r1/');
  }
  if (path === '/r1/listClients') {
    return { kind: 'meta', name: 'listClients', instance: null, systemId: null, query };
  }
  // The service id is the first five segments after the prefix.
  let end = PREFIX.length - 1;
  for (let i = 0; i < 5; i++) {
    end = path.indexOf('/', end + 1);
    if (end === -1) {
      end = path.length;
      if (i === 1 && path.endsWith(LIST_CLIENTS)) return listClientsOf(path, query);
      if (i < 4) throw new CangError('bad-request', 'Malformed service identifier');
      break;
    }
  }
  const id = path.slice(PREFIX.length, end);
  const rest = path.slice(end);
  const lastSlash = id.lastIndexOf('/');
  const last = id.slice(lastSlash + 1);
  if (rest === '' && SYSTEM_METASERVICES.has(last)) {
    const systemId = id.slice(0, lastSlash);
    parseSystemId(systemId);
    const instance = systemId.slice(0, systemId.indexOf('/'));
    return { kind: 'meta', name: last as MetaserviceName, instance, systemId, query };
  }
  parseServiceId(id);
  return { kind: 'service', serviceId: id, rest, query };
}
