/** A law on the protection of personal data, with the days it was in force. */
export interface PersonalDataLaw {
  readonly code: string;
  readonly title: string;
  /** First day in force, 'YYYY-MM-DD'. */
  readonly inForceFrom: string;
  /** Last day in force, or null while it is. */
  readonly inForceTo: string | null;
}

/**
 * The personal-data laws in force over time: Decree 13/2023/NĐ-CP from 1/7/2023 (its Art. 44), replaced by
 * the Law on Personal Data Protection 91/2025/QH15 from 1/1/2026. Before 1/7/2023 no law specific to
 * personal data was in force, and none is cited.
 */
export const PERSONAL_DATA_LAWS: readonly PersonalDataLaw[] = [
  {
    code: 'nd-13-2023',
    title: 'Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân',
    inForceFrom: '2023-07-01',
    inForceTo: '2025-12-31',
  },
  {
    code: 'luat-91-2025',
    title: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15',
    inForceFrom: '2026-01-01',
    inForceTo: null,
  },
];

/** The personal-data law in force on a date 'YYYY-MM-DD' (Hải Phòng's), if any. */
export function personalDataLawOn(date: string): PersonalDataLaw | undefined {
  return PERSONAL_DATA_LAWS.find(
    (law) => law.inForceFrom <= date && (law.inForceTo === null || date <= law.inForceTo),
  );
}
