// Test PKI made with the openssl CLI: a CA, an apiserver serving cert for
// 127.0.0.1/localhost signed by it, and a service-account RSA key pair.
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TestPki {
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  saPrivateKey: string;
  saPublicKey: string;
}

async function openssl(args: string[]): Promise<void> {
  try {
    await run("openssl", args, { timeout: 30_000 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") {
      throw new Error("the openssl CLI is required to generate test certificates but was not found on PATH");
    }
    throw new Error(`openssl ${args[0]} failed: ${e.stderr?.trim() || e.message}`);
  }
}

export async function assertOpenssl(): Promise<void> {
  await openssl(["version"]);
}

export async function generatePki(dir: string): Promise<TestPki> {
  const p = (name: string) => join(dir, name);
  const pki: TestPki = {
    caCert: p("ca.crt"),
    caKey: p("ca.key"),
    serverCert: p("apiserver.crt"),
    serverKey: p("apiserver.key"),
    saPrivateKey: p("sa.key"),
    saPublicKey: p("sa.pub"),
  };
  const rsa = ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"];

  await writeFile(
    p("ca.cnf"),
    [
      "[req]",
      "distinguished_name = dn",
      "prompt = no",
      "[dn]",
      "CN = seinet-test-ca",
      "[v3_ca]",
      "basicConstraints = critical, CA:TRUE",
      "keyUsage = critical, keyCertSign, cRLSign, digitalSignature",
      "subjectKeyIdentifier = hash",
      "",
    ].join("\n"),
  );
  await writeFile(
    p("apiserver.ext"),
    [
      "basicConstraints = critical, CA:FALSE",
      "keyUsage = critical, digitalSignature, keyEncipherment",
      "extendedKeyUsage = serverAuth",
      "subjectAltName = IP:127.0.0.1, DNS:localhost, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc",
      "authorityKeyIdentifier = keyid",
      "",
    ].join("\n"),
  );

  await Promise.all([
    openssl(["genpkey", ...rsa, "-out", pki.caKey]),
    openssl(["genpkey", ...rsa, "-out", pki.serverKey]),
    openssl(["genpkey", ...rsa, "-out", pki.saPrivateKey]),
  ]);
  await openssl(["pkey", "-in", pki.saPrivateKey, "-pubout", "-out", pki.saPublicKey]);
  await openssl([
    "req",
    "-x509",
    "-new",
    "-key",
    pki.caKey,
    "-config",
    p("ca.cnf"),
    "-extensions",
    "v3_ca",
    "-days",
    "2",
    "-out",
    pki.caCert,
  ]);
  await openssl([
    "req",
    "-new",
    "-key",
    pki.serverKey,
    "-subj",
    "/CN=kube-apiserver",
    "-out",
    p("apiserver.csr"),
  ]);
  await openssl([
    "x509",
    "-req",
    "-in",
    p("apiserver.csr"),
    "-CA",
    pki.caCert,
    "-CAkey",
    pki.caKey,
    "-set_serial",
    "2",
    "-days",
    "2",
    "-extfile",
    p("apiserver.ext"),
    "-out",
    pki.serverCert,
  ]);
  return pki;
}
