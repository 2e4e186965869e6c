import type Docker from "dockerode";
import type { TestAccount } from "../../chain/testAccount.js";
import { readContainerFile, writePrivateFile } from "./archive.js";
import { CONTAINER_HOME } from "./names.js";

/** Where a network's test account lives in each validator's and the sentry's home. */
const DIR = "seinet";
const NAME = "test-account.json";

/** The test account file's path inside a node container. */
export const TEST_ACCOUNT_PATH = `${CONTAINER_HOME}/${DIR}/${NAME}`;

/**
 * Writes the test account, whole, as JSON (so fields added to TestAccount are
 * kept) into a home, readable by the `sei` user only: a key in a label would
 * be public to anyone who may run `docker network inspect`.
 */
export async function writeTestAccount(
  container: Docker.Container,
  home: string,
  account: TestAccount,
): Promise<void> {
  await writePrivateFile(container, home, { dir: DIR, name: NAME, data: `${JSON.stringify(account)}\n` });
}

/** Reads the test account from a node container (running or not); undefined if it holds none. */
export async function readTestAccount(container: Docker.Container): Promise<TestAccount | undefined> {
  try {
    return JSON.parse(await readContainerFile(container, TEST_ACCOUNT_PATH)) as TestAccount;
  } catch {
    return undefined;
  }
}
