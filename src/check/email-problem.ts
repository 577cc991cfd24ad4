import type { EmailProblem } from '../i18n';

/**
 * Which message the form shows for an invalid_email error. The reason is read from what was typed,
 * not from the error's English message, so the page can say it in either language.
 */
export function emailProblemOf(typed: string): EmailProblem {
  return typed.normalize('NFKC').trim() === '' ? 'empty' : 'invalid';
}
