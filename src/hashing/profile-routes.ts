import { Router } from 'express';
import type { HashingProfile } from './hashing-profile';

/** The public parameters list producers (and later browsers) hash with. */
export function profileRoutes(currentProfile: () => HashingProfile): Router {
  const router = Router();
  router.get('/api/v1/hashing-profile', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(currentProfile());
  });
  return router;
}
