import type { SampleClientName } from './sample-links.js';

/** What happened to a sample request, with how many days before the seed's present each step was. */
export type SampleRequestStory =
  | { readonly state: 'draft'; readonly createdDaysAgo: number }
  | { readonly state: 'submitted'; readonly submittedDaysAgo: number }
  | {
      readonly state: 'changes-requested';
      readonly submittedDaysAgo: number;
      readonly decidedDaysAgo: number;
      readonly reason: string;
    }
  | {
      readonly state: 'refused';
      readonly submittedDaysAgo: number;
      readonly decidedDaysAgo: number;
      readonly reason: string;
      readonly legalBasis: string;
    }
  | { readonly state: 'approved'; readonly submittedDaysAgo: number; readonly decidedDaysAgo: number }
  | {
      readonly state: 'revoked';
      readonly submittedDaysAgo: number;
      readonly decidedDaysAgo: number;
      readonly revokedDaysAgo: number;
      readonly reason: string;
    }
  /** Approved for `durationDays` so long ago that it has run out; the seed's expiry run ends it. */
  | { readonly state: 'expired'; readonly submittedDaysAgo: number; readonly decidedDaysAgo: number };

/** A sample sharing request: who asks which sample entry for what, and what became of it. */
export interface SampleRequest {
  readonly entry: string;
  readonly requester: string;
  /**
   * The sample client system that will call, one of the requester's; a request that needs one (to be
   * approved) is skipped when it is missing. Without one, a request can be written but not approved.
   */
  readonly client?: SampleClientName;
  readonly purpose: string;
  readonly legalBasis: string;
  readonly fieldsNeeded: readonly string[];
  readonly durationDays: number;
  readonly story: SampleRequestStory;
}

const DECREE_47 =
  'Nghị định 47/2020/NĐ-CP về quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước, được sửa đổi bởi Nghị định 194/2025/NĐ-CP';
const CIVIL_STATUS_LAW = 'Luật Hộ tịch 2014; Nghị định 87/2020/NĐ-CP về Cơ sở dữ liệu hộ tịch điện tử';

/**
 * Sharing requests in every state (Dữ liệu mẫu). The two submitted a few weeks ago are past the
 * 2-working-day deadline of Decree 194/2025/NĐ-CP, so the queues show late requests beside one on time.
 */
