// The extension: starts the language server (`blueprint lsp`) from the
// user's environment and opens the live preview beside a .bp editor.

import * as vscode from "vscode";
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { PreviewPanel } from "./preview";
import { serverCommand, type ServerSettings } from "./serverCommand";

export const LANGUAGE_ID = "service-blueprint";

// The client being started or running; the preview waits for it to start.
let client: Promise<LanguageClient> | undefined;
let output: vscode.LogOutputChannel | undefined;

function serverOptions(): ServerOptions {
  const settings = vscode.workspace.getConfiguration("blueprint.server");
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const server = serverCommand(
    {
      path: settings.get<string>("path"),
      args: settings.get<string[]>("args"),
      env: settings.get<Record<string, string>>("env"),
    } satisfies Partial<ServerSettings>,
    folder,
    process.env,
  );
  return { command: server.command, args: server.args, options: { env: server.env } };
}

async function startClient(): Promise<LanguageClient> {
  output ??= vscode.window.createOutputChannel("Blueprint", { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: LANGUAGE_ID },
      { scheme: "untitled", language: LANGUAGE_ID },
    ],
    outputChannel: output,
  };
  const started = new LanguageClient("blueprint", "Blueprint", serverOptions(), clientOptions);
  try {
    await started.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window
      .showErrorMessage(
        `The blueprint language server did not start (${message}). Install the blueprint package, or set "blueprint.server.path" to its program.`,
        "Open Settings",
      )
      .then((choice) => {
        if (choice !== undefined) {
          void vscode.commands.executeCommand("workbench.action.openSettings", "blueprint.server");
        }
      });
  }
  return started;
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old !== undefined) {
    const running = await old;
    if (running.isRunning()) {
      await running.stop().catch(() => undefined);
    }
  }
}

async function restartClient(): Promise<void> {
  await stopClient();
  client = startClient();
  await client;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const currentClient = async (): Promise<LanguageClient | undefined> => client;
  context.subscriptions.push(
    vscode.commands.registerCommand("blueprint.showPreview", () =>
      PreviewPanel.show(context.extensionUri, currentClient, vscode.window.activeTextEditor?.document),
    ),
    vscode.commands.registerCommand("blueprint.restartServer", restartClient),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("blueprint.server")) {
        void restartClient();
      }
    }),
  );
  client = startClient();
  await client;
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
