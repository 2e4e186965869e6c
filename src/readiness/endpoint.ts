import { UsageError } from "../errors/usage.js";
import { redactUrl } from "./redact.js";

/** A URL ready for `fetch`: credentials moved out of it into a header. */
export interface Endpoint {
  /** The URL without credentials; safe to show in messages. */
  href: string;
  /** `Basic …` header value built from the URL's credentials, if it had any. */
  authorization: string | undefined;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * Parses a base URL and appends `path` (which may carry a `?query`) to it
 * (trailing slashes of the base dropped). `fetch` refuses URLs with credentials, so `user:pw@` becomes a
 * Basic authorization header. Throws UsageError on a URL that is not http(s).
 */
export function endpoint(base: string, path = ""): Endpoint {
  let url: URL;
  try {
    url = new URL(base);
  } catch (err) {
    throw new UsageError(`not a valid URL: ${redactUrl(base)}`, { cause: err });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`not an http(s) URL: ${redactUrl(base)}`);
  }
  let authorization: string | undefined;
  if (url.username || url.password) {
    const credentials = `${decode(url.username)}:${decode(url.password)}`;
    authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
    url.username = "";
    url.password = "";
  }
  if (path) {
    const [pathname = "", query] = path.split("?", 2);
    url.pathname = url.pathname.replace(/\/+$/, "") + pathname;
    if (query !== undefined) url.search = query;
  }
  return { href: url.href, authorization };
}
