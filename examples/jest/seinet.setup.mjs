// One network for the whole jest run, handed to the workers in $SEINET_NETWORK.
import { seinetGlobalSetup } from "seinet/jest";

export default seinetGlobalSetup(new URL("./seinet.yaml", import.meta.url).pathname);
