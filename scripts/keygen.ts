import { generateOprfSecretKey } from '../src/hashing/oprf-key';

/** `npm run -s keygen`: prints a new OPRF_SECRET_KEY. Keep it secret and keep it: lists depend on it. */
process.stdout.write(`${Buffer.from(generateOprfSecretKey()).toString('hex')}\n`);
