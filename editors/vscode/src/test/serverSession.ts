// A session with the real language server, started as the extension starts
// it (the command line serverCommand builds from the settings) and spoken to
// over stdio with the protocol library the language client itself uses.
// languageServer.test.ts drives it the way VS Code and the preview do.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";
import { serverCommand, type ServerCommand } from "../serverCommand";

/** The project's root: out/test is two folders inside editors/vscode. */
export const PROJECT = join(__dirname, "..", "..", "..", "..");

/**
 * What VS Code's language client offers for the requests the tests make:
 * UTF-16 positions, Markdown hovers and completion documentation, snippets,
 * prepareRename, and diagnostics with their code's link.
 */
const CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ["utf-16"] },
  workspace: { executeCommand: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true, willSave: true, willSaveWaitUntil: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true, dataSupport: true },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"], insertReplaceSupport: true },
    },
    hover: { dynamicRegistration: true, contentFormat: ["markdown", "plaintext"] },
    rename: { dynamicRegistration: true, prepareSupport: true },
    formatting: { dynamicRegistration: true },
  },
};

type Waiter = { uri: string; version: number | undefined; resolve: (params: PublishDiagnosticsParams) => void; reject: (error: Error) => void };

export class ServerSession {
  readonly connection: ProtocolConnection;
  private readonly waiters: Waiter[] = [];
  private stderr = "";
  private exited: Promise<number | null>;
  private readonly failed: Promise<never>;

  private constructor(readonly command: ServerCommand, child: ChildProcess) {
    const reader = new StreamMessageReader(child.stdout!);
    this.connection = createProtocolConnection(reader, new StreamMessageWriter(child.stdin!));
    child.stderr!.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
    // A program that cannot be run fails the handshake with the reason, as the client would.
    this.failed = new Promise((_, reject) => {
      child.on("error", (error) => reject(new Error(`the language server did not start: ${error.message}`)));
      void this.exited.then((code) => reject(new Error(`the language server exited (${code}):\n${this.stderr}`)));
    });
    this.failed.catch(() => undefined);
    // A server that dies fails every wait at once instead of leaving it hanging.
    void this.exited.then((code) => {
      for (const waiter of this.waiters.splice(0)) {
        waiter.reject(new Error(`the language server exited (${code}) before publishing diagnostics:\n${this.stderr}`));
      }
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const index = this.waiters.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version));
      if (index >= 0) {
        this.waiters.splice(index, 1)[0].resolve(params);
      }
    });
    this.connection.listen();
  }

  /** Starts `blueprint.server.path` = `program` with the default arguments, in the project's folder. */
  static start(program: string): ServerSession {
    const command = serverCommand({ path: program }, PROJECT, process.env);
    const child = spawn(command.command, command.args, { cwd: PROJECT, env: command.env, stdio: ["pipe", "pipe", "pipe"] });
    return new ServerSession(command, child);
  }

  /** The handshake, with no initializationOptions: the extension sends none. */
  async initialize(): Promise<InitializeResult> {
    const root = pathToFileURL(PROJECT).href;
    const answer = this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: "Visual Studio Code", version: "1.91.0" },
      locale: "en",
      rootUri: root,
      workspaceFolders: [{ uri: root, name: "blueprint" }],
      capabilities: CAPABILITIES,
    });
    const result = await Promise.race([answer, this.failed]);
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** The next diagnostics published for `uri` (at `version`, if given); ask before causing them. */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => this.waiters.push({ uri, version, resolve, reject }));
  }

  /** `blueprint <args>` from the same program and folder as the server, with `input` on stdin. */
  cli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(this.command.command, args, { cwd: PROJECT, env: this.command.env, input, encoding: "utf8" });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  /** Shutdown and exit, as the client stops the server; resolves to the exit status. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  get log(): string {
    return this.stderr;
  }
}
