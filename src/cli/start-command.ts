import type { Command } from 'commander';
import { exchangeWorkerNodeId, loopbackProvidersAllowed } from '../core/index.js';
import type { CliDeps } from './cli-deps.js';

/** `cang start`: runs Cảng all in one (or the configured role) until interrupted. */
export function registerStartCommand(program: Command, deps: CliDeps): void {
  program
    .command('start')
    .description('Run Cảng: admin API and console, and the exchange (CANG_ROLE picks one)')
    .action(async () => {
      const running = await deps.startServer(deps.config);
      const lines = ['', 'Cảng đang chạy / Cảng is running'];
      if (running.adminUrl) {
        lines.push(`  Console and admin API: ${running.adminUrl}/`);
        lines.push(`  API documentation:     ${running.adminUrl}/api/docs`);
      }
      if (running.exchangeUrl) lines.push(`  Exchange (r1):         ${running.exchangeUrl}/r1/`);
      const workers = deps.config.exchangeWorkers ?? 1;
      if (running.exchangeUrl && workers > 1) {
        const last = exchangeWorkerNodeId(deps.config.nodeId, workers);
        lines.push(
          `  Exchange workers:      ${workers} processes, nodes ${exchangeWorkerNodeId(deps.config.nodeId, 1)} … ${last} (CANG_EXCHANGE_WORKERS)`,
        );
      }
      if (running.metricsUrl) lines.push(`  Metrics:               ${running.metricsUrl}/metrics`);
      if (running.exchangeUrl && loopbackProvidersAllowed(deps.config)) {
        // Said at every start, so that a production node does not run this way unnoticed.
        lines.push(
          '  Loopback providers:    allowed, for sample and development providers on this machine',
          '                         (CANG_ALLOW_LOOPBACK_PROVIDERS=false refuses them, as production should)',
        );
      }
      lines.push(`  Data:                  ${deps.config.databaseUrl ? 'PostgreSQL' : deps.config.dataDir}`);
      // Said at every start, so that sample data is never mistaken for real data (CANG_SEED_SAMPLE).
      lines.push(
        running.sampleRemovedAt !== undefined
          ? `  Sample data:           removed on ${running.sampleRemovedAt} (cang sample remove); never loaded again`
          : deps.config.seedSample
            ? '  Sample data:           on (dữ liệu mẫu; CANG_SEED_SAMPLE=false starts without it; cang sample remove deletes it)'
            : '  Sample data:           off (CANG_SEED_SAMPLE=true loads the sample Hải Phòng data)',
      );
      if (running.seededOrganisations > 0) {
        lines.push(`                         ${running.seededOrganisations} Hải Phòng organisations loaded`);
      }
      if (running.sampleExchange) {
        lines.push(
          `  Sample provider:       ${running.sampleExchange.providerUrl}/ (CANG_SAMPLE_PROVIDER_PORT)`,
        );
        lines.push(`  Sample tokens:         ${running.sampleExchange.tokensFile}`);
        lines.push(
          `  Sample traffic:        ${deps.config.sampleTraffic === false ? 'off (CANG_SAMPLE_TRAFFIC=false)' : 'on, a few calls a minute (CANG_SAMPLE_TRAFFIC=false stops it)'}`,
        );
      } else if (running.sampleExchangeOff) {
        lines.push(`  Sample exchange:       ${running.sampleExchangeOff}`);
      }
      if (running.firstAdministrator) {
        lines.push('', '  First start: an administrator was created. Its password is shown only this once');
        lines.push('  and must be changed at the first login (lần đăng nhập đầu phải đổi mật khẩu này):');
        lines.push(`    username: ${running.firstAdministrator.username}`);
        lines.push(`    password: ${running.firstAdministrator.password}`);
      } else {
        lines.push('  Log in with an existing account (the first password was printed on the first start).');
      }
      console.log(`${lines.join('\n')}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      console.log('Stopping…');
      await running.close();
    });
}
