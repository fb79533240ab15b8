"""The detail tags of a drawing as the SVG template draws them: each with
the link a page gives it (to the detail's own page) and the name a screen
reader reads for that link. A standalone drawing links nowhere: the tag
only says there is more underneath."""

from __future__ import annotations

from blueprint.render.links import detail_href
from blueprint.scene import Marker, Scene
from blueprint.vocabulary import Language
from blueprint.words import WORDS


class DetailMarkView:
    __slots__ = ("marker", "href", "name")

    def __init__(self, marker: Marker, href: str | None, name: str) -> None:
        self.marker = marker
        self.href = href
        self.name = name


def detail_marks(scene: Scene, suffix: str | None) -> list[DetailMarkView]:
    """The tags on the cards, then those on the steps' heads; linked to the
    detail's page (its path with `suffix` for `.bp`) when `suffix` is given."""
    opening = str(WORDS[Language(scene.lang)]["detail_open"])
    tags = [marker for card in scene.cards for marker in card.markers if marker.kind == "detail"]
    tags += [column.detail_marker for column in scene.columns if column.detail_marker is not None]
    views = []
    for tag in tags:
        link = tag.link or ""
        href = detail_href(link, suffix) if suffix else None
        views.append(DetailMarkView(tag, href, opening.format(title=link)))
    return views
