"""The preview page: the normal HTML rendering with three things added.

- a <meta> naming the version it shows;
- a banner with the problems, when there are any (escaped);
- a small script that listens on a Server-Sent Events stream (EVENTS_PATH)
  and reloads the page when the server's version differs from its own.

Its Content-Security-Policy stays as strict as the normal page's: the script
and the banner's style are allowed by their SHA-256 hashes, and the one URL
the page may connect to is the event stream.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

from blueprint.watch.preview import View

EVENTS_PATH = "/__blueprint__/events"

# The one script watch mode adds. It reads the version the page shows from the
# <meta name="blueprint-watch">, reloads as soon as the server announces
# another, and keeps the scroll position across the reload.
RELOAD_SCRIPT = """\
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="blueprint-watch"]');
  if (!meta || !window.EventSource) return;
  var shown = meta.getAttribute("content");
  var KEY = "blueprint-watch-scroll";
  try {
    var saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
    sessionStorage.removeItem(KEY);
    if (saved) window.scrollTo(saved[0], saved[1]);
  } catch (error) { /* storage may be off; the page then opens at the top */ }
  var events = new EventSource("%s");
  events.addEventListener("version", function (event) {
    if (event.data === shown) return;
    events.close();
    try {
      sessionStorage.setItem(KEY, JSON.stringify([window.scrollX, window.scrollY]));
    } catch (error) { /* see above */ }
    window.location.reload();
  });
})();
""" % EVENTS_PATH

BANNER_CSS = """\
.bpw-banner{position:fixed;z-index:1000;top:8px;left:8px;right:8px;max-height:45vh;overflow:auto;\
margin:0;padding:8px 12px;border:1px solid #c62828;border-left-width:6px;border-radius:6px;\
background:#fff5f5;color:#1f2933;box-shadow:0 6px 20px rgba(0,0,0,.25);\
font:13px/1.45 "Liberation Sans",Arial,Helvetica,"Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.bpw-banner.bpw-warnings{border-color:#b26a00;background:#fffaf0}
.bpw-banner summary{cursor:pointer;font-weight:bold}
.bpw-banner pre{margin:8px 0 0;white-space:pre-wrap;overflow-wrap:anywhere;\
font:12.5px/1.4 "Liberation Mono","DejaVu Sans Mono",Menlo,Consolas,monospace}
.bpw-empty{margin:30vh 0 0;text-align:center;color:#52606d}
"""

_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)">')


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def page(view: View, origin: str) -> bytes:
    """The page for `view`, served from `origin` (e.g. http://127.0.0.1:8000):
    the drawing (or a placeholder) with the banner and the reload script.
    ValueError if the drawing is not an HTML page laid out as expected."""
    events = origin + EVENTS_PATH
    extra_head = (f'<meta name="blueprint-watch" content="{view.version}">\n'
                  f"<style>{BANNER_CSS}</style>\n")
    extra_body = f"{_banner(view)}<script>{RELOAD_SCRIPT}</script>\n"
    if view.drawing is None:
        text = _placeholder(view.headline, events, extra_head, extra_body)
    else:
        text = _with_additions(view.drawing.decode("utf-8"), events, extra_head, extra_body)
    return text.encode("utf-8")


def _placeholder(headline: str, events: str, extra_head: str, extra_body: str) -> str:
    """A page for while there is no drawing yet, with the same additions."""
    policy = "; ".join(("default-src 'none'", f"style-src {_hash(BANNER_CSS)}",
                        f"script-src {_hash(RELOAD_SCRIPT)}", f"connect-src {events}",
                        "base-uri 'none'", "form-action 'none'"))
    waiting = html.escape(headline or "")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{waiting}</title>\n{extra_head}</head>\n<body>\n"
        f'<p class="bpw-empty">Waiting for a drawing of this file.</p>\n{extra_body}</body>\n</html>\n'
    )


def _with_additions(text: str, events: str, extra_head: str, extra_body: str) -> str:
    """The rendered page with its policy widened by name and the additions put in."""
    match = _CSP_META.search(text)
    if match is None or "</head>" not in text or "</body>" not in text:
        raise ValueError("the HTML page is not laid out as the watcher expects")
    policy = _with_watch_sources(html.unescape(match.group("policy")), events)
    text = text[:match.start()] + f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">' \
        + text[match.end():]
    head_end = text.index("</head>")
    text = text[:head_end] + extra_head + text[head_end:]
    body_end = text.rindex("</body>")
    return text[:body_end] + extra_body + text[body_end:]


def _with_watch_sources(policy: str, events: str) -> str:
    """The page's policy plus the banner's style, the reload script and the
    event stream, each allowed by name and nothing more."""
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    added = {"style-src": _hash(BANNER_CSS), "script-src": _hash(RELOAD_SCRIPT)}
    out = []
    for directive in directives:
        name = directive.split()[0]
        out.append(f"{directive} {added.pop(name)}" if name in added else directive)
    out += [f"{name} {source}" for name, source in added.items()]
    out.append(f"connect-src {events}")
    return "; ".join(out)


def _banner(view: View) -> str:
    if not view.problems:
        return ""
    kind = "bpw-errors" if view.broken else "bpw-warnings"
    opened = " open" if view.broken else ""
    role = "alert" if view.broken else "status"
    return (f'<details class="bpw-banner {kind}" role="{role}"{opened}>'
            f"<summary>{html.escape(view.headline)}</summary>"
            f"<pre>{html.escape(view.problems)}</pre></details>\n")
