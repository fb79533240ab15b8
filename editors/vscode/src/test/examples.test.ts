// Every example of the project, tokenized by VS Code's own TextMate engine
// with the extension's grammar: nothing is marked invalid, and each
// statement's first word gets the scope of what it is.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

const ROOT = join(__dirname, "..", "..");
const EXAMPLES = join(ROOT, "..", "..", "examples");
const STATEMENT_STARTS = ["keyword.other.statement.blueprint", "support.type.lane.blueprint", "variable.other.action.blueprint"];

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scope: string) =>
      scope === "source.blueprint"
        ? textmate.parseRawGrammar(readFileSync(join(ROOT, "syntaxes", "blueprint.tmLanguage.json"), "utf8"), "grammar.json")
        : null,
  });
  const grammar = await registry.loadGrammar("source.blueprint");
  assert.ok(grammar);
  return grammar;
}

const examples = readdirSync(EXAMPLES).filter((name) => name.endsWith(".bp")).sort();

test("the project has examples to read", () => {
  assert.ok(examples.length >= 5, examples.join(", "));
});

test("every example reads without an invalid token, each statement opened by its keyword, lane or flow", async () => {
  const grammar = await loadGrammar();
  for (const name of examples) {
    let state = textmate.INITIAL;
    readFileSync(join(EXAMPLES, name), "utf8")
      .split(/\r?\n/)
      .forEach((line, index) => {
        const result = grammar.tokenizeLine(line, state);
        state = result.ruleStack;
        const where = `${name}:${index + 1}: ${line}`;
        for (const token of result.tokens) {
          assert.ok(!token.scopes.some((scope) => scope.startsWith("invalid")), `${where}: ${token.scopes.join(" ")}`);
        }
        const first = result.tokens.find((token) => line.slice(token.startIndex, token.endIndex).trim() !== "");
        if (first !== undefined && !first.scopes.some((scope) => scope.startsWith("comment"))) {
          assert.ok(first.scopes.some((scope) => STATEMENT_STARTS.includes(scope)), `${where}: ${first.scopes.join(" ")}`);
        }
      });
  }
});
