"""Terminal rendering (rich) and the interactive chat loop.

Everything that comes from the articles or the user (titles, file names,
passages, questions) is printed as rich ``Text`` after ``literal``: no markup,
no :emoji: codes, and control characters shown, never sent to the terminal.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from retrieval import Answer, Berita, BeritaError, Passage
from retrieval.conversation import Conversation
from retrieval.language import format_date, text
from retrieval.timeline import Event

from .render import answer_parts, cut, event_date, event_extra, event_where, quoted_sentences, snippet

if TYPE_CHECKING:  # types only: importing them at run time would load the build pipeline
    from retrieval.build import IndexReport
    from retrieval.store import Document, Problem

SAMPLE_QUESTION = "Who met in Beijing on 28 September?"
SNIPPET_CHARS = 240  # a passage preview: about three lines of a terminal
# Chat's own words, also with a leading "/" as Telegram users type them ("/help", "/new").
QUIT_WORDS = {"quit", "exit", "keluar"}
NEW_WORDS = {"new", "baru"}  # start a new conversation
HELP_WORDS = {"help", "bantuan", "?"}
CHAT_HELP = (
    "berita — ask about the indexed articles, in English or Indonesian; follow-up "
    "questions continue the conversation. 'new' starts a new one, 'show N' prints "
    "passage N in full, 'help' shows this; Ctrl-D or 'quit' to quit."
)

# C0/C1 controls (escape sequences start here) and bidi overrides, which can make a
# file name read as something else. Newlines and tabs are kept where text has lines.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_BREAK = re.compile(rf"{_CONTROL.pattern}|[\n\t]")


def literal(s: str | None, *, lines: bool = False) -> str:
    """``s`` safe to print: control characters as visible escapes (``\\x1b``).

    ``lines`` keeps newlines and tabs (passage text); otherwise they are escaped
    too (titles, file names: one line each).
    """
    if not s:
        return ""
    pattern = _CONTROL if lines else _CONTROL_OR_BREAK
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), s)


def decoded(s: str) -> str:
    """A command-line string with undecodable bytes (surrogate escapes) as U+FFFD."""
    return s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def to_json(items: Iterable[Any]) -> str:
    """Records as a JSON list: their own flat ``to_dict()`` where they have one."""
    return json.dumps(
        [x.to_dict() if hasattr(x, "to_dict") else asdict(x) for x in items], ensure_ascii=False
    )


def answer_json(answer: Answer) -> str:
    return json.dumps(answer.to_dict(), ensure_ascii=False)


def _meta(doc: Document, lang: str) -> str:
    """A source's outlet and date ("Metrotvnews.com · 29 Sep 2025")."""
    return " · ".join(literal(x) for x in (doc.source, format_date(doc.date, lang)) if x)


def _passage_lines(p: Passage, lang: str, cited: bool, full: bool, quote: str | None = None) -> list[Padding]:
    """A source: its title, where it is in the file, and a snippet centred on ``quote`` (the
    sentence the answer quotes from it), or the passage in full with its retrieval score."""
    mark = Text("★" if cited else " ")
    mark.append(f"[{p.n}] ", style="bold cyan")
    meta = _meta(p.doc, lang)
    head = Text(literal(p.doc.title))
    head.append(f" ({meta})", style="dim")
    paragraphs = f"{p.paragraph}" + (f"-{p.paragraph_end}" if p.paragraph_end != p.paragraph else "")
    where = f"{literal(p.doc.file)}, {text(lang, 'paragraph')} {paragraphs}"
    if full:  # the score is a diagnostic: shown only with the passage in full
        where += f" · {text(lang, 'score')} {p.score:.3f}"
        body = literal(p.text, lines=True)
    else:
        body = snippet(literal(p.text.replace("\n\n", " ¶ ")), literal(quote) or None, SNIPPET_CHARS)
    # A hanging indent: the mark and number in a column of their own, so that the title, the
    # place in the file and the snippet all wrap under the title, never back under the number.
    grid = Table.grid()
    grid.add_column(no_wrap=True, width=max(5, len(mark.plain)))
    grid.add_column(overflow="fold")
    grid.add_row(mark, head)
    grid.add_row("", Text(where, style="dim"))
    grid.add_row("", Text(body))
    return [Padding(grid, (0, 0, 0, 1))]


def _source_line(ps: list[Passage], lang: str, width: int) -> Text:
    """Uncited passages of one article on one line: their numbers, its title (cut to fit)
    and date (chat: `show N` prints one)."""
    doc = ps[0].doc
    meta = _meta(doc, lang)
    numbers = " ".join(f"[{p.n}]" for p in ps) + " "
    title = literal(doc.title)
    room = max(width - 2 - len(numbers) - len(meta) - 3, 12)
    if len(title) > room:
        title = title[: room - 1].rstrip() + "…"
    line = Text("  ")
    line.append(numbers, style="bold cyan")
    line.append(title)
    line.append(f" ({meta})", style="dim")
    return line


