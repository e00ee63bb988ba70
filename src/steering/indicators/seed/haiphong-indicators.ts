import type { IndicatorInput } from '../indicator-schemas.js';

// Copied from the program reference (NQ 03-NQ/TU, QĐ 284/QĐ-UBND, KH 74/KH-UBND, KH 106/KH-UBND);
// nothing reads the reference file at run time. Levels are this platform's choice: department targets
// follow the city level (departments are city-level bodies), territory-wide figures apply to the city.
// The district level reports until 2025-H1 and the commune level takes over from 2025-H2.

const PROVINCE_WIDE = ['city', 'department', 'district', 'commune'] as const;

/** The indicators and real targets of Hải Phòng's digital-transformation program. */
export const HAIPHONG_PROGRAM_INDICATORS: readonly IndicatorInput[] = [
  {
    code: 'CQS-01',
    pillar: 'digital-government',
    name: 'Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến mức độ 4',
    unit: '%',
    direction: 'up',
    levels: [...PROVINCE_WIDE],
    targets: [
      { level: '*', year: 2022, target: 100 },
      { level: '*', year: 2025, target: 100 },
    ],
  },
  {
    code: 'CQS-02',
    pillar: 'digital-government',
    name: 'Tỷ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến được định danh và xác thực thông suốt',
    unit: '%',
    direction: 'up',
    levels: ['city'],
    targets: [
      { level: '*', year: 2022, target: 100 },
      { level: '*', year: 2025, target: 100 },
    ],
  },
  {
    code: 'CQS-03',
    pillar: 'digital-government',
    name: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng',
    unit: '%',
    direction: 'up',
    levels: ['city', 'department', 'district', 'commune'],
    targets: [
      { level: 'city', year: 2022, target: 60 },
      { level: 'city', year: 2025, target: 90 },
      { level: 'department', year: 2022, target: 60 },
      { level: 'department', year: 2025, target: 90 },
      { level: 'district', year: 2022, target: 50 },
      { level: 'district', year: 2025, target: 80 },
      { level: 'commune', year: 2022, target: 30 },
      { level: 'commune', year: 2025, target: 60 },
    ],
  },
  {
    code: 'CQS-04',
    pillar: 'digital-government',
    name: 'Tỷ lệ chế độ báo cáo được thực hiện trên Hệ thống thông tin báo cáo quốc gia',
    unit: '%',
    direction: 'up',
    levels: [...PROVINCE_WIDE],
    targets: [{ level: '*', year: 2022, target: 70 }],
  },
  {
    code: 'KTS-01',
    pillar: 'digital-economy',
    name: 'Tỷ trọng kinh tế số trong GRDP',
    unit: '%',
    direction: 'up',
    levels: ['city'],
    note: 'KH 106/KH-UBND (2025) nâng chỉ tiêu năm 2025 lên 35%',
    targets: [
      { level: '*', year: 2022, target: 10 },
      { level: '*', year: 2023, target: 15 },
      { level: '*', year: 2025, target: 25 },
      { level: '*', year: 2030, target: 35 },
    ],
  },
  {
    code: 'KTS-02',
    pillar: 'digital-economy',
    name: 'Tỷ trọng kinh tế số trong từng ngành, lĩnh vực',
    unit: '%',
    direction: 'up',
    levels: ['city'],
    targets: [
      { level: '*', year: 2022, target: 9 },
      { level: '*', year: 2023, target: 11 },
      { level: '*', year: 2025, target: 15 },
    ],
  },
  {
    code: 'KTS-03',
    pillar: 'digital-economy',
    name: 'Tốc độ tăng năng suất lao động',
    unit: '%/năm',
    direction: 'up',
    levels: ['city'],
    targets: [
      { level: '*', year: 2022, target: 15 },
      { level: '*', year: 2030, target: 16 },
    ],
  },
  {
    code: 'XHS-01',
    pillar: 'digital-society',
    name: 'Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang',
    unit: '%',
    direction: 'up',
    levels: ['city', 'district'],
    targets: [{ level: '*', year: 2022, target: 80 }],
  },
  {
    code: 'XHS-02',
    pillar: 'digital-society',
    name: 'Tỷ lệ dân số có tài khoản thanh toán điện tử',
    unit: '%',
    direction: 'up',
    levels: ['city', 'district'],
    note: 'Chỉ tiêu 2025 tính cho người từ 15 tuổi trở lên (KH 106/KH-UBND)',
    targets: [
      { level: '*', year: 2022, target: 30 },
      { level: '*', year: 2025, target: 85 },
    ],
  },
  {
    code: 'XHS-03',
    pillar: 'digital-society',
    name: 'Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân',
    unit: '%',
    direction: 'up',
    levels: ['city'],
    targets: [{ level: '*', year: 2025, target: 50 }],
  },
];

/** The indicators Cảng measures itself, from the exchange's traffic, the registry and the catalog. No targets are set. */
export const PLATFORM_MEASURED_INDICATORS: readonly IndicatorInput[] = [
  {
    code: 'EXC-01',
    pillar: 'data-exchange',
    name: 'Số giao dịch qua nền tảng chia sẻ dữ liệu',
    unit: 'giao dịch',
    direction: 'up',
    levels: [...PROVINCE_WIDE],
    measure: 'exchange-transactions',
  },
  {
    code: 'EXC-02',
    pillar: 'data-exchange',
    name: 'Số hệ thống thông tin kết nối',
    unit: 'hệ thống',
    direction: 'up',
    levels: [...PROVINCE_WIDE],
    measure: 'registry-systems',
  },
  {
    code: 'EXC-03',
    pillar: 'data-exchange',
    name: 'Số dịch vụ chia sẻ được công bố',
    unit: 'dịch vụ',
    direction: 'up',
    levels: [...PROVINCE_WIDE],
    measure: 'registry-services',
  },
  {
    code: 'DM-01',
    pillar: 'data-sharing',
    name: 'Số dữ liệu, dịch vụ dữ liệu chia sẻ trên danh mục dùng chung',
    unit: 'mục',
    direction: 'up',
    levels: [...PROVINCE_WIDE],
    measure: 'catalog-shared-entries',
  },
  {
    code: 'DM-02',
    pillar: 'data-sharing',
    name: 'Số bộ dữ liệu mở được công bố',
    unit: 'bộ dữ liệu',
    direction: 'up',
    levels: [...PROVINCE_WIDE],
    measure: 'catalog-open-datasets',
  },
  {
    code: 'DM-03',
    pillar: 'data-sharing',
    name: 'Tỷ lệ yêu cầu chia sẻ dữ liệu được xử lý đúng hạn',
    unit: '%',
    direction: 'up',
    levels: [...PROVINCE_WIDE],
    measure: 'catalog-requests-on-time',
  },
];

/** Units that receive sample values, when they exist. */
export const SAMPLE_UNITS: readonly string[] = [
  'UBND-HP',
  'SNV',
  'STP',
  'SYT',
  'STTTT',
  'Q-LECHAN',
  'Q-NGOQUYEN',
  'H-VINHBAO',
];

/** The years of sample values. */
export const SAMPLE_YEARS: readonly number[] = [2022, 2023, 2024, 2025];

/** The evidence note that marks a value as sample data. */
export const SAMPLE_EVIDENCE = 'Dữ liệu mẫu';
