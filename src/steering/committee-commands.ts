import type { Kysely } from 'kysely';
import { CangError, uuidV7, FieldProblems, parseInput } from '../core/index.js';
import type { AuditActor, Database, SteeringCommitteeTable } from '../store/index.js';
import { isCalendarDate } from './calendar-date.js';
import {
  CommitteeInput,
  type CommitteeView,
  DecisionInput,
  EndMemberInput,
  MemberInput,
} from './committee-schemas.js';
import type { SteeringContext } from './steering-context.js';
import { findUnit } from './unit-rows.js';

/** Committees of units, their decisions and members over time. */
export interface CommitteeCommands {
  /** Every committee, with members marked active on a date (today by default). */
  list(asOf?: string): Promise<CommitteeView[]>;
  /** One committee. */
  get(id: string, asOf?: string): Promise<CommitteeView>;
  /** Records a committee with its decisions and members. */
  create(actor: AuditActor, input: CommitteeInput, options?: { sample?: boolean }): Promise<CommitteeView>;
  /** Adds a founding or consolidating decision. */
  addDecision(actor: AuditActor, id: string, input: DecisionInput): Promise<CommitteeView>;
  /** Adds a member's role. */
  addMember(actor: AuditActor, id: string, input: MemberInput): Promise<CommitteeView>;
  /** Ends a member's role on a date. */
  endMember(actor: AuditActor, id: string, memberId: string, input: { to: string }): Promise<CommitteeView>;
}

async function present(db: Kysely<Database>, row: SteeringCommitteeTable, asOf: string) {
  const decisions = await db
    .selectFrom('steering_committee_decisions')
    .selectAll()
    .where('committee_id', '=', row.id)
    .orderBy('date')
    .execute();
  const members = await db
    .selectFrom('steering_committee_members')
    .selectAll()
    .where('committee_id', '=', row.id)
    .orderBy('from_date')
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    unitId: row.unit_id,
    name: row.name,
    sample: row.sample === 1,
    decisions: decisions.map((d) => ({
      id: d.id,
      kind: d.kind as 'founding' | 'consolidating',
      number: d.number,
      date: d.date,
      issuer: d.issuer,
      documentId: d.document_id,
      confirmed: d.confirmed === 1,
      note: d.note,
    })),
    members: members.map((m) => ({
      id: m.id,
      role: m.role as CommitteeView['members'][number]['role'],
      personName: m.person_name,
      position: m.position,
      from: m.from_date,
      to: m.to_date,
      active: m.from_date <= asOf && (m.to_date === null || asOf <= m.to_date),
      sample: m.sample === 1,
      confirmed: m.confirmed === 1,
    })),
  } satisfies CommitteeView;
}

async function requireCommittee(db: Kysely<Database>, id: string): Promise<SteeringCommitteeTable> {
  const row = await db.selectFrom('steering_committees').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new CangError('not-found', `No committee ${id}`);
  return row;
}

function checkMember(member: MemberInput, pointer: string, problems: FieldProblems): void {
  if (!isCalendarDate(member.from)) problems.add(`${pointer}/from`, 'is not a calendar date');
  if (member.to !== undefined && !isCalendarDate(member.to)) {
    problems.add(`${pointer}/to`, 'is not a calendar date');
  } else if (member.to !== undefined && member.to < member.from) {
    problems.add(`${pointer}/to`, 'must not be before from');
  }
}

async function checkDecision(
  db: Kysely<Database>,
  decision: DecisionInput,
  pointer: string,
  problems: FieldProblems,
): Promise<void> {
  if (!isCalendarDate(decision.date)) problems.add(`${pointer}/date`, 'is not a calendar date');
  if (decision.documentId !== undefined) {
    const doc = await db
      .selectFrom('steering_documents')
      .select('id')
      .where('id', '=', decision.documentId)
      .executeTakeFirst();
    if (doc === undefined) problems.add(`${pointer}/documentId`, `no document ${decision.documentId}`);
  }
}

async function insertDecision(db: Kysely<Database>, committeeId: string, d: DecisionInput, now: number) {
  await db
    .insertInto('steering_committee_decisions')
    .values({
      id: uuidV7(now),
      committee_id: committeeId,
      kind: d.kind,
      number: d.number,
      date: d.date,
      issuer: d.issuer,
      document_id: d.documentId ?? null,
      confirmed: d.confirmed === false ? 0 : 1,
      note: d.note ?? null,
      created_at: now,
    })
    .execute();
}

