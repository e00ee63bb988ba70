import type { Command } from 'commander';
import { type CliDeps, cliActor, withPlatform } from './cli-deps.js';
import { allPages, printRows } from './output.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `cang org|system|service|grant|credential …`: manage the registry from the command line. */
export function registerRegistryCommands(program: Command, deps: CliDeps): void {
  const run = <T>(work: Parameters<typeof withPlatform<T>>[1]) => withPlatform(deps, work);

  const org = program.command('org').description('Organisations (members)');
  org
    .command('list')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      run(async ({ registry }) => {
        const organisations = await allPages((query) => registry.organisations.list(query));
        const rows = organisations.map((o) => ({
          id: o.id,
          name: o.name,
          agencyCode: o.agencyCode,
          validTo: o.validTo,
        }));
        printRows(rows, options);
      }),
    );
  org
    .command('create <class> <code> <name>')
    .description('Register an organisation, e.g. cang org create GOV STP "Sở Tư pháp"')
    .option('--agency-code <code>', 'QĐ 20/2020 agency code, e.g. 000.00.31.H26')
    .action((memberClass: string, code: string, name: string, options: { agencyCode?: string }) =>
      run(async ({ registry }) => {
        const created = await registry.organisations.create(cliActor(), {
          memberClass: memberClass as 'GOV',
          code,
          name,
          ...(options.agencyCode ? { agencyCode: options.agencyCode } : {}),
        });
        console.log(`Created organisation ${created.id}`);
      }),
    );
  org
    .command('delete <id>')
    .action((id: string) => run(async ({ registry }) => registry.organisations.delete(cliActor(), id)));

  const system = program.command('system').description('Information systems (subsystems)');
  system
    .command('list <organisation>')
    .option('--json', 'print JSON')
    .action((organisation: string, options: { json?: boolean }) =>
      run(async ({ registry }) => {
        const page = await registry.systems.list(organisation, { limit: 200 });
        printRows(
          page.items.map((s) => ({ id: s.id, name: s.name })),
          options,
        );
      }),
    );
  system
    .command('create <organisation> <code> <name>')
    .action((organisation: string, code: string, name: string) =>
      run(async ({ registry }) => {
        const created = await registry.systems.create(cliActor(), organisation, { code, name });
        console.log(`Created information system ${created.id}`);
      }),
    );

  const service = program.command('service').description('Services offered by information systems');
  service
    .command('list <system>')
    .option('--json', 'print JSON')
    .action((systemId: string, options: { json?: boolean }) =>
      run(async ({ registry }) => {
        const page = await registry.services.list(systemId, { limit: 200 });
        printRows(
          page.items.map((s) => ({ id: s.id, name: s.name, baseUrl: s.baseUrl, enabled: s.enabled })),
          options,
        );
      }),
    );
  service
    .command('create <system> <code> <name> <baseUrl>')
    .option('--timeout-ms <ms>', 'provider timeout', Number)
    .option('--max-body-bytes <bytes>', 'largest request body', Number)
    .action(
      (
        systemId: string,
        code: string,
        name: string,
        baseUrl: string,
        options: { timeoutMs?: number; maxBodyBytes?: number },
      ) =>
        run(async ({ registry }) => {
          const created = await registry.services.create(cliActor(), systemId, {
            code,
            name,
            baseUrl,
            ...options,
          });
          console.log(`Created service ${created.id}`);
        }),
    );
  for (const [verb, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    service
      .command(`${verb} <service>`)
      .action((id: string) =>
        run(async ({ registry }) => void (await registry.services.update(cliActor(), id, { enabled }))),
      );
  }

  const grant = program.command('grant').description('Access grants: a client system may call a service');
  grant
    .command('list')
    .option('--client <system>')
    .option('--service <service>')
    .option('--json', 'print JSON')
    .action((options: { client?: string; service?: string; json?: boolean }) =>
      run(async ({ registry }) => {
        const page = await registry.grants.list({
          limit: 200,
          ...(options.client ? { client: options.client } : {}),
          ...(options.service ? { service: options.service } : {}),
        });
        printRows(
          page.items.map((g) => ({
            id: g.id,
            client: g.client,
            service: g.service,
            methods: g.methods?.join(',') ?? '*',
            paths: g.pathPatterns?.join(',') ?? '*',
            quota: g.quotaPerMinute,
            expiresAt: g.expiresAt,
          })),
          options,
        );
      }),
    );
  grant
    .command('create <client> <service>')
    .option('--method <method>', 'allowed method (repeatable)', collect)
    .option('--path <pattern>', 'allowed path pattern, e.g. /households/* (repeatable)', collect)
    .option('--quota <perMinute>', 'requests per minute', Number)
    .option('--expires <dateTime>', 'ISO date-time when the grant ends')
    .action(
      (
        client: string,
        serviceId: string,
        o: { method?: string[]; path?: string[]; quota?: number; expires?: string },
      ) =>
        run(async ({ registry }) => {
          const created = await registry.grants.create(cliActor(), {
            client,
            service: serviceId,
            ...(o.method ? { methods: o.method } : {}),
            ...(o.path ? { pathPatterns: o.path } : {}),
            ...(o.quota ? { quotaPerMinute: o.quota } : {}),
            ...(o.expires ? { expiresAt: o.expires } : {}),
          });
          console.log(`Granted ${client} access to ${serviceId} (grant ${created.id})`);
        }),
    );
  grant
    .command('delete <id>')
    .action((id: string) => run(async ({ registry }) => registry.grants.delete(cliActor(), id)));

  const credential = program.command('credential').description('Client credentials of an information system');
  credential
    .command('list <system>')
    .option('--json', 'print JSON')
    .action((systemId: string, options: { json?: boolean }) =>
      run(async ({ registry }) => {
        const page = await registry.credentials.list(systemId, { limit: 200 });
        printRows(
          page.items.map((c) => ({
            id: c.id,
            kind: c.kind,
            label: c.label,
            hint: c.tokenHint,
            status: c.status,
          })),
          options,
        );
      }),
    );
  credential
    .command('issue <system>')
    .description('Issue a bearer token; it is shown once and stored only as a hash')
    .option('--label <label>')
    .action((systemId: string, options: { label?: string }) =>
      run(async ({ registry }) => {
        const issued = await registry.credentials.issueToken(cliActor(), systemId, {
          ...(options.label ? { label: options.label } : {}),
        });
        console.log(`Token for ${systemId} (shown once, keep it safe):\n${issued.token}`);
      }),
    );
  credential
    .command('revoke <system> <id>')
    .action((systemId: string, id: string) =>
      run(async ({ registry }) => void (await registry.credentials.revoke(cliActor(), systemId, id))),
    );
}
