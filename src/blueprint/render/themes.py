"""Colour themes for the drawn blueprint, and the CSS that applies them.

A theme is only named colours and stroke widths; `theme_css` turns one into
the stylesheet an SVG carries, keyed by the scene's role strings (used as
class names) plus the few structural classes the SVG renderer adds itself.
Fail and wait points never rely on colour alone: F is a circle, W a rounded
rectangle, severity is fill versus ring weight, and an over-limit wait is
filled solid, so the `print` theme (greyscale) still tells them apart.
"""

from __future__ import annotations

from typing import NamedTuple

from blueprint.vocabulary import THEMES, Lane, names

LANES: tuple[str, ...] = names(Lane)


# A named tuple rather than a frozen dataclass: for sixty fields the dataclass
# decorator writes and compiles four methods of sixty lines each, about 3 ms
# of every start of the command line.
class Theme(NamedTuple):
    name: str
    background: str
    text: str  # body text: card labels, lists
    text_muted: str  # descriptions, meta, legend
    title: str
    # Page furniture around the lanes.
    phase_fill: str
    phase_text: str
    step_fill: str
    step_text: str
    head_fill: str  # the lane header column
    head_text: str
    separator: str  # column separators and other thin rules
    # Lane bands, top to bottom.
    lane_evidence: str
    lane_customer: str
    lane_onstage: str
    lane_backstage: str
    lane_support: str
    # The three blueprint lines (dash pattern comes from the scene, not the theme).
    line: str
    line_label: str
    # Cards: a white-ish face and an edge coloured by lane.
    card_fill: str
    card_text: str
    card_customer: str
    card_onstage: str
    card_backstage: str
    card_support: str
    support_fill: str
    evidence_fill: str
    evidence_edge: str
    evidence_text: str
    link: str
    # Fail (F) and wait (W) badges.
    fail: str
    fail_on: str  # text on a filled (high-severity) fail badge
    fail_face: str  # inside of a ringed fail badge
    wait: str
    wait_face: str
    wait_text: str
    wait_over_fill: str
    wait_over_edge: str
    wait_over_text: str
    # Flows.
    arrow: str
    arrow_deferred: str
    halo: str
    arrow_label_fill: str
    arrow_label_edge: str
    arrow_label_text: str
    # Comparison drawings: the edge and badge of what is new and of what changed.
    added: str
    added_on: str  # the word on a (filled) NEW badge
    changed: str
    changed_face: str  # inside of a (ringed) CHANGED badge
    changed_text: str

    def colours(self) -> dict[str, str]:
        return {name: value for name, value in self._asdict().items() if name != "name"}


DEFAULT = Theme(
    name="default",
    background="#ffffff",
    text="#1f2933",
    text_muted="#52606d",
    title="#102a43",
    phase_fill="#243b53",
    phase_text="#ffffff",
    step_fill="#e4e9f0",
    step_text="#102a43",
    head_fill="#f0f3f7",
    head_text="#243b53",
    separator="#d3dae3",
    lane_evidence="#faf7f0",
    lane_customer="#eef4fb",
    lane_onstage="#edf7f2",
    lane_backstage="#f4f1fa",
    lane_support="#f2f4f6",
    line="#334e68",
    line_label="#334e68",
    card_fill="#ffffff",
    card_text="#1f2933",
    card_customer="#2f6fb3",
    card_onstage="#2c8a62",
    card_backstage="#6a55a8",
    card_support="#5c6b7a",
    support_fill="#f9fafb",
    evidence_fill="#fffdf8",
    evidence_edge="#9a8658",  # 3.3:1 against its lane: an edge that carries meaning (WCAG 1.4.11)
    evidence_text="#4a4032",
    link="#1d5fa8",
    fail="#c62828",
    fail_on="#ffffff",
    fail_face="#ffffff",
    wait="#b26a00",
    wait_face="#fff6e0",
    wait_text="#6b3f00",
    wait_over_fill="#7a3300",
    wait_over_edge="#3d1900",
    wait_over_text="#ffffff",
    arrow="#3e4c59",
    arrow_deferred="#616e7c",
    halo="#ffffff",
    arrow_label_fill="#ffffff",
    arrow_label_edge="#bcccdc",
    arrow_label_text="#3e4c59",
    added="#1a7f37",
    added_on="#ffffff",
    changed="#c2410c",
    changed_face="#fff4ec",
    changed_text="#9a3412",
)

