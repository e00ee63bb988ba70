import { useTranslation } from 'react-i18next';
import type { UnitScore } from '../../api/steering';
import { TrafficLight } from '../../components/traffic-light';
import { formatNumber } from '../../lib/format';

/** An attainment or index (0..1) as a percentage, e.g. 98,86%; "—" when there is none. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatNumber(Math.round(value * 10_000) / 100)}%`;
}

/** How a unit's score was reached: each indicator's actual, target, attainment and weight. */
export function ComponentsTable({ unit, caption }: { readonly unit: UnitScore; readonly caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="components">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('steering.indicator.code')}</th>
            <th scope="col" className="num">
              {t('steering.score.actual')}
            </th>
            <th scope="col" className="num">
              {t('steering.score.target')}
            </th>
            <th scope="col" className="num">
              {t('steering.score.attainment')}
            </th>
            <th scope="col" className="num">
              {t('steering.score.weight')}
            </th>
            <th scope="col">{t('steering.light.title')}</th>
            <th scope="col">{t('steering.score.rule')}</th>
          </tr>
        </thead>
        <tbody>
          {unit.components.map((c) => (
            <tr key={c.indicatorCode}>
              <th scope="row">{c.indicatorCode}</th>
              <td className="num">{c.actual === null ? '—' : formatNumber(c.actual)}</td>
              <td className="num">{c.target === null ? '—' : formatNumber(c.target)}</td>
              <td className="num">{percent(c.attainment)}</td>
              <td className="num">{formatNumber(c.weight)}</td>
              <td>
                <TrafficLight attainment={c.attainment} />
              </td>
              <td>{t(`steering.rule.${c.rule}`, { defaultValue: c.rule })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('steering.score.formula')}</p>
    </div>
  );
}
