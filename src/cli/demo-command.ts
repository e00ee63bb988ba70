import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CangError, type Config } from '../core/index.js';
import { verifyLog } from '../exchange/index.js';
import { collectNodePublicKeys, type OrganisationCommands } from '../registry/index.js';
import {
  SAMPLE_HOUSEHOLD_SERVICE,
  sampleOpenApi,
  sampleService,
  startSampleProvider,
} from '../sample/index.js';
import { type CliDeps, cliActor } from './cli-deps.js';

const COMMUNE = 'VN-HP/GOV/11383';
const DEPARTMENT = 'VN-HP/GOV/STP';
const OUTSIDER = 'VN-HP/GOV/SNV';

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

/**
 * Creates one of the demo's organisations unless it exists already (a data directory the demo ran on
 * before): only that conflict passes, any other failure is reported.
 */
export async function ensureOrganisation(
  organisations: Pick<OrganisationCommands, 'create'>,
  id: string,
  name: string,
): Promise<void> {
  const [, memberClass, code] = id.split('/');
  try {
    await organisations.create(cliActor(), { memberClass: memberClass as 'GOV', code: code!, name });
  } catch (error) {
    if (error instanceof CangError && error.code === 'conflict') return;
    throw error;
  }
}

/** Calls the exchange until the configuration it serves includes the grant (it refreshes asynchronously). */
async function untilPublished(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new DemoFailure('the exchange did not pick up the new configuration within 5 s');
}

/**
 * `cang demo`: an end-to-end walk through the exchange on a fresh data directory. Returns the command,
 * so that other demos register beside it as its subcommands.
 */
export function registerDemoCommand(
  program: Command,
  deps: CliDeps,
  setExitCode: (code: number) => void,
): Command {
  return program
    .command('demo')
    .description(
      'Start Cảng on a fresh data directory, register a sample service, call it, and verify the log',
    )
    .option(
      '--data-dir <dir>',
      'data directory; for demo federation, the folder of its two (default: a fresh temporary folder)',
    )
    .action(async (options: { dataDir?: string }) => {
      const dataDir = options.dataDir ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), 'cang-demo-'));
      const { databaseUrl: _ignored, ...base } = deps.config;
      const config: Config = {
        ...base,
        dataDir,
        adminPort: 0,
        exchangePort: 0,
        role: 'all',
        // The demo's sample provider runs on loopback beside Cảng.
        allowLoopbackProviders: true,
        seedSample: true,
        // The demo registers its own provider and calls; the sample exchange would only stand beside them.
        sampleExchange: false,
        logLevel: 'warn',
        exchange: { ...base.exchange, sealEveryEntries: 2 }, // seal often, so the demo shows seals verified
      };
      step(1, `Starting Cảng on a fresh data directory: ${dataDir}`);
      const running = await deps.startServer(config);
      // The sample provider's household lookup, on any free loopback port.
      const provider = await startSampleProvider(0);
      const households = sampleService(SAMPLE_HOUSEHOLD_SERVICE);
      try {
        ok(`admin API at ${running.adminUrl}, exchange at ${running.exchangeUrl}`);
        ok("loopback providers allowed for the demo's sample provider (CANG_ALLOW_LOOPBACK_PROVIDERS)");
        const { registry } = running.platform;
        const actor = cliActor();

        step(
          2,
          `Phường Lê Chân publishes its household-registry lookup (sample provider at ${provider.url})`,
        );
        await ensureOrganisation(registry.organisations, COMMUNE, 'Phường Lê Chân');
        await ensureOrganisation(registry.organisations, DEPARTMENT, 'Sở Tư pháp');
        await ensureOrganisation(registry.organisations, OUTSIDER, 'Sở Nội vụ');
        const providerSystem = await registry.systems.create(actor, COMMUNE, {
          code: 'HTTT-HOTICH',
          name: 'Hệ thống quản lý hộ tịch phường Lê Chân',
        });
        const service = await registry.services.create(actor, providerSystem.id, {
          code: 'tra-cuu-ho-gia-dinh',
          name: 'Tra cứu thông tin hộ gia đình',
          baseUrl: `${provider.url}${households.mount}`,
          openapi: JSON.stringify(sampleOpenApi(households)),
          timeoutMs: 5000,
        });
        ok(`service registered: ${service.id}`);

        step(3, 'Sở Tư pháp gets an information system, a token and a grant for GET /households/*');
        const client = await registry.systems.create(actor, DEPARTMENT, {
          code: 'HTTT-LLTP',
          name: 'Hệ thống thông tin lý lịch tư pháp',
        });
        const { token } = await registry.credentials.issueToken(actor, client.id, { label: 'demo' });
        const grant = await registry.grants.create(actor, {
          client: client.id,
          service: service.id,
          methods: ['GET'],
          pathPatterns: ['/households/*'],
          quotaPerMinute: 600,
        });
        ok(`client ${client.id} holds token ${token.slice(0, 10)}… (stored only as a hash)`);
        ok(`grant ${grant.id}`);
        const outsider = await registry.systems.create(actor, OUTSIDER, {
          code: 'HTTT-CBCC',
          name: 'Hệ thống quản lý cán bộ',
        });
        const outsiderToken = (await registry.credentials.issueToken(actor, outsider.id, {})).token;

        const call = (system: string, bearer: string, rest: string) =>
          fetch(`${running.exchangeUrl}/r1/${service.id}${rest}`, {
            headers: { 'x-cang-client': system, authorization: `Bearer ${bearer}`, 'x-cang-purpose': 'demo' },
          });
        await untilPublished(
          async () => (await call(client.id, token, '/households/HP-305-000123')).status === 200,
        );

        step(4, 'Sở Tư pháp calls the service through the exchange');
        const answer = await call(client.id, token, '/households/HP-305-000123');
        const household = (await answer.json()) as { chuHo?: string };
        expect(answer.status === 200, `200 OK: household of ${household.chuHo}`);
        expect(Boolean(answer.headers.get('x-cang-id')), `transaction id ${answer.headers.get('x-cang-id')}`);
        expect(
          Boolean(answer.headers.get('x-cang-request-hash')),
          `request hash ${answer.headers.get('x-cang-request-hash')}`,
        );

        step(5, 'Calls the exchange refuses');
        const noGrant = await call(outsider.id, outsiderToken, '/households/HP-305-000123');
        expect(
          noGrant.status === 403 && noGrant.headers.get('x-cang-error') === 'access-denied',
          'Sở Nội vụ has no grant: 403 access-denied',
        );
        const wrongToken = await call(client.id, outsiderToken, '/households/HP-305-000123');
        expect(
          wrongToken.status === 401 && wrongToken.headers.get('x-cang-error') === 'client-auth-failed',
          "another system's token: 401 client-auth-failed",
        );
        const outsidePath = await call(client.id, token, '/admin/export');
        expect(
          outsidePath.status === 403 && outsidePath.headers.get('x-cang-error') === 'access-denied',
          'a path outside the grant: 403 access-denied',
        );

        step(6, 'Verifying the transaction log (chain and seals)');
        const result = await verifyLog({
          store: running.platform.store,
          publicKeys: await collectNodePublicKeys(registry.nodes),
        });
        expect(result.ok, `chain holds: ${result.entries} entries, ${result.seals} seals`);
        console.log('\nDemo complete: every step worked.');
        setExitCode(0);
      } catch (error) {
        if (!(error instanceof DemoFailure)) throw error;
        console.error(`   ✗ ${error.message}`);
        setExitCode(1);
      } finally {
        await provider.close();
        await running.close();
      }
    });
}