DARK = Theme(
    name="dark",
    background="#0f1620",
    text="#e3e8ef",
    text_muted="#a3b1c2",
    title="#f5f7fa",
    phase_fill="#3a5f8a",
    phase_text="#ffffff",
    step_fill="#1c2a3a",
    step_text="#e3e8ef",
    head_fill="#141f2b",
    head_text="#d5dde7",
    separator="#2b3a4c",
    lane_evidence="#1a1a17",
    lane_customer="#132234",
    lane_onstage="#12251f",
    lane_backstage="#1d1a2c",
    lane_support="#171c22",
    line="#9fb3c8",
    line_label="#b8c6d6",
    card_fill="#1b2633",
    card_text="#e9eef4",
    card_customer="#6ea8e8",
    card_onstage="#5cc495",
    card_backstage="#a996e6",
    card_support="#8d9bab",
    support_fill="#202a35",
    evidence_fill="#24231f",
    evidence_edge="#8c7f62",
    evidence_text="#ddd3bd",
    link="#8cc4ff",
    fail="#ff6b6b",
    fail_on="#1a0505",
    fail_face="#1b2633",
    wait="#f0b429",
    wait_face="#2a2210",
    wait_text="#ffd98a",
    wait_over_fill="#f0b429",
    wait_over_edge="#fff1c2",
    wait_over_text="#1a1200",
    arrow="#c3cfdb",
    arrow_deferred="#9aa9b9",
    halo="#0f1620",
    arrow_label_fill="#0f1620",
    arrow_label_edge="#3e5066",
    arrow_label_text="#d5dde7",
    added="#3fb950",
    added_on="#04130a",
    changed="#f0883e",
    changed_face="#2a1a0e",
    changed_text="#ffb77c",
)

# Pure greys only (R = G = B): the drawing must survive a black-and-white printer.
PRINT = Theme(
    name="print",
    background="#ffffff",
    text="#000000",
    text_muted="#333333",
    title="#000000",
    phase_fill="#333333",
    phase_text="#ffffff",
    step_fill="#e6e6e6",
    step_text="#000000",
    head_fill="#f2f2f2",
    head_text="#000000",
    separator="#bbbbbb",
    lane_evidence="#fafafa",
    lane_customer="#ffffff",
    lane_onstage="#f4f4f4",
    lane_backstage="#ffffff",
    lane_support="#f4f4f4",
    line="#000000",
    line_label="#000000",
    card_fill="#ffffff",
    card_text="#000000",
    card_customer="#222222",
    card_onstage="#222222",
    card_backstage="#222222",
    card_support="#444444",
    support_fill="#ffffff",
    evidence_fill="#ffffff",
    evidence_edge="#777777",
    evidence_text="#222222",
    link="#000000",
    fail="#000000",
    fail_on="#ffffff",
    fail_face="#ffffff",
    wait="#000000",
    wait_face="#ffffff",
    wait_text="#000000",
    wait_over_fill="#000000",
    wait_over_edge="#000000",
    wait_over_text="#ffffff",
    arrow="#000000",
    arrow_deferred="#333333",
    halo="#ffffff",
    arrow_label_fill="#ffffff",
    arrow_label_edge="#888888",
    arrow_label_text="#000000",
    added="#000000",
    added_on="#ffffff",
    changed="#000000",
    changed_face="#ffffff",
    changed_text="#000000",
)

PALETTES: dict[str, Theme] = {theme.name: theme for theme in (DEFAULT, DARK, PRINT)}


