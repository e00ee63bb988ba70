/**
 * The records the sample provider answers with: sample data, not real people, households, enterprises or
 * land. Personal ids follow the 12-digit citizen-id layout (province 031 Hải Phòng, then a century-and-sex
 * digit and a birth year) but use the digit 9, a woman born in the 2300s, which no real citizen id carries.
 */

/** Sample citizen ids, clearly fake (see above); the calls carry them as X-Cang-Subject. */
export const SAMPLE_PEOPLE = {
  nguyenVanAn: '031999000101',
  tranThiBinh: '031999000102',
  leMinhChau: '031999000103',
  phamThuDung: '031999000104',
  hoangVanEm: '031999000105',
} as const;

const NOTE = 'Dữ liệu mẫu, không phải dữ liệu thật';

/** Households by household code, as a commune's residence records hold them. */
export const HOUSEHOLDS: Readonly<Record<string, unknown>> = {
  'HP-305-000123': {
    maHo: 'HP-305-000123',
    chuHo: 'Nguyễn Văn An',
    soDinhDanhChuHo: SAMPLE_PEOPLE.nguyenVanAn,
    diaChi: 'Số 12 Tô Hiệu, phường Lê Chân, thành phố Hải Phòng',
    soNhanKhau: 4,
    ghiChu: NOTE,
  },
  'HP-305-000456': {
    maHo: 'HP-305-000456',
    chuHo: 'Trần Thị Bình',
    soDinhDanhChuHo: SAMPLE_PEOPLE.tranThiBinh,
    diaChi: 'Số 8 Hai Bà Trưng, phường Lê Chân, thành phố Hải Phòng',
    soNhanKhau: 3,
    ghiChu: NOTE,
  },
};

/** Birth records by personal id, as the civil-status database holds them. */
export const BIRTHS: Readonly<Record<string, unknown>> = {
  [SAMPLE_PEOPLE.leMinhChau]: {
    soDinhDanh: SAMPLE_PEOPLE.leMinhChau,
    hoTen: 'Lê Minh Châu',
    ngaySinh: '2019-03-14',
    gioiTinh: 'Nữ',
    noiDangKy: 'Ủy ban nhân dân phường Ngô Quyền',
    soDangKy: '125/2019',
    ghiChu: NOTE,
  },
  [SAMPLE_PEOPLE.hoangVanEm]: {
    soDinhDanh: SAMPLE_PEOPLE.hoangVanEm,
    hoTen: 'Hoàng Văn Em',
    ngaySinh: '2024-11-02',
    gioiTinh: 'Nam',
    noiDangKy: 'Ủy ban nhân dân phường Lê Chân',
    soDangKy: '87/2024',
    ghiChu: NOTE,
  },
};

/** Marriage records by the personal id of either spouse. */
export const MARRIAGES: Readonly<Record<string, unknown>> = {
  [SAMPLE_PEOPLE.phamThuDung]: {
    chong: 'Nguyễn Văn An',
    vo: 'Phạm Thu Dung',
    ngayDangKy: '2015-10-10',
    noiDangKy: 'Ủy ban nhân dân phường Lê Chân',
    ghiChu: NOTE,
  },
};

/** Enterprises by enterprise code (mã số doanh nghiệp, 10 digits; 99999 marks them as sample). */
export const ENTERPRISES: Readonly<Record<string, unknown>> = {
  '0299999001': {
    maSoDoanhNghiep: '0299999001',
    tenDoanhNghiep: 'Công ty TNHH Cơ khí Cảng Xanh (mẫu)',
    loaiHinh: 'Công ty trách nhiệm hữu hạn hai thành viên trở lên',
    ngayThanhLap: '2018-06-01',
    nguoiDaiDien: 'Nguyễn Văn An',
    diaChiTruSo: 'Lô B4, Khu công nghiệp Đình Vũ, thành phố Hải Phòng',
    tinhTrang: 'Đang hoạt động',
    ghiChu: NOTE,
  },
  '0299999002': {
    maSoDoanhNghiep: '0299999002',
    tenDoanhNghiep: 'Hợp tác xã Dịch vụ Nông nghiệp An Lão (mẫu)',
    loaiHinh: 'Hợp tác xã',
    ngayThanhLap: '2012-02-20',
    nguoiDaiDien: 'Trần Thị Bình',
    diaChiTruSo: 'Thôn Tiên Hội, xã An Lão, thành phố Hải Phòng',
    tinhTrang: 'Tạm ngừng kinh doanh',
    ghiChu: NOTE,
  },
};

/** Land parcels by `{map sheet}-{parcel}` of a commune (sample sheets numbered from 900). */
export const PARCELS: Readonly<Record<string, unknown>> = {
  '11383-901-45': {
    maThua: '11383-901-45',
    toBanDo: 901,
    soThua: 45,
    dienTichM2: 86.4,
    mucDichSuDung: 'Đất ở tại đô thị',
    nguoiSuDung: 'Nguyễn Văn An',
    soDinhDanhNguoiSuDung: SAMPLE_PEOPLE.nguyenVanAn,
    diaChi: 'Số 12 Tô Hiệu, phường Lê Chân',
    ghiChu: NOTE,
  },
  '11629-912-7': {
    maThua: '11629-912-7',
    toBanDo: 912,
    soThua: 7,
    dienTichM2: 1250,
    mucDichSuDung: 'Đất trồng lúa',
    nguoiSuDung: 'Trần Thị Bình',
    soDinhDanhNguoiSuDung: SAMPLE_PEOPLE.tranThiBinh,
    diaChi: 'Thôn Tiên Hội, xã An Lão',
    ghiChu: NOTE,
  },
};
