import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { declaredKind, TEST_KIND_SUFFIX, TEST_KINDS, type TestKind } from '../setup/test-kinds';

/**
 * A test file that drives Chromium is named *.browser.test.ts, one that starts child processes
 * (the built server, CLI scripts, redis-server, the argon2 CLI, ...) *.process.test.ts, and no
 * other file carries those names: `npm run test:fast` leaves them out by name (jest.fast.config.js)
 * and globalSetup requires the system tools of the kinds a run selects. Read from every test
 * file's imports: child_process or playwright directly, or a helper below that launches one.
 */

const ROOT = path.resolve(__dirname, '..', '..');

interface HelperExports {
  /** Exports that start Chromium or a child process when called. */
  launch: Partial<Record<TestKind, readonly string[]>>;
  /** Every other value it exports: these start nothing. */
  safe: readonly string[];
}

/**
 * Every helper module that can start Chromium or a child process, with each of its exports
 * classified (a new export must be added to one side, a new such helper here).
 */
const LAUNCHING_HELPERS: Readonly<Record<string, HelperExports>> = {
  'test/support/browser.ts': {
    launch: { browser: ['launchChromium'] },
    safe: ['serve', 'recordingContext', 'withoutPageScript', 'foreignOrigins', 'WCAG_22_AA_TAGS', 'accessibilityViolations', 'screenshot', 'scrollsSideways'],
  },
  'test/support/built-process.ts': { launch: { process: ['runBuilt', 'spawnBuilt', 'startBuiltServer'] }, safe: ['built'] },
  'scripts/support/built-server.ts': { launch: { process: ['startBuiltServer'] }, safe: [] },
  'scripts/support/redis-server.ts': { launch: { process: ['startRedisServer'] }, safe: ['freePort'] },
  'test/support/redis-server.ts': { launch: { process: ['startRedisServer', 'startRedisCluster'] }, safe: ['freePort'] },
  'scripts/support/redis-cluster.ts': { launch: { process: ['startRedisCluster'] }, safe: [] },
  'test/faults/cluster-list-fixture.ts': { launch: { process: ['startClusterWithList'] }, safe: [] },
  'test/support/reference-argon2.ts': { launch: { process: ['referenceArgon2id'] }, safe: [] },
  'test/support/load-list-fixtures.ts': {
    launch: { process: ['runLoadList', 'startLoadList', 'startServerWithListedAddress'] },
    safe: ['LOAD_LIST', 'LARGE_LIST_ROWS', 'serverEnvironment', 'temporaryDirectory', 'listVersionKeys', 'writeRandomListFile'],
  },
  'test/faults/persistent-redis.ts': { launch: { process: ['persistentRedis'] }, safe: [] },
  'test/hash-list/hash-list-fixtures.ts': {
    launch: { process: ['startHashList', 'runHashList'] },
    safe: ['FAST_COSTS', 'tempDir', 'savedProfile', 'rowsOf', 'expectedRows', 'syntheticAddresses', 'checkpointProgress'],
  },
};

/** Packages whose values start a process or a browser by themselves. */
const LAUNCHING_PACKAGES: Readonly<Record<string, TestKind>> = {
  child_process: 'process',
  'node:child_process': 'process',
  'playwright-core': 'browser',
  playwright: 'browser',
  '@playwright/test': 'browser',
  puppeteer: 'browser',
  'puppeteer-core': 'browser',
};

interface ImportFacts {
  specifier: string;
  /** The exported names taken (not their local aliases), '*' for a namespace, require() or import(). */
  names: readonly string[] | '*';
}

interface ModuleFacts {
  imports: ImportFacts[];
  /** Value exports (types and interfaces start nothing); '*' when `export *` hides them. */
  exports: Set<string> | '*';
}

const parsed = new Map<string, ModuleFacts>();

