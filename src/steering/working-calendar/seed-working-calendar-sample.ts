import type { AuditActor } from '../../store/index.js';
import type { Steering } from '../create-steering.js';
import type { WorkingCalendarInput } from './working-calendar-schemas.js';

/**
 * The days off of state bodies in 2025 and 2026 as they were announced, entered as sample data. The
 * announcements' numbers are named where known; where a part of a year was not found, the note says so
 * and the law's proposal stands in for it. The secretariat confirms each year against the decision.
 */
export const SAMPLE_WORKING_CALENDARS: Readonly<Record<number, WorkingCalendarInput>> = {
  2025: {
    basis:
      'Lịch nghỉ lễ, Tết năm 2025 của cán bộ, công chức, viên chức theo quyết định của Thủ tướng Chính phủ ' +
      '(Bộ Nội vụ thông báo)',
    note:
      'Dữ liệu mẫu: nhập theo lịch nghỉ đã công bố (Tết 25/01–02/02, Giỗ Tổ 05–07/4, 30/4–04/5 có hoán đổi ' +
      'thứ Sáu 02/5 sang thứ Bảy 26/4, Quốc khánh 30/8–02/9); số hiệu văn bản chưa đối chiếu.',
    daysOff: [
      { date: '2025-01-01', name: 'Tết Dương lịch' },
      { date: '2025-01-27', name: 'Tết Nguyên đán (28 tháng Chạp)' },
      { date: '2025-01-28', name: 'Tết Nguyên đán (29 tháng Chạp)' },
      { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)' },
      { date: '2025-01-30', name: 'Tết Nguyên đán (mùng 2)' },
      { date: '2025-01-31', name: 'Tết Nguyên đán (mùng 3)' },
      { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2025-04-30', name: 'Ngày Chiến thắng' },
      { date: '2025-05-01', name: 'Ngày Quốc tế lao động' },
      { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04)' },
      { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' },
      { date: '2025-09-02', name: 'Quốc khánh' },
    ],
    workingDays: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/05' }],
  },
  2026: {
    basis:
      'Công văn số 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (Tết Dương lịch); lịch nghỉ Tết ' +
      'Nguyên đán Bính Ngọ của cán bộ, công chức, viên chức; Bộ luật Lao động 2019, Điều 111, 112',
    note:
      'Dữ liệu mẫu: Tết Dương lịch 01–04/01 (hoán đổi thứ Sáu 02/01 sang thứ Bảy 10/01) và Tết Nguyên đán ' +
      '16–20/02 theo lịch đã công bố; Giỗ Tổ, 30/4, 1/5 theo luật. Ngày liền kề Quốc khánh (03/9) là đề ' +
      'xuất theo luật, chưa đối chiếu với quyết định của Thủ tướng Chính phủ.',
    daysOff: [
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      { date: '2026-01-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01)' },
      { date: '2026-02-16', name: 'Tết Nguyên đán (29 tháng Chạp)' },
      { date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)' },
      { date: '2026-02-18', name: 'Tết Nguyên đán (mùng 2)' },
      { date: '2026-02-19', name: 'Tết Nguyên đán (mùng 3)' },
      { date: '2026-02-20', name: 'Tết Nguyên đán (mùng 4)' },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/04)' },
      { date: '2026-04-30', name: 'Ngày Chiến thắng' },
      { date: '2026-05-01', name: 'Ngày Quốc tế lao động' },
      { date: '2026-09-02', name: 'Quốc khánh' },
      { date: '2026-09-03', name: 'Quốc khánh (ngày liền kề, đề xuất)' },
    ],
    workingDays: [{ date: '2026-01-10', name: 'Làm bù cho thứ Sáu 02/01' }],
  },
};

/** Enters the sample official calendars of the years that have none yet; returns the years entered. */
export async function seedWorkingCalendarSample(steering: Steering, actor: AuditActor): Promise<number[]> {
  const entered: number[] = [];
  for (const [year, input] of Object.entries(SAMPLE_WORKING_CALENDARS)) {
    if ((await steering.workingCalendar.get(Number(year))).source === 'official') continue;
    await steering.workingCalendar.put(actor, Number(year), input, { sample: true });
    entered.push(Number(year));
  }
  return entered;
}
