/** Bytes kept of each body a service logs. */
export interface LoggedBodyLimits {
  readonly request: number;
  readonly response: number;
}

/**
 * One body kept for the log of a service that logs bodies: its chunks up to `maxBytes`, the rest dropped
 * and the body flagged as cut. The body's hash in the chain always covers the whole body.
 */
export class LoggedBody {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  truncated = false;

  constructor(private readonly maxBytes: number) {}

  add(chunk: Buffer): void {
    const room = this.maxBytes - this.kept;
    if (chunk.length > room) {
      this.truncated = true;
      if (room <= 0) return;
      chunk = chunk.subarray(0, room);
    }
    this.chunks.push(chunk);
    this.kept += chunk.length;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks, this.kept);
  }
}