def render_answer(console: Console, answer: Answer, *, full: bool = False, compact: bool = False) -> None:
    """How it was understood (a follow-up), the short answer, the article's sentence quoted
    with its mark, who reports it and where the articles differ, then the numbered sources.

    ``compact`` (the chat): only the cited sources with their snippet, the others one line
    each; five snippets after every answer pushed the conversation off the screen (a new
    user counted about 45 lines per answer at 80 columns)."""
    lang = answer.language
    parts = answer_parts(answer)
    if parts.understood:
        console.print(Text(literal(parts.understood), style="dim"))
    if parts.declined is not None:
        console.print(Text(literal(parts.declined), style="yellow"))
        return
    body = Text()
    if parts.short:
        body.append(literal(parts.short), style="bold")
        body.append("\n")
    # A sentence that is itself a quote ('"Kami tahu Persija tim yang kuat," kata …') keeps its
    # own marks rather than a second pair around them.
    quote = parts.quote or ""
    body.append(literal(quote if quote.startswith(('"', "“")) else f"\u201c{quote}\u201d"))
    if parts.mark:
        body.append(f" {parts.mark}", style="bold cyan")
    if parts.reported:
        body.append("\n")
        body.append(literal(parts.reported), style="dim")
    for differ in parts.differ:
        body.append("\n")
        body.append(literal(differ), style="yellow")
    console.print(Panel(body, border_style="green", padding=(0, 1)))
    console.print(Text(text(lang, "sources"), style="bold"))
    quoted = quoted_sentences(answer)
    others: dict[str, list[Passage]] = {}
    for p in answer.passages:
        if compact and answer.cited and p.n not in answer.cited:
            others.setdefault(p.doc.file, []).append(p)
            continue
        for line in _passage_lines(p, lang, p.n in answer.cited, full, quoted.get(p.n)):
            console.print(line)
    for ps in others.values():
        console.print(_source_line(ps, lang, console.width), no_wrap=True, overflow="ellipsis")


def render_timeline(console: Console, events: list[Event], lang: str, query: str | None = None) -> None:
    """One line per event: its date, the sentence (cut), the article, how many report it."""
    if not events:
        none = text(lang, "timeline_none_for", query=query) if query else text(lang, "timeline_none")
        console.print(Text(literal(none), style="yellow"))
        return
    for e in events:
        line = Text()
        line.append(event_date(e, lang), style="bold")
        line.append("  " + literal(cut(e.shown)))
        line.append(f" [{literal(event_where(e))}]", style="cyan")
        extra = event_extra(e, lang)
        if extra:
            line.append(" " + extra, style="dim")
        console.print(line)


def render_passage(console: Console, answer: Answer | None, n: int) -> None:
    """One passage of the last answer, in full (`show N` in chat)."""
    lang = answer.language if answer else "en"
    passage = next((p for p in answer.passages if p.n == n), None) if answer else None
    if answer is None or passage is None:
        count = len(answer.passages) if answer else 0
        console.print(Text(f"No passage {n}: the last answer has {count}.", style="yellow"))
        return
    for line in _passage_lines(passage, lang, passage.n in answer.cited, full=True):
        console.print(line)


def render_sources(console: Console, sources: list) -> None:
    table = Table(title="Indexed articles")
    for col in ("file", "title", "date", "outlet", "chunks"):
        table.add_column(col, justify="right" if col == "chunks" else "left")
    for s in sources:
        table.add_row(
            Text(literal(s.doc.file)),
            Text(literal(s.doc.title)),
            s.doc.date or "—",
            Text(literal(s.doc.source) or "—"),
            str(s.chunks),
        )
    console.print(table)


def render_problems(console: Console, problems: list[Problem]) -> None:
    if not problems:
        console.print("[green]No problems: every article file was indexed.[/]")
        return
    table = Table(title="Files that were not indexed")
    table.add_column("file")
    table.add_column("problem")
    for p in problems:
        table.add_row(Text(literal(p.file)), Text(literal(p.message)))
    console.print(table)


def render_report(console: Console, r: IndexReport, folder: Path | None = None) -> None:
    if r.documents == 0:
        where = f" in {literal(str(folder))}" if folder else ""
        console.print(Text(f"No articles indexed: no usable .txt or .md files{where}.", style="yellow"))
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
            console.print(Text(f"  {label}: {literal(f)}"))
    for p in r.problems:
        line = Text("  ")
        line.append("skipped", style="yellow")
        line.append(f" {literal(p.file)}: {literal(p.message)}")
        console.print(line)


