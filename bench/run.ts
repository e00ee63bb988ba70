/**
 * `npm run bench [-- name…]`: runs the benchmarks (all, or only those named) one
 * after another; each prints its figures and ends with its machine-readable `BENCH …` line. The soak (five
 * minutes) and the log's query plans (millions of generated rows) run only when named.
 */
import { benchExchange } from './exchange.js';
import { benchLogQueryPlans } from './log-query-plans.js';
import { benchWorkers } from './workers.js';
import { benchLogVerify } from './log-verify.js';
import { benchSteeringScore } from './steering-score.js';
import { benchCatalogSearch } from './catalog-search.js';
import { benchRevocation } from './revocation.js';
import { benchFederation } from './federation.js';
import { benchSoak } from './soak.js';
import { benchScale } from './scale.js';

const BENCHES: ReadonlyArray<readonly [string, () => Promise<unknown>, { onlyWhenNamed?: true }?]> = [
  ['exchange', benchExchange],
  ['exchange-workers', benchWorkers],
  ['log-verify', benchLogVerify],
  ['steering-score', benchSteeringScore],
  ['catalog-search', benchCatalogSearch],
  ['revocation', benchRevocation],
  ['federation', benchFederation],
  ['scale', benchScale],
  ['soak', benchSoak, { onlyWhenNamed: true }],
  ['log-plans', benchLogQueryPlans, { onlyWhenNamed: true }],
];

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !BENCHES.some(([known]) => known === name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')} (known: ${BENCHES.map(([n]) => n).join(', ')})`);
  process.exit(1);
}

// Every benchmark runs even when one before it failed; a failed or invalid run makes the exit status 1.
let failed = 0;
for (const [name, bench, options] of BENCHES) {
  const named = wanted.includes(name);
  if ((wanted.length > 0 || options?.onlyWhenNamed) && !named) continue;
  console.log(`\n== ${name} ==`);
  try {
    await bench();
  } catch (error) {
    failed++;
    console.error(`bench ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (failed > 0) {
  console.error(`${failed} benchmark(s) failed or were invalid`);
  process.exitCode = 1;
}
