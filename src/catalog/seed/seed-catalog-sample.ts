import { organisationOf } from '../../core/index.js';
import {
  createRegistry,
  organisationNameOf,
  organisationOfSystem,
  type Registry,
  serviceExists,
} from '../../registry/index.js';
import type { AuditActor, Store } from '../../store/index.js';
import { createCatalogContext } from '../catalog-context.js';
import { entryCommands } from '../entry-commands.js';
import type { Distribution, EntryInput } from '../entry-schemas.js';
import { sharingRequestCommands } from '../sharing-request-commands.js';
import { SAMPLE_ENTRIES, type SampleEntry } from './sample-entries.js';
import type { CatalogSampleLinks } from './sample-links.js';
import { SAMPLE_REQUESTS, type SampleRequest } from './sample-requests.js';

const DAY_MS = 86_400_000;
/** How long before the seed's present the sample entries were described (before every request). */
const ENTRIES_DAYS_AGO = 60;
/** How long before the present the retired entry was retired. */
const RETIRED_DAYS_AGO = 50;

/** What the catalog's sample is made in: the store and the registry the platform runs on. */
export interface CatalogSampleParts {
  readonly store: Store;
  readonly registry: Registry;
}

/** Options of the catalog's sample seed. */
export interface CatalogSampleOptions {
  /**
   * The sample exchange's services and client systems, or undefined when no sample exchange runs: then
   * only the entries that stand without it are seeded (datasets, with no data service and no API
   * distribution) and no request, since every sample request asks for a data service.
   */
  readonly links: CatalogSampleLinks | undefined;
  /** The seed's present in Unix ms; earlier steps are dated back from it. */
  readonly now?: () => number;
}

/** What a seed run did: how many records it made and which sample records it had to skip. */
export interface CatalogSeedResult {
  readonly entries: number;
  readonly requests: number;
  /** Keys of entries whose publisher or exchange service is not in the registry. */
  readonly skippedEntries: readonly string[];
  /** Indexes in SAMPLE_REQUESTS of requests whose entry or client system is missing. */
  readonly skippedRequests: readonly number[];
}

/**
 * Seeds the sample catalog (Dữ liệu mẫu): the entries of SAMPLE_ENTRIES and the requests of
 * SAMPLE_REQUESTS, through the catalog's own commands, everything marked sample. Steps in the past are
 * made by commands whose clock is set to that day (the registry's too, so an approval's grant is dated
 * and checked on the day it was made): a request submitted three weeks ago is late by the same rule a
 * real one would be. A data service is seeded only when its exchange service is in the registry, and a
 * request that needs a missing client system is skipped. Idempotent: once a sample entry exists, the
 * catalog's sample is there and nothing is done.
 */
