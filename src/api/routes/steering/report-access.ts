import { type Actor, isAllowed } from '../../../identity/index.js';

/** The steering resource of a report: its unit first, so a unit reporter's scope can match it. */
export const reportResource = (unitId: string, period: string): string => `${unitId}/reports/${period}`;

/** Whether the actor may read a report: an accepted one any reader, others their unit's reporters. */
export const mayReadReport = (
  actor: Actor,
  report: { readonly unitId: string; readonly period: string; readonly status: string },
): boolean =>
  report.status === 'accepted' ||
  isAllowed(actor, 'steering.report.read', reportResource(report.unitId, report.period));
