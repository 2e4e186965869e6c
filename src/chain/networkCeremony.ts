import type { NetworkSpec } from "../specs/types.js";
import type { GenesisCeremonyInput, HomePlan, PeerRoute } from "./ceremony.js";
import { TEST_ACCOUNT_BALANCE } from "./defaults.js";
import { usei } from "./genesis.js";
import type { TestAccount } from "./testAccount.js";
import { testAccounts } from "./testAccounts.js";

/**
 * The ceremony a NetworkSpec asks for, the same in every mode that runs one:
 * the spec's accounts, genesis and config overrides and snapshots, plus the
 * network's funded test account. Only where the homes live differs by mode.
 */
export function networkCeremony(
  spec: NetworkSpec,
  homes: { validators: readonly HomePlan[]; fullNodes: readonly HomePlan[] },
  testAccount: TestAccount,
  options: { signal?: AbortSignal | undefined; onStep?: (step: string) => void; route?: PeerRoute },
): GenesisCeremonyInput {
  return {
    chainId: spec.chainId ?? spec.name,
    validators: homes.validators,
    fullNodes: homes.fullNodes,
    accounts: spec.accounts,
    extraAccounts: [testAccount, ...testAccounts(spec.testAccounts ?? 0)].map((account) => ({
      address: account.seiAddress,
      coins: usei(TEST_ACCOUNT_BALANCE),
      evmAddress: account.evmAddress,
    })),
    genesisOverrides: spec.genesis,
    configOverrides: spec.config,
    snapshots: spec.snapshots,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onStep ? { onStep: options.onStep } : {}),
    ...(options.route ? { route: options.route } : {}),
  };
}