def get_theme(name: str) -> Theme:
    try:
        return PALETTES[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown theme {name!r}; expected one of: {', '.join(THEMES)}") from None


def theme_css(name: str) -> str:
    """The stylesheet for theme `name` (ValueError if there is no such theme)."""
    t = get_theme(name)
    return _frame_css(t) + _content_css(t)


def _frame_css(t: Theme) -> str:
    """The page, the headings, the lanes, the lines and the legend's lines."""
    lane_rules = "\n".join(f".lane-{lane}{{fill:{getattr(t, f'lane_{lane}')}}}" for lane in LANES)
    # Element selectors first: a role this sheet does not know still draws legibly.
    return f"""\
rect{{fill:none}}
text{{fill:{t.text}}}
line{{stroke:{t.separator};stroke-width:1}}
.background{{fill:{t.background}}}
.title{{fill:{t.title}}}
.description,.meta,.subtitle,.legend-text,.legend-label,.caption{{fill:{t.text_muted}}}
.legend-title,.legend-heading,.list-heading,.list-title,.points-heading{{fill:{t.title}}}
.list-text,.list-item,.points-text{{fill:{t.text}}}
.phase,.phase-band{{fill:{t.phase_fill}}}
.phase-label,.phase-text{{fill:{t.phase_text}}}
.step,.step-head,.step-header{{fill:{t.step_fill}}}
.step-label,.step-text{{fill:{t.step_text}}}
.lane-header,.lane-head,.head{{fill:{t.head_fill}}}
.lane-label,.lane-text{{fill:{t.head_text}}}
{lane_rules}
.column-separator,.separator,.grid,.rule{{stroke:{t.separator}}}
.line-interaction,.line-visibility,.line-internal{{stroke:{t.line};stroke-width:1.5}}
.line-label{{fill:{t.line_label}}}
.dash-dashed{{stroke-dasharray:7 5}}
.dash-dotted{{stroke-dasharray:1 4;stroke-linecap:round}}
.line-internal.dash-dotted{{stroke-width:2}}
.lane-divider,.list-rule{{stroke:{t.separator}}}
.legend-arrow-handoff,.legend-arrow-agreement{{stroke:{t.arrow};stroke-width:1.5}}
.legend-arrow-deferred{{stroke:{t.arrow_deferred};stroke-width:1.5}}
.legend-arrow-deferred.dash-dashed{{stroke-dasharray:6 4}}
"""


def _content_css(t: Theme) -> str:
    """Cards, fail and wait marks, recovery tags and flows."""
    card_rules = "\n".join(
        f".card-{lane} .card-frame{{stroke:{getattr(t, f'card_{lane}')}}}" for lane in LANES if lane != "evidence"
    )
    return f"""\
.card-frame{{fill:{t.card_fill};stroke-width:1.25}}
{card_rules}
.card-support .card-frame{{fill:{t.support_fill}}}
.card-evidence .card-frame{{fill:{t.evidence_fill};stroke:{t.evidence_edge};stroke-width:1}}
.card-fold{{fill:{t.evidence_edge}}}
.card-text{{fill:{t.card_text}}}
.evidence-text{{fill:{t.evidence_text}}}
.card-link .card-frame{{stroke-width:1.75}}
.link-mark,.legend-link-mark{{fill:none;stroke:{t.link};stroke-width:1.5;stroke-linecap:round}}
.legend-card-link{{fill:{t.card_fill};stroke:{t.text_muted};stroke-width:1.75}}
.mark-fail .mark-shape{{stroke:{t.fail};fill:{t.fail_face};stroke-width:2.25}}
.mark-fail .marker-text{{fill:{t.fail}}}
.mark-fail.severity-low .mark-shape,.mark-fail.severity-unrated .mark-shape{{stroke-width:1}}
.mark-fail.severity-high .mark-shape{{fill:{t.fail};stroke-width:1}}
.mark-fail.severity-high .marker-text{{fill:{t.fail_on}}}
.mark-wait .mark-shape{{stroke:{t.wait};fill:{t.wait_face};stroke-width:1.25}}
.mark-wait .marker-text{{fill:{t.wait_text}}}
.mark-wait.over-limit .mark-shape{{fill:{t.wait_over_fill};stroke:{t.wait_over_edge};stroke-width:2.5}}
.mark-wait.over-limit .marker-text{{fill:{t.wait_over_text}}}
.recovery-shape{{fill:{t.halo};stroke:{t.fail};stroke-width:1;stroke-dasharray:3 2}}
.recovery-text{{fill:{t.fail}}}
.flow-halo{{fill:none;stroke:{t.halo};stroke-width:5;stroke-linejoin:round;stroke-linecap:butt}}
.flow-line{{fill:none;stroke:{t.arrow};stroke-width:1.5;stroke-linejoin:round}}
.flow-deferred .flow-line{{stroke:{t.arrow_deferred};stroke-dasharray:6 4}}
.flow-head{{fill:{t.arrow}}}
.flow-head-deferred{{fill:{t.arrow_deferred}}}
.arrow-label-box,.flow-label-box{{fill:{t.arrow_label_fill};stroke:{t.arrow_label_edge};stroke-width:1}}
.arrow-label,.flow-label{{fill:{t.arrow_label_text}}}
.arrow-label-leader{{stroke:{t.arrow};stroke-width:0.75}}
"""


def practice_css(name: str) -> str:
    """The rules a drawing adds to `theme_css(name)` when it shows the
    practitioner's marks: roles, channels, key steps, decisions."""
    t = get_theme(name)
    return f"""\
.card-role{{fill:{t.text_muted}}}
.mark-key .mark-shape{{fill:{t.phase_fill};stroke:{t.phase_fill};stroke-width:1}}
.mark-key .marker-text{{fill:{t.phase_text}}}
.mark-channel .mark-shape{{fill:{t.card_fill};stroke:{t.text_muted};stroke-width:1}}
.mark-channel .marker-text{{fill:{t.text}}}
.card-decision{{fill:{t.card_text}}}
.decision-mark{{fill:{t.card_fill};stroke:{t.card_text};stroke-width:1.5;stroke-linejoin:round}}
.legend-decision{{stroke:{t.card_text};stroke-width:1.5;stroke-linecap:round}}
.card[data-decision] .card-frame{{stroke-width:2.25}}
"""


def compare_css(name: str) -> str:
    """The rules a comparison drawing adds to `theme_css(name)`. Never colour
    alone: a new card has a heavy edge and a filled NEW badge, a changed one a
    dashed edge and a dashed CHANGED badge, a new fail point a dashed ring."""
    t = get_theme(name)
    return f"""\
.card.change-added .card-frame{{stroke:{t.added};stroke-width:2.75}}
.card.change-changed .card-frame{{stroke:{t.changed};stroke-width:2;stroke-dasharray:6 3}}
.badge-shape{{stroke-width:1.25}}
.badge-added .badge-shape{{fill:{t.added};stroke:{t.added}}}
.badge-added .badge-text{{fill:{t.added_on}}}
.badge-changed .badge-shape{{fill:{t.changed_face};stroke:{t.changed};stroke-dasharray:3 2}}
.badge-changed .badge-text{{fill:{t.changed_text}}}
.mark-new-ring{{fill:none;stroke:{t.fail};stroke-width:1.5;stroke-dasharray:3 2}}
"""
