import { registeredProviders } from "../../../registry/open.js";
import { MODE_ENV } from "../../../registry/selectMode.js";
import type { Command } from "../../command.js";
import { table } from "../../output.js";

/** `seinet modes`: the modes `open` accepts and the variables that select them. */
export const modesCommand: Command = {
  name: "modes",
  summary: "List the modes (providers) this installation knows",
  usage: "seinet modes [--json]",
  options: {},
  async run({ output }) {
    const byMode = Object.fromEntries(Object.entries(MODE_ENV).map(([env, mode]) => [mode, env]));
    const modes = registeredProviders().map((mode) => ({ mode, selectedBy: byMode[mode] }));
    output.result({ command: "modes", modes }, () =>
      table(
        ["MODE", "SELECTED BY"],
        modes.map((m) => [m.mode, m.selectedBy ?? "-"]),
      ),
    );
  },
};
