import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./seinet.setup.ts"],
    include: ["test/**/*.test.ts"],
    pool: "threads",
    poolOptions: { threads: { minThreads: 2, maxThreads: 2 } },
    testTimeout: 60_000,
  },
});
