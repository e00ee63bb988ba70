import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// Each page of the workspace is its own chunk, like the console's screens (routes.ts).
const Overview = lazy(() => import('./overview'));
const Programs = lazy(() => import('./programs'));
const TaskDetail = lazy(() => import('./task-detail'));
const Indicators = lazy(() => import('./indicators'));
const Committees = lazy(() => import('./committees'));
const Documents = lazy(() => import('./documents'));
const Dti = lazy(() => import('./dti'));

/** `/steering[/…]`: the steering workspace, one page per path below it. */
export default function SteeringWorkspace({ rest }: { readonly rest: string }) {
  const { t } = useTranslation();
  const [section = '', ...tail] = rest.split('/');
  const id = tail.join('/');
  let page: ReactNode;
  if (section === '') page = <Overview />;
  else if (section === 'programs') page = <Programs id={id} />;
  else if (section === 'tasks' && id) page = <TaskDetail id={id} />;
  else if (section === 'indicators') page = <Indicators code={id} />;
  else if (section === 'committees') page = <Committees />;
  else if (section === 'documents') page = <Documents />;
  else if (section === 'dti') page = <Dti />;
  else
    page = (
      <>
        <h1>{t('app.notFoundTitle')}</h1>
        <p>{t('app.notFound')}</p>
      </>
    );
  return <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>{page}</Suspense>;
}
