import { execFileSync } from 'node:child_process';

export interface Argon2Costs {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/**
 * argon2id by Debian's `argon2` CLI, an implementation independent of ours, as hex. The CLI takes
 * the salt as an argument, so arbitrary bytes travel through `sh` as octal escapes; a NUL byte
 * cannot be in an argument at all, so such a salt is refused rather than silently cut short.
 */
export function referenceArgon2id(password: string, salt: Buffer, costs: Argon2Costs): string {
  if (salt.includes(0)) throw new RangeError('the argon2 CLI cannot take a salt with a NUL byte');
  const escaped = [...salt].map((byte) => `\\${byte.toString(8).padStart(3, '0')}`).join('');
  // The trailing x keeps command substitution from eating a salt's final newline bytes.
  const script = 'salt=$(printf "$1"; printf x); shift; exec argon2 "${salt%x}" "$@"';
  const args = ['-id', '-t', String(costs.iterations), '-k', String(costs.memoryKiB), '-p', String(costs.parallelism), '-l', '32', '-r'];
  return execFileSync('sh', ['-c', script, 'sh', escaped, ...args], { input: password }).toString().trim();
}
