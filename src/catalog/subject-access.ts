import { type Static, Type } from '@sinclair/typebox';
import { keyedHash, localDateOf, organisationOf, parseInput } from '../core/index.js';
import type { Kysely } from 'kysely';
import { type AuditActor, type Database, recordAudit } from '../store/index.js';
import type { CatalogContext } from './catalog-context.js';
import { PERSONAL_DATA_LAWS, type PersonalDataLaw, personalDataLawOn } from './personal-data-law.js';

const DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';

/** Most transactions one answer lists; `truncated` says when there were more. */
export const SUBJECT_ACCESS_MAX = 10_000;

/**
 * Who to look up: the person's id as the systems sent it in `X-Cang-Subject`, and an optional window; and
 * who asked for the lookup, on what legal basis, both recorded with it.
 */
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
    requester: Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'Who asked for the lookup: the data subject, a representative or an authority',
      examples: ['Chủ thể dữ liệu, theo đơn đề nghị ngày 01/12/2026'],
    }),
    legalBasis: Type.String({
      minLength: 1,
      maxLength: 1000,
      description: 'The legal basis of the lookup',
      examples: ['Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, quyền được biết của chủ thể dữ liệu'],
    }),
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
  law: Type.Union([Type.String(), Type.Null()], {
    description: 'Code of the personal-data law in force on the day of the access (see laws), or null',
  }),
});
/** One access to the person's data. */
export type SubjectAccessItem = Static<typeof SubjectAccessItem>;

const LawView = Type.Object({
  code: Type.String(),
  title: Type.String(),
  inForceFrom: Type.String(),
  inForceTo: Type.Union([Type.String(), Type.Null()]),
});

/** The answer for one person. */
export const SubjectAccessReport = Type.Object({
  subjectHash: Type.String({ description: 'Keyed hash of the id under the current key' }),
  generatedAt: Type.String(),
  requester: Type.String({ description: 'Who asked for the lookup' }),
  legalBasis: Type.String({ description: 'The lookup’s legal basis' }),
  lawInForce: Type.Union([LawView, Type.Null()], {
    description: 'The personal-data law in force on the day of the lookup',
  }),
  laws: Type.Array(LawView, { description: 'The laws the items cite, by code' }),
  total: Type.Integer(),
  truncated: Type.Boolean(),
  items: Type.Array(SubjectAccessItem),
});
/** The answer for one person. */
export type SubjectAccessReport = Static<typeof SubjectAccessReport>;

const lawView = (law: PersonalDataLaw) => ({ ...law });

/** The data subject's view of the transaction log. */
export interface SubjectAccess {
  /**
   * Which organisations' systems accessed data about a person, when and why: looks the person up
   * under the current and every previous subject hash key, newest first. Each access cites the
   * personal-data law in force on its day. The lookup itself is audited as `subject-access.read` with
   * the hash (never the raw id), its requester and its legal basis.
   */
  lookup(actor: AuditActor, input: SubjectAccessInput, format?: 'json' | 'csv'): Promise<SubjectAccessReport>;
}

/**
 * The log entries of a data subject (any of their keyed hashes), newest first, with the names of the
 * systems and organisations on both sides: one more than SUBJECT_ACCESS_MAX, to tell whether more exist.
 * Times are Unix ms, `to` exclusive.
 */
export function subjectLookupQuery(
  db: Kysely<Database>,
  hashes: readonly string[],
  range: { readonly from?: number; readonly to?: number },
) {
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
  if (range.from !== undefined) select = select.where('l.started_at', '>=', range.from);
  if (range.to !== undefined) select = select.where('l.started_at', '<', range.to);
  return select;
}

/** Builds the subject view; `keys` are the subject hash keys, current first. */
export function subjectAccess(context: CatalogContext, keys: readonly string[]): SubjectAccess {
  const { db } = context;
  return {
    async lookup(actor, raw, format = 'json') {
      const input = parseInput(SubjectAccessInput, raw, 'Invalid subject lookup');
      const hashes = keys.map((key) => keyedHash(key, input.personId));
      const select = subjectLookupQuery(db, hashes, {
        ...(input.from === undefined ? {} : { from: Date.parse(input.from) }),
        ...(input.to === undefined ? {} : { to: Date.parse(input.to) }),
      });
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
          law: personalDataLawOn(localDateOf(Number(r.started_at)))?.code ?? null,
        }),
      );
      const now = context.now();
      const lawInForce = personalDataLawOn(localDateOf(now));
      const cited = new Set(items.map((item) => item.law));
      const report: SubjectAccessReport = {
        subjectHash: hashes[0]!,
        generatedAt: new Date(now).toISOString(),
        requester: input.requester,
        legalBasis: input.legalBasis,
        lawInForce: lawInForce === undefined ? null : lawView(lawInForce),
        laws: PERSONAL_DATA_LAWS.filter((law) => cited.has(law.code)).map(lawView),
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
          details: {
            entries: report.total,
            format,
            keys: keys.length,
            requester: input.requester,
            legalBasis: input.legalBasis,
            lawInForce: lawInForce?.code ?? null,
          },
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
  'law',
  'transactionId',
];

function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The report as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheets read Vietnamese); the
 * `law` column names the law in force on the day of each access in full, for the person to read.
 */
export function subjectAccessCsv(report: SubjectAccessReport): string {
  const titles = new Map(report.laws.map((law) => [law.code, law.title]));
  const cell = (item: SubjectAccessItem, column: keyof SubjectAccessItem) =>
    csvCell(column === 'law' ? (titles.get(item.law ?? '') ?? '') : item[column]);
  const lines = [
    CSV_COLUMNS.join(','),
    ...report.items.map((item) => CSV_COLUMNS.map((c) => cell(item, c)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
