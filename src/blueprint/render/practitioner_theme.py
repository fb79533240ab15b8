"""The colours of what a practitioner adds to a drawing (the rows of controls,
metrics and research notes, the emotion curve, the C badges) in each theme,
and the CSS that applies them.

Kept apart from Theme, and written into a drawing only when it uses them, so
a drawing without them keeps its stylesheet byte for byte."""

from __future__ import annotations

from typing import NamedTuple

from blueprint.render.themes import get_theme


class PractitionerColours(NamedTuple):
    row_fill: str  # the band of a row under the lanes
    row_text: str
    row_muted: str
    control: str  # a control's square C badge: edge and number
    control_face: str
    emotion_fill: str  # the band of the emotion curve
    emotion_curve: str  # the curve and the edge of its dots
    emotion_low: str  # the face of a dot below neutral (above it, the background's)
    notes: tuple[str, str, str, str]  # the sheets of a pain point, an idea, an opportunity, a question
    note_edge: str


PRACTITIONER: dict[str, PractitionerColours] = {
    "default": PractitionerColours(row_fill="#f4f8f8", row_text="#1f2933", row_muted="#52606d",
                                   control="#0b6464", control_face="#e6f4f3",
                                   emotion_fill="#fbf8fc", emotion_curve="#7b3f8c", emotion_low="#7b3f8c",
                                   notes=("#fde2e2", "#fff3bf", "#d8f5e1", "#dcebfb"), note_edge="#9aa5b1"),
    "dark": PractitionerColours(row_fill="#122120", row_text="#e3e8ef", row_muted="#a3b1c2",
                                control="#5fd4c8", control_face="#10302d",
                                emotion_fill="#1b1623", emotion_curve="#d7a6e6", emotion_low="#d7a6e6",
                                notes=("#4a2326", "#45391a", "#1d3d2a", "#1c2f47"), note_edge="#52606d"),
    # Pure greys, as the rest of the print theme.
    "print": PractitionerColours(row_fill="#ffffff", row_text="#000000", row_muted="#333333",
                                 control="#000000", control_face="#ffffff",
                                 emotion_fill="#ffffff", emotion_curve="#000000", emotion_low="#000000",
                                 notes=("#ffffff", "#ffffff", "#ffffff", "#ffffff"), note_edge="#000000"),
}


def practitioner_css(name: str) -> str:
    """The rules for the rows and marks of controls and the like, in theme `name`."""
    t = get_theme(name)
    p = PRACTITIONER[name]
    kinds = ("pain", "idea", "opportunity", "question")
    notes = "\n".join(f".note-{kind}{{fill:{fill}}}" for kind, fill in zip(kinds, p.notes))
    return f"""\
.row-controls{{fill:{p.row_fill}}}
.row-text{{fill:{p.row_text}}}
.row-muted{{fill:{p.row_muted}}}
.mark-control .mark-shape{{stroke:{p.control};fill:{p.control_face};stroke-width:1.5}}
.mark-control .marker-text{{fill:{p.control}}}
.row-emotion{{fill:{p.emotion_fill}}}
.row-metrics{{fill:{p.row_fill}}}
.metric-value{{fill:{p.row_text}}}
.emotion-curve{{stroke:{p.emotion_curve};stroke-width:2;stroke-linecap:round}}
.emotion-neutral{{stroke:{p.row_muted};stroke-width:1}}
.emotion-dot-high,.emotion-dot-low{{fill:{t.background};stroke:{p.emotion_curve};stroke-width:2}}
.emotion-dot-low{{fill:{p.emotion_low}}}
.emotion-scale{{fill:{p.row_muted}}}
.emotion-text{{fill:{p.row_text}}}
.row-notes{{fill:{p.row_fill}}}
{notes}
.note-pain,.note-idea,.note-opportunity,.note-question{{stroke:{p.note_edge};stroke-width:0.75}}
.note-kind{{fill:{p.row_muted}}}
.note-text{{fill:{p.row_text}}}
.note-at{{fill:{p.row_muted}}}
.confidence-assumed .card-frame,.legend-confidence-assumed{{stroke-dasharray:2 3}}
.confidence-proposed .card-frame,.legend-confidence-proposed{{stroke-dasharray:8 3}}
.legend-confidence-assumed,.legend-confidence-proposed,.legend-confidence-observed{{fill:{t.card_fill};stroke:{t.text_muted};stroke-width:1.25}}
"""


def marks_css(name: str) -> str:
    """The rules a drawing adds to `theme_css(name)` when it shows the
    practitioner's marks, roles, channels, key steps, decisions."""
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


def scenario_css(name: str) -> str:
    """The rules a drawing adds when it tags the parts of only some scenarios:
    a tag outlined in dashes, as a part that is there only on some paths."""
    t = get_theme(name)
    return f"""\
.mark-scenario .mark-shape{{fill:{t.card_fill};stroke:{t.text};stroke-width:1;stroke-dasharray:3 1.5}}
.mark-scenario .marker-text{{fill:{t.text}}}
"""


def detail_css(name: str) -> str:
    """The rules a drawing adds when it has detail tags: the link's colour,
    since on a page the tag is a link to the detail."""
    t = get_theme(name)
    return f"""\
.mark-detail .mark-shape,.mark-detail .mark-sheet{{fill:{t.card_fill};stroke:{t.link};stroke-width:1.25}}
.mark-detail .marker-text{{fill:{t.link}}}
"""
