/** This folder's face: what the rest of src/ may import from it. */
export { BoundedWorkQueue, QueueFullError } from './bounded-work-queue';
export type { WorkQueueLimits } from './bounded-work-queue';
export { notifyAfter } from './notify-after';
export { packageRoot } from './package-root';
export { ensureThreadpoolSize, hashingConcurrency } from './threadpool-size';
export {
  addDays,
  canonicalTimeZone,
  DEFAULT_TIME_ZONE,
  endOfLocalDay,
  isCalendarDay,
  localDate,
  localDateTime,
  startOfLocalDay,
} from './time-zone';
