import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error';

export const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    next(new AppError('unsupported_media_type', 415, 'Send the request body as application/json.'));
    return;
  }
  next();
};
