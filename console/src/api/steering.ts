import { api } from './client';

import type { Answer, ItemOf } from './contract';

/** The steering workspace's shapes, taken from the generated contract (src/steering/*-schemas.ts on the server). */

export type UnitList = Answer<'listUnits'>;
export type SteeringUnit = UnitList['items'][number];
export type UnitKind = SteeringUnit['kind'];
export type Program = Answer<'getProgram'>;
export type TaskGroup = Program['groups'][number];
export type Task = Answer<'getTask'>;
export type TaskStatus = Task['status'];
export const TASK_STATUSES = [
  'not-started',
  'in-progress',
  'completed',
  'suspended',
  'cancelled',
] as const satisfies readonly TaskStatus[];
export type TaskChange = ItemOf<'getTaskHistory'>;
export type Report = Answer<'getReport'>;
export type ReportStatus = Report['status'];
export type ReportItem = Report['items'][number];
export type ReportingStatus = Answer<'getReportingStatus'>;
export type ReportingState = ReportingStatus['units'][number]['state'];
export type Gaps = Answer<'listSteeringGaps'>;
export type UnitRef = Gaps['unitsWithoutCommittee'][number];
export type Attachment = Answer<'uploadAttachment', 201>;
export type SteeringDocument = Answer<'getDocument'>;
export type DocumentKind = SteeringDocument['kind'];
export type Committee = Answer<'getCommittee'>;
export type CommitteeRole = Committee['members'][number]['role'];
export type Indicator = Answer<'getIndicator'>;
export type IndicatorValue = ItemOf<'listIndicatorValues'>;
export type Scoreboard = Answer<'listScores'>;
export type UnitScore = Scoreboard['units'][number];
export type ScoreComponent = UnitScore['components'][number];

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
