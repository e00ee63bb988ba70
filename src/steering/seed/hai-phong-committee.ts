import type { CommitteeInput } from '../committee-schemas.js';

/** The city committee of QĐ 3820/QĐ-UBND (documentId of its consolidating decision filled in by the seed). */
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
    ],
    // Holders are named by their position (sample): the decision assigns roles to offices, not people.
    members: [
      { role: 'head', personName: 'Chủ tịch UBND thành phố', position: 'Trưởng ban', from: '2021-12-20' },
      {
        role: 'standing-deputy',
        personName: 'Phó Chủ tịch UBND thành phố',
        position: 'Phó Trưởng ban Thường trực',
        from: '2021-12-20',
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
      },
      { role: 'member', personName: 'Giám đốc Sở Nội vụ', position: 'Thành viên', from: '2021-12-20' },
      { role: 'member', personName: 'Giám đốc Sở Tài chính', position: 'Thành viên', from: '2021-12-20' },
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
      },
    ],
  };
}
