/** The sample exchange services the sample catalog describes, by the name its entries use. */
export type SampleServiceName = 'householdLookup' | 'civilStatus' | 'businessRegistration' | 'landParcels';

/** The sample client systems the sample requests name, by the name the requests use. */
export type SampleClientName =
  | 'ngoQuyenOneStop'
  | 'buildingPermits'
  | 'healthRecords'
  | 'anLaoOneStop'
  | 'inspectorate';

/**
 * What ties the sample catalog to the sample exchange. The sample exchange registers these services and
 * systems (src/sample), and the catalog cannot import it, so the sample composition hands them over:
 * every id lives there once. A data service's publisher is the organisation in its service id, and its
 * API distribution is `{exchangeUrl}/r1/{service id}`.
 */
export interface CatalogSampleLinks {
  readonly services: Readonly<Record<SampleServiceName, string>>;
  readonly clients: Readonly<Record<SampleClientName, string>>;
  /** The exchange's address as callers reach it. */
  readonly exchangeUrl: string;
}
