import { SAMPLE_PEOPLE } from './sample-records.js';
import {
  SAMPLE_BUSINESS_SERVICE,
  SAMPLE_CIVIL_STATUS_SERVICE,
  SAMPLE_HOUSEHOLD_SERVICE,
  SAMPLE_LAND_SERVICE,
} from './sample-services.js';

/** The one-stop system of Phường Ngô Quyền: residence and civil status for its procedures. */
export const NGO_QUYEN_ONE_STOP = 'VN-HP/GOV/11329/HTTT-MOTCUA';
/** Sở Xây dựng's building-permit system: land parcels and the enterprises that apply. */
export const BUILDING_PERMITS = 'VN-HP/GOV/SXD/HTTT-CAPPHEP';
/** Sở Y tế's system: birth records for child vaccination, under a tight quota. */
export const HEALTH_RECORDS = 'VN-HP/GOV/SYT/HTTT-YTE';
/** The one-stop system of Xã An Lão: enterprises still, land parcels no longer (its grant ran out). */
export const AN_LAO_ONE_STOP = 'VN-HP/GOV/11629/HTTT-MOTCUA';
/** Thanh tra thành phố's system, which holds no grant at all. */
export const INSPECTORATE = 'VN-HP/GOV/TTTP/HTTT-THANHTRA';

/** The sample client systems and their names. */
export const SAMPLE_CLIENTS: readonly { readonly id: string; readonly name: string }[] = [
  { id: NGO_QUYEN_ONE_STOP, name: 'Hệ thống một cửa điện tử phường Ngô Quyền (mẫu)' },
  { id: BUILDING_PERMITS, name: 'Hệ thống cấp giấy phép xây dựng (mẫu)' },
  { id: HEALTH_RECORDS, name: 'Hệ thống quản lý tiêm chủng (mẫu)' },
  { id: AN_LAO_ONE_STOP, name: 'Hệ thống một cửa điện tử xã An Lão (mẫu)' },
  { id: INSPECTORATE, name: 'Hệ thống quản lý công tác thanh tra (mẫu)' },
];

/** A sample grant; `expiredDaysAgo` makes it one that ran out that many days ago. */
export interface SampleGrant {
  readonly client: string;
  readonly service: string;
  readonly methods: readonly string[];
  readonly pathPatterns: readonly string[];
  readonly quotaPerMinute?: number;
  readonly expiredDaysAgo?: number;
}

/** The HEALTH_RECORDS grant's quota: the first batch calls more often than this, to show a 429. */
export const SAMPLE_QUOTA_PER_MINUTE = 2;

/** The grants between them, as a city would write them: GET only, on the paths each procedure needs. */
export const SAMPLE_GRANTS: readonly SampleGrant[] = [
  {
    client: NGO_QUYEN_ONE_STOP,
    service: SAMPLE_HOUSEHOLD_SERVICE,
    methods: ['GET'],
    pathPatterns: ['/households/*'],
  },
  {
    client: NGO_QUYEN_ONE_STOP,
    service: SAMPLE_CIVIL_STATUS_SERVICE,
    methods: ['GET'],
    pathPatterns: ['/births/*', '/marriages/*'],
  },
  { client: BUILDING_PERMITS, service: SAMPLE_LAND_SERVICE, methods: ['GET'], pathPatterns: ['/parcels/*'] },
  {
    client: BUILDING_PERMITS,
    service: SAMPLE_BUSINESS_SERVICE,
    methods: ['GET'],
    pathPatterns: ['/enterprises/*'],
  },
  {
    client: HEALTH_RECORDS,
    service: SAMPLE_CIVIL_STATUS_SERVICE,
    methods: ['GET'],
    pathPatterns: ['/births/*'],
    quotaPerMinute: SAMPLE_QUOTA_PER_MINUTE,
  },
  {
    client: AN_LAO_ONE_STOP,
    service: SAMPLE_BUSINESS_SERVICE,
    methods: ['GET'],
    pathPatterns: ['/enterprises/*'],
  },
  {
    client: AN_LAO_ONE_STOP,
    service: SAMPLE_LAND_SERVICE,
    methods: ['GET'],
    pathPatterns: ['/parcels/*'],
    expiredDaysAgo: 30,
  },
];

