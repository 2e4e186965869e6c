import { seidImage } from "../../../bringUp/seidImage.js";
import { loadManifest } from "../../../manifest/loadManifest.js";
import { open } from "../../../registry/open.js";
import { readArchiveManifest } from "../../../templates/archiveFile.js";
import type { Command } from "../../command.js";
import { MODE_OPTION, NAMESPACE_OPTION } from "../../flags.js";
import { UP_USAGE, planUp } from "./plan.js";
import { renderUp, upDocument } from "./report.js";
import { runUp } from "./run.js";

/** `seinet up`: a network with follower RPC nodes, ready to test against (local processes or containers). */
export const upCommand: Command = {
  name: "up",
  summary: "Start a network (validators + follower RPC nodes) and print its endpoints",
  usage: `${UP_USAGE}

  -f, --file FILE  A manifest (YAML or JSON; schema: seinet/schema/seinet.schema.json) with the
                   network, its followers and run options. Flags override the file: --name,
                   --validators, --chain-id, --namespace, --binary, --image, --mode and --timeout
                   replace its value; --genesis and --config replace the same key and keep the
                   others; --account adds an account; --rpc-nodes M replaces its followers with M
                   named NAME-rpc-<i>.
  --from FILE      Start from a portable checkpoint (\`seinet checkpoint export\`): its chain, keys,
                   chain id and height, under --name with fresh ports (local mode; same seid).`,
  options: {
    ...NAMESPACE_OPTION,
    ...MODE_OPTION,
    file: { type: "string", short: "f" },
    from: { type: "string" },
    image: { type: "string" },
    validators: { type: "string" },
    "rpc-nodes": { type: "string" },
    name: { type: "string" },
    "chain-id": { type: "string" },
    genesis: { type: "string", multiple: true },
    config: { type: "string", multiple: true },
    account: { type: "string", multiple: true },
    timeout: { type: "string" },
    binary: { type: "string" },
    timings: { type: "boolean" },
    "keep-on-failure": { type: "boolean" },
    "show-key": { type: "boolean" },
    fresh: { type: "boolean" },
  },
  async run({ values, positionals, output, signal }) {
    const file = typeof values.file === "string" ? values.file : undefined;
    const manifest = file === undefined ? undefined : await loadManifest(file, { signal });
    const from = typeof values.from === "string" ? values.from : undefined;
    const archive =
      from === undefined ? undefined : { file: from, manifest: await readArchiveManifest(from, signal) };
    const plan = planUp({ values, positionals }, manifest, archive);
    const started = performance.now();
    const progress = (line: string) =>
      output.progress(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}`);
    const image =
      plan.mode === "docker" ? (plan.image ?? (await seidImage(plan.binary, progress, signal))) : undefined;
    // Held in a session until it succeeds: a `kill -9` of `up` mid-way leaves nothing behind.
    const client = await open(plan.mode, {
      namespace: plan.namespace,
      onProgress: progress,
      signal,
      session: true,
    });
    try {
      const result = await runUp(client, { ...plan, image }, { signal, progress }).catch(async (err) => {
        // --keep-on-failure keeps the network for a post-mortem: the session must not reap it either.
        if (plan.keepOnFailure) await client.session?.releaseAll();
        throw err;
      });
      await client.session?.releaseAll();
      output.result(upDocument(result, plan), () => renderUp(result, plan));
    } finally {
      await client.close();
    }
  },
};
