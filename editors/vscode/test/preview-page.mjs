// Builds the preview webview's page as a standalone folder that a browser
// can open from disk, for the screenshots in the documentation and for the
// webview test: the page is the extension's own (previewHtml, the compiled
// webview script, the stylesheet), with VS Code's part played by a small
// script that posts a drawing, records what the page posts back and any
// Content-Security-Policy violation, and can click a card.
//
//   node test/preview-page.mjs DRAWING.svg light|dark OUT_DIR [ACTION_TO_CLICK] [ERROR]
//
// With ERROR, the page is then told the buffer cannot be drawn, as the
// extension tells it when the file has an error.
//
// The page then carries, as attributes of <body>: data-posted (the messages
// the page sent, as JSON), data-violations (blocked loads, as JSON),
// data-card-stroke (the computed stroke of the first card, to see that the
// drawing's own stylesheet applied), data-svg-filter (the drawing's computed
// filter), data-links (links left in the drawing) and, with ERROR,
// data-status (the status bar's text, empty when hidden) and data-stale
// (whether the drawing is marked out of date).

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { makeNonce, previewHtml } = require(join(root, "out", "previewHtml.js"));

// The colours VS Code gives a webview in its default light and dark themes.
const THEMES = {
  light: { bodyClass: "vscode-light", background: "#ffffff", foreground: "#3b3b3b" },
  dark: { bodyClass: "vscode-dark", background: "#1f1f1f", foreground: "#cccccc" },
};

function harness(svg, click, error) {
  // JSON in a script: "<" escaped so that no "</script>" can end it early.
  const data = (value) => JSON.stringify(value).replace(/</g, "\\u003c");
  return `(() => {
  const posted = [];
  const violations = [];
  const record = () => {
    document.body.dataset.posted = JSON.stringify(posted);
    document.body.dataset.violations = JSON.stringify(violations);
  };
  document.addEventListener("securitypolicyviolation", (event) => {
    violations.push(event.violatedDirective + " " + event.blockedURI + " " + event.sourceFile + ":" + event.lineNumber + " " + event.sample);
    record();
  });
  window.acquireVsCodeApi = () => ({
    postMessage(message) {
      posted.push(message);
      record();
      if (message.type === "ready") {
        window.postMessage({ type: "drawing", svg: ${data(svg)} }, "*");
      }
    },
  });
  new MutationObserver((changes, observer) => {
    const card = document.querySelector("#bp-drawing [data-action]");
    if (card === null) return;
    observer.disconnect();
    const svg = document.querySelector("#bp-drawing svg");
    document.body.dataset.cardStroke = getComputedStyle(card.querySelector(".card-frame")).stroke;
    document.body.dataset.svgFilter = getComputedStyle(svg).filter;
    document.body.dataset.links = String(svg.querySelectorAll("a[href]").length);
    const click = ${data(click ?? null)};
    if (click !== null) {
      const target = document.querySelector('#bp-drawing [data-action="' + CSS.escape(click) + '"] text')
      ?? document.querySelector('#bp-drawing [data-action="' + CSS.escape(click) + '"]');
      target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    }
    const error = ${data(error ?? null)};
    if (error !== null) {
      window.postMessage({ type: "error", message: error }, "*");
      window.addEventListener("message", () => setTimeout(() => {
        const status = document.getElementById("bp-status");
        document.body.dataset.status = status.hidden ? "" : status.textContent;
        document.body.dataset.stale = String(document.getElementById("bp-drawing").classList.contains("bp-stale"));
      }));
    }
    record();
  }).observe(document.documentElement, { childList: true, subtree: true });
})();`;
}

export function writePreviewPage(svgPath, themeName, outDir, click, error) {
  const theme = THEMES[themeName];
  if (theme === undefined) {
    throw new Error(`unknown theme ${themeName}: expected light or dark`);
  }
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(root, "dist", "webview", "preview.js"), join(outDir, "preview.js"));
  copyFileSync(join(root, "media", "preview.css"), join(outDir, "preview.css"));
  const nonce = makeNonce();
  let html = previewHtml({ cspSource: "file:", scriptUri: "preview.js", styleUri: "preview.css", nonce, title: "Preview" });
  const vscodeStyle = `<style nonce="${nonce}">:root { --vscode-editor-background: ${theme.background}; --vscode-editor-foreground: ${theme.foreground}; }</style>`;
  const stub = `<script nonce="${nonce}">${harness(readFileSync(svgPath, "utf8"), click, error)}</script>`;
  html = html
    .replace("</head>", `${vscodeStyle}\n</head>`)
    .replace("<body>", `<body class="${theme.bodyClass}">`)
    .replace(`<script nonce="${nonce}" src=`, `${stub}\n<script nonce="${nonce}" src=`);
  const page = join(outDir, "index.html");
  writeFileSync(page, html);
  return page;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [svg, theme, out, click, error] = process.argv.slice(2);
  if (out === undefined) {
    console.error("usage: node test/preview-page.mjs DRAWING.svg light|dark OUT_DIR [ACTION_TO_CLICK] [ERROR]");
    process.exit(2);
  }
  console.log(writePreviewPage(svg, theme, out, click || undefined, error));
}
