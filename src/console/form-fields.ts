/** One choice of a select or a group of radio buttons on a console form. */
export interface Option {
  value: string;
  label: string;
}

/** A parsed urlencoded form (`extended: false`): each field a string, or an array when repeated. */
type FormBody = Record<string, unknown>;

function formBody(body: unknown): FormBody {
  return typeof body === 'object' && body !== null ? (body as FormBody) : {};
}

/** One field's value; a field sent twice (a forged form) counts as its first value, never as an array. */
export function formField(body: unknown, name: string): string {
  const value = formBody(body)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

/** Every value of a field that may repeat (a group of checkboxes). */
export function formFields(body: unknown, name: string): string[] {
  const value = formBody(body)[name];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}
