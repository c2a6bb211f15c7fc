"""Chunks never cut a sentence and know where they came from."""

import pytest

from retrieval.chunk import cap_spans, chunk_article, split_sentences, whole_quote
from retrieval.ingest import parse_article


def test_split_sentences_keeps_abbreviations_and_quotes():
    text = "Dr. Budi tiba di Jl. Merdeka. “Kami siap,” katanya. Ia pergi! Lalu A. Rahman datang."
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == [
        "Dr. Budi tiba di Jl. Merdeka.",
        "“Kami siap,” katanya.",
        "Ia pergi!",
        "Lalu A. Rahman datang.",
    ]


def test_decimal_and_amounts_do_not_split():
    text = "Perdagangan melebihi $2.5 miliar pada tahun 2023. Itu naik."
    assert len(split_sentences(text)) == 2


def test_chunks_cover_every_sentence_once_with_exact_offsets():
    paras = [
        "Kalimat satu panjang sekali. " * 12,
        "Paragraf dua. Kalimat lain.",
        "Tiga.",
        "Empat " * 60 + ".",
    ]
    article = parse_article("x.txt", "Judul\n" + "\n\n".join(p.strip() for p in paras) + "\n", "h")
    chunks = chunk_article(article, max_chars=200, min_chars=50)
    sentences = [s for c in chunks for s in c.sentences]
    expected = [
        span
        for p in article.paragraphs
        for span in cap_spans(article.text, split_sentences(article.paragraph_text(p), p.start), 200)
    ]
    assert [(s.start, s.end) for s in sentences] == expected  # sentences over 200 chars are cut
    for c in chunks:
        # text is the source paragraphs joined by blank lines
        for s in c.sentences:
            assert article.text[s.start : s.end] in c.text
        assert c.char_start == c.sentences[0].start and c.char_end == c.sentences[-1].end
        if len(c.sentences) > 1:
            assert len(c.text) <= 200 + 2 * len(c.sentences)


def test_long_paragraph_is_split_between_sentences():
    body = " ".join(f"Kalimat nomor {i} berisi beberapa kata." for i in range(40))
    article = parse_article("x.txt", "Judul\n" + body + "\n", "h")
    chunks = chunk_article(article, max_chars=300, min_chars=100)
    assert len(chunks) > 3
    for c in chunks:
        assert c.text.endswith(".")
        assert c.paragraphs == (2, 2)  # line 1 of the file is the title


def _nonblank_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_paragraph_numbers_count_the_lines_of_the_file_as_a_reader_does():
    """Title and boilerplate lines count: "paragraph 12" is the 12th non-blank line of the file."""
    from tests.conftest import SEEDS

    path = SEEDS / "004_6b653103f8f2aa24.txt"
    text = path.read_text()
    article = parse_article(path.name, text, "h")
    cai_qi = [s for c in chunk_article(article) for s in c.sentences if "Cai Qi" in text[s.start : s.end]]
    assert [s.paragraph for s in cai_qi] == [12]
    for seed in sorted(SEEDS.iterdir()):
        text = seed.read_text()
        lines = _nonblank_lines(text)
        for p in parse_article(seed.name, text, "h").paragraphs:
            assert lines[p.number - 1].startswith(text[p.start : p.end]), (seed.name, p.number)


def test_chunks_and_sentences_are_capped_even_without_punctuation():
    line = " ".join(f"kata{i}" for i in range(4000))  # ~35 kB, no sentence end
    text = "Judul\n" + line + "\n"
    article = parse_article("x.txt", text, "h")
    chunks = chunk_article(article, max_chars=700, min_chars=200)
    assert len(chunks) > 40
    for c in chunks:
        assert len(c.text) <= 700
        assert all(s.end - s.start <= 700 for s in c.sentences)
    covered = " ".join(text[s.start : s.end] for c in chunks for s in c.sentences)
    assert covered.split() == line.split()
    one_word = "x" * 5000  # no space to break at either
    article = parse_article("y.txt", "Judul\n" + one_word + "\n", "h")
    assert max(len(c.text) for c in chunk_article(article, max_chars=700)) <= 700


def test_acronyms_an_article_defines_are_learned_with_their_words():
    from retrieval.build import spelled_out

    text = (
        "Badan Penanggulangan Bencana Daerah (BPBD) Kalimantan Selatan mencatat banjir. "
        "Pusat Vulkanologi dan Mitigasi Bencana Geologi (PVMBG) menaikkan status. "
        "Kantor Berita Pusat Korea (KCNA) melaporkan."  # initials that don't spell it: not taken
    )
    assert spelled_out(text) == [
        ("bpbd", "badan penanggulangan bencana daerah"),
        ("pvmbg", "pusat vulkanologi dan mitigasi bencana geologi"),
    ]


@pytest.mark.slow
def test_a_question_with_an_acronym_finds_the_article_that_spells_it_out(corpus_berita):
    # 101 defines BPBD; 107 only writes "Badan Penanggulangan Bencana Daerah Lembata".
    a = corpus_berita.ask("BPBD Lembata menyiapkan berapa lembar masker untuk warga?")
    assert a.found, a.reason
    assert a.short_answer is not None and "15.000" in a.short_answer.text


PASSAGE = (
    'Seorang warga, Mariatul (54), mengaku baru pertama kali mengalami banjir setinggi ini. "Tahun '
    'lalu air hanya sampai teras. Sekarang sampai jendela," ujarnya. Warga lain mengungsi.'
)


@pytest.mark.parametrize(
    ("sentence", "whole"),
    [
        (
            '"Tahun lalu air hanya sampai teras.',
            '"Tahun lalu air hanya sampai teras. Sekarang sampai jendela," ujarnya.',
        ),
        ("Warga lain mengungsi.", "Warga lain mengungsi."),  # no quote: itself
        ('"Tidak ada di sini.', '"Tidak ada di sini.'),  # not in the passage: itself
    ],
)
def test_a_quote_of_several_sentences_is_quoted_whole(sentence, whole):
    assert whole_quote(sentence, PASSAGE) == whole


def test_a_quote_that_does_not_close_in_the_passage_stays_one_sentence():
    passage = '"Satu. Dua. Tiga. Empat. Lima.'
    assert whole_quote('"Satu.', passage) == '"Satu.'
