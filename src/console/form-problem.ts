import { isAppError } from '../errors';

/**
 * A refused form, as its page shows it: the field the service named (its first segment, so
 * `attackWindow.to` marks the window and `sources[2]` the sources), what that field accepts in the
 * reader's language, and the service's own words (English, more precise, naming every problem).
 */
export interface FormProblem {
  field: string | undefined;
  hint: string | undefined;
  detail: string;
}

/**
 * The problem of a form the service refused as invalid (400); any other error (not found, a
 * conflict, a failed store) is rethrown for the console's error pages.
 */
export function formProblemOf(error: unknown, hints: Readonly<Record<string, string>>): FormProblem {
  if (!isAppError(error) || error.status !== 400) throw error;
  const field = error.field?.split(/[.[]/, 1)[0];
  const known = field !== undefined && Object.hasOwn(hints, field);
  return { field: known ? field : undefined, hint: known ? hints[field] : undefined, detail: error.message };
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
