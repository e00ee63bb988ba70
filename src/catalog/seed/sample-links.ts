/**
 * The sample exchange's services that the sample catalog describes, and the sample client systems that
 * ask for them. The sample exchange registers both (src/sample); the catalog cannot import it, so the
 * composition may hand over its own list, and this one is the default.
 */
export const SAMPLE_EXCHANGE_SERVICES = {
  householdLookup: 'VN-HP/GOV/CAHP/CU-TRU/tra-cuu-ho-khau',
  civilStatus: 'VN-HP/GOV/STP/HO-TICH/tra-cuu-ho-tich',
  businessRegistration: 'VN-HP/GOV/STC/DKKD/tra-cuu-doanh-nghiep',
  landParcels: 'VN-HP/GOV/SNNMT/DAT-DAI/tra-cuu-thua-dat',
} as const;

/** Which exchange service each sample data service is backed by. */
export type SampleExchangeServices = { readonly [K in keyof typeof SAMPLE_EXCHANGE_SERVICES]: string };

/** The sample client systems that make the sample requests, by the sample name the requests use. */
export const SAMPLE_CLIENT_SYSTEMS = {
  leChanOneStop: 'VN-HP/GOV/11383/MOT-CUA',
  namSachOneStop: 'VN-HP/GOV/10606/MOT-CUA',
  homeAffairsStaff: 'VN-HP/GOV/SNV/QL-CBCC',
  constructionPermits: 'VN-HP/GOV/SXD/CAP-PHEP',
} as const;

/** Which client system each sample requester uses. */
export type SampleClientSystems = { readonly [K in keyof typeof SAMPLE_CLIENT_SYSTEMS]: string };
