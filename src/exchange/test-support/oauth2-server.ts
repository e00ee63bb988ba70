import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A real OAuth2 authorisation server (oidc-provider) issuing client-credential tokens on loopback. */
export interface OAuth2Server {
  readonly issuer: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope: string;
  /** Whether `token` is a live access token this server issued, for the given scope. */
  accepts(token: string): Promise<boolean>;
  /** Revokes an access token, as a platform does when it rotates or distrusts one. */
  revoke(token: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the authorisation server with one confidential client allowed the client-credentials grant. */
export async function startOAuth2Server(): Promise<OAuth2Server> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handle(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'vn-hp-lgsp';
  const clientSecret = 'a-long-client-secret-of-the-city-0123456789';
  const scope = 'lgsp.read';
  const signing = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'ES256',
        scope,
      },
    ],
    scopes: [scope],
    features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
    jwks: { keys: [{ ...signing, alg: 'ES256', use: 'sig', kid: 'test' }] },
  });
  handle = provider.callback();
  const find = (token: string) => provider.ClientCredentials.find(token);
  return {
    issuer,
    tokenUrl: `${issuer}/token`,
    clientId,
    clientSecret,
    scope,
    async accepts(token) {
      const found = await find(token);
      return found !== undefined && found.scope === scope && found.clientId === clientId;
    },
    async revoke(token) {
      await (await find(token))?.destroy();
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
