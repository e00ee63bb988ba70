/** The format codes of the built-in number formats a reader needs: percentages, dates and times. */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/** The format code of a number format id: a workbook's own, else a built-in one, else '' (General). */
export function formatCode(id: number, custom: ReadonlyMap<number, string>): string {
  return custom.get(id) ?? BUILT_IN_FORMATS[id] ?? '';
}

/**
 * Whether a format code shows a date or a time: it has a day, month, year, hour or second part
 * outside quoted text, escaped characters and bracketed colours or locales.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  return /[dmyhs]/i.test(bare) && !/^General$/i.test(bare);
}

// Excel's serial day 25569 is 1970-01-01 in the 1900 date system; the 1904 system starts 1462 days later.
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1900_TO_1904 = 1_462;

/** A date cell's serial number as the instant it shows, read as UTC (Excel has no time zones). */
export function dateOfSerial(serial: number, date1904: boolean): Date {
  const days = serial + (date1904 ? DAYS_1900_TO_1904 : 0) - UNIX_EPOCH_SERIAL;
  return new Date(Math.round(days * 86_400_000));
}
