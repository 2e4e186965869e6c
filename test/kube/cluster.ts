// A real Kubernetes API server for tests: etcd + kube-apiserver built by
// scripts/install-kube.sh, on free loopback ports, with a throwaway PKI, RBAC
// authorization, TokenRequest-capable service accounts and the project's CRDs
// (deploy/crds) installed. No controller-manager, scheduler or kubelet runs.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { installKube, repoRoot } from "./binaries.js";
import { assertOpenssl, generatePki } from "./certs.js";
import { installCrds } from "./crds.js";
import { onProcessExit } from "./exitHooks.js";
import { httpsGet } from "./https.js";
import { writeKubeconfig } from "./kubeconfig.js";
import { freePorts } from "./ports.js";
import { type ManagedProcess, describeExit, startProcess } from "./processes.js";
import { ensureNamespace, ensureServiceAccount } from "./resources.js";
import { waitFor } from "./wait.js";

export { ensureNamespace } from "./resources.js";

export const SERVICE_ACCOUNT_ISSUER = "https://kubernetes.default.svc";

export interface TestClusterOptions {
  /** Aborts startup (children are reaped, temp files removed). */
  signal?: AbortSignal;
  /** Progress lines (install script output, startup phases). */
  log?: (line: string) => void;
  /** Appended to the kube-apiserver flags (e.g. --feature-gates=...). */
  extraApiserverArgs?: string[];
}

