import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRenderReply } from "../render";

const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>';

test("a drawing with its line map", () => {
  const reply = parseRenderReply({ svg: SVG, lines: { arrive: 10, 读短信: 3 } });
  assert.equal(reply.kind, "drawing");
  assert.ok(reply.kind === "drawing");
  assert.equal(reply.svg, SVG);
  assert.equal(reply.lines.get("arrive"), 10);
  assert.equal(reply.lines.get("读短信"), 3);
});

test("a drawing without a line map has no lines", () => {
  const reply = parseRenderReply({ svg: SVG });
  assert.ok(reply.kind === "drawing");
  assert.equal(reply.lines.size, 0);
});

test("the server's error is shown as it is", () => {
  assert.deepEqual(parseRenderReply({ error: "deposit.bp:3:1: error[BP101]: …" }), {
    kind: "error",
    message: "deposit.bp:3:1: error[BP101]: …",
  });
});

test("a reply of another shape is an error, never a drawing", () => {
  for (const value of [null, undefined, "svg", 3, [], { svg: 3 }, { svg: "<p>not a drawing</p>" }]) {
    assert.equal(parseRenderReply(value).kind, "error", JSON.stringify(value));
  }
});

test("a malformed line map is an error", () => {
  for (const lines of [{ a: -1 }, { a: 1.5 }, { a: "3" }, [1, 2], "lines"]) {
    const reply = parseRenderReply({ svg: SVG, lines });
    assert.equal(reply.kind, "error", JSON.stringify(lines));
  }
});
