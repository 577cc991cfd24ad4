import type { LocalizedText } from '../i18n';

/**
 * Who runs this service, shown on every public page. A wary customer checks the link: it must lead
 * to the operator's own announcement of the incident, on the operator's own website.
 */
export interface OperatorIdentity {
  /** In Japanese, English or both; a page in the other language falls back, marked with its own lang. */
  name: LocalizedText;
  /** https only: the operator's official announcement that points customers to this page. */
  url: string;
}

/** A plain https URL with a host and no credentials; anything else could not be verified by a customer. */
export function isVerifiableHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
