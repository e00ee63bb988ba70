import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  overdueReviewCount,
  publishedOpenDatasets,
  requestsDecidedOnTime,
  sharedEntriesByOrganisation,
} from './catalog-figures.js';
import { reviewDueAfter } from './review-schedule.js';
import {
  ACTOR,
  buildCatalog,
  buildDataset,
  type CatalogFixture,
  DIALECTS,
  publishPair,
  SNV,
  SNV_SYSTEM,
  STP,
} from './test-support/catalog-fixtures.js';
import { workingCalendarOf } from '../core/index.js';

const DAY = 86_400_000;

for (const dialect of DIALECTS) {
  describe(`open data, reviews and figures on ${dialect}`, () => {
    let fx: CatalogFixture;
    beforeEach(async () => {
      fx = await buildCatalog(dialect);
    });
    afterEach(async () => {
      await fx.store.close();
    });

    async function openDataset(title: string) {
      const entry = await fx.catalog.entries.create(
        ACTOR,
        buildDataset({
          title,
          classification: 'open',
          licence: 'CC-BY-4.0',
          temporalStart: '2021-01-01',
          distributions: [
            { format: 'CSV', url: 'https://stp.haiphong.example/data.csv', mediaType: 'text/csv' },
          ],
        }),
      );
      return fx.catalog.entries.transition(ACTOR, entry.id, { state: 'published' });
    }

    it('lists open published entries only and exports them as DCAT-AP JSON-LD', async () => {
      const open = await openDataset('Danh sách tổ chức hành nghề công chứng');
      await fx.catalog.entries.create(ACTOR, buildDataset({ title: 'Nháp mở', classification: 'open' }));
      await publishPair(fx);
      const listed = await fx.catalog.openData.list({ q: 'cong chung' });
      expect(listed.items.map((i) => i.id)).toEqual([open.id]);
      expect((await fx.catalog.openData.list({})).total).toBe(1);
      const dcat = (await fx.catalog.openData.dcat({ baseUrl: 'https://cang.haiphong.gov.vn/' })) as {
        '@type': string;
        'dcat:dataset': Record<string, unknown>[];
      };
      expect(dcat['@type']).toBe('dcat:Catalog');
      expect(dcat['dcat:dataset']).toHaveLength(1);
      expect(dcat['dcat:dataset'][0]).toMatchObject({
        '@id': `https://cang.haiphong.gov.vn/api/v1/catalog/open/entries/${open.id}`,
        '@type': 'dcat:Dataset',
        'dct:title': { '@value': 'Danh sách tổ chức hành nghề công chứng', '@language': 'vi' },
        'dct:license': 'CC-BY-4.0',
        'dcat:theme': [
          { '@id': 'http://publications.europa.eu/resource/authority/data-theme/JUST' },
          { '@id': 'http://publications.europa.eu/resource/authority/data-theme/SOCI' },
        ],
        'dcat:distribution': [{ 'dct:format': 'CSV', 'dcat:mediaType': 'text/csv' }],
      });
    });

    it('puts a review due six months after the last one and lists the overdue ones', async () => {
      const open = await openDataset('Danh sách tổ chức hành nghề công chứng');
      expect(open.reviewDueAt).toBe(new Date(reviewDueAfter(fx.clock.at)).toISOString());
      expect(await fx.catalog.openData.overdueReviews()).toEqual([]);
      fx.clock.advance(200 * DAY);
      const overdue = await fx.catalog.openData.overdueReviews();
      expect(overdue.map((o) => [o.id, o.publisherName])).toEqual([[open.id, 'Sở Tư pháp']]);
      expect(overdue[0]!.daysOverdue).toBeGreaterThan(15);
      expect(await overdueReviewCount(fx.store, fx.clock.at)).toBe(1);
      await fx.catalog.entries.review(ACTOR, open.id);
      expect(await fx.catalog.openData.overdueReviews()).toEqual([]);
    });

    it('computes the figures for steering', async () => {
      await openDataset('Dữ liệu mở 1');
      const pair = await publishPair(fx);
      const request = await fx.catalog.sharingRequests.create(ACTOR, {
        entry: pair.service,
        requester: SNV,
        clientSystem: SNV_SYSTEM,
        purpose: 'Tra cứu',
        legalBasis: 'Nghị định 47/2020/NĐ-CP',
        fieldsNeeded: ['họ tên'],
        durationDays: 30,
        submit: true,
      });
      const start = fx.clock.at;
      // Submitted on Tuesday, approved on Thursday: the last of its 2 working days.
      fx.clock.advance(2 * DAY);
      await fx.catalog.sharingRequests.approve(ACTOR, request.id, {});
      expect(await sharedEntriesByOrganisation(fx.store)).toEqual([
        { organisation: STP, name: 'Sở Tư pháp', datasets: 2, services: 1 },
      ]);
      expect(await publishedOpenDatasets(fx.store)).toBe(1);
      expect(
        await requestsDecidedOnTime(fx.store, { from: start, to: fx.clock.at + 1 }, workingCalendarOf()),
      ).toEqual({
        decided: 1,
        onTime: 1,
        ratio: 1,
      });
    });
  });
}

describe('reviewDueAfter', () => {
  it('adds six calendar months, clamped to the month end', () => {
    expect(new Date(reviewDueAfter(Date.parse('2026-08-31T03:00:00Z'))).toISOString()).toBe(
      '2027-02-28T03:00:00.000Z',
    );
    expect(new Date(reviewDueAfter(Date.parse('2026-01-15T00:00:00Z'))).toISOString()).toBe(
      '2026-07-15T00:00:00.000Z',
    );
  });
});
