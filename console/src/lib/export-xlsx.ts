import writeExcelFile from 'write-excel-file/universal';

/** Writes rows under a bold header row to `{name}.xlsx` and starts the download. Loaded on demand. */
export async function exportXlsx(
  name: string,
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): Promise<void> {
  const data = [
    headers.map((header) => ({ value: header, fontWeight: 'bold' as const })),
    ...rows.map((row) => row.map((value) => (value === null || value === '' ? null : { value }))),
  ];
  const blob = await writeExcelFile(data).toBlob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name.replace(/[\\/:*?"<>|]+/g, '-')}.xlsx`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
