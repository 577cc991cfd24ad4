import { parseArgs } from 'node:util';
import { checkPrivately, type PrivateOutcome, type WireExposure } from '../src/private-check-client';
import { runScript } from './run-script';

const USAGE = 'Usage: npm run -s check -- --server https://check.example.jp [--json] < address.txt';

/**
 * `npm run -s check -- --server URL`: the private check from a terminal, for integrators and
 * tests. It reads one address from stdin (never from the command line, where a shell history or a
 * process list would keep it), hashes and blinds it here, and sends the server only a bucket and a
 * blinded element, as the page does: the same client module (src/private-check-client).
 *
 * Exit status: 0 checked (found or not), 2 not an email address, 3 the server refused or could not
 * check (a rate limit, 503: no verdict), 1 anything else (network, a malformed answer).
 */
runScript(async () => {
  const { values } = parseArgs({ options: { server: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (values.server === undefined) throw new Error(`--server is required. ${USAGE}`);
  const address = (await readStdin()).replace(/\r?\n$/, '');
  const outcome = await checkPrivately(address, values.server);
  process.stdout.write(values.json ? `${JSON.stringify(summary(outcome))}\n` : `${describe(outcome)}\n`);
  process.exitCode = outcome.kind === 'checked' ? 0 : outcome.kind === 'invalid_email' ? 2 : 3;
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** What --json prints: the verdict and the catalogue parts by id, without the digests. */
function summary(outcome: PrivateOutcome): Record<string, unknown> {
  if (outcome.kind !== 'checked') return outcome;
  return {
    kind: outcome.kind,
    affected: outcome.found.length > 0,
    found: outcome.found,
    checked: outcome.answer.checked.map(({ id }) => id),
    notCheckableByEmail: outcome.answer.notCheckableByEmail.map(({ id }) => id),
  };
}

function describe(outcome: PrivateOutcome): string {
  switch (outcome.kind) {
    case 'invalid_email':
      return `Not an email address (${outcome.problem}).`;
    case 'refused':
      return `No answer: the server refused the check (HTTP ${outcome.status}, ${outcome.code}): ${outcome.message}` +
        (outcome.retryAfterSeconds === undefined ? '' : ` Try again in ${outcome.retryAfterSeconds} s.`);
    case 'checked': {
      const byId = new Map(outcome.answer.checked.map((exposure) => [exposure.id, exposure]));
      const lines = outcome.found.length > 0
        ? ['Found in the exposed data of:', ...outcome.found.map((id) => `  - ${titleOf(byId.get(id), id)}`)]
        : ['Not in the lists checked (this is not an all-clear: an incident may involve people on no list).'];
      lines.push(`Lists checked: ${outcome.answer.checked.length}; incidents that cannot be checked by email: ${outcome.answer.notCheckableByEmail.length}.`);
      return lines.join('\n');
    }
  }
}

function titleOf(exposure: WireExposure | undefined, id: string): string {
  const title = exposure?.title as { en?: string; ja?: string } | undefined;
  return title?.en ?? title?.ja ?? id;
}
