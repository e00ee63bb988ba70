import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

/** The leader's overview of the steering workspace; waits for /api/v1/steering/… to land. */
export default function SteeringOverview() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav.steering')}>
      <p className="alert info">{t('steering.pending')}</p>
    </Page>
  );
}
