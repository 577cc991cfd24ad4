/** This folder's face: what the rest of src/ may import from it. */
export { AppError, isAppError, LIMIT_SCOPES } from './app-error';
export type { LimitScope } from './app-error';
export type { ErrorParams, InputProblem, InputProblemKind, InputProblemWhat } from './input-problem';
export { ConfigError } from './config-error';
export { errorKindOf, retryAfterSecondsOf, retryMinutesOf, shownErrorKind, toAppError } from './error-kinds';
export type { BasicErrorKind, ErrorKind, ErrorMessages } from './error-kinds';
