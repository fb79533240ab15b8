"""The notation's fixed words are declared once (blueprint.vocabulary); every
stage that names them agrees with that declaration."""

from typing import get_args

from blueprint import scene
from blueprint.integrations.embed import THEMES as PAGE_THEMES
from blueprint.render import THEMES as RENDER_THEMES
from blueprint.render.themes import PALETTES
from blueprint.vocabulary import ACTION_LANES, THEMES, FlowKind, Language, Lane, Severity


def values(enum):
    return tuple(member.value for member in enum)


def test_every_theme_has_one_palette_and_every_front_end_offers_the_same_themes():
    assert tuple(PALETTES) == THEMES
    assert RENDER_THEMES == THEMES
    assert PAGE_THEMES == ("auto", *THEMES)


def test_the_scene_names_the_same_values_as_the_model():
    hints = {
        "severity": (scene.Marker, Severity),
        "kind": (scene.Arrow, FlowKind),
        "lane": (scene.Card, Lane),
        "lang": (scene.Scene, Language),
    }
    for field, (node, enum) in hints.items():
        annotation = scene_annotation(node, field)
        assert set(values(enum)) <= set(literal_values(annotation)), (node.__name__, field)
        assert set(literal_values(annotation)) - {None} == set(values(enum)), (node.__name__, field)
    assert set(literal_values(scene_annotation(scene.RemovedItem, "lane"))) - {None} == set(values(ACTION_LANES))


def scene_annotation(node, field):
    import typing

    return typing.get_type_hints(node, vars(scene))[field]


def literal_values(annotation):
    found = []
    for argument in get_args(annotation) or (annotation,):
        if argument is type(None):
            found.append(None)
        elif get_args(argument):
            found.extend(literal_values(argument))
        else:
            found.append(argument)
    return found
