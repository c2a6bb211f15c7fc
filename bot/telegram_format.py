"""Answers as Telegram HTML: escaped, split under 4096 characters, never inside a tag."""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from retrieval import Answer, Passage, Source
from retrieval.language import format_date, text
from retrieval.timeline import Event

from . import callbacks
from .render import answer_parts, cut, event_date, event_extra, event_where, quoted_sentences, snippet

LIMIT = 4096


def esc(s: str | None) -> str:
    return html.escape(s or "", quote=False)


# A source's snippet under an answer: shorter than the console's, a chat message is narrow.
SNIPPET_CHARS = 160


def _cite_line(p: Passage, lang: str, quote: str | None = None) -> str:
    """The source's title, outlet and date, and a snippet centred on the quoted sentence."""
    meta = ", ".join(x for x in (esc(p.doc.source), format_date(p.doc.date, lang)) if x)
    body = snippet(p.text.replace("\n\n", " ¶ "), quote, SNIPPET_CHARS)
    return f"[{p.n}] <i>{esc(p.doc.title)}</i> — {meta}\n{esc(body)}"


def answer_blocks(answer: Answer) -> list[str]:
    """Self-contained HTML blocks (no tag spans two blocks), in reading order: how a follow-up
    was understood, the short answer, the article's sentence as a quote, who reports it,
    where the articles differ, the sources."""
    lang = answer.language
    parts = answer_parts(answer)
    blocks = [f"<i>{esc(parts.understood)}</i>"] if parts.understood else []
    if parts.declined is not None:
        return [*blocks, esc(parts.declined)]
    if parts.short:
        blocks.append(f"<b>{esc(parts.short)}</b>")
    mark = f" {parts.mark}" if parts.mark else ""
    blocks.append(f"<blockquote>{esc(parts.quote)}{mark}</blockquote>")
    if parts.reported:
        blocks.append(f"<i>{esc(parts.reported)}</i>")
    blocks += [f"<i>{esc(line)}</i>" for line in parts.differ]
    blocks.append(f"<b>{text(lang, 'sources')}</b>")
    quoted = quoted_sentences(answer)
    blocks += [_cite_line(p, lang, quoted.get(p.n)) for p in answer.passages]
    return blocks


def timeline_blocks(events: list[Event], lang: str, query: str | None = None) -> list[str]:
    """One block per event: its date, the sentence (cut), the article it is from."""
    if not events:
        none = text(lang, "timeline_none_for", query=query) if query else text(lang, "timeline_none")
        return [esc(none)]
    head = text(lang, "timeline_title") + (f": {query}" if query else "")
    blocks = [f"<b>{esc(head)}</b> ({len(events)})"]
    for e in events:
        where = event_where(e)
        extra = event_extra(e, lang)
        blocks.append(
            f"<b>{esc(event_date(e, lang))}</b> — {esc(cut(e.shown))} <i>({esc(where)})</i>"
            + (f" {esc(extra)}" if extra else "")
        )
    return blocks


def passage_blocks(p: Passage, lang: str) -> list[str]:
    where = f"{esc(p.doc.file)}, {text(lang, 'paragraph')} {p.paragraph}"
    if p.paragraph_end != p.paragraph:
        where += f"–{p.paragraph_end}"
    head = f"<b>[{p.n}] {esc(p.doc.title)}</b>\n" + ", ".join(
        x for x in (esc(p.doc.source), format_date(p.doc.date, lang), where) if x
    )
    return [head] + [esc(para) for para in p.text.split("\n\n")]


def sources_blocks(sources: list[Source], lang: str) -> list[str]:
    if not sources:
        return [esc(text(lang, "no_articles"))]
    lines = [f"<b>{text(lang, 'sources_title')}</b> ({len(sources)})"]
    for i, s in enumerate(sources, 1):
        meta = ", ".join(
            x
            for x in (esc(s.doc.source), format_date(s.doc.date, lang), f"{s.chunks} {text(lang, 'chunks')}")
            if x
        )
        lines.append(f"{i}. <i>{esc(s.doc.title)}</i> — {meta}")
    return lines


def _split_plain(block: str, limit: int) -> list[str]:
    """Split one over-long block between words; tags are opened and closed per piece.

    Blocks are short tag-wrapped lines or escaped plain text; only the latter can
    exceed the limit, but be safe for both: strip a single outer tag and re-wrap.
    """
    open_tag = close_tag = ""
    body = block
    for tag in ("b", "i", "blockquote"):
        if block.startswith(f"<{tag}>") and block.endswith(f"</{tag}>") and block.count("<") == 2:
            open_tag, close_tag, body = f"<{tag}>", f"</{tag}>", block[len(tag) + 2 : -(len(tag) + 3)]
    raw = html.unescape(body) if "<" not in body else None
    if raw is None:  # mixed markup: fall back to plain text, still escaped
        raw = html.unescape(_strip_tags(block))
        open_tag = close_tag = ""
    room = limit - len(open_tag) - len(close_tag)
    pieces, current = [], ""
    for word in raw.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(html.escape(candidate, quote=False)) <= room:
            current = candidate
            continue
        if current:
            pieces.append(current)
        # a single "word" longer than the room: cut it by characters
        while len(html.escape(word, quote=False)) > room:
            cut = room
            while len(html.escape(word[:cut], quote=False)) > room:
                cut -= 1
            pieces.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        pieces.append(current)
    return [open_tag + html.escape(p, quote=False) + close_tag for p in pieces]


def _strip_tags(s: str) -> str:
    import re

    return re.sub(r"</?[a-z]+>", "", s)


def split_messages(blocks: list[str], limit: int = LIMIT) -> list[str]:
    """Pack blocks into messages of at most ``limit`` characters, joined by blank lines."""
    messages, current = [], ""
    for block in blocks:
        parts = [block] if len(block) <= limit else _split_plain(block, limit)
        for part in parts:
            if not part.strip():
                continue
            candidate = f"{current}\n\n{part}" if current else part
            if len(candidate) <= limit:
                current = candidate
            else:
                messages.append(current)
                current = part
    if current:
        messages.append(current)
    return messages


def answer_keyboard(answer: Answer) -> InlineKeyboardMarkup | None:
    """A button per source (shows its passage) and, below the cap, one for more passages."""
    if not answer.found:
        return None
    row = [
        InlineKeyboardButton(f"[{p.n}]", callback_data=callbacks.show_passage(p.doc.sha256, p.ordinal, p.n))
        for p in answer.passages
    ]
    rows = [row[i : i + 5] for i in range(0, len(row), 5)]
    if len(answer.passages) < callbacks.MAX_PASSAGES:
        more = callbacks.more_passages(len(answer.passages))
        rows.append([InlineKeyboardButton(text(answer.language, "more"), callback_data=more)])
    return InlineKeyboardMarkup(rows)


def telegram_language(code: str | None) -> str | None:
    """Telegram's ``language_code`` → our language, or None when we have no texts for it."""
    if not code:
        return None
    code = code.lower()
    if code.startswith(("id", "in", "ms", "jv", "su")):
        return "id"
    if code.startswith("en"):
        return "en"
    return None
