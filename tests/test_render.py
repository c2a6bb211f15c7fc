"""What the console and Telegram show under an answer: snippets centred on the quote, no scores."""

from __future__ import annotations

import dataclasses
import io

from rich.console import Console

from bot.console import render_answer
from bot.render import quoted_sentences, snippet
from bot.telegram_format import answer_blocks
from retrieval import Answer, Passage
from retrieval.store import Document

SHOT = "Tembakan Ciro Alves dari luar kotak penalti membentur tiang pada menit ke-20 dan gagal berbuah gol."
COACH = "Pelatih Persib, Hendrik van Dijk, memuji mental pemainnya yang tidak menyerah."
PASSAGE = (
    f"Persib menyerang sejak menit awal. {SHOT} Persija bertahan rapat. {SHOT} {SHOT}\n\n{COACH} "
    "Laga berakhir 2-1 setelah gol sundulan pada menit ke-88. Persija akan menjamu PSM pekan depan. " * 2
)


def _answer() -> Answer:
    doc = Document(file="106_persib.txt", title="Persib Taklukkan Persija", date="2025-10-25", source="Bola")
    other = Document(file="113.txt", title="BI Tak Ubah Suku Bunga", date="2025-10-23")

    def passage(n: int, d: Document, text: str, score: float) -> Passage:
        return Passage(
            n=n,
            chunk_id=n,
            doc=d,
            text=text,
            score=score,
            paragraph=8,
            paragraph_end=9,
            char_start=0,
            char_end=9,
        )

    return Answer(
        question="Who is the Persib coach?",
        language="en",
        found=True,
        answer=f"{COACH} [1]",
        passages=[
            passage(1, doc, PASSAGE, 0.8234),
            passage(2, other, "Bank Indonesia menahan suku bunga.", 0.61),
        ],
        cited=[1],
    )


def test_the_quoted_sentence_of_each_cited_passage():
    a = _answer()
    assert quoted_sentences(a) == {1: COACH}
    a.answer = "Kim tiba pada Selasa. [2] Kim pergi pada Kamis. [1][3]"
    assert quoted_sentences(a) == {
        2: "Kim tiba pada Selasa.",
        1: "Kim pergi pada Kamis.",
        3: "Kim pergi pada Kamis.",
    }


def test_a_snippet_is_centred_on_the_quote_with_ellipses_at_cuts():
    flat = (PASSAGE).replace("\n\n", " ¶ ")
    got = snippet(flat, COACH, 240)
    assert COACH in got and got.startswith("…") and got.endswith("…") and len(got) <= 242
    assert not got.startswith("…¶") and not got[1:].startswith(
        ("mental", "ke-20")
    )  # whole words, whole sentences
    assert snippet(flat, None, 60).startswith("Persib menyerang") and snippet(flat, None, 60).endswith("…")
    long = snippet(flat, COACH, 40)  # a quote longer than the room: from its start, cut at a word
    assert long.startswith("…Pelatih Persib") and long.endswith("…") and len(long) <= 42
    assert snippet("Pendek.", "Pendek.", 240) == "Pendek."


def test_console_sources_show_the_quote_not_the_chunk_start_and_no_score():
    out = io.StringIO()
    render_answer(Console(file=out, width=200), _answer())
    sources = out.getvalue().split("Sources")[1]
    first = sources.split("[2]")[0]
    assert COACH in first and "Persib menyerang sejak" not in first
    assert "score" not in out.getvalue() and "0.823" not in out.getvalue()
    out = io.StringIO()
    render_answer(Console(file=out, width=200), _answer(), full=True)  # --full: the diagnostics too
    assert "score 0.823" in out.getvalue()


def test_the_chat_shows_uncited_sources_one_line_per_article():
    a = _answer()
    long = "BI Tak Ubah Suku Bunga Acuan, Rupiah Diperkirakan Stabil Hingga Akhir Tahun Ini"
    a.passages[1] = dataclasses.replace(a.passages[1], doc=dataclasses.replace(a.passages[1].doc, title=long))
    a.passages.append(dataclasses.replace(a.passages[1], n=3, text="Rupiah stabil."))
    out = io.StringIO()
    render_answer(Console(file=out, width=60), a, compact=True)
    sources = out.getvalue().split("Sources")[1]
    cited, other = sources.split("[2]")
    assert COACH.split(",")[0] in cited  # the cited source keeps its snippet
    assert other.startswith(" [3] BI Tak Ubah") and "menahan" not in other and "Rupiah stabil" not in other
    assert len(other.strip().splitlines()) == 1  # one line for the article, its title cut to fit
    assert other.rstrip().endswith("… (23 Oct 2025)")


def test_telegram_sources_show_the_quote_too():
    blocks = answer_blocks(_answer())
    (first,) = [b for b in blocks if b.startswith("[1]")]
    assert "Pelatih Persib, Hendrik van Dijk" in first and "Persib menyerang sejak" not in first
    assert "0.82" not in "".join(blocks)


def test_a_short_answer_cites_passage_numbers_not_chunk_ids(seeded):
    a = seeded.ask("When did Kim Jong Un leave Beijing?", 2)
    assert a.short_answer is not None
    assert set(a.short_answer.cited) <= {p.n for p in a.passages} and a.cited[0] in a.short_answer.cited


def test_wrapped_source_lines_keep_their_indent():
    """A title, a file line or a snippet too long for the screen wraps under the title, not
    back under the source number."""
    out = io.StringIO()
    a = _answer()
    long = "Persib Taklukkan Persija 2-1 di Bandung, Gol Telat Rafael Siregar Jadi Penentu"
    a.passages[0] = dataclasses.replace(a.passages[0], doc=dataclasses.replace(a.passages[0].doc, title=long))
    render_answer(Console(file=out, width=50), a)
    lines = out.getvalue().split("Sources")[1].split("\n")[1:]
    first = next(i for i, line in enumerate(lines) if "[1]" in line)
    second = next(i for i, line in enumerate(lines) if "[2]" in line)
    assert second - first > 3  # it did wrap
    for line in lines[first + 1 : second]:
        assert not line.strip() or line.startswith(" " * 6), line


def test_the_quote_shown_drops_the_dateline_the_answer_keeps_it():
    a = _answer()
    a.answer = f"Bandung (KABARIN) - {COACH} [1]"
    out = io.StringIO()
    render_answer(Console(file=out, width=200), a)
    shown = out.getvalue().split("Sources")[0]
    assert "\u201cPelatih Persib" in shown and "KABARIN" not in shown
    assert any(b.startswith("<blockquote>Pelatih Persib") for b in answer_blocks(a))
    d = a.to_dict()
    assert d["quote"] == COACH and d["answer"] == a.answer  # the JSON keeps the answer as it was
    a.answer = f"Jakarta: {COACH} [1]"
    assert a.to_dict()["quote"] == COACH


def test_a_quoted_sentence_that_is_itself_a_quote_gets_no_second_pair_of_marks():
    out = io.StringIO()
    render_answer(Console(file=out, width=200), _answer())
    assert f"\u201c{COACH}\u201d [1]" in out.getvalue()
    a = _answer()
    a.answer = '"Kami tahu Persija tim yang kuat," kata Hendrik. [1]'
    out = io.StringIO()
    render_answer(Console(file=out, width=200), a)
    assert '│ "Kami tahu Persija tim yang kuat," kata Hendrik. [1]' in out.getvalue()
    assert '\u201c"' not in out.getvalue()
