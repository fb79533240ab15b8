"""The words of the blueprint itself, declared once for every stage.

Lanes, lines, fail severities, flow kinds, arrows, languages, states, theme
names and the keywords are facts of the notation, not of one stage: the model types its nodes with
these enums, the scene (which must not depend on the model) names the same
values through the `...Name` literal types derived here, and the renderers,
integrations and the lexer read their choices from here too.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Literal


class Lane(str, Enum):
    """The rows of a blueprint, top to bottom (evidence holds props, not actions)."""

    EVIDENCE = "evidence"
    CUSTOMER = "customer"
    ONSTAGE = "onstage"
    BACKSTAGE = "backstage"
    SUPPORT = "support"
    # The optional zones below support: activities no customer order sets off
    # (Fließ & Kleinaltenkamp), and planning and control (Kingman-Brundage).
    PREPARATION = "preparation"
    MANAGEMENT = "management"


ACTION_LANES: tuple[Lane, ...] = (Lane.CUSTOMER, Lane.ONSTAGE, Lane.BACKSTAGE, Lane.SUPPORT, Lane.PREPARATION,
                                  Lane.MANAGEMENT)
# Drawn, listed and counted only in a blueprint that puts an action in them.
OPTIONAL_LANES: tuple[Lane, ...] = (Lane.PREPARATION, Lane.MANAGEMENT)


class Line(str, Enum):
    """The lines between the lanes: three in every blueprint, two more with the optional lanes."""

    INTERACTION = "interaction"  # customer | onstage
    VISIBILITY = "visibility"  # onstage | backstage
    INTERNAL = "internal"  # backstage | support
    ORDER_PENETRATION = "order-penetration"  # customer-induced | preparation (customer-independent)
    IMPLEMENTATION = "implementation"  # above management


# The line drawn above each lane (the customer lane has none above it): a line
# is drawn when the lane below it is.
LINE_ABOVE: dict[Lane, Line] = {
    Lane.ONSTAGE: Line.INTERACTION,
    Lane.BACKSTAGE: Line.VISIBILITY,
    Lane.SUPPORT: Line.INTERNAL,
    Lane.PREPARATION: Line.ORDER_PENETRATION,
    Lane.MANAGEMENT: Line.IMPLEMENTATION,
}


class State(str, Enum):
    CURRENT = "current"
    FUTURE = "future"


class Language(str, Enum):
    EN = "en"
    ZH = "zh"  # Simplified Chinese
    ZH_HANT = "zh-Hant"  # Traditional Chinese


# Other names a file may give a language: `lang zh-Hans` is `lang zh`.
LANGUAGE_ALIASES: dict[str, Language] = {"zh-Hans": Language.ZH}


# What a file is that does not say (no `state` or `lang` line).
DEFAULT_STATE = State.CURRENT
DEFAULT_LANGUAGE = Language.EN


class Severity(str, Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class FlowKind(str, Enum):
    HANDOFF = "handoff"  # ->
    DEFERRED = "deferred"  # -->
    AGREEMENT = "agreement"  # <->


ARROWS: dict[str, FlowKind] = {"->": FlowKind.HANDOFF, "-->": FlowKind.DEFERRED, "<->": FlowKind.AGREEMENT}

# The keywords of a .bp file: those that open a statement, then the options
# that follow a statement's text (`fail "…" severity high`, `control "…" ref "…"`). The grammar (grammar/blueprint.lark) stays the one source of the
# syntax; these name its keywords for what needs them without parsing (the
# highlighter, the words an ID may not be), and a test keeps them equal.
STATEMENT_KEYWORDS: tuple[str, ...] = (
    "blueprint", "description", "segment", "owner", "state", "lang", "version", "max-wait",
    "lane", "line", "phase", "step", "fail", "wait", "duration", "cost", "note", "link",
)
STATEMENT_KEYWORDS += ("control", "emotion", "metric", "pain", "idea", "opportunity", "question",
                       "confidence")
# The practitioner's statements (roles, channels, key steps, decisions).
STATEMENT_KEYWORDS += ("role", "by", "key", "decision", "channel", "via")
# Scenarios: the paths of one service, and what belongs to only some of them.
STATEMENT_KEYWORDS += ("scenario", "only")
# The blueprint that details a step or an action (a project of many files).
STATEMENT_KEYWORDS += ("detail",)
OPTION_KEYWORDS: tuple[str, ...] = ("severity", "recover")
OPTION_KEYWORDS += ("ref", "impact")
KEYWORDS: tuple[str, ...] = STATEMENT_KEYWORDS + OPTION_KEYWORDS
# Which statements take options after their text, and which: the grammar's `*_option` rules.
STATEMENT_OPTIONS: dict[str, tuple[str, ...]] = {
    "fail": ("severity", "recover"),
    "control": ("ref",),
    "pain": ("severity",),
    "idea": ("impact",),
    "opportunity": ("impact",),
}

class RoleKind(str, Enum):
    """What a role is: people of the organisation, a system, a partner, the customer."""

    STAFF = "staff"
    SYSTEM = "system"
    PARTNER = "partner"
    CUSTOMER = "customer"


class Channel(str, Enum):
    """The channels and places a customer is received in that need no declaration."""

    BRANCH = "branch"
    COUNTER = "counter"
    LOBBY = "lobby"
    ATM = "atm"
    PHONE = "phone"
    APP = "app"
    WEB = "web"
    CHAT = "chat"
    EMAIL = "email"
    SMS = "sms"
    LETTER = "letter"
    VIDEO = "video"
    HOME_VISIT = "home-visit"


# The colour themes every renderer draws; "auto" (light or dark, following the
# reader's setting) is what a documentation site adds on top of them.
THEMES: tuple[str, ...] = ("default", "dark", "print")
AUTO_THEME = "auto"
PAGE_THEMES: tuple[str, ...] = (AUTO_THEME, *THEMES)

# Whether SVG and HTML carry the fonts they are drawn with (cut down to the
# characters used) or only name them.
FONT_OPTIONS: tuple[str, ...] = ("embed", "none")

# What a drawing shows: every lane, card and flow, or one page of phases with
# their key steps and their fail and wait figures.
VIEWS: tuple[str, ...] = ("full", "overview")
DEFAULT_VIEW = "full"

# What names a scenario from outside a file (`render --scenario`, a page's
# `scenario` option): the grammar's NAME, which is also safe in a file name.
SCENARIO_ID = re.compile(r"[^\W\d]\w*(?:-\w+)*")
SCENARIO_ID_SHAPE = "a letter, then letters, digits, _ or single -"


def names(enum: type[Enum]) -> tuple[str, ...]:
    """The values of `enum`'s members, in declaration order."""
    return tuple(member.value for member in enum)


