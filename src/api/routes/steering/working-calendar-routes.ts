import { auditActorOf, authorize } from '../../../identity/index.js';
import {
  WorkingCalendarInput,
  WorkingCalendarListQuery,
  WorkingCalendarView,
  WorkingCalendarYearParams,
} from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { getForReaders, listForReaders } from './read-routes.js';
import { STEERING_TAGS as tags, type SteeringRouteDeps } from './steering-route-deps.js';

/**
 * `/api/v1/steering/working-calendars…`: the days off per year that legal deadlines are counted in. The
 * law's proposal stands until the secretariat enters the official schedule (`steering.write`: the
 * secretariat and platform administrators), which then wins.
 */
export function registerWorkingCalendarRoutes(app: ApiApp, { steering }: SteeringRouteDeps): void {
  listForReaders(
    app,
    '/steering/working-calendars',
    {
      operationId: 'listWorkingCalendars',
      summary: 'The working calendars of a span of years, official where entered, else proposed',
      querystring: WorkingCalendarListQuery,
      item: WorkingCalendarView,
    },
    (request) => steering.workingCalendar.list(request.query),
  );

  getForReaders(
    app,
    '/steering/working-calendars/:year',
    {
      operationId: 'getWorkingCalendar',
      summary: 'One year’s working calendar, with the law’s proposal beside an official schedule',
      params: WorkingCalendarYearParams,
      response: WorkingCalendarView,
    },
    (request) => steering.workingCalendar.get(request.params.year),
  );

  app.put(
    '/steering/working-calendars/:year',
    {
      schema: {
        tags,
        operationId: 'putWorkingCalendar',
        summary: 'Enter or replace a year’s official schedule (days off and swapped working days)',
        description:
          'A date both a day off and a working day, a date outside the year, or a weekday given as a ' +
          'swapped working day is refused with 400 naming the field; nothing is written.',
        params: WorkingCalendarYearParams,
        body: WorkingCalendarInput,
        response: withProblems({ 200: WorkingCalendarView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return steering.workingCalendar.put(auditActorOf(actor), request.params.year, request.body);
    },
  );
}
