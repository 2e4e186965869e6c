/**
 * Where a node remembers peers it met (sei-tendermint's peer store, and the
 * addrbook of older layouts), relative to its home: a clone of a template
 * drops them, so it never dials another clone's nodes.
 */
export const PEER_MEMORY = ["config/addrbook.json", "data/tendermint/peerstore.db", "data/peerstore.db"];

/** True for a path (relative to a home) inside a node's peer memory. */
export const isPeerMemory = (rel: string): boolean =>
  PEER_MEMORY.some((p) => rel === p || rel.startsWith(`${p}/`));