async function insertMember(
  db: Kysely<Database>,
  committeeId: string,
  m: MemberInput,
  now: number,
  sample: boolean,
) {
  await db
    .insertInto('steering_committee_members')
    .values({
      id: uuidV7(now),
      committee_id: committeeId,
      role: m.role,
      person_name: m.personName,
      position: m.position,
      from_date: m.from,
      to_date: m.to ?? null,
      sample: sample ? 1 : 0,
      confirmed: m.confirmed === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Builds the committee commands over a steering context. */
export function committeeCommands(context: SteeringContext): CommitteeCommands {
  const { db } = context;
  return {
    async list(asOf) {
      const rows = await db.selectFrom('steering_committees').selectAll().orderBy('id').execute();
      return Promise.all(rows.map((row) => present(db, row, asOf ?? context.today())));
    },

    async get(id, asOf) {
      return present(db, await requireCommittee(db, id), asOf ?? context.today());
    },

    async create(actor, raw, options = {}) {
      const input = parseInput(CommitteeInput, raw, 'Invalid committee');
      return context.write(actor, async (trx, now) => {
        const problems = new FieldProblems();
        if ((await findUnit(trx, input.unitId)) === undefined)
          problems.add('/unitId', `no unit ${input.unitId}`);
        for (const [i, d] of (input.decisions ?? []).entries())
          await checkDecision(trx, d, `/decisions/${i}`, problems);
        for (const [i, m] of (input.members ?? []).entries()) checkMember(m, `/members/${i}`, problems);
        problems.throwIfAny('Invalid committee');
        const row: SteeringCommitteeTable = {
          id: uuidV7(now),
          unit_id: input.unitId,
          name: input.name,
          sample: options.sample ? 1 : 0,
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('steering_committees').values(row).execute();
        for (const d of input.decisions ?? []) await insertDecision(trx, row.id, d, now);
        for (const m of input.members ?? []) await insertMember(trx, row.id, m, now, options.sample === true);
        return {
          result: await present(trx, row, context.today()),
          audit: {
            action: 'steering.committee.create',
            resource: `${input.unitId}/${row.id}`,
            details: input,
          },
        };
      });
    },

    async addDecision(actor, id, raw) {
      const input = parseInput(DecisionInput, raw, 'Invalid decision');
      return context.write(actor, async (trx, now) => {
        const row = await requireCommittee(trx, id);
        const problems = new FieldProblems();
        await checkDecision(trx, input, '', problems);
        problems.throwIfAny('Invalid decision');
        await insertDecision(trx, id, input, now);
        return {
          result: await present(trx, row, context.today()),
          audit: { action: 'steering.committee.decision', resource: `${row.unit_id}/${id}`, details: input },
        };
      });
    },

    async addMember(actor, id, raw) {
      const input = parseInput(MemberInput, raw, 'Invalid member');
      return context.write(actor, async (trx, now) => {
        const row = await requireCommittee(trx, id);
        const problems = new FieldProblems();
        checkMember(input, '', problems);
        problems.throwIfAny('Invalid member');
        await insertMember(trx, id, input, now, false);
        return {
          result: await present(trx, row, context.today()),
          audit: {
            action: 'steering.committee.member.add',
            resource: `${row.unit_id}/${id}`,
            details: input,
          },
        };
      });
    },

    async endMember(actor, id, memberId, raw) {
      const input = parseInput(EndMemberInput, raw, 'Invalid end of role');
      return context.write(actor, async (trx, now) => {
        const row = await requireCommittee(trx, id);
        const member = await trx
          .selectFrom('steering_committee_members')
          .selectAll()
          .where('id', '=', memberId)
          .where('committee_id', '=', id)
          .executeTakeFirst();
        if (member === undefined) throw new CangError('not-found', `No member ${memberId}`);
        const problems = new FieldProblems();
        if (!isCalendarDate(input.to)) problems.add('/to', 'is not a calendar date');
        else if (input.to < member.from_date) problems.add('/to', 'must not be before the role began');
        problems.throwIfAny('Invalid end of role');
        await trx
          .updateTable('steering_committee_members')
          .set({ to_date: input.to, updated_at: now })
          .where('id', '=', memberId)
          .execute();
        return {
          result: await present(trx, row, context.today()),
          audit: {
            action: 'steering.committee.member.end',
            resource: `${row.unit_id}/${id}/${memberId}`,
            details: input,
          },
        };
      });
    },
  };
}
