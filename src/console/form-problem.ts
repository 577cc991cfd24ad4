import { isAppError, type InputProblem } from '../errors';

/**
 * A refused form, as its page shows it: the field the service named (its first segment, so
 * `attackWindow.to` marks the window and `sources[2]` the sources), what that field accepts in the
 * reader's language, and each problem the service found, in that language too, naming its field by
 * the label the form shows. (The service's message is English, for the API; it is never shown.)
 */
export interface FormProblem {
  field: string | undefined;
  hint: string | undefined;
  details: string[];
}

/** One problem of a refused input, as a sentence in the reader's language. */
export type DescribeProblem = (problem: InputProblem) => string;

/**
 * The problem of a form the service refused as invalid (400); any other error (not found, a
 * conflict, a failed store) is rethrown for the console's error pages.
 */
export function formProblemOf(
  error: unknown,
  hints: Readonly<Record<string, string>>,
  describe: DescribeProblem,
): FormProblem {
  if (!isAppError(error) || error.status !== 400) throw error;
  const field = error.field?.split(/[.[]/, 1)[0];
  const known = field !== undefined && Object.hasOwn(hints, field);
  const details = [...new Set((error.problems ?? []).map(describe))];
  return { field: known ? field : undefined, hint: known ? hints[field] : undefined, details };
}

/** A refusal named by its code (the staff and token pages), with the field it concerns. */
export interface CodedProblem<Code extends string> {
  code: Code;
  field: string | undefined;
  text: string;
}

export function codedProblemOf<Code extends string>(error: unknown, texts: Readonly<Record<Code, string>>): CodedProblem<Code> {
  if (!isAppError(error) || !Object.hasOwn(texts, error.code)) throw error;
  const code = error.code as Code;
  return { code, field: error.field, text: texts[code] };
}
