"""How a stage declares a diagnostic code, beside the code that raises it.

A declaration carries everything about a code: its level, whether it is on
by default, and the documentation the rule reference is generated from (a
summary, why it matters, a bad and a good example; the tests check every
example). Stages raise through their declarations, so a code's level is set
in one place. blueprint.catalogue collects the declarations of every stage.
BP1xx: syntax. BP2xx: meaning. BP3xx: blueprint practice (warnings).
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from blueprint.diagnostics.texts import Say, Text
from blueprint.diagnostics.types import Diagnostic, Level
from blueprint.source import Span

# The opening lines most examples share.
EXAMPLE_HEAD = 'blueprint "Cash deposit"\n'
EXAMPLE_STEP = 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> count\n'


class Code(BaseModel):
    # Declarations are built without validation (see declare): the validator
    # is built only if something validates a code.
    model_config = ConfigDict(frozen=True, defer_build=True)

    code: str
    name: str
    level: Level
    summary: str
    why: str
    bad: str
    good: str
    default_enabled: bool = True
    # What it says, in every language (see blueprint.diagnostics.texts): its
    # messages and hints by a name of the code's own choosing.
    says: Mapping[str, Say] = {}

    def text(self, name: str, **values: object) -> Text:
        """One of this code's texts, its blanks filled."""
        return self.says[name](**values)

    def at(self, file: str, span: Span, message: str | Text, hint: str | Text | None = None) -> Diagnostic:
        """This code found at `span` of `file`. The English words are the
        diagnostic's message and hint; the texts stay with it for `localized`."""
        # Every argument is already of its field's type (the checker's own
        # values), so the diagnostic is built as is: see blueprint.model.types.Node.
        found = Diagnostic.model_construct(
            code=self.code, level=self.level, file=file, span=span,
            message=message.worded() if isinstance(message, Text) else message,
            hint=hint.worded() if isinstance(hint, Text) else hint)
        found._texts = (message if isinstance(message, Text) else None, hint if isinstance(hint, Text) else None)
        return found


def declare(**fields: object) -> Code:
    """A code's declaration. Stages declare theirs as module constants, which
    the tests validate: building them unvalidated keeps pydantic's validators,
    and the plugin lookup that comes with the first of them, off every start."""
    return Code.model_construct(**fields)
