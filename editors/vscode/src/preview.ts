// The live preview: one webview beside the editor, showing the drawing of
// the .bp file in the active editor, drawn again as it changes; a click on a
// card moves the cursor to the line that declares it.

import * as vscode from "vscode";
import { ExecuteCommandRequest, type LanguageClient } from "vscode-languageclient/node";
import { makeNonce, previewHtml } from "./previewHtml";
import { RENDER_COMMAND } from "./render";
import { PreviewRenderer, type PreviewUpdate } from "./renderer";

const LANGUAGE_ID = "service-blueprint";

/** The project's theme that matches the editor's: its own dark drawing in a dark editor. */
export function drawingTheme(kind: vscode.ColorThemeKind): "default" | "dark" {
  return kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast ? "dark" : "default";
}

export class PreviewPanel {
  private static current: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderer: PreviewRenderer;
  private document: vscode.TextDocument;

  static show(
    extensionUri: vscode.Uri,
    client: () => Promise<LanguageClient | undefined>,
    document: vscode.TextDocument | undefined,
  ): void {
    if (document === undefined || document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage("Open a .bp file to preview it.");
      return;
    }
    if (PreviewPanel.current !== undefined) {
      PreviewPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      PreviewPanel.current.follow(document);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      "blueprint.preview",
      PreviewPanel.title(document),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        enableForms: false,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, "media"), vscode.Uri.joinPath(extensionUri, "dist", "webview")],
      },
    );
    PreviewPanel.current = new PreviewPanel(panel, extensionUri, client, document);
  }

  private static title(document: vscode.TextDocument): string {
    const name = document.uri.path.split("/").pop() ?? "blueprint";
    return `Preview ${name}`;
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly client: () => Promise<LanguageClient | undefined>,
    document: vscode.TextDocument,
  ) {
    this.document = document;
    this.renderer = new PreviewRenderer((uri) => this.request(uri), (update) => this.post(update));
    const webview = panel.webview;
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview", "preview.js")).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "media", "preview.css")).toString(),
      nonce: makeNonce(),
      title: PreviewPanel.title(document),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) {
          this.renderer.schedule(this.uri(), this.delay());
        }
      }),
      vscode.window.onDidChangeActiveColorTheme(() => void this.renderer.renderNow(this.uri())),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor !== undefined && editor.document.languageId === LANGUAGE_ID && editor.document !== this.document) {
          this.follow(editor.document);
        }
      }),
    );
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
  }

  private follow(document: vscode.TextDocument): void {
    this.document = document;
    this.panel.title = PreviewPanel.title(document);
    this.renderer.reset();
    void this.renderer.renderNow(this.uri());
  }

  private uri(): string {
    return this.document.uri.toString();
  }

  private delay(): number {
    return vscode.workspace.getConfiguration("blueprint.preview").get<number>("delay", 300);
  }

  private async request(uri: string): Promise<unknown> {
    const client = await this.client();
    if (client === undefined || !client.isRunning()) {
      return { error: 'The blueprint language server is not running. See the "Blueprint" output for why.' };
    }
    // The URI as the client spelt it when it opened the document on the server.
    const serverUri = client.code2ProtocolConverter.asUri(vscode.Uri.parse(uri));
    return client.sendRequest(ExecuteCommandRequest.type, {
      command: RENDER_COMMAND,
      arguments: [serverUri, { theme: drawingTheme(vscode.window.activeColorTheme.kind) }],
    });
  }

  private post(update: PreviewUpdate): void {
    const message =
      update.kind === "drawing" ? { type: "drawing", svg: update.svg } : { type: "error", message: update.message };
    void this.panel.webview.postMessage(message);
  }

  private receive(message: unknown): void {
    if (typeof message !== "object" || message === null) {
      return;
    }
    const { type, action } = message as { type?: unknown; action?: unknown };
    if (type === "ready") {
      // The page was (re)built: show the last drawing at once, then a fresh one.
      const last = this.renderer.lastDrawing;
      if (last !== undefined) {
        this.post(last);
      }
      void this.renderer.renderNow(this.uri());
    } else if (type === "reveal" && typeof action === "string") {
      void this.reveal(action);
    }
  }

  private async reveal(action: string): Promise<void> {
    const line = this.renderer.lineOf(action);
    if (line === undefined || line >= this.document.lineCount) {
      return;
    }
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
    });
    const text = editor.document.lineAt(line);
    const start = new vscode.Position(line, text.firstNonWhitespaceCharacterIndex);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(text.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private dispose(): void {
    PreviewPanel.current = undefined;
    this.renderer.reset();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
