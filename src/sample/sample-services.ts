import { BIRTHS, ENTERPRISES, HOUSEHOLDS, MARRIAGES, PARCELS } from './sample-records.js';

/** Household lookup (tra cứu hộ gia đình, cư trú) of Phường Lê Chân's residence system. */
export const SAMPLE_HOUSEHOLD_SERVICE = 'VN-HP/GOV/11383/HTTT-CUTRU/tra-cuu-ho-gia-dinh';
/** Civil-status records (hộ tịch: khai sinh, kết hôn) of Sở Tư pháp. */
export const SAMPLE_CIVIL_STATUS_SERVICE = 'VN-HP/GOV/STP/HTTT-HOTICH/tra-cuu-ho-tich';
/** Business registrations (đăng ký doanh nghiệp) of Sở Tài chính, formerly Sở Kế hoạch và Đầu tư. */
export const SAMPLE_BUSINESS_SERVICE = 'VN-HP/GOV/STC/HTTT-DKKD/tra-cuu-doanh-nghiep';
/** Land parcels (thửa đất) of Sở Nông nghiệp và Môi trường's land information system. */
export const SAMPLE_LAND_SERVICE = 'VN-HP/GOV/SNNMT/HTTT-DATDAI/tra-cuu-thua-dat';

/** One resource a sample service answers: `GET /{collection}/{id}` over the records. */
export interface SampleResource {
  readonly collection: string;
  readonly idName: string;
  readonly summary: string;
  readonly found: string;
  readonly records: Readonly<Record<string, unknown>>;
}

/** A sample service: its provider system, where the sample provider answers it, and its resources. */
export interface SampleService {
  readonly id: string;
  readonly systemName: string;
  readonly name: string;
  /** The path under the sample provider's address that is the service's base URL. */
  readonly mount: string;
  readonly resources: readonly SampleResource[];
}

/** The four sample services, each on a provider system of its own. */
export const SAMPLE_SERVICES: readonly SampleService[] = [
  {
    id: SAMPLE_HOUSEHOLD_SERVICE,
    systemName: 'Hệ thống quản lý cư trú phường Lê Chân (mẫu)',
    name: 'Tra cứu thông tin hộ gia đình',
    mount: '/cu-tru',
    resources: [
      {
        collection: 'households',
        idName: 'maHo',
        summary: 'Tra cứu thông tin hộ gia đình theo mã hộ',
        found: 'Thông tin hộ gia đình',
        records: HOUSEHOLDS,
      },
    ],
  },
  {
    id: SAMPLE_CIVIL_STATUS_SERVICE,
    systemName: 'Cơ sở dữ liệu hộ tịch điện tử thành phố (mẫu)',
    name: 'Tra cứu dữ liệu hộ tịch',
    mount: '/ho-tich',
    resources: [
      {
        collection: 'births',
        idName: 'soDinhDanh',
        summary: 'Tra cứu đăng ký khai sinh theo số định danh cá nhân',
        found: 'Thông tin đăng ký khai sinh',
        records: BIRTHS,
      },
      {
        collection: 'marriages',
        idName: 'soDinhDanh',
        summary: 'Tra cứu đăng ký kết hôn theo số định danh của vợ hoặc chồng',
        found: 'Thông tin đăng ký kết hôn',
        records: MARRIAGES,
      },
    ],
  },
  {
    id: SAMPLE_BUSINESS_SERVICE,
    systemName: 'Hệ thống thông tin đăng ký doanh nghiệp (mẫu)',
    name: 'Tra cứu thông tin đăng ký doanh nghiệp',
    mount: '/dang-ky-kinh-doanh',
    resources: [
      {
        collection: 'enterprises',
        idName: 'maSoDoanhNghiep',
        summary: 'Tra cứu doanh nghiệp theo mã số doanh nghiệp',
        found: 'Thông tin đăng ký doanh nghiệp',
        records: ENTERPRISES,
      },
    ],
  },
  {
    id: SAMPLE_LAND_SERVICE,
    systemName: 'Hệ thống thông tin đất đai thành phố (mẫu)',
    name: 'Tra cứu thông tin thửa đất',
    mount: '/dat-dai',
    resources: [
      {
        collection: 'parcels',
        idName: 'maThua',
        summary: 'Tra cứu thửa đất theo mã xã, số tờ bản đồ và số thửa',
        found: 'Thông tin thửa đất',
        records: PARCELS,
      },
    ],
  },
];

/** The OpenAPI 3.1 document of a sample service. */
export function sampleOpenApi(service: SampleService): Record<string, unknown> {
  const paths = Object.fromEntries(
    service.resources.map((resource) => [
      `/${resource.collection}/{${resource.idName}}`,
      {
        get: {
          summary: resource.summary,
          parameters: [{ name: resource.idName, in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: resource.found },
            '404': { description: 'Không tìm thấy' },
          },
        },
      },
    ]),
  );
  return { openapi: '3.1.0', info: { title: `${service.name} (mẫu)`, version: '1.0.0' }, paths };
}

/** The sample service with this id. */
export function sampleService(id: string): SampleService {
  const service = SAMPLE_SERVICES.find((candidate) => candidate.id === id);
  if (service === undefined) throw new Error(`No sample service ${id}`);
  return service;
}
