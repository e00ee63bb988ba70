import { type Static, Type } from '@sinclair/typebox';
import { keyedHash, organisationOf, parseInput } from '../core/index.js';
import { type AuditActor, recordAudit } from '../store/index.js';
import type { CatalogContext } from './catalog-context.js';

const DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';

/** Most transactions one answer lists; `truncated` says when there were more. */
export const SUBJECT_ACCESS_MAX = 10_000;

/** Who to look up: the person's id as the systems sent it in `X-Cang-Subject`, and an optional window. */
export const SubjectAccessInput = Type.Object(
  {
    personId: Type.String({
      minLength: 1,
      maxLength: 128,
      description: 'The data subject’s id, e.g. a citizen id; only its keyed hash is stored or logged',
      examples: ['031095001234'],
    }),
    from: Type.Optional(Type.String({ pattern: DATE_TIME, description: 'Earliest time, inclusive' })),
    to: Type.Optional(Type.String({ pattern: DATE_TIME, description: 'Latest time, exclusive' })),
  },
  { additionalProperties: false },
);
/** Who to look up. */
export type SubjectAccessInput = Static<typeof SubjectAccessInput>;

const Name = Type.Union([Type.String(), Type.Null()]);

/** One access to the person's data: who, when, through which service, for what purpose. */
export const SubjectAccessItem = Type.Object({
  transactionId: Type.String(),
  at: Type.String(),
  clientOrganisation: Name,
  clientOrganisationName: Name,
  clientSystem: Name,
  clientSystemName: Name,
  service: Name,
  serviceName: Name,
  providerOrganisation: Name,
  providerOrganisationName: Name,
  purpose: Name,
  status: Type.Integer({ description: 'HTTP status; 403 means the exchange refused the call' }),
});
/** One access to the person's data. */
export type SubjectAccessItem = Static<typeof SubjectAccessItem>;

/** The answer for one person. */
export const SubjectAccessReport = Type.Object({
  subjectHash: Type.String({ description: 'Keyed hash of the id under the current key' }),
  generatedAt: Type.String(),
  total: Type.Integer(),
  truncated: Type.Boolean(),
  items: Type.Array(SubjectAccessItem),
});
/** The answer for one person. */
export type SubjectAccessReport = Static<typeof SubjectAccessReport>;

/** The data subject's view of the transaction log. */
export interface SubjectAccess {
  /**
   * Which organisations' systems accessed data about a person, when and why: looks the person up
   * under the current and every previous subject hash key, newest first. The lookup itself is
   * audited as `subject-access.read` with the hash, never the raw id.
   */
  lookup(actor: AuditActor, input: SubjectAccessInput, format?: 'json' | 'csv'): Promise<SubjectAccessReport>;
}

/** Builds the subject view; `keys` are the subject hash keys, current first. */
export function subjectAccess(context: CatalogContext, keys: readonly string[]): SubjectAccess {
  const { db } = context;
  return {
    async lookup(actor, raw, format = 'json') {
      const input = parseInput(SubjectAccessInput, raw, 'Invalid subject lookup');
      const hashes = keys.map((key) => keyedHash(key, input.personId));
      let select = db
        .selectFrom('log_entries as l')
        .leftJoin('systems as cs', 'cs.id', 'l.client_id')
        .leftJoin('organisations as co', 'co.id', 'cs.organisation_id')
        .leftJoin('services as sv', 'sv.id', 'l.service_id')
        .leftJoin('systems as ps', 'ps.id', 'sv.system_id')
        .leftJoin('organisations as po', 'po.id', 'ps.organisation_id')
        .select([
          'l.id',
          'l.started_at',
          'l.client_id',
          'l.service_id',
          'l.purpose',
          'l.status',
          'cs.name as client_system_name',
          'co.name as client_organisation_name',
          'sv.name as service_name',
          'po.name as provider_organisation_name',
        ])
        .where('l.subject_hash', 'in', hashes)
        .orderBy('l.started_at', 'desc')
        .orderBy('l.id', 'desc')
        .limit(SUBJECT_ACCESS_MAX + 1);
      if (input.from !== undefined) select = select.where('l.started_at', '>=', Date.parse(input.from));
      if (input.to !== undefined) select = select.where('l.started_at', '<', Date.parse(input.to));
      const rows = await select.execute();
      const items = rows.slice(0, SUBJECT_ACCESS_MAX).map(
        (r): SubjectAccessItem => ({
          transactionId: r.id,
          at: new Date(Number(r.started_at)).toISOString(),
          clientOrganisation: organisationOf(r.client_id ?? undefined) ?? null,
          clientOrganisationName: r.client_organisation_name,
          clientSystem: r.client_id,
          clientSystemName: r.client_system_name,
          service: r.service_id,
          serviceName: r.service_name,
          providerOrganisation: organisationOf(r.service_id ?? undefined) ?? null,
          providerOrganisationName: r.provider_organisation_name,
          purpose: r.purpose,
          status: r.status,
        }),
      );
      const now = context.now();
      const report: SubjectAccessReport = {
        subjectHash: hashes[0]!,
        generatedAt: new Date(now).toISOString(),
        total: items.length,
        truncated: rows.length > SUBJECT_ACCESS_MAX,
        items,
      };
      // The lookup is itself an access to personal data: audit it, naming the hash only.
      await recordAudit(
        db,
        actor,
        {
          action: 'subject-access.read',
          resource: `subject:${report.subjectHash}`,
          details: { entries: report.total, format, keys: keys.length },
        },
        now,
      );
      return report;
    },
  };
}

const CSV_COLUMNS: readonly (keyof SubjectAccessItem)[] = [
  'at',
  'clientOrganisation',
  'clientOrganisationName',
  'clientSystem',
  'clientSystemName',
  'service',
  'serviceName',
  'providerOrganisation',
  'providerOrganisationName',
  'purpose',
  'status',
  'transactionId',
];

function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The report as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheets read Vietnamese). */
export function subjectAccessCsv(report: SubjectAccessReport): string {
  const lines = [
    CSV_COLUMNS.join(','),
    ...report.items.map((item) => CSV_COLUMNS.map((c) => csvCell(item[c])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
