"""Property-based tests (hypothesis) for ingestion, chunking and Telegram rendering."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.telegram_format import LIMIT, esc, split_messages
from retrieval.chunk import cap_spans, chunk_article, split_sentences
from retrieval.ingest import is_boilerplate, parse_article
from tests.telegram_standin import parse_html

WORD = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x24F),
    min_size=1,
    max_size=12,
)
PUNCT = st.sampled_from([".", "!", "?", ".”", "…"])


@st.composite
def sentence(draw):
    words = draw(st.lists(WORD, min_size=1, max_size=25))
    first = words[0][0].upper() + words[0][1:]
    mid = draw(st.sampled_from([", ", " ", " – ", " (", " “"]))
    return " ".join([first, *words[1:3]]) + mid + " ".join(words[3:] or ["x"]) + draw(PUNCT)


@st.composite
def article_text(draw):
    paragraphs = draw(st.lists(st.lists(sentence(), min_size=1, max_size=8), min_size=1, max_size=12))
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
    title = draw(st.lists(WORD, min_size=1, max_size=8).map(" ".join))
    return title, [" ".join(p) for p in paragraphs], sep


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(article_text(), st.integers(80, 900), st.integers(0, 400))
def test_every_sentence_lands_in_a_chunk_at_its_offsets(data, max_chars, min_chars):
    title, paragraphs, sep = data
    text = title + sep + sep.join(paragraphs) + "\n"
    article = parse_article("a.txt", text, "h")
    body = [article.paragraph_text(p) for p in article.paragraphs]
    # Every story paragraph survives cleaning (a repeat of the headline is dropped on purpose).
    kept = [p for p in paragraphs if not is_boilerplate(p) and p.strip() != title]
    assert [" ".join(b.split()) for b in body] == [" ".join(p.split()) for p in kept]

    chunks = chunk_article(article, max_chars=max_chars, min_chars=min_chars)
    in_chunks = [(s.start, s.end) for c in chunks for s in c.sentences]
    expected = [
        span
        for p in article.paragraphs
        for span in cap_spans(text, split_sentences(article.paragraph_text(p), p.start), max_chars)
    ]
    assert in_chunks == expected  # every sentence (cut at max_chars), once, in order
    assert all(len(c.text) <= max_chars for c in chunks)
    for p in article.paragraphs:
        covered = "".join(text[s:e] for s, e in split_sentences(article.paragraph_text(p), p.start))
        assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", article.paragraph_text(p))  # nothing lost
    for c in chunks:
        for s in c.sentences:
            assert text[s.start : s.end] in c.text
            assert text[s.start : s.end] == text[s.start : s.end].strip() != ""
        assert text[c.char_start : c.char_end].startswith(text[c.sentences[0].start : c.sentences[0].end])


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000)


@SETTINGS
@given(TEXT)
def test_any_text_escapes_into_valid_telegram_html(s):
    assert parse_html(esc(s)) == s
    assert parse_html(f"<b>{esc(s)}</b>") == s


@SETTINGS
@given(
    st.lists(
        st.one_of(TEXT.map(esc), TEXT.map(lambda t: f"<i>{esc(t)}</i>"), st.text(max_size=9000).map(esc)),
        min_size=1,
        max_size=12,
    ),
    st.integers(200, LIMIT),
)
def test_splitting_keeps_parts_small_and_loses_nothing(blocks, limit):
    messages = split_messages(blocks, limit)
    for m in messages:
        assert 0 < len(m) <= limit
        parse_html(m)  # each part is valid on its own: no tag broken across parts
    visible = "".join(parse_html(m) for m in messages)
    original = "".join(html.unescape(re.sub(r"</?[a-z]+>", "", b)) for b in blocks)
    assert re.sub(r"\s", "", visible) == re.sub(r"\s", "", original)
