import { type Static, Type } from '@sinclair/typebox';
import type { AuditActor } from '../../store/index.js';
import type { GeneratedFile } from '../spreadsheets/xlsx-file.js';
import type { SteeringContext } from '../steering-context.js';
import { type DtiCampaignCommands, dtiCampaignCommands } from './dti-campaign-commands.js';
import { dtiCampaignWorkbook } from './dti-campaign-xlsx-export.js';
import { type DtiMethodCommands, dtiMethodCommands } from './dti-method-commands.js';
import { DtiPointsStatus } from './dti-method-schemas.js';
import {
  type DtiPublishedInput,
  type DtiPublishedView,
  listPublished,
  putPublished,
} from './dti-published.js';

const Nullable = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

/** One year of the trend: the published result beside the campaign's estimate. */
export const DtiTrendYear = Type.Object({
  year: Type.Integer(),
  rank: Nullable('Published rank'),
  of: Nullable('Provinces ranked'),
  total: Nullable('Published total'),
  verified: Type.Union([Type.Boolean(), Type.Null()], { description: 'Null where nothing is published' }),
  estimate: Nullable('The campaign’s estimate; null without a campaign or with points missing'),
  estimatePointsStatus: Type.Union([DtiPointsStatus, Type.Null()], {
    description: 'Null without a campaign',
  }),
});
/** One year of the trend. */
export type DtiTrendYear = Static<typeof DtiTrendYear>;

/** The DTI: methods as data, the yearly self-assessment campaign, published results and their trend. */
export interface DtiCommands extends DtiMethodCommands {
  readonly campaigns: DtiCampaignCommands;
  /** A campaign as an .xlsx workbook (item, responsible unit, value, evidence, status). */
  exportCampaign(year: number, asOf?: string): Promise<GeneratedFile>;
  /** The published results, oldest first. */
  published(): Promise<DtiPublishedView[]>;
  /** Records the published result of a year. */
  putPublished(actor: AuditActor, year: number, input: DtiPublishedInput): Promise<DtiPublishedView>;
  /** Published results and campaign estimates by year, oldest first. */
  trend(): Promise<DtiTrendYear[]>;
}

/** Builds the DTI commands over the steering context. */
export function dtiCommands(context: SteeringContext): DtiCommands {
  const campaigns = dtiCampaignCommands(context);
  return Object.freeze({
    ...dtiMethodCommands(context),
    campaigns,
    exportCampaign: async (year: number, asOf?: string) =>
      dtiCampaignWorkbook(await campaigns.get(year, asOf)),
    published: () => listPublished(context),
    putPublished: (actor: AuditActor, year: number, input: DtiPublishedInput) =>
      putPublished(context, actor, year, input),
    async trend() {
      const published = new Map((await listPublished(context)).map((p) => [p.year, p]));
      const estimates = new Map(
        await Promise.all(
          (await campaigns.list()).map(
            async (c) => [c.year, (await campaigns.get(c.year)).estimate] as const,
          ),
        ),
      );
      const years = [...new Set([...published.keys(), ...estimates.keys()])].sort((a, b) => a - b);
      return years.map((year) => {
        const p = published.get(year);
        const e = estimates.get(year);
        return {
          year,
          rank: p?.rank ?? null,
          of: p?.of ?? null,
          total: p?.total ?? null,
          verified: p?.verified ?? null,
          estimate: e?.total ?? null,
          estimatePointsStatus: e?.pointsStatus ?? null,
        };
      });
    },
  });
}
