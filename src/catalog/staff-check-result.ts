import type { Exposure, Incident } from './catalog-model';

/** An exposure as staff see it: every field (talking points, sensitivity, publication) and its whole incident. */
export interface StaffExposureView {
  exposure: Exposure;
  incident: Incident;
  checkableByEmail: boolean;
}

/**
 * A check made by support staff on a caller's behalf. It covers every published exposure,
 * sensitive ones included; like the public answer, `affected: false` only means "not in the
 * lists held here".
 */
export interface StaffCheckResult {
  affected: boolean;
  exposures: StaffExposureView[];
  checked: StaffExposureView[];
  notCheckableByEmail: StaffExposureView[];
}

/** What the support console needs from the check pipeline. */
export interface StaffChecker {
  checkForStaff(email: string): Promise<StaffCheckResult>;
}
