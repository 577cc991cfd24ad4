import type { EmailV1Problem } from '../email';
import type { WireAnswer, WireParameters, WireQuery } from '../private-check-client';

/**
 * Between the page and its worker. The address goes in (postMessage stays inside the browser);
 * only what may be sent comes out: the queries, the masked address for the page to show, and
 * the exposures found. The blinds, the normalized address and `a` stay in the worker.
 */
export type WorkerRequest =
  | { id: number; step: 'prepare'; address: string; parameters: WireParameters }
  | { id: number; step: 'finish'; answer: WireAnswer };

export type WorkerReply =
  | { id: number; ok: true; step: 'prepare'; queries: WireQuery[]; masked: string }
  | { id: number; ok: true; step: 'invalid'; problem: EmailV1Problem }
  | { id: number; ok: true; step: 'finish'; found: string[] }
  | { id: number; ok: false };
