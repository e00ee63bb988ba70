import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { sha256Hex } from '../core/index.js';
import { federationIdentityFile, readFederationIdentity } from '../registry/index.js';
import { type AdminApiClient, logInToAdminApi } from './admin-api-client.js';
import type { CliDeps, CliRunningServer } from './cli-deps.js';
import { startDemoMinistryProvider } from './demo-ministry-provider.js';
import { callMinistry, loggedTransactions, postOversizedBody, verifyChains } from './cross-instance-calls.js';
import {
  CITY,
  CITY_CLIENT,
  CITY_UNGRANTED_CLIENT,
  exchangeAnchors,
  type FederatingInstance,
  federatingConfig,
  freeLoopbackPort,
  grantCityClient,
  MINISTRY_SERVICE,
  NATIONAL,
  openCityOutbound,
  publishMinistryService,
} from './trusted-instances.js';

class DemoFailure extends Error {}

function step(n: number, text: string): void {
  console.log(`\n${n}. ${text}`);
}
function ok(text: string): void {
  console.log(`   ✓ ${text}`);
}
function expect(condition: boolean, text: string): void {
  if (!condition) throw new DemoFailure(text);
  ok(text);
}

/** A started instance of the demo, logged in to its own admin API. */
interface DemoInstance {
  readonly settings: FederatingInstance;
  readonly dataDir: string;
  readonly running: CliRunningServer;
  readonly admin: AdminApiClient;
}

async function startInstance(deps: CliDeps, root: string, instance: string, nodeId: string) {
  const settings = { instance, nodeId, federationPort: await freeLoopbackPort() };
  const dataDir = join(root, instance);
  // Not recursive: an instance's data directory left by an earlier run is refused, never reused.
  mkdirSync(dataDir, { mode: 0o700 });
  const running = await deps.startServer(federatingConfig(deps.config, dataDir, settings));
  const login = running.firstAdministrator;
  if (running.adminUrl === undefined || login === undefined) {
    await running.close();
    throw new DemoFailure(`${instance} started without an admin port or a first administrator`);
  }
  const admin = await logInToAdminApi(running.adminUrl, login.username, login.password);
  // The printed password must be replaced before anything else; the session stays logged in. Nobody
  // logs in to a demo instance again, so the new one is random and never shown.
  await admin.call('PUT', '/users/me/password', {
    currentPassword: login.password,
    newPassword: randomBytes(24).toString('base64url'),
  });
  return { settings, dataDir, running, admin } satisfies DemoInstance;
}

/** The instance's authority certificate and its node's federation certificate, made at its first start. */
function describeCertificates(instance: DemoInstance, authorityPem: string): string {
  const authority = new X509Certificate(authorityPem);
  const node = readFederationIdentity(federationIdentityFile(instance.dataDir, instance.settings.nodeId));
  return (
    `${instance.settings.instance}: authority ${authority.subject} (SHA-256 ${sha256Hex(authority.raw).slice(0, 16)}…), ` +
    `node ${node.name} (key ${node.tlsFingerprint.slice(0, 16)}…)`
  );
}

