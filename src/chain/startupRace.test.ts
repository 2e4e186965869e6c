import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { seidStartupRace } from "./startupRace.js";

const RACE = `time=2026-12-02T05:39:49.711Z level=INFO msg="peer connected" logger=tendermint/internal/p2p
panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x20 pc=0x2570232]

goroutine 234 [running]:
internal/sync.(*Mutex).Lock(...)
	/usr/local/go/src/internal/sync/mutex.go:63
sync.(*Mutex).Lock(...)
	/usr/local/go/src/sync/mutex.go:46
github.com/sei-protocol/sei-chain/sei-tendermint/internal/consensus/types.(*HeightVoteSet).Precommits(0x0, 0x0)
	/src/sei-chain/sei-tendermint/internal/consensus/types/height_vote_set.go:148 +0x32`;

describe("seidStartupRace", () => {
  test("default: a nil pointer read in consensus's HeightVoteSet is the start-up race", () => {
    assert.equal(seidStartupRace(RACE), true);
  });

  test("error: other crashes, and no log, are not", () => {
    assert.equal(seidStartupRace(undefined), false);
    assert.equal(seidStartupRace('panic: UPGRADE "v6.6" NEEDED at height: 132: '), false);
    assert.equal(
      seidStartupRace(RACE.replace("consensus/types.(*HeightVoteSet)", "mempool.(*TxMempool)")),
      false,
      "a nil pointer elsewhere is a real failure",
    );
    assert.equal(
      seidStartupRace(
        RACE.replace("invalid memory address or nil pointer dereference", "index out of range"),
      ),
      false,
    );
  });
});
