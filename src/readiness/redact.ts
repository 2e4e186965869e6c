/**
 * Removes the `user:password@` part of a URL so it can go into an error
 * message or log. Works on strings that do not parse as URLs too.
 */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#]*@/i, "$1");
}
