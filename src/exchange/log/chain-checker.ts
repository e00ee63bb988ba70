import type { KeyObject } from 'node:crypto';
import type { LogSeal } from './log-seal.js';
import { sealSignatureValid } from './log-seal.js';

/** Why a chain fails verification. */
export type VerifyFailureReason =
  | 'hash-mismatch'
  | 'broken-link'
  | 'missing-entry'
  | 'reordered'
  | 'bad-seal'
  | 'unsealed-tail'
  | 'malformed';

/** The first problem found, named by node and sequence number. */
export interface VerifyFailure {
  readonly nodeId: string;
  readonly seq: number;
  readonly reason: VerifyFailureReason;
}

/** The outcome of verifying a log (or an archive). */
export interface VerifyResult {
  readonly ok: boolean;
  /** Entries checked. */
  readonly entries: number;
  /** Seals checked. */
  readonly seals: number;
  readonly nodes: string[];
  /** Entries after the last seal, per node: not a failure unless `requireSealedTail`. */
  readonly unsealed: Readonly<Record<string, number>>;
  readonly firstBad?: VerifyFailure;
}

/**
 * Walks one node's chain in seq order: seq continuity, prev links, and the seals along the way.
 * The caller recomputes each entry's hash (which differs between the store and an archive) and
 * passes whether it matched. Stops at the first failure.
 */
export class ChainChecker {
  private expectedSeq: number;
  private expectedPrev: string;
  private sealIndex = 0;
  entries = 0;
  sealsChecked = 0;
  failure: VerifyFailure | undefined;

  constructor(
    readonly nodeId: string,
    readonly start: { readonly seq: number; readonly hash: string },
    private readonly seals: readonly LogSeal[],
    private readonly keys: ReadonlyMap<string, KeyObject>,
  ) {
    this.expectedSeq = start.seq + 1;
    this.expectedPrev = start.hash;
    // Seals at or before the start: their entries are gone, so check the signature (and the anchor hash).
    while (this.sealIndex < seals.length && seals[this.sealIndex]!.seq <= start.seq) {
      const seal = seals[this.sealIndex++]!;
      const matches = seal.seq !== start.seq || seal.headHash === start.hash;
      if (!this.checkSeal(seal, matches)) return;
    }
  }

  /** The seq the next entry must have. */
  get nextSeq(): number {
    return this.expectedSeq;
  }

  /** Checks one entry; returns false once the chain has failed. */
  push(seq: number, prevHash: string, hash: string, contentMatches: boolean): boolean {
    if (this.failure) return false;
    if (seq > this.expectedSeq) return this.fail(this.expectedSeq, 'missing-entry');
    if (seq < this.expectedSeq) return this.fail(seq, 'reordered');
    if (!contentMatches) return this.fail(seq, 'hash-mismatch');
    if (prevHash !== this.expectedPrev) return this.fail(seq, 'broken-link');
    this.entries++;
    this.expectedSeq = seq + 1;
    this.expectedPrev = hash;
    while (this.sealIndex < this.seals.length && this.seals[this.sealIndex]!.seq <= seq) {
      const seal = this.seals[this.sealIndex++]!;
      // A seal below seq was skipped over, which push() order makes impossible unless seqs repeat.
      if (!this.checkSeal(seal, seal.seq === seq && seal.headHash === hash)) return false;
    }
    return true;
  }

  /**
   * Takes a run of entries `firstSeq … lastSeq` checked elsewhere (each entry's hash recomputed and
   * matching, seqs contiguous, each prev hash the previous entry's hash), given the run's first prev
   * hash, its last hash and the entry hash at each seal seq in the run. Accepts it only if pushing its
   * entries one by one would have succeeded: it continues the chain, and every seal in it names the
   * entry hash and is validly signed. Otherwise changes nothing and returns false, and the caller
   * pushes the run's entries one by one to find and name the problem.
   */
  tryPushRun(
    firstSeq: number,
    firstPrev: string,
    lastSeq: number,
    lastHash: string,
    sealHeads: ReadonlyMap<number, string>,
  ): boolean {
    if (this.failure || firstSeq !== this.expectedSeq || firstPrev !== this.expectedPrev) return false;
    if (lastSeq < firstSeq) return false;
    let end = this.sealIndex;
    while (end < this.seals.length && this.seals[end]!.seq <= lastSeq) {
      const seal = this.seals[end++]!;
      const head = sealHeads.get(seal.seq);
      if (head === undefined || seal.headHash !== head || seal.nodeId !== this.nodeId) return false;
      if (!sealSignatureValid(seal, this.keys)) return false;
    }
    this.entries += lastSeq - firstSeq + 1;
    this.sealsChecked += end - this.sealIndex;
    this.sealIndex = end;
    this.expectedSeq = lastSeq + 1;
    this.expectedPrev = lastHash;
    return true;
  }

  /** Ends the walk: a seal past the last entry means entries were removed from the tail. */
  finish(requireSealedTail: boolean): number {
    if (this.failure) return 0;
    if (this.sealIndex < this.seals.length) {
      this.fail(this.expectedSeq, 'missing-entry');
      return 0;
    }
    const lastSealed = this.seals.length > 0 ? this.seals[this.seals.length - 1]!.seq : this.start.seq;
    const unsealed = Math.max(0, this.expectedSeq - 1 - Math.max(lastSealed, this.start.seq));
    if (requireSealedTail && unsealed > 0) this.fail(this.expectedSeq - unsealed, 'unsealed-tail');
    return unsealed;
  }

  private checkSeal(seal: LogSeal, matchesEntry: boolean): boolean {
    if (!matchesEntry || seal.nodeId !== this.nodeId || !sealSignatureValid(seal, this.keys)) {
      return this.fail(seal.seq, 'bad-seal');
    }
    this.sealsChecked++;
    return true;
  }

  private fail(seq: number, reason: VerifyFailureReason): false {
    this.failure ??= { nodeId: this.nodeId, seq, reason };
    return false;
  }
}
