import express, { type RequestHandler } from 'express';
import { AppError } from '../errors';

/**
 * No body this service takes nests deeper than a handful of levels (a localized text in an
 * exposure in a patch). A deeper one is refused before any code walks it: JSON.parse itself is
 * iterative, but recursive code after it (a merge patch, validation, a copy) would overflow the
 * stack on 10,000 levels, which fit in a few kilobytes, and answer 500.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * express.json with the given size limit, then a depth check: a body nested deeper than
 * MAX_JSON_DEPTH objects and arrays is 400 invalid_request. Every JSON parser of the app is one of these.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error !== undefined) {
        next(error);
        return;
      }
      if (nestedDeeperThan(req.body, MAX_JSON_DEPTH)) {
        next(
          AppError.badRequest(
            'invalid_request',
            `The JSON body is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and arrays.`,
          ),
        );
        return;
      }
      next();
    });
  };
}

/** Whether objects and arrays nest more than `maxDepth` levels; with a stack of its own, never recursing. */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth > maxDepth) return true;
    const children: unknown[] = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