/** Steps 2 to 8: trust, the offer, the outbound policy, the grant, the call across, refusals, both logs. */
async function runSteps(city: DemoInstance, national: DemoInstance, providerBaseUrl: string): Promise<void> {
  step(2, "Each instance exports its configuration anchor and trusts the other's");
  const anchors = await exchangeAnchors(city.admin, national.admin);
  ok(describeCertificates(national, anchors.national.certificate));
  ok(describeCertificates(city, anchors.city.certificate));
  ok(`${CITY} trusts ${NATIONAL}, configuration at ${anchors.national.configurationUrls.join(' ')}`);
  ok(`${NATIONAL} trusts ${CITY}, configuration at ${anchors.city.configurationUrls.join(' ')}`);

  step(3, `Bộ Công an publishes its citizen lookup on ${NATIONAL} and offers it to ${CITY}`);
  await publishMinistryService(national.admin, providerBaseUrl);
  ok(`service ${MINISTRY_SERVICE} (sample provider at ${providerBaseUrl})`);

  step(4, `${CITY}'s outbound policy: Sở Tư pháp and Sở Nội vụ may call ${NATIONAL}`);
  const tokens = await openCityOutbound(city.admin);
  ok(`${CITY_CLIENT} holds token ${tokens.client.slice(0, 10)}… (stored only as a hash)`);
  ok(`${CITY_UNGRANTED_CLIENT} holds a token too`);

  step(5, `${NATIONAL} grants Sở Tư pháp's system the ministry's service`);
  const grantId = await grantCityClient(city.admin, national.admin);
  ok(`grant ${grantId}, seen by ${CITY} in ${NATIONAL}'s federation configuration`);

  step(6, "Sở Tư pháp calls the ministry's service across the two instances (mutual TLS between them)");
  const cityExchange = city.running.exchangeUrl!;
  const answer = await callMinistry(cityExchange, CITY_CLIENT, tokens.client, '/cong-dan/031090001234');
  const citizen = (await answer.json()) as { hoTen?: string; detail?: string };
  const id = answer.headers.get('x-cang-id') ?? '';
  const requestHash = answer.headers.get('x-cang-request-hash') ?? '';
  expect(
    answer.status === 200,
    answer.status === 200
      ? `200 OK: citizen ${citizen.hoTen}`
      : `answered ${answer.status} ${answer.headers.get('x-cang-error')} from ${answer.headers.get('x-cang-instance')}: ${citizen.detail}`,
  );
  expect(id !== '', `transaction id ${id}`);
  expect(requestHash !== '', `request hash ${requestHash}`);
  expect(
    answer.headers.get('x-cang-remote-instance') === NATIONAL &&
      answer.headers.get('x-cang-remote-node') === national.settings.nodeId,
    `logged on the far side by ${answer.headers.get('x-cang-remote-instance')}/${answer.headers.get('x-cang-remote-node')}`,
  );
  expect(
    answer.headers.get('x-cang-remote-request-hash') === requestHash,
    'the far side logged the same request hash',
  );

  step(7, 'Cross-instance calls that are refused');
  const ungranted = await callMinistry(
    cityExchange,
    CITY_UNGRANTED_CLIENT,
    tokens.ungranted,
    '/cong-dan/031090001234',
  );
  const refusal = (await ungranted.json()) as { code?: string };
  expect(
    ungranted.status === 403 &&
      refusal.code === 'access-denied' &&
      ungranted.headers.get('x-cang-instance') === NATIONAL,
    `Sở Nội vụ has no grant at ${NATIONAL}: 403 ${refusal.code}, X-Cang-Instance: ${ungranted.headers.get('x-cang-instance')}`,
  );
  const oversized = await postOversizedBody(cityExchange, tokens.client);
  expect(
    oversized.status === 413 &&
      oversized.headers['x-cang-error'] === 'payload-too-large' &&
      oversized.headers['x-cang-instance'] === CITY,
    `a body over the limit ${NATIONAL} published: 413 payload-too-large, X-Cang-Instance: ${oversized.headers['x-cang-instance']}`,
  );

  step(8, 'Verifying both logs');
  const [home] = await loggedTransactions(city.admin, id);
  const [far] = await loggedTransactions(national.admin, id);
  expect(
    home?.status === 200 && far?.status === 200,
    `${CITY} logged ${id} on ${home?.nodeId}, ${NATIONAL} on ${far?.nodeId}`,
  );
  expect(
    home?.requestHash === requestHash && far?.requestHash === requestHash,
    'both entries hold the request hash the caller was given',
  );
  const refusedId = ungranted.headers.get('x-cang-id') ?? '';
  const refusedHome = await loggedTransactions(city.admin, refusedId);
  const refusedFar = await loggedTransactions(national.admin, refusedId);
  expect(
    refusedHome[0]?.errorCode === 'access-denied' && refusedFar[0]?.errorCode === 'access-denied',
    'the refusal is logged on both sides too',
  );
  for (const instance of [city, national]) {
    const result = await verifyChains(instance.admin);
    expect(
      result.ok,
      `${instance.settings.instance}: chain holds, ${result.entries} entries, ${result.seals} seals`,
    );
  }
}

/** `cang demo federation`: two instances that trust each other, a call across them, and both logs verified. */
export function registerFederationDemoCommand(
  demo: Command,
  deps: CliDeps,
  setExitCode: (code: number) => void,
): void {
  demo
    .command('federation')
    .description(
      'Start the city (VN-HP) and a national platform (VN) on fresh data directories, let them trust each other, call across, and verify both logs',
    )
    // `--data-dir` is `cang demo`'s option (commander gives a parent's options to it wherever they stand):
    // here it names the folder of the two data directories.
    .action(async () => {
      const { dataDir } = demo.opts<{ dataDir?: string }>();
      const root = dataDir ? resolve(dataDir) : mkdtempSync(join(tmpdir(), 'cang-demo-federation-'));
      mkdirSync(root, { recursive: true });
      const started: DemoInstance[] = [];
      const provider = await startDemoMinistryProvider();
      try {
        step(1, `Starting two instances on fresh data directories under ${root}`);
        const national = await startInstance(deps, root, NATIONAL, 'vn-node-1');
        started.push(national);
        const city = await startInstance(deps, root, CITY, 'hp-node-1');
        started.push(city);
        for (const { settings, running } of started) {
          ok(
            `${settings.instance}: admin API ${running.adminUrl}, exchange ${running.exchangeUrl}, federation port ${settings.federationPort}`,
          );
        }
        await runSteps(city, national, provider.baseUrl);
        console.log('\nDemo complete: every step worked.');
        setExitCode(0);
      } catch (error) {
        console.error(`   ✗ ${error instanceof Error ? error.message : String(error)}`);
        setExitCode(1);
      } finally {
        provider.server.close();
        for (const instance of started.reverse()) await instance.running.close();
      }
    });
}
