import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding package.json: the same answer from `src/` under jest and from `dist/src/`. */
export function packageRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + start);
    dir = parent;
  }
  return dir;
}