function factsOf(file: string): ModuleFacts {
  const known = parsed.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports: ImportFacts[] = [];
  let exports: Set<string> | '*' = new Set();
  const exported = (name: string) => exports !== '*' && exports.add(name);
  const hasExport = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const names: string[] = [];
      let namespace = false;
      if (clause?.name) names.push('default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) namespace = true;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) if (!element.isTypeOnly) names.push((element.propertyName ?? element.name).text);
      }
      imports.push({ specifier: statement.moduleSpecifier.text, names: namespace ? '*' : names });
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      if (clause === undefined) {
        exports = '*';
        if (from !== undefined) imports.push({ specifier: from, names: '*' });
      } else if (ts.isNamespaceExport(clause)) {
        exported(clause.name.text);
        if (from !== undefined) imports.push({ specifier: from, names: '*' });
      } else {
        const values = clause.elements.filter((element) => !element.isTypeOnly);
        values.forEach((element) => exported(element.name.text));
        if (from !== undefined) imports.push({ specifier: from, names: values.map((element) => (element.propertyName ?? element.name).text) });
      }
    } else if (hasExport(statement)) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) exported(declaration.name.text);
        }
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
        exported(statement.name.text);
      }
    }
  }
  // require('x') and import('x') anywhere in the file.
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const [argument] = node.arguments;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if ((isRequire || isDynamicImport) && argument && ts.isStringLiteralLike(argument)) imports.push({ specifier: argument.text, names: '*' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const facts = { imports, exports };
  parsed.set(file, facts);
  return facts;
}

/** The repository file a relative import names, if it is one of ours. */
function resolved(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/** What a file launches by its own imports, kind by kind, with the import that says so. */
function launchesOf(file: string): Map<TestKind, string[]> {
  const found = new Map<TestKind, string[]>();
  const note = (kind: TestKind, evidence: string) => found.set(kind, [...(found.get(kind) ?? []), evidence]);
  for (const { specifier, names } of factsOf(file).imports) {
    const packageKind = LAUNCHING_PACKAGES[specifier];
    if (packageKind !== undefined && (names === '*' || names.length > 0)) {
      note(packageKind, `${names === '*' ? '*' : names.join(', ')} from '${specifier}'`);
      continue;
    }
    const target = resolved(file, specifier);
    const helper = target === undefined ? undefined : LAUNCHING_HELPERS[relative(target)];
    if (helper === undefined) continue;
    for (const kind of TEST_KINDS) {
      const launching = helper.launch[kind] ?? [];
      const used = names === '*' ? launching : launching.filter((name) => names.includes(name));
      if (used.length > 0) note(kind, `${used.join(', ')} from '${specifier}'`);
    }
  }
  return found;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'artifacts' ? [] : testFiles(file);
    return entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** Every module of ours the test files import, directly or through other modules, test files excluded. */
function helperModules(tests: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...tests];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    for (const { specifier } of factsOf(file).imports) {
      const target = resolved(file, specifier);
      if (target !== undefined && !seen.has(target) && !target.includes(`${path.sep}node_modules${path.sep}`)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen].filter((file) => !file.endsWith('.test.ts')).sort();
}

const TESTS = testFiles(path.join(ROOT, 'test')).sort();

describe('test kinds', () => {
  it('when a test file drives Chromium or starts a child process, then its name says so, and only then', () => {
    const misnamed = TESTS.flatMap((file) => {
      const launches = launchesOf(file);
      const name = relative(file);
      const declared = declaredKind(file);
      const stem = path.basename(file).replace(/(\.browser|\.process)?\.test\.ts$/, '');
      const reasons = (kind: TestKind) => (launches.get(kind) ?? []).join('; ');
      if (launches.size > 1) {
        return [`${name} both drives Chromium (${reasons('browser')}) and starts child processes (${reasons('process')}): split it into ${stem}${TEST_KIND_SUFFIX.browser} and ${stem}${TEST_KIND_SUFFIX.process}`];
      }
      const [actual] = [...launches.keys()];
      if (actual === declared) return [];
      if (actual === undefined) {
        return [`${name} is named as a ${declared} suite but imports nothing that launches one: rename it to ${stem}.test.ts`];
      }
      return [`${name} ${actual === 'browser' ? 'drives Chromium' : 'starts child processes'} (${reasons(actual)}): rename it to ${stem}${TEST_KIND_SUFFIX[actual]}`];
    });
    expect(misnamed).toEqual([]);
  });

  it('when a helper module can launch Chromium or a child process, then it is listed here with each export classified', () => {
    const problems = helperModules(TESTS).flatMap((file) => {
      const name = relative(file);
      const listed = LAUNCHING_HELPERS[name];
      if (listed === undefined) {
        const launches = [...launchesOf(file).entries()].map(([kind, evidence]) => `${kind}: ${evidence.join('; ')}`);
        return launches.length === 0 ? [] : [`${name} can launch (${launches.join(' / ')}) but is not in LAUNCHING_HELPERS: add it, with which exports launch`];
      }
      const { exports } = factsOf(file);
      if (exports === '*') return [`${name} uses \`export *\`: name its exports so each can be classified`];
      const classified = [...Object.values(listed.launch).flat(), ...listed.safe];
      return [
        ...[...exports].filter((exportName) => !classified.includes(exportName)).map((exportName) => `${name} exports ${exportName}, in neither list: does it launch?`),
        ...classified.filter((exportName) => !exports.has(exportName)).map((exportName) => `${name} no longer exports ${exportName}: remove it from LAUNCHING_HELPERS`),
      ];
    });
    const stale = Object.keys(LAUNCHING_HELPERS)
      .filter((name) => !existsSync(path.join(ROOT, name)))
      .map((name) => `${name} no longer exists: remove it from LAUNCHING_HELPERS`);
    expect([...problems, ...stale]).toEqual([]);
  });

  it('when running `npm run test:fast`, then every browser and process suite is left out and every other suite runs', () => {
    const fast = require(path.join(ROOT, 'jest.fast.config.js')) as { testPathIgnorePatterns?: string[] };
    const full = require(path.join(ROOT, 'jest.config.js')) as { testPathIgnorePatterns?: string[] };
    const ignores = (patterns: string[] | undefined, file: string) => (patterns ?? []).some((pattern) => new RegExp(pattern).test(file));

    const leftOutByFast = TESTS.filter((file) => ignores(fast.testPathIgnorePatterns, file)).map(relative);
    const kindFiles = TESTS.filter((file) => declaredKind(file) !== undefined).map(relative);

    expect(leftOutByFast).toEqual(kindFiles);
    expect(TESTS.filter((file) => ignores(full.testPathIgnorePatterns, file)).map(relative)).toEqual([]);
  });
});
