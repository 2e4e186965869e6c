export { seinetGlobalTeardown as default } from "seinet/jest";
