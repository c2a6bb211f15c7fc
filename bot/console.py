"""Terminal rendering (rich) and the interactive chat loop."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from retrieval import Answer, Berita, BeritaError, Source
from retrieval.build import IndexReport
from retrieval.language import format_date, text
from retrieval.store import Problem

SAMPLE_QUESTION = "Who met in Beijing on 28 September?"


def answer_json(answer: Answer) -> str:
    return json.dumps(answer.to_dict(), ensure_ascii=False)


def render_answer(console: Console, answer: Answer) -> None:
    lang = answer.language
    if not answer.found:
        console.print(f"[yellow]{escape(answer.answer)}[/]")
        return
    console.print(Panel(escape(answer.answer), border_style="green", padding=(0, 1)))
    console.print(f"[bold]{text(lang, 'sources')}[/]")
    for p in answer.passages:
        mark = "★" if p.n in answer.cited else " "
        meta = " · ".join(x for x in (p.doc.source, format_date(p.doc.date, lang)) if x)
        head = Text.from_markup(f"{mark}[bold cyan][{p.n}][/] ")
        head.append(p.doc.title)
        head.append(f" ({meta})", style="dim")
        where = (
            f"{p.doc.file}, {text(lang, 'paragraph')} {p.paragraph}"
            f"{'-' + str(p.paragraph_end) if p.paragraph_end != p.paragraph else ''} · score {p.score:.3f}"
        )
        snippet = p.text.replace("\n\n", " ¶ ")
        snippet = snippet[:240] + ("…" if len(snippet) > 240 else "")
        # Padding keeps wrapped lines indented under their source number.
        console.print(Padding(head, (0, 0, 0, 1)))
        console.print(Padding(Text(where, style="dim"), (0, 0, 0, 6)))
        console.print(Padding(Text(snippet), (0, 0, 0, 6)))


def render_sources(console: Console, sources: list[Source]) -> None:
    table = Table(title="Indexed articles")
    for col in ("file", "title", "date", "outlet", "chunks"):
        table.add_column(col, justify="right" if col == "chunks" else "left")
    for s in sources:
        d = s.doc
        table.add_row(escape(d.file), escape(d.title), d.date or "—", escape(d.source or "—"), str(s.chunks))
    console.print(table)


def render_problems(console: Console, problems: list[Problem]) -> None:
    if not problems:
        console.print("[green]No problems: every article file was indexed.[/]")
        return
    table = Table(title="Files that were not indexed")
    table.add_column("file")
    table.add_column("problem")
    for p in problems:
        table.add_row(escape(p.file), escape(p.message))
    console.print(table)


def render_report(console: Console, r: IndexReport, folder: Path | None = None) -> None:
    if r.documents == 0:
        console.print(
            f"[yellow]No articles indexed: no usable .txt or .md files"
            f"{' in ' + escape(str(folder)) if folder else ''}.[/]"
        )
    if not r.changed_anything and not r.problems:
        console.print(f"Index up to date: {r.documents} articles, {r.chunks} chunks ({r.seconds:.1f}s).")
        return
    what = "rebuilt" if r.rebuilt else "updated"
    console.print(
        f"Index {what}: [green]{len(r.added)} added[/], [yellow]{len(r.changed)} changed[/], "
        f"[red]{len(r.removed)} removed[/], {len(r.unchanged)} unchanged → "
        f"{r.documents} articles, {r.chunks} chunks ({r.embedded} texts embedded, {r.seconds:.1f}s)."
    )
    for label, files in (("added", r.added), ("changed", r.changed), ("removed", r.removed)):
        for f in files:
            console.print(f"  {label}: {escape(f)}")
    for p in r.problems:
        console.print(f"  [yellow]skipped[/] {escape(p.file)}: {escape(p.message)}")


def build_with_progress(console: Console, berita: Berita, rebuild: bool) -> IndexReport:
    columns = [TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("embed", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return berita.build(rebuild=rebuild, progress=progress)


def ask_lines(berita: Berita, lines: Iterable[str], out: TextIO, k: int | None) -> int:
    """One JSON object per input line; a bad line gets an error object, not a crash."""
    failures = 0
    for line in lines:
        question = line.strip()
        if not question:
            continue
        try:
            out.write(answer_json(berita.ask(question, k)) + "\n")
        except BeritaError as exc:
            failures += 1
            out.write(json.dumps({"question": question, "error": str(exc)}, ensure_ascii=False) + "\n")
        out.flush()
    return failures


def chat(console: Console, berita: Berita, history_file: Path, k: int | None) -> None:
    if not sys.stdin.isatty():
        # Not a person at a terminal (CI, a pipe): show what chat does, once.
        console.print(f"[bold]> {SAMPLE_QUESTION}[/]")
        render_answer(console, berita.ask(SAMPLE_QUESTION, k))
        return
    try:
        import readline

        history_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            readline.read_history_file(history_file)
        except OSError:
            pass
    except ImportError:  # pragma: no cover - readline is missing on some platforms
        readline = None
    n_docs = len(berita.sources())
    console.print(
        f"[bold]berita[/] — ask about {n_docs} articles, in English or Indonesian. "
        "Empty line or Ctrl-D to quit."
    )
    try:
        while True:
            try:
                question = console.input("[bold green]? [/]")
            except EOFError:
                break
            if not question.strip():
                break
            try:
                render_answer(console, berita.ask(question, k))
            except BeritaError as exc:
                console.print(f"[red]{escape(str(exc))}[/]")
    except KeyboardInterrupt:
        console.print()
    finally:
        if readline is not None:
            try:
                readline.write_history_file(history_file)
            except OSError:
                pass


def sources_json(sources: list[Source]) -> str:
    return json.dumps([s.to_dict() for s in sources], ensure_ascii=False)
