// The preview's drawing schedule against a stub language server.
import assert from "node:assert/strict";
import { test } from "node:test";
import { PreviewRenderer, type PreviewUpdate } from "../renderer";

const SVG = "<svg></svg>";

/** A server whose replies the test hands out one by one, in any order. */
class StubServer {
  readonly requests: string[] = [];
  private readonly pending: Array<(value: unknown) => void> = [];

  request = (uri: string): Promise<unknown> => {
    this.requests.push(uri);
    return new Promise((resolve) => this.pending.push(resolve));
  };

  answer(index: number, value: unknown): void {
    this.pending[index](value);
  }
}

function drawing(lines: Record<string, number>, svg = SVG): unknown {
  return { svg, lines };
}

test("a reply shows the drawing and keeps its lines for clicks", async () => {
  const server = new StubServer();
  const shown: PreviewUpdate[] = [];
  const renderer = new PreviewRenderer(server.request, (update) => shown.push(update));
  const done = renderer.renderNow("file:///a.bp");
  server.answer(0, drawing({ arrive: 9 }));
  await done;
  assert.deepEqual(server.requests, ["file:///a.bp"]);
  assert.equal(shown.length, 1);
  assert.equal(shown[0].kind, "drawing");
  assert.equal(renderer.lineOf("arrive"), 9);
  assert.equal(renderer.lineOf("nowhere"), undefined);
});

test("a reply that comes after a newer request's is dropped", async () => {
  const server = new StubServer();
  const shown: PreviewUpdate[] = [];
  const renderer = new PreviewRenderer(server.request, (update) => shown.push(update));
  const older = renderer.renderNow("file:///a.bp");
  const newer = renderer.renderNow("file:///a.bp");
  server.answer(1, drawing({ arrive: 2 }, "<svg>new</svg>"));
  await newer;
  server.answer(0, drawing({ arrive: 1 }, "<svg>old</svg>"));
  await older;
  assert.equal(shown.length, 1);
  assert.ok(shown[0].kind === "drawing");
  assert.equal(shown[0].svg, "<svg>new</svg>");
  assert.equal(renderer.lineOf("arrive"), 2);
});

test("an error keeps the last drawing's lines", async () => {
  const server = new StubServer();
  const shown: PreviewUpdate[] = [];
  const renderer = new PreviewRenderer(server.request, (update) => shown.push(update));
  const first = renderer.renderNow("file:///a.bp");
  server.answer(0, drawing({ arrive: 4 }));
  await first;
  const second = renderer.renderNow("file:///a.bp");
  server.answer(1, { error: "a.bp:5:3: error[BP101]: found …" });
  await second;
  assert.deepEqual(shown[1], { kind: "error", message: "a.bp:5:3: error[BP101]: found …" });
  assert.equal(renderer.lineOf("arrive"), 4);
  assert.equal(renderer.lastDrawing?.svg, SVG);
});

test("a failed request becomes an error message, not an exception", async () => {
  const shown: PreviewUpdate[] = [];
  const renderer = new PreviewRenderer(
    () => Promise.reject(new Error("Request workspace/executeCommand failed")),
    (update) => shown.push(update),
  );
  await renderer.renderNow("file:///a.bp");
  assert.equal(shown.length, 1);
  assert.ok(shown[0].kind === "error");
  assert.match(shown[0].message, /Request workspace\/executeCommand failed/);
});

test("rapid edits are drawn once, after the last", async () => {
  const server = new StubServer();
  const renderer = new PreviewRenderer(server.request, () => undefined);
  for (let edit = 0; edit < 20; edit++) {
    renderer.schedule("file:///a.bp", 20);
  }
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.deepEqual(server.requests, ["file:///a.bp"]);
});

test("a cancelled drawing is never asked for", async () => {
  const server = new StubServer();
  const renderer = new PreviewRenderer(server.request, () => undefined);
  renderer.schedule("file:///a.bp", 10);
  renderer.cancel();
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.deepEqual(server.requests, []);
});

test("after a reset, the old file's reply and lines are gone", async () => {
  const server = new StubServer();
  const shown: PreviewUpdate[] = [];
  const renderer = new PreviewRenderer(server.request, (update) => shown.push(update));
  const first = renderer.renderNow("file:///a.bp");
  server.answer(0, drawing({ arrive: 4 }));
  await first;
  const late = renderer.renderNow("file:///a.bp");
  renderer.reset();
  server.answer(1, drawing({ arrive: 5 }));
  await late;
  assert.equal(shown.length, 1);
  assert.equal(renderer.lineOf("arrive"), undefined);
});
