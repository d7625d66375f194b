import { type ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { DomainError, type DomainErrorCode } from '@ledger/kernel';
import { DatabaseUnavailableError, RETRY_AFTER_SECONDS } from '@ledger/persistence';
import type { NextFunction, Request, Response } from 'express';
import { logRefusals, type RefusalLogger } from '../graphql/error-log.plugin';
import { domainExtensions } from '../graphql/format-error';

/** The HTTP status of each domain error code, for every route outside GraphQL (one table). */
export const DOMAIN_STATUS: Readonly<Record<DomainErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CALENDAR_NOT_PUBLISHED: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** An error of the `http-errors` kind (body-parser's, raw-body's) that the client caused: its 4xx status, else undefined. */
export function clientErrorStatus(err: unknown): number | undefined {
  if (!(err instanceof Error) || err instanceof HttpException) return undefined;
  const e = err as Error & { status?: unknown; statusCode?: unknown; expose?: unknown };
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 && e.expose !== false ? status : undefined;
}

export const codeOfStatus = (status: number) =>
  status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';

/** A body-parser refusal in words that name the limit and never echo the body. */
function bodyRefusalMessage(err: Error & { type?: unknown }, status: number, limitBytes?: number): string {
  if (status === 413 && limitBytes !== undefined) return `the request body is larger than ${limitBytes} bytes`;
  if (err.type === 'entity.parse.failed') return 'the request body is not valid JSON';
  return err.message;
}

/**
 * Express error middleware for a route's body parser (mounted right after it): a body that is too large, not JSON,
 * in an unknown charset or encoding, or cut short gets its 4xx status and a GraphQL-shaped JSON answer
 * (`{ errors: [{ message, extensions: { code } }] }`: PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE or BAD_REQUEST),
 * logged at warn without a stack. Anything else goes on to Nest's error handling.
 */
export function graphqlBodyErrorHandler(limitBytes: number, logger: RefusalLogger = new Logger('HTTP')) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    const status = clientErrorStatus(err);
    if (status === undefined || res.headersSent) return next(err);
    const code = codeOfStatus(status);
    const message = bodyRefusalMessage(err as Error & { type?: unknown }, status, limitBytes);
    logRefusals(
      logger,
      { [code]: 1 },
      { method: req.method, path: req.path, status, reason: message },
      'request body refused',
    );
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}

/**
 * The global exception filter (configure-http.ts), the one place that decides how a refusal is logged:
 * - GraphQL: nothing is logged here and the error goes on to Apollo Server unchanged; graphql/error-log.plugin.ts logs
 *   each request's errors once (Nest's default handler would log every refused field at error level with a stack).
 * - HTTP routes without a filter of their own (a route's own `@UseFilters` comes first): a domain error gets its
 *   status and `{ code, message, problems, messageCode? }`, an `http-errors` 4xx (a body parser's) its status and code, both logged at
 *   warn or info without a stack; everything else is Nest's default answer, unexpected errors logged at error.
 */
@Catch()
export class ExceptionLogFilter extends BaseExceptionFilter {
  private readonly logger: RefusalLogger = new Logger('HTTP');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<string>() === 'graphql') throw exception;
    if (host.getType() !== 'http') return super.catch(exception, host);
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const refusal =
      exception instanceof DomainError
        ? {
            status: DOMAIN_STATUS[exception.code] ?? 400,
            code: exception.code as string,
            message: exception.message,
            extensions: domainExtensions(exception.code, exception),
          }
        : (() => {
            const status = clientErrorStatus(exception);
            return status === undefined
              ? undefined
              : { status, code: codeOfStatus(status), message: bodyRefusalMessage(exception as Error, status) };
          })();
    if (!refusal || res.headersSent) return super.catch(exception, host);
    if (exception instanceof DatabaseUnavailableError) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    logRefusals(
      this.logger,
      { [refusal.code]: 1 },
      { method: req.method, path: req.path, status: refusal.status },
      'request refused',
    );
    // A domain refusal carries its problems and message code as in GraphQL's extensions (rendered by the client).
    res
      .status(refusal.status)
      .json({ ...('extensions' in refusal ? refusal.extensions : {}), code: refusal.code, message: refusal.message });
  }
}
