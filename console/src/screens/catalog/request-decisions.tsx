import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharingRequest } from '../../api/catalog';
import { api } from '../../api/client';
import { Field } from '../../components/field';
import { MethodsFieldset } from '../../components/methods-fieldset';
import { ProblemAlert } from '../../components/problem';
import { formatDate } from '../../lib/format';
import { useDraftForm } from '../../lib/use-draft-form';
import { useSubmit } from '../../lib/use-submit';

const DAY_MS = 86_400_000;

const pathOf = (request: SharingRequest, step: string) =>
  `/catalog/sharing-requests/${encodeURIComponent(request.id)}/${step}`;

/** The owner's approval: the grant's methods, path patterns and quota; it expires after the duration. */
export function ApproveForm({
  request,
  onDone,
}: {
  readonly request: SharingRequest;
  readonly onDone: (r: SharingRequest) => void;
}) {
  const { t } = useTranslation();
  const { draft, update, bind, errors, problem, busy, onSubmit } = useDraftForm(`approve:${request.id}`, {
    methods: ['GET'] as string[],
    pathPatterns: '',
    quota: '',
    message: '',
  });
  const patterns = draft.pathPatterns
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  const quota = draft.quota.trim() ? Number(draft.quota) : undefined;
  const send = onSubmit(
    () => {
      const found: Record<string, string> = {};
      if (patterns.some((p) => !p.startsWith('/'))) found['/pathPatterns'] = t('validation.pathPattern');
      if (quota !== undefined && (!Number.isInteger(quota) || quota < 1 || quota > 1_000_000))
        found['/quotaPerMinute'] = t('validation.quota');
      return found;
    },
    () =>
      api<SharingRequest>(pathOf(request, 'approve'), {
        method: 'POST',
        body: {
          ...(draft.methods.length ? { methods: draft.methods } : {}),
          ...(patterns.length ? { pathPatterns: patterns } : {}),
          ...(quota !== undefined ? { quotaPerMinute: quota } : {}),
          ...(draft.message.trim() ? { message: draft.message.trim() } : {}),
        },
      }),
    onDone,
  );
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby="approve-title">
      <h2 id="approve-title">{t('sharing.approveTitle')}</h2>
      <ProblemAlert problem={problem} />
      <MethodsFieldset
        methods={draft.methods}
        error={errors['/methods']}
        onChange={(methods) => update({ methods })}
      />
      <Field
        label={t('grant.pathPatterns')}
        error={errors['/pathPatterns']}
        hint={t('grant.pathPatternsHint')}
      >
        {(c) => <textarea {...c} {...bind('pathPatterns')} rows={2} />}
      </Field>
      <Field label={t('grant.quota')} error={errors['/quotaPerMinute']} hint={t('grant.quotaHint')}>
        {(c) => <input {...c} {...bind('quota')} type="number" min={1} inputMode="numeric" />}
      </Field>
      <p className="hint" data-testid="approval-expiry">
        {t('sharing.expiryNote', {
          days: request.durationDays,
          date: formatDate(Date.now() + request.durationDays * DAY_MS),
        })}
      </p>
      <Field label={t('sharing.messageToRequester')} error={errors['/message']}>
        {(c) => <textarea {...c} {...bind('message')} rows={2} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('sharing.approve')}
      </button>
    </form>
  );
}

/**
 * A decision that needs a reason: refuse, request changes, or revoke an approval. A refusal also needs its
 * legal basis (Decree 194/2025/NĐ-CP: written reasons with their legal basis).
 */
export function ReasonForm({
  request,
  step,
  onDone,
}: {
  readonly request: SharingRequest;
  readonly step: 'refuse' | 'request-changes' | 'revoke';
  readonly onDone: (r: SharingRequest) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const refusing = step === 'refuse';
  const { errors, problem, busy, submit } = useSubmit<SharingRequest>();
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {
      ...(reason.trim() ? {} : { '/reason': t('validation.required') }),
      ...(refusing && !legalBasis.trim() ? { '/legalBasis': t('validation.required') } : {}),
    };
    // Missing fields are shown first; only a complete decision asks for confirmation.
    const complete = Object.keys(found).length === 0;
    if (complete && step !== 'request-changes' && !window.confirm(t(`sharing.confirm.${step}`))) return;
    const done = await submit(
      () => found,
      () =>
        api<SharingRequest>(pathOf(request, step), {
          method: 'POST',
          body: refusing
            ? { reason: reason.trim(), legalBasis: legalBasis.trim() }
            : { reason: reason.trim() },
        }),
    );
    if (done) {
      setReason('');
      setLegalBasis('');
      onDone(done);
    }
  };
  const titleId = `${step}-title`;
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby={titleId} data-step={step}>
      <h2 id={titleId}>{t(`sharing.step.${step}`)}</h2>
      <ProblemAlert problem={problem} />
      <Field label={t('sharing.reason')} error={errors['/reason']} required>
        {(c) => (
          <textarea
            {...c}
            name="reason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      {refusing && (
        <Field
          label={t('sharing.refusalLegalBasis')}
          error={errors['/legalBasis']}
          hint={t('sharing.refusalLegalBasisHint')}
          required
        >
          {(c) => (
            <textarea
              {...c}
              name="legalBasis"
              rows={2}
              value={legalBasis}
              onChange={(e) => setLegalBasis(e.target.value)}
            />
          )}
        </Field>
      )}
      <button type="submit" className={step === 'request-changes' ? 'secondary' : 'danger'} disabled={busy}>
        {t(`sharing.step.${step}`)}
      </button>
    </form>
  );
}
