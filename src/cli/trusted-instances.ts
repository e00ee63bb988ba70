import { createServer } from 'node:net';
import type { Config } from '../core/index.js';
import type { AdminApiClient } from './admin-api-client.js';
import { DEMO_MINISTRY_OPENAPI } from './demo-ministry-provider.js';

/*
 * Two Cảng instances that trust each other, set up through their admin APIs as operators would: the city
 * (VN-HP) and the national platform (VN), where a ministry offers the city its citizen lookup. The
 * federation demo and the tests with two real processes share these steps.
 */

/** The city's instance and the national platform's. */
export const CITY = 'VN-HP';
export const NATIONAL = 'VN';

/** The ministry's organisation and system on the national platform, and the service it offers the city. */
export const MINISTRY = 'VN/GOV/BCA';
export const MINISTRY_SYSTEM = `${MINISTRY}/CSDLQG-DC`;
export const MINISTRY_SERVICE = `${MINISTRY_SYSTEM}/tra-cuu-cong-dan`;

/** The city department's system granted the ministry's service, and one allowed out but never granted. */
export const CITY_CLIENT = 'VN-HP/GOV/STP/HTTT-LLTP';
export const CITY_UNGRANTED_CLIENT = 'VN-HP/GOV/SNV/HTTT-CBCC';

/** The largest request body the ministry's service takes; published to the city with the offer. */
export const MINISTRY_MAX_BODY_BYTES = 64 * 1024;

/** How one federating all-in-one instance is set up. */
export interface FederatingInstance {
  readonly instance: string;
  readonly nodeId: string;
  /** The federation listener's port: partners are told the address before the node starts, so not 0. */
  readonly federationPort: number;
}

const HOST = '127.0.0.1';
// Short, so that partners see every change within a second or so: the demo and tests wait on it.
const POLL_SECONDS = 1;
// Seal often, so that verifying a short log checks seals too.
const SEAL_EVERY_ENTRIES = 2;

/** The address partners reach an instance's federation listener at. */
export function federationAddress(instance: FederatingInstance): string {
  return `https://${HOST}:${instance.federationPort}`;
}

/**
 * A loopback port free at this moment. Another process could take it before the listener does; the
 * listener then fails to start with EADDRINUSE, which is reported, never hidden.
 */
export async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, HOST, resolve);
  });
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The configuration of an instance started in this process, on its own data directory and loopback ports. */
export function federatingConfig(base: Config, dataDir: string, instance: FederatingInstance): Config {
  const { databaseUrl: _ignored, ...rest } = base;
  return {
    ...rest,
    dataDir,
    host: HOST,
    adminPort: 0,
    exchangePort: 0,
    publicUrl: `http://${HOST}`,
    role: 'all',
    instance: instance.instance,
    nodeId: instance.nodeId,
    seedSample: false,
    // Not 'warn': on shutdown, the instance still running warns that its partner, stopped first, is gone.
    logLevel: 'error',
    exchange: { ...rest.exchange, sealEveryEntries: SEAL_EVERY_ENTRIES },
    federation: {
      port: instance.federationPort,
      address: federationAddress(instance),
      pollSeconds: POLL_SECONDS,
    },
  };
}

/** The same settings as the environment of a `cang start` process. */
export function federatingEnv(instance: FederatingInstance): Record<string, string> {
  return {
    CANG_HOST: HOST,
    CANG_INSTANCE: instance.instance,
    CANG_NODE_ID: instance.nodeId,
    CANG_SEED_SAMPLE: 'false',
    CANG_FEDERATION_PORT: String(instance.federationPort),
    CANG_FEDERATION_ADDRESS: federationAddress(instance),
    CANG_FEDERATION_POLL_SECONDS: String(POLL_SECONDS),
    CANG_SEAL_EVERY_ENTRIES: String(SEAL_EVERY_ENTRIES),
  };
}

/** Waits until `check` holds, trying every 100 ms; fails naming `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A configuration anchor as the admin API exports it. */
export interface Anchor {
  readonly instance: string;
  readonly publicKey: string;
  readonly certificate: string;
  readonly configurationUrls: readonly string[];
}

/** Each instance exports its anchor and trusts the other's. */
export async function exchangeAnchors(
  city: AdminApiClient,
  national: AdminApiClient,
): Promise<{ city: Anchor; national: Anchor }> {
  const cityAnchor = await city.call<Anchor>('GET', '/federation/anchor');
  const nationalAnchor = await national.call<Anchor>('GET', '/federation/anchor');
  await national.call('POST', '/federation/partners', cityAnchor);
  await city.call('POST', '/federation/partners', nationalAnchor);
  return { city: cityAnchor, national: nationalAnchor };
}

/** Path of a system's organisation in the admin API. */
function organisationPath(system: string): string {
  const [instance, memberClass, code] = system.split('/');
  return `/organisations/${instance}/${memberClass}/${code}`;
}

/** Path of a system in the admin API. */
function systemPath(system: string): string {
  return `${organisationPath(system)}/systems/${system.split('/')[3]}`;
}

/** Creates an organisation (of the instance the client administers), and one of its systems. */
async function createSystem(
  admin: AdminApiClient,
  system: string,
  names: { organisation: string; system: string },
): Promise<void> {
  const [, memberClass, code, name] = system.split('/');
  await admin.call('POST', '/organisations', { memberClass, code, name: names.organisation });
  await admin.call('POST', `${organisationPath(system)}/systems`, { code: name, name: names.system });
}

