import type { Endpoints, ForwardedEndpoints } from "../../client/handles.js";

/** Endpoints that need no forwarding, shaped as a forward that closes at no cost. */
export function passThrough(endpoints: Endpoints): ForwardedEndpoints {
  const close = async () => {};
  return { ...endpoints, close, [Symbol.asyncDispose]: close };
}
