import { perLanguage, type Language, requiredViewText, type ViewText } from '../i18n';
import type { OperatorIdentity } from './operator-identity';

export interface OperatorView {
  name: ViewText;
  url: string;
  /** Spelled out in the link text: the customer sees which website vouches for this page. */
  host: string;
}

/** The operator as each language's pages show it; computed once, the configuration never changes. */
export function operatorViews(operator: OperatorIdentity | undefined): Record<Language, OperatorView | undefined> {
  const view = (language: Language): OperatorView | undefined =>
    operator && { name: requiredViewText(operator.name, language), url: operator.url, host: new URL(operator.url).hostname };
  return perLanguage(view);
}
