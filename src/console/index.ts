/** This folder's face: what the rest of src/ may import from it. */
export { adminPages, languageOf } from './admin-locals';
export type { FieldText } from './admin-messages';
export { staffMessagesFor } from './console-messages';
export { csrfRejected, forbidden, passwordWorkOverloaded, signInUnaudited, staffUnavailable } from './console-refusals';
export { consoleRouter } from './console-router';
export type { ConsoleSession } from './console-router';
export { hasValidCsrfHeader } from './csrf';
export { dashboardRoutes } from './dashboard-page';
export { formField, formFields } from './form-fields';
export type { Option } from './form-fields';
export { codedProblemOf, formProblemOf } from './form-problem';
export type { CodedProblem, DescribeProblem, FormProblem } from './form-problem';
export { formatCount, formatTime, timeZoneAbbreviation, timeZoneLabel, timeZoneName, timeZoneOf } from './format-time';
export { LOGIN_PATH, requireStaffApi, requireStaffPage } from './require-staff';
