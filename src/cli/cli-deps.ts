import type { Catalog } from '../catalog/index.js';
import type { Config } from '../core/index.js';
import type { Identity } from '../identity/index.js';
import type { Registry } from '../registry/index.js';
import type { Steering } from '../steering/index.js';
import type { AuditActor, Store } from '../store/index.js';

/** The opened parts a CLI command works with, in process (the composition root builds them). */
export interface CliPlatform {
  readonly config: Config;
  readonly store: Store;
  readonly registry: Registry;
  readonly identity: Identity;
  readonly steering: Steering;
  readonly catalog: Catalog;
  readonly nodeKey: { readonly privateKey: string; readonly publicKey: string; readonly id: string };
  /** The registry key: it signs the snapshot and is the instance's certificate authority for federation. */
  readonly registryKey: { readonly privateKey: string; readonly publicKey: string; readonly id: string };
  close(): Promise<void>;
}

/** A started server as `cang start` and `cang demo` see it. */
export interface CliRunningServer {
  readonly adminUrl: string | undefined;
  readonly exchangeUrl: string | undefined;
  readonly metricsUrl: string | undefined;
  readonly firstAdministrator: { readonly username: string; readonly password: string } | undefined;
  readonly seededOrganisations: number;
  /** When `cang sample remove` removed the sample data, if it did. */
  readonly sampleRemovedAt: string | undefined;
  /** The sample exchange's provider and tokens file, when sample mode runs it. */
  readonly sampleExchange: { readonly providerUrl: string; readonly tokensFile: string } | undefined;
  /** Why sample mode runs no sample exchange, when it does not. */
  readonly sampleExchangeOff: string | undefined;
  readonly platform: CliPlatform;
  close(): Promise<void>;
}

/** What main.ts hands the CLI: the configuration and the composition root's two entry points. */
export interface CliDeps {
  readonly config: Config;
  startServer(config: Config): Promise<CliRunningServer>;
  openPlatform(config: Config): Promise<CliPlatform>;
}

/** The audit actor of changes made from the command line. */
export function cliActor(): AuditActor {
  return { id: `cli:${process.env.USER ?? process.env.USERNAME ?? 'operator'}`, remoteAddress: 'local' };
}

/** Opens the platform, runs `work` with it and always closes it. */
export async function withPlatform<T>(
  deps: CliDeps,
  work: (platform: CliPlatform) => Promise<T>,
): Promise<T> {
  const platform = await deps.openPlatform(deps.config);
  try {
    return await work(platform);
  } finally {
    await platform.close();
  }
}
