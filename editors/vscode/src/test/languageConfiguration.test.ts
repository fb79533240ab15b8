// The language configuration's patterns, read as VS Code reads them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const ROOT = join(__dirname, "..", "..");
const config = JSON.parse(readFileSync(join(ROOT, "language-configuration.json"), "utf8"));

function regex(rule: { pattern: string; flags?: string }, extra = ""): RegExp {
  return new RegExp(rule.pattern, (rule.flags ?? "") + extra);
}

test("# starts a comment", () => {
  assert.equal(config.comments.lineComment, "#");
});

test("a word is a name of the grammar: inner hyphens, any script, never an arrow", () => {
  const word = regex(config.wordPattern, "g");
  assert.deepEqual("atm-queue->teller-desk-2".match(word), ["atm-queue", "teller-desk-2"]);
  assert.deepEqual("交易监控 -> 短信平台".match(word), ["交易监控", "短信平台"]);
  assert.deepEqual("a-->b <-> c_d".match(word), ["a", "b", "c_d"]);
  assert.deepEqual("wait 20min..45min".match(word), ["wait", "20min", "45min"]);
});

test("a line after a step is indented; step and phase go back out", () => {
  const increase = regex(config.indentationRules.increaseIndentPattern);
  const decrease = regex(config.indentationRules.decreaseIndentPattern);
  assert.ok(increase.test('step counter "Deposit at the counter"'));
  assert.ok(increase.test('  step 核对 "核对尾号"'));
  assert.ok(!increase.test('  customer step-up "…"'));
  assert.ok(!increase.test('step-up -> b'));
  assert.ok(!increase.test('  customer hand "…"'));
  assert.ok(decrease.test('    phase "Transact"'));
  assert.ok(decrease.test("  step"));
  assert.ok(!decrease.test("  stepper x"));
});

test("a quote closes itself outside strings and comments", () => {
  const quote = config.autoClosingPairs.find((pair: { open: string }) => pair.open === '"');
  assert.deepEqual(quote.notIn, ["string", "comment"]);
});

test("the manifest points at the grammar and the configuration it ships", () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const [language] = manifest.contributes.languages;
  const [grammar] = manifest.contributes.grammars;
  assert.deepEqual(language.extensions, [".bp"]);
  assert.equal(grammar.language, language.id);
  assert.equal(grammar.scopeName, "source.blueprint");
  const file = JSON.parse(readFileSync(join(ROOT, grammar.path), "utf8"));
  assert.equal(file.scopeName, grammar.scopeName);
  assert.ok(readFileSync(join(ROOT, language.configuration), "utf8").length > 0);
  assert.equal(manifest.contributes.configuration.properties["blueprint.server.path"].default, "blueprint");
  assert.deepEqual(manifest.contributes.configuration.properties["blueprint.server.args"].default, ["lsp"]);
});

test("every command the manifest offers is registered by the extension", () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const source = readFileSync(join(ROOT, "src", "extension.ts"), "utf8");
  for (const { command } of manifest.contributes.commands) {
    assert.ok(source.includes(`registerCommand("${command}"`), command);
  }
});
