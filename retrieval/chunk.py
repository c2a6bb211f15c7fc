"""Paragraph- and sentence-aware chunks that never cut a sentence.

Every chunk and every sentence keeps character offsets into its article's
text, so a citation can point at the exact place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .ingest import Article

# Tokens that end with a period but don't end a sentence.
_ABBREVIATIONS = {
    "dr",
    "drs",
    "jl",
    "jln",
    "no",
    "st",
    "mr",
    "mrs",
    "ms",
    "prof",
    "h",
    "hj",
    "moh",
    "muh",
    "moch",
    "ir",
    "tn",
    "ny",
    "sdr",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "sen",
    "rep",
    "gen",
    "lt",
    "col",
    "kol",
    "jend",
    "brigjen",
    "mayjen",
    "letjen",
    "dll",
    "dsb",
    "dst",
    "a.l",
    "u.s",
    "a.s",
    "u.k",
    "p.m",
    "a.m",
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "kab",
    "kec",
    "prov",
    "pt",
    "tbk",
    "rp",
    "mt",
    "m.si",
    "s.h",
    "s.e",
}
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_NEXT_STARTS = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9À-Þ]")


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets into Article.text
    end: int
    paragraph: int


@dataclass
class Chunk:
    file: str
    ordinal: int  # 0-based within the article
    text: str
    sentences: list[Sentence]

    @property
    def char_start(self) -> int:
        return self.sentences[0].start

    @property
    def char_end(self) -> int:
        return self.sentences[-1].end

    @property
    def paragraphs(self) -> tuple[int, int]:
        return self.sentences[0].paragraph, self.sentences[-1].paragraph


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in ``text``, shifted by ``offset``."""
    spans = []
    start = len(text) - len(text.lstrip())
    for m in _END.finditer(text):
        end = m.end()
        if end <= start or not _NEXT_STARTS.match(text, end):
            continue
        word = text[start : m.start()].rsplit(None, 1)[-1] if text[start : m.start()].strip() else ""
        word = word.lstrip("\"'“‘([").lower()
        if m.group().startswith(".") and (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            continue
        spans.append((start, end))
        start = end + len(text[end:]) - len(text[end:].lstrip())
    tail = text[start:].rstrip()
    if tail:
        spans.append((start, start + len(tail)))
    return [(s + offset, e + offset) for s, e in spans]


# A straight quote mark opens a quote at the start or after a space or bracket, and closes
# one elsewhere ('…pekan depan," ujarnya.'); curly ones say which they are.
_QUOTE_CHARS = re.compile(r'["“”]')


def quote_edges(text: str) -> tuple[bool, bool]:
    """(``text`` starts inside a quote, a quote it opens is still open at its end): the
    sentences of a quote of several sentences are split apart like any others."""
    depth, starts_inside = 0, False
    for m in _QUOTE_CHARS.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "“" or (ch == '"' and depth == 0 and (i == 0 or text[i - 1] in " \t([")):
            depth += 1
        elif depth:
            depth -= 1
        else:
            starts_inside = True
    return starts_inside, depth > 0


# How many sentences after the one quoted may finish its quote: the corpus's longest quotes
# run to three sentences ('"Tahun lalu air hanya sampai teras. Sekarang sampai jendela," …').
QUOTE_SENTENCES = 3


def whole_quote(sentence: str, passage: str) -> str:
    """``sentence`` carried on through the next sentences of ``passage`` to the end of a quote it
    opens and leaves open ('"Tahun lalu air hanya sampai teras.' alone loses what it says next
    and who says it); the sentence alone when the quote doesn't close within the passage."""
    if not quote_edges(sentence)[1]:
        return sentence
    at = passage.find(sentence)
    if at < 0:
        return sentence
    spans = [(s, e) for s, e in split_sentences(passage) if e > at + len(sentence)]
    for _, end in spans[:QUOTE_SENTENCES]:
        whole = passage[at:end]
        if not quote_edges(whole)[1]:
            return whole
    return sentence


def _text(article: Article, sentences: list[Sentence]) -> str:
    """Sentences of one paragraph joined as in the source; paragraphs by a blank line."""
    parts, run = [], [sentences[0]]
    for s in sentences[1:]:
        if s.paragraph == run[-1].paragraph:
            run.append(s)
        else:
            parts.append(article.text[run[0].start : run[-1].end])
            run = [s]
    parts.append(article.text[run[0].start : run[-1].end])
    return "\n\n".join(parts)


def cap_spans(text: str, spans: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Spans of ``text`` no longer than ``limit``: longer ones are cut at the last space
    before the limit (mid-word only when there is none).

    A line without punctuation (a table, a run-on scrape) would otherwise be one
    sentence and one chunk of any size.
    """
    out = []
    for start, end in spans:
        while end - start > limit:
            cut = max(
                text.rfind(" ", start + 1, start + limit + 1), text.rfind("\n", start + 1, start + limit + 1)
            )
            if cut <= start:
                cut = start + limit
            piece_end = cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            out.append((start, piece_end))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append((start, end))
    return out


def chunk_article(article: Article, max_chars: int = 700, min_chars: int = 200) -> list[Chunk]:
    """Chunks of at most ``max_chars`` characters (sentences longer than that are cut)."""
    # Units are whole paragraphs, or sentence runs of a paragraph that is too long.
    units: list[list[Sentence]] = []
    for p in article.paragraphs:
        spans = split_sentences(article.paragraph_text(p), p.start)
        sents = [
            Sentence(start=s, end=e, paragraph=p.number) for s, e in cap_spans(article.text, spans, max_chars)
        ]
        if p.end - p.start <= max_chars:
            units.append(sents)
            continue
        run: list[Sentence] = []
        for s in sents:
            if run and s.end - run[0].start > max_chars:
                units.append(run)
                run = []
            run.append(s)
        units.append(run)

    def size(sents: list[Sentence]) -> int:
        return sum(s.end - s.start for s in sents)

    groups: list[list[Sentence]] = []
    current: list[Sentence] = []
    for unit in units:
        if current and (
            (size(current) >= min_chars and size(current) + size(unit) > max_chars)
            or len(_text(article, current + unit)) > max_chars  # the hard cap
        ):
            groups.append(current)
            current = []
        current = current + unit
    if current:
        groups.append(current)
    chunks = [
        Chunk(file=article.doc.file, ordinal=i, text=_text(article, g), sentences=g)
        for i, g in enumerate(groups)
    ]
    if article.meta:
        # The lines about the article, one sentence each, in a passage of their own after the
        # story's: "who wrote it", "its source" are answered there (reader.rank reads them
        # only for such questions).
        sents = [Sentence(start=p.start, end=p.end, paragraph=p.number) for p in article.meta]
        text = "\n\n".join(article.text[p.start : p.end] for p in article.meta)
        chunks.append(Chunk(file=article.doc.file, ordinal=len(chunks), text=text, sentences=sents))
    return chunks


def embedding_text(title: str, chunk_text: str) -> str:
    """What the model sees for a chunk: the article's title gives it context."""
    return f"{title}\n{chunk_text}"
