/** Go module that holds seid. */
export const SEI_CHAIN_MODULE = "github.com/sei-protocol/sei-chain";

/**
 * The sei-chain commit seinet is tested against: release v6.6.2. Release tags
 * are not module versions (no `/v6` suffix), so a commit is pinned and `go`
 * computes the pseudo-version.
 */
export const SEI_CHAIN_COMMIT = "3e7d5ddeb06406c6b759d7e8748d972f71d4dd7c";

/** The release the pinned commit is tagged as, for messages. */
export const SEI_CHAIN_RELEASE = "v6.6.2";
