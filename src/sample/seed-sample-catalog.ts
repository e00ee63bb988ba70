import { type CatalogSampleLinks, type CatalogSeedResult, seedCatalogSample } from '../catalog/index.js';
import type { Registry } from '../registry/index.js';
import type { AuditActor, Store } from '../store/index.js';
import {
  AN_LAO_ONE_STOP,
  BUILDING_PERMITS,
  HEALTH_RECORDS,
  INSPECTORATE,
  NGO_QUYEN_ONE_STOP,
} from './sample-clients.js';
import {
  SAMPLE_BUSINESS_SERVICE,
  SAMPLE_CIVIL_STATUS_SERVICE,
  SAMPLE_HOUSEHOLD_SERVICE,
  SAMPLE_LAND_SERVICE,
} from './sample-services.js';

/** The sample exchange's services and client systems as the sample catalog names them. */
export function sampleCatalogLinks(exchangeUrl: string): CatalogSampleLinks {
  return {
    services: {
      householdLookup: SAMPLE_HOUSEHOLD_SERVICE,
      civilStatus: SAMPLE_CIVIL_STATUS_SERVICE,
      businessRegistration: SAMPLE_BUSINESS_SERVICE,
      landParcels: SAMPLE_LAND_SERVICE,
    },
    clients: {
      ngoQuyenOneStop: NGO_QUYEN_ONE_STOP,
      buildingPermits: BUILDING_PERMITS,
      healthRecords: HEALTH_RECORDS,
      anLaoOneStop: AN_LAO_ONE_STOP,
      inspectorate: INSPECTORATE,
    },
    exchangeUrl,
  };
}

/**
 * Seeds the sample catalog (idempotent), after the sample exchange when one runs: its data services
 * describe the sample services at `exchangeUrl`, and its requests are made and decided through the
 * catalog, so the approved one holds a working sample grant. Without a sample exchange (`exchangeUrl`
 * undefined: CANG_SAMPLE_EXCHANGE=false, or a node that is not all in one) only the datasets are seeded,
 * with no data service, no API distribution and no request: nothing that would point at a service the
 * registry does not hold.
 */
export function seedSampleCatalog(
  parts: { readonly store: Store; readonly registry: Registry },
  actor: AuditActor,
  exchangeUrl: string | undefined,
): Promise<CatalogSeedResult> {
  return seedCatalogSample(parts, actor, {
    links: exchangeUrl === undefined ? undefined : sampleCatalogLinks(exchangeUrl),
  });
}
