import type { EntryInput, FocalOfficer } from '../entry-schemas.js';
import type { SampleServiceName } from './sample-links.js';

/** The state a sample entry is brought to. */
type SampleEntryState = 'draft' | 'published' | 'deprecated' | 'retired';

/**
 * A sample data service: the sample exchange service backing it, which also gives its publisher (the
 * organisation in the service id) and its API distribution. Seeded only when that service is registered.
 */
export interface SampleDataService {
  /** The name other sample records use for it. */
  readonly key: string;
  readonly exchangeService: SampleServiceName;
  readonly input: Omit<EntryInput, 'kind' | 'publisher' | 'services' | 'exchangeService'>;
  readonly state: SampleEntryState;
}

/** A sample dataset, and the keys of the sample data services serving it (each adds its API distribution). */
export interface SampleDataset {
  readonly key: string;
  readonly exchangeService?: undefined;
  readonly input: Omit<EntryInput, 'kind' | 'services' | 'exchangeService'>;
  readonly servedBy?: readonly string[];
  readonly state: SampleEntryState;
}

/** A sample entry: a data service or a dataset. */
export type SampleEntry = SampleDataService | SampleDataset;

const officer = (name: string, position: string, phone: string, email: string): FocalOfficer => ({
  name,
  position,
  phone,
  email,
});

const STP_OFFICER = officer(
  'Nguyễn Thị Lan',
  'Trưởng phòng Hành chính tư pháp',
  '0225 3842 123',
  'lan.nt@haiphong.gov.vn',
);
const STC_OFFICER = officer(
  'Trần Văn Hùng',
  'Phó Trưởng phòng Đăng ký kinh doanh',
  '0225 3822 456',
  'hung.tv@haiphong.gov.vn',
);
const SNNMT_OFFICER = officer(
  'Phạm Thị Hương',
  'Giám đốc Văn phòng Đăng ký đất đai',
  '0225 3746 789',
  'huong.pt@haiphong.gov.vn',
);
const LE_CHAN_RESIDENCE_OFFICER = officer(
  'Đỗ Minh Tuấn',
  'Phó Trưởng Công an Phường Lê Chân',
  '0225 3841 567',
  'tuan.dm@lechan.haiphong.gov.vn',
);
const CC_BY = 'CC-BY-4.0';
const CITY = 'Thành phố Hải Phòng';

/**
 * The sample catalog: datasets and data services of departments and communes of the merged city
 * (Dữ liệu mẫu), some open, some shared between state bodies, one retired.
 */
