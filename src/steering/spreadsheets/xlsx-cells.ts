/** A cell's value as read from a sheet: text, a number, a date cell, a boolean, or empty. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A cell as plain text or number: text trimmed and in NFC, a boolean as 'true' or 'false'. */
export function plainCell(value: CellValue): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'boolean') return String(value);
  return value;
}

/** A cell as text: numbers as written, a date cell as its month 'YYYY-MM' (Excel turns 2024-07 into a date). */
export function textCell(value: CellValue): string {
  const plain = plainCell(value);
  if (plain === null) return '';
  if (plain instanceof Date) return plain.toISOString().slice(0, 7);
  return String(plain);
}

/** A cell as a number: numbers as they are, text with a decimal point or a Vietnamese decimal comma. */
export function numberCell(value: CellValue): number | undefined {
  const plain = plainCell(value);
  if (typeof plain === 'number') return plain;
  if (typeof plain !== 'string' || plain === '') return undefined;
  const normal = /^-?\d+,\d+$/.test(plain) ? plain.replace(',', '.') : plain;
  const parsed = Number(normal);
  return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normal) && Number.isFinite(parsed) ? parsed : undefined;
}
