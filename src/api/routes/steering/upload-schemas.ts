import { Type } from '@sinclair/typebox';

/** A value import as JSON: the .xlsx file in base64. */
export const ValueImportBody = Type.Object(
  {
    fileBase64: Type.String({ minLength: 1, description: 'The .xlsx file, base64' }),
    acceptValid: Type.Optional(Type.Boolean({ description: 'Import the good rows even if some are bad' })),
  },
  { additionalProperties: false },
);

/** Options of a raw-body value import. */
export const ValueImportQuery = Type.Object(
  { acceptValid: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

/** The report of a value import that committed. */
export const ValueImportReportView = Type.Object({
  committed: Type.Boolean(),
  imported: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer(),
      ok: Type.Boolean(),
      reasons: Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() })),
    }),
  ),
});

/** A task import as JSON: the .xlsx file in base64. */
export const TaskImportBody = Type.Object(
  {
    fileBase64: Type.String({ minLength: 1, description: 'The .xlsx file, base64' }),
    acceptValid: Type.Optional(Type.Boolean({ description: 'Import the good rows even if some are bad' })),
  },
  { additionalProperties: false },
);
export type TaskImportBody = { fileBase64: string; acceptValid?: boolean };

/** Options of a raw-body task import. */
export const TaskImportQuery = Type.Object(
  {
    acceptValid: Type.Optional(
      Type.Boolean({ description: 'Import the good rows even if some are bad (raw .xlsx body)' }),
    ),
  },
  { additionalProperties: false },
);

/** The report of a task import that committed. */
export const TaskImportReportView = Type.Object({
  committed: Type.Boolean(),
  imported: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: 'Row number as Excel shows it' }),
      code: Type.String({ description: 'Task code of the row' }),
      ok: Type.Boolean(),
      taskId: Type.Union([Type.String(), Type.Null()], { description: 'The task created from the row' }),
      reasons: Type.Array(
        Type.Object({
          pointer: Type.String({ examples: ['/deadline'] }),
          column: Type.String({ description: 'Column letter', examples: ['I'] }),
          header: Type.String({ examples: ['Hạn hoàn thành'] }),
          detail: Type.String(),
        }),
      ),
    }),
  ),
});
