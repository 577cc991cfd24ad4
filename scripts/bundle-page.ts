import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ASSET_MANIFEST, ASSETS_DIR, ASSETS_PATH, type PageAssets, PRIVATE_CHECK_SCRIPT, PRIVATE_CHECK_WORKER } from '../src/http';
import { packageRoot } from '../src/shared';

/**
 * Part of `npm run build`: bundles the check page's script and its worker (src/private-check-page)
 * for browsers, named by content hash, and writes the manifest the server reads at start
 * (src/http/page-assets.ts). Everything the page runs comes from here: no third-party request.
 */
async function main(): Promise<void> {
  const root = packageRoot();
  rmSync(ASSETS_DIR, { recursive: true, force: true });
  mkdirSync(ASSETS_DIR, { recursive: true });
  const result = await build({
    entryPoints: {
      [PRIVATE_CHECK_SCRIPT]: path.join(root, 'src/private-check-page/page.ts'),
      [PRIVATE_CHECK_WORKER]: path.join(root, 'src/private-check-page/worker.ts'),
    },
    outdir: ASSETS_DIR,
    entryNames: '[name]-[hash]',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Browsers of the last few years; what the page checks for (Worker, WebAssembly, template) they all have.
    target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
    minify: true,
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const urlOf = (name: string) => {
    const found = outputs.find(([, output]) => output.entryPoint !== undefined && path.basename(output.entryPoint, '.ts') === (name === PRIVATE_CHECK_SCRIPT ? 'page' : 'worker'));
    if (found === undefined) throw new Error(`esbuild wrote no bundle for ${name}`);
    return `${ASSETS_PATH}/${path.basename(found[0])}`;
  };
  const manifest: PageAssets = { privateCheckScript: urlOf(PRIVATE_CHECK_SCRIPT), privateCheckWorker: urlOf(PRIVATE_CHECK_WORKER) };
  writeFileSync(path.join(ASSETS_DIR, ASSET_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bundling the check page failed: ${(error as Error).message}\n`);
  process.exit(1);
});