/**
 * On the national platform: the ministry, its system and its citizen lookup answered by the provider at
 * `providerBaseUrl` (the one place a provider address is registered), offered to the city.
 */
export async function publishMinistryService(
  national: AdminApiClient,
  providerBaseUrl: string,
): Promise<void> {
  await createSystem(national, MINISTRY_SYSTEM, {
    organisation: 'Bộ Công an',
    system: 'Cơ sở dữ liệu quốc gia về dân cư',
  });
  await national.call('POST', `${systemPath(MINISTRY_SYSTEM)}/services`, {
    code: MINISTRY_SERVICE.split('/').at(-1),
    name: 'Tra cứu thông tin công dân',
    baseUrl: providerBaseUrl,
    openapi: JSON.stringify(DEMO_MINISTRY_OPENAPI),
    // Generous: on a fresh instance the first call also starts each side's log commit thread, seconds on
    // a busy machine, and the city gives the partner only this timeout (plus a margin) to answer.
    timeoutMs: 30_000,
    maxBodyBytes: MINISTRY_MAX_BODY_BYTES,
  });
  await offerMinistryService(national);
}

/** On the national platform: offers the ministry's service to the city, with its OpenAPI document. */
export async function offerMinistryService(national: AdminApiClient): Promise<void> {
  await national.call('POST', `/federation/partners/${CITY}/offers`, {
    service: MINISTRY_SERVICE,
    publishOpenapi: true,
  });
}

/** Tokens of the city's two systems that may call out to the national platform. */
export interface CityTokens {
  /** Of CITY_CLIENT. */
  readonly client: string;
  /** Of CITY_UNGRANTED_CLIENT. */
  readonly ungranted: string;
}

/** On the city: two departments' systems, each with a token, both allowed to call the national platform. */
export async function openCityOutbound(city: AdminApiClient): Promise<CityTokens> {
  await createSystem(city, CITY_CLIENT, {
    organisation: 'Sở Tư pháp',
    system: 'Hệ thống thông tin lý lịch tư pháp',
  });
  await createSystem(city, CITY_UNGRANTED_CLIENT, {
    organisation: 'Sở Nội vụ',
    system: 'Hệ thống quản lý cán bộ, công chức',
  });
  const tokens: string[] = [];
  for (const system of [CITY_CLIENT, CITY_UNGRANTED_CLIENT]) {
    const issued = await city.call<{ token: string }>('POST', `${systemPath(system)}/credentials`, {
      label: 'liên thông',
    });
    tokens.push(issued.token);
    await city.call('POST', `/federation/partners/${NATIONAL}/outbound`, { client: system });
  }
  return { client: tokens[0]!, ungranted: tokens[1]! };
}

/** How an instance's poll of a partner's configuration goes, as the admin API shows it. */
export interface PartnerStatus {
  readonly state: 'valid' | 'missing';
  readonly version: number | null;
  readonly lastError: string | null;
  readonly services: readonly { readonly id: string; readonly grantedTo: readonly string[] }[];
  readonly systems: readonly { readonly id: string; readonly name: string }[];
}

/** What `admin`'s instance holds of `partner`'s configuration. */
export function partnerStatus(admin: AdminApiClient, partner: string): Promise<PartnerStatus> {
  return admin.call<PartnerStatus>('GET', `/federation/partners/${partner}/status`);
}

/** Whether the city's copy of the national configuration shows the ministry's service granted to `client`. */
export async function cityHoldsGrant(city: AdminApiClient, client: string): Promise<boolean> {
  const status = await partnerStatus(city, NATIONAL);
  return status.services.some(
    (service) => service.id === MINISTRY_SERVICE && service.grantedTo.includes(client),
  );
}

/**
 * On the national platform, once it holds the city's configuration listing CITY_CLIENT: grants it the
 * ministry's service; then waits until the city's copy of the national configuration shows the grant.
 * Resolves with the grant's id.
 */
export async function grantCityClient(city: AdminApiClient, national: AdminApiClient): Promise<string> {
  await until(
    async () => (await partnerStatus(national, CITY)).systems.some((system) => system.id === CITY_CLIENT),
    `${NATIONAL} holds the configuration of ${CITY} listing ${CITY_CLIENT}`,
  );
  const grant = await national.call<{ id: string }>('POST', '/grants', {
    client: CITY_CLIENT,
    service: MINISTRY_SERVICE,
    methods: ['GET', 'POST'],
  });
  await until(() => cityHoldsGrant(city, CITY_CLIENT), `${CITY} holds the grant to ${CITY_CLIENT}`);
  return grant.id;
}

/** Everything set up between the two instances. */
export interface TrustedInstances {
  readonly anchors: { readonly city: Anchor; readonly national: Anchor };
  readonly tokens: CityTokens;
  readonly grantId: string;
}

/** All of the above, in order: trust, the ministry's offer, the city's outbound policy, the grant. */
export async function trustEachOther(
  city: AdminApiClient,
  national: AdminApiClient,
  providerBaseUrl: string,
): Promise<TrustedInstances> {
  const anchors = await exchangeAnchors(city, national);
  await publishMinistryService(national, providerBaseUrl);
  const tokens = await openCityOutbound(city);
  const grantId = await grantCityClient(city, national);
  return { anchors, tokens, grantId };
}
