import { useTranslation } from 'react-i18next';
import { type Light, lightOf } from '../lib/steering-period';

const SYMBOL: Record<Light, string> = { green: '●', amber: '▲', red: '■', none: '○' };

/** An attainment's traffic light: a shape and a word as well as a colour, so colour is never the only cue. */
export function TrafficLight({ attainment }: { readonly attainment: number | null | undefined }) {
  const { t } = useTranslation();
  const light = lightOf(attainment);
  return (
    <span className={`light light-${light}`}>
      <span aria-hidden="true">{SYMBOL[light]}</span> {t(`steering.light.${light}`)}
    </span>
  );
}

/** The legend of the traffic lights. */
export function LightLegend() {
  const { t } = useTranslation();
  return (
    <p className="legend" data-testid="light-legend">
      <strong>{t('steering.light.legend')}</strong>{' '}
      {(['green', 'amber', 'red', 'none'] as const).map((light) => (
        <span key={light} className={`light light-${light}`}>
          <span aria-hidden="true">{SYMBOL[light]}</span> {t(`steering.light.${light}Rule`)}
        </span>
      ))}
    </p>
  );
}