# Literal types of the same values, for the scene's plain-string fields.
# Literal[("a", "b")] is Literal["a", "b"]; pydantic validates them alike.
LaneName = Literal[names(Lane)]  # type: ignore[valid-type]
ActionLaneName = Literal[tuple(lane.value for lane in ACTION_LANES)]  # type: ignore[valid-type]
SeverityName = Literal[names(Severity)]  # type: ignore[valid-type]
FlowKindName = Literal[names(FlowKind)]  # type: ignore[valid-type]
RoleKindName = Literal[names(RoleKind)]  # type: ignore[valid-type]
LanguageName = Literal[names(Language)]  # type: ignore[valid-type]


# A step's customer emotion, -2..+2, may also be written with a word of this
# scale (`emotion frustrated`), from the most negative to the most positive.
EMOTION_SCALE: dict[str, int] = {"frustrated": -2, "annoyed": -1, "neutral": 0, "pleased": 1, "delighted": 2}
EMOTION_MIN, EMOTION_MAX = -2, 2


class NoteKind(str, Enum):
    """The kinds of research note a step or an action may carry."""

    PAIN = "pain"
    IDEA = "idea"
    OPPORTUNITY = "opportunity"
    QUESTION = "question"


class Impact(str, Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


NoteKindName = Literal[names(NoteKind)]  # type: ignore[valid-type]


class Confidence(str, Enum):
    """How sure an action's content is: seen in research, taken for granted, or designed."""

    OBSERVED = "observed"
    ASSUMED = "assumed"
    PROPOSED = "proposed"


ConfidenceName = Literal[names(Confidence)]  # type: ignore[valid-type]
