/** The steering overview's score sections: the city's indicators against their targets, and the units' ranking. */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, ScoreComponent, UnitScore } from '../../api/steering';
import { type Column, DataTable } from '../../components/data-table';
import { Link } from '../../components/link';
import { TrafficLight } from '../../components/traffic-light';
import { pathOf } from '../../lib/router';
import { lightOf } from '../../lib/steering-period';
import { ComponentsTable, percent } from './score-parts';

/** The city's indicators of the year: actual against target, with the traffic light. */
export function CityIndicators({
  components,
  indicators,
  year,
}: {
  readonly components: readonly ScoreComponent[];
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly year: string;
}) {
  const { t } = useTranslation();
  const columns = useMemo<Column<ScoreComponent>[]>(
    () => [
      {
        id: 'code',
        header: t('steering.indicator.code'),
        value: (c) => c.indicatorCode,
        cell: (c) => (
          <Link className="nowrap" to={pathOf('/steering/indicators', c.indicatorCode)}>
            {c.indicatorCode}
          </Link>
        ),
      },
      {
        id: 'name',
        header: t('steering.indicator.name'),
        value: (c) => indicators.get(c.indicatorCode)?.name ?? '',
      },
      { id: 'actual', header: t('steering.score.actual'), value: (c) => c.actual, numeric: true },
      { id: 'target', header: t('steering.score.target'), value: (c) => c.target, numeric: true },
      {
        id: 'unit',
        header: t('steering.indicator.unit'),
        value: (c) => indicators.get(c.indicatorCode)?.unit ?? '',
      },
      {
        id: 'attainment',
        header: t('steering.score.attainment'),
        value: (c) => c.attainment,
        cell: (c) => percent(c.attainment),
        numeric: true,
      },
      {
        id: 'light',
        header: t('steering.light.title'),
        value: (c) => t(`steering.light.${lightOf(c.attainment)}`),
        cell: (c) => <TrafficLight attainment={c.attainment} />,
      },
    ],
    [t, indicators],
  );
  return (
    <DataTable
      caption={t('steering.overview.cityIndicators', { year })}
      rows={components}
      columns={columns}
      rowKey={(c) => c.indicatorCode}
      exportName={`chi-tieu-thanh-pho-${year}`}
      pageSize={25}
    />
  );
}

/** The units ranked by their index of the year. */
export function Ranking({ units, year }: { readonly units: readonly UnitScore[]; readonly year: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setOpen((old) => {
        const next = new Set(old);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const columns = useMemo<Column<UnitScore>[]>(
    () => [
      { id: 'rank', header: t('steering.score.rank'), value: (u) => u.rank, numeric: true },
      { id: 'unit', header: t('steering.unit'), value: (u) => u.unitName },
      { id: 'kind', header: t('steering.unitKind'), value: (u) => t(`steering.kind.${u.kind}`) },
      {
        id: 'index',
        header: t('steering.score.index'),
        value: (u) => u.index,
        cell: (u) => percent(u.index),
        numeric: true,
      },
      {
        id: 'reported',
        header: t('steering.score.reported'),
        value: (u) => `${u.reported}/${u.counted}`,
      },
      {
        id: 'explain',
        header: t('steering.score.explain'),
        value: () => null,
        cell: (u) => (
          <button
            type="button"
            className="secondary small"
            aria-expanded={open.has(u.unitId)}
            aria-controls={open.has(u.unitId) ? `detail-${u.unitId}` : undefined}
            onClick={() => toggle(u.unitId)}
          >
            {open.has(u.unitId) ? t('steering.score.hide') : t('steering.score.show')}
            <span className="visually-hidden"> {u.unitName}</span>
          </button>
        ),
      },
    ],
    [t, open, toggle],
  );
  return (
    <DataTable
      caption={t('steering.overview.ranking', { year })}
      rows={units}
      columns={columns}
      rowKey={(u) => u.unitId}
      exportName={`xep-hang-${year}`}
      pageSize={10}
      empty={{ what: t('empty.ranking', { year }) }}
      detail={(u) =>
        open.has(u.unitId) ? (
          <ComponentsTable caption={t('steering.score.componentsOf', { unit: u.unitName })} unit={u} />
        ) : null
      }
    />
  );
}
