import type { Kysely } from 'kysely';
import { CangError } from '../../core/index.js';
import type { Database, SteeringUnitTable } from '../../store/index.js';
import { parsePeriod } from '../period.js';
import { requireIndicator } from './indicator-rows.js';
import type { SeriesPoint, SeriesView } from './series-schemas.js';

/**
 * How predecessors' values combine: a count is summed; a rate (a unit of measure in per cent) is a
 * weighted mean, since summing or plainly averaging rates of units of different size misstates them.
 */
export function derivationMethod(measureUnit: string): 'sum' | 'weighted-mean' {
  return measureUnit.trim().startsWith('%') ? 'weighted-mean' : 'sum';
}

// A predecessor's link into its successor, from the merger events (a plain successor_id counts whole).
interface Link {
  readonly from: SteeringUnitTable;
  readonly whole: boolean;
  readonly share: number | null;
  readonly weight: number | null;
}

type Found = { value: number; derived: boolean } | { missing: NonNullable<SeriesPoint['reason']> };

// Guards against a cycle in hand-entered history; real chains are two or three links long.
const MAX_DEPTH = 8;

/**
 * An indicator's series for a unit, and before the unit existed, derived from its predecessors, read
 * only and never stored. A period wholly before the unit's first day is derived: a count sums the
 * predecessors' values (a predecessor merged in part contributes its recorded share, and without one the
 * point is not available: a split unit's whole value is never counted twice); a rate is their mean
 * weighted by the recorded weights (one contribution needs none), otherwise not available. A
 * predecessor that itself did not exist then is derived the same way. Every derived point says so.
 */
export async function derivedSeries(db: Kysely<Database>, code: string, unitId: string): Promise<SeriesView> {
  const indicator = await requireIndicator(db, code);
  const [units, events, values] = await Promise.all([
    db.selectFrom('steering_units').selectAll().execute(),
    db
      .selectFrom('steering_unit_events')
      .select(['unit_id', 'successor_id', 'whole', 'share', 'weight'])
      .where('kind', 'in', ['merged', 'renamed'])
      .where('successor_id', 'is not', null)
      .execute(),
    db
      .selectFrom('steering_indicator_values')
      .select(['period', 'unit_id', 'value', 'source'])
      .where('indicator_code', '=', code)
      .execute(),
  ]);
  const byId = new Map(units.map((row) => [row.id, row]));
  const unit = byId.get(unitId);
  if (unit === undefined) throw new CangError('not-found', `No steering unit ${unitId}`);
  const links = new Map<string, Link[]>();
  const add = (to: string, link: Link) => links.set(to, [...(links.get(to) ?? []), link]);
  const linked = new Set<string>();
  for (const event of events) {
    const from = byId.get(event.unit_id);
    if (from === undefined || linked.has(`${event.unit_id} ${event.successor_id}`)) continue;
    linked.add(`${event.unit_id} ${event.successor_id}`);
    add(event.successor_id!, { from, whole: event.whole !== 0, share: event.share, weight: event.weight });
  }
  for (const row of units) {
    if (row.successor_id !== null && !linked.has(`${row.id} ${row.successor_id}`)) {
      add(row.successor_id, { from: row, whole: true, share: null, weight: null });
    }
  }
  const stored = new Map(values.map((row) => [`${row.unit_id} ${row.period}`, row]));
  const method = derivationMethod(indicator.measure_unit);

  const before = (row: SteeringUnitTable, period: string) => parsePeriod(period)!.end < row.valid_from;

  // A unit's value for a period: stored, or derived when the period is wholly before the unit.
  const unitValue = (row: SteeringUnitTable, period: string, depth: number): Found => {
    const own = stored.get(`${row.id} ${period}`);
    if (own !== undefined) return { value: own.value, derived: false };
    if (!before(row, period)) return { missing: 'no-value' };
    return derive(row, period, depth).found;
  };

  const derive = (
    row: SteeringUnitTable,
    period: string,
    depth: number,
  ): { found: Found; contributions: SeriesPoint['contributions'] } => {
    const into = links.get(row.id) ?? [];
    if (into.length === 0 || depth >= MAX_DEPTH)
      return { found: { missing: 'no-predecessors' }, contributions: [] };
    const contributions: SeriesPoint['contributions'][number][] = [];
    let missing: Found | undefined;
    for (const link of into) {
      const found = unitValue(link.from, period, depth + 1);
      contributions.push({
        unitId: link.from.id,
        unitName: link.from.name,
        whole: link.whole,
        share: link.share,
        weight: link.weight,
        value: 'value' in found ? found.value : null,
        derived: 'value' in found && found.derived,
      });
      if (missing !== undefined) continue;
      if (!link.whole && link.share === null) missing = { missing: 'share-not-recorded' };
      else if ('missing' in found) missing = { missing: 'predecessor-value-missing' };
    }
    if (missing !== undefined) return { found: missing, contributions };
    const parts = contributions.map((c) => ({
      value: c.value!,
      share: c.whole ? 1 : c.share!,
      weight: c.weight,
    }));
    if (method === 'sum') {
      return {
        found: { value: round(parts.reduce((sum, p) => sum + p.value * p.share, 0)), derived: true },
        contributions,
      };
    }
    if (parts.length === 1) return { found: { value: parts[0]!.value, derived: true }, contributions };
    if (parts.some((p) => p.weight === null))
      return { found: { missing: 'weight-not-recorded' }, contributions };
    const weights = parts.reduce((sum, p) => sum + p.weight!, 0);
    const mean = parts.reduce((sum, p) => sum + p.value * p.weight!, 0) / weights;
    return { found: { value: round(mean), derived: true }, contributions };
  };

  // The periods anyone in the unit's line has a value for, oldest first.
  const line = new Set<string>([unit.id]);
  const queue = [unit.id];
  while (queue.length > 0) {
    for (const link of links.get(queue.shift()!) ?? []) {
      if (!line.has(link.from.id)) {
        line.add(link.from.id);
        queue.push(link.from.id);
      }
    }
  }
  const periods = [...new Set(values.filter((row) => line.has(row.unit_id)).map((row) => row.period))].sort(
    (a, b) => parsePeriod(a)!.start.localeCompare(parsePeriod(b)!.start) || a.localeCompare(b),
  );

  const points = periods.flatMap((period): SeriesPoint[] => {
    const own = stored.get(`${unit.id} ${period}`);
    if (own !== undefined) {
      return [
        { period, value: own.value, source: own.source, derived: false, reason: null, contributions: [] },
      ];
    }
    if (!before(unit, period)) return [];
    const { found, contributions } = derive(unit, period, 0);
    return [
      'value' in found
        ? { period, value: found.value, source: 'derived', derived: true, reason: null, contributions }
        : {
            period,
            value: null,
            source: 'not-available',
            derived: true,
            reason: found.missing,
            contributions,
          },
    ];
  });
  return {
    indicatorCode: indicator.code,
    unitId: unit.id,
    unitName: unit.name,
    validFrom: unit.valid_from,
    method,
    methodNote:
      method === 'sum'
        ? 'Trước khi đơn vị được thành lập: tổng giá trị của các đơn vị tiền thân; đơn vị nhập một phần chỉ tính theo tỷ lệ đã ghi nhận, không có tỷ lệ thì không có số liệu'
        : 'Trước khi đơn vị được thành lập: trung bình có trọng số (theo trọng số đã ghi nhận) của các đơn vị tiền thân; đơn vị nhập một phần cần tỷ lệ đã ghi nhận, thiếu trọng số thì không có số liệu',
    points,
  };
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;
