// The preview's page in headless Chromium, as the extension builds it (the
// page, its policy, script and stylesheet), with the test playing VS Code:
// a real drawing from `blueprint render` is shown, its stylesheet applies
// under the policy, nothing is blocked, and a click on a card asks the
// extension to reveal that card's action. It needs Chromium and a drawing:
// .ci/build-vscode passes BLUEPRINT_TEST_SVG and sets
// BLUEPRINT_REQUIRE_BROWSER=1 so that CI fails rather than skips.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, test } from "node:test";

const ROOT = join(__dirname, "..", "..");
const SVG = process.env.BLUEPRINT_TEST_SVG;
const CHROMIUM = ["chromium", "chromium-browser", "google-chrome"].find((name) => {
  try {
    execFileSync("which", [name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
});
const missing = SVG === undefined || !existsSync(SVG) ? "no drawing in BLUEPRINT_TEST_SVG" : CHROMIUM === undefined ? "no Chromium" : undefined;
if (missing !== undefined && process.env.BLUEPRINT_REQUIRE_BROWSER === "1") {
  throw new Error(`the webview test cannot run: ${missing}`);
}
const skip = missing ?? false;
const scratch = mkdtempSync(join(tmpdir(), "bp-webview-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface PageState {
  posted: Array<{ type: string; action?: string }>;
  violations: string[];
  cardStroke: string;
  svgFilter: string;
  links: number;
  pwned: boolean;
  status: string;
  stale: string;
}

async function load(svgPath: string, theme: "light" | "dark", click?: string, error?: string): Promise<PageState> {
  const { writePreviewPage } = await import(pathToFileURL(join(ROOT, "test", "preview-page.mjs")).href);
  const page: string = writePreviewPage(svgPath, theme, mkdtempSync(join(scratch, `${theme}-`)), click, error);
  const dom = execFileSync(
    CHROMIUM as string,
    ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--no-first-run", "--virtual-time-budget=5000", "--dump-dom", pathToFileURL(page).href],
    { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 120_000 },
  );
  const body = /<body([^>]*)>/.exec(dom)?.[1] ?? "";
  const attribute = (name: string): string => {
    const raw = new RegExp(`${name}="([^"]*)"`).exec(body)?.[1] ?? "";
    return raw.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  };
  return {
    posted: JSON.parse(attribute("data-posted") || "[]"),
    violations: JSON.parse(attribute("data-violations") || "[]"),
    cardStroke: attribute("data-card-stroke"),
    svgFilter: attribute("data-svg-filter"),
    links: Number(attribute("data-links") || "-1"),
    pwned: /data-pwned/.test(body),
    status: attribute("data-status"),
    stale: attribute("data-stale"),
  };
}

test("a click on a card asks to reveal its action; the drawing's style applies, nothing is blocked", { skip }, async () => {
  const state = await load(SVG as string, "light", "count");
  assert.deepEqual(state.posted, [{ type: "ready" }, { type: "reveal", action: "count" }]);
  assert.deepEqual(state.violations, []);
  assert.match(state.cardStroke, /^rgb\(/);
  assert.notEqual(state.cardStroke, "rgb(0, 0, 0)");
  assert.equal(state.svgFilter, "none");
});

test("in a dark editor theme the server's dark drawing is shown as drawn, not filtered", { skip }, async () => {
  const state = await load(SVG as string, "dark");
  assert.equal(state.svgFilter, "none");
  assert.deepEqual(state.violations, []);
});

test("nothing in a drawing runs or links away", { skip }, async () => {
  const hostile = join(scratch, "hostile.svg");
  writeFileSync(
    hostile,
    `<svg xmlns="http://www.w3.org/2000/svg" onload="document.body.dataset.pwned=1">
<script>document.body.dataset.pwned = 1</script>
<a href="https://example.com/"><g class="card" data-action="x" onclick="document.body.dataset.pwned=1">
<path class="card-frame" d="M0,0h10v10z"/><text>x</text></g></a>
<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://example.com/"></iframe></foreignObject>
</svg>`,
  );
  const state = await load(hostile, "light", "x");
  assert.equal(state.pwned, false);
  assert.equal(state.links, 0);
  assert.deepEqual(state.posted, [{ type: "ready" }, { type: "reveal", action: "x" }]);
  // The parser meets the handlers before the script takes them out: the
  // policy blocks them there, which is what it is for.
  for (const violation of state.violations) {
    assert.match(violation, /^script-src/);
  }
});

test("an error keeps the last drawing, faded, under a bar that says what is wrong", { skip }, async () => {
  const state = await load(SVG as string, "light", undefined, "1 error in deposit.bp; fix it to draw the blueprint");
  assert.equal(state.status, "1 error in deposit.bp; fix it to draw the blueprint");
  assert.equal(state.stale, "true");
  assert.deepEqual(state.violations, []);
});
