import { html, type SafeHtml } from './html-escape.js';

/** One bar: a short label, a percentage (null: nothing to show), the text printed after it. */
export interface Bar {
  readonly label: string;
  readonly percent: number | null;
  readonly text: string;
  /** A fixed colour; by default a progress colour (red behind, amber under way, green nearly done). */
  readonly colour?: string;
}

const WIDTH = 640;
const LABEL = 56;
const TRACK = 500;
const ROW = 22;
const BAR = 14;

/** The colour of a progress bar: the committee reads red as behind, amber as under way, green as done. */
function colourOf(percent: number): string {
  if (percent >= 80) return '#2e7d32';
  if (percent >= 50) return '#f9a825';
  return '#c62828';
}

/**
 * A horizontal bar chart as inline SVG (no script, prints as vector): one row per bar on a 0–100 %
 * track. Every label and text is escaped by `html`.
 */
export function barChart(title: string, bars: readonly Bar[]): SafeHtml {
  const height = bars.length * ROW + 8;
  const rows = bars.map((bar, index) => {
    const y = index * ROW + 4;
    const percent = bar.percent === null ? 0 : Math.max(0, Math.min(100, bar.percent));
    const width = Math.round((percent / 100) * TRACK * 10) / 10;
    return html`<g>
<text x="0" y="${y + BAR - 3}" class="bar-label">${bar.label}</text>
<rect x="${LABEL}" y="${y}" width="${TRACK}" height="${BAR}" fill="#eceff1"/>
${bar.percent === null ? '' : html`<rect x="${LABEL}" y="${y}" width="${width}" height="${BAR}" fill="${bar.colour ?? colourOf(percent)}"/>`}
<text x="${LABEL + TRACK + 6}" y="${y + BAR - 3}" class="bar-value">${bar.text}</text>
</g>`;
  });
  return html`<svg class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${rows}</svg>`;
}
