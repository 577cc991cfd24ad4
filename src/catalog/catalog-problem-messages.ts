import type { Language } from '../i18n';
import type { InputProblemKind, InputProblemWhat } from '../errors';
import { CATALOG_PROBLEMS_EN } from './catalog-problem-messages-en';
import { CATALOG_PROBLEMS_JA } from './catalog-problem-messages-ja';

/** A problem of one kind, with what its sentence needs already in the reader's words. */
type ProblemWith<Kind extends InputProblemKind> = {
  readonly [Key in Exclude<keyof WhatOf<Kind, InputProblemWhat>, 'kind'>]: string;
};

/** The member of the union that has `Kind` among its kinds (Extract would miss a member of several). */
type WhatOf<Kind extends InputProblemKind, What> = What extends { kind: infer Kinds } ? (Kind extends Kinds ? What : never) : never;

/** Each kind's sentence: a string, or a function of the problem's own numbers and names. */
type ProblemSentences = {
  [Kind in InputProblemKind]: keyof ProblemWith<Kind> extends never ? string : (problem: ProblemWith<Kind>) => string;
};

/**
 * How the incident and exposure forms say what the service refused, one object per language, both
 * checked against this interface: a missing sentence fails the build. Each problem is one line,
 * `line(label, sentence)`, the label being the field's as the form shows it. Numbers come
 * formatted in the reader's way; data classes come as their names, fields as their labels.
 */
export interface CatalogProblemMessages {
  line: (label: string, sentence: string) => string;
  /** One language's input of a text written in every language: "Title (Japanese)". */
  inLanguage: (label: string, languageName: string) => string;
  /** One end of a date window: "When it happened (to)". */
  windowEnd: (label: string, end: string) => string;
  /** One entry of a list typed one per line: "Sources (entry 3)". */
  entry: (label: string, position: string) => string;
  /** The label of a part of the form no label names (an API-only field). */
  form: string;
  sentences: ProblemSentences;
}

const CATALOG_PROBLEM_MESSAGES: Record<Language, CatalogProblemMessages> = { ja: CATALOG_PROBLEMS_JA, en: CATALOG_PROBLEMS_EN };

export function catalogProblemMessagesFor(language: Language): CatalogProblemMessages {
  return CATALOG_PROBLEM_MESSAGES[language];
}