export async function seedCatalogSample(
  parts: CatalogSampleParts,
  actor: AuditActor,
  options: CatalogSampleOptions,
): Promise<CatalogSeedResult> {
  const { store, registry } = parts;
  const { db } = store;
  const { links } = options;
  const present = (options.now ?? Date.now)();
  const none: CatalogSeedResult = { entries: 0, requests: 0, skippedEntries: [], skippedRequests: [] };
  if (
    (await db.selectFrom('catalog_entries').select('id').where('sample', '=', 1).executeTakeFirst()) !==
    undefined
  )
    return none;

  /** The catalog's commands with their clock (and the registry's) set `daysAgo` before the present. */
  const on = (daysAgo: number) => {
    const now = () => present - daysAgo * DAY_MS;
    const clocked = daysAgo === 0 ? registry : createRegistry({ store, instance: registry.instance, now });
    const context = createCatalogContext({ store, registry: clocked, now });
    return { entries: entryCommands(context), requests: sharingRequestCommands(context) };
  };
  const sample = { sample: true };

  const entryIds = new Map<string, string>();
  // The API distribution of each seeded data service, which datasets it serves list too.
  const apiDistributions = new Map<string, Distribution>();
  // Entries a request may ask for: a data service, or a dataset served by one that was seeded.
  const shareable = new Map<string, string>();
  const skippedEntries: string[] = [];
  /** The entry's input with its links to the sample exchange, or undefined when it cannot be seeded. */
  const inputOf = async (entry: SampleEntry): Promise<EntryInput | undefined> => {
    if (entry.exchangeService === undefined) {
      const servedBy = (entry.servedBy ?? []).filter((key) => entryIds.has(key));
      return (await organisationNameOf(db, entry.input.publisher)) === undefined
        ? undefined
        : {
            ...entry.input,
            kind: 'dataset',
            services: servedBy.map((key) => entryIds.get(key)!),
            distributions: [
              ...(entry.input.distributions ?? []),
              ...servedBy.map((key) => apiDistributions.get(key)!),
            ],
          };
    }
    const service = links?.services[entry.exchangeService];
    const publisher = service === undefined ? undefined : organisationOf(service);
    if (service === undefined || publisher === undefined || !(await serviceExists(db, service)))
      return undefined;
    const api: Distribution = {
      format: 'API',
      url: `${links!.exchangeUrl}/r1/${service}`,
      mediaType: 'application/json',
    };
    apiDistributions.set(entry.key, api);
    return { ...entry.input, kind: 'service', publisher, exchangeService: service, distributions: [api] };
  };
  // Data services first: datasets link to them.
  const ordered = [...SAMPLE_ENTRIES].sort(
    (a, b) => Number(a.exchangeService === undefined) - Number(b.exchangeService === undefined),
  );
  for (const entry of ordered) {
    const input = await inputOf(entry);
    if (input === undefined) {
      skippedEntries.push(entry.key);
      continue;
    }
    const { entries } = on(ENTRIES_DAYS_AGO);
    const created = await entries.create(actor, input, sample);
    if (entry.state !== 'draft') await entries.transition(actor, created.id, { state: 'published' });
    if (entry.state === 'retired')
      await on(RETIRED_DAYS_AGO).entries.transition(actor, created.id, { state: 'retired' });
    entryIds.set(entry.key, created.id);
    if (entry.state === 'published' && (input.kind === 'service' || (input.services ?? []).length > 0))
      shareable.set(entry.key, created.id);
  }

  let requests = 0;
  const skippedRequests: number[] = [];
  for (const [index, request] of SAMPLE_REQUESTS.entries()) {
    const made = await seedRequest(request, shareable.get(request.entry), clientOf(request));
    if (made) requests += 1;
    else skippedRequests.push(index);
  }
  // The approval that has run out is ended as the hourly expiry run would have ended it.
  await on(0).requests.expireDue(actor);
  return { entries: entryIds.size, requests, skippedEntries, skippedRequests };

  async function clientOf(request: SampleRequest): Promise<string | null> {
    const id = request.client === undefined ? undefined : links?.clients[request.client];
    if (id === undefined) return null;
    return (await organisationOfSystem(db, id)) === request.requester ? id : null;
  }

  async function seedRequest(
    request: SampleRequest,
    entry: string | undefined,
    client: Promise<string | null>,
  ): Promise<boolean> {
    const { story } = request;
    const clientSystem = await client;
    const needsClient = ['approved', 'revoked', 'expired'].includes(story.state);
    if (entry === undefined || (needsClient && clientSystem === null)) return false;
    if ((await organisationNameOf(db, request.requester)) === undefined) return false;
    const input = {
      entry,
      requester: request.requester,
      ...(clientSystem === null ? {} : { clientSystem }),
      purpose: request.purpose,
      legalBasis: request.legalBasis,
      fieldsNeeded: [...request.fieldsNeeded],
      durationDays: request.durationDays,
    };
    if (story.state === 'draft') {
      await on(story.createdDaysAgo).requests.create(actor, input, sample);
      return true;
    }
    const { id } = await on(story.submittedDaysAgo).requests.create(
      actor,
      { ...input, submit: true },
      sample,
    );
    const decider = on(story.state === 'submitted' ? 0 : story.decidedDaysAgo).requests;
    switch (story.state) {
      case 'submitted':
        break;
      case 'changes-requested':
        await decider.requestChanges(actor, id, { reason: story.reason });
        break;
      case 'refused':
        await decider.refuse(actor, id, { reason: story.reason, legalBasis: story.legalBasis });
        break;
      case 'approved':
      case 'expired':
        await decider.approve(actor, id, { methods: ['GET'], message: 'Đồng ý chia sẻ theo đề nghị.' });
        break;
      case 'revoked':
        await decider.approve(actor, id, { methods: ['GET'], message: 'Đồng ý chia sẻ theo đề nghị.' });
        await on(story.revokedDaysAgo).requests.revoke(actor, id, { reason: story.reason });
        break;
    }
    return true;
  }
}
