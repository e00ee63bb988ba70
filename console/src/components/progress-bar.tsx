import { formatNumber } from '../lib/format';

/** A task's or group's progress (0–100 %) as a bar with its number; "—" when there is none. */
export function ProgressBar({ value, label }: { readonly value: number | null; readonly label: string }) {
  if (value === null) return <span className="muted">—</span>;
  return (
    <span className="progress">
      <progress value={value} max={100} aria-label={label} />
      <span className="progress-value">{formatNumber(value)}%</span>
    </span>
  );
}
