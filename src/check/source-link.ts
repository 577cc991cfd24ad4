export interface SourceLink {
  href: string;
  /** Shown beside the link: a wary reader sees where it leads before following it. */
  host: string;
}

/** An incident's source as a link, showing its host; anything but http(s) is no link at all. Shared with the support console. */
export function sourceLink(href: string): SourceLink[] {
  try {
    const url = new URL(href);
    // The admin API accepts only http(s); anything else never becomes a link.
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
    return [{ href: url.href, host: url.hostname }];
  } catch {
    return [];
  }
}
