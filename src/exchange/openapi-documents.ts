/** Fetches a service's OpenAPI document (JSON text) from the registry; null when it holds none. */
export type FetchOpenApi = (serviceId: string) => Promise<string | null>;

/** The services' OpenAPI documents as the getOpenAPI metaservice reads them. */
export interface OpenApiDocuments {
  /** The document of a service under configuration `version`, fetched once per service and version. */
  get(serviceId: string, version: number): Promise<string | null>;
}

/**
 * Caches the documents the registry hands out (they left the snapshot, which every node holds, for the
 * registry, which answers only nodes). A document may change with any configuration version, so the cache
 * keeps the newest version's documents only; a failed fetch is not cached.
 */
export function cachedOpenApiDocuments(fetch: FetchOpenApi): OpenApiDocuments {
  let version = -1;
  let documents = new Map<string, Promise<string | null>>();
  return {
    get(serviceId, wanted) {
      if (wanted !== version) {
        if (wanted < version) return fetch(serviceId);
        version = wanted;
        documents = new Map();
      }
      let document = documents.get(serviceId);
      if (document === undefined) {
        const held = documents;
        document = fetch(serviceId);
        held.set(serviceId, document);
        document.catch(() => held.delete(serviceId));
      }
      return document;
    },
  };
}
