/** Which server to talk to, and as whom. */
export interface AdminTarget {
  /** The service's base URL; the API paths are appended to its path. */
  server: URL;
  /** The admin API bearer token. */
  token: string;
}

/** Parses the base URL of a server; only http and https make sense for the admin API. */
export function serverUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`"${text}" is not a URL; give the server's base URL, e.g. https://exposure-check.example.jp`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`"${text}" is not an http or https URL`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new TypeError(`"${text}" has a query or fragment; give the server's base URL only`);
  }
  return url;
}

/** An API path under the base URL, keeping any path prefix the service is mounted under. */
export function adminUrl(server: URL, path: string): URL {
  return new URL(server.pathname.replace(/\/+$/, '') + path, server);
}

/** The path of an exposure's resource; the id is escaped, since it comes from the operator. */
export function exposurePath(exposureId: string, suffix: string): string {
  return `/api/v1/admin/exposures/${encodeURIComponent(exposureId)}${suffix}`;
}
