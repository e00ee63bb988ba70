import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const Queues = lazy(() => import('./sharing-queues'));
const RequestForm = lazy(() => import('./request-form'));
const RequestDetail = lazy(() => import('./request-detail'));

/** `/sharing-requests[/…]`: the two queues, `new?entry=…`, and `{id}`. */
export default function SharingWorkspace({ rest }: { readonly rest: string }) {
  const { t } = useTranslation();
  const [id = '', extra] = rest.split('/');
  let page: ReactNode;
  if (id === '') page = <Queues />;
  else if (id === 'new') page = <RequestForm />;
  else if (extra === undefined) page = <RequestDetail id={id} />;
  else
    page = (
      <>
        <h1>{t('app.notFoundTitle')}</h1>
        <p>{t('app.notFound')}</p>
      </>
    );
  return <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>{page}</Suspense>;
}
