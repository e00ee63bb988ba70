import type { AdminApiDeps } from './admin-api-deps.js';
import { createAdminApi } from './create-admin-api.js';

/** An OpenAPI 3.1 document as `@fastify/swagger` builds it. */
export type OpenApiDocument = Readonly<Record<string, unknown>> & {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
};

/**
 * A stand-in for a part that the routes hold on to but never call while the document is built:
 * any property is another stand-in, and a call fails naming the path, so a route that used its
 * dependency at registration would stop the build instead of describing something else.
 */
function unusedPart(name: string): never {
  const target = () => undefined;
  return new Proxy(target, {
    get: (_target, property) => (property === 'then' ? undefined : unusedPart(`${name}.${String(property)}`)),
    apply: () => {
      throw new Error(`${name}() was called while describing the admin API`);
    },
  }) as never;
}

/**
 * The admin API's OpenAPI document (what `/api/openapi.json` serves), built from the route
 * definitions of every part without a store or a listening socket.
 */
export async function describeAdminApi(): Promise<OpenApiDocument> {
  const deps: AdminApiDeps = {
    store: unusedPart('store'),
    identity: unusedPart('identity'),
    registry: unusedPart('registry'),
    catalog: unusedPart('catalog'),
    steering: unusedPart('steering'),
    snapshotPublisher: unusedPart('snapshotPublisher'),
    publicUrl: 'http://localhost',
  };
  const app = await createAdminApi(deps);
  try {
    await app.ready();
    return app.swagger() as unknown as OpenApiDocument;
  } finally {
    await app.close();
  }
}
