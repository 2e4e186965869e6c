// Plain ESM tests (node --experimental-vm-modules), no transform.
export default {
  testEnvironment: "node",
  transform: {},
  testMatch: ["<rootDir>/test/**/*.test.mjs"],
  globalSetup: "<rootDir>/seinet.setup.mjs",
  globalTeardown: "<rootDir>/seinet.teardown.mjs",
  maxWorkers: 2,
  testTimeout: 60_000,
};
