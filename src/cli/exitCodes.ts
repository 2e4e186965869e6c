import { SeinetError } from "../errors/base.js";

/** The CLI's documented exit codes. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  timeout: 3,
  infra: 4,
  interrupted: 130,
} as const;

/** Maps an error to its exit code: usage 2, timeout 3, infra 4, canceled 130, else 1. */
export function exitCodeFor(err: unknown): number {
  if (!(err instanceof SeinetError)) return EXIT.failed;
  switch (err.code) {
    case "USAGE":
      return EXIT.usage;
    case "TIMEOUT":
      return EXIT.timeout;
    case "INFRA":
      return EXIT.infra;
    case "CANCELED":
      return EXIT.interrupted;
    default:
      return EXIT.failed;
  }
}
