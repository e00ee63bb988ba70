import { Type } from '@sinclair/typebox';

/**
 * How the platform marks what it creates as sample data, which `cang sample remove` deletes. Only the
 * platform's own commands set it; the admin API never does, so an operator's data is never marked.
 */
export interface SampleOption {
  readonly sample?: boolean;
}

/** The `sample` column's value for a new row. */
export function sampleColumn(options: SampleOption | undefined): number {
  return options?.sample === true ? 1 : 0;
}

/** The `sample` field of a view: present, as true, only on sample data. */
export function sampleField(row: { readonly sample: number }): { sample?: true } {
  return row.sample === 1 ? { sample: true } : {};
}

/** The view schema of the mark, shared by every view of a row that can be sample data. */
export const SampleView = Type.Optional(
  Type.Literal(true, { description: 'Present, as true, on sample data, which `cang sample remove` deletes' }),
);
