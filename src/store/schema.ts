/*
 * The tables of every part, as Kysely sees them, composed from one file per owning part under schema/.
 * Conventions that keep one query code for both dialects: times are integer Unix milliseconds, booleans are
 * integers 0/1, lists and objects are JSON text.
 */
import type { CatalogTables } from './schema/catalog-tables.js';
import type { ExchangeTables } from './schema/exchange-tables.js';
import type { IdentityTables } from './schema/identity-tables.js';
import type { RegistryTables } from './schema/registry-tables.js';
import type { SharedTables } from './schema/shared-tables.js';
import type { SteeringTables } from './schema/steering-tables.js';
import type { StoreTables } from './schema/store-tables.js';

export type * from './schema/catalog-tables.js';
export type * from './schema/exchange-tables.js';
export type * from './schema/identity-tables.js';
export type * from './schema/registry-tables.js';
export type * from './schema/shared-tables.js';
export type * from './schema/steering-tables.js';
export type * from './schema/store-tables.js';

/** Every table of the store. */
export interface Database
  extends RegistryTables,
    IdentityTables,
    StoreTables,
    SharedTables,
    ExchangeTables,
    CatalogTables,
    SteeringTables {}
