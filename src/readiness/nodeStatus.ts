/** What a Tendermint `/status` says about a node's sync state. */
export interface NodeStatus {
  /** Height of the newest block the node has. */
  latestHeight: number;
  /** Height of the oldest block the node still has (above 1 after state sync or pruning). */
  earliestHeight: number;
  /** True while the node is still syncing (block sync or state sync). */
  catchingUp: boolean;
  /** When the newest block was made (`sync_info.latest_block_time`), ISO 8601. */
  latestBlockTime?: string;
  /** The chain id, from `node_info.network`. */
  network?: string;
  /** The node's P2P id, from `node_info.id`. */
  nodeId?: string;
  /** Its consensus address (upper-case hex), from `validator_info.address`: what names it in the validator set. */
  validatorAddress?: string;
}
