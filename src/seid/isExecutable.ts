import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";

/** True for an executable regular file (X_OK alone also accepts searchable directories). */
export async function isExecutable(path: string): Promise<boolean> {
  const isFile = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) return false;
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
