/*
 * Owned by steering: units and their history, attachments, documents, committees, programs, tasks, reports
 * and indicators. Only this part reads or writes these tables (scripts/check-dependency-direction.ts).
 */

/** A unit of the steering workspace: the city, a department, a district or a commune, with its validity. */
export interface SteeringUnitTable {
  id: string; // the unit code, e.g. UBND-HP, SNV, Q-LECHAN
  admin_code: string | null; // QĐ 124/2004/QĐ-TTg administrative code
  name: string;
  kind: 'city' | 'department' | 'district' | 'commune';
  parent_id: string | null;
  valid_from: string; // YYYY-MM-DD
  valid_to: string | null; // last day, inclusive; null while the unit exists
  successor_id: string | null; // merged or renamed into
  organisation_id: string | null; // registry organisation VN-HP/GOV/{code}
  note: string | null; // where the record comes from and how far it is verified
  created_at: number;
  updated_at: number;
}

/** A dated event in a unit's history. */
export interface SteeringUnitEventTable {
  id: string;
  unit_id: string;
  kind: 'created' | 'renamed' | 'merged' | 'reorganised' | 'abolished';
  date: string; // YYYY-MM-DD
  successor_id: string | null;
  previous_name: string | null;
  note: string | null;
  whole: number | null; // merged: 1 whole, 0 only a part went to the successor; null otherwise
  share: number | null; // merged in part: the recorded share (0..1] of the unit's counts; null = not recorded
  weight: number | null; // merged: the recorded weight (e.g. population) it brought to the successor's rates
}

/** An uploaded file (document text, report evidence), stored as base64 with its SHA-256. */
export interface SteeringAttachmentTable {
  id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string; // hex
  content: string; // base64
  unit_id: string | null;
  created_by: string;
  created_at: number;
}

/** A resolution, decision, plan, regulation or report of the steering workspace. */
export interface SteeringDocumentTable {
  id: string;
  kind: string; // resolution | decision | plan | regulation | report
  number: string;
  date: string; // YYYY-MM-DD
  issuer: string;
  title: string;
  unit_id: string | null; // the unit it was issued by or for
  attachment_id: string | null;
  replaces: string | null;
  sample: number;
  created_at: number;
  updated_at: number;
}

/** A steering committee of a unit. */
export interface SteeringCommitteeTable {
  id: string;
  unit_id: string;
  name: string;
  sample: number;
  created_at: number;
  updated_at: number;
}

/** A founding or consolidating decision of a committee. */
export interface SteeringCommitteeDecisionTable {
  id: string;
  committee_id: string;
  kind: string; // founding | consolidating
  number: string;
  date: string;
  issuer: string;
  document_id: string | null;
  confirmed: number; // 0 while the decision's number or date is not confirmed
  note: string | null;
  created_at: number;
}

/** A member's role in a committee over a span of dates. */
export interface SteeringCommitteeMemberTable {
  id: string;
  committee_id: string;
  role: string; // head | standing-deputy | deputy | member | working-group
  person_name: string;
  position: string;
  from_date: string;
  to_date: string | null;
  sample: number;
  confirmed: number; // 0 while the membership is not confirmed
  created_at: number;
  updated_at: number;
}

/** A program of the steering workspace, e.g. the action program of QĐ 284/QĐ-UBND. */
export interface SteeringProgramTable {
  id: string;
  code: string;
  title: string;
  unit_id: string;
  document_id: string | null;
  start_date: string;
  end_date: string;
  sample: number;
  created_at: number;
  updated_at: number;
}

/** A task group of a program. */
export interface SteeringTaskGroupTable {
  id: string;
  program_id: string;
  code: string;
  title: string;
  weight: number;
  created_at: number;
  updated_at: number;
}

/** A task of a program. */
export interface SteeringTaskTable {
  id: string;
  program_id: string;
  group_id: string;
  code: string;
  title: string;
  expected_output: string;
  lead_unit_id: string;
  coordinating_unit_ids: string; // JSON array of unit ids
  start_date: string;
  deadline: string;
  funding_source: string | null;
  weight: number;
  status: string; // not-started | in-progress | completed | suspended | cancelled
  progress: number; // 0..100
  sample: number;
  created_at: number;
  updated_at: number;
}

/** One change of a task: who, when, which fields from what to what. */
export interface SteeringTaskHistoryTable {
  id: string;
  task_id: string;
  seq: number; // 1, 2, … per task
  at: number;
  actor: string;
  source: string; // create | update | report | import
  report_id: string | null;
  changes: string; // JSON {field: {from, to}}
}

