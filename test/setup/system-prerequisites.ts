import { accessSync, constants, readdirSync } from 'node:fs';
import path from 'node:path';
import { declaredKind, TEST_KIND_SUFFIX, TEST_KINDS, type TestKind } from './test-kinds';

/**
 * The system tools (Debian packages) a test run needs, checked before anything starts: a missing
 * one fails the run at once with one message naming it and the command that installs it, instead
 * of a score of failures deep inside the suites. Only the tools of the suites this run selected are
 * required: `npm run test:fast` (no browser or process suites) needs redis-server alone.
 */

/** What of jest's configurations decides which test files run (the parts read here). */
export interface RunSelection {
  global: {
    testPathPattern?: string;
    nonFlagArgs?: string[];
    runTestsByPath?: boolean;
    findRelatedTests?: boolean;
    onlyChanged?: boolean;
  };
  project: { roots: string[]; testPathIgnorePatterns: string[] };
}

export interface RunNeeds {
  kinds: ReadonlySet<TestKind>;
  /** REDIS_URL is set: the tests use that Redis instead of starting their own. */
  /** REDIS_URL and REDIS_CLUSTER_NODES are both set: globalSetup starts neither. */
  redisUrlSet: boolean;
}

interface SystemTool {
  name: string;
  debianPackage: string;
  /** Why this run needs it, or undefined when it does not. */
  neededBecause(needs: RunNeeds): string | undefined;
  present(): boolean;
}

export const CHROMIUM = '/usr/bin/chromium';

const SYSTEM_TOOLS: readonly SystemTool[] = [
  {
    name: 'redis-server',
    debianPackage: 'redis-server',
    neededBecause: ({ kinds, redisUrlSet }) =>
      kinds.has('process')
        ? `the *${TEST_KIND_SUFFIX.process} suites start and restart redis-server processes of their own`
        : redisUrlSet
          ? undefined
          : "jest globalSetup starts the tests' Redis and Redis Cluster, with redis-server and redis-cli (or set REDIS_URL and REDIS_CLUSTER_NODES to ones the tests may write keys to)",
    present: () => onPath('redis-server'),
  },
  {
    name: `chromium (${CHROMIUM})`,
    debianPackage: 'chromium',
    neededBecause: ({ kinds }) => (kinds.has('browser') ? `the *${TEST_KIND_SUFFIX.browser} suites drive it` : undefined),
    present: () => executable(CHROMIUM),
  },
  {
    name: 'argon2 (the reference CLI)',
    debianPackage: 'argon2',
    neededBecause: ({ kinds }) =>
      kinds.has('process') ? `the *${TEST_KIND_SUFFIX.process} suites compare our argon2id with it` : undefined,
    present: () => onPath('argon2'),
  },
];

export const INSTALL_COMMAND = 'bash scripts/install-system-packages.sh';

/** The message for what is missing, or undefined when this run has every tool it needs. */
export function missingPrerequisites(needs: RunNeeds, present: (debianPackage: string) => boolean = packagePresent): string | undefined {
  const missing = SYSTEM_TOOLS.flatMap((tool) => {
    const reason = tool.neededBecause(needs);
    return reason !== undefined && !present(tool.debianPackage) ? [{ tool, reason }] : [];
  });
  if (missing.length === 0) return undefined;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  const packages = missing.map(({ tool }) => tool.debianPackage).join(' ');
  const lines = [
    `This test run needs system tools that are missing: ${missing.map(({ tool }) => tool.debianPackage).join(', ')}.`,
    ...missing.map(({ tool, reason }) => `  - ${tool.name}: ${reason}`),
    'Install what is missing (Debian packages; the same script CI runs), then run the tests again:',
    `  ${INSTALL_COMMAND}`,
    `  (or only these: ${sudo}apt-get install -y --no-install-recommends ${packages})`,
  ];
  if (missing.some(({ tool }) => tool.debianPackage !== 'redis-server')) {
    lines.push('`npm run test:fast` leaves the browser and process suites out and needs only redis-server.');
  }
  return lines.join('\n');
}

/** Which kinds of suite this run selects, the way jest selects test files (erring towards more). */
export function selectedKinds({ global, project }: RunSelection): Set<TestKind> {
  const byPath = global.runTestsByPath === true && (global.nonFlagArgs?.length ?? 0) > 0;
  const candidates = byPath ? (global.nonFlagArgs ?? []) : project.roots.flatMap((root) => kindFiles(root));
  const ignored = project.testPathIgnorePatterns.length > 0 ? new RegExp(project.testPathIgnorePatterns.join('|')) : undefined;
  // Related or changed files name sources, not tests: keep every kind the patterns leave in.
  const narrowed = !byPath && !global.findRelatedTests && !global.onlyChanged && global.testPathPattern ? new RegExp(global.testPathPattern, 'i') : undefined;
  const kinds = new Set<TestKind>();
  for (const file of candidates) {
    const absolute = path.resolve(file);
    const kind = declaredKind(absolute);
    if (kind === undefined || ignored?.test(absolute) || (narrowed !== undefined && !narrowed.test(absolute))) continue;
    kinds.add(kind);
  }
  return kinds;
}

/** Throws, with the one message to act on, when a tool this run needs is missing. */
export function checkSystemPrerequisites(selection: RunSelection, env: NodeJS.ProcessEnv = process.env): void {
  const message = missingPrerequisites({ kinds: selectedKinds(selection), redisUrlSet: Boolean(env.REDIS_URL) && Boolean(env.REDIS_CLUSTER_NODES) });
  if (message === undefined) return;
  const error = new Error(message);
  error.stack = message; // jest prints the stack: a trace into this file would only bury the message
  throw error;
}

function packagePresent(debianPackage: string): boolean {
  const tool = SYSTEM_TOOLS.find((candidate) => candidate.debianPackage === debianPackage);
  return tool === undefined || tool.present();
}

function kindFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : kindFiles(file);
    return TEST_KINDS.some((kind) => entry.name.endsWith(TEST_KIND_SUFFIX[kind])) ? [file] : [];
  });
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && executable(path.join(dir, command)));
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
