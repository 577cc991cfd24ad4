import pino, { type DestinationStream, type Logger } from 'pino';
import { maskAddresses } from './mask-addresses';

export interface LoggerOptions {
  level: string;
  /** Where lines go; stdout unless given (the tests capture them). */
  destination?: DestinationStream;
}

/**
 * Fields that would hold input if some future code logged a request or a body: removed by path
 * before anything is serialized. The request logger logs none of them in the first place.
 */
const REDACTED_PATHS = [
  'email',
  '*.email',
  'body',
  '*.body',
  'query',
  '*.query',
  'url',
  '*.url',
  'headers',
  '*.headers',
  'cookie',
  '*.cookie',
  'authorization',
  '*.authorization',
];

/**
 * The service's logger: JSON lines, known input-bearing fields redacted, and every finished line
 * passed through maskAddresses. Masking the serialized line rather than the logged object also
 * covers the message, child bindings and serialized errors (whose messages may quote input), so
 * one mistake elsewhere cannot put an address in the logs.
 */
export function createLogger({ level, destination }: LoggerOptions): Logger {
  const target: DestinationStream = destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    { write: (line: string) => target.write(maskAddresses(line)) },
  );
}
