"""`berita`: thin click commands over retrieval.Berita."""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import asdict
from pathlib import Path

import click
from rich.console import Console

from retrieval import Berita, BeritaError, load_config

from . import console as ui


def _exit_now(code: int) -> None:
    """Leave without tearing down torch/ONNX Runtime module by module.

    That teardown costs over a second after the answer is already printed; all
    our files are written and synced before a command returns.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


class BeritaGroup(click.Group):
    """Translate our errors into one line and an exit code, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BeritaError as exc:
            click.echo(f"berita: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("", err=True)
            sys.exit(130)


def _berita(ctx: click.Context) -> Berita:
    return ctx.obj["berita"]


@click.group(cls=BeritaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="config.toml to read")
@click.option("--articles-dir", type=click.Path(file_okay=False), help="folder of article files")
@click.option("--data-dir", type=click.Path(file_okay=False), help="where the index lives")
@click.option("--model", help="sentence-transformers model (hub id or path)")
@click.option("-v", "--verbose", count=True, help="more log output (-vv for debug)")
@click.pass_context
def main(ctx, config_path, articles_dir, data_dir, model, verbose):
    """Answer questions about a folder of news articles, with cited passages."""
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("httpx", "httpcore", "sentence_transformers", "transformers", "faiss", "bm25s"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    flags = {"articles_dir": articles_dir, "data_dir": data_dir, "model.name": model}
    try:
        config = load_config(flags=flags, config_path=config_path)
    except BeritaError as exc:
        raise click.ClickException(str(exc)) from None
    ctx.obj = {"config": config, "berita": Berita(config), "console": Console(highlight=False)}


@main.command()
@click.option("--rebuild", is_flag=True, help="re-embed everything")
@click.pass_context
def index(ctx, rebuild):
    """Build or update the index from the articles folder."""
    report = ui.build_with_progress(ctx.obj["console"], _berita(ctx), rebuild)
    ui.render_report(ctx.obj["console"], report, ctx.obj["config"].articles_dir)


@main.command()
@click.argument("question")
@click.option("-k", "top_k", type=click.IntRange(1, 50), help="how many passages")
@click.option("--json", "as_json", is_flag=True, help="print the answer as JSON")
@click.pass_context
def ask(ctx, question, top_k, as_json):
    """Answer one QUESTION ('-' reads one question per line from stdin, as JSON lines)."""
    berita = _berita(ctx)
    if question == "-":
        if not as_json:
            raise click.UsageError("reading questions from stdin needs --json")
        berita.warm_up(model=False)  # fail on a missing or damaged index before reading any question
        failures = ui.ask_lines(berita, sys.stdin, sys.stdout, top_k)
        sys.exit(1 if failures else 0)
    answer = berita.ask(question, top_k)
    if as_json:
        click.echo(ui.answer_json(answer))
    else:
        ui.render_answer(ctx.obj["console"], answer)


@main.command()
@click.option("-k", "top_k", type=click.IntRange(1, 50), help="how many passages")
@click.pass_context
def chat(ctx, top_k):
    """Interactive console: ask questions, see answers with sources."""
    config = ctx.obj["config"]
    ui.chat(ctx.obj["console"], _berita(ctx), Path(config.data_dir) / "chat_history", top_k)


@main.command()
@click.option("--problems", is_flag=True, help="list the files that could not be indexed")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def sources(ctx, problems, as_json):
    """List the indexed articles."""
    berita = _berita(ctx)
    if problems:
        found = berita.problems()
        if as_json:
            click.echo(json.dumps([asdict(p) for p in found], ensure_ascii=False))
        else:
            ui.render_problems(ctx.obj["console"], found)
        return
    if as_json:
        click.echo(ui.sources_json(berita.sources()))
    else:
        ui.render_sources(ctx.obj["console"], berita.sources())


@main.command()
@click.pass_context
def watch(ctx):
    """Keep the index up to date as article files are added, changed or removed."""
    import threading

    from retrieval.watch import watch as watch_folder

    console, berita, config = ctx.obj["console"], _berita(ctx), ctx.obj["config"]
    ui.render_report(console, ui.build_with_progress(console, berita, rebuild=False))
    console.print(f"Watching {config.articles_dir} (Ctrl-C to stop)…")
    watch_folder(
        config.articles_dir,
        berita.build,
        threading.Event(),
        config["watch.debounce_ms"],
        on_report=lambda r: ui.render_report(console, r),
    )


@main.command()
@click.pass_context
def telegram(ctx):
    """Run the Telegram bot: long polling, or a webhook when telegram.webhook_url is set."""
    from . import telegram as tg

    tg.run(ctx.obj["config"])


def entry() -> None:
    """The `berita` console script: main(), then a quick exit with its status."""
    try:
        main()
    except SystemExit as exc:
        _exit_now(exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1)


if __name__ == "__main__":  # pragma: no cover
    entry()
