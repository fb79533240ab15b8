// The language server's drawing of a buffer, as the preview receives it.
//
// The server answers the workspace command `blueprint.renderSvg` with the
// arguments `[uri, {theme}]` (the project's `default` or `dark` theme, as the
// editor's colour theme is light or dark) by `{"svg": "<svg…>", "lines": {"<action id>": <0-based
// line>}}`, or by `{"error": "…"}` when the buffer cannot be drawn (a syntax
// error, say). Nothing from the server is trusted as-is: a reply of any other
// shape becomes an error the preview shows.

export const RENDER_COMMAND = "blueprint.renderSvg";

export interface Drawing {
  readonly kind: "drawing";
  readonly svg: string;
  readonly lines: ReadonlyMap<string, number>;
}

export interface RenderError {
  readonly kind: "error";
  readonly message: string;
}

export type RenderReply = Drawing | RenderError;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function linesOf(value: unknown): Map<string, number> | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const lines = new Map<string, number>();
  for (const [action, line] of Object.entries(value)) {
    if (typeof line !== "number" || !Number.isInteger(line) || line < 0) {
      return undefined;
    }
    lines.set(action, line);
  }
  return lines;
}

/** The server's reply to `blueprint.renderSvg`, checked. */
export function parseRenderReply(value: unknown): RenderReply {
  if (!isRecord(value)) {
    return { kind: "error", message: "The language server gave no drawing." };
  }
  if (typeof value.error === "string") {
    return { kind: "error", message: value.error };
  }
  const svg = value.svg;
  if (typeof svg !== "string" || !svg.includes("<svg")) {
    return { kind: "error", message: "The language server's reply holds no SVG drawing." };
  }
  const lines = linesOf(value.lines ?? {});
  if (lines === undefined) {
    return { kind: "error", message: "The language server's reply has a malformed line map." };
  }
  return { kind: "drawing", svg, lines };
}
