import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CangError, PROBLEM_CONTENT_TYPE, toProblem } from '../core/index.js';

/** Fastify's own 4xx errors (body parsing, content type, size), as the problems Cảng answers with. */
function fromFastify(error: FastifyError): CangError | undefined {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  if (status === 413) return new CangError('payload-too-large', 'The request body is larger than allowed');
  if (status === 415)
    return new CangError('unsupported-media-type', 'Send the request body as application/json');
  if (status === 404) return new CangError('not-found');
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return new CangError('bad-request', 'The body is empty but its content type says JSON');
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new CangError('bad-request', 'The request body is not valid JSON');
  }
  // Other client errors Fastify raises (bad content length, prototype poisoning, …): a plain 400.
  return new CangError('bad-request');
}

function send(reply: FastifyReply, request: FastifyRequest, known: CangError) {
  const problem = toProblem(known, request.url.split('?')[0]);
  for (const [name, value] of Object.entries(known.headers ?? {})) reply.header(name, value);
  if (known.code === 'unauthenticated' && !reply.hasHeader('www-authenticate')) {
    reply.header('www-authenticate', 'Bearer realm="cang"');
  }
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/**
 * The one error boundary of the admin API (STYLE.md, "Errors"): a CangError becomes its problem
 * document; Fastify's client errors become the matching problem; anything else is logged with its
 * cause and answered with a bare `internal` problem, so no stack or internal detail reaches a caller.
 */
export function installErrorBoundary(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof CangError ? error : fromFastify(error);
    if (known !== undefined && known.code !== 'internal') {
      if (known.status >= 500) request.log.error({ err: error }, 'request failed');
      return send(reply, request, known);
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, request, new CangError('internal'));
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, new CangError('not-found', 'No route answers this method and path')),
  );
}
