// The extension against the real language server (`blueprint lsp`), started
// from the command line the extension builds and sent what VS Code and the
// preview send: the diagnostics are `blueprint check`'s, the preview's
// request is answered with `blueprint render`'s drawing in the theme asked
// for, every card in it leads the preview's line lookup to the line that
// declares the card, an edit that breaks the file gives the error reply and
// the diagnostic, and completion, hover, rename and formatting answer as an
// editor needs. It needs the `blueprint` program: .ci/build-vscode passes it
// in BLUEPRINT_SERVER_PATH and sets BLUEPRINT_REQUIRE_SERVER=1 so that CI
// fails rather than skips.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import {
  CompletionRequest,
  CompletionTriggerKind,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  ExecuteCommandRequest,
  HoverRequest,
  MarkupKind,
  PrepareRenameRequest,
  RenameRequest,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeResult,
  type Position,
  type TextEdit,
} from "vscode-languageserver-protocol/node";
import { parseRenderReply, RENDER_COMMAND, type Drawing } from "../render";
import { PreviewRenderer, type PreviewUpdate } from "../renderer";
import { PROJECT, ServerSession } from "./serverSession";

const PROGRAM = process.env.BLUEPRINT_SERVER_PATH;
if (PROGRAM === undefined && process.env.BLUEPRINT_REQUIRE_SERVER === "1") {
  throw new Error("the language server test cannot run: no program in BLUEPRINT_SERVER_PATH");
}
const skip = PROGRAM === undefined ? "no blueprint program in BLUEPRINT_SERVER_PATH" : false;
const LANGUAGE_ID = "service-blueprint";

interface Example {
  readonly file: string;
  readonly uri: string;
  readonly text: string;
}

function example(name: string): Example {
  const file = join("examples", name);
  const text = readFileSync(join(PROJECT, file), "utf8");
  return { file, uri: pathToFileURL(join(PROJECT, file)).href, text };
}

const deposit = example("deposit.bp");
const chinese = example("card-fraud-alert-zh.bp");
let server: ServerSession;
let initialized: InitializeResult;

before(async () => {
  if (PROGRAM === undefined) {
    return;
  }
  server = ServerSession.start(PROGRAM);
  initialized = await server.initialize();
});

after(async () => {
  if (server !== undefined) {
    assert.equal(await server.stop(), 0, `the server did not exit cleanly:\n${server.log}`);
  }
});

interface CheckDiagnostic {
  code: string;
  severity: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  message: string;
  hint?: string | null;
}

/** `blueprint check --format json` of a file, or of `text` on stdin, one line a diagnostic. */
function checked(file: string, text?: string): string[] {
  const run = server.cli(["check", "--format", "json", text === undefined ? file : "-"], text);
  assert.ok(run.status === 0 || run.status === 1, `blueprint check failed: ${run.stderr}`);
  const found: CheckDiagnostic[] = JSON.parse(run.stdout).diagnostics;
  return found
    .map((d) => `${d.code} ${d.severity} ${d.line}:${d.column}-${d.end_line}:${d.end_column} ${d.message}${d.hint ? `\nhint: ${d.hint}` : ""}`)
    .sort();
}

/** The editor's diagnostics in check's terms: lines and columns from 1. */
function published(diagnostics: Diagnostic[]): string[] {
  const severity = (level: number | undefined): string => (level === 1 ? "error" : level === 2 ? "warning" : `severity ${level}`);
  return diagnostics
    .map((d) => {
      const { start, end } = d.range;
      return `${d.code} ${severity(d.severity)} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${d.message}`;
    })
    .sort();
}

async function open(doc: Example): Promise<Diagnostic[]> {
  const diagnostics = server.diagnostics(doc.uri);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: doc.uri, languageId: LANGUAGE_ID, version: 1, text: doc.text },
  });
  return (await diagnostics).diagnostics;
}

/** The preview's renderer, asking the server exactly as the preview does. */
function previewOf(theme: "default" | "dark", updates: PreviewUpdate[] = []): PreviewRenderer {
  return new PreviewRenderer(
    (asked) =>
      server.connection.sendRequest(ExecuteCommandRequest.type, { command: RENDER_COMMAND, arguments: [asked, { theme }] }),
    (update) => updates.push(update),
  );
}

async function drawingOf(uri: string, theme: "default" | "dark"): Promise<{ renderer: PreviewRenderer; drawing: Drawing }> {
  const updates: PreviewUpdate[] = [];
  const renderer = previewOf(theme, updates);
  await renderer.renderNow(uri);
  assert.equal(updates.length, 1);
  const [update] = updates;
  assert.ok(update.kind === "drawing", `no drawing: ${update.kind === "error" ? update.message : ""}`);
  return { renderer, drawing: update };
}

function unescapeXml(value: string): string {
  return value.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[name] as string);
}

/** Every card the webview lets a user click: its ID, by the attributes the webview reads. */
function cardIds(svg: string): string[] {
  return [...svg.matchAll(/\sdata-(?:action|evidence)="([^"]*)"/g)].map((match) => unescapeXml(match[1]));
}

