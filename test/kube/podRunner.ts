// What a kubelet would do for the SeiNode pods KWOK runs, as far as the
// controller's plans need: each pod's `sei-sidecar` container becomes a real
// `seictl serve` process on this machine, with the pod's env and its own home,
// and a forward proxy stands in for the pod network and the pod's
// kube-rbac-proxy. The controller reaches it through HTTP_PROXY: a request for
// `http://<pod>.<node>.<ns>.svc.cluster.local:8443/...` is authenticated the
// way kube-rbac-proxy does it (TokenReview of the bearer token, then a
// SubjectAccessReview with the pod's rbac-proxy ConfigMap attributes) and
// forwarded to that pod's sidecar with `X-Remote-User`. Init containers run
// first, in order (seid-init: `seid init`, with the local seid whatever image
// the pod names), then the sidecar; once the sidecar says ready, seid starts
// on the pod's own loopback address (test/kube/podSeidConfig.ts), and a KWOK
// PortForward object points the pod's ports there, so port-forwards through
// the API server reach it. seid is kept as a kubelet keeps a container
// (test/kube/mainContainer.ts): its log is served through the API server, and
// when it dies the pod's status says so and it starts again with back-off.
import { mkdir, writeFile } from "node:fs/promises";
import { type IncomingMessage, type Server, type ServerResponse, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import {
  AuthenticationV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1Container,
  type V1Pod,
} from "@kubernetes/client-node";
import { parse } from "yaml";
import { type MainContainer, runMainContainer } from "./mainContainer.js";
import { putPodObject } from "./podObject.js";
import { type PodAddress, placeSeidInPod } from "./podSeidConfig.js";
import { freePorts } from "./ports.js";
import { type ManagedProcess, describeExit, inOwnMounts, startProcess } from "./processes.js";

/** The controller's names for the sidecar and the main container (noderesource.go). */
const SIDECAR_CONTAINER = "sei-sidecar";
const SEID_CONTAINER = "seid";
/** The port the controller calls: kube-rbac-proxy's in a real pod. */
const PROXY_PORT = 8443;
/** Paths kube-rbac-proxy passes without authentication (`--ignore-paths`). */
const BYPASS = new Set(["/v0/healthz", "/v0/startupz", "/v0/livez", "/v0/metrics"]);
/** `<pod>.<service>.<namespace>.svc.cluster.local`: a StatefulSet pod behind its headless Service. */
const POD_HOST = /^([a-z0-9-]+)\.([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local$/;
const POLL_MS = 300;
/** How often the main container's wait asks the sidecar whether it is ready (the pod's own script: 5 s). */
const HEALTHZ_MS = 500;
/** Runs `$@` with the hosts file `$0` over /etc/hosts, as a kubelet gives each pod its own. */
const POD_HOSTS = 'mount --bind "$0" /etc/hosts && exec "$@"';
/** How long a TokenReview + SubjectAccessReview answer is reused. */
const REVIEW_TTL_MS = 60_000;

/** One pod's sidecar as the runner runs it. */
export interface RunningPod {
  namespace: string;
  name: string;
  uid: string;
  /** The pod's filesystem root here: its volumes are under it at their in-pod paths. */
  root: string;
  /** The pod's own loopback address: its seid listens there (EVM on its own ports). */
  address: PodAddress;
  /** The sidecar's loopback port, once started. */
  sidecarPort: number;
  sidecar?: ManagedProcess;
  /** The pod's main container, seid, once the sidecar said it is ready (restarted when it exits). */
  seid?: MainContainer;
  /** Why the pod stopped starting (an init container that failed). */
  failed?: string;
}

export interface PodRunnerOptions {
  kc: KubeConfig;
  /** The node whose pods are run (KWOK's). */
  nodeName: string;
  /** Where pod homes and logs go. */
  dir: string;
  seictl: string;
  /** The seid that pods' `seid` commands run (any image the pod names). */
  seid: string;
  /** Env every sidecar gets on top of its pod's (the S3 stand-in's endpoint and credentials). */
  env: Record<string, string>;
  log?: (line: string) => void;
}

export interface PodRunner {
  /** `http://127.0.0.1:<port>`: the HTTP_PROXY the controller is given. */
  readonly proxyUrl: string;
  /** The pods the runner runs now (started, or starting). */
  pods(): RunningPod[];
  /** Stops the poll, the proxy, and every pod's seid and sidecar. Idempotent. */
  stop(): Promise<void>;
}

export async function startPodRunner(options: PodRunnerOptions): Promise<PodRunner> {
  const core = options.kc.makeApiClient(CoreV1Api);
  const authn = options.kc.makeApiClient(AuthenticationV1Api);
  const authz = options.kc.makeApiClient(AuthorizationV1Api);
  const custom = options.kc.makeApiClient(CustomObjectsApi);
  const running = new Map<string, RunningPod>();
  const reviews = new Map<string, { user: string; groups: string[]; at: number }>();
  const log = (line: string) => options.log?.(`pod-runner: ${line}`);
  let stopped = false;
  /** Pods given an address so far: the next one gets 127.42.0.<n+1>. */
  let addressed = 0;
  /** Pods being started (init containers still running): awaited on stop. */
  const starting = new Set<Promise<void>>();

  /**
   * The pod's containers see their volumes at in-pod paths (`/.sei`); here
   * each mount path lives under the pod's root, and env values that name one
   * are rewritten to match. HOME defaults to the root, as the images' `/`.
   */
  const containerEnv = (pod: V1Pod, container: V1Container, root: string): Record<string, string> => {
    const name = pod.metadata?.name as string;
    const namespace = pod.metadata?.namespace as string;
    const mounts = (container.volumeMounts ?? []).map((m) => m.mountPath);
    const local = (value: string) => {
      const mount = mounts.find((m) => value === m || value.startsWith(`${m}/`));
      return mount ? join(root, value) : value;
    };
    const env: Record<string, string> = {
      HOME: root,
      HOSTNAME: name,
      PATH: `${dirname(options.seid)}:${process.env.PATH}`,
    };
    for (const e of container.env ?? []) {
      if (e.value !== undefined) env[e.name] = local(e.value);
      else if (e.valueFrom?.fieldRef?.fieldPath === "metadata.name") env[e.name] = name;
      else if (e.valueFrom?.fieldRef?.fieldPath === "metadata.namespace") env[e.name] = namespace;
    }
    return env;
  };

  /**
   * The pod's data volume, as its root's name: a pod made again on the same
   * claim finds its files, as on a PersistentVolume; a new claim starts empty.
   */
  const volumeOf = async (pod: V1Pod): Promise<string> => {
    const claim = pod.spec?.volumes?.find((v) => v.name === "data")?.persistentVolumeClaim?.claimName;
    if (claim) {
      const pvc = await core.readNamespacedPersistentVolumeClaim({
        name: claim,
        namespace: pod.metadata?.namespace as string,
      });
      if (pvc.spec?.volumeName) return pvc.spec.volumeName;
    }
    return `${pod.metadata?.name}-${pod.metadata?.uid}`;
  };

  const startPod = async (pod: V1Pod): Promise<void> => {
    const namespace = pod.metadata?.namespace as string;
    const name = pod.metadata?.name as string;
    const key = `${namespace}/${name}`;
    const logs = join(options.dir, "pods", `${namespace}_${name}`);
    // A slot first, so the next poll does not start the pod twice.
    const [evmHttp, evmWs] = (await freePorts(2)) as [number, number];
    const n = ++addressed;
    const address = { ip: `127.42.${n >> 8}.${n & 255}`, evmHttp, evmWs };
    const slot: RunningPod = {
      namespace,
      name,
      uid: pod.metadata?.uid as string,
      root: "",
      address,
      sidecarPort: 0,
    };
    running.set(key, slot);
    const root = join(options.dir, "pods", namespace, await volumeOf(pod));
    slot.root = root;
    const volumes = (pod.spec?.initContainers ?? []).concat(pod.spec?.containers ?? []);
    for (const m of volumes.flatMap((c) => c.volumeMounts ?? [])) {
      await mkdir(join(root, m.mountPath), { recursive: true });
    }
    // Init containers in order, as a kubelet runs them: seid-init runs to
    // completion; restartable ones (native sidecars) start and keep running.
    for (const container of pod.spec?.initContainers ?? []) {
      if (stopped || running.get(key) !== slot) return;
      if (container.name === SIDECAR_CONTAINER) {
        const [sidecarPort] = (await freePorts(1)) as [number];
        slot.sidecarPort = sidecarPort;
        // The sidecar reaches its pod's seid at localhost:26657, hard-coded;
        // as in a pod, localhost must be the pod's own address, so it runs
        // with a hosts file of its own (in a mount namespace of its own).
        const hosts = `${logs}.hosts`;
        await writeFile(hosts, `${address.ip}\tlocalhost ${name}\n`);
        slot.sidecar = startProcess(
          `seictl ${key}`,
          "unshare",
          inOwnMounts(POD_HOSTS, [hosts, options.seictl, "serve"]),
          `${logs}.${container.name}.log`,
          {
            ...containerEnv(pod, container, root),
            ...options.env,
            SEI_SIDECAR_PORT: String(sidecarPort),
          },
        );
        log(`${key}: seictl serve on 127.0.0.1:${sidecarPort}, pod root ${root}`);
        continue;
      }
      if (container.restartPolicy === "Always") continue; // kube-rbac-proxy: the proxy above plays it
      const [command, ...args] = [...(container.command ?? []), ...(container.args ?? [])];
      if (!command) continue;
      const init = startProcess(
        `${container.name} ${key}`,
        command === "seid" ? options.seid : command,
        args,
        `${logs}.${container.name}.log`,
        containerEnv(pod, container, root),
      );
      const exit = await init.exited;
      if (exit.code !== 0) {
        slot.failed = `${container.name} exited (${describeExit(exit)}): ${init.tail(5)}`;
        log(`${key}: ${slot.failed}`);
        return;
      }
    }
    const main = pod.spec?.containers.find((c) => c.name === SEID_CONTAINER);
    if (!main || !slot.sidecar) return;
    // The main container's own script: wait until the sidecar says ready
    // (its plan reached mark-ready), then `seid start --home $HOME`.
    while (!(await sidecarReady(slot))) {
      if (stopped || running.get(key) !== slot || slot.sidecar.exit()) return;
      await new Promise((resolve) => setTimeout(resolve, HEALTHZ_MS));
    }
    const env = containerEnv(pod, main, root);
    const home = env.HOME as string;
    await placeSeidInPod(home, address, (host) => {
      const match = POD_HOST.exec(host);
      return match ? running.get(`${match[3]}/${match[1]}`)?.address.ip : undefined;
    });
    if (stopped || running.get(key) !== slot) return;
    // `seid start --home $(HOME)` as such, or the bash wait script that ends
    // in `exec seid "start" "--home" "$HOME"` (the sidecar wait done above).
    const args =
      main.command?.[0] === "seid"
        ? (main.args ?? []).map((a) => a.replaceAll("$(HOME)", home))
        : ["start", "--home", home];
    const logPath = `${logs}.${main.name}.log`;
    slot.seid = await runMainContainer({
      core,
      custom,
      pod,
      container: main.name,
      logPath,
      start: () => startProcess(`seid ${key}`, options.seid, args, logPath, env, { cri: true }),
      log,
    });
    if (stopped || running.get(key) !== slot) {
      await slot.seid.stop(5000);
      return;
    }
    log(`${key}: seid started on ${address.ip} (EVM ${address.evmHttp}/${address.evmWs})`);
    await forwardPorts(pod, main, address);
  };

  /**
   * A kubelet port-forwards to the pod's network namespace; KWOK does it from
   * a PortForward object: each container port to the pod's address here (the
   * EVM ports to the pod's own).
   */
  const forwardPorts = async (pod: V1Pod, main: V1Container, at: PodAddress): Promise<void> => {
    const moved: Record<number, number> = { 8545: at.evmHttp, 8546: at.evmWs };
    const forwards = (main.ports ?? []).map((p) => ({
      ports: [p.containerPort],
      target: { port: moved[p.containerPort] ?? p.containerPort, address: at.ip },
    }));
    await putPodObject(custom, pod, "PortForward", "portforwards", { forwards });
  };

  const sidecarReady = async (pod: RunningPod): Promise<boolean> => {
    try {
      const res = await fetch(`http://127.0.0.1:${pod.sidecarPort}/v0/healthz`, {
        signal: AbortSignal.timeout(2000),
      });
      await res.body?.cancel();
      return res.status === 200;
    } catch {
      return false;
    }
  };

  const sync = async (): Promise<void> => {
    const pods = await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${options.nodeName}` });
    const seen = new Set<string>();
    for (const pod of pods.items) {
      const key = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
      const current = running.get(key);
      if (pod.metadata?.deletionTimestamp || (current && current.uid !== pod.metadata?.uid)) continue;
      seen.add(key);
      if (current) continue;
      const start = startPod(pod)
        .catch((err) => log(`${key}: ${(err as Error).message}`))
        .finally(() => starting.delete(start));
      starting.add(start);
    }
    for (const [key, pod] of running) {
      if (seen.has(key)) continue;
      running.delete(key);
      log(`${key}: pod gone, stopping its seid and sidecar`);
      await pod.seid?.stop(5000);
      await pod.sidecar?.stop(5000);
    }
  };

  let loop: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    loop = sync()
      .catch((err) => log(`sync failed: ${(err as Error).message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, POLL_MS);
      });
  };

  /** kube-rbac-proxy's check: who the bearer token is, and whether it may act on this SeiNode's tasks. */
  const review = async (token: string, namespace: string, node: string, verb: string) => {
    const key = `${token}\n${namespace}/${node}/${verb}`;
    const cached = reviews.get(key);
    if (cached && Date.now() - cached.at < REVIEW_TTL_MS) return cached;
    const tr = await authn.createTokenReview({ body: { spec: { token } } });
    if (!tr.status?.authenticated || !tr.status.user?.username) return undefined;
    const cm = await core.readNamespacedConfigMap({ name: `${node}-rbac-proxy-config`, namespace });
    const attrs = (
      parse(cm.data?.["config.yaml"] ?? "") as {
        authorization?: { resourceAttributes?: Record<string, string> };
      }
    ).authorization?.resourceAttributes;
    if (!attrs) return undefined;
    const sar = await authz.createSubjectAccessReview({
      body: {
        spec: {
          user: tr.status.user.username,
          groups: tr.status.user.groups ?? [],
          resourceAttributes: {
            group: attrs.apiGroup,
            resource: attrs.resource,
            namespace: attrs.namespace,
            name: attrs.name,
            verb,
          },
        },
      },
    });
    if (!sar.status?.allowed) return undefined;
    const answer = { user: tr.status.user.username, groups: tr.status.user.groups ?? [], at: Date.now() };
    reviews.set(key, answer);
    return answer;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const fail = (status: number, message: string) => {
      res.writeHead(status, { "content-type": "text/plain" }).end(message);
    };
    let url: URL;
    try {
      url = new URL(req.url ?? "");
    } catch {
      return fail(400, "the proxy takes absolute URLs only");
    }
    const host = POD_HOST.exec(url.hostname);
    if (!host || Number(url.port) !== PROXY_PORT) return fail(502, `no pod answers at ${url.host}`);
    const [, podName, node, namespace] = host as unknown as [string, string, string, string];
    const pod = running.get(`${namespace}/${podName}`);
    if (!pod?.sidecar || pod.sidecar.exit()) return fail(502, `pod ${namespace}/${podName} runs no sidecar`);
    // What the caller sent, less its credentials and any identity it claims.
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !DROPPED_HEADERS.has(name)),
    );
    if (!BYPASS.has(url.pathname)) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (!token) return fail(401, "Unauthorized");
      const verb = VERBS[req.method ?? "GET"] ?? "get";
      const who = await review(token, namespace, node, verb);
      if (!who) return fail(403, "Forbidden");
      headers["x-remote-user"] = who.user;
      headers["x-remote-groups"] = who.groups.join("|");
    }
    headers.host = `127.0.0.1:${pod.sidecarPort}`;
    const upstream = request(
      {
        host: "127.0.0.1",
        port: pod.sidecarPort,
        method: req.method,
        path: url.pathname + url.search,
        headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", (err) => {
      if (!res.headersSent) fail(502, `sidecar of ${namespace}/${podName}: ${err.message}`);
      else res.destroy();
    });
    req.pipe(upstream);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end((err as Error).message);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tick();

  let stopping: Promise<void> | undefined;
  return {
    proxyUrl,
    pods: () => [...running.values()],
    stop: () => {
      stopping ??= (async () => {
        stopped = true;
        clearTimeout(timer);
        await loop;
        clearTimeout(timer);
        await Promise.all(starting);
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all(
          [...running.values()].map(async (p) => {
            await p.seid?.stop(5000);
            await p.sidecar?.stop(5000);
          }),
        );
        running.clear();
      })();
      return stopping;
    },
  };
}

/** Request headers never passed to a sidecar. */
const DROPPED_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "proxy-connection",
  "x-remote-user",
  "x-remote-groups",
]);

/** kube-rbac-proxy's verb for each HTTP method. */
const VERBS: Record<string, string> = {
  GET: "get",
  HEAD: "get",
  POST: "create",
  PUT: "update",
  PATCH: "patch",
  DELETE: "delete",
};
