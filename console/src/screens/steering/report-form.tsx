import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

/** The unit reporter's report form; waits for /api/v1/steering/reports to land. */
export default function SteeringReportForm() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav.steeringReport')}>
      <p className="alert info">{t('steering.pending')}</p>
    </Page>
  );
}
