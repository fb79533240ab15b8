import assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { serverCommand } from "../serverCommand";

const FOLDER = path.join(path.sep, "projects", "bank");

test("by default, `blueprint lsp` from PATH", () => {
  const server = serverCommand({}, FOLDER, { PATH: "/usr/bin" });
  assert.equal(server.command, "blueprint");
  assert.deepEqual(server.args, ["lsp"]);
  assert.equal(server.env.PATH, "/usr/bin");
});

test("an empty path setting is the default", () => {
  assert.equal(serverCommand({ path: "  " }, FOLDER, {}).command, "blueprint");
});

test("a bare name stays a name for PATH, even in a workspace", () => {
  assert.equal(serverCommand({ path: "blueprint-dev" }, FOLDER, {}).command, "blueprint-dev");
});

test("a relative path with a folder is the workspace's", () => {
  const server = serverCommand({ path: ".venv/bin/blueprint" }, FOLDER, {});
  assert.equal(server.command, path.join(FOLDER, ".venv", "bin", "blueprint"));
});

test("~ is the home folder", () => {
  assert.equal(serverCommand({ path: "~/bin/blueprint" }, undefined, {}).command, path.join(os.homedir(), "bin", "blueprint"));
});

test("an absolute path is used as it is", () => {
  const absolute = path.join(path.sep, "opt", "blueprint", "bin", "blueprint");
  assert.equal(serverCommand({ path: absolute }, FOLDER, {}).command, absolute);
});

test("arguments and environment come from the settings", () => {
  const server = serverCommand(
    { args: ["lsp", "--log-level", "debug"], env: { BLUEPRINT_CACHE: "off" } },
    FOLDER,
    { PATH: "/usr/bin", BLUEPRINT_CACHE: "on" },
  );
  assert.deepEqual(server.args, ["lsp", "--log-level", "debug"]);
  assert.equal(server.env.BLUEPRINT_CACHE, "off");
  assert.equal(server.env.PATH, "/usr/bin");
});
