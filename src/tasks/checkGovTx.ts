import { UsageError } from "../errors/usage.js";
import type { GovTxSpec } from "../specs/types.js";
import { minDeposit, minimumGasPrices, parseCoinList } from "./chainParams.js";
import type { TaskTarget } from "./taskTarget.js";

/**
 * Checks a gov tx against the chain before anything is signed: the chain id,
 * fees that cover `gas` at the node's minimum gas price, and (for proposals) a
 * deposit that reaches the gov minimum so voting starts at once. Each problem
 * is a UsageError naming the field and the chain's own figure.
 */
export async function checkGovTx(
  tx: GovTxSpec & { initialDeposit?: string },
  field: string,
  node: TaskTarget,
  rest: string,
  signal?: AbortSignal,
): Promise<void> {
  if (tx.chainId !== node.chainId) {
    throw new UsageError(
      `\`${field}.chainId\` is "${tx.chainId}", but node "${node.name}" runs chain "${node.chainId}".`,
      { field: `${field}.chainId` },
    );
  }
  const prices = await minimumGasPrices(node.runtime, node.home);
  const fees = parseCoinList(tx.fees);
  for (const [denom, price] of prices) {
    const needed = BigInt(Math.ceil(price * tx.gas));
    const paid = fees.find((c) => c.denom === denom)?.amount ?? 0n;
    if (paid < needed) {
      throw new UsageError(
        `\`${field}.fees\` ${tx.fees} is below the node's minimum: gas ${tx.gas} × ${price}${denom} = ${needed}${denom}.`,
        { field: `${field}.fees` },
      );
    }
  }
  if (tx.initialDeposit !== undefined) {
    const deposit = parseCoinList(tx.initialDeposit);
    for (const min of await minDeposit(rest, signal)) {
      const paid = deposit.find((c) => c.denom === min.denom)?.amount ?? 0n;
      if (paid < min.amount) {
        throw new UsageError(
          `\`${field}.initialDeposit\` ${tx.initialDeposit} is below the gov minimum deposit ${min.amount}${min.denom}; the proposal would wait in the deposit period instead of going to a vote.`,
          { field: `${field}.initialDeposit` },
        );
      }
    }
  }
}