/** One call the sample traffic makes: who calls which service at which path, about whom. */
export interface SampleCall {
  readonly client: string;
  readonly service: string;
  readonly path: string;
  readonly subject?: string;
}

const { nguyenVanAn, tranThiBinh, leMinhChau, phamThuDung, hoangVanEm } = SAMPLE_PEOPLE;

/** Calls the grants allow (one finds no record: the provider's own 404). The trickle picks among them. */
export const SAMPLE_ALLOWED_CALLS: readonly SampleCall[] = [
  {
    client: NGO_QUYEN_ONE_STOP,
    service: SAMPLE_HOUSEHOLD_SERVICE,
    path: '/households/HP-305-000123',
    subject: nguyenVanAn,
  },
  {
    client: NGO_QUYEN_ONE_STOP,
    service: SAMPLE_HOUSEHOLD_SERVICE,
    path: '/households/HP-305-000456',
    subject: tranThiBinh,
  },
  {
    client: NGO_QUYEN_ONE_STOP,
    service: SAMPLE_CIVIL_STATUS_SERVICE,
    path: `/births/${leMinhChau}`,
    subject: leMinhChau,
  },
  {
    client: NGO_QUYEN_ONE_STOP,
    service: SAMPLE_CIVIL_STATUS_SERVICE,
    path: `/marriages/${phamThuDung}`,
    subject: phamThuDung,
  },
  {
    client: BUILDING_PERMITS,
    service: SAMPLE_LAND_SERVICE,
    path: '/parcels/11383-901-45',
    subject: nguyenVanAn,
  },
  {
    client: BUILDING_PERMITS,
    service: SAMPLE_BUSINESS_SERVICE,
    path: '/enterprises/0299999001',
    subject: nguyenVanAn,
  },
  {
    client: AN_LAO_ONE_STOP,
    service: SAMPLE_BUSINESS_SERVICE,
    path: '/enterprises/0299999002',
    subject: tranThiBinh,
  },
  {
    client: HEALTH_RECORDS,
    service: SAMPLE_CIVIL_STATUS_SERVICE,
    path: `/births/${hoangVanEm}`,
    subject: hoangVanEm,
  },
  { client: NGO_QUYEN_ONE_STOP, service: SAMPLE_HOUSEHOLD_SERVICE, path: '/households/HP-305-999999' },
];

/** Calls the exchange refuses: no grant, a path outside the grant, an expired grant. */
export const SAMPLE_REFUSED_CALLS: readonly SampleCall[] = [
  {
    client: INSPECTORATE,
    service: SAMPLE_BUSINESS_SERVICE,
    path: '/enterprises/0299999001',
    subject: nguyenVanAn,
  },
  {
    client: NGO_QUYEN_ONE_STOP,
    service: SAMPLE_CIVIL_STATUS_SERVICE,
    path: `/adoptions/${leMinhChau}`,
    subject: leMinhChau,
  },
  {
    client: AN_LAO_ONE_STOP,
    service: SAMPLE_LAND_SERVICE,
    path: '/parcels/11629-912-7',
    subject: tranThiBinh,
  },
];

/**
 * The first batch at first start: every allowed call, the refusals, and HEALTH_RECORDS calling more than
 * twice its quota in a row, so at least one call is refused with 429 whichever way the minutes fall.
 */
export const SAMPLE_FIRST_BATCH: readonly SampleCall[] = [
  ...SAMPLE_ALLOWED_CALLS,
  ...Array.from({ length: 2 * SAMPLE_QUOTA_PER_MINUTE + 1 }, () => ({
    client: HEALTH_RECORDS,
    service: SAMPLE_CIVIL_STATUS_SERVICE,
    path: `/births/${leMinhChau}`,
    subject: leMinhChau,
  })),
  ...SAMPLE_REFUSED_CALLS,
];
