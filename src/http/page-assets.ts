import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { packageRoot } from '../shared';

/** The check page's script and its worker, as `npm run build` bundles them (scripts/bundle-page.ts). */
export interface PageAssets {
  /** URL paths, named by their content's hash, so that they can be cached for good. */
  privateCheckScript: string;
  privateCheckWorker: string;
}

export const ASSETS_PATH = '/assets';
export const ASSETS_DIR = path.join(packageRoot(), 'dist', 'assets');
export const ASSET_MANIFEST = 'manifest.json';
/** The bundles' names begin so; the worker's name is how its own policy is chosen. */
export const PRIVATE_CHECK_SCRIPT = 'private-check';
export const PRIVATE_CHECK_WORKER = 'private-check-worker';

/**
 * The worker's own policy (a worker keeps the one it is served with, not the page's): argon2id
 * runs as WebAssembly compiled from bytes, which needs 'wasm-unsafe-eval', and nowhere else does.
 * It loads nothing and connects nowhere: the page makes every request.
 */
export const WORKER_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'";

/** undefined when the bundles were not built: the check page is then the plain form alone. */
export function readPageAssets(dir: string = ASSETS_DIR): PageAssets | undefined {
  const manifest = path.join(dir, ASSET_MANIFEST);
  if (!existsSync(manifest)) return undefined;
  return JSON.parse(readFileSync(manifest, 'utf8')) as PageAssets;
}

/** GET /assets/*: hashed names, so immutable; the worker with its own policy. */
export function assetRoutes(dir: string = ASSETS_DIR): Router {
  return express.Router().use(
    ASSETS_PATH,
    express.static(dir, {
      index: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (res, file) => {
        if (path.basename(file).startsWith(`${PRIVATE_CHECK_WORKER}-`)) res.setHeader('Content-Security-Policy', WORKER_CONTENT_SECURITY_POLICY);
      },
    }),
  );
}
