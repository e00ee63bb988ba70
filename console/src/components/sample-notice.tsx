import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The command that deletes every part's sample data, leaving the organisations. */
export const SAMPLE_REMOVE_COMMAND = 'npx cang sample remove';
const DISMISSED = 'cang.sampleNoticeDismissed';

/** One line above every screen while the platform holds sample data: it is sample, and how to remove it. */
export function SampleNotice() {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem(DISMISSED) === '1');
  if (dismissed) return null;
  const dismiss = () => {
    sessionStorage.setItem(DISMISSED, '1');
    setDismissed(true);
  };
  return (
    <div className="alert info sample-notice" data-testid="sample-notice">
      <p>
        {t('sample.notice')} <code>{SAMPLE_REMOVE_COMMAND}</code>
      </p>
      <button type="button" className="secondary small" onClick={dismiss}>
        {t('sample.dismiss')}
      </button>
    </div>
  );
}
