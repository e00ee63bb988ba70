import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.js';
import { escapeHtml, html } from './html-escape.js';
import { buildIndicator } from './test-support/steering-fixtures.js';
import { periodLabel } from './quarterly-report-html.js';
import { requirePeriod } from './period-input.js';
import { SAMPLE_PROGRAM_CODE } from './seed/seed-steering-sample.js';
import {
  createSteeringFixture,
  SECRETARIAT,
  type SteeringFixture,
} from './test-support/steering-fixtures.js';

const MALICIOUS = '<script>alert("x")</script>';

describe('html escaping', () => {
  it('escapes the five special characters and every interpolated value, but not nested html', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    const inner = html`<b>${MALICIOUS}</b>`;
    expect(html`<td>${inner}${[1, '<i>']}${null}</td>`.toString()).toBe(
      '<td><b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</b>1&lt;i&gt;</td>',
    );
  });

  it('names periods as a Vietnamese report does', () => {
    expect(
      ['2025-Q2', '2025-H1', '2025-H2', '2025-05', '2025'].map((p) => periodLabel(requirePeriod(p))),
    ).toEqual([
      'Quý II năm 2025',
      '6 tháng đầu năm 2025',
      '6 tháng cuối năm 2025',
      'Tháng 5 năm 2025',
      'Năm 2025',
    ]);
  });
});

for (const dialect of DIALECTS) {
  describe(`printable period report on ${dialect}`, () => {
    let fx: SteeringFixture | undefined;
    afterEach(async () => {
      await fx?.store.close();
      fx = undefined;
    });

    it('shows every section for the committee and escapes a malicious task title', async () => {
      fx = await createSteeringFixture(dialect);
      const program = (await fx.steering.programs.list()).find((p) => p.code === SAMPLE_PROGRAM_CODE)!;
      await fx.steering.tasks.create(SECRETARIAT, program.id, {
        groupId: program.groups[0]!.id,
        code: 'NV-XSS.01',
        title: MALICIOUS,
        expectedOutput: '<img src=x onerror=alert(1)>',
        leadUnitId: 'SKHCN',
        startDate: '2025-04-01',
        deadline: '2025-06-30',
        status: 'in-progress',
      });
      await fx.steering.indicators.create(
        SECRETARIAT,
        buildIndicator({ targets: [{ level: '*', year: 2025, target: 80 }] }),
      );
      await fx.steering.indicators.putValue(SECRETARIAT, 'CQS-03', 'SKHCN', '2025-Q2', { value: 60 });

      const page = await fx.steering.files.quarterlyReport('2025-Q2', '2025-08-15');
      expect(page.startsWith('<!doctype html>')).toBe(true);
      expect(page).toContain('<html lang="vi">');
      expect(page).toContain('Ban Chỉ đạo về Chuyển đổi số thành phố Hải Phòng');
      expect(page).toContain('Quý II năm 2025 (từ 01/04/2025 đến 30/06/2025)');
      expect(page).toContain('Số liệu tính đến ngày 15/08/2025');
      for (const heading of [
        'I. Tiến độ chương trình theo nhóm nhiệm vụ',
        'II. Nhiệm vụ quá hạn',
        'III. Tình hình nộp báo cáo',
        'IV. Bảng xếp hạng chỉ số 2025-Q2',
        'V. Đơn vị chưa có Ban Chỉ đạo hoặc kế hoạch',
      ]) {
        expect(page).toContain(`<h2>${heading}</h2>`);
      }
      // Print: A4, a page per section, bar charts as inline SVG, and no script at all.
      expect(page).toContain('size: A4');
      expect(page).toContain('break-before: page');
      expect(page).toContain('<svg class="chart" role="img"');
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toContain('<img');
      expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      // The task is overdue by 46 days; its lead unit is named, not coded.
      expect(page).toMatch(
        /<td class="code">NV-XSS\.01<\/td><td>&lt;script&gt;.*?<\/td><td>Sở Khoa học và Công nghệ<\/td><td class="num">30\/06\/2025<\/td><td class="num late">46<\/td>/,
      );
      // The scoreboard ranks SKHCN with its attainment, 60 of 80.
      expect(page).toMatch(
        /<td class="num">1<\/td><td>Sở Khoa học và Công nghệ<\/td><td class="code">Sở, ngành<\/td><td class="num">75%<\/td><td class="num">1\/1<\/td>/,
      );
      // Groups of the program with their roll-up.
      expect(page).toContain(`<td class="code">${program.groups[0]!.code}</td>`);
    });

    it('refuses a malformed period', async () => {
      fx = await createSteeringFixture(dialect, { seed: false });
      await expect(fx.steering.files.quarterlyReport('2025-Q5')).rejects.toMatchObject({
        code: 'validation-failed',
      });
    });
  });
}
