import type { Migration } from 'kysely/migration';
import * as foundation from './2026-11-26-1-foundation.js';
import * as steeringWorkspace from './2026-11-26-2-steering-workspace.js';
import * as steeringIndicators from './2026-11-26-3-steering-indicators.js';
import * as catalog from './2026-11-26-4-catalog.js';
import * as federation from './2026-12-02-1-federation.js';
import * as workingDays from './2026-12-02-2-working-days.js';
import * as mergedCity from './2026-12-02-3-merged-city.js';
import * as externalPlatforms from './2026-12-02-4-external-platforms.js';
import * as providerAllowList from './2026-12-03-1-provider-allow-list.js';
import * as loginThrottle from './2026-12-03-2-login-throttle.js';
import * as committeesDti from './2026-12-03-3-committees-dti.js';
import * as loggedBodyTruncation from './2026-12-03-6-logged-body-truncation.js';
import * as sampleMarks from './2026-12-04-1-sample-marks.js';
import * as communeReporting from './2026-12-04-2-commune-reporting.js';
import * as logPartitions from './2026-12-04-5-log-partitions.js';
import * as logSearchIndexes from './2026-12-04-7-log-search-indexes.js';
import * as sampleTraffic from './2026-12-04-8-sample-traffic.js';
import * as catalogSearchCandidates from './2026-12-05-1-catalog-search-candidates.js';
import * as trafficPerNode from './2026-12-05-7-traffic-per-node.js';

/** All migrations in order; names are ISO-date prefixed, numbered within a day, and frozen once released. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-26-1-foundation': foundation,
  '2026-11-26-2-steering-workspace': steeringWorkspace,
  '2026-11-26-3-steering-indicators': steeringIndicators,
  '2026-11-26-4-catalog': catalog,
  '2026-12-02-1-federation': federation,
  '2026-12-02-2-working-days': workingDays,
  '2026-12-02-3-merged-city': mergedCity,
  '2026-12-02-4-external-platforms': externalPlatforms,
  '2026-12-03-1-provider-allow-list': providerAllowList,
  '2026-12-03-2-login-throttle': loginThrottle,
  '2026-12-03-3-committees-dti': committeesDti,
  '2026-12-03-6-logged-body-truncation': loggedBodyTruncation,
  '2026-12-04-1-sample-marks': sampleMarks,
  '2026-12-04-2-commune-reporting': communeReporting,
  '2026-12-04-5-log-partitions': logPartitions,
  '2026-12-04-7-log-search-indexes': logSearchIndexes,
  '2026-12-04-8-sample-traffic': sampleTraffic,
  '2026-12-05-1-catalog-search-candidates': catalogSearchCandidates,
  '2026-12-05-7-traffic-per-node': trafficPerNode,
};
