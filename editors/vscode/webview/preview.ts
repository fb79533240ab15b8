// The preview webview's script: shows the drawings the extension posts, and
// tells the extension which card was clicked so that it can move the cursor
// to the card's line. It runs under a strict Content-Security-Policy: the
// drawing's own <style> is let in by giving it this page's nonce, and
// anything in a drawing that could run or fetch (scripts, event handlers,
// foreign objects, links) is taken out before the drawing is shown.

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Incoming = { type: "drawing"; svg: string } | { type: "error"; message: string };

const vscode = acquireVsCodeApi();
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? "";
const drawing = document.getElementById("bp-drawing") as HTMLElement;
const notice = document.getElementById("bp-status") as HTMLElement;
const CARD = "[data-action], [data-evidence]";
const RUNNABLE = "script, foreignObject, iframe, object, embed";

function cardId(card: Element): string | null {
  return card.getAttribute("data-action") ?? card.getAttribute("data-evidence");
}

/** The drawing's <svg> element, cleaned of anything active; null if it does not parse. */
function parseDrawing(text: string): SVGSVGElement | null {
  // The nonce goes in before parsing: the parser checks a <style> against
  // the page's policy as it meets it.
  const withNonce = text.replace(/<style(?=[\s>])/g, `<style nonce="${nonce}"`);
  const parsed = new DOMParser().parseFromString(withNonce, "image/svg+xml");
  const root = parsed.documentElement;
  if (parsed.getElementsByTagName("parsererror").length > 0 || root.localName !== "svg") {
    return null;
  }
  root.querySelectorAll(RUNNABLE).forEach((element) => element.remove());
  for (const element of [root, ...Array.from(root.querySelectorAll("*"))]) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on") || ((name === "href" || name === "xlink:href") && element.localName === "a")) {
        element.removeAttributeNode(attribute);
      }
    }
  }
  return document.importNode(root, true) as unknown as SVGSVGElement;
}

function makeCardsReachable(svg: SVGSVGElement): void {
  svg.querySelectorAll(CARD).forEach((card) => {
    card.setAttribute("tabindex", "0");
    card.setAttribute("role", "button");
    card.removeAttribute("aria-hidden");
    card.classList.add("bp-jump");
  });
}

function showDrawing(text: string): void {
  const svg = parseDrawing(text);
  if (svg === null) {
    showError("The drawing could not be read.");
    return;
  }
  makeCardsReachable(svg);
  const { scrollX, scrollY } = window;
  drawing.replaceChildren(svg);
  window.scrollTo(scrollX, scrollY);
  notice.hidden = true;
  notice.textContent = "";
}

/** Why the buffer could not be drawn; the last drawing stays, marked out of date. */
function showError(message: string): void {
  notice.textContent = message;
  notice.hidden = false;
  drawing.classList.toggle("bp-stale", drawing.querySelector("svg") !== null);
  if (drawing.querySelector("svg") === null) {
    drawing.replaceChildren();
  }
}

function jumpFrom(target: EventTarget | null): boolean {
  const card = target instanceof Element ? target.closest(CARD) : null;
  const id = card === null ? null : cardId(card);
  if (id === null) {
    return false;
  }
  vscode.postMessage({ type: "reveal", action: id });
  return true;
}

window.addEventListener("message", (event: MessageEvent<Incoming>) => {
  const message = event.data;
  if (message?.type === "drawing" && typeof message.svg === "string") {
    drawing.classList.remove("bp-stale");
    showDrawing(message.svg);
  } else if (message?.type === "error" && typeof message.message === "string") {
    showError(message.message);
  }
});

drawing.addEventListener("click", (event) => {
  event.preventDefault();
  jumpFrom(event.target);
});

drawing.addEventListener("keydown", (event) => {
  if ((event.key === "Enter" || event.key === " ") && jumpFrom(event.target)) {
    event.preventDefault();
  }
});

// Fit the drawing to the panel, or show it at its own size: a double click
// on the drawing's background switches.
drawing.addEventListener("dblclick", (event) => {
  if (!(event.target instanceof Element) || event.target.closest(CARD) === null) {
    document.body.classList.toggle("bp-natural-size");
  }
});

vscode.postMessage({ type: "ready" });
