import { useTranslation } from 'react-i18next';
import type { SharingRequest } from '../../api/catalog';

const GOOD = new Set(['approved']);
const BAD = new Set(['refused', 'revoked', 'expired']);

/** A request's state as a badge, and "overdue" beside it when the owner's decision is past due. */
export function RequestState({ request }: { readonly request: SharingRequest }) {
  const { t } = useTranslation();
  const tone = GOOD.has(request.state) ? 'ok' : BAD.has(request.state) ? 'bad' : 'neutral';
  return (
    <span className="badges">
      <span className={`badge ${tone}`}>{t(`sharing.state.${request.state}`)}</span>
      {request.overdue && <span className="badge warn">{t('sharing.overdue')}</span>}
    </span>
  );
}
