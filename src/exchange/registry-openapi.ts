import { type Dispatcher, request } from 'undici';
import { CangError } from '../core/index.js';
import { type NodeSigner, signNodeRequest } from '../registry/index.js';
import type { FetchOpenApi } from './openapi-documents.js';

/** Where an exchange-only node asks the registry for OpenAPI documents. */
export interface RegistryOpenApiOptions {
  /** The registry's `/api/v1/config/openapi` route. */
  readonly url: string;
  readonly signer: NodeSigner;
  readonly dispatcher?: Dispatcher;
  readonly now?: () => number;
}

/**
 * Fetches a service's OpenAPI document from the registry over the node-signed channel the snapshot
 * comes through: null when the registry holds none, `not-ready` when it cannot be asked.
 */
export function fetchOpenApiFromRegistry(options: RegistryOpenApiOptions): FetchOpenApi {
  const now = options.now ?? Date.now;
  return async (serviceId) => {
    const url = new URL(options.url);
    url.searchParams.set('service', serviceId);
    let status: number;
    let text: string;
    try {
      const response = await request(url, {
        headers: {
          authorization: signNodeRequest(options.signer, 'GET', url.href, now()),
          accept: 'application/json',
        },
        ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (cause) {
      throw new CangError('not-ready', 'The registry could not be asked for the OpenAPI document', { cause });
    }
    if (status === 404) return null;
    if (status !== 200) {
      throw new CangError('not-ready', 'The registry could not be asked for the OpenAPI document', {
        cause: new Error(`registry answered ${status}`),
      });
    }
    return text;
  };
}
