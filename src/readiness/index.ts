// Readiness helpers: URL-based probes and waits that need no client.

export { earliestHeight } from "./earliestHeight.js";
export { latestHeight } from "./latestHeight.js";
export type { NodeStatus } from "./nodeStatus.js";
export type { ProbeOptions, WaitOptions } from "./options.js";
export { fetchStatus } from "./status.js";
export { operatorAccount, stakingValidators, type StakingValidator } from "./stakingValidators.js";
export type { ChainTarget, RpcSource } from "./chainTarget.js";
export { waitCaughtUp } from "./waitCaughtUp.js";
export { waitChainAdvances, type ChainAdvance, type ChainAdvanceOptions } from "./waitChainAdvances.js";
export { waitEvmServing } from "./waitEvmServing.js";
export { waitHeightAdvances } from "./waitHeightAdvances.js";
export {
  waitRecovered,
  type Recovered,
  type RecoveredOptions,
  type RecoveringNode,
} from "./waitRecovered.js";
export { waitRestServing } from "./waitRestServing.js";