/** Checks that the line the preview jumps to for each card declares that card. */
function assertCardsLeadToTheirLines(text: string, drawing: Drawing, renderer: PreviewRenderer): number {
  const lines = text.split("\n");
  const cards = cardIds(drawing.svg);
  for (const id of cards) {
    const line = renderer.lineOf(id);
    assert.ok(line !== undefined && line < lines.length, `the preview has no line for card ${id}`);
    const words = lines[line].trim().split(/\s+/);
    const unnamedEvidence = /\.evidence\d+$/.test(id) && words[0] === "evidence" && words[1].startsWith('"');
    assert.ok(words[1] === id || unnamedEvidence, `card ${id} leads to line ${line + 1}, which declares something else: ${lines[line]}`);
  }
  return cards.length;
}

test("the server offers what the extension and the preview use", { skip }, () => {
  const capabilities = initialized.capabilities;
  assert.ok(capabilities.executeCommandProvider?.commands.includes(RENDER_COMMAND));
  assert.ok(capabilities.completionProvider);
  assert.ok(capabilities.hoverProvider);
  assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
  assert.ok(capabilities.documentFormattingProvider);
  assert.equal(capabilities.positionEncoding ?? "utf-16", "utf-16");
});

test("opening an example publishes what blueprint check reports", { skip }, async () => {
  for (const doc of [deposit, chinese]) {
    const diagnostics = await open(doc);
    assert.deepEqual(published(diagnostics), checked(doc.file), doc.file);
    assert.ok(diagnostics.every((d) => d.source === "blueprint"));
  }
  assert.ok(checked(deposit.file).length > 0, "deposit.bp should have a finding to compare");
});

test("the preview's request gives the drawing blueprint render makes, each card leading to its line", { skip }, async () => {
  for (const doc of [deposit, chinese]) {
    const { renderer, drawing } = await drawingOf(doc.uri, "default");
    const rendered = server.cli(["render", doc.file, "-f", "svg", "-o", "-"]);
    assert.equal(rendered.status, 0, rendered.stderr);
    assert.equal(drawing.svg, rendered.stdout, `${doc.file}: the preview's drawing is not blueprint render's`);
    const cards = assertCardsLeadToTheirLines(doc.text, drawing, renderer);
    assert.ok(cards >= 10, `${doc.file}: only ${cards} cards in the drawing`);
  }
});

test("a dark editor's request gives the dark drawing", { skip }, async () => {
  const reply = await server.connection.sendRequest(ExecuteCommandRequest.type, {
    command: RENDER_COMMAND,
    arguments: [deposit.uri, { theme: "dark" }],
  });
  const drawing = parseRenderReply(reply);
  assert.ok(drawing.kind === "drawing");
  const dark = server.cli(["render", deposit.file, "-f", "svg", "-o", "-", "--theme", "dark"]);
  assert.equal(dark.status, 0, dark.stderr);
  assert.equal(drawing.svg, dark.stdout);
  const light = (await drawingOf(deposit.uri, "default")).drawing;
  assert.notEqual(drawing.svg, light.svg);
});

test("an edit that breaks the file gives its diagnostic and the preview's error, keeping the last drawing", { skip }, async () => {
  const updates: PreviewUpdate[] = [];
  const renderer = previewOf("default", updates);
  await renderer.renderNow(chinese.uri);
  const flow = chinese.text.split("\n").findIndex((line) => line.trim() === "交易监控 -> 短信平台 -> 提醒短信 -> 读短信");
  assert.ok(flow >= 0);
  // The chain's last ID, misspelt: one flow ends at an action that is not there.
  const character = chinese.text.split("\n")[flow].lastIndexOf("读短信");
  const range = { start: { line: flow, character }, end: { line: flow, character: character + "读短信".length } };
  const edited = chinese.text.split("\n").map((line, index) => (index === flow ? line.slice(0, character) + "读短讯" : line)).join("\n");

  const diagnostics = server.diagnostics(chinese.uri, 2);
  const incremental = syncKind() === TextDocumentSyncKind.Incremental;
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: chinese.uri, version: 2 },
    contentChanges: incremental ? [{ range, rangeLength: 3, text: "读短讯" }] : [{ text: edited }],
  });
  const after = (await diagnostics).diagnostics;
  const errors = after.filter((d) => d.severity === 1);
  assert.equal(errors.length, 1, published(after).join("\n"));
  assert.match(String(errors[0].code), /^BP\d{3}$/);
  assert.deepEqual(errors[0].range, range);
  assert.deepEqual(published(after), checked(chinese.file, edited));

  await renderer.renderNow(chinese.uri);
  assert.deepEqual(updates.map((update) => update.kind), ["drawing", "error"]);
  assert.ok(updates[1].kind === "error");
  assert.equal(updates[1].message, `1 error in ${join(PROJECT, chinese.file)}; fix it to draw the blueprint`);
  assert.equal(renderer.lastDrawing, updates[0]);
  assert.equal(renderer.lineOf("读短信"), chinese.text.split("\n").findIndex((line) => line.trim().startsWith("customer 读短信 ")));
});

