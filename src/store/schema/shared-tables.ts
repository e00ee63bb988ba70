/*
 * Owned by the store, shared by every part: a key-value table in which each part keeps only its own keys
 * (the registry its configuration version, the exchange its log anchors).
 */

/** A key and its value; each part keeps its own keys. */
export interface MetaTable {
  key: string;
  value: string;
}

/** The tables every part shares, by name. */
export interface SharedTables {
  meta: MetaTable;
}
