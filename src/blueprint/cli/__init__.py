"""The `blueprint` command. Each subcommand's module is imported only when it
runs, so `blueprint --help` stays fast."""

from __future__ import annotations

import errno
import importlib

import click

from blueprint import __version__

# name -> (module, one-line help shown by `blueprint --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("blueprint.cli.check", "Check .bp files and report every problem."),
    "render": ("blueprint.cli.render", "Draw .bp files as SVG, HTML, PNG or Graphviz DOT."),
    "fmt": ("blueprint.cli.fmt", "Rewrite .bp files in the one canonical layout."),
    "new": ("blueprint.cli.new", "Start a new blueprint from a commented sample."),
    "stats": ("blueprint.cli.stats", "Count steps, contacts, hand-offs, fail points, waits, time and cost."),
    "diff": ("blueprint.cli.diff", "Compare two states of a service, e.g. current and future."),
    "export": ("blueprint.cli.export", "Write the model of a .bp file as JSON."),
    "schema": ("blueprint.cli.schema", "Print the JSON Schema of the exported model."),
    "import": ("blueprint.cli.import_", "Write a .bp file from a JSON model document."),
    "watch": ("blueprint.cli.watch", "Show a .bp file in the browser and redraw it on every save."),
    "lsp": ("blueprint.cli.lsp", "Run the language server for editors (over stdio)."),
}


class LazyGroup(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        # Whatever the operating system refuses on a path no command foresaw
        # (a name too long, a folder that is a file) is the user's to fix:
        # a usage error, never a traceback. A reader gone from the pipe is
        # left to click, which ends quietly.
        try:
            return super().invoke(ctx)
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise
            from blueprint.cli.shared import describe_os_error, fail_usage

            fail_usage(describe_os_error(error))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[name][0])
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="blueprint")
def main() -> None:
    """Service blueprints as code: check .bp files and render them.

    \b
    Examples:
      blueprint check examples/
      blueprint check --format github flows/*.bp
    """
