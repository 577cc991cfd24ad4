import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { packageRoot } from '../src/shared/package-root';

/**
 * `npm run -s folder-imports [-- SRC_DIR]`: the import graph of src/ (or of another checkout's src/) between folders (a feature folder is one
 * node; src/cli/<tool> counts as its own folder), its cycles, and every import that reaches into
 * another folder past its index.ts. Type-only imports count: a cycle of types is still a cycle a
 * reader has to untangle. Prints the figures; exits 1 when there is a cycle.
 */
export interface FolderGraph {
  /** folder -> folders it imports */
  edges: Map<string, Set<string>>;
  /** Groups of folders that import each other, directly or round a loop (strongly connected, more than one). */
  cycles: string[][];
  /** `from -> to` pairs where each imports the other. */
  mutualPairs: string[];
  /** Imports of another folder's file other than its index.ts: `src/a/x.ts -> src/b/y.ts`. */
  pastIndex: string[];
}

const SRC = path.join(packageRoot(), 'src');

export function folderOf(file: string, srcDir: string = SRC): string {
  const parts = path.relative(srcDir, file).split(path.sep);
  if (parts.length === 1) return '(root)';
  if (parts[0] === 'cli' && parts.length > 2) return `cli/${parts[1]}`;
  return parts[0] as string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

export function folderGraph(srcDir: string = SRC): FolderGraph {
  const edges = new Map<string, Set<string>>();
  const pastIndex: string[] = [];
  for (const file of sourceFiles(srcDir)) {
    const from = folderOf(file, srcDir);
    if (!edges.has(from)) edges.set(from, new Set());
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, false).importedFiles) {
      const target = resolveImport(file, fileName);
      if (target === undefined || !target.startsWith(srcDir)) continue;
      const to = folderOf(target, srcDir);
      if (to === from) continue;
      edges.get(from)?.add(to);
      if (to !== '(root)' && path.basename(target) !== 'index.ts') {
        pastIndex.push(`${path.relative(srcDir, file)} -> ${path.relative(srcDir, target)}`);
      }
    }
  }
  const mutualPairs = [...edges].flatMap(([a, tos]) =>
    [...tos].filter((b) => a < b && edges.get(b)?.has(a)).map((b) => `${a} <-> ${b}`),
  );
  return { edges, cycles: stronglyConnected(edges).filter((group) => group.length > 1), mutualPairs, pastIndex };
}

/**
 * The folders by layer: a folder's layer is one above the highest it imports, so each imports
 * only from layers below its own. Only meaningful when there is no cycle.
 */
export function folderLayers(edges: Map<string, Set<string>>): string[][] {
  const layer = new Map<string, number>();
  const layerOf = (folder: string, seen: Set<string>): number => {
    const known = layer.get(folder);
    if (known !== undefined) return known;
    if (seen.has(folder)) return 0;
    seen.add(folder);
    const below = [...(edges.get(folder) ?? [])].map((to) => layerOf(to, seen));
    const own = below.length === 0 ? 0 : 1 + Math.max(...below);
    layer.set(folder, own);
    return own;
  };
  for (const folder of edges.keys()) layerOf(folder, new Set());
  const layers: string[][] = [];
  for (const [folder, own] of layer) (layers[own] ??= []).push(folder);
  return layers.map((folders) => folders.sort());
}

/** Tarjan's algorithm: the groups of nodes that can each reach the others. */
function stronglyConnected(edges: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      groups.push(group.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return groups;
}

if (require.main === module) {
  const srcArg = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  const graph = folderGraph(srcArg === undefined ? SRC : path.resolve(srcArg));
  const folders = graph.edges.size;
  const links = [...graph.edges.values()].reduce((sum, tos) => sum + tos.size, 0);
  process.stdout.write(`folders: ${folders}, folder-to-folder imports: ${links}\n`);
  process.stdout.write(`folders in cycles: ${graph.cycles.reduce((sum, group) => sum + group.length, 0)} in ${graph.cycles.length} cycle group(s)\n`);
  for (const group of graph.cycles) process.stdout.write(`  cycle: ${group.join(', ')}\n`);
  process.stdout.write(`folder pairs importing each other: ${graph.mutualPairs.length}\n`);
  for (const pair of graph.mutualPairs) process.stdout.write(`  ${pair}\n`);
  process.stdout.write(`imports past another folder's index.ts: ${graph.pastIndex.length}\n`);
  if (graph.cycles.length === 0) {
    process.stdout.write('layers, bottom first (each imports only from layers below):\n');
    folderLayers(graph.edges).forEach((folders, index) => process.stdout.write(`  ${index}: ${folders.join(' ')}\n`));
  }
  if (process.argv.includes('--verbose')) for (const line of graph.pastIndex) process.stdout.write(`  ${line}\n`);
  process.exitCode = graph.cycles.length > 0 ? 1 : 0;
}
