import assert from "node:assert/strict";
import { test } from "node:test";
import { contentSecurityPolicy, makeNonce, previewHtml } from "../previewHtml";

const PARTS = {
  cspSource: "https://webview.example",
  scriptUri: "https://webview.example/out/webview/preview.js",
  styleUri: "https://webview.example/media/preview.css",
  nonce: "abc123",
  title: 'Preview <deposit>.bp "x"',
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

test("the policy lets in nothing but the page's own nonce and data: fonts", () => {
  const policy = directives(contentSecurityPolicy(PARTS.cspSource, "abc123"));
  assert.deepEqual(policy.get("default-src"), ["'none'"]);
  assert.deepEqual(policy.get("script-src"), ["'nonce-abc123'"]);
  assert.deepEqual(policy.get("style-src"), [PARTS.cspSource, "'nonce-abc123'"]);
  assert.deepEqual(policy.get("font-src"), ["data:"]);
  assert.deepEqual(policy.get("connect-src"), ["'none'"]);
  for (const [name, sources] of policy) {
    for (const source of sources) {
      assert.ok(!source.includes("unsafe"), `${name} ${source}`);
      assert.ok(source !== "*" && !source.startsWith("http:"), `${name} ${source}`);
    }
  }
});

test("the page carries the policy and loads its script and style with the nonce", () => {
  const html = previewHtml(PARTS);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  assert.ok(html.includes(`<script nonce="abc123" src="${PARTS.scriptUri}"></script>`));
  assert.ok(html.includes(`<link rel="stylesheet" href="${PARTS.styleUri}" nonce="abc123">`));
  assert.equal((html.match(/<script/g) ?? []).length, 1);
});

test("the title is escaped", () => {
  const html = previewHtml(PARTS);
  assert.ok(html.includes("<title>Preview &#60;deposit&#62;.bp &#34;x&#34;</title>"));
});

test("each nonce is new and fit for a policy", () => {
  const nonces = new Set(Array.from({ length: 50 }, makeNonce));
  assert.equal(nonces.size, 50);
  for (const nonce of nonces) {
    assert.match(nonce, /^[A-Za-z0-9]{16,}$/);
  }
});
