import { KEYRING_BACKEND } from "./clientConfig.js";
import type { TestAccount } from "./testAccount.js";

/** How a `seid` run against a node ended; a non-zero exit is a result, not an error. */
export interface SeidResult {
  exitCode: number;
  /** What seid printed; empty when passed through (`stdio: "inherit"`). */
  stdout: string;
  stderr: string;
}

/** Options of a {@link SeidCommand} run. */
export interface SeidRunOptions {
  /** Text fed to seid's stdin (a mnemonic for `keys add --recover`, a `y` to confirm). */
  input?: string | undefined;
  /** `"pipe"` (default) captures stdout and stderr; `"inherit"` passes them to this process's. */
  stdio?: "pipe" | "inherit" | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Runs `seid <args>` with a node's home, where its mode runs it: a child
 * process on its home (local) or `docker exec` in its container. The home's
 * client.toml points seid at that node, on its chain, with the test keyring.
 */
export type SeidCommand = (args: readonly string[], options: SeidRunOptions) => Promise<SeidResult>;

/** Keyring name of the network's funded test account in every node's home. */
export const TEST_ACCOUNT_KEY = "test-account";

/**
 * Puts the network's test account into a node's keyring under
 * {@link TEST_ACCOUNT_KEY}, from its mnemonic at its HD path, unless it is
 * there already; `seid tx … --from test-account` then signs with it. A
 * network made without a mnemonic (older seinet) is left as it is.
 */
export async function ensureTestAccountKey(
  run: SeidCommand,
  account: TestAccount | undefined,
  signal?: AbortSignal,
): Promise<void> {
  if (!account?.mnemonic || !account.hdPath) return;
  const keyring = ["--keyring-backend", KEYRING_BACKEND];
  const shown = await run(["keys", "show", TEST_ACCOUNT_KEY, "-a", ...keyring], { signal });
  if (shown.exitCode === 0) return;
  const added = await run(
    [
      "keys",
      "add",
      TEST_ACCOUNT_KEY,
      "--recover",
      "--hd-path",
      account.hdPath,
      ...keyring,
      "--output",
      "json",
    ],
    { input: `${account.mnemonic}\n`, signal },
  );
  if (added.exitCode !== 0) {
    throw new Error(
      `importing the test account into the keyring failed: ${added.stderr.trim() || added.stdout.trim()}`,
    );
  }
  const { address } = JSON.parse(added.stdout) as { address?: string };
  if (address !== account.seiAddress) {
    throw new Error(`the test account's mnemonic gave ${address}, not ${account.seiAddress}`);
  }
}