def build_with_progress(console: Console, berita: Berita, rebuild: bool) -> IndexReport:
    # here, not at the top: answering a question never shows a progress bar
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("embed", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return berita.build(rebuild=rebuild, progress=progress)


def ask_lines(
    berita: Berita, lines: Iterable[bytes | str], out: TextIO, k: int | None, *, conversation: bool = False
) -> int:
    """One JSON line out per line in, blank lines included (they get an error object).

    With ``conversation`` the lines are one conversation, so a follow-up is understood
    from the lines before it; there a blank line starts a new conversation and prints
    nothing. Lines are bytes so one undecodable byte spoils only its own question (it
    reads as U+FFFD), never the rest of the stream.
    """
    failures = 0
    talk: Conversation | None = None
    for raw in lines:
        line = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else decoded(raw)
        question = line.strip()
        if conversation and not question:
            talk = None
            continue
        try:
            if conversation and talk is None:
                talk = berita.conversation()
            out.write(answer_json(berita.ask(question, k, conversation=talk)) + "\n")
        except BeritaError as exc:
            failures += 1
            out.write(json.dumps({"question": question, "error": str(exc)}, ensure_ascii=False) + "\n")
        out.flush()
    return failures


def prompt_reader(history_file: Path, **session_options: Any) -> Callable[[], str]:
    """A line editor with history (prompt_toolkit): the prompt is part of the edited line,
    so recalling and editing history never erases it. ``session_options`` go to
    PromptSession (tests pass a pipe as input)."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory

    history_file.parent.mkdir(parents=True, exist_ok=True)
    session: PromptSession[str] = PromptSession(history=FileHistory(str(history_file)), **session_options)
    return lambda: session.prompt("? ")


def _plain_reader(stream: TextIO) -> Callable[[], str]:
    def read() -> str:
        line = stream.readline()
        if not line:
            raise EOFError
        return decoded(line)

    return read


def chat(
    console: Console,
    berita: Berita,
    history_file: Path,
    k: int | None,
    read: Callable[[], str] | None = None,
) -> None:
    """Ask, answer, repeat, as one conversation: a follow-up ("When did she …?") is
    understood from the questions before it. ``new`` (``baru``) starts a new conversation;
    ``show N`` prints passage N of the last answer in full; ``help`` says so; Ctrl-D, ``quit``
    or ``exit`` end it; an empty line just asks again.

    Without a terminal, questions are read line by line from stdin (and a sample
    question is answered when there are none, so `make run` shows something in CI).
    """
    interactive = read is None and sys.stdin.isatty()
    piped = read is None and not interactive
    if read is None:
        read = prompt_reader(history_file) if interactive else _plain_reader(sys.stdin)
    if interactive:
        console.print(CHAT_HELP, markup=False)
    last: Answer | None = None
    talk: Conversation | None = None  # made with the first question (it needs the index)
    asked = 0
    while True:
        try:
            line = read().strip()
        except EOFError:
            break
        except KeyboardInterrupt:
            console.print()
            break
        if not line:
            continue
        word = line.lower().removeprefix("/")
        if word in QUIT_WORDS:
            break
        if word in HELP_WORDS:
            console.print(CHAT_HELP, markup=False)
            continue
        if word in NEW_WORDS:
            talk, last = None, None
            console.print(
                Text(text("id" if "baru" in line.lower() else "en", "new_conversation"), style="dim")
            )
            continue
        if m := re.fullmatch(r"/?(?:show|lihat)\s+\[?(\d{1,3})\]?", line, re.IGNORECASE):
            render_passage(console, last, int(m.group(1)))
            continue
        asked += 1
        try:
            if talk is None:
                talk = berita.conversation()
            last = _ask_showing_status(console, berita, line, k, talk, first=asked == 1)
        except BeritaError as exc:
            console.print(Text(literal(str(exc)), style="red"))
            continue
        render_answer(console, last, compact=True)
    if piped and asked == 0:
        console.print(Text(f"> {SAMPLE_QUESTION}", style="bold"))
        render_answer(console, berita.ask(SAMPLE_QUESTION, k))


def _ask_showing_status(
    console: Console, berita: Berita, question: str, k: int | None, talk: Conversation, first: bool
) -> Answer:
    """The first question loads the model and index (seconds): show that something is happening."""
    if not first:
        return berita.ask(question, k, conversation=talk)
    with console.status("Loading the model and the index (first question only)…"):
        return berita.ask(question, k, conversation=talk)
