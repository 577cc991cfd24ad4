import type { InputProblem, InputProblemWhat } from '../errors';
import { formatCount, type DescribeProblem, type FieldText } from '../console';
import { isLanguage, type Language } from '../i18n';
import type { CatalogConsoleMessages } from './catalog-console-messages';
import { catalogProblemMessagesFor, type CatalogProblemMessages } from './catalog-problem-messages';
import { DATA_CLASSES, isDataClass } from './data-classes';

/** What the describer reads of a page's `at`: the forms' labels, and each language's name. */
type LabelText = Pick<CatalogConsoleMessages, 'incidentFields' | 'exposureFields'> & {
  common: { languageLabels: Record<Language, string> };
};

/**
 * The incident or exposure form's refusals as its page says them, one sentence per problem:
 * the field named by its label (and the language, window end or entry within it), data classes
 * by their names, numbers as the language writes them.
 */
export function catalogProblemDescriber(form: 'incident' | 'exposure', language: Language, at: LabelText): DescribeProblem {
  const text = catalogProblemMessagesFor(language);
  const fields = form === 'incident' ? at.incidentFields : at.exposureFields;
  const labelOf = (path: InputProblem['path']): string => pathLabel(path, fields, at, text);
  return (problem) => text.line(labelOf(problem.path), sentenceOf(problem, text, language, (field) => labelOf([field])));
}

type Fields = LabelText['incidentFields'] | LabelText['exposureFields'];

function pathLabel(path: InputProblem['path'], fields: Fields, at: LabelText, text: CatalogProblemMessages): string {
  const [head, next, last] = path;
  const field = typeof head === 'string' ? fieldTextOf(fields, head) : undefined;
  if (field === undefined) return text.form;
  if (head === 'contacts' && 'contactParts' in fields && typeof next === 'string' && Object.hasOwn(fields.contactParts, next)) {
    const part = fields.contactParts[next as keyof typeof fields.contactParts];
    return isLanguage(last) ? text.inLanguage(part.label, at.common.languageLabels[last]) : part.label;
  }
  if (isLanguage(next)) return text.inLanguage(field.label, at.common.languageLabels[next]);
  if (next === 'from' || next === 'to') return text.windowEnd(field.label, fields[next]);
  // A list typed one per line (the sources); data classes are named in the sentence instead.
  if (typeof next === 'number' && head === 'sources') return text.entry(field.label, String(next + 1));
  return field.label;
}

function fieldTextOf(fields: Fields, name: string): FieldText | undefined {
  if (!Object.hasOwn(fields, name)) return undefined;
  const entry: unknown = (fields as unknown as Record<string, unknown>)[name];
  return isFieldText(entry) ? entry : undefined;
}

function isFieldText(value: unknown): value is FieldText {
  return typeof value === 'object' && value !== null && typeof (value as { label?: unknown }).label === 'string';
}

function sentenceOf(
  problem: InputProblemWhat,
  text: CatalogProblemMessages,
  language: Language,
  labelOf: (field: string) => string,
): string {
  const sentences = text.sentences;
  const count = (value: number): string => formatCount(value, language);
  const dataClass = (code: string): string => (isDataClass(code) ? DATA_CLASSES[code][language] : code);
  switch (problem.kind) {
    case 'tooLong':
      return sentences.tooLong({ max: count(problem.max) });
    case 'tooMany':
      return sentences.tooMany({ max: count(problem.max) });
    case 'tooFew':
      return sentences.tooFew({ min: count(problem.min) });
    case 'dateOrder':
      return sentences.dateOrder({ from: problem.from });
    case 'notPhone':
      return sentences.notPhone({ minDigits: count(problem.minDigits), maxDigits: count(problem.maxDigits) });
    case 'unknownDataClass':
      return sentences.unknownDataClass({ code: problem.code });
    case 'duplicateClass':
      return sentences.duplicateClass({ code: dataClass(problem.code), earlier: labelOf(problem.earlier) });
    default:
      return sentences[problem.kind];
  }
}
