// When and what the preview draws, apart from VS Code so that it can be
// tested with a stub server: edits are debounced, and a reply that arrives
// after a newer request was sent is dropped, so a slow drawing of an old
// buffer never replaces the drawing of a newer one.

import { parseRenderReply, type Drawing, type RenderReply } from "./render";

/** Asks the language server to draw the buffer at `uri`. */
export type RenderRequest = (uri: string) => Promise<unknown>;

/** What the preview shows: a drawing, or why there is none (the last drawing stays). */
export type PreviewUpdate = RenderReply;

export class PreviewRenderer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private latest: Drawing | undefined;

  constructor(
    private readonly request: RenderRequest,
    private readonly show: (update: PreviewUpdate) => void,
  ) {}

  /** Draw `uri` after `delayMs` without a further call; each call restarts the wait. */
  schedule(uri: string, delayMs: number): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.renderNow(uri);
    }, delayMs);
  }

  /** Draw `uri` at once; resolves when the reply is shown or dropped as stale. */
  async renderNow(uri: string): Promise<void> {
    const generation = ++this.generation;
    let reply: RenderReply;
    try {
      reply = parseRenderReply(await this.request(uri));
    } catch (error) {
      reply = { kind: "error", message: `The language server could not draw the file: ${describe(error)}` };
    }
    if (generation !== this.generation) {
      return;
    }
    if (reply.kind === "drawing") {
      this.latest = reply;
    }
    this.show(reply);
  }

  /** The 0-based line of `action` in the buffer last drawn, if it is there. */
  lineOf(action: string): number | undefined {
    return this.latest?.lines.get(action);
  }

  /** The last drawing shown, to show again when the webview is rebuilt. */
  get lastDrawing(): Drawing | undefined {
    return this.latest;
  }

  /** Forget the drawing scheduled and not yet asked for. */
  cancel(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** Forget everything about the buffer drawn so far (the preview moved to another file). */
  reset(): void {
    this.cancel();
    this.generation++;
    this.latest = undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
