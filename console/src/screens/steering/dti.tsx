import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiUrl } from '../../api/client';
import type { Answer, ItemOf } from '../../api/contract';
import { loadUnits } from '../../api/steering';
import { Chart } from '../../components/chart';
import { type Column, DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { Field } from '../../components/field';
import { Page } from '../../components/page';
import { UnitPicker } from '../../components/unit-picker';
import { ProblemAlert } from '../../components/problem';
import { SteeringTabs } from '../../components/steering-tabs';
import { formatDate, formatNumber } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';
import { API_DOCS } from '../../lib/api-command';
import { createdThroughApi } from './steering-empty';

type Campaign = Answer<'getDtiCampaign'>;
type CampaignItem = Campaign['items'][number];
type TrendYear = ItemOf<'listDtiTrend'>;

const value4 = (value: number | null) => (value === null ? '—' : value.toFixed(4).replace('.', ','));

/** The form of the secretariat: assign an item to a responsible unit with a deadline. */
function AssignForm({
  campaign,
  onDone,
}: {
  readonly campaign: Campaign;
  readonly onDone: (c: Campaign) => void;
}) {
  const { t } = useTranslation();
  const units = useLoad(() => loadUnits(), []);
  const [itemCode, setItemCode] = useState(campaign.items[0]?.itemCode ?? '');
  const [unitId, setUnitId] = useState('');
  const [deadline, setDeadline] = useState('');
  const { errors, problem, busy, submit } = useSubmit<Campaign>();
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit(
      () => ({
        ...(unitId ? {} : { '/unitId': t('validation.required') }),
        ...(deadline ? {} : { '/deadline': t('validation.required') }),
      }),
      () =>
        api<Campaign>(`/steering/dti/campaigns/${campaign.year}/assignments`, {
          method: 'POST',
          body: { itemCode, unitId, deadline },
        }),
    );
    if (done) onDone(done);
  };
  return (
    <form className="panel" onSubmit={send} aria-labelledby="dti-assign">
      <h2 id="dti-assign">{t('steering.dti.assignTitle')}</h2>
      <ProblemAlert problem={problem} />
      <Field label={t('steering.dti.item')} error={errors['/itemCode']} required>
        {(control) => (
          <select {...control} name="itemCode" value={itemCode} onChange={(e) => setItemCode(e.target.value)}>
            {campaign.items.map((item) => (
              <option key={item.itemCode} value={item.itemCode}>
                {item.itemCode} — {item.itemName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('steering.dti.unit')} error={errors['/unitId']} required>
        {(control) => (
          <UnitPicker
            control={control}
            name="unitId"
            units={(units.data?.items ?? []).filter((unit) => unit.kind !== 'district')}
            value={unitId}
            onChange={setUnitId}
          />
        )}
      </Field>
      <Field label={t('steering.dti.deadline')} error={errors['/deadline']} required>
        {(control) => (
          <input
            {...control}
            name="deadline"
            type="date"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {t('steering.dti.assign')}
      </button>
    </form>
  );
}

/** The form of a responsible unit: the value (0–1) and evidence of an item assigned to it. */
function EntryForm({
  campaign,
  onDone,
}: {
  readonly campaign: Campaign;
  readonly onDone: (c: Campaign) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const mine = campaign.items.filter(
    (item) =>
      item.unitId !== null &&
      session.may('steering.report', `${item.unitId}/dti/${campaign.year}/${item.itemCode}`),
  );
  const [itemCode, setItemCode] = useState(mine[0]?.itemCode ?? '');
  const [value, setValue] = useState('');
  const [evidence, setEvidence] = useState('');
  const { errors, problem, busy, submit } = useSubmit<Campaign>();
  if (mine.length === 0) return null;
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const number = Number(value.replace(',', '.'));
    const done = await submit(
      () => ({
        ...(value !== '' && Number.isFinite(number) ? {} : { '/value': t('validation.required') }),
        ...(evidence.trim() ? {} : { '/evidence': t('validation.required') }),
      }),
      () =>
        api<Campaign>(
          `/steering/dti/campaigns/${campaign.year}/items/${encodeURIComponent(itemCode)}/entry`,
          {
            method: 'PUT',
            body: { value: number, evidence },
          },
        ),
    );
    if (done) onDone(done);
  };
  return (
    <form className="panel" onSubmit={send} aria-labelledby="dti-entry">
      <h2 id="dti-entry">{t('steering.dti.entryTitle')}</h2>
      <ProblemAlert problem={problem} />
      <Field label={t('steering.dti.item')} required>
        {(control) => (
          <select {...control} name="itemCode" value={itemCode} onChange={(e) => setItemCode(e.target.value)}>
            {mine.map((item) => (
              <option key={item.itemCode} value={item.itemCode}>
                {item.itemCode} — {item.itemName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('steering.dti.valueLabel')}
        hint={t('steering.dti.valueHint')}
        error={errors['/value']}
        required
      >
        {(control) => (
          <input
            {...control}
            name="value"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('steering.dti.evidence')} error={errors['/evidence']} required>
        {(control) => (
          <textarea
            {...control}
            name="evidence"
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {t('steering.dti.enter')}
      </button>
    </form>
  );
}

/** The published results beside the estimates: total and estimate as lines, rank on its own axis. */
function Trend({ years }: { readonly years: readonly TrendYear[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: [
        { type: 'value', min: 0, max: 1, name: t('steering.dti.total') },
        { type: 'value', inverse: true, min: 1, name: t('steering.dti.rank') },
      ],
      series: [
        { name: t('steering.dti.published'), type: 'line', data: years.map((y) => y.total) },
        {
          name: t('steering.dti.estimate'),
          type: 'line',
          lineStyle: { type: 'dashed' },
          data: years.map((y) => y.estimate),
        },
        { name: t('steering.dti.rank'), type: 'bar', yAxisIndex: 1, data: years.map((y) => y.rank) },
      ],
    }),
    [years, t],
  );
  const columns = useMemo<Column<TrendYear>[]>(
    () => [
      // A year is a label, not a quantity: never "2.024".
      { id: 'year', header: t('steering.dti.year'), value: (y) => y.year, cell: (y) => String(y.year) },
      {
        id: 'rank',
        header: t('steering.dti.rank'),
        value: (y) => (y.rank === null ? '—' : y.of ? `${y.rank}/${y.of}` : String(y.rank)),
      },
      {
        id: 'total',
        header: t('steering.dti.published'),
        value: (y) => y.total,
        cell: (y) => value4(y.total),
        numeric: true,
      },
      {
        id: 'verified',
        header: t('steering.dti.verified'),
        value: (y) =>
          y.verified === null ? '—' : y.verified ? t('steering.dti.yes') : t('steering.dti.unverified'),
      },
      {
        id: 'estimate',
        header: t('steering.dti.estimate'),
        value: (y) => y.estimate,
        cell: (y) => value4(y.estimate),
        numeric: true,
      },
    ],
    [t],
  );
  return (
    <section aria-labelledby="dti-trend">
      <h2 id="dti-trend">{t('steering.dti.trendTitle')}</h2>
      {years.length > 0 && <Chart option={option} label={t('steering.dti.trendTitle')} />}
      <DataTable
        caption={t('steering.dti.trendTitle')}
        rows={[...years]}
        columns={columns}
        rowKey={(y) => String(y.year)}
        exportName="dti-xu-huong"
        empty={{
          what: t('empty.dtiTrend'),
          action: { label: t('empty.apiDocs'), href: API_DOCS },
          allowed: session.may('steering.write'),
          who: t('empty.whoSecretariat'),
        }}
      />
    </section>
  );
}

/** `/steering/dti`: the year's self-assessment campaign, its progress and estimate, and the published trend. */
export default function Dti() {
  const { t } = useTranslation();
  const session = useSession();
  const [changed, setChanged] = useState<Campaign>();
  const loaded = useLoad(async () => {
    const [campaigns, trend] = await Promise.all([
      api<{ items: { year: number }[] }>('/steering/dti/campaigns'),
      api<{ items: TrendYear[] }>('/steering/dti/trend'),
    ]);
    const year = campaigns.items[0]?.year;
    const campaign = year === undefined ? undefined : await api<Campaign>(`/steering/dti/campaigns/${year}`);
    return { campaign, trend: trend.items };
  }, []);
  const campaign = changed ?? loaded.data?.campaign;
  const columns = useMemo<Column<CampaignItem>[]>(
    () => [
      { id: 'code', header: t('steering.dti.code'), value: (i) => i.itemCode },
      { id: 'name', header: t('steering.dti.item'), value: (i) => i.itemName },
      { id: 'unit', header: t('steering.dti.unit'), value: (i) => i.unitName ?? '—' },
      {
        id: 'deadline',
        header: t('steering.dti.deadline'),
        value: (i) => i.deadline,
        cell: (i) => (i.deadline ? formatDate(i.deadline) : '—'),
      },
      {
        id: 'value',
        header: t('steering.dti.value'),
        value: (i) => i.value,
        cell: (i) => formatNumber(i.value),
        numeric: true,
      },
      { id: 'evidence', header: t('steering.dti.evidence'), value: (i) => i.evidence ?? '—' },
      {
        id: 'status',
        header: t('steering.dti.status'),
        value: (i) => t(`steering.dti.itemStatus.${i.status}`),
      },
    ],
    [t],
  );
  return (
    <Page title={t('steering.dti.title')}>
      <SteeringTabs />
      <ProblemAlert problem={loaded.problem} />
      {loaded.data && !campaign && (
        <EmptyState
          {...createdThroughApi(
            t,
            session,
            t('empty.dtiCampaigns'),
            '/steering/dti/campaigns',
            'dot-tu-danh-gia.json',
          )}
        />
      )}
      {campaign && (
        <section aria-labelledby="dti-campaign">
          <h2 id="dti-campaign">
            {campaign.title} — {campaign.method.decisionNumber}
          </h2>
          {campaign.estimate.notice && (
            <p className="alert warning" role="status">
              {campaign.estimate.notice}
            </p>
          )}
          <dl className="facts">
            <dt>{t('steering.dti.progress')}</dt>
            <dd>
              {t('steering.dti.progressText', {
                submitted: campaign.progress.submitted,
                assigned: campaign.progress.assigned,
                items: campaign.progress.items,
                overdue: campaign.progress.overdue,
              })}
            </dd>
            <dt>{t('steering.dti.estimate')}</dt>
            <dd>{value4(campaign.estimate.total)}</dd>
          </dl>
          <p>
            <a href={apiUrl(`/steering/dti/campaigns/${campaign.year}/xlsx`)} download>
              {t('steering.dti.export')}
            </a>
          </p>
          <DataTable
            caption={t('steering.dti.itemsOf', { year: campaign.year })}
            rows={campaign.items}
            columns={columns}
            rowKey={(i) => i.itemCode}
            exportName={`dti-${campaign.year}`}
          />
          {session.may('steering.write') && <AssignForm campaign={campaign} onDone={setChanged} />}
          {!session.may('steering.write') && <EntryForm campaign={campaign} onDone={setChanged} />}
        </section>
      )}
      {loaded.data && <Trend years={loaded.data.trend} />}
      {loaded.loading && !loaded.data && <p className="muted">{t('common.loading')}</p>}
    </Page>
  );
}
