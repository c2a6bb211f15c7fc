"""Ingestion: metadata, boilerplate removal, decoding, front matter."""

import pytest

from retrieval.chunk import chunk_article
from retrieval.ingest import decode, list_files, load_article, parse_article, read_file
from tests.conftest import SEEDS

BOILERPLATE = [
    "Cerita yang direkomendasikan",
    "itemakhir daftar",
    "Baca juga",
    "Jangan lupa ikuti",
    "Google News",
    "Viral!",
    "osc.medcom.id",
    "Info lebih lengkap",
    "waktu baca",
    "Bagikan",
    "Mungkin Kamu Suka",
    "(@SpoxCHN_LinJian)",
    "(Willy Haryono)",
    "(Kelvin Yurcel)",
    "Sumber: Sputnik-OANA",
    "Diterbitkan pada",
    "Willy Haryono •",
]


@pytest.fixture(scope="module")
def seeds():
    out = {}
    for path in list_files(SEEDS):
        data, sha = read_file(path, SEEDS, 10**7)
        out[path.name[:3]] = load_article(path, SEEDS, data, sha)
    return out


def test_seed_metadata(seeds):
    assert seeds["000"].doc.title.startswith("Menteri Luar Negeri Tiongkok Wang Yi mengadakan pembicaraan")
    assert seeds["000"].doc.date == "2025-09-29"  # "Diterbitkan pada 29 Sep 2025"
    assert (
        seeds["001"].doc.title == "Tiongkok dan Korea Utara Sepakat Perkuat Kerja Sama, Tolak Dominasi Asing"
    )
    assert seeds["001"].doc.date == "2025-09-29"  # byline "29 September 2025 18:33"
    assert seeds["001"].doc.source == "Metrotvnews.com"
    assert seeds["003"].doc.date == "2025-09-29"  # "Senin (29/9)": Monday fixes the year
    assert seeds["003"].doc.source == "KABARIN"
    assert seeds["004"].doc.date == "2025-09-05"
    assert seeds["002"].doc.date is None  # the text states none


# Lines about the article, not the story: kept apart (Article.meta), answerable when asked.
META = {"(@SpoxCHN_LinJian)": "caption", "Sumber: Sputnik-OANA": "source", "Diterbitkan pada": "published",
        "Willy Haryono •": "byline"}  # fmt: skip


def test_no_boilerplate_reaches_a_chunk(seeds):
    for article in seeds.values():
        chunks = chunk_article(article)
        story = chunks[:-1] if article.meta else chunks
        for chunk in story:
            for junk in BOILERPLATE:
                assert junk not in chunk.text, (article.doc.file, junk)
        if article.meta:  # the lines about the article: their own passage, after the story's
            meta = chunks[-1].text
            assert all(junk not in meta for junk in BOILERPLATE if junk not in META), meta


def test_lines_about_the_article_are_kept_apart(seeds):
    kinds = {
        line: p.kind for a in seeds.values() for p in a.meta for line in META if line in a.paragraph_text(p)
    }
    assert kinds == META
    assert not any(p.kind for a in seeds.values() for p in a.paragraphs)


def test_story_text_is_kept(seeds):
    bodies = {k: "\n".join(a.paragraph_text(p) for p in a.paragraphs) for k, a in seeds.items()}
    assert "Perdagangan antara kedua negara melebihi $2 miliar" in bodies["002"]
    # 002 has no headline: its long first line is the lead and stays in the body.
    assert bodies["002"].startswith("China dan Korea Utara telah berjanji")
    assert "termasuk Korea Selatan." in bodies["001"]
    assert "KCNA menambahkan" in bodies["003"]


def test_front_matter_overrides_heuristics():
    text = (
        "---\ntitle: Judul Resmi\nsource: Antara\nurl: https://example.org/a\ndate: 2024-01-02\n---\n"
        "Baris pertama yang panjang.\n\nIsi berita. Diterbitkan pada 3 Mar 2023\n"
    )
    a = parse_article("a.md", text, "x")
    assert (a.doc.title, a.doc.source, a.doc.url, a.doc.date) == (
        "Judul Resmi",
        "Antara",
        "https://example.org/a",
        "2024-01-02",
    )
    assert a.paragraph_text(a.paragraphs[0]) == "Baris pertama yang panjang."


def test_markdown_heading_is_the_title():
    a = parse_article("b.md", "# Judul Berita\n\nParagraf satu. Kalimat dua.\n", "x")
    assert a.doc.title == "Judul Berita"
    assert len(a.paragraphs) == 1


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_unusable_files_are_refused(data, reason):
    with pytest.raises(ValueError, match=reason):
        decode(data)


def test_cp1252_is_decoded_when_clearly_prose():
    text = "Menteri Luar Negeri mengatakan “kerja sama” akan diperkuat – kata pejabat itu."
    assert decode(text.encode("cp1252")) == text


def test_oversized_file_is_refused(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("x" * 100)
    with pytest.raises(ValueError, match="limit"):
        read_file(p, tmp_path, 50)


def test_offsets_point_into_the_file(seeds):
    for a in seeds.values():
        for p in a.paragraphs:
            assert a.text[p.start : p.end] == a.paragraph_text(p)
            assert a.text[p.start : p.end].strip() == a.text[p.start : p.end]


def test_publication_day_is_the_one_the_lead_names_not_a_day_to_come():
    # tests/corpus/112: the lead's "Jumat (2/1)" is the report's day; "hingga Minggu (4/1)"
    # further down is a forecast (the whole article's latest "(d/m)" gave 4 Jan before).
    text = (
        "KAI angkut 3,9 juta penumpang\n\n"
        "Jakarta (KABARIN) - KAI mencatat 3,9 juta penumpang, kata Dwi di Jakarta, Jumat (2/1).\n\n"
        "Puncak keberangkatan terjadi pada Rabu (24/12), sehari menjelang Natal.\n\n"
        "KAI memperkirakan arus balik masih akan tinggi hingga Minggu (4/1).\n"
    )
    import datetime as dt

    a = parse_article("112.txt", text, "0" * 64, modified=dt.date(2026, 3, 1))
    assert a.doc.date == "2026-01-02"
    # No day in the lead: the first paragraph that names one.
    later = text.replace(", kata Dwi di Jakarta, Jumat (2/1)", "")
    assert parse_article("x.txt", later, "0" * 64, modified=dt.date(2026, 3, 1)).doc.date == "2025-12-24"
