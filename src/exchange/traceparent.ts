import { randomFillSync } from 'node:crypto';

/** A W3C trace context for one call. */
export interface TraceContext {
  readonly traceparent: string;
  readonly traceId: string;
  /** Passed on only together with a valid traceparent. */
  readonly tracestate: string | undefined;
}

// W3C Trace Context §3.2: version 00, 32 hex trace-id, 16 hex parent-id, 2 hex flags, lower case.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_PARENT = '0'.repeat(16);

// Random bytes for new traces, drawn 24 at a time from a pool refilled every 256 traces (as uuidV7
// does): one randomBytes call per call cost a few percent of the exchange's CPU.
const RANDOM_BYTES = 24;
const pool = Buffer.alloc(RANDOM_BYTES * 256);
let poolOffset = pool.length;

function randomHex(): string {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += RANDOM_BYTES;
  return pool.toString('hex', poolOffset - RANDOM_BYTES, poolOffset);
}

/** Passes on a valid W3C `traceparent`, or starts a new trace when it is absent or invalid. */
export function traceContext(traceparent: string | undefined, tracestate: string | undefined): TraceContext {
  if (traceparent !== undefined) {
    const match = TRACEPARENT.exec(traceparent.trim());
    if (
      match !== null &&
      match[1] !== 'ff' &&
      (match[1] !== '00' || match[5] === undefined) &&
      match[2] !== ZERO_TRACE &&
      match[3] !== ZERO_PARENT
    ) {
      return { traceparent: match[0], traceId: match[2]!, tracestate };
    }
  }
  const random = randomHex();
  const traceId = random.slice(0, 32);
  return { traceparent: `00-${traceId}-${random.slice(32)}-01`, traceId, tracestate: undefined };
}