function syncKind(): number | undefined {
  const sync = initialized.capabilities.textDocumentSync;
  return typeof sync === "number" ? sync : sync?.change;
}

/** Where `word` first stands on the line that starts (after indentation) with `lineStart`. */
function positionOf(text: string, lineStart: string, word: string): Position {
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.trimStart().startsWith(lineStart));
  assert.ok(line >= 0, `no line starts with ${lineStart}`);
  const character = lines[line].indexOf(word, lines[line].indexOf(lineStart));
  return { line, character };
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\n") {
      starts.push(i + 1);
    }
  }
  const offset = (p: Position): number => (p.line < starts.length ? starts[p.line] + p.character : text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  return sorted.reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

test("completion in a flow offers the actions' IDs", { skip }, async () => {
  const position = positionOf(deposit.text, "take -> kiosk", "kiosk");
  const answer = await server.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri: deposit.uri },
    position,
    context: { triggerKind: CompletionTriggerKind.Invoked },
  });
  assert.ok(answer !== null);
  const items = Array.isArray(answer) ? answer : answer.items;
  const labels = items.map((item) => item.label);
  assert.ok(items.every((item) => typeof item.label === "string" && item.label.length > 0));
  for (const id of ["kiosk", "qms", "count", "arrive"]) {
    assert.ok(labels.includes(id), `completion lacks ${id}: ${labels.join(", ")}`);
  }
  assert.ok(!labels.includes("step"), "a flow is no place for a statement keyword");
  // What VS Code inserts: an edit on the cursor's line that ends at the cursor.
  for (const item of items) {
    const edit = item.textEdit;
    assert.ok(edit !== undefined && "range" in edit, `${item.label} has no edit to insert`);
    assert.equal(edit.range.start.line, position.line);
    assert.deepEqual(edit.range.end, position);
    assert.equal(edit.newText, item.label);
  }
});

test("hover on an action tells its lane, step, flows, fail point and duration in Markdown", { skip }, async () => {
  const position = positionOf(deposit.text, "onstage count", "count");
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: deposit.uri }, position });
  assert.ok(hover !== null && typeof hover.contents === "object" && "kind" in hover.contents);
  assert.equal(hover.contents.kind, MarkupKind.Markdown);
  for (const part of ["(`onstage`)", "step: `counter`", "flows in: `hand`", "-> `post`", "**F3** (high)", "duration: 5min"]) {
    assert.ok(hover.contents.value.includes(part), `hover lacks ${part}: ${hover.contents.value}`);
  }
  assert.deepEqual(hover.range, { start: position, end: { line: position.line, character: position.character + "count".length } });
});

test("rename, after prepareRename, changes the ID everywhere it is used and nowhere else", { skip }, async () => {
  const position = positionOf(deposit.text, "onstage count", "count");
  const textDocument = { uri: deposit.uri };
  const prepared = await server.connection.sendRequest(PrepareRenameRequest.type, { textDocument, position });
  assert.ok(prepared !== null && "range" in prepared, JSON.stringify(prepared));
  assert.equal(prepared.placeholder, "count");
  const edit = await server.connection.sendRequest(RenameRequest.type, { textDocument, position, newName: "tally" });
  assert.ok(edit !== null);
  const edits = (edit.changes?.[deposit.uri] ??
    (edit.documentChanges ?? []).flatMap((change) => ("edits" in change && change.textDocument.uri === deposit.uri ? change.edits : [])))
    .filter((one): one is TextEdit => "newText" in one);
  const lines = deposit.text.split("\n");
  for (const one of edits) {
    assert.equal(one.range.start.line, one.range.end.line);
    assert.equal(lines[one.range.start.line].slice(one.range.start.character, one.range.end.character), "count");
    assert.equal(one.newText, "tally");
  }
  // Outside quoted strings, `count` is the ID and nothing else.
  const uses = lines.reduce((n, line) => n + (line.replace(/"[^"]*"/g, "").match(/(?<![\w.])count(?![\w])/g)?.length ?? 0), 0);
  assert.equal(edits.length, uses);
  assert.ok(uses >= 2, "count is declared and used in a flow");
});

test("formatting gives the text blueprint fmt writes", { skip }, async () => {
  const messy = deposit.text.replace(/^( +)/gm, "$1$1").replace(/ -> /g, "  ->   ");
  const uri = "untitled:Untitled-1";
  const opened = server.diagnostics(uri);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: LANGUAGE_ID, version: 1, text: messy },
  });
  await opened;
  const edits = await server.connection.sendRequest(DocumentFormattingRequest.type, {
    textDocument: { uri },
    options: { tabSize: 4, insertSpaces: true },
  });
  assert.ok(edits !== null && edits.length > 0);
  const formatted = server.cli(["fmt", "-"], messy);
  assert.equal(formatted.status, 0, formatted.stderr);
  assert.equal(applyEdits(messy, edits), formatted.stdout);
  assert.equal(formatted.stdout, deposit.text, "deposit.bp is in the canonical layout");
});
