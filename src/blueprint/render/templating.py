"""The Jinja2 setup every renderer shares: strict, autoescaping, and cheap to
start.

Compiling the SVG template takes about as long as drawing a small blueprint,
so the compiled templates are kept in the user's cache folder (Jinja's own
bytecode cache, keyed by the template's path and checked against its source;
see blueprint.usercache). A cache that cannot be read or written only costs a
recompile.
"""

from __future__ import annotations

from typing import Any

from jinja2 import BaseLoader, Environment, StrictUndefined, Template
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from blueprint.usercache import cache_folder


class _TemplateCache(FileSystemBytecodeCache):
    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged entry (pickle and marshal raise many kinds): compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def environment(loader: BaseLoader, **options: Any) -> Environment:
    """An environment that escapes every value (SVG included) and fails on an
    undefined name, with its compiled templates cached between processes."""
    folder = cache_folder()
    return Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        bytecode_cache=_TemplateCache(folder, "template-%s.cache") if folder else None,
        **options,
    )


def render(template: Template, **variables: Any) -> str:
    """`template.render(**variables)`, without keeping the variables alive.

    A template that defines macros leaves its render context in a reference
    cycle (the context holds the macros, the macros hold the context), so
    everything passed in, the whole scene included, would wait for the
    cyclic garbage collector, whose pass over a large drawing costs more
    than freeing it. Emptying the context once the text is made breaks the
    cycle."""
    context = template.new_context(variables)
    try:
        return template.environment.concat(template.root_render_func(context))  # type: ignore[attr-defined]
    except Exception:
        template.environment.handle_exception()
    finally:
        context.vars.clear()
        context.parent.clear()
