// Plain ESM tests (node --experimental-vm-modules), no transform.
export default {
  testEnvironment: "node",
  transform: {},
  testMatch: ["<rootDir>/test/**/*.test.mjs"],
  globalSetup: "<rootDir>/seinet.setup.mjs",
  globalTeardown: "<rootDir>/seinet.teardown.mjs",
  // A dump of the network (logs, status, configs; no keys) when a test file fails.
  reporters: ["default", "seinet/jest/reporter"],
  maxWorkers: 2,
  testTimeout: 60_000,
};
