// seinet: provision real Sei networks for tests and CI. The public surface is
// exactly what this file exports; everything else is internal.

export { open, registerProvider, registeredProviders } from "./registry/open.js";
export { MODE_ENV } from "./registry/selectMode.js";
export { Client } from "./client/client.js";
export type {
  Endpoints,
  ForwardedEndpoints,
  Network,
  Node,
  SeidOptions,
  Task,
  Workflow,
} from "./client/handles.js";
export type { SeidResult } from "./chain/seidCommand.js";
export type { Checkpoint, CheckpointExport, CheckpointOptions } from "./client/checkpoint.js";
export { readCheckpointArchive } from "./templates/archiveFile.js";
export { CHECKPOINT_ARCHIVE_FORMAT, type CheckpointArchiveInfo } from "./templates/checkpointArchive.js";
export {
  listTemplates,
  pruneTemplates,
  removeTemplate,
  templatesRoot,
  type NetworkTemplate,
} from "./templates/templateCache.js";
export type { TemplateFacts } from "./templates/templateKey.js";
export type {
  CreateNetworkOptions,
  DeleteOptions,
  GetOptions,
  ListOptions,
  LogOptions,
  OpOptions,
} from "./client/options.js";
export type { TestAccount } from "./chain/testAccount.js";
export { MAX_TEST_ACCOUNTS, TEST_MNEMONIC } from "./chain/testAccounts.js";
export type { OpenOptions, Provider, ProviderFactory } from "./client/provider.js";

export type {
  AwaitNodesAtHeightSpec,
  GenesisAccount,
  GovSoftwareUpgradeSpec,
  GovTxSpec,
  GovVoteSpec,
  NetworkPhase,
  NetworkSpec,
  NodePhase,
  NodeSpec,
  SnapshotsSpec,
  StateSyncSpec,
  TaskKind,
  TaskOutputs,
  TaskPhase,
  TaskSpec,
  UpdateNodeImageSpec,
  VestingSpec,
  WorkflowKind,
  WorkflowSpec,
} from "./specs/types.js";
export { validateNetworkSpec } from "./specs/validateNetworkSpec.js";
export { validateNodeSpec } from "./specs/validateNodeSpec.js";
export { validateTaskSpec } from "./specs/validateTaskSpec.js";
export { validateWorkflowSpec } from "./specs/validateWorkflowSpec.js";
export type { FollowerSpec, Manifest, ResolvedManifest, RunOptions } from "./manifest/types.js";
export { validateManifest } from "./manifest/validateManifest.js";
export { parseManifest } from "./manifest/parseManifest.js";
export { loadManifest } from "./manifest/loadManifest.js";

export { SeinetError, type ErrorCode, type SeinetErrorOptions } from "./errors/base.js";
export { UsageError } from "./errors/usage.js";
export { TimeoutError } from "./errors/timeout.js";
export { ChainStalledError, type ChainStalledFields } from "./errors/chainStalled.js";
export { CanceledError } from "./errors/canceled.js";
export { NotFoundError } from "./errors/notFound.js";
export { FailedError, type FailedErrorFields } from "./errors/failed.js";
export { ConflictError } from "./errors/conflict.js";
export { InfraError } from "./errors/infra.js";
export { isCanceled, isFailed, isNotFound, isTimeout } from "./errors/predicates.js";

export {
  earliestHeight,
  fetchStatus,
  latestHeight,
  operatorAccount,
  stakingValidators,
  waitCaughtUp,
  waitChainAdvances,
  waitEvmServing,
  waitHeightAdvances,
  waitRecovered,
  waitRestServing,
  type ChainAdvance,
  type ChainAdvanceOptions,
  type ChainTarget,
  type NodeStatus,
  type ProbeOptions,
  type Recovered,
  type RecoveredOptions,
  type RecoveringNode,
  type RpcSource,
  type StakingValidator,
  type WaitOptions,
} from "./readiness/index.js";

export {
  FIELD_MANAGER,
  LABEL_MANAGED_BY,
  LABEL_NETWORK,
  LABEL_ROLE,
  LABEL_RUN,
  LABEL_SESSION,
  MANAGED_BY,
  ROLE_NODE,
} from "./labels.js";

export { dumpNetwork, type DumpOptions } from "./dump/dumpNetwork.js";
export {
  collectGarbage,
  type GcOptions,
  type GcReport,
  type SweptSession,
} from "./session/collectGarbage.js";
export type { Session } from "./session/session.js";
export type { SessionEntry } from "./session/sessionStore.js";
export type { ReapResult } from "./session/reapSession.js";

export { installSeid, type InstallSeidOptions, type InstalledSeid } from "./seid/installSeid.js";
export {
  resolveSeid,
  type ResolveSeidOptions,
  type ResolvedSeid,
  type SeidSource,
} from "./seid/resolveSeid.js";
export { ensureSeid, type EnsureSeidOptions } from "./seid/ensureSeid.js";
export { SEI_CHAIN_COMMIT, SEI_CHAIN_MODULE, SEI_CHAIN_RELEASE } from "./seid/pinned.js";
export {
  upgradeNetwork,
  type UpgradeNetworkOptions,
  type UpgradeReport,
} from "./rehearsal/upgradeNetwork.js";
export {
  buildSeidImage,
  type BuildSeidImageOptions,
  type BuiltSeidImage,
} from "./providers/docker/image/buildSeidImage.js";
export {
  inspectSeidImage,
  type InspectSeidImageOptions,
  type SeidImage,
} from "./providers/docker/image/inspectSeidImage.js";
