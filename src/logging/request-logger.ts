import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { ERROR_CODE_LOCAL } from '../http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * One line per request: method, the route it matched (its pattern, never the URL: no query
 * string, no ids typed into a path), status and time. pino-http's default would bind the whole
 * request (URL, headers with cookies and authorization) when it arrives; quietReqLogger binds
 * only our own request id, and the line is built when the response ends, once the route is known.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    // Ours, never the client's X-Request-Id: a header could carry anything.
    genReqId: () => randomUUID(),
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    // A check shed under overload is the service working as designed, counted in /metrics: at
    // 'error', a spike would bury real failures under one line per refusal.
    customLogLevel: (_req, res, error) =>
      errorCodeOf(res) === 'overloaded' ? 'info' : error !== undefined || res.statusCode >= 500 ? 'error' : 'info',
    customSuccessObject: (req, res, fields: { responseTime: number }) => summary(req, res, fields.responseTime),
    // The error itself is logged by the error middleware, by name and message only.
    customErrorObject: (req, res, _error, fields: { responseTime: number }) => summary(req, res, fields.responseTime),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
  });
}

function summary(req: IncomingMessage, res: ServerResponse, responseTime: number): object {
  return {
    method: req.method,
    route: routeOf(req as Request),
    statusCode: res.statusCode,
    errorCode: errorCodeOf(res),
    // A response cut short (client gone, server draining) ends with 'close' before 'finish'.
    completed: res.writableFinished,
    responseTime,
  };
}

/** The code the error middleware answered with (AppError codes are fixed words, never input). */
function errorCodeOf(res: ServerResponse): string | undefined {
  return (res as Response).locals?.[ERROR_CODE_LOCAL] as string | undefined;
}

/** The matched route's pattern, e.g. /api/v1/admin/exposures/:id/list; null when none matched. */
function routeOf(req: Request): string | null {
  const route: unknown = req.route;
  if (typeof route !== 'object' || route === null || !('path' in route)) return null;
  return `${req.baseUrl}${String(route.path)}`;
}
