/*
 * Hải Phòng's administrative units 2021 – mid-2025 with the 2025 reorganisations, copied from the
 * shared reference data (haiphong-units.json) so nothing reads outside the package at run time.
 * The short codes are sample mnemonics, not the official QĐ 20/2020/QĐ-TTg agency codes.
 */

/** The city People's Committee. */
export const CITY = {
  code: 'UBND-HP',
  adminCode: '31',
  name: 'Ủy ban nhân dân thành phố Hải Phòng',
} as const;

/** A department (sở, ban, ngành) and, for those merged on 2025-03-01, its successor. */
export interface DepartmentFact {
  readonly code: string;
  readonly name: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly mergedInto?: string;
}

/** The departments, 2021 to 2025. */
export const DEPARTMENTS: readonly DepartmentFact[] = [
  { code: 'VP-UBND', name: 'Văn phòng Ủy ban nhân dân thành phố', validFrom: '2021-01-01' },
  { code: 'SNV', name: 'Sở Nội vụ', validFrom: '2021-01-01' },
  { code: 'STP', name: 'Sở Tư pháp', validFrom: '2021-01-01' },
  {
    code: 'SKHDT',
    name: 'Sở Kế hoạch và Đầu tư',
    validFrom: '2021-01-01',
    validTo: '2025-02-28',
    mergedInto: 'STC',
  },
  { code: 'STC', name: 'Sở Tài chính', validFrom: '2021-01-01' },
  { code: 'SCT', name: 'Sở Công Thương', validFrom: '2021-01-01' },
  {
    code: 'SNNPTNT',
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    validFrom: '2021-01-01',
    validTo: '2025-02-28',
    mergedInto: 'SNNMT',
  },
  {
    code: 'SGTVT',
    name: 'Sở Giao thông vận tải',
    validFrom: '2021-01-01',
    validTo: '2025-02-28',
    mergedInto: 'SXD',
  },
  { code: 'SXD', name: 'Sở Xây dựng', validFrom: '2021-01-01' },
  {
    code: 'STNMT',
    name: 'Sở Tài nguyên và Môi trường',
    validFrom: '2021-01-01',
    validTo: '2025-02-28',
    mergedInto: 'SNNMT',
  },
  {
    code: 'STTTT',
    name: 'Sở Thông tin và Truyền thông',
    validFrom: '2021-01-01',
    validTo: '2025-02-28',
    mergedInto: 'SKHCN',
  },
  {
    code: 'SLDTBXH',
    name: 'Sở Lao động – Thương binh và Xã hội',
    validFrom: '2021-01-01',
    validTo: '2025-02-28',
    mergedInto: 'SNV',
  },
  {
    code: 'SVHTT',
    name: 'Sở Văn hóa và Thể thao',
    validFrom: '2021-01-01',
    validTo: '2025-02-28',
    mergedInto: 'SVHTTDL',
  },
  { code: 'SDL', name: 'Sở Du lịch', validFrom: '2021-01-01', validTo: '2025-02-28', mergedInto: 'SVHTTDL' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', validFrom: '2021-01-01' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', validFrom: '2021-01-01' },
  { code: 'SYT', name: 'Sở Y tế', validFrom: '2021-01-01' },
  { code: 'SNGV', name: 'Sở Ngoại vụ', validFrom: '2021-01-01' },
  { code: 'TTTP', name: 'Thanh tra thành phố', validFrom: '2021-01-01' },
  { code: 'BQLKKT', name: 'Ban Quản lý Khu kinh tế Hải Phòng', validFrom: '2021-01-01' },
  { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', validFrom: '2025-03-01' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', validFrom: '2025-03-01' },
];

/** A district; renamed ones name the unit they became. */
export interface DistrictFact {
  readonly adminCode: string;
  readonly code: string;
  readonly name: string;
  readonly validTo: string;
  readonly renamedTo?: {
    readonly code: string;
    readonly name: string;
    readonly validFrom: string;
    readonly validTo: string;
  };
}

/** The districts until the district level ended on 2025-07-01. */
export const DISTRICTS: readonly DistrictFact[] = [
  { adminCode: '303', code: 'Q-HONGBANG', name: 'Quận Hồng Bàng', validTo: '2025-06-30' },
  { adminCode: '304', code: 'Q-NGOQUYEN', name: 'Quận Ngô Quyền', validTo: '2025-06-30' },
  { adminCode: '305', code: 'Q-LECHAN', name: 'Quận Lê Chân', validTo: '2025-06-30' },
  { adminCode: '306', code: 'Q-HAIAN', name: 'Quận Hải An', validTo: '2025-06-30' },
  { adminCode: '307', code: 'Q-KIENAN', name: 'Quận Kiến An', validTo: '2025-06-30' },
  { adminCode: '308', code: 'Q-DOSON', name: 'Quận Đồ Sơn', validTo: '2025-06-30' },
  { adminCode: '309', code: 'Q-DUONGKINH', name: 'Quận Dương Kinh', validTo: '2025-06-30' },
  {
    adminCode: '311',
    code: 'H-THUYNGUYEN',
    name: 'Huyện Thủy Nguyên',
    validTo: '2024-12-31',
    renamedTo: {
      code: 'TP-THUYNGUYEN',
      name: 'Thành phố Thủy Nguyên',
      validFrom: '2025-01-01',
      validTo: '2025-06-30',
    },
  },
  {
    adminCode: '312',
    code: 'H-ANDUONG',
    name: 'Huyện An Dương',
    validTo: '2024-12-31',
    renamedTo: { code: 'Q-ANDUONG', name: 'Quận An Dương', validFrom: '2025-01-01', validTo: '2025-06-30' },
  },
  { adminCode: '313', code: 'H-ANLAO', name: 'Huyện An Lão', validTo: '2025-06-30' },
  { adminCode: '314', code: 'H-KIENTHUY', name: 'Huyện Kiến Thụy', validTo: '2025-06-30' },
  { adminCode: '315', code: 'H-TIENLANG', name: 'Huyện Tiên Lãng', validTo: '2025-06-30' },
  { adminCode: '316', code: 'H-VINHBAO', name: 'Huyện Vĩnh Bảo', validTo: '2025-06-30' },
  { adminCode: '317', code: 'H-CATHAI', name: 'Huyện Cát Hải', validTo: '2025-06-30' },
  { adminCode: '318', code: 'H-BACHLONGVI', name: 'Huyện Bạch Long Vĩ', validTo: '2025-06-30' },
];

/** First day of the reference data: units with no known start are taken to exist from then. */
export const DATA_START = '2021-01-01';
/** Legal basis of the 2025-01-01 renames. */
export const RENAME_BASIS = 'NQ 1232/NQ-UBTVQH15';
