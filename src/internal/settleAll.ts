/**
 * Like `Promise.all`, but rejects (with the first rejection, in order) only
 * once every promise has settled: after a failure, no sibling is still
 * running unobserved, such as a container half made while the caller
 * already cleans up.
 */
export async function settleAll<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
