import { type Answered, fetchParameters, postQueries, type WireParameters } from '../private-check-client';
import { fitsTemplates, readTemplates, type ResultTemplates, showResult } from './result-view';
import { CheckWorker } from './worker-client';

/**
 * The check page's script (issue 15): with it, the address is hashed and blinded in a worker and
 * the server learns only a bucket; without it (or in a browser that lacks what it needs) the form
 * posts to /check as before. Whatever fails shows a failure, never a result: the page then offers
 * the server's check, saying what that means.
 */

type Problem = 'unavailable' | 'rate_limited' | 'rate_limited_network' | 'stale' | 'empty' | 'invalid';

function supported(): boolean {
  return (
    typeof Worker === 'function' &&
    typeof WebAssembly === 'object' &&
    typeof fetch === 'function' &&
    typeof crypto?.getRandomValues === 'function' &&
    'content' in document.createElement('template')
  );
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-private-check]');
  const templates = readTemplates();
  const workerUrl = form?.dataset.worker;
  if (form === null || templates === undefined || workerUrl === undefined || !supported()) return;
  const input = form.querySelector<HTMLInputElement>('input[name="email"]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const status = document.getElementById('check-status');
  if (input === null || button === null || status === null) return;

  let worker: CheckWorker;
  try {
    worker = new CheckWorker(workerUrl);
  } catch {
    return;
  }
  // From here the browser checks by itself: say so where the page says what happens to the address.
  for (const line of document.querySelectorAll<HTMLElement>('[data-private-mode]')) line.hidden = line.dataset.privateMode !== 'on';

  // The same for every visitor, so asked for before anything is typed: the check itself is one request.
  // A failure is handled where it is awaited; asked again after any failure.
  const loadParameters = () => {
    const loading = fetchParameters(location.origin);
    loading.catch(() => undefined);
    return loading;
  };
  let parameters: Promise<Answered<WireParameters>> = loadParameters();
  let busy = false;
  let onServer = false;

  form.addEventListener('submit', (event) => {
    if (onServer) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    clearProblem(input);
    status.textContent = status.dataset.checking ?? '';
    void check(input.value)
      .catch((): Problem => {
        parameters = loadParameters();
        return 'unavailable';
      })
      .then((problem) => {
        busy = false;
        button.disabled = false;
        status.textContent = '';
        if (problem !== undefined) showProblem(problem, input, () => {
          onServer = true;
          form.submit();
        });
      });
  });

  /** The check; a problem to show, or undefined once the result is on the page. */
  async function check(address: string, retried = false): Promise<Problem | undefined> {
    const known = await parameters;
    if (!known.ok) {
      parameters = loadParameters();
      return problemOf(known.status, known.scope);
    }
    const prepared = await inWorker(() => worker.ask({ step: 'prepare', address, parameters: known.body }));
    if (!prepared.ok || prepared.step === 'invalid') return prepared.ok ? (prepared.problem === 'empty' ? 'empty' : 'invalid') : 'unavailable';
    if (prepared.step !== 'prepare') return 'unavailable';
    const answered = await postQueries(location.origin, prepared.queries);
    if (!answered.ok) {
      // A list of a new profile went live since the parameters were read: read them again, once.
      if (answered.code === 'unknown_profile' && !retried) {
        parameters = loadParameters();
        return check(address, true);
      }
      return problemOf(answered.status, answered.scope);
    }
    const ids = (exposures: { id: string }[]) => exposures.map(({ id }) => id);
    if (!fitsTemplates(templates as ResultTemplates, ids(answered.body.checked), ids(answered.body.notCheckableByEmail))) return 'stale';
    const finished = await inWorker(() => worker.ask({ step: 'finish', answer: answered.body }));
    if (!finished.ok || finished.step !== 'finish') return 'unavailable';
    showResult(templates as ResultTemplates, finished.found, prepared.masked);
    return undefined;
  }
}

/**
 * Time spent waiting on the worker, as User Timing measures named WORKER_MEASURE: durations only,
 * read by bench:private-page to size the worker's share of a check.
 */
const WORKER_MEASURE = 'private-check:worker';

async function inWorker<T>(step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    performance.measure(WORKER_MEASURE, { start });
  }
}

function problemOf(status: number, scope: string | undefined): Problem {
  if (status === 429) return scope === 'network' ? 'rate_limited_network' : 'rate_limited';
  return 'unavailable';
}

/** The failure, from the page's own template, above the form; focus moves to it so that it is read. */
function showProblem(problem: Problem, input: HTMLInputElement, onServerCheck: () => void): void {
  const template = document.getElementById('private-problems');
  const source = template instanceof HTMLTemplateElement ? template.content.querySelector(`[data-problem="${problem}"]`) : null;
  const area = document.getElementById('check-problem');
  if (source === null || area === null) return;
  area.replaceChildren(...[...source.childNodes].map((node) => node.cloneNode(true)));
  area.hidden = false;
  area.querySelector('[data-action="server-check"]')?.addEventListener('click', onServerCheck);
  if (problem === 'empty' || problem === 'invalid') {
    // As the server's page does it: the field says what is wrong, and is described by it.
    const fieldError = document.getElementById('email-error');
    if (fieldError !== null) {
      fieldError.textContent = area.querySelector('a')?.textContent ?? '';
      fieldError.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'email-error email-hint');
    }
  }
  area.focus();
}

function clearProblem(input: HTMLInputElement): void {
  const area = document.getElementById('check-problem');
  area?.replaceChildren();
  if (area !== null) area.hidden = true;
  // Only the script's own field error (data-client): the server's, after a refused post, stays until the next answer.
  const fieldError = document.getElementById('email-error');
  if (fieldError !== null && fieldError.dataset.client !== undefined) {
    fieldError.hidden = true;
    fieldError.textContent = '';
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', 'email-hint');
  }
}

start();
