// One network for the whole `vitest run`; deleted when the run ends.
import { seinetGlobalSetup } from "seinet/vitest/setup";

export default seinetGlobalSetup("./seinet.yaml");
