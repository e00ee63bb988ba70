import { api } from './client';

/** The steering workspace's shapes (src/steering/*-schemas.ts, /api/openapi.json). */

export type UnitKind = 'city' | 'department' | 'district' | 'commune';

export interface SteeringUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parentId: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly successorId: string | null;
  readonly active: boolean;
}

export interface UnitList {
  readonly asOf: string;
  readonly items: readonly SteeringUnit[];
}

export type TaskStatus = 'not-started' | 'in-progress' | 'completed' | 'suspended' | 'cancelled';
export const TASK_STATUSES: readonly TaskStatus[] = [
  'not-started',
  'in-progress',
  'completed',
  'suspended',
  'cancelled',
];

export interface TaskGroup {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly weight: number;
  readonly progress: number | null;
  readonly taskCount: number;
  readonly overdueCount: number;
}

export interface Program {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly unitId: string;
  readonly documentId: string | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly asOf: string;
  readonly progress: number | null;
  readonly groups: readonly TaskGroup[];
  readonly sample: boolean;
}

export interface Task {
  readonly id: string;
  readonly programId: string;
  readonly groupId: string;
  readonly code: string;
  readonly title: string;
  readonly expectedOutput: string;
  readonly leadUnitId: string;
  readonly coordinatingUnitIds: readonly string[];
  readonly startDate: string;
  readonly deadline: string;
  readonly fundingSource: string | null;
  readonly weight: number;
  readonly status: TaskStatus;
  readonly progress: number;
  readonly overdue: boolean;
  readonly dueSoon: boolean;
  readonly sample: boolean;
}

export interface TaskChange {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly source: string;
  readonly reportId: string | null;
  readonly changes: Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;
}

export type ReportStatus = 'draft' | 'submitted' | 'accepted' | 'returned';

export interface ReportItem {
  readonly taskId: string;
  readonly progress: number;
  readonly narrative: string | null;
  readonly evidenceIds: readonly string[];
}

export interface Report {
  readonly id: string;
  readonly unitId: string;
  readonly period: string;
  readonly deadline: string;
  readonly status: ReportStatus;
  readonly narrative: string;
  readonly returnComment: string | null;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly items: readonly ReportItem[];
}

export type ReportingState = 'on-time' | 'late' | 'missing' | 'pending';

export interface ReportingStatus {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly deadline: string;
  readonly asOf: string;
  readonly units: readonly {
    readonly unitId: string;
    readonly unitName: string;
    readonly state: ReportingState;
    readonly reportId: string | null;
    readonly reportStatus: ReportStatus | null;
  }[];
  readonly late: readonly string[];
  readonly missing: readonly string[];
}

export interface UnitRef {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

export interface Gaps {
  readonly asOf: string;
  readonly unitsWithoutCommittee: readonly UnitRef[];
  readonly unitsWithoutPlan: readonly UnitRef[];
  readonly overdueTasks: readonly Task[];
  readonly reporting: ReportingStatus | null;
}

export interface Attachment {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly unitId: string | null;
  readonly createdAt: string;
}

export type DocumentKind = 'resolution' | 'decision' | 'plan' | 'regulation' | 'report';

export interface SteeringDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly number: string;
  readonly date: string;
  readonly issuer: string;
  readonly title: string;
  readonly unitId: string | null;
  readonly attachment: Attachment | null;
  readonly replaces: string | null;
  readonly sample: boolean;
}

export type CommitteeRole = 'head' | 'standing-deputy' | 'deputy' | 'member' | 'working-group';

export interface Committee {
  readonly id: string;
  readonly unitId: string;
  readonly name: string;
  readonly decisions: readonly {
    readonly id: string;
    readonly kind: 'founding' | 'consolidating';
    readonly number: string;
    readonly date: string;
    readonly issuer: string;
    readonly documentId: string | null;
  }[];
  readonly members: readonly {
    readonly id: string;
    readonly role: CommitteeRole;
    readonly personName: string;
    readonly position: string;
    readonly from: string;
    readonly to: string | null;
    readonly active: boolean;
    readonly sample: boolean;
  }[];
  readonly sample: boolean;
}

