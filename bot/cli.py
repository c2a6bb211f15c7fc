"""`berita`: thin click commands over retrieval.Berita.

Heavy modules (the model, FAISS, python-telegram-bot) are imported inside the
commands that need them, so `berita --help` and mistakes answer at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from retrieval.config import Config, load_config
from retrieval.errors import (
    BeritaError,
    ConfigError,
    IndexCorruptError,
    IndexMissingError,
    IndexWriteError,
    IngestError,
    ModelError,
    QuestionError,
)

if TYPE_CHECKING:
    from rich.console import Console

    from retrieval import Berita

# The one mapping from error to exit status (a subclass takes its nearest listed base).
EXIT_CODES: dict[type[BeritaError], int] = {
    BeritaError: 1,
    ConfigError: 2,
    QuestionError: 2,
    ModelError: 3,
    IndexMissingError: 4,
    IndexCorruptError: 5,
    IngestError: 6,
    IndexWriteError: 7,
}
INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def exit_code(exc: BeritaError) -> int:
    return next(EXIT_CODES[c] for c in type(exc).__mro__ if c in EXIT_CODES)


@contextlib.contextmanager
def reported_errors() -> Iterator[None]:
    """Turn a BeritaError into `berita: error: …` and its exit code; Ctrl-C into a quiet 130."""
    try:
        yield
    except BeritaError as exc:
        from .console import literal  # messages name files and folders: no escape sequences

        click.echo(f"berita: error: {literal(str(exc))}", err=True)
        sys.exit(exit_code(exc))
    except KeyboardInterrupt:
        click.echo("", err=True)
        sys.exit(INTERRUPTED)


def _exit_now(code: int) -> NoReturn:
    """Leave without tearing down torch/ONNX Runtime module by module.

    That teardown costs over a second after the answer is already printed; all
    our files are written and synced before a command returns.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


class BeritaGroup(click.Group):
    """Every command (and the group's own option handling) runs inside reported_errors."""

    def invoke(self, ctx: click.Context):
        with reported_errors():
            return super().invoke(ctx)


@dataclass
class State:
    """What the group hands its commands (``ctx.obj``); the Berita is made on first use."""

    config: Config
    _berita: Berita | None = None
    _console: Console | None = None

    @property
    def berita(self) -> Berita:
        if self._berita is None:
            from retrieval import Berita

            self._berita = Berita(self.config)
        return self._berita

    @property
    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            # Article text is printed literally: no markup, no :emoji:, no highlighting.
            self._console = Console(highlight=False, emoji=False)
        return self._console


pass_state = click.make_pass_decorator(State)


NOISY_LOGGERS = (
    "httpx",
    "httpcore",
    "sentence_transformers",
    "transformers",
    "optimum",
    "faiss",
    "bm25s",
    "watchfiles",  # its "KeyboardInterrupt caught" warning on every Ctrl-C of `berita watch`
)


class _LogPolicy(logging.Filter):
    """On the handler, so libraries that reset their own loggers' levels on import
    (optimum does) still obey it: their records below ``library_level`` are dropped,
    and at default verbosity every error is one line (-v shows tracebacks)."""

    def __init__(self, library_level: int, tracebacks: bool):
        super().__init__()
        self.library_level, self.tracebacks = library_level, tracebacks

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < self.library_level and record.name.split(".")[0] in NOISY_LOGGERS:
            return False
        if not self.tracebacks:
            record.exc_info, record.exc_text = None, None
        return True


def _setup_logging(verbose: int) -> None:
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    handler = logging.StreamHandler()
    # Libraries' warnings (e.g. optimum's "multiple ONNX files") are noise to a user.
    if verbose < 2:  # transformers and optimum install their own handlers; this is their switch
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    handler.addFilter(_LogPolicy(level if verbose >= 2 else logging.ERROR, tracebacks=verbose > 0))
    # Only our own handler gets the policy: a host that configured logging already (a test
    # runner) keeps its handlers as they are, since basicConfig then does nothing.
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", handlers=[handler]
    )


@click.group(cls=BeritaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="config.toml to read")
@click.option("--articles-dir", type=click.Path(file_okay=False), help="folder of article files")
@click.option("--data-dir", type=click.Path(file_okay=False), help="where the index lives")
@click.option("--model", help="sentence-transformers model (hub id or path)")
@click.option("-v", "--verbose", count=True, help="more log output (-vv for debug)")
@click.pass_context
def main(ctx, config_path, articles_dir, data_dir, model, verbose):
    """Answer questions about a folder of news articles, with cited passages."""
    _setup_logging(verbose)
    flags = {"articles_dir": articles_dir, "data_dir": data_dir, "model.name": model}
    ctx.obj = State(load_config(flags=flags, config_path=config_path))


@main.command()
@click.option("--rebuild", is_flag=True, help="re-embed everything")
@pass_state
def index(state: State, rebuild: bool) -> None:
    """Build or update the index from the articles folder."""
    from . import console as ui

    report = ui.build_with_progress(state.console, state.berita, rebuild)
    ui.render_report(state.console, report, state.config.articles_dir)


