import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const EChart = lazy(() => import('./echart'));

/** A chart whose ECharts code loads only when a chart is first shown. */
export function Chart(props: { readonly option: EChartsCoreOption; readonly label: string }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<div className="chart muted">{t('common.loading')}</div>}>
      <EChart {...props} />
    </Suspense>
  );
}
