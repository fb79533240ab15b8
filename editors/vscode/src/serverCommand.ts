// The command line that starts the language server, from the user's settings.

import * as os from "node:os";
import * as path from "node:path";

export interface ServerSettings {
  /** `blueprint.server.path`: a program name looked up on PATH, or a path. */
  readonly path: string;
  /** `blueprint.server.args`. */
  readonly args: readonly string[];
  /** `blueprint.server.env`: added to the editor's own environment. */
  readonly env: Readonly<Record<string, string>>;
}

export const DEFAULT_SETTINGS: ServerSettings = { path: "blueprint", args: ["lsp"], env: {} };

export interface ServerCommand {
  readonly command: string;
  readonly args: string[];
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The program, arguments and environment of the server. `~` at the start of
 * the path is the home folder; a relative path with a folder in it is taken
 * from the first workspace folder, so `.venv/bin/blueprint` means the
 * project's own environment. A bare name is left to PATH.
 */
export function serverCommand(
  settings: Partial<ServerSettings>,
  workspaceFolder: string | undefined,
  baseEnv: NodeJS.ProcessEnv,
): ServerCommand {
  const raw = (settings.path ?? "").trim() || DEFAULT_SETTINGS.path;
  let command = raw;
  if (raw === "~" || raw.startsWith("~/")) {
    command = path.join(os.homedir(), raw.slice(1));
  } else if (!path.isAbsolute(raw) && /[\\/]/.test(raw) && workspaceFolder !== undefined) {
    command = path.join(workspaceFolder, raw);
  }
  const args = Array.isArray(settings.args) ? settings.args.map(String) : [...DEFAULT_SETTINGS.args];
  return { command, args, env: { ...baseEnv, ...(settings.env ?? {}) } };
}
