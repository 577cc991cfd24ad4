import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config';
import { ConfigError } from '../src/errors/config-error';
import { isAppError } from '../src/errors/app-error';
import { createLogger } from '../src/logging/create-logger';
import { openService } from '../src/service';
import { checkUsername, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../src/staff/staff-rules';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const USAGE = `Usage: npm run -s create-admin -- <username> [--display-name <name>]
       (or: node dist/scripts/create-admin.js <username> ...)

Creates an admin account in the configured store (REDIS_URL, OPRF_SECRET_KEY, REDIS_KEY_PREFIX as
for the server), typically the first one; further staff are made in the admin console.

  <username>             3 to 40 characters: a-z, 0-9 and . _ - (not an email address)
  --display-name <name>  the name shown in the console (optional)
  -h, --help             this text

The password (${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters) is asked for twice on a terminal,
without echo. When stdin is not a terminal, its first line is the password (for provisioning
tools). It is never taken from the command line, where other users could read it in \`ps\`.

Exit status: 0 created, 1 failed (the message says why; an existing username is refused), 2 wrong usage.
`;

class UsageError extends Error {}
/** The operator's input was refused (passwords differ, prompt cancelled). */
class Refusal extends Error {}

interface Invocation {
  username: string;
  displayName: string | undefined;
}

async function main(): Promise<number> {
  let invocation: Invocation | 'help';
  try {
    invocation = parseInvocation(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`create-admin: ${error.message}\nRun with --help for usage.\n`);
    return EXIT_USAGE;
  }
  if (invocation === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  let username: string;
  try {
    username = checkUsername(invocation.username);
  } catch (error) {
    if (!isAppError(error)) throw error;
    process.stderr.write(`create-admin: ${error.message}\n`);
    return EXIT_FAILED;
  }
  const config = loadConfig(process.env);
  if (config.redis === undefined) {
    process.stderr.write(
      'create-admin: neither REDIS_URL nor REDIS_CLUSTER_NODES is set. Without it the server runs the in-memory demo, which makes its own\n' +
        'demo-admin at every start (the password is in its log); an account made here would be lost at once.\n',
    );
    return EXIT_FAILED;
  }
  const runtime = await openService(config, { logger: createLogger({ level: config.logLevel }) });
  try {
    // Before the password is typed: nobody should type one twice to learn the name was taken.
    if ((await runtime.staff.service.getByUsername(username)) !== null) {
      process.stderr.write(`create-admin: the username "${username}" already exists; nothing was changed.\n`);
      return EXIT_FAILED;
    }
    const password = await readPassword();
    const member = await runtime.staff.service.createStaff({
      username,
      displayName: invocation.displayName,
      role: 'admin',
      password,
    });
    process.stdout.write(`Created admin "${member.username}" (${member.id}). Sign in at /staff/login.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof Refusal) && (!isAppError(error) || error.status >= 500)) throw error;
    process.stderr.write(`create-admin: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  } finally {
    await runtime.close();
  }
}

function parseInvocation(args: string[]): Invocation | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { 'display-name': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) return 'help';
  if (parsed.positionals.length !== 1) {
    throw new UsageError(
      parsed.positionals.length === 0 ? 'give the new admin\'s username' : 'give exactly one username (the password is never an argument)',
    );
  }
  return { username: parsed.positionals[0]!, displayName: parsed.values['display-name'] };
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const password = await promptHidden('Password: ');
  const again = await promptHidden('Password again: ');
  if (password !== again) throw new Refusal('the two passwords differ; nothing was changed');
  return password;
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk as string;
  return text.split(/\r?\n/, 1)[0] ?? '';
}

/** Reads one line from the terminal without echoing it; Ctrl-C cancels. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish(() => resolve(value));
        if (char === '\u0003' || (char === '\u0004' && value === '')) return finish(() => reject(new Refusal('cancelled; nothing was changed')));
        // An escape sequence (arrow keys and the like) is not part of a password.
        if (char === '\u001b') return;
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    stdin.on('data', onData);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    // Not an operator's error: a bug or an unreachable store, so the details help.
    else process.stderr.write(`create-admin: failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT_FAILED;
  },
);
