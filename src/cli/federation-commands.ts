import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CangError, isSegment } from '../core/index.js';
import {
  issueFederationIdentity,
  loadOrCreateAuthorityCertificate,
  writeFederationIdentity,
} from '../registry/index.js';
import { type CliDeps, type CliPlatform, cliActor, withPlatform } from './cli-deps.js';
import { allPages, printRows } from './output.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The authority certificate of this data directory's instance, made from the registry key on first use. */
function authorityOf(platform: CliPlatform) {
  const { config, registryKey } = platform;
  return loadOrCreateAuthorityCertificate(config.dataDir, config.instance, registryKey);
}

function readAnchorFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CangError('bad-request', `Cannot read the anchor file ${file}`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CangError('bad-request', `The anchor file ${file} is not JSON`);
  }
}

/**
 * `cang federation …`: trust between instances. Exporting our anchor, trusting a partner's, what is
 * offered to each partner, which local systems may call out to it, and node certificates for
 * exchange-only nodes, all made from this data directory's registry key.
 */
export function registerFederationCommands(program: Command, deps: CliDeps): void {
  const run = <T>(work: Parameters<typeof withPlatform<T>>[1]) => withPlatform(deps, work);
  const federation = program
    .command('federation')
    .description('Federation with partner instances: anchors, partners, offers, outbound policy');

  federation
    .command('anchor')
    .description('This instance’s configuration anchor')
    .command('export')
    .description('Write the anchor to hand a partner out of band (stdout unless --out)')
    .option('--out <file>', 'write it to this file (never overwritten)')
    .option(
      '--url <url>',
      'a configuration URL partners fetch from, e.g. behind a load balancer (repeatable); default: every federating node',
      collect,
    )
    .action((options: { out?: string; url?: string[] }) =>
      run(async (platform) => {
        const anchor = await platform.registry.federation.partners.exportAnchor(
          { publicKey: platform.registryKey.publicKey, certificate: await authorityOf(platform) },
          options.url,
        );
        const text = `${JSON.stringify(anchor, null, 2)}\n`;
        if (options.out === undefined) {
          process.stdout.write(text);
          return;
        }
        try {
          writeFileSync(options.out, text, { flag: 'wx', mode: 0o644 });
        } catch (error) {
          if ((error as { code?: unknown }).code === 'EEXIST') {
            throw new CangError('conflict', `${options.out} already exists; it is never overwritten`);
          }
          throw error;
        }
        console.error(`Wrote the anchor of ${anchor.instance} to ${options.out}`);
      }),
    );

  federation
    .command('add <file>')
    .description('Trust a partner instance from its anchor file (a new anchor of a partner replaces the old)')
    .action((file: string) =>
      run(async ({ registry }) => {
        const partner = await registry.federation.partners.add(cliActor(), readAnchorFile(file));
        console.log(`Trusted partner ${partner.instance} (registry key ${partner.keyId})`);
      }),
    );

  federation
    .command('remove <instance>')
    .description('Stop trusting a partner: its offers, outbound policy and grants to its systems go too')
    .action((instance: string) =>
      run(async ({ registry }) => {
        await registry.federation.partners.remove(cliActor(), instance);
        console.log(`Removed partner ${instance}`);
      }),
    );

  federation
    .command('list')
    .description('List the trusted partners')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      run(async ({ registry }) => {
        const partners = await allPages((query) => registry.federation.partners.list(query));
        const rows = [];
        for (const partner of partners) {
          const offers = await allPages((query) => registry.federation.offers.list(partner.instance, query));
          const outbound = await allPages((query) =>
            registry.federation.outbound.list(partner.instance, query),
          );
          rows.push({
            instance: partner.instance,
            keyId: partner.keyId,
            configurationUrls: options.json ? partner.configurationUrls : partner.configurationUrls.join(' '),
            offers: offers.length,
            outboundClients: outbound.length,
            addedAt: partner.addedAt,
          });
        }
        printRows(rows, options);
      }),
    );

  federation
    .command('offer <partner> <service>')
    .description('Offer a local service to a partner')
    .option('--openapi', 'show the partner the service’s OpenAPI document')
    .action((partner: string, service: string, options: { openapi?: boolean }) =>
      run(async ({ registry }) => {
        const offer = await registry.federation.offers.set(cliActor(), partner, {
          service,
          publishOpenapi: options.openapi === true,
        });
        console.log(
          `Offered ${offer.service} to ${partner}${offer.publishOpenapi ? ' with its OpenAPI document' : ''}`,
        );
      }),
    );

  federation
    .command('allow <partner> <client>')
    .description('Allow a local system to call a partner’s services (closed by default)')
    .action((partner: string, client: string) =>
      run(async ({ registry }) => {
        await registry.federation.outbound.allow(cliActor(), partner, { client });
        console.log(`${client} may call ${partner}`);
      }),
    );

  federation
    .command('certificate')
    .description('Issue a federation TLS identity (key and certificate) for an exchange-only node')
    .requiredOption('--node <id>', 'the node id')
    .requiredOption(
      '--out <file>',
      'the file to write (mode 0600, never overwritten); set CANG_FEDERATION_TLS_FILE to it',
    )
    .option('--host <name>', 'a host name or IP address the certificate names (repeatable)', collect)
    .action((options: { node: string; out: string; host?: string[] }) =>
      run(async (platform) => {
        if (!isSegment(options.node)) throw new CangError('bad-request', 'Malformed node identifier');
        const identity = await issueFederationIdentity(
          { registryKey: platform.registryKey, certificate: await authorityOf(platform) },
          platform.config.instance,
          options.node,
          options.host ?? [],
        );
        writeFederationIdentity(options.out, identity);
        console.log(`Wrote the federation identity of ${identity.name} to ${options.out}`);
        console.log(`TLS key fingerprint (SPKI SHA-256): ${identity.tlsFingerprint}`);
      }),
    );
}