export interface Indicator {
  readonly code: string;
  readonly name: string;
  readonly pillar: string;
  readonly unit: string;
  readonly direction: 'up' | 'down';
  readonly levels: readonly string[];
  readonly weight: number;
  readonly baseline: { readonly value: number; readonly year: number } | null;
  readonly measure: string | null;
  readonly note: string | null;
  readonly targets: readonly { readonly level: string; readonly year: number; readonly target: number }[];
}

export interface IndicatorValue {
  readonly indicatorCode: string;
  readonly unitId: string;
  readonly period: string;
  readonly value: number;
  readonly source: string;
  readonly evidenceNote: string | null;
  readonly recordedBy: string;
  readonly updatedAt: string;
}

export interface ScoreComponent {
  readonly indicatorCode: string;
  readonly actual: number | null;
  readonly target: number | null;
  readonly ratio: number | null;
  readonly attainment: number | null;
  readonly weight: number;
  readonly rule: string;
}

export interface UnitScore {
  readonly rank: number;
  readonly unitId: string;
  readonly unitName: string;
  readonly kind: string;
  readonly index: number | null;
  readonly counted: number;
  readonly reported: number;
  readonly components: readonly ScoreComponent[];
}

export interface Scoreboard {
  readonly period: string;
  readonly year: number;
  readonly units: readonly UnitScore[];
}

/** The unit of the city as a whole, whose indicators the leader's overview shows. */
export const CITY_UNIT = 'UBND-HP';

/** Units existing on a date (today in Hải Phòng when absent); `asOf` tells the server's today. */
export function loadUnits(asOf?: string): Promise<UnitList> {
  return api<UnitList>('/steering/units', { query: { asOf } });
}

/** Tasks, filtered. */
export async function loadTasks(query: Record<string, string | undefined>): Promise<Task[]> {
  return [...(await api<{ items: Task[] }>('/steering/tasks', { query })).items];
}

/** Every value matching a filter, following the cursor. */
export async function loadValues(query: Record<string, string | undefined>): Promise<IndicatorValue[]> {
  const values: IndicatorValue[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: IndicatorValue[]; nextCursor: string | null } = await api(
      '/steering/indicators/values',
      {
        query: { ...query, limit: 1000, cursor },
      },
    );
    values.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && values.length < 20_000);
  return values;
}

/** The scores of a period, optionally for one unit. */
export function loadScores(period: string, unit?: string): Promise<Scoreboard> {
  return api<Scoreboard>(`/steering/indicators/scores/${encodeURIComponent(period)}`, { query: { unit } });
}

/** The URL that downloads an attachment. */
export function attachmentUrl(id: string): string {
  return `/api/v1/steering/attachments/${encodeURIComponent(id)}`;
}

/** The media types the attachment upload accepts (attachment-content.ts), by file extension. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** Largest file the upload takes (10 MiB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Uploads a file as base64 JSON; `unitId` makes it a unit's report evidence. */
export async function uploadAttachment(file: File, unitId?: string): Promise<Attachment> {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const mediaType = ATTACHMENT_TYPES[extension] ?? file.type;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode over millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return api<Attachment>('/steering/attachments', {
    method: 'POST',
    body: { fileName: file.name, mediaType, contentBase64: btoa(binary), ...(unitId ? { unitId } : {}) },
  });
}

/**
 * Names of the units existing on any of the dates (a merged or renamed unit keeps its old name on the
 * dates it existed). A task's lead unit exists on the task's start date, so its start dates suffice.
 */
export async function loadUnitNames(dates: readonly string[]): Promise<Map<string, string>> {
  const lists = await Promise.all([...new Set(dates)].map((date) => loadUnits(date)));
  const names = new Map<string, string>();
  for (const list of lists)
    for (const unit of list.items) if (!names.has(unit.id)) names.set(unit.id, unit.name);
  return names;
}
