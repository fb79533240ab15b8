"""`blueprint watch`: a live preview of one .bp file in the browser.

The HTML drawing is served on 127.0.0.1 and redrawn on every save, with the
standard library only. One module for each part:

- polling: watching the file (polled, read once it holds still);
- preview: the view the page shows, drawn through blueprint.api, the last
  good drawing kept while the file cannot be drawn;
- page: the HTML page with the version, the problems and the reload script
  added, under a policy as strict as the normal page's;
- server: HTTP on 127.0.0.1, the page and its event stream;
- loop: serving, polling and stopping on Ctrl-C or SIGTERM.

What the preview says is blueprint.report's (report/preview.py).
"""

from __future__ import annotations

from blueprint.watch.loop import run
from blueprint.watch.page import EVENTS_PATH, RELOAD_SCRIPT, page
from blueprint.watch.preview import Preview, View
from blueprint.watch.server import DEFAULT_PORT, PortInUse, PreviewServer, bind

__all__ = ["Preview", "View", "PortInUse", "PreviewServer", "bind", "page", "run", "DEFAULT_PORT", "EVENTS_PATH",
           "RELOAD_SCRIPT"]
