"""The colours of an overview drawing (`render --view overview`) in each
theme: its columns, its step cards and their K badges. Built from the
theme's own colours, and written into a drawing only when it is an overview,
so a full drawing keeps its stylesheet byte for byte."""

from __future__ import annotations

from blueprint.render.themes import get_theme


def overview_css(name: str) -> str:
    """The rules an overview drawing adds to `theme_css(name)`."""
    t = get_theme(name)
    return f"""\
.overview-column{{fill:{t.head_fill};stroke:{t.separator};stroke-width:1}}
.overview-step{{fill:{t.card_fill};stroke:{t.card_customer};stroke-width:1.5}}
.overview-step-plain{{fill:{t.card_fill};stroke:{t.separator};stroke-width:1}}
.overview-step-label,.overview-figure{{fill:{t.card_text}}}
.overview-heading{{fill:{t.title}}}
.overview-note,.overview-reason,.overview-zero-text{{fill:{t.text_muted}}}
.overview-zero{{fill:{t.background};stroke:{t.text_muted};stroke-width:1}}
.mark-key .mark-shape{{fill:{t.phase_fill};stroke:{t.phase_fill};stroke-width:1}}
.mark-key .marker-text{{fill:{t.phase_text}}}
"""
