// The real sei-k8s-controller on top of the test cluster (etcd +
// kube-apiserver): kube-controller-manager (StatefulSets -> Pods, garbage
// collection, PVC binding through its hostPath provisioner),
// kube-scheduler, KWOK (one fake Node; pods bound to it are reported Running,
// and its kubelet API serves port-forwards and logs), gofakes3 (in-memory S3),
// the pod runner (test/kube/podRunner.ts: each SeiNode pod's seid-init,
// sidecar and seid as real processes) and the controller itself, all on
// loopback ports. The controller's plans run to the end against the real
// sidecars, and the networks they make commit blocks.
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CoreV1Api, RbacAuthorizationV1Api, StorageV1Api } from "@kubernetes/client-node";
import { stringify } from "yaml";
import { testSeid } from "../local/seid.js";
import { installController, repoRoot } from "./binaries.js";
import { type TestCluster, type TestClusterOptions, startTestCluster } from "./cluster.js";
import { installCrds } from "./crds.js";
import { httpsGet } from "./https.js";
import { type PodRunner, startPodRunner } from "./podRunner.js";
import { freePorts } from "./ports.js";
import { type ManagedProcess, describeExit, inOwnMounts, startProcess } from "./processes.js";
import { isApiStatus } from "./resources.js";
import { waitFor } from "./wait.js";

/** The fake Node's name; KWOK manages it through the annotation below. */
export const KWOK_NODE = "kwok-node-0";
const KWOK_ANNOTATION = "kwok.x-k8s.io/node";

/**
 * The controller's app config. Every field is required by this controller
 * version (platform.Config.Validate); sizes and requests are small so the
 * fake Node fits every pod and the hostPath provisioner makes tiny volumes.
 */
export const CONTROLLER_CONFIG = {
  scheduling: {
    nodepoolName: "sei-node",
    nodepoolArchive: "sei-archive",
    tolerationKey: "sei.io/workload",
    serviceAccount: "seid-node",
  },
  storage: {
    classPerf: "seinet-perf",
    classDefault: "seinet-default",
    classArchive: "seinet-archive",
    sizeDefault: "1Gi",
    sizeArchive: "2Gi",
  },
  resources: { cpuArchive: "100m", memArchive: "128Mi", cpuDefault: "100m", memDefault: "128Mi" },
  snapshot: { bucket: "seinet-snapshots", region: "us-east-1" },
  resultExport: { bucket: "seinet-results", region: "us-east-1", prefix: "shadow-results/" },
  genesis: { bucket: "seinet-genesis", region: "us-east-1" },
  images: {
    sidecar: "ghcr.io/sei-protocol/seictl:v0.0.68",
    kubeRBACProxy: "quay.io/brancz/kube-rbac-proxy:v0.19.1",
    cosmosExporter: "ghcr.io/sei-protocol/sei-cosmos-exporter:latest",
  },
} as const;

const BUCKETS = [
  CONTROLLER_CONFIG.snapshot.bucket,
  CONTROLLER_CONFIG.resultExport.bucket,
  CONTROLLER_CONFIG.genesis.bucket,
];
const READY_TIMEOUT_MS = 60_000;
/** The controller's own identity: its sidecar calls carry this service account's token. */
const CONTROLLER_NAMESPACE = "seinet-system";
const CONTROLLER_SERVICE_ACCOUNT = "sei-k8s-controller";
/** Where the controller reads its token (hard-coded in its sidecartransport package). */
const TOKEN_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";
/**
 * The controller runs in its own mount namespace with a tmpfs over /run and
 * its token at the in-pod path, as a kubelet would mount it; nothing on the
 * machine changes.
 */
const IN_POD_TOKEN = `set -e
mount -t tmpfs -o size=1m,mode=0755 seinet-run /run
mkdir -p ${TOKEN_DIR}
cp "$1" ${TOKEN_DIR}/token
shift
exec "$@"`;

/** The test cluster's options: the signal aborts the whole startup, `log` gets every phase. */
export interface ControllerEnvOptions extends TestClusterOptions {}

