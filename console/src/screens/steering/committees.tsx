import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { type Committee, loadUnits } from '../../api/steering';
import { type Column, DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { SteeringTabs } from '../../components/steering-tabs';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { createdThroughApi } from './steering-empty';

type Member = Committee['members'][number];

function CommitteeCard({
  committee,
  unitName,
}: {
  readonly committee: Committee;
  readonly unitName: string;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [showPast, setShowPast] = useState(false);
  const members = committee.members.filter((m) => showPast || m.active);
  const columns = useMemo<Column<Member>[]>(
    () => [
      {
        id: 'role',
        header: t('steering.committee.role'),
        value: (m) => t(`steering.committeeRole.${m.role}`),
      },
      { id: 'person', header: t('steering.committee.person'), value: (m) => m.personName },
      { id: 'position', header: t('steering.committee.position'), value: (m) => m.position },
      {
        id: 'from',
        header: t('steering.committee.from'),
        value: (m) => m.from,
        cell: (m) => formatDate(m.from),
      },
      {
        id: 'to',
        header: t('steering.committee.to'),
        value: (m) => m.to,
        cell: (m) => (m.to ? formatDate(m.to) : '—'),
      },
      {
        id: 'confirmed',
        header: t('steering.committee.confirmed'),
        value: (m) =>
          m.confirmed ? t('steering.committee.confirmedYes') : t('steering.committee.unconfirmed'),
      },
    ],
    [t],
  );
  const headingId = `committee-${committee.id}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{committee.name}</h2>
      <p className="muted">
        {t('steering.unit')}: {unitName}
        {committee.sample && ` · ${t('steering.sample')}`}
      </p>
      {committee.decisions.length > 0 && (
        <>
          <h3>{t('steering.committee.decisions')}</h3>
          <ul className="plain">
            {committee.decisions.map((d) => (
              <li key={d.id}>
                {t(`steering.decisionKind.${d.kind}`)}: <strong>{d.number}</strong>{' '}
                {t('steering.committee.dated')} {formatDate(d.date)} — {d.issuer}
                {!d.confirmed && <strong> ({t('steering.committee.unconfirmed')})</strong>}
                {d.note && <p className="muted">{d.note}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('steering.committee.members')}</h3>
      <label className="check">
        <input type="checkbox" checked={showPast} onChange={(e) => setShowPast(e.target.checked)} />{' '}
        {t('steering.committee.showPast')}
      </label>
      <DataTable
        caption={t('steering.committee.membersOf', { name: committee.name })}
        rows={members}
        columns={columns}
        rowKey={(m) => m.id}
        exportName={`thanh-vien-${committee.unitId}`}
        pageSize={10}
        empty={createdThroughApi(
          t,
          session,
          showPast ? t('empty.members') : t('empty.activeMembers'),
          `/steering/committees/${encodeURIComponent(committee.id)}/members`,
          'thanh-vien.json',
        )}
      />
    </section>
  );
}

/** `/steering/committees`: each steering committee with its decisions and members. */
export default function Committees() {
  const { t } = useTranslation();
  const session = useSession();
  const loaded = useLoad(async () => {
    const [committees, units] = await Promise.all([
      api<{ items: Committee[] }>('/steering/committees'),
      loadUnits(),
    ]);
    return { committees: committees.items, names: new Map(units.items.map((u) => [u.id, u.name])) };
  }, []);
  return (
    <Page title={t('steering.committee.title')}>
      <SteeringTabs />
      <ProblemAlert problem={loaded.problem} />
      {loaded.data?.committees.map((c) => (
        <CommitteeCard key={c.id} committee={c} unitName={loaded.data?.names.get(c.unitId) ?? c.unitId} />
      ))}
      {loaded.data?.committees.length === 0 && (
        <EmptyState
          {...createdThroughApi(
            t,
            session,
            t('empty.committees'),
            '/steering/committees',
            'ban-chi-dao.json',
          )}
        />
      )}
      {loaded.loading && !loaded.data && <p className="muted">{t('common.loading')}</p>}
    </Page>
  );
}