export const SAMPLE_REQUESTS: readonly SampleRequest[] = [
  {
    entry: 'business-service',
    requester: 'VN-HP/GOV/10606',
    purpose:
      'Kiểm tra tình trạng doanh nghiệp khi tiếp nhận hồ sơ đăng ký hộ kinh doanh tại Bộ phận một cửa Xã Nam Sách',
    legalBasis: DECREE_47,
    fieldsNeeded: ['mã số doanh nghiệp', 'tên doanh nghiệp', 'tình trạng pháp lý'],
    durationDays: 365,
    story: { state: 'draft', createdDaysAgo: 2 },
  },
  {
    entry: 'household-service',
    requester: 'VN-HP/GOV/SYT',
    client: 'healthRecords',
    purpose: 'Xác định nơi cư trú của trẻ em khi lập danh sách đối tượng tiêm chủng theo địa bàn phường',
    legalBasis: 'Luật Cư trú 2020; Luật Phòng, chống bệnh truyền nhiễm 2007',
    fieldsNeeded: ['họ tên', 'ngày sinh', 'địa chỉ thường trú'],
    durationDays: 365,
    story: { state: 'submitted', submittedDaysAgo: 0 },
  },
  {
    entry: 'business-registrations',
    requester: 'VN-HP/GOV/TTTP',
    client: 'inspectorate',
    purpose:
      'Đối chiếu việc góp vốn, quản lý doanh nghiệp của cán bộ, công chức khi xác minh tài sản, thu nhập',
    legalBasis: 'Luật Phòng, chống tham nhũng 2018, Điều 35; Nghị định 130/2020/NĐ-CP',
    fieldsNeeded: ['mã số doanh nghiệp', 'người đại diện theo pháp luật', 'thành viên góp vốn'],
    durationDays: 180,
    story: { state: 'submitted', submittedDaysAgo: 21 },
  },
  {
    entry: 'land-service',
    requester: 'VN-HP/GOV/11329',
    client: 'ngoQuyenOneStop',
    purpose:
      'Kiểm tra thông tin thửa đất khi chứng thực hợp đồng chuyển nhượng quyền sử dụng đất tại Phường Ngô Quyền',
    legalBasis: 'Luật Đất đai 2024; Nghị định 23/2015/NĐ-CP về chứng thực',
    fieldsNeeded: ['số tờ', 'số thửa', 'diện tích', 'mục đích sử dụng'],
    durationDays: 730,
    story: { state: 'submitted', submittedDaysAgo: 30 },
  },
  {
    entry: 'land-service',
    requester: 'VN-HP/GOV/10606',
    purpose: 'Tra cứu thửa đất khi giải quyết tranh chấp đất đai tại xã',
    legalBasis: 'Luật Đất đai 2024',
    fieldsNeeded: ['số tờ', 'số thửa', 'chủ sử dụng', 'số định danh cá nhân của chủ sử dụng'],
    durationDays: 365,
    story: {
      state: 'changes-requested',
      submittedDaysAgo: 9,
      decidedDaysAgo: 8,
      reason:
        'Đề nghị nêu rõ điều, khoản của Luật Đất đai 2024 làm căn cứ, ghi hệ thống thông tin sẽ kết nối và bỏ trường số định danh cá nhân nếu không cần thiết.',
    },
  },
  {
    entry: 'civil-status-service',
    requester: 'VN-HP/GOV/11629',
    client: 'anLaoOneStop',
    purpose:
      'Xác minh thông tin khai sinh khi giải quyết liên thông thủ tục đăng ký thường trú cho trẻ em tại Xã An Lão',
    legalBasis: CIVIL_STATUS_LAW,
    fieldsNeeded: ['họ tên', 'ngày sinh', 'nơi đăng ký khai sinh', 'họ tên cha', 'họ tên mẹ'],
    durationDays: 365,
    story: { state: 'approved', submittedDaysAgo: 6, decidedDaysAgo: 5 },
  },
  {
    entry: 'household-service',
    requester: 'VN-HP/GOV/SXD',
    client: 'buildingPermits',
    purpose: 'Xác minh nơi cư trú của chủ đầu tư cá nhân khi cấp giấy phép xây dựng nhà ở riêng lẻ',
    legalBasis: 'Luật Xây dựng 2014 (sửa đổi 2020)',
    fieldsNeeded: ['họ tên', 'nơi thường trú', 'thành viên hộ gia đình'],
    durationDays: 365,
    story: {
      state: 'refused',
      submittedDaysAgo: 12,
      decidedDaysAgo: 11,
      reason:
        'Thủ tục cấp giấy phép xây dựng chỉ cần xác thực nơi thường trú của chủ đầu tư; thông tin thành viên hộ gia đình là dữ liệu cá nhân không cần thiết cho mục đích nêu.',
      legalBasis:
        'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Điều 3 (nguyên tắc hạn chế mục đích và tối thiểu hóa dữ liệu)',
    },
  },
  {
    entry: 'land-service',
    requester: 'VN-HP/GOV/TTTP',
    client: 'inspectorate',
    purpose: 'Tra cứu thửa đất trong cuộc thanh tra việc quản lý, sử dụng đất công trên địa bàn thành phố',
    legalBasis: 'Luật Thanh tra 2022; Luật Đất đai 2024',
    fieldsNeeded: ['số tờ', 'số thửa', 'diện tích', 'mục đích sử dụng', 'chủ sử dụng'],
    durationDays: 90,
    story: {
      state: 'revoked',
      submittedDaysAgo: 32,
      decidedDaysAgo: 30,
      revokedDaysAgo: 10,
      reason:
        'Cuộc thanh tra đã kết thúc và có kết luận thanh tra; thu hồi quyền truy cập không còn sử dụng.',
    },
  },
  {
    entry: 'business-service',
    requester: 'VN-HP/GOV/11329',
    client: 'ngoQuyenOneStop',
    purpose: 'Kiểm tra thông tin doanh nghiệp trong đợt rà soát hộ kinh doanh trên địa bàn phường',
    legalBasis: DECREE_47,
    fieldsNeeded: ['mã số doanh nghiệp', 'địa chỉ trụ sở', 'ngành nghề kinh doanh'],
    durationDays: 30,
    story: { state: 'expired', submittedDaysAgo: 48, decidedDaysAgo: 45 },
  },
];