export interface ControllerEnv extends AsyncDisposable {
  /** The apiserver + etcd underneath (admin kubeconfig, CRDs, tokens). */
  readonly cluster: TestCluster;
  /** Admin kubeconfig, the one to hand to `open("k8s", { kubeconfig })`. */
  readonly kubeconfigPath: string;
  /** http://127.0.0.1:<port> of gofakes3. */
  readonly s3Endpoint: string;
  /** The SeiNode pods' sidecars and the proxy in front of them. */
  readonly pods: PodRunner;
  /** Every child process, etcd first, the controller last. */
  readonly processes: readonly ManagedProcess[];
  /** Milliseconds from the call to everything being healthy. */
  readonly startupMs: number;
  /** Stops every child (controller first) and removes temp files. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts the test cluster and, on top of it, everything the real controller
 * needs to turn a SeiNetwork into scheduled, "Running" pods. Children are
 * reaped on stop() and (SIGKILL) if the process exits without stopping.
 */
export async function startControllerEnv(options: ControllerEnvOptions = {}): Promise<ControllerEnv> {
  const { signal } = options;
  const started = Date.now();
  const log = (line: string) => options.log?.(line);
  const phase = (name: string) => log(`controller-env: ${name} (+${Date.now() - started} ms)`);

  const bins = await installController(options);
  signal?.throwIfAborted();
  phase(`binaries in ${bins.dir}`);
  const cluster = await startTestCluster(options);
  const children: ManagedProcess[] = [];
  let pods: PodRunner | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // Volumes still claimed (a Retain network's, a test that failed midway)
      // are directories kube-controller-manager made on this machine.
      const volumes = await hostPathVolumes(cluster).catch(() => []);
      const [controller, ...rest] = [...children].reverse();
      await controller?.stop(5000);
      await pods?.stop();
      for (const child of rest) await child.stop(5000);
      await cluster.stop();
      for (const path of volumes) await rm(path, { recursive: true, force: true });
    })();
    return stopping;
  };

  try {
    const dir = join(cluster.dir, "controller-env");
    await mkdir(dir, { recursive: true });
    const kubeconfig = cluster.kubeconfigPath;
    const kc = cluster.kubeConfig();
    const childDied = (): Error | undefined => {
      for (const child of [...cluster.processes, ...children]) {
        const exit = child.exit();
        if (exit) return new Error(`${child.name} exited (${describeExit(exit)}):\n${child.tail(40)}`);
      }
      return undefined;
    };
    const [kcmPort, schedPort, s3Port, probePort, kwokPort] = (await freePorts(5)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    // KWOK serves the node's kubelet API (port-forward, logs) where the
    // apiserver looks for it; the pod runner's PortForward and Logs objects say
    // where each pod's ports and seid log files are.
    await installCrds(kc, bins.kwokCrds, { timeoutMs: READY_TIMEOUT_MS, signal });

    const kcm = startProcess(
      "kube-controller-manager",
      bins.controllerManager,
      [
        `--kubeconfig=${kubeconfig}`,
        `--authentication-kubeconfig=${kubeconfig}`,
        `--authorization-kubeconfig=${kubeconfig}`,
        `--service-account-private-key-file=${cluster.saPrivateKeyPath}`,
        `--root-ca-file=${cluster.caCertPath}`,
        "--controllers=*",
        // Dynamic hostPath volumes under /tmp for the storage classes below:
        // PVCs bind, so the scheduler can place pods that claim them.
        "--enable-hostpath-provisioner=true",
        "--leader-elect=false",
        "--bind-address=127.0.0.1",
        `--secure-port=${kcmPort}`,
        `--cert-dir=${join(dir, "kcm-certs")}`,
        "--profiling=false",
        "--v=1",
      ],
      join(dir, "kube-controller-manager.log"),
    );
    children.push(kcm);
    const sched = startProcess(
      "kube-scheduler",
      bins.scheduler,
      [
        `--kubeconfig=${kubeconfig}`,
        `--authentication-kubeconfig=${kubeconfig}`,
        `--authorization-kubeconfig=${kubeconfig}`,
        "--leader-elect=false",
        "--bind-address=127.0.0.1",
        `--secure-port=${schedPort}`,
        `--cert-dir=${join(dir, "scheduler-certs")}`,
        "--profiling=false",
        "--v=1",
      ],
      join(dir, "kube-scheduler.log"),
    );
    children.push(sched);
    // KWOK does nothing without Stage objects in its config (and would read
    // ~/.kwok/kwok.yaml without --config): the fast node and pod stages.
    const kwokConfig = join(repoRoot, "test", "kube", "kwok-stages.yaml");
    const kwok = startProcess(
      "kwok",
      bins.kwok,
      [
        `--kubeconfig=${kubeconfig}`,
        `--config=${kwokConfig}`,
        "--manage-all-nodes=false",
        `--manage-nodes-with-annotation-selector=${KWOK_ANNOTATION}=fake`,
        "--node-ip=127.0.0.1",
        "--cidr=10.244.0.0/16",
        `--server-address=127.0.0.1:${kwokPort}`,
        `--node-port=${kwokPort}`,
        "--enable-crds=PortForward,Logs",
      ],
      join(dir, "kwok.log"),
    );
    children.push(kwok);
    const s3Endpoint = `http://127.0.0.1:${s3Port}`;
    const gofakes3 = startProcess(
      "gofakes3",
      bins.gofakes3,
      ["-host", `127.0.0.1:${s3Port}`, "-backend", "memory", "-autobucket"],
      join(dir, "gofakes3.log"),
    );
    children.push(gofakes3);
    phase("kube-controller-manager, kube-scheduler, kwok and gofakes3 started");

    await createFakeNode(kc);
    await createStorageClasses(kc);

    const health = async (name: string, port: number) =>
      waitFor(
        async () => {
          const res = await httpsGet(`https://127.0.0.1:${port}/healthz`, { insecure: true });
          return res.status === 200
            ? { done: true, value: undefined }
            : { done: false, note: `HTTP ${res.status}` };
        },
        {
          what: `waiting for ${name} /healthz`,
          timeoutMs: READY_TIMEOUT_MS,
          intervalMs: 200,
          signal,
          fatal: childDied,
        },
      );
    await health("kube-controller-manager", kcmPort);
    await health("kube-scheduler", schedPort);
    await waitFor(
      async () => {
        for (const bucket of BUCKETS) {
          const res = await fetch(`${s3Endpoint}/${bucket}`, {
            method: "PUT",
            signal: AbortSignal.timeout(2000),
          });
          if (!res.ok && res.status !== 409)
            return { done: false, note: `PUT /${bucket}: HTTP ${res.status}` };
        }
        return { done: true, value: undefined };
      },
      {
        what: `creating buckets on gofakes3 ${s3Endpoint}`,
        timeoutMs: READY_TIMEOUT_MS,
        intervalMs: 100,
        signal,
        fatal: childDied,
      },
    );
    await waitFor(
      async () => {
        const node = await kc.makeApiClient(CoreV1Api).readNode({ name: KWOK_NODE });
        const ready = node.status?.conditions?.find((c) => c.type === "Ready");
        return ready?.status === "True"
          ? { done: true, value: undefined }
          : { done: false, note: `Ready=${ready?.status}` };
      },
      {
        what: `waiting for KWOK to report node ${KWOK_NODE} Ready`,
        timeoutMs: READY_TIMEOUT_MS,
        intervalMs: 200,
        signal,
        fatal: childDied,
        detail: () => `kwok log tail:\n${kwok.tail(20)}`,
      },
    );
    phase("controller-manager and scheduler healthy, buckets made, KWOK node Ready");

    const s3Env = {
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "seinet",
      AWS_SECRET_ACCESS_KEY: "seinet-secret",
      AWS_ENDPOINT_URL_S3: s3Endpoint,
      AWS_S3_FORCE_PATH_STYLE: "true",
    };
    pods = await startPodRunner({
      kc,
      nodeName: KWOK_NODE,
      dir: join(dir, "pod-runner"),
      seictl: bins.seictl,
      seid: await testSeid(),
      env: s3Env,
      log,
    });
    const tokenPath = join(dir, "controller-token");
    await writeFile(tokenPath, await controllerToken(kc), { mode: 0o600 });
    await chmod(tokenPath, 0o600);
    phase(`pod runner on ${pods.proxyUrl}; controller service account token made`);

    const configPath = join(dir, "controller-config.yaml");
    await writeFile(configPath, stringify(CONTROLLER_CONFIG));
    const controller = startProcess(
      "sei-k8s-controller",
      "unshare",
      inOwnMounts(IN_POD_TOKEN, [
        "sh",
        tokenPath,
        bins.controller,
        `-kubeconfig=${kubeconfig}`,
        "-leader-elect=false",
        "-metrics-bind-address=0",
        `-health-probe-bind-address=127.0.0.1:${probePort}`,
      ]),
      join(dir, "sei-k8s-controller.log"),
      {
        SEI_CONTROLLER_CONFIG: configPath,
        SEI_GATEWAY_NAME: "sei-gateway",
        SEI_GATEWAY_NAMESPACE: "gateway",
        SEI_GATEWAY_DOMAIN: "seinet.test",
        // Its sidecar calls (http://<pod>.<node>.<ns>.svc.cluster.local:8443)
        // go to the pod runner; Go never proxies loopback, so the apiserver
        // is reached directly.
        HTTP_PROXY: pods.proxyUrl,
        ...s3Env,
      },
    );
    children.push(controller);
    await waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${probePort}/readyz`, {
          signal: AbortSignal.timeout(2000),
        });
        return res.ok ? { done: true, value: undefined } : { done: false, note: `HTTP ${res.status}` };
      },
      {
        what: "waiting for sei-k8s-controller /readyz",
        timeoutMs: READY_TIMEOUT_MS,
        intervalMs: 200,
        signal,
        fatal: childDied,
        detail: () => `sei-k8s-controller log tail:\n${controller.tail(20)}`,
      },
    );
    phase("sei-k8s-controller ready");

    return {
      cluster,
      kubeconfigPath: kubeconfig,
      s3Endpoint,
      pods,
      processes: [...cluster.processes, ...children],
      startupMs: Date.now() - started,
      stop,
      [Symbol.asyncDispose]: stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * A token of the controller's own service account, allowed to act on SeiNode
 * tasks (what each pod's kube-rbac-proxy checks with a SubjectAccessReview).
 */
async function controllerToken(kc: ReturnType<TestCluster["kubeConfig"]>): Promise<string> {
  const core = kc.makeApiClient(CoreV1Api);
  const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
  const name = CONTROLLER_SERVICE_ACCOUNT;
  const namespace = CONTROLLER_NAMESPACE;
  const ignoreExists = (err: unknown) => {
    if (!isApiStatus(err, 409)) throw err;
  };
  await core.createNamespace({ body: { metadata: { name: namespace } } }).catch(ignoreExists);
  await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name } } }).catch(ignoreExists);
  await rbac
    .createClusterRole({
      body: {
        metadata: { name: "seinet-sidecar-client" },
        rules: [
          {
            apiGroups: ["sei.io"],
            resources: ["seinodetasks"],
            verbs: ["get", "list", "create", "update", "patch", "delete"],
          },
        ],
      },
    })
    .catch(ignoreExists);
  await rbac
    .createClusterRoleBinding({
      body: {
        metadata: { name: "seinet-sidecar-client" },
        roleRef: {
          apiGroup: "rbac.authorization.k8s.io",
          kind: "ClusterRole",
          name: "seinet-sidecar-client",
        },
        subjects: [{ kind: "ServiceAccount", name, namespace }],
      },
    })
    .catch(ignoreExists);
  const request = await core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [], expirationSeconds: 24 * 3600 } },
  });
  const token = request.status?.token;
  if (!token) throw new Error(`no token issued for service account ${namespace}/${name}`);
  return token;
}

async function createFakeNode(kc: ReturnType<TestCluster["kubeConfig"]>): Promise<void> {
  const capacity = { cpu: "32", memory: "256Gi", pods: "110", "ephemeral-storage": "1Ti" };
  try {
    await kc.makeApiClient(CoreV1Api).createNode({
      body: {
        metadata: {
          name: KWOK_NODE,
          annotations: { [KWOK_ANNOTATION]: "fake", "node.alpha.kubernetes.io/ttl": "0" },
          labels: {
            "kubernetes.io/hostname": KWOK_NODE,
            "kubernetes.io/os": "linux",
            "kubernetes.io/arch": "amd64",
            type: "kwok",
            // The controller requires this node affinity (scheduling.nodepoolName).
            "karpenter.sh/nodepool": CONTROLLER_CONFIG.scheduling.nodepoolName,
          },
        },
        status: { capacity, allocatable: capacity },
      },
    });
  } catch (err) {
    if (!isApiStatus(err, 409)) throw err;
  }
}

async function createStorageClasses(kc: ReturnType<TestCluster["kubeConfig"]>): Promise<void> {
  const { classPerf, classDefault, classArchive } = CONTROLLER_CONFIG.storage;
  for (const name of new Set([classPerf, classDefault, classArchive])) {
    try {
      await kc.makeApiClient(StorageV1Api).createStorageClass({
        body: {
          metadata: { name },
          provisioner: "kubernetes.io/host-path",
          reclaimPolicy: "Delete",
          volumeBindingMode: "Immediate",
        },
      });
    } catch (err) {
      if (!isApiStatus(err, 409)) throw err;
    }
  }
}

/** Where kube-controller-manager's hostPath provisioner puts volumes (fixed in its source). */
const HOSTPATH_ROOT = "/tmp/hostpath_pv/";

async function hostPathVolumes(cluster: TestCluster): Promise<string[]> {
  // Bounded: a stop must not hang on an apiserver that no longer answers.
  let timer: NodeJS.Timeout | undefined;
  const pvs = await Promise.race([
    cluster.kubeConfig().makeApiClient(CoreV1Api).listPersistentVolume(),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("listing volumes timed out")), 5000);
    }),
  ]).finally(() => clearTimeout(timer));
  return pvs.items.flatMap((pv) => {
    const path = pv.spec?.hostPath?.path;
    return path?.startsWith(HOSTPATH_ROOT) ? [path] : [];
  });
}