/** A unit's periodic report. */
export interface SteeringReportTable {
  id: string;
  unit_id: string;
  period: string; // YYYY-MM | YYYY-Qn | YYYY-Hn | YYYY
  /** 1 for the sample installation's reports (Dữ liệu mẫu). */
  sample: number;
  status: string; // draft | submitted | accepted | returned
  narrative: string;
  return_comment: string | null;
  submitted_at: number | null;
  decided_at: number | null;
  decided_by: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A report's line on one task. */
export interface SteeringReportItemTable {
  report_id: string;
  task_id: string;
  progress: number;
  narrative: string | null;
  evidence_ids: string; // JSON array of attachment ids
}

/** A steering indicator (the steering workspace's indicators half). */
export interface SteeringIndicatorTable {
  code: string; // e.g. CQS-03, EXC-01
  name: string;
  pillar: string;
  measure_unit: string; // unit of measure, e.g. %
  direction: 'up' | 'down';
  levels: string; // JSON array of unit kinds the indicator applies to
  weight: number; // weight in a unit's index; 1 by default
  baseline_value: number | null;
  baseline_year: number | null;
  measure: string | null; // measured indicators: what the platform counts; null = reported
  note: string | null;
  created_at: number;
  updated_at: number;
}

/** A target of an indicator for a level (unit kind, or '*' for every level) and a year. */
export interface SteeringIndicatorTargetTable {
  indicator_code: string;
  level: string;
  year: number;
  target: number;
}

/** A value of an indicator for a unit and a period ('YYYY', 'YYYY-Hn', 'YYYY-Qn', 'YYYY-MM'). */
export interface SteeringIndicatorValueTable {
  period: string;
  indicator_code: string;
  unit_id: string;
  value: number;
  source: 'reported' | 'verified' | 'measured';
  evidence_note: string | null;
  attachment_id: string | null;
  recorded_by: string;
  created_at: number;
  updated_at: number;
}

/** A year's official working calendar, entered from the Prime Minister's decision. */
export interface SteeringWorkingCalendarTable {
  year: number;
  basis: string; // the decision or announcement it was entered from
  note: string | null;
  sample: number; // 1: sample data, not entered from the decision
  entered_by: string;
  created_at: number;
  updated_at: number;
}

/** A day of an official working calendar: a day off, or a weekend day worked instead (a swap). */
export interface SteeringWorkingCalendarDayTable {
  date: string; // YYYY-MM-DD, unique: never both kinds
  year: number;
  kind: 'day-off' | 'working-day';
  name: string;
}

/** A DTI method: the decision that defines the index and the assessment years it serves. */
export interface SteeringDtiMethodTable {
  id: string;
  code: string; // e.g. QD-405
  decision_number: string;
  decision_date: string;
  issuer: string;
  title: string;
  first_year: number;
  last_year: number | null; // inclusive; null while the method is in force
  note: string | null;
  created_at: number;
  updated_at: number;
}

/** A main index (parent_code null) or a component of a DTI method, with its points once entered. */
export interface SteeringDtiMethodItemTable {
  id: string;
  method_id: string;
  code: string;
  parent_code: string | null;
  name: string;
  index_group: string | null; // foundation | activity, for main indices
  position: number;
  max_points: number | null;
  weight: number | null;
  points_confirmed: number; // 1 once the secretariat confirmed max_points and weight
  confirmed_by: string | null;
  confirmed_at: number | null;
  created_at: number;
  updated_at: number;
}

/** The DTI self-assessment campaign of an assessment year. */
export interface SteeringDtiCampaignTable {
  year: number;
  method_id: string;
  title: string;
  sample: number;
  created_at: number;
  updated_at: number;
}

/** One item of a campaign assigned to a unit, with the value and evidence the unit entered. */
export interface SteeringDtiAssignmentTable {
  year: number;
  item_code: string;
  unit_id: string;
  deadline: string;
  points: number | null;
  value: number | null; // points ÷ maximum, 0 to 1
  evidence: string | null;
  submitted_by: string | null;
  submitted_at: number | null;
  sample: number;
  created_at: number;
  updated_at: number;
}

/** A published DTI result of the city for an assessment year. */
export interface SteeringDtiPublishedTable {
  year: number;
  rank: number | null;
  of_count: number | null;
  total: number | null;
  method_label: string | null;
  published_on: string | null;
  verified: number; // 0 where the source was not re-read
  source: string | null;
  note: string | null;
  sample: number;
  created_at: number;
  updated_at: number;
}

/** The tables of the steering part, by name. */
export interface SteeringTables {
  steering_units: SteeringUnitTable;
  steering_unit_events: SteeringUnitEventTable;
  steering_attachments: SteeringAttachmentTable;
  steering_documents: SteeringDocumentTable;
  steering_committees: SteeringCommitteeTable;
  steering_committee_decisions: SteeringCommitteeDecisionTable;
  steering_committee_members: SteeringCommitteeMemberTable;
  steering_programs: SteeringProgramTable;
  steering_task_groups: SteeringTaskGroupTable;
  steering_tasks: SteeringTaskTable;
  steering_task_history: SteeringTaskHistoryTable;
  steering_reports: SteeringReportTable;
  steering_report_items: SteeringReportItemTable;
  steering_indicators: SteeringIndicatorTable;
  steering_indicator_targets: SteeringIndicatorTargetTable;
  steering_indicator_values: SteeringIndicatorValueTable;
  steering_working_calendars: SteeringWorkingCalendarTable;
  steering_working_calendar_days: SteeringWorkingCalendarDayTable;
  steering_dti_methods: SteeringDtiMethodTable;
  steering_dti_method_items: SteeringDtiMethodItemTable;
  steering_dti_campaigns: SteeringDtiCampaignTable;
  steering_dti_assignments: SteeringDtiAssignmentTable;
  steering_dti_published: SteeringDtiPublishedTable;
}
