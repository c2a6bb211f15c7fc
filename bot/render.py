"""What the console and Telegram show of an answer or an event, as plain strings.

Both front ends say the same things in the same order; only the markup differs
(rich styles in the console, HTML in Telegram), so the wording lives here once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from retrieval import Answer
from retrieval.corroborate import REPORTER_TITLE, disagreement_line, reported_line, short_title
from retrieval.dates import MONTH_NAMES
from retrieval.dates import format_date as format_day
from retrieval.language import text
from retrieval.timeline import Event

# An event's sentence in a timeline line: most of the seed sentences fit (median about 150
# characters); the rest are cut at a word, the whole sentence is one `berita ask` away.
EVENT_CHARS = 200

_MARK = re.compile(r"^(.*?)\s*((?:\[\d+\])+)$", re.S)


@dataclass(frozen=True, kw_only=True)
class AnswerParts:
    """An answer's lines, top to bottom; the front ends add only markup."""

    understood: str | None  # "Understood as: …" when a follow-up was resolved
    short: str | None  # the answer in a few words
    quote: str | None  # the article's sentence that proves it, without its mark
    mark: str  # its citation mark, "[1]"
    reported: str | None  # "Reported by 2 of 5 articles: …"
    differ: tuple[str, ...]  # "The articles differ: 1.200 warga — KABARIN (3 Nov 2025) [4]; …"
    declined: str | None  # why there is no answer (found False)


def answer_parts(answer: Answer) -> AnswerParts:
    lang = answer.language
    understood = text(lang, "understood_as", text=answer.understood_as) if answer.understood_as else None
    if not answer.found:
        return AnswerParts(
            understood=understood,
            short=None,
            quote=None,
            mark="",
            reported=None,
            differ=(),
            declined=answer.answer,
        )
    m = _MARK.match(answer.answer)
    mark = m.group(2) if m else ""
    quote = answer.quote or ""  # without the marks and the dateline ("Jakarta (KABARIN) - …")
    short = answer.short_answer.text if answer.short_answer else None
    reported = reported_line(answer.reported_by, answer.articles, lang) if answer.reported_by else None
    differ = tuple(disagreement_line(d, lang) for d in answer.disagreements)
    return AnswerParts(
        understood=understood,
        short=short,
        quote=quote,
        mark=mark,
        reported=reported,
        differ=differ,
        declined=None,
    )


def event_date(event: Event, lang: str) -> str:
    """ "Thursday, 4 September 2025" for a day, "September 2025" for a month, and ranges:
    "1–2 November 2025", "18 December 2025 – 4 January 2026", "December 2025 – February
    2026"; in ``lang``."""
    lg = "id" if lang == "id" else "en"
    months = MONTH_NAMES[lg]
    if event.granularity == "month" or len(event.date) == 7:
        (y1, m1), (y2, m2) = (map(int, d.split("-")[:2]) for d in (event.date, event.end or event.date))
        if (y1, m1) == (y2, m2):
            return f"{months[m1 - 1]} {y1}"
        if y1 == y2:
            return f"{months[m1 - 1]}–{months[m2 - 1]} {y1}"
        return f"{months[m1 - 1]} {y1} – {months[m2 - 1]} {y2}"
    a = dt.date.fromisoformat(event.date)
    if not event.end or event.end == event.date:
        return format_day(a, lg)
    b = dt.date.fromisoformat(event.end)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {months[b.month - 1]} {b.year}"
    if a.year == b.year:
        return f"{a.day} {months[a.month - 1]} – {b.day} {months[b.month - 1]} {b.year}"
    return f"{a.day} {months[a.month - 1]} {a.year} – {b.day} {months[b.month - 1]} {b.year}"


def cut(sentence: str, limit: int = EVENT_CHARS) -> str:
    """``sentence`` at most ``limit`` characters, cut at a word with an ellipsis."""
    if len(sentence) <= limit:
        return sentence
    head = sentence[: limit - 1]
    if " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:") + "…"


def event_where(event: Event) -> str:
    """The article an event's sentence is from: its outlet, else its title cut, else its file."""
    r = next((r for r in event.reported_by if r.file == event.file), None)
    if r is None:
        return event.file
    return r.source or short_title(r.title, REPORTER_TITLE) or event.file


def event_extra(event: Event, lang: str) -> str:
    """ "· 3 articles" when more than one article reports it; "(date inferred)" when it is;
    "(upcoming)" when it was still ahead when its article was published."""
    bits = []
    if len(event.reported_by) > 1:
        bits.append("· " + text(lang, "timeline_articles", n=len(event.reported_by)))
    if event.inferred:
        bits.append(text(lang, "timeline_inferred"))
    if event.expected:
        bits.append(text(lang, "timeline_expected"))
    return " ".join(bits)


# --- the sources under an answer --------------------------------------------------------------

_QUOTED = re.compile(r"(.+?)\s*((?:\[\d+\])+)(?=\s|$)", re.S)


def quoted_sentences(answer: Answer) -> dict[int, str]:
    """Passage number → the sentence the answer quotes from it (the first, when several)."""
    out: dict[int, str] = {}
    if not answer.found:
        return out
    for m in _QUOTED.finditer(answer.answer):
        for n in re.findall(r"\d+", m.group(2)):
            out.setdefault(int(n), m.group(1).strip())
    return out


def snippet(text: str, quote: str | None, limit: int) -> str:
    """About ``limit`` characters of one line of passage ``text``: centred on ``quote`` (the
    sentence the answer quotes) where it occurs, else from the start; cut at words, with "…"
    where it is cut. A quote longer than ``limit`` is shown from its start."""
    found = None
    if quote and quote.split():
        found = re.search(r"\s+".join(re.escape(w) for w in quote.split()), text)
    start, end = found.span() if found else (0, 0)
    if end - start >= limit:
        lo, hi = start, start + limit
    else:
        room = limit - (end - start)
        lo = max(0, start - room // 2)
        hi = min(len(text), lo + limit)
        lo = max(0, hi - limit)
    if 0 < lo < start:  # no half sentence before the quote: from the next sentence's start
        m = re.search(r"[.!?…¶][\"”’)]*\s+(?:¶\s+)?", text[lo:start])
        lo = lo + m.end() if m else (text.index(" ", lo) + 1 if " " in text[lo:start] else start)
    if hi < len(text):
        cut = text.rfind(" ", end if lo < end < hi else lo, hi)  # at a word, the quote whole if it fits
        hi = cut if cut > lo else hi
    return ("…" if lo > 0 else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")
