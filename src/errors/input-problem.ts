/**
 * One problem of a refused input, in terms a page can say in its reader's language: where (the
 * path as the client wrote it, `['dataNotExposed', 0]`), what kind of problem, and the numbers or
 * codes its sentence needs. The error's message stays the service's English (the API's words);
 * the consoles render these instead, naming each field by its label.
 */
export type InputProblem = { path: readonly (string | number)[] } & InputProblemWhat;

export type InputProblemWhat =
  | {
      kind:
        | 'required'
        | 'wrongType'
        | 'notUrl'
        | 'notDate'
        | 'badDate'
        | 'notWholeNumber'
        | 'negative'
        | 'notChoice'
        | 'notBoolean'
        | 'qualifierWithoutCount'
        | 'invalid';
    }
  | { kind: 'tooLong' | 'tooMany'; max: number }
  | { kind: 'tooFew'; min: number }
  | { kind: 'dateOrder'; from: string }
  | { kind: 'notPhone'; minDigits: number; maxDigits: number }
  /** `code` is what the client sent, cut short. */
  | { kind: 'unknownDataClass'; code: string }
  /** `earlier` is the field (a path's first segment) that already lists `code`. */
  | { kind: 'duplicateClass'; code: string; earlier: string };

export type InputProblemKind = InputProblemWhat['kind'];

/**
 * The numbers and short codes a coded refusal's sentence needs (the bad line numbers of a list
 * file, the seconds an upload stalled for), sent beside the code to the consoles' scripts.
 */
export type ErrorParams = Readonly<Record<string, number | string | readonly number[]>>;
