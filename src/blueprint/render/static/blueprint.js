// Interactivity for a blueprint page: details on hover or focus, flow tracing
// on click, and pan and zoom through the SVG viewBox; the drawing fits the
// window or shows at its natural size, which browser zoom enlarges. User text is only ever
// set with textContent or setAttribute, never parsed as markup.
(function () {
  "use strict";

  var dataNode = document.getElementById("bp-data");
  var viewport = document.querySelector(".bp-viewport");
  var svg = viewport ? viewport.querySelector("svg") : null;
  var panel = document.getElementById("bp-details");
  if (!dataNode || !svg || !panel) return;

  var data = JSON.parse(dataNode.textContent);
  var words = data.strings;
  var cardsById = new Map(data.cards.map(function (card) { return [card.id, card]; }));
  var CARD = "[data-action],[data-evidence]";
  var DUPLICATES = "text.title,text.description,text.points-heading,text.points-text,g.markers";
  var cardNodes = Array.prototype.slice.call(svg.querySelectorAll(CARD))
    .filter(function (node) { return cardsById.has(cardId(node)); });
  var flowNodes = Array.prototype.slice.call(svg.querySelectorAll("[data-source][data-target]"));
  var flowLabelNodes = Array.prototype.slice.call(svg.querySelectorAll("[data-flow]"));
  var section = viewport.parentNode;

  // ---- the view: the viewBox is the camera --------------------------------
  var MIN_SCALE = 1;
  var MAX_SCALE = 8;
  var STEP = 1.25;
  var home = readHome();
  var view = copy(home);

  function readHome() {
    var box = svg.viewBox && svg.viewBox.baseVal;
    if (box && box.width > 0 && box.height > 0) {
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    }
    // No viewBox: make one from the drawn size so that zooming has a frame.
    var width = parseFloat(svg.getAttribute("width")) || svg.getBoundingClientRect().width || 1;
    var height = parseFloat(svg.getAttribute("height")) || svg.getBoundingClientRect().height || 1;
    return { x: 0, y: 0, width: width, height: height };
  }

  function copy(box) { return { x: box.x, y: box.y, width: box.width, height: box.height }; }

  function scale() { return home.width / view.width; }

  function apply() {
    view.x = Math.min(Math.max(view.x, home.x), home.x + home.width - view.width);
    view.y = Math.min(Math.max(view.y, home.y), home.y + home.height - view.height);
    svg.setAttribute("viewBox", [view.x, view.y, view.width, view.height].map(round).join(" "));
    placePanel();
  }

  function round(value) { return Math.round(value * 100) / 100; }

  // Zoom by `factor`, keeping the user-space point (cx, cy) where it is on screen.
  function zoomAt(factor, cx, cy) {
    var next = Math.min(Math.max(scale() * factor, MIN_SCALE), MAX_SCALE);
    var width = home.width / next;
    var height = home.height / next;
    view.x = cx - (cx - view.x) * (width / view.width);
    view.y = cy - (cy - view.y) * (height / view.height);
    view.width = width;
    view.height = height;
    apply();
  }

  function zoomCentre(factor) { zoomAt(factor, view.x + view.width / 2, view.y + view.height / 2); }

  function reset() { view = copy(home); apply(); }

  // A zoomed view pans inside the drawing; at natural size the frame scrolls.
  function panBy(fractionX, fractionY) {
    if (scale() > 1.0001 || !natural) {
      view.x += fractionX * view.width;
      view.y += fractionY * view.height;
      apply();
    } else {
      viewport.scrollBy(fractionX * viewport.clientWidth, fractionY * viewport.clientHeight);
    }
  }

  // Fitted to the window (as the page opens) or at natural size, with
  // scroll bars: the drawn size in CSS px, which the browser's zoom enlarges.
  var natural = false;
  var naturalButton = section.querySelector("button[data-zoom=natural]");

  function setNatural(on) {
    natural = on;
    viewport.classList.toggle("bp-natural", on);
    svg.style.width = on ? home.width + "px" : "";
    if (naturalButton) naturalButton.setAttribute("aria-pressed", on ? "true" : "false");
    placePanel();
  }

  // A window narrow or short in CSS px (a small one, or one whose browser was
  // already zoomed when the page opened: 200 % halves both) would fit the
  // drawing at under half its size, its card text at 6 px or less: such a
  // page opens at natural size, readable and scrolling, and "Fit to window"
  // still gives the whole. Only the window's size in CSS px is read, so a
  // zoomed window and a small one of the same size open alike.
  var MIN_FITTED_SCALE = 0.5;
  if (svg.getBoundingClientRect().width < home.width * MIN_FITTED_SCALE) setNatural(true);

  // Zooming the browser (Ctrl and +) should make the drawing bigger; a
  // fitted one would only shrink back into the window, so it lets go.
  var pixelRatio = window.devicePixelRatio || 1;
  window.addEventListener("resize", function () {
    var ratio = window.devicePixelRatio || 1;
    if (ratio > pixelRatio * 1.05 && !natural) setNatural(true);
    pixelRatio = ratio;
  });

  function toUser(clientX, clientY) {
    var frame = svg.getBoundingClientRect();
    return {
      x: view.x + (clientX - frame.left) / frame.width * view.width,
      y: view.y + (clientY - frame.top) / frame.height * view.height
    };
  }

  function centreOn(node) {
    var box = node.getBoundingClientRect();
    var frame = viewport.getBoundingClientRect();
    var inside = box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
    if (inside) return;
    var middle = toUser(box.left + box.width / 2, box.top + box.height / 2);
    view.x = middle.x - view.width / 2;
    view.y = middle.y - view.height / 2;
    apply();
  }

  section.querySelectorAll("button[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var action = button.getAttribute("data-zoom");
      if (action === "in") zoomCentre(STEP);
      else if (action === "out") zoomCentre(1 / STEP);
      else if (action === "natural") setNatural(!natural);
      else { setNatural(false); reset(); }
    });
  });

  var PAN = { left: [-0.1, 0], right: [0.1, 0], up: [0, -0.1], down: [0, 0.1] };
  section.querySelectorAll("button[data-pan]").forEach(function (button) {
    button.addEventListener("click", function () {
      var by = PAN[button.getAttribute("data-pan")];
      if (by) panBy(by[0], by[1]);
    });
  });

  // Plain wheel scrolls the page as everywhere else; Ctrl/⌘ + wheel (and a
  // trackpad pinch, which arrives as one) zooms where the pointer is.
  viewport.addEventListener("wheel", function (event) {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    var point = toUser(event.clientX, event.clientY);
    var delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    zoomAt(Math.exp(-delta * 0.0025), point.x, point.y);
  }, { passive: false });

  // Dragging pans; a press that barely moves stays a click.
  var drag = null;
  var swallowClick = false;

  viewport.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) return;
    swallowClick = false;
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY, from: copy(view), moved: false,
             scrollLeft: viewport.scrollLeft, scrollTop: viewport.scrollTop };
  });

  viewport.addEventListener("pointermove", function (event) {
    if (!drag || event.pointerId !== drag.id) return;
    var dx = event.clientX - drag.x;
    var dy = event.clientY - drag.y;
    if (!drag.moved) {
      if (Math.abs(dx) + Math.abs(dy) < 5) return;
      drag.moved = true;
      viewport.setPointerCapture(event.pointerId);
      viewport.classList.add("bp-dragging");
    }
    if (natural && scale() <= 1.0001) {
      viewport.scrollLeft = drag.scrollLeft - dx;
      viewport.scrollTop = drag.scrollTop - dy;
      return;
    }
    var frame = svg.getBoundingClientRect();
    view.x = drag.from.x - dx * view.width / frame.width;
    view.y = drag.from.y - dy * view.height / frame.height;
    apply();
  });

  function endDrag(event) {
    if (!drag || event.pointerId !== drag.id) return;
    swallowClick = drag.moved;
    drag = null;
    viewport.classList.remove("bp-dragging");
  }
  viewport.addEventListener("pointerup", endDrag);
  viewport.addEventListener("pointercancel", endDrag);

  viewport.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var handled = true;
    switch (event.key) {
      case "+": case "=": zoomCentre(STEP); break;
      case "-": case "_": case "\u2212": zoomCentre(1 / STEP); break;
      case "0": setNatural(false); reset(); break;
      case "1": setNatural(!natural); break;
      case "ArrowLeft": panBy(-0.1, 0); break;
      case "ArrowRight": panBy(0.1, 0); break;
      case "ArrowUp": panBy(0, -0.1); break;
      case "ArrowDown": panBy(0, 0.1); break;
      case "Enter": case " ":
        var node = cardOf(event.target);
        if (node) toggle(node); else handled = false;
        break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });

  // Printing shows the whole diagram, whatever the view on screen.
  var beforePrint = null;
  window.addEventListener("beforeprint", function () {
    beforePrint = { view: copy(view), natural: natural };
    setNatural(false);
    clearSelection();
    setHovered(null);
    if (document.activeElement && cardOf(document.activeElement)) document.activeElement.blur();
    reset();
  });
  window.addEventListener("afterprint", function () {
    if (beforePrint) { view = beforePrint.view; setNatural(beforePrint.natural); beforePrint = null; apply(); }
  });

  // ---- tracing flows ----------------------------------------------------------
  var selected = null;

  function cardId(node) {
    return node.hasAttribute("data-action") ? node.getAttribute("data-action") : node.getAttribute("data-evidence");
  }

  function cardOf(target) {
    var node = target && target.closest ? target.closest(CARD) : null;
    return node && cardNodes.indexOf(node) >= 0 ? node : null;
  }

  function toggle(node) {
    if (selected === node) clearSelection(); else select(node);
  }

  function select(node) {
    var id = cardId(node);
    var ends = new Set();
    var flows = new Set();
    flowNodes.forEach(function (flow) {
      var source = flow.getAttribute("data-source");
      var target = flow.getAttribute("data-target");
      var through = source === id || target === id;
      flow.classList.toggle("bp-related", through);
      if (through) { ends.add(source); ends.add(target); if (flow.id) flows.add(flow.id); }
    });
    flowLabelNodes.forEach(function (label) {
      label.classList.toggle("bp-related", flows.has(label.getAttribute("data-flow")));
    });
    cardNodes.forEach(function (other) {
      var otherId = cardId(other);
      other.classList.toggle("bp-selected", other === node);
      other.classList.toggle("bp-related", other !== node && ends.has(otherId));
      other.setAttribute("aria-pressed", other === node ? "true" : "false");
    });
    svg.classList.add("bp-tracing");
    selected = node;
    show(node);
  }

  function clearSelection() {
    selected = null;
    svg.classList.remove("bp-tracing");
    flowNodes.concat(flowLabelNodes).forEach(function (flow) { flow.classList.remove("bp-related"); });
    cardNodes.forEach(function (node) {
      node.classList.remove("bp-selected", "bp-related");
      node.setAttribute("aria-pressed", "false");
    });
    hide();
  }

  viewport.addEventListener("click", function (event) {
    // A card's own link opens from the details panel; a click on the card traces it.
    // A detail tag's link opens the detail's page, unless the press was a drag.
    var link = event.target.closest ? event.target.closest("a") : null;
    if (link && !(link.classList.contains("detail-link") && !swallowClick)) event.preventDefault();
    if (swallowClick) { swallowClick = false; return; }
    if (link && link.classList.contains("detail-link")) return;
    var node = cardOf(event.target);
    if (node) toggle(node); else clearSelection();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") clearSelection();
  });

  // ---- highlighting one role's actions -----------------------------------------
  var rolePicker = section.querySelector("select.bp-role:not(.bp-scenario)");
  if (rolePicker) rolePicker.addEventListener("change", function () {
    var role = rolePicker.value;
    clearSelection();
    svg.classList.toggle("bp-role-highlight", role !== "");
    cardNodes.forEach(function (node) {
      node.classList.toggle("bp-role-match", role !== "" && node.getAttribute("data-role") === role);
    });
  });

  // ---- showing one scenario ------------------------------------------------------
  // A card or flow of only some scenarios says which (data-scenarios); one
  // not in the chosen scenario is hidden with the labels, halos and recovery
  // tags that go with it.
  var scenarioPicker = section.querySelector("select.bp-scenario");
  if (scenarioPicker) scenarioPicker.addEventListener("change", function () {
    var chosen = scenarioPicker.value;
    clearSelection();
    var out = {};
    svg.querySelectorAll("[data-scenarios]").forEach(function (node) {
      var hide = chosen !== "" && node.getAttribute("data-scenarios").split(" ").indexOf(chosen) < 0;
      node.classList.toggle("bp-scenario-out", hide);
      if (hide) out[node.getAttribute("data-action") || node.id] = true;
    });
    svg.querySelectorAll(".flow").forEach(function (node) {
      var hide = out[node.id] || out[node.getAttribute("data-source")] || out[node.getAttribute("data-target")];
      node.classList.toggle("bp-scenario-out", !!hide);
      if (hide) out[node.id] = true;
    });
    svg.querySelectorAll("[data-flow]").forEach(function (node) {
      node.classList.toggle("bp-scenario-out", !!out[node.getAttribute("data-flow")]);
    });
    svg.querySelectorAll(".recovery-tag").forEach(function (node) {
      var hide = out[node.getAttribute("data-recovery-action")] || out[node.getAttribute("data-fail-action")];
      node.classList.toggle("bp-scenario-out", !!hide);
    });
    // A step the chosen scenario does not have loses its heading too (a patch of background over it).
    svg.querySelectorAll(".bp-step-cover").forEach(function (node) {
      var away = chosen !== "" && node.getAttribute("data-scenarios").split(" ").indexOf(chosen) < 0;
      node.classList.toggle("bp-step-out", away);
    });
  });

  // ---- the details panel -----------------------------------------------------
  var shownFor = null;
  var hovered = null;
  var hideTimer = 0;

  // The drawing becomes a group of controls: a standalone SVG is one image,
  // and its per-card <title> tooltips would cover the details panel.
  svg.setAttribute("role", "group");
  // The page gives the title and the fail and wait lists to screen readers
  // as a heading and tables; the drawing's copies of them (and the badges
  // of its lists and legend) would only repeat them.
  Array.prototype.forEach.call(svg.querySelectorAll(DUPLICATES), function (node) {
    node.setAttribute("aria-hidden", "true");
  });
  // A card's links are the details panel's; a detail tag's link is the drawing's own.
  Array.prototype.forEach.call(svg.querySelectorAll("a:not(.detail-link)"), function (anchor) {
    anchor.setAttribute("tabindex", "-1");
  });
  cardNodes.forEach(function (node) {
    var card = cardsById.get(cardId(node));
    Array.prototype.forEach.call(node.querySelectorAll("title"), function (title) { title.remove(); });
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute("aria-pressed", "false");
    // Named by what it shows (label and marks, so a voice user can say what
    // they see) and described by its entry in the text version, which is
    // always in the page: facts, fail and wait points, flows and links.
    node.setAttribute("aria-label", card.name);
    if (document.getElementById(card.describedBy)) node.setAttribute("aria-describedby", card.describedBy);
  });

  viewport.addEventListener("pointerover", function (event) {
    if (drag && drag.moved) return;
    var node = cardOf(event.target);
    if (!node || node === hovered) return;
    setHovered(node);
    show(node);
  });

  viewport.addEventListener("pointerout", function (event) {
    var node = cardOf(event.target);
    if (!node || node.contains(event.relatedTarget)) return;
    setHovered(null);
    // A moment's grace to reach the panel, whose links can then be clicked.
    if (!panel.contains(event.relatedTarget)) scheduleHide();
  });

  panel.addEventListener("pointerenter", function () { window.clearTimeout(hideTimer); });
  panel.addEventListener("pointerleave", function () { scheduleHide(); });

  viewport.addEventListener("focusin", function (event) {
    var node = cardOf(event.target);
    if (!node) return;
    // Only keyboard focus moves the view: a click must land where it was aimed.
    if (node.matches(":focus-visible")) centreOn(node);
    show(node);
  });

  viewport.addEventListener("focusout", function (event) {
    if (cardOf(event.relatedTarget) || panel.contains(event.relatedTarget)) return;
    restore();
  });

  function setHovered(node) {
    if (hovered) hovered.classList.remove("bp-hovered");
    hovered = node;
    if (node) node.classList.add("bp-hovered");
  }

  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(restore, 250);
  }

  // Back to the selected card's details, or none.
  function restore() {
    if (hovered) return;
    if (selected) show(selected); else hide();
  }

  function hide() {
    window.clearTimeout(hideTimer);
    panel.hidden = true;
    panel.replaceChildren();
    shownFor = null;
  }

  function show(node) {
    window.clearTimeout(hideTimer);
    var card = cardsById.get(cardId(node));
    if (!card) return;
    if (shownFor !== node) {
      panel.replaceChildren.apply(panel, describe(card));
      shownFor = node;
    }
    panel.hidden = false;
    placePanel();
  }

  function describe(card) {
    var parts = [element("h3", card.label)];
    var facts = [[words.lane, card.lane], [words.step, card.step]];
    if (card.phase) facts.push([words.phase, card.phase]);
    card.details.forEach(function (detail) { facts.push(detail); });
    parts.push(definitions(facts));
    if (card.fails.length) {
      parts.push(element("h4", words.fail_points));
      parts.push(list(card.fails.map(function (fail) {
        var item = [badge("F" + fail.number, "bp-badge bp-badge-fail" + (fail.severityKey ? " bp-severity-" + fail.severityKey : "")),
          " " + fail.description];
        if (fail.severity) item.push(" · " + words.severity + words.colon + fail.severity);
        if (fail.recovery) item.push(" · " + words.recovery + words.colon + fail.recovery);
        return item;
      })));
    }
    if (card.waits.length) {
      parts.push(element("h4", words.wait_points));
      parts.push(list(card.waits.map(function (wait) {
        var item = [badge("W" + wait.number, "bp-badge bp-badge-wait" + (wait.overLimit ? " bp-over" : "")),
          " " + wait.duration];
        if (wait.overLimit) item.push(" ", element("strong", words.over_limit, "bp-over-flag"));
        if (wait.description) item.push(" · " + wait.description);
        return item;
      })));
    }
    var links = card.links.filter(isWebLink);
    if (links.length) {
      parts.push(element("h4", words.links));
      parts.push(list(links.map(function (url) {
        var anchor = element("a", url);
        anchor.setAttribute("href", url);
        anchor.setAttribute("target", "_blank");
        anchor.setAttribute("rel", "noopener noreferrer");
        return [anchor];
      })));
    }
    return parts;
  }

  // The page was written with only http(s) links; checked again here so that
  // an edited data block still cannot produce a script link.
  function isWebLink(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:";
    } catch (error) {
      return false;
    }
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function badge(text, className) { return element("span", text, className); }

  function definitions(pairs) {
    var dl = element("dl");
    pairs.forEach(function (pair) {
      dl.append(element("dt", pair[0]), element("dd", pair[1]));
    });
    return dl;
  }

  function list(items) {
    var ul = element("ul");
    items.forEach(function (pieces) {
      var li = element("li");
      li.append.apply(li, pieces);
      ul.append(li);
    });
    return ul;
  }

  // Beside the card, on whichever side has room; below it when neither has.
  function placePanel() {
    if (panel.hidden || !shownFor) return;
    var card = shownFor.getBoundingClientRect();
    var frame = section.getBoundingClientRect();
    var page = document.documentElement.clientWidth;
    var width = panel.offsetWidth;
    var height = panel.offsetHeight;
    var gap = 10;
    var left;
    var top = card.top;
    if (card.right + gap + width <= page - 8) left = card.right + gap;
    else if (card.left - gap - width >= 8) left = card.left - gap - width;
    else {
      // Below the card, or above it when the window has no room below (a
      // zoomed page's short window): beside neither, never over it.
      left = Math.min(Math.max(8, card.left), page - width - 8);
      top = card.bottom + gap;
      if (top + height > window.innerHeight - 8 && card.top - gap - height >= 8) top = card.top - gap - height;
    }
    if (top + height > window.innerHeight - 8 && height < window.innerHeight - 16) {
      top = Math.max(8, window.innerHeight - 8 - height);
    }
    panel.style.left = round(left - frame.left) + "px";
    panel.style.top = round(top - frame.top) + "px";
  }

  window.addEventListener("resize", placePanel);
  // At natural size the frame scrolls (arrow keys, pan buttons, scroll bars):
  // the panel follows its card.
  viewport.addEventListener("scroll", placePanel);
  apply();
})();
