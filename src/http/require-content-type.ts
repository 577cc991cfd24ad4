import type { RequestHandler } from 'express';
import { AppError } from '../errors';

/** Refuses a body of any other media type with 415, before a parser or a stream reader sees it. */
export function requireContentType(mediaType: string, message: string): RequestHandler {
  return (req, _res, next) => {
    if (!req.is(mediaType)) {
      next(new AppError('unsupported_media_type', 415, message));
      return;
    }
    next();
  };
}

export const requireJson = requireContentType('application/json', 'Send the request body as application/json.');
