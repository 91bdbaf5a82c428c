/**
 * A one-time link's token from the URL fragment (`#<token>` or `#token=<token>`): browsers never
 * send the fragment, so the token reaches no server log; the pages send it in a POST body.
 */
export function linkTokenOf(hash: string) {
  const fragment = hash.replace(/^#/, "");
  return new URLSearchParams(fragment).get("token") ?? fragment;
}

/** The address of a one-time link on this site. */
export function linkUrl(path: string, token: string) {
  return `${window.location.origin}${path}#${token}`;
}