export const SAMPLE_ENTRIES: readonly SampleEntry[] = [
  {
    key: 'civil-status-service',
    exchangeService: 'civilStatus',
    state: 'published',
    input: {
      title: 'Dịch vụ tra cứu thông tin hộ tịch',
      description:
        'Tra cứu thông tin đăng ký khai sinh và đăng ký kết hôn theo số định danh cá nhân trong Cơ sở dữ liệu hộ tịch điện tử, phục vụ giải quyết thủ tục hành chính. Dữ liệu mẫu.',
      focalOfficer: STP_OFFICER,
      themes: ['JUST', 'GOVE'],
      keywords: ['hộ tịch', 'khai sinh', 'kết hôn', 'tra cứu'],
      classification: 'shared',
      updateFrequency: 'continuous',
      spatial: CITY,
      distributions: [],
    },
  },
  {
    key: 'civil-status-records',
    state: 'published',
    servedBy: ['civil-status-service'],
    input: {
      publisher: 'VN-HP/GOV/STP',
      title: 'Cơ sở dữ liệu hộ tịch điện tử thành phố Hải Phòng',
      description:
        'Dữ liệu đăng ký khai sinh, kết hôn, khai tử, nhận cha mẹ con và thay đổi, cải chính hộ tịch của công dân trên địa bàn thành phố, gồm cả dữ liệu số hóa sổ hộ tịch của tỉnh Hải Dương trước hợp nhất. Dữ liệu mẫu.',
      focalOfficer: STP_OFFICER,
      themes: ['JUST', 'SOCI'],
      keywords: ['hộ tịch', 'khai sinh', 'kết hôn', 'khai tử', 'số hóa sổ hộ tịch'],
      classification: 'shared',
      updateFrequency: 'daily',
      temporalStart: '2016-01-01',
      spatial: CITY,
      distributions: [],
    },
  },
  {
    key: 'notaries',
    state: 'published',
    input: {
      publisher: 'VN-HP/GOV/STP',
      title: 'Danh sách tổ chức hành nghề công chứng',
      description:
        'Tên, địa chỉ, số điện thoại và công chứng viên của các văn phòng công chứng, phòng công chứng trên địa bàn thành phố. Dữ liệu mẫu.',
      focalOfficer: STP_OFFICER,
      themes: ['JUST'],
      keywords: ['công chứng', 'văn phòng công chứng', 'bổ trợ tư pháp'],
      classification: 'open',
      updateFrequency: 'monthly',
      spatial: CITY,
      licence: CC_BY,
      distributions: [
        {
          format: 'CSV',
          url: 'https://opendata.haiphong.example/stp/to-chuc-cong-chung.csv',
          mediaType: 'text/csv',
        },
        {
          format: 'JSON',
          url: 'https://opendata.haiphong.example/stp/to-chuc-cong-chung.json',
          mediaType: 'application/json',
        },
      ],
    },
  },
  {
    key: 'business-service',
    exchangeService: 'businessRegistration',
    state: 'published',
    input: {
      title: 'Dịch vụ tra cứu thông tin đăng ký doanh nghiệp',
      description:
        'Tra cứu tình trạng pháp lý, ngành nghề, người đại diện theo pháp luật của doanh nghiệp đăng ký tại thành phố theo mã số doanh nghiệp. Dữ liệu mẫu.',
      focalOfficer: STC_OFFICER,
      themes: ['ECON', 'GOVE'],
      keywords: ['đăng ký kinh doanh', 'doanh nghiệp', 'mã số doanh nghiệp'],
      classification: 'shared',
      updateFrequency: 'continuous',
      spatial: CITY,
      distributions: [],
    },
  },
  {
    key: 'business-registrations',
    state: 'published',
    servedBy: ['business-service'],
    input: {
      publisher: 'VN-HP/GOV/STC',
      title: 'Cơ sở dữ liệu đăng ký doanh nghiệp',
      description:
        'Hồ sơ đăng ký thành lập, thay đổi, tạm ngừng và giải thể doanh nghiệp, hộ kinh doanh trên địa bàn thành phố. Dữ liệu mẫu.',
      focalOfficer: STC_OFFICER,
      themes: ['ECON'],
      keywords: ['đăng ký kinh doanh', 'doanh nghiệp', 'hộ kinh doanh'],
      classification: 'shared',
      updateFrequency: 'daily',
      temporalStart: '2015-07-01',
      spatial: CITY,
      distributions: [],
    },
  },
  {
    key: 'new-businesses',
    state: 'published',
    input: {
      publisher: 'VN-HP/GOV/STC',
      title: 'Số doanh nghiệp thành lập mới theo tháng',
      description:
        'Số doanh nghiệp thành lập mới, quay lại hoạt động và giải thể theo tháng, theo ngành kinh tế và theo xã, phường. Dữ liệu mẫu.',
      focalOfficer: STC_OFFICER,
      themes: ['ECON'],
      keywords: ['doanh nghiệp', 'thống kê', 'thành lập mới'],
      classification: 'open',
      updateFrequency: 'monthly',
      temporalStart: '2025-07-01',
      spatial: CITY,
      licence: CC_BY,
      distributions: [
        { format: 'XLSX', url: 'https://opendata.haiphong.example/stc/doanh-nghiep-thanh-lap-moi.xlsx' },
        {
          format: 'CSV',
          url: 'https://opendata.haiphong.example/stc/doanh-nghiep-thanh-lap-moi.csv',
          mediaType: 'text/csv',
        },
      ],
    },
  },
  {
    key: 'land-service',
    exchangeService: 'landParcels',
    state: 'published',
    input: {
      title: 'Dịch vụ tra cứu thông tin thửa đất',
      description:
        'Tra cứu số tờ, số thửa, diện tích, mục đích sử dụng và tình trạng đăng ký của thửa đất. Dữ liệu mẫu.',
      focalOfficer: SNNMT_OFFICER,
      themes: ['REGI', 'ENVI'],
      keywords: ['đất đai', 'thửa đất', 'quyền sử dụng đất'],
      classification: 'shared',
      updateFrequency: 'continuous',
      spatial: CITY,
      distributions: [],
    },
  },
  {
    key: 'land-parcels',
    state: 'published',
    servedBy: ['land-service'],
    input: {
      publisher: 'VN-HP/GOV/SNNMT',
      title: 'Cơ sở dữ liệu đất đai thành phố Hải Phòng',
      description:
        'Bản đồ địa chính, hồ sơ đăng ký đất đai và giấy chứng nhận quyền sử dụng đất của các xã, phường, đặc khu. Dữ liệu mẫu.',
      focalOfficer: SNNMT_OFFICER,
      themes: ['REGI', 'ENVI'],
      keywords: ['đất đai', 'địa chính', 'giấy chứng nhận'],
      classification: 'restricted',
      updateFrequency: 'weekly',
      temporalStart: '2019-01-01',
      spatial: CITY,
      distributions: [],
    },
  },
  {
    key: 'air-quality',
    state: 'published',
    input: {
      publisher: 'VN-HP/GOV/SNNMT',
      title: 'Kết quả quan trắc chất lượng không khí tự động',
      description:
        'Chỉ số chất lượng không khí (VN_AQI) theo giờ tại các trạm quan trắc tự động, liên tục của thành phố. Dữ liệu mẫu.',
      focalOfficer: SNNMT_OFFICER,
      themes: ['ENVI'],
      keywords: ['môi trường', 'không khí', 'quan trắc', 'VN_AQI'],
      classification: 'open',
      updateFrequency: 'daily',
      temporalStart: '2024-01-01',
      spatial: CITY,
      licence: CC_BY,
      distributions: [
        {
          format: 'CSV',
          url: 'https://opendata.haiphong.example/snnmt/quan-trac-khong-khi.csv',
          mediaType: 'text/csv',
        },
      ],
    },
  },
  {
    key: 'household-service',
    exchangeService: 'householdLookup',
    state: 'published',
    input: {
      title: 'Dịch vụ tra cứu thông tin hộ gia đình Phường Lê Chân',
      description:
        'Tra cứu chủ hộ, địa chỉ thường trú và thành viên của hộ gia đình trên địa bàn Phường Lê Chân theo mã hộ, phục vụ giải quyết thủ tục hành chính. Dữ liệu mẫu.',
      focalOfficer: LE_CHAN_RESIDENCE_OFFICER,
      themes: ['GOVE', 'SOCI'],
      keywords: ['cư trú', 'hộ gia đình', 'chủ hộ', 'thường trú', 'Phường Lê Chân'],
      classification: 'personal',
      updateFrequency: 'continuous',
      spatial: 'Phường Lê Chân, thành phố Hải Phòng',
      distributions: [],
    },
  },
  {
    key: 'schools',
    state: 'published',
    input: {
      publisher: 'VN-HP/GOV/SGDDT',
      title: 'Danh sách trường học năm học 2025–2026',
      description:
        'Trường mầm non, tiểu học, trung học cơ sở và trung học phổ thông: địa chỉ, loại hình, số lớp và số học sinh. Dữ liệu mẫu.',
      focalOfficer: officer(
        'Vũ Thị Mai',
        'Chuyên viên Phòng Kế hoạch – Tài chính',
        '0225 3841 890',
        'mai.vt@haiphong.edu.vn',
      ),
      themes: ['EDUC'],
      keywords: ['giáo dục', 'trường học', 'năm học 2025–2026'],
      classification: 'open',
      updateFrequency: 'annual',
      temporalStart: '2025-09-01',
      temporalEnd: '2026-05-31',
      spatial: CITY,
      licence: CC_BY,
      distributions: [
        {
          format: 'CSV',
          url: 'https://opendata.haiphong.example/sgddt/truong-hoc-2025-2026.csv',
          mediaType: 'text/csv',
        },
      ],
    },
  },
  {
    key: 'health-facilities',
    state: 'published',
    input: {
      publisher: 'VN-HP/GOV/SYT',
      title: 'Danh sách cơ sở khám bệnh, chữa bệnh',
      description:
        'Bệnh viện, trung tâm y tế, trạm y tế xã, phường và phòng khám tư nhân đã được cấp giấy phép hoạt động. Dữ liệu mẫu.',
      focalOfficer: officer(
        'Lê Văn Nam',
        'Phó Trưởng phòng Nghiệp vụ Y',
        '0225 3846 321',
        'nam.lv@haiphong.gov.vn',
      ),
      themes: ['HEAL'],
      keywords: ['y tế', 'khám bệnh', 'chữa bệnh', 'giấy phép hoạt động'],
      classification: 'open',
      updateFrequency: 'quarterly',
      spatial: CITY,
      licence: CC_BY,
      distributions: [
        {
          format: 'JSON',
          url: 'https://opendata.haiphong.example/syt/co-so-kham-chua-benh.json',
          mediaType: 'application/json',
        },
      ],
    },
  },
  {
    key: 'le-chan-civil-status',
    state: 'published',
    servedBy: ['civil-status-service'],
    input: {
      publisher: 'VN-HP/GOV/11383',
      title: 'Sổ đăng ký hộ tịch Phường Lê Chân',
      description:
        'Các việc hộ tịch đăng ký tại Ủy ban nhân dân Phường Lê Chân từ ngày 01/7/2025, cập nhật vào Cơ sở dữ liệu hộ tịch điện tử. Dữ liệu mẫu.',
      focalOfficer: officer(
        'Hoàng Thị Thu',
        'Công chức Tư pháp – Hộ tịch',
        '0225 3857 246',
        'thu.ht@lechan.haiphong.gov.vn',
      ),
      themes: ['JUST'],
      keywords: ['hộ tịch', 'Phường Lê Chân', 'khai sinh'],
      classification: 'shared',
      updateFrequency: 'daily',
      temporalStart: '2025-07-01',
      spatial: 'Phường Lê Chân, thành phố Hải Phòng',
      distributions: [{ format: 'XLSX', url: 'https://lechan.haiphong.example/ho-tich/so-dang-ky.xlsx' }],
    },
  },
  {
    key: 'nam-sach-poor-households',
    state: 'published',
    input: {
      publisher: 'VN-HP/GOV/10606',
      title: 'Danh sách hộ nghèo, hộ cận nghèo Xã Nam Sách năm 2026',
      description:
        'Kết quả rà soát hộ nghèo, hộ cận nghèo theo chuẩn nghèo đa chiều giai đoạn 2026–2030 của Xã Nam Sách. Dữ liệu mẫu.',
      focalOfficer: officer(
        'Nguyễn Văn Đức',
        'Công chức Văn hóa – Xã hội',
        '0220 3755 135',
        'duc.nv@namsach.haiphong.gov.vn',
      ),
      themes: ['SOCI'],
      keywords: ['hộ nghèo', 'hộ cận nghèo', 'an sinh xã hội', 'Xã Nam Sách'],
      classification: 'shared',
      updateFrequency: 'annual',
      temporalStart: '2026-01-01',
      temporalEnd: '2026-12-31',
      spatial: 'Xã Nam Sách, thành phố Hải Phòng',
      distributions: [{ format: 'XLSX', url: 'https://namsach.haiphong.example/ho-ngheo-2026.xlsx' }],
    },
  },
  {
    key: 'housing-projects-2016-2020',
    state: 'retired',
    input: {
      publisher: 'VN-HP/GOV/SXD',
      title: 'Danh mục dự án nhà ở thương mại giai đoạn 2016–2020',
      description:
        'Danh mục dự án nhà ở thương mại theo Chương trình phát triển nhà ở giai đoạn 2016–2020; đã thay bằng danh mục giai đoạn 2021–2030. Dữ liệu mẫu.',
      focalOfficer: officer(
        'Bùi Quang Khải',
        'Trưởng phòng Quản lý nhà và thị trường bất động sản',
        '0225 3745 678',
        'khai.bq@haiphong.gov.vn',
      ),
      themes: ['ECON', 'REGI'],
      keywords: ['nhà ở', 'dự án', 'bất động sản'],
      classification: 'open',
      updateFrequency: 'never',
      temporalStart: '2016-01-01',
      temporalEnd: '2020-12-31',
      spatial: CITY,
      licence: CC_BY,
      distributions: [
        { format: 'XLSX', url: 'https://opendata.haiphong.example/sxd/du-an-nha-o-2016-2020.xlsx' },
      ],
    },
  },
  {
    key: 'construction-permits-draft',
    state: 'draft',
    input: {
      publisher: 'VN-HP/GOV/SXD',
      title: 'Giấy phép xây dựng đã cấp',
      description:
        'Giấy phép xây dựng do Sở Xây dựng và Ủy ban nhân dân các xã, phường cấp; đang hoàn thiện siêu dữ liệu. Dữ liệu mẫu.',
      focalOfficer: officer(
        'Bùi Quang Khải',
        'Trưởng phòng Quản lý nhà và thị trường bất động sản',
        '0225 3745 678',
        'khai.bq@haiphong.gov.vn',
      ),
      themes: ['REGI'],
      keywords: ['giấy phép xây dựng', 'xây dựng'],
      classification: 'shared',
      updateFrequency: 'weekly',
      spatial: CITY,
      distributions: [],
    },
  },
];
