/*
 * Hải Phòng's digital-transformation program: the documents and committee from the shared reference
 * data (haiphong-program.json), and SAMPLE tasks (Dữ liệu mẫu): the tasks, their lead units, dates and
 * progress are plausible illustrations, not the text of QĐ 284/QĐ-UBND.
 */
import type { DocumentKind } from '../document-schemas.js';
import type { TaskStatus } from '../task-status.js';

/** Marker put in every sample record that has room for a note. */
export const SAMPLE_NOTE = 'Dữ liệu mẫu';

/** A document of the program. */
export interface DocumentFact {
  readonly kind: DocumentKind;
  readonly number: string;
  readonly date: string;
  readonly issuer: string;
  readonly title: string;
  readonly unitId: string;
  readonly replaces?: string;
  readonly sample?: boolean;
}

const CITY_ISSUER = 'UBND thành phố Hải Phòng';

/** The five documents of the reference data. */
export const PROGRAM_DOCUMENTS: readonly DocumentFact[] = [
  {
    kind: 'resolution',
    number: '03-NQ/TU',
    date: '2021-10-26',
    issuer: 'Ban Thường vụ Thành ủy Hải Phòng',
    title: 'Nghị quyết về chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030',
    unitId: 'UBND-HP',
  },
  {
    kind: 'decision',
    number: '3820/QĐ-UBND',
    date: '2021-12-20',
    issuer: CITY_ISSUER,
    title:
      'Kiện toàn và đổi tên Ban Chỉ đạo xây dựng Chính quyền điện tử thành Ban Chỉ đạo về Chuyển đổi số thành phố Hải Phòng',
    unitId: 'UBND-HP',
    replaces: '2830/QĐ-UBND (30/10/2018)',
  },
  {
    kind: 'decision',
    number: '284/QĐ-UBND',
    date: '2022-01-24',
    issuer: CITY_ISSUER,
    title: 'Chương trình hành động thực hiện Nghị quyết 03-NQ/TU về chuyển đổi số',
    unitId: 'UBND-HP',
  },
  {
    kind: 'regulation',
    number: '24/QĐ-BCĐCĐS',
    date: '2022-03-30',
    issuer: 'Ban Chỉ đạo về Chuyển đổi số thành phố',
    title: 'Quy chế hoạt động của Ban Chỉ đạo về Chuyển đổi số thành phố Hải Phòng',
    unitId: 'UBND-HP',
  },
  {
    kind: 'plan',
    number: '74/KH-UBND',
    date: '2022-03-24',
    issuer: CITY_ISSUER,
    title: 'Kế hoạch chuyển đổi số thành phố Hải Phòng năm 2022',
    unitId: 'UBND-HP',
  },
];