@main.command()
@click.argument("question")
@click.option("-k", "top_k", type=click.IntRange(1, 50), help="how many passages")
@click.option("--json", "as_json", is_flag=True, help="print the answer as JSON")
@click.option("--full", is_flag=True, help="print every passage in full, not cut short")
@click.option(
    "--conversation",
    is_flag=True,
    help="with '-': the lines are one conversation (follow-ups understood); an empty line starts a new one",
)
@pass_state
def ask(
    state: State, question: str, top_k: int | None, as_json: bool, full: bool, conversation: bool
) -> None:
    """Answer one QUESTION ('-' reads one question per line from stdin, as JSON lines)."""
    from . import console as ui

    if conversation and question != "-":
        raise click.UsageError("--conversation reads the questions from stdin: give '-' as the question")
    if question == "-":
        if not as_json:
            raise click.UsageError("reading questions from stdin needs --json")
        state.berita.warm_up(model=False)  # fail on a missing or damaged index before reading any question
        failures = ui.ask_lines(state.berita, sys.stdin.buffer, sys.stdout, top_k, conversation=conversation)
        sys.exit(1 if failures else 0)
    answer = state.berita.ask(ui.decoded(question), top_k)
    if as_json:
        click.echo(ui.answer_json(answer))
    else:
        ui.render_answer(state.console, answer, full=full)


@main.command()
@click.option("-k", "top_k", type=click.IntRange(1, 50), help="how many passages")
@pass_state
def chat(state: State, top_k: int | None) -> None:
    """Interactive console: ask questions, see answers with sources.

    Follow-up questions ("When did she …?") are understood from the earlier ones;
    'new' (or 'baru') starts a new conversation, 'show N' prints passage N in full.
    """
    from . import console as ui

    state.berita.warm_up(model=False)  # a missing or damaged index: one line, before any question
    ui.chat(state.console, state.berita, Path(state.config.data_dir) / "chat_history", top_k)


@main.command()
@click.option("--problems", is_flag=True, help="list the files that could not be indexed")
@click.option("--json", "as_json", is_flag=True)
@pass_state
def sources(state: State, problems: bool, as_json: bool) -> None:
    """List the indexed articles."""
    from . import console as ui

    if problems:
        found = state.berita.problems()
        if as_json:
            click.echo(ui.to_json(found))
        else:
            ui.render_problems(state.console, found)
        return
    if as_json:
        click.echo(ui.to_json(state.berita.sources()))
    else:
        ui.render_sources(state.console, state.berita.sources())


@main.command()
@click.argument("query", required=False)
@click.option("--json", "as_json", is_flag=True, help="one JSON object per event per line")
@click.option(
    "--lang",
    type=click.Choice(["en", "id"]),
    help="language of the dates (default: the query's, else English)",
)
@pass_state
def timeline(state: State, query: str | None, as_json: bool, lang: str | None) -> None:
    """The dated events in the articles, oldest first (those mentioning QUERY, if given)."""
    from retrieval.timeline import query_language

    from . import console as ui

    query = ui.decoded(query) if query else None
    found = state.berita.timeline(query)
    if as_json:
        for event in found:
            click.echo(event.to_json())
        return
    ui.render_timeline(state.console, found, lang or query_language(query), query)


@main.command()
@pass_state
def watch(state: State) -> None:
    """Keep the index up to date as article files are added, changed or removed."""
    import signal
    import threading

    from retrieval.watch import watch as watch_folder

    from . import console as ui

    # Ctrl-C (SIGINT) is how watching ends. Python turns SIGINT into KeyboardInterrupt only if
    # it was not ignored when the process started, and a shell without job control starts its
    # background jobs (`berita watch &` in a script, a test suite run with `&`) with SIGINT
    # ignored: such a `berita watch` never stopped on SIGINT (test_ctrl_c_ends_watch_quietly
    # timed out under a test run started in the background).
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    console, berita, config = state.console, state.berita, state.config
    ui.render_report(console, ui.build_with_progress(console, berita, rebuild=False))
    console.print(f"Watching {ui.literal(str(config.articles_dir))} (Ctrl-C to stop)…", markup=False)
    stop = threading.Event()
    try:
        watch_folder(
            config.articles_dir,
            berita.build,
            stop,
            config["watch.debounce_ms"],
            on_report=lambda r: ui.render_report(console, r),
        )
    except KeyboardInterrupt:
        stop.set()
    # Ctrl-C ends watching quietly: watchfiles' own interrupt warning is off (raise_interrupt).


TELEGRAM_HELP = """Run the Telegram bot: long polling, or a webhook when telegram.webhook_url is set.

\b
The bot token comes from TELEGRAM_BOT_TOKEN (or telegram.token in config.toml).
Main settings ([telegram] in config.toml; see config.example.toml and the README):
  allowed_ids     user/chat ids that may use the bot (empty = everyone)
  admin_ids       user ids that may run /reindex
  rate_limit, rate_window   messages and button presses per user per window
  webhook_url, webhook_secret, webhook_listen, webhook_port   webhook mode
  api_base_url    a self-hosted Bot API server (BERITA_TELEGRAM_API_URL)
  watch           re-index when article files change (default true)
  channel_posts   answer /ask and mentions in channels (default false)
  followup_minutes   a private-chat question this soon after the last continues
                  its conversation (default 10; replies always continue theirs)
"""


@main.command(help=TELEGRAM_HELP)
@pass_state
def telegram(state: State) -> None:
    from . import telegram as tg

    tg.run(state.config)


def entry() -> None:
    """The `berita` console script: main(), then a quick exit with its status."""
    try:
        main()
    except SystemExit as exc:
        _exit_now(exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1)


if __name__ == "__main__":  # pragma: no cover
    entry()