export interface TestCluster extends AsyncDisposable {
  /** https://127.0.0.1:<port> */
  readonly server: string;
  /** Admin kubeconfig (group system:masters, context namespace "default"). */
  readonly kubeconfigPath: string;
  /** Bearer token of the admin user (static token file, group system:masters). */
  readonly adminToken: string;
  /** PEM of the CA that signed the serving certificate. */
  readonly caPem: string;
  /** Names of the installed CRDs. */
  readonly crds: readonly string[];
  /** Temp directory holding the PKI, logs and kubeconfigs; removed by stop(). */
  readonly dir: string;
  /** PEM file of the CA (what kube-controller-manager's --root-ca-file wants). */
  readonly caCertPath: string;
  /**
   * The key the apiserver signs service-account tokens with; exposed so a
   * kube-controller-manager can mint tokens the apiserver accepts.
   */
  readonly saPrivateKeyPath: string;
  /** etcd and kube-apiserver, for callers that record pids to reap them from another process. */
  readonly processes: readonly ManagedProcess[];
  /** Milliseconds startTestCluster took. */
  readonly startupMs: number;
  /** A fresh admin KubeConfig loaded from kubeconfigPath. */
  kubeConfig(): KubeConfig;
  /** A 10-minute token for the service account (namespace and account are created if missing). */
  tokenFor(namespace: string, serviceAccount: string): Promise<string>;
  /** Writes a kubeconfig authenticating as the service account; returns its path. */
  kubeconfigFor(namespace: string, serviceAccount: string): Promise<string>;
  /** Stops the apiserver and etcd and removes temp files. Idempotent. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 90_000;
const ETCD_TIMEOUT_MS = 30_000;
const CRD_TIMEOUT_MS = 30_000;

export async function startTestCluster(options: TestClusterOptions = {}): Promise<TestCluster> {
  const { signal } = options;
  const started = Date.now();
  const log = (line: string) => options.log?.(line);
  const phase = (name: string) => log(`kube: ${name} (+${Date.now() - started} ms)`);

  await assertOpenssl();
  const bins = await installKube(options);
  signal?.throwIfAborted();
  phase(`binaries in ${bins.dir}`);

  const dir = await mkdtemp(join(tmpdir(), "seinet-kube-"));
  const unhookDir = onProcessExit(() => rmSync(dir, { recursive: true, force: true }));
  const children: ManagedProcess[] = [];
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // apiserver first, then etcd.
      for (const child of [...children].reverse()) await child.stop(5000);
      await rm(dir, { recursive: true, force: true });
      unhookDir();
    })();
    return stopping;
  };

  try {
    const pki = await generatePki(dir);
    const caPem = await readFile(pki.caCert, "utf8");
    signal?.throwIfAborted();
    phase("certificates generated");

    const [etcdPort, peerPort, apiPort] = (await freePorts(3)) as [number, number, number];
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    const etcd = startProcess(
      "etcd",
      bins.etcd,
      [
        "--name=default",
        `--data-dir=${join(dir, "etcd-data")}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=default=${peerUrl}`,
        "--unsafe-no-fsync=true",
        "--log-level=warn",
      ],
      join(dir, "etcd.log"),
    );
    children.push(etcd);
    const childDied = (): Error | undefined => {
      for (const child of children) {
        const exit = child.exit();
        if (exit) {
          return new Error(`${child.name} exited during startup (${describeExit(exit)}):\n${child.tail(40)}`);
        }
      }
      return undefined;
    };
    await waitFor(
      async () => {
        const res = await fetch(`${etcdUrl}/health`, { signal: AbortSignal.timeout(2000) });
        return res.ok ? { done: true, value: undefined } : { done: false, note: `HTTP ${res.status}` };
      },
      {
        what: `waiting for etcd on ${etcdUrl}`,
        timeoutMs: ETCD_TIMEOUT_MS,
        intervalMs: 100,
        signal,
        fatal: childDied,
        detail: () => `etcd log tail:\n${etcd.tail()}`,
      },
    );
    phase(`etcd healthy on ${etcdUrl}`);

    const adminToken = randomBytes(24).toString("hex");
    const tokenFile = join(dir, "tokens.csv");
    await writeFile(tokenFile, `${adminToken},admin,admin,"system:masters"\n`, { mode: 0o600 });
    const server = `https://127.0.0.1:${apiPort}`;
    const apiserver = startProcess(
      "kube-apiserver",
      bins.apiserver,
      apiserverArgs({
        etcdUrl,
        port: apiPort,
        certDir: join(dir, "apiserver-certs"),
        tlsCert: pki.serverCert,
        tlsKey: pki.serverKey,
        clientCa: pki.caCert,
        tokenFile,
        saPublicKey: pki.saPublicKey,
        saPrivateKey: pki.saPrivateKey,
      }).concat(options.extraApiserverArgs ?? []),
      join(dir, "kube-apiserver.log"),
    );
    children.push(apiserver);
    await waitFor(
      async () => {
        const res = await httpsGet(`${server}/readyz`, { ca: caPem, token: adminToken });
        if (res.status === 200) return { done: true, value: undefined };
        const failing = res.body
          .split("\n")
          .filter((l) => l.startsWith("[-]"))
          .join("; ");
        return { done: false, note: `HTTP ${res.status}${failing ? `: ${failing}` : ""}` };
      },
      {
        what: `waiting for kube-apiserver ${server}/readyz`,
        timeoutMs: READY_TIMEOUT_MS,
        intervalMs: 200,
        signal,
        fatal: childDied,
        detail: () => `kube-apiserver log tail:\n${apiserver.tail(40)}`,
      },
    );
    phase(`kube-apiserver ready on ${server}`);

    const kubeconfigPath = await writeKubeconfig(join(dir, "admin.kubeconfig"), {
      server,
      caPem,
      user: "admin",
      token: adminToken,
      namespace: "default",
    });
    const kubeConfig = () => {
      const kc = new KubeConfig();
      kc.loadFromFile(kubeconfigPath);
      return kc;
    };
    const crds = await installCrds(kubeConfig(), join(repoRoot, "deploy", "crds"), {
      timeoutMs: CRD_TIMEOUT_MS,
      signal,
    });
    phase(`CRDs established: ${crds.join(", ")}`);

    const tokenFor = async (namespace: string, serviceAccount: string): Promise<string> => {
      const kc = kubeConfig();
      await ensureNamespace(kc, namespace);
      await ensureServiceAccount(kc, namespace, serviceAccount);
      const tr = await kc.makeApiClient(CoreV1Api).createNamespacedServiceAccountToken({
        name: serviceAccount,
        namespace,
        body: { spec: { audiences: [SERVICE_ACCOUNT_ISSUER], expirationSeconds: 600 } },
      });
      const token = tr.status?.token;
      if (!token) throw new Error(`TokenRequest for ${namespace}/${serviceAccount} returned no token`);
      return token;
    };
    let saConfigs = 0;
    const kubeconfigFor = async (namespace: string, serviceAccount: string): Promise<string> =>
      writeKubeconfig(join(dir, `sa-${++saConfigs}-${namespace}-${serviceAccount}.kubeconfig`), {
        server,
        caPem,
        user: `system:serviceaccount:${namespace}:${serviceAccount}`,
        token: await tokenFor(namespace, serviceAccount),
        namespace,
      });

    return {
      server,
      kubeconfigPath,
      adminToken,
      caPem,
      crds,
      dir,
      caCertPath: pki.caCert,
      saPrivateKeyPath: pki.saPrivateKey,
      processes: children,
      startupMs: Date.now() - started,
      kubeConfig,
      tokenFor,
      kubeconfigFor,
      stop,
      [Symbol.asyncDispose]: stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

export interface ApiserverArgsInput {
  etcdUrl: string;
  port: number;
  certDir: string;
  tlsCert: string;
  tlsKey: string;
  clientCa: string;
  tokenFile: string;
  saPublicKey: string;
  saPrivateKey: string;
}

export function apiserverArgs(a: ApiserverArgsInput): string[] {
  return [
    `--etcd-servers=${a.etcdUrl}`,
    "--bind-address=127.0.0.1",
    `--secure-port=${a.port}`,
    "--advertise-address=127.0.0.1",
    `--cert-dir=${a.certDir}`,
    `--tls-cert-file=${a.tlsCert}`,
    `--tls-private-key-file=${a.tlsKey}`,
    `--client-ca-file=${a.clientCa}`,
    `--token-auth-file=${a.tokenFile}`,
    "--authorization-mode=RBAC",
    `--service-account-issuer=${SERVICE_ACCOUNT_ISSUER}`,
    `--service-account-key-file=${a.saPublicKey}`,
    `--service-account-signing-key-file=${a.saPrivateKey}`,
    `--api-audiences=${SERVICE_ACCOUNT_ISSUER}`,
    "--service-cluster-ip-range=10.0.0.0/24",
    "--disable-admission-plugins=ServiceAccount",
    "--enable-priority-and-fairness=false",
    "--watch-cache=true",
    // The default "lease" reconciler would publish 127.0.0.1 as the endpoint
    // of the kubernetes Service, which validation rejects (loopback); nothing
    // in-cluster needs that Service here.
    "--endpoint-reconciler-type=none",
    "--profiling=false",
  ];
}
