/**
 * Shows the browser's result from the parts the server rendered into the page
 * (src/check/private-check-page.ts, views/check.njk): the hit verdict for that many hits and the
 * cards of the exposures found, in catalogue order, or the miss verdict; then the background.
 */
export interface ResultTemplates {
  template: HTMLTemplateElement;
  checkedIds: string[];
  notCheckableIds: string[];
}

export function readTemplates(): ResultTemplates | undefined {
  const template = document.getElementById('private-result');
  if (!(template instanceof HTMLTemplateElement)) return undefined;
  const ids = (name: string) => (template.dataset[name] ?? '').split(' ').filter((id) => id !== '');
  return { template, checkedIds: ids('checked'), notCheckableIds: ids('notCheckable') };
}

/** Whether an answer is about the catalogue the page was made with: otherwise it cannot be shown truthfully. */
export function fitsTemplates(templates: ResultTemplates, checked: string[], notCheckable: string[]): boolean {
  const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
  return same(templates.checkedIds, checked) && same(templates.notCheckableIds, notCheckable);
}

export function showResult(templates: ResultTemplates, found: readonly string[], masked: string): void {
  const parts = templates.template.content;
  const part = (selector: string) => parts.querySelector<HTMLElement>(selector);
  const shown = new DocumentFragment();
  const add = (element: HTMLElement | null) => {
    if (element === null) throw new Error('a result part is missing from the page');
    shown.append(...[...element.childNodes].map((node) => node.cloneNode(true)));
  };
  const hits = new Set(found);
  if (hits.size > 0) {
    add(part(`[data-part="found"][data-count="${hits.size}"]`));
    for (const card of parts.querySelectorAll<HTMLElement>('[data-part="card"]')) {
      if (hits.has(card.dataset.exposureId ?? '')) add(card);
    }
  } else {
    add(part('[data-part="not-found"]'));
  }
  add(part('[data-part="background"]'));
  const address = shown.querySelector('.address-checked strong');
  if (address !== null) address.textContent = masked;

  const main = document.getElementById('main') as HTMLElement;
  main.replaceChildren(shown);
  document.title = (hits.size > 0 ? templates.template.dataset.foundTitle : templates.template.dataset.notFoundTitle) ?? document.title;
  main.querySelector<HTMLElement>('h1')?.focus();
  window.scrollTo(0, 0);
}
