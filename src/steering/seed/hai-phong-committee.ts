import type { CommitteeInput, MemberInput } from '../committee-schemas.js';

/** The last day of the committee of QĐ 3820/QĐ-UBND as it stood before the merged city. */
const BEFORE_MERGER = '2025-06-30';
/** The first day of the merged city, the date recorded for the Resolution 57 consolidation (unconfirmed). */
const MERGED_CITY = '2025-07-01';
const UNCONFIRMED = 'Chưa xác minh';

/**
 * The city committee: founded by QĐ 2830/QĐ-UBND, consolidated by QĐ 3820/QĐ-UBND (documentId filled in
 * by the seed), and consolidated again in 2025 under Resolution 57-NQ/TW as the committee for science,
 * technology, innovation and digital transformation. That decision's number, date and members were not
 * found, so they are recorded unconfirmed, with the merged city's first day as the date and the holders
 * named by the positions the national model gives them.
 */
export function cityCommittee(decisionDocumentId: string | undefined): CommitteeInput {
  return {
    unitId: 'UBND-HP',
    name: 'Ban Chỉ đạo về Chuyển đổi số thành phố Hải Phòng',
    decisions: [
      {
        kind: 'founding',
        number: '2830/QĐ-UBND',
        date: '2018-10-30',
        issuer: 'UBND thành phố Hải Phòng',
      },
      {
        kind: 'consolidating',
        number: '3820/QĐ-UBND',
        date: '2021-12-20',
        issuer: 'UBND thành phố Hải Phòng',
        ...(decisionDocumentId === undefined ? {} : { documentId: decisionDocumentId }),
      },
      {
        kind: 'consolidating',
        number: `${UNCONFIRMED} (kiện toàn theo Nghị quyết 57-NQ/TW)`,
        date: MERGED_CITY,
        issuer: 'UBND thành phố Hải Phòng',
        confirmed: false,
        note:
          'Kiện toàn thành Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số ' +
          'thành phố Hải Phòng theo Nghị quyết 57-NQ/TW (22/12/2024). Số, ngày quyết định và thành viên ' +
          'chưa xác minh; ngày ghi là ngày thành phố hợp nhất. Cơ quan thường trực: Sở Khoa học và Công nghệ.',
      },
    ],
    // Holders are named by their position (sample): the decision assigns roles to offices, not people.
    members: [
      {
        role: 'head',
        personName: 'Chủ tịch UBND thành phố',
        position: 'Trưởng ban',
        from: '2021-12-20',
        to: BEFORE_MERGER,
      },
      {
        role: 'standing-deputy',
        personName: 'Phó Chủ tịch UBND thành phố',
        position: 'Phó Trưởng ban Thường trực',
        from: '2021-12-20',
        to: BEFORE_MERGER,
      },
      {
        role: 'deputy',
        personName: 'Giám đốc Sở Thông tin và Truyền thông',
        position: 'Phó Trưởng ban (cơ quan thường trực)',
        from: '2021-12-20',
        to: '2025-02-28',
      },
      {
        role: 'deputy',
        personName: 'Giám đốc Sở Khoa học và Công nghệ',
        position: 'Phó Trưởng ban (cơ quan thường trực)',
        from: '2025-03-01',
        to: BEFORE_MERGER,
      },
      {
        role: 'member',
        personName: 'Giám đốc Sở Nội vụ',
        position: 'Thành viên',
        from: '2021-12-20',
        to: BEFORE_MERGER,
      },
      {
        role: 'member',
        personName: 'Giám đốc Sở Tài chính',
        position: 'Thành viên',
        from: '2021-12-20',
        to: BEFORE_MERGER,
      },
      {
        role: 'member',
        personName: 'Chủ tịch UBND các quận, huyện',
        position: 'Thành viên',
        from: '2021-12-20',
        to: '2025-06-30',
      },
      {
        role: 'working-group',
        personName: 'Tổ giúp việc do Sở Thông tin và Truyền thông chủ trì',
        position: 'Tổ giúp việc',
        from: '2021-12-20',
        to: '2025-02-28',
      },
      {
        role: 'working-group',
        personName: 'Tổ giúp việc do Sở Khoa học và Công nghệ chủ trì',
        position: 'Tổ giúp việc',
        from: '2025-03-01',
        to: BEFORE_MERGER,
      },
      ...RESOLUTION_57_MEMBERS.map(([role, personName, position]) => ({
        role,
        personName,
        position,
        from: MERGED_CITY,
        confirmed: false,
      })),
    ],
  };
}

/** The roles of the Resolution 57 committee by the national model's positions (not confirmed for the city). */
const RESOLUTION_57_MEMBERS: readonly (readonly [MemberInput['role'], string, string])[] = [
  ['head', 'Chủ tịch UBND thành phố', 'Trưởng ban'],
  ['standing-deputy', 'Phó Chủ tịch UBND thành phố phụ trách chuyển đổi số', 'Phó Trưởng ban Thường trực'],
  ['deputy', 'Giám đốc Sở Khoa học và Công nghệ', 'Phó Trưởng ban (cơ quan thường trực)'],
  ['member', 'Giám đốc Sở Nội vụ', 'Thành viên'],
  ['member', 'Giám đốc Sở Tài chính', 'Thành viên'],
  ['member', 'Chủ tịch UBND các xã, phường, đặc khu', 'Thành viên'],
  ['working-group', 'Tổ giúp việc do Sở Khoa học và Công nghệ chủ trì', 'Tổ giúp việc'],
];
