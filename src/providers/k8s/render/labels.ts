import { LABEL_MANAGED_BY, MANAGED_BY } from "../../../labels.js";

/** Caller labels first, then the SDK's own, which win. */
export function mergeLabels(
  caller: Record<string, string> | undefined,
  own: Record<string, string>,
): Record<string, string> {
  return { ...caller, [LABEL_MANAGED_BY]: MANAGED_BY, ...own };
}
