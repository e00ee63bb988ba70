import { createHash, type Hash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { CangError } from '../core/index.js';
import type { ActiveService } from './active-config.js';
import {
  answerAfterCommit,
  CUT_OFF_ANSWER,
  type HeldAnswer,
  NOTHING_TO_ANSWER,
} from './answer-after-commit.js';
import type { ExchangeContext } from './exchange-context.js';
import { LoggedBody } from './logged-body.js';
import { consumerResponseHeaders, providerRequestHeaders } from './provider-headers.js';
import { refuseCall } from './refuse-call.js';
import { classifyProviderError } from './provider-error.js';
import { computeRequestHash, EMPTY_BODY_HASH } from './request-hash.js';
import type { TraceContext } from './traceparent.js';
import type { TransactionState } from './transaction-state.js';

/** Status logged when the consumer went away before its answer was complete (nginx's convention). */
const CLIENT_CLOSED = 499;

/**
 * Where an authorised call is sent and how its answer comes back: its provider (`forwardCall`), or a
 * node of a partner instance (`federation/call-partner.ts`).
 */
export interface Upstream {
  readonly dispatcher: Dispatcher;
  readonly origin: string;
  /** Path and query as sent upstream. */
  readonly path: string;
  /** Request headers, a flat name/value list. */
  readonly headers: string[];
  /** Headers and body-idle timeout. */
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly logBodies: boolean;
  /** The consumer's answer headers (flat list) from the upstream's. */
  answerHeaders(headers: IncomingHttpHeaders, tx: TransactionState): string[];
  /** The error code logged with the upstream's answer: null for a provider's. */
  answerErrorCode(headers: IncomingHttpHeaders): string | null;
  /** Cảng's refusal for an upstream call that failed. */
  failure(error: unknown): CangError;
}

const providerAnswerHeaders = (headers: IncomingHttpHeaders, tx: TransactionState): string[] =>
  consumerResponseHeaders(headers, tx.id, tx.requestHash!);
const noErrorCode = (): null => null;

/** Forwards an authorised call to its provider and streams the answer back (`forwardToUpstream`). */
export function forwardCall(
  ctx: ExchangeContext,
  tx: TransactionState,
  target: ActiveService,
  trace: TraceContext,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const service = target.service;
  const path = target.basePath + tx.path;
  forwardToUpstream(
    ctx,
    tx,
    {
      dispatcher: ctx.dispatchers.for(target),
      origin: target.origin,
      path: `${path === '' ? '/' : path}${tx.query === null ? '' : `?${tx.query}`}`,
      headers: providerRequestHeaders(req.rawHeaders, {
        transactionId: tx.id,
        client: tx.clientId!,
        user: tx.userId ?? undefined,
        purpose: tx.purpose ?? undefined,
        traceparent: trace.traceparent,
        tracestate: trace.tracestate,
      }),
      timeoutMs: service.timeoutMs,
      maxBodyBytes: service.maxBodyBytes,
      logBodies: service.logBodies,
      answerHeaders: providerAnswerHeaders,
      answerErrorCode: noErrorCode,
      failure: classifyProviderError,
    },
    req,
    res,
  );
}

/**
 * Sends an authorised call upstream and streams the answer back (steps numbered below).
 *
 * 1. The request body streams to the provider through `requestBody()`, hashed and size-checked chunk by
 *    chunk; over `maxBodyBytes` the upload is aborted and answered 413.
 * 2. The response head is written once the provider answered AND the request body has ended, because
 *    `X-Cang-Request-Hash` covers the request body's hash.
 * 3. Response chunks are written as they come, except the last one seen, which is held back.
 * 4. Durable before answer: when the provider's answer ended, the record is appended to the log, and only
 *    once it is committed (`answerAfterCommit`) is the held-back chunk written and the response ended.
 *    Holding back the last chunk (not only `end()`) matters: with a Content-Length the consumer would
 *    otherwise see a complete answer before the log commit. If the append fails, the connection is
 *    destroyed.
 */
export function forwardToUpstream(
  ctx: ExchangeContext,
  tx: TransactionState,
  upstream: Upstream,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  new ForwardedCall(ctx, tx, upstream, req, res).start();
}

class ForwardedCall implements Dispatcher.DispatchHandler, HeldAnswer {
  private controller: Dispatcher.DispatchController | null = null;
  private requestHasher: Hash | null = null;
  private responseHasher: Hash | null = null;
  private requestDone = false;
  private providerDone = false;
  private headWritten = false;
  private settled = false;
  private paused = false;
  private status = 0;
  private headers: IncomingHttpHeaders | null = null;
  /** Chunks that arrived before the head could be written. */
  private early: Buffer[] | null = null;
  /** The last chunk seen, written only after the log commit. */
  private held: Buffer | null = null;
  private failure: 'too-large' | 'client-gone' | null = null;
  /** The upstream's own refusal code, when it answered with one. */
  private errorCode: string | null = null;

  constructor(
    private readonly ctx: ExchangeContext,
    private readonly tx: TransactionState,
    private readonly upstream: Upstream,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {}

  start(): void {
    const { req, tx, upstream } = this;
    if (upstream.logBodies) {
      tx.requestBody = new LoggedBody(this.ctx.loggedBodyMaxBytes.request);
      tx.responseBody = new LoggedBody(this.ctx.loggedBodyMaxBytes.response);
    }
    const length = req.headers['content-length'];
    const hasBody =
      (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
    let body: AsyncIterable<Buffer> | null = null;
    if (hasBody) {
      this.requestHasher = createHash('sha256');
      body = this.requestBody(upstream.maxBodyBytes);
    } else {
      this.requestEnded();
    }
    this.res.on('close', this.onClientClose);
    try {
      upstream.dispatcher.dispatch(
        {
          origin: upstream.origin,
          path: upstream.path,
          method: tx.method,
          headers: upstream.headers,
          // undici documents async iterables as request bodies; its typings only name Readable.
          body: body as unknown as Dispatcher.DispatchOptions['body'],
          headersTimeout: upstream.timeoutMs,
          bodyTimeout: upstream.timeoutMs,
        },
        this,
      );
    } catch (error) {
      this.onResponseError(null, error as Error);
    }
  }

  /** Step 1: the request body, hashed and counted as it streams; never buffered whole. */
  private async *requestBody(maxBytes: number): AsyncGenerator<Buffer> {
    const tx = this.tx;
    const hasher = this.requestHasher!;
    // destroyOnReturn false: stopping early must not destroy the socket we still answer on.
    try {
      for await (const chunk of this.req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        tx.requestBytes += chunk.length;
        if (tx.requestBytes > maxBytes) {
          this.failure = 'too-large';
          throw new CangError('payload-too-large');
        }
        hasher.update(chunk);
        tx.requestBody?.add(chunk);
        yield chunk;
      }
    } finally {
      this.requestEnded();
    }
  }

  private requestEnded(): void {
    if (this.requestDone) return;
    this.requestDone = true;
    const tx = this.tx;
    tx.requestBodyHash =
      this.requestHasher === null ? EMPTY_BODY_HASH : this.requestHasher.digest('base64url');
    tx.requestHash = computeRequestHash(
      tx.id,
      tx.clientId!,
      tx.serviceId,
      tx.method,
      tx.path,
      tx.query,
      tx.requestBodyHash,
    );
    if (this.failure !== null) return;
    if (this.headers !== null && !this.headWritten) this.writeHead();
    if (this.providerDone) this.finish();
  }

  private readonly onClientClose = (): void => {
    if (this.res.writableFinished || this.settled) return;
    this.failure = 'client-gone';
    this.controller?.abort(new Error('The consumer closed the connection'));
  };

  private readonly onDrain = (): void => {
    this.paused = false;
    this.controller?.resume();
  };

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.failure === 'client-gone') controller.abort(new Error('The consumer closed the connection'));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
  ): void {
    if (status < 200) return; // informational answers are not passed on
    this.status = status;
    this.headers = headers;
    this.responseHasher = createHash('sha256');
    if (this.requestDone && this.failure === null) this.writeHead();
  }

  /** Step 2. */
  private writeHead(): void {
    this.headWritten = true;
    this.res.writeHead(this.status, this.upstream.answerHeaders(this.headers!, this.tx));
    const early = this.early;
    this.early = null;
    if (early !== null) for (const chunk of early) this.pushChunk(chunk);
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.tx.responseBytes += chunk.length;
    this.responseHasher!.update(chunk);
    this.tx.responseBody?.add(chunk);
    if (this.headWritten) this.pushChunk(chunk);
    else if (this.early === null) this.early = [chunk];
    else this.early.push(chunk);
  }

  /** Step 3: write the previously held chunk, hold this one; pause the provider under back-pressure. */
  private pushChunk(chunk: Buffer): void {
    const previous = this.held;
    this.held = chunk;
    if (previous !== null && !this.res.write(previous) && !this.paused) {
      this.paused = true;
      this.controller?.pause();
      this.res.once('drain', this.onDrain);
    }
  }

  onResponseEnd(): void {
    this.providerDone = true;
    if (this.requestDone) this.finish();
  }

  /** Step 4. */
  private finish(): void {
    if (this.settled) return;
    this.settled = true;
    const { ctx, tx, res } = this;
    tx.responseBodyHash = this.responseHasher!.digest('base64url');
    this.errorCode = this.upstream.answerErrorCode(this.headers!);
    answerAfterCommit(ctx, tx, res, this.status, this.errorCode, this);
  }

  /** Step 4, once the record is committed: the held-back chunk and the end of the answer. */
  release(): void {
    if (!this.headWritten) this.writeHead();
    const held = this.held;
    this.held = null;
    if (held === null) this.res.end();
    else this.res.end(held);
    this.observe(this.status, this.errorCode);
  }

  abandoned(): void {
    this.observe(500, 'internal');
  }

  onResponseError(_controller: Dispatcher.DispatchController | null, error: Error): void {
    if (this.settled) return;
    this.settled = true;
    const { ctx, tx, res } = this;
    if (this.failure === 'client-gone' || res.destroyed) {
      answerAfterCommit(ctx, tx, res, CLIENT_CLOSED, null, NOTHING_TO_ANSWER);
      this.observe(CLIENT_CLOSED, null);
      return;
    }
    const refusal =
      this.failure === 'too-large' ? new CangError('payload-too-large') : this.upstream.failure(error);
    if (!(refusal.code === 'payload-too-large')) {
      ctx.logger.warn({ err: error, transactionId: tx.id, service: tx.serviceId }, 'upstream call failed');
    }
    if (!this.headWritten) {
      refuseCall(ctx, tx, res, refusal);
      return;
    }
    // The head is out: the consumer sees a cut-off answer; the log says why.
    answerAfterCommit(ctx, tx, res, this.status, refusal.code, CUT_OFF_ANSWER);
    this.observe(this.status, refusal.code);
  }

  private observe(status: number, code: string | null): void {
    this.ctx.metrics.observe(this.tx.serviceLabel, status, code, (this.ctx.now() - this.tx.startedAt) / 1000);
  }
}
