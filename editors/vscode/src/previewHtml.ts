// The preview webview's page. It loads nothing but the extension's own script
// and stylesheet: the Content-Security-Policy allows scripts and styles only
// with this page's nonce (the drawing's own <style> is given it by the
// script), fonts only from data: URLs (the fonts the drawing embeds), and no
// connection anywhere.

import { randomBytes } from "node:crypto";

export interface PreviewPageParts {
  /** The webview's `cspSource`: where its own resources are served from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
  readonly title: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString("base64").replace(/[^A-Za-z0-9]/g, "");
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    "font-src data:",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function previewHtml(parts: PreviewPageParts): string {
  const attribute = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<link rel="stylesheet" href="${attribute(parts.styleUri)}" nonce="${attribute(parts.nonce)}">
</head>
<body>
<div class="bp-status" id="bp-status" role="status" hidden></div>
<main class="bp-drawing" id="bp-drawing" aria-live="polite"><p class="bp-waiting">Drawing…</p></main>
<script nonce="${attribute(parts.nonce)}" src="${attribute(parts.scriptUri)}"></script>
</body>
</html>
`;
}
