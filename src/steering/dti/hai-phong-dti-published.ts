import type { DtiPublishedInput } from './dti-published.js';

/**
 * Hải Phòng's published provincial DTI by assessment year (the shared reference data,
 * dti-published-haiphong.json). What was not found stays empty; 2021 is marked unverified because its
 * figures come from earlier notes and were not re-read in a source.
 */
export const HAI_PHONG_DTI_PUBLISHED: Readonly<Record<number, DtiPublishedInput>> = {
  2020: {
    rank: 21,
    method: 'QĐ 1726/QĐ-BTTTT',
    verified: true,
    source: 'https://viettimes.vn/chuyen-doi-so-la-diem-nghen-phat-trien-cua-hai-phong-post155001.html',
    note: 'Xếp hạng trụ cột: chính quyền số 33, kinh tế số 20, xã hội số 14.',
  },
  2021: {
    rank: 16,
    total: 0.4675,
    verified: false,
    note: 'Theo ghi chép trước đây (dti.gov.vn, anhp.vn); chưa đối chiếu lại với nguồn.',
  },
  2022: {
    rank: 14,
    method: 'QĐ 922/QĐ-BTTTT',
    verified: true,
    source: 'https://dti.gov.vn/xep-hang-2022',
    note: 'Xếp hạng trụ cột: chính quyền số 28, kinh tế số 12, xã hội số 21. Tổng điểm chưa tìm thấy.',
  },
  2023: {
    rank: 8,
    method: 'QĐ 922/QĐ-BTTTT',
    verified: true,
    source:
      'https://diendandoanhnghiep.vn/hai-phong-chuyen-doi-so-dong-luc-trong-phat-trien-kinh-te-10149895.html',
    note:
      'Công bố 06/02/2025. Trụ cột: chính quyền số 0,7684 (hạng 28), kinh tế số 0,7793 (hạng 9), xã hội số ' +
      '0,7383 (hạng 10). Tổng điểm chưa tìm thấy.',
  },
  2024: {
    rank: 3,
    of: 34,
    total: 0.7857,
    method: 'QĐ 405/QĐ-BKHCN',
    publishedOn: '2025-10-21',
    verified: true,
    source:
      'https://dantri.com.vn/khoa-hoc/ha-noi-dan-dau-ca-nuoc-ve-chi-so-chuyen-doi-so-20251021181803153.htm',
    note:
      'Giá trị của thành phố sau hợp nhất: trung bình cộng các chỉ số chính của Hải Phòng và Hải Dương trước ' +
      'hợp nhất. Điểm tối đa ở Nhận thức số và Thể chế số; hạng 3 ở Hạ tầng số và Hoạt động kinh tế số.',
  },
};
