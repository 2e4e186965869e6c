import { TEST_ACCOUNT_KEY } from "../chain/seidCommand.js";
import type { TestAccount } from "../chain/testAccount.js";
import type { NodeInfo } from "./nodeInfo.js";
import { table } from "./output.js";

/** The test account as printed: addresses always, the private key only when asked for. */
export interface AccountInfo {
  evmAddress: string;
  seiAddress: string;
  /** Its name in every node's keyring, for `seinet seid NODE -- tx … --from <keyName>`. */
  keyName: string;
  privateKey?: string;
  /** BIP-39 mnemonic and the path the key derives at (absent on networks of older seinet versions). */
  mnemonic?: string;
  hdPath?: string;
}

/** The account to print, with the key only when `showKey`; null when the mode funds none. */
export function accountInfo(account: TestAccount | undefined, showKey: boolean): AccountInfo | null {
  if (!account) return null;
  const { evmAddress, seiAddress, privateKey, mnemonic, hdPath } = account;
  const shown = { evmAddress, seiAddress, keyName: TEST_ACCOUNT_KEY };
  if (!showKey) return shown;
  return { ...shown, privateKey, ...(mnemonic ? { mnemonic } : {}), ...(hdPath ? { hdPath } : {}) };
}

/** ` --namespace NS` for hints, empty for the default namespace. */
export function namespaceArg(namespace: string | undefined): string {
  return namespace && namespace !== "default" ? ` --namespace ${namespace}` : "";
}

/** The command that prints a network's key, for the hint shown in its place. */
export function showKeyCommand(network: string, namespace: string | undefined): string {
  return `seinet status ${network}${namespaceArg(namespace)} --show-key`;
}

/** The human lines of a test account; the key, or how to print it. */
export function accountLines(account: AccountInfo, keyCommand: string): string[] {
  return [
    "Test account (funded in genesis):",
    `  EVM address  ${account.evmAddress}`,
    `  Sei address  ${account.seiAddress}`,
    `  seid key     ${account.keyName} (\`seinet seid NODE -- tx … --from ${account.keyName}\`)`,
    ...(account.privateKey
      ? [
          `  private key  ${account.privateKey}`,
          ...(account.mnemonic
            ? [`  mnemonic     ${account.mnemonic}`, `  HD path      ${account.hdPath}`]
            : []),
        ]
      : [`  private key  hidden; \`${keyCommand}\` prints it and the mnemonic`]),
  ];
}

/** Nodes as an aligned table; `details` adds the pid and seid version columns. */
export function nodesTable(nodes: readonly NodeInfo[], details = false): string {
  const dash = (v: string | number | null) => (v === null ? "-" : String(v));
  const headers = ["NODE", "ROLE", "PHASE", ...(details ? ["PID", "SEID"] : [])];
  headers.push("TENDERMINT RPC", "EVM RPC", "EVM WS", "REST");
  const rows = nodes.map((n) => [
    n.name,
    n.role,
    n.phase,
    ...(details ? [dash(n.pid), dash(n.seidVersion)] : []),
    dash(n.endpoints.tendermintRpc),
    dash(n.endpoints.evmRpc),
    dash(n.endpoints.evmWs),
    dash(n.endpoints.rest),
  ]);
  return table(headers, rows);
}

/** Why nodes are not running, one line each; empty when all are. */
export function reasonLines(nodes: readonly NodeInfo[]): string[] {
  return nodes.filter((n) => n.reason).map((n) => `${n.name}: ${n.reason}`);
}

/** Age of a record as `42s`, `5m`, `3h` or `2d`; `-` when unknown. */
export function age(createdAt: string | null, now: number = Date.now()): string {
  const t = createdAt ? Date.parse(createdAt) : Number.NaN;
  if (Number.isNaN(t)) return "-";
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172_800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}