/** Sample plans and committees of some units, so the gaps view shows both kinds of unit. */
export const SAMPLE_UNIT_PLANS: readonly DocumentFact[] = [
  ['SNV', 'Sở Nội vụ', '35/KH-SNV', '2022-04-15'],
  ['STP', 'Sở Tư pháp', '41/KH-STP', '2022-04-20'],
  ['STTTT', 'Sở Thông tin và Truyền thông', '52/KH-STTTT', '2022-04-05'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', '18/KH-SKHCN', '2025-03-20'],
  ['SYT', 'Sở Y tế', '63/KH-SYT', '2022-05-10'],
  ['Q-LECHAN', 'UBND quận Lê Chân', '88/KH-UBND', '2022-04-28'],
  ['Q-NGOQUYEN', 'UBND quận Ngô Quyền', '95/KH-UBND', '2022-05-06'],
  ['H-THUYNGUYEN', 'UBND huyện Thủy Nguyên', '102/KH-UBND', '2022-05-12'],
  // The merged city: a few agencies and communes with a plan, most communes still without one.
  ['SKHCN', 'Sở Khoa học và Công nghệ', '07/KH-SKHCN', '2026-01-12'],
  ['SXD', 'Sở Xây dựng', '21/KH-SXD', '2025-09-15'],
  ['11311', 'UBND phường Hồng Bàng', '45/KH-UBND', '2025-08-20'],
  ['11383', 'UBND phường Lê Chân', '52/KH-UBND', '2025-09-05'],
  ['10525', 'UBND phường Hải Dương', '38/KH-UBND', '2025-08-28'],
  ['11914', 'UBND đặc khu Cát Hải', '17/KH-UBND', '2025-10-02'],
].map(([unitId, issuer, number, date]) => ({
  kind: 'plan' as const,
  number: number!,
  date: date!,
  issuer: issuer!,
  title: `Kế hoạch chuyển đổi số năm ${date!.slice(0, 4)} (${SAMPLE_NOTE})`,
  unitId: unitId!,
  sample: true,
}));

/** Units with their own sample committee; its head takes office on `from` (2022-05-01 by default). */
export const SAMPLE_UNIT_COMMITTEES: readonly {
  unitId: string;
  name: string;
  head: string;
  from?: string;
}[] = [
  { unitId: 'Q-LECHAN', name: 'Ban Chỉ đạo chuyển đổi số quận Lê Chân', head: 'Chủ tịch UBND quận Lê Chân' },
  {
    unitId: 'Q-NGOQUYEN',
    name: 'Ban Chỉ đạo chuyển đổi số quận Ngô Quyền',
    head: 'Chủ tịch UBND quận Ngô Quyền',
  },
  { unitId: 'SYT', name: 'Ban Chỉ đạo chuyển đổi số ngành Y tế', head: 'Giám đốc Sở Y tế' },
  ...[
    ['11311', 'phường Hồng Bàng', '2025-07-25'],
    ['11383', 'phường Lê Chân', '2025-08-01'],
    ['10525', 'phường Hải Dương', '2025-07-30'],
    ['11560', 'phường Thủy Nguyên', '2025-09-10'],
  ].map(([unitId, name, from]) => ({
    unitId: unitId!,
    name: `Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số ${name}`,
    head: `Chủ tịch UBND ${name}`,
    from: from!,
  })),
  {
    unitId: 'SKHCN',
    name: 'Ban Chỉ đạo chuyển đổi số Sở Khoa học và Công nghệ',
    head: 'Giám đốc Sở Khoa học và Công nghệ',
    from: '2025-08-15',
  },
];

/** The nine task groups of the program. */
export const TASK_GROUPS: readonly string[] = [
  'Nâng cao nhận thức, truyền thông',
  'Hoàn thiện thể chế, cơ chế, chính sách',
  'Phát triển hạ tầng số, nền tảng số',
  'Phát triển dữ liệu số',
  'Bảo đảm quốc phòng, an ninh, an toàn thông tin mạng',
  'Phát triển nguồn nhân lực',
  'Phát triển chính quyền số',
  'Phát triển kinh tế số',
  'Phát triển xã hội số',
];

/** A sample task: group number (1-based), title, expected output, lead, coordinating units, dates, state. */
export interface TaskFact {
  readonly group: number;
  readonly title: string;
  readonly output: string;
  readonly lead: string;
  readonly with: readonly string[];
  readonly start: string;
  readonly deadline: string;
  readonly status: TaskStatus;
  readonly progress: number;
  readonly weight?: number;
  readonly funding?: string;
}

const T = (
  group: number,
  title: string,
  output: string,
  lead: string,
  coordinating: readonly string[],
  start: string,
  deadline: string,
  status: TaskStatus,
  progress: number,
  weight = 1,
): TaskFact => ({
  group,
  title,
  output,
  lead,
  with: coordinating,
  start,
  deadline,
  status,
  progress,
  weight,
});

/** About thirty sample tasks, 2022–2025 (Dữ liệu mẫu). */
export const SAMPLE_TASKS: readonly TaskFact[] = [
  T(
    1,
    'Tuyên truyền Nghị quyết 03-NQ/TU trên báo chí và cổng thông tin',
    'Chuyên mục chuyển đổi số trên Cổng thông tin điện tử thành phố',
    'STTTT',
    ['VP-UBND'],
    '2022-02-01',
    '2022-12-31',
    'completed',
    100,
  ),
  T(
    1,
    'Tổ chức Ngày Chuyển đổi số thành phố hằng năm',
    'Sự kiện Ngày Chuyển đổi số 10/10',
    'STTTT',
    ['SKHCN'],
    '2022-06-01',
    '2024-10-10',
    'completed',
    100,
  ),
  T(
    1,
    'Phổ biến kỹ năng số cho cán bộ cấp xã',
    'Tài liệu và lớp phổ biến kỹ năng số',
    'SNV',
    ['STTTT'],
    '2023-01-01',
    '2025-06-30',
    'in-progress',
    70,
  ),
  T(
    2,
    'Ban hành quy chế quản lý, khai thác dữ liệu dùng chung',
    'Quyết định ban hành quy chế',
    'STTTT',
    ['STP'],
    '2022-03-01',
    '2022-12-31',
    'completed',
    100,
    2,
  ),
  T(
    2,
    'Ban hành chính sách hỗ trợ doanh nghiệp chuyển đổi số',
    'Nghị quyết của HĐND thành phố',
    'SKHDT',
    ['STC', 'SCT'],
    '2022-06-01',
    '2023-12-31',
    'completed',
    100,
    2,
  ),
  T(
    2,
    'Rà soát thủ tục hành chính để cung cấp trực tuyến toàn trình',
    'Danh mục thủ tục hành chính được tái cấu trúc',
    'VP-UBND',
    ['STP'],
    '2022-04-01',
    '2024-06-30',
    'completed',
    100,
  ),
  T(
    2,
    'Sửa đổi quy chế hoạt động của Ban Chỉ đạo sau hợp nhất sở',
    'Quy chế sửa đổi',
    'SKHCN',
    ['SNV'],
    '2025-03-15',
    '2025-09-30',
    'in-progress',
    50,
  ),
  T(
    3,
    'Nâng cấp Trung tâm dữ liệu thành phố',
    'Trung tâm dữ liệu đạt tiêu chuẩn Tier III',
    'STTTT',
    ['STC'],
    '2022-03-01',
    '2024-12-31',
    'completed',
    100,
    3,
  ),
  T(
    3,
    'Mở rộng mạng truyền số liệu chuyên dùng đến cấp xã',
    '100% xã, phường kết nối mạng chuyên dùng',
    'STTTT',
    ['SNV'],
    '2022-03-01',
    '2023-12-31',
    'completed',
    100,
    2,
  ),
  T(
    3,
    'Triển khai nền tảng tích hợp, chia sẻ dữ liệu (LGSP)',
    'LGSP kết nối với NDXP',
    'STTTT',
    ['VP-UBND'],
    '2022-02-01',
    '2023-06-30',
    'completed',
    100,
    3,
  ),
  T(
    3,
    'Xây dựng Trung tâm giám sát, điều hành đô thị thông minh (IOC)',
    'IOC vận hành các dịch vụ giám sát',
    'SKHCN',
    ['SXD', 'SGTVT'],
    '2024-01-01',
    '2025-12-31',
    'in-progress',
    60,
    3,
  ),
  T(
    4,
    'Xây dựng cơ sở dữ liệu đất đai',
    'Cơ sở dữ liệu đất đai vận hành',
    'STNMT',
    ['SKHDT'],
    '2022-06-01',
    '2025-02-28',
    'in-progress',
    80,
    2,
  ),
  T(
    4,
    'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
    'Kho dữ liệu số hóa',
    'VP-UBND',
    ['SNV'],
    '2022-03-01',
    '2024-12-31',
    'in-progress',
    85,
  ),
  T(
    4,
    'Xây dựng kho dữ liệu dùng chung và cổng dữ liệu mở',
    'Cổng dữ liệu mở của thành phố',
    'SKHCN',
    ['STC'],
    '2025-03-15',
    '2025-12-31',
    'in-progress',
    30,
    2,
  ),
  T(
    4,
    'Cơ sở dữ liệu ngành y tế và hồ sơ sức khỏe điện tử',
    'Hồ sơ sức khỏe điện tử cho người dân',
    'SYT',
    ['SKHCN'],
    '2023-01-01',
    '2025-06-30',
    'in-progress',
    75,
  ),
  T(
    5,
    'Triển khai giám sát an toàn thông tin 4 lớp',
    'Hệ thống SOC của thành phố',
    'STTTT',
    ['VP-UBND'],
    '2022-03-01',
    '2023-12-31',
    'completed',
    100,
    2,
  ),
  T(
    5,
    'Diễn tập ứng cứu sự cố an toàn thông tin mạng hằng năm',
    'Báo cáo diễn tập',
    'SKHCN',
    [],
    '2025-03-15',
    '2025-11-30',
    'not-started',
    0,
  ),
  T(
    5,
    'Phê duyệt hồ sơ cấp độ an toàn hệ thống thông tin',
    '100% hệ thống được phê duyệt cấp độ',
    'STTTT',
    ['SNV'],
    '2022-06-01',
    '2024-06-30',
    'in-progress',
    90,
  ),
  T(
    6,
    'Bồi dưỡng kỹ năng số cho cán bộ, công chức',
    '5.000 lượt cán bộ được bồi dưỡng',
    'SNV',
    ['STTTT'],
    '2022-04-01',
    '2025-12-31',
    'in-progress',
    65,
    2,
  ),
  T(
    6,
    'Đưa nội dung kỹ năng số vào trường phổ thông',
    'Chương trình giáo dục kỹ năng số',
    'SGDDT',
    [],
    '2022-09-01',
    '2024-05-31',
    'completed',
    100,
  ),
  T(
    6,
    'Thu hút chuyên gia công nghệ thông tin về làm việc',
    'Chính sách thu hút nhân lực số',
    'SNV',
    ['STC'],
    '2023-01-01',
    '2023-12-31',
    'suspended',
    20,
  ),
  T(
    7,
    'Cung cấp dịch vụ công trực tuyến toàn trình',
    'Tỷ lệ dịch vụ công trực tuyến toàn trình ≥ 80%',
    'VP-UBND',
    ['STTTT'],
    '2022-02-01',
    '2025-06-30',
    'in-progress',
    85,
    3,
  ),
  T(
    7,
    'Triển khai hệ thống quản lý văn bản liên thông 4 cấp',
    'Văn bản điện tử liên thông đến cấp xã',
    'STTTT',
    ['VP-UBND'],
    '2022-02-01',
    '2022-12-31',
    'completed',
    100,
    2,
  ),
  T(
    7,
    'Xây dựng Hệ thống thông tin báo cáo của thành phố',
    'Hệ thống báo cáo kết nối với Chính phủ',
    'VP-UBND',
    ['STTTT'],
    '2022-03-01',
    '2023-06-30',
    'completed',
    100,
  ),
  T(
    7,
    'Chuyển đổi số tại UBND quận Lê Chân',
    'Một cửa điện tử và họp không giấy',
    'Q-LECHAN',
    ['STTTT'],
    '2022-05-01',
    '2024-12-31',
    'completed',
    100,
  ),
  T(
    7,
    'Chuyển đổi số tại UBND huyện Thủy Nguyên',
    'Một cửa điện tử và họp không giấy',
    'H-THUYNGUYEN',
    ['STTTT'],
    '2022-05-01',
    '2024-12-31',
    'in-progress',
    80,
  ),
  T(
    8,
    'Phát triển thương mại điện tử cho sản phẩm OCOP',
    'Sản phẩm OCOP trên sàn thương mại điện tử',
    'SCT',
    ['SNNPTNT'],
    '2022-06-01',
    '2024-12-31',
    'completed',
    100,
  ),
  T(
    8,
    'Thanh toán không dùng tiền mặt trong trường học và bệnh viện',
    'Tỷ lệ thanh toán điện tử ≥ 70%',
    'SYT',
    ['SGDDT'],
    '2023-01-01',
    '2025-06-30',
    'in-progress',
    60,
  ),
  T(
    8,
    'Chuyển đổi số doanh nghiệp nhỏ và vừa',
    '1.000 doanh nghiệp được hỗ trợ',
    'SKHDT',
    ['SCT'],
    '2022-09-01',
    '2025-02-28',
    'in-progress',
    55,
    2,
  ),
  T(
    9,
    'Phổ cập điện thoại thông minh và cáp quang hộ gia đình',
    'Tỷ lệ hộ gia đình có cáp quang ≥ 80%',
    'STTTT',
    ['SCT'],
    '2022-03-01',
    '2024-12-31',
    'completed',
    100,
  ),
  T(
    9,
    'Triển khai định danh điện tử và chữ ký số cho người dân',
    'Tỷ lệ người trưởng thành có chữ ký số ≥ 50%',
    'SKHCN',
    ['SNV'],
    '2025-03-15',
    '2025-12-31',
    'in-progress',
    40,
  ),
  T(
    9,
    'Du lịch thông minh: bản đồ số điểm đến',
    'Ứng dụng du lịch Hải Phòng',
    'SDL',
    ['STTTT'],
    '2022-09-01',
    '2023-12-31',
    'cancelled',
    10,
  ),
];
