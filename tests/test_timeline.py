"""The timeline: dated events, dated by what the sentence says, merged across articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import numpy as np
import pytest

from retrieval import corroborate as C
from retrieval.chunk import quote_edges
from retrieval.facts import facts
from retrieval.timeline import Event, SentenceRecord, events, infer_published, matches
from tests.sentences import records, seed_sentences


@pytest.fixture(scope="module")
def seeds():
    return seed_sentences()


def _events_of(evs: list[Event], sents, passage: str) -> list[Event]:
    (s,) = [s for s in sents if passage in s.text]
    return [e for e in evs if s.id in e.sentences]


# Known events of the seeds and where they are stated (the dates come from reader.facts).
KNOWN = [
    ("2025-09-03", "parade militer hari Rabu di Beijing"),  # 004, published Fri 5 Sep
    ("2025-09-04", "Kim meninggalkan Beijing pada hari Kamis"),  # 004: not its 5 Sep date
    ("2025-09-28", "duduk bareng pada Minggu (28/9)"),  # 003
    ("2025-09-28", "Menlu Korut Choe Son-hui pada Minggu, 28 September"),  # 001
    ("2025-09-29", "dilaporkan langsung oleh Kantor Berita Pusat Korea (KCNA), Senin (29/9)"),
    ("2022-06", "sejak ia menjadi menteri luar negeri pada Juni 2022"),  # 002, undated article
]


@pytest.mark.parametrize(("date", "passage"), KNOWN)
def test_seed_events_are_dated_by_what_the_sentence_says(seeds, date, passage):
    evs = events(records(seeds))  # every sentence its own group: dates need no model
    assert [e.date for e in _events_of(evs, seeds, passage)] == [date]


def test_the_parade_sentence_is_not_dated_by_its_other_mentions(seeds):
    # "80 tahun yang lalu" (a year) and the publication day make no event of their own.
    evs = events(records(seeds))
    assert all(e.date != "1945" and not e.date.startswith("1945") for e in evs)
    assert all(len(e.date) in (7, 10) for e in evs)


def test_undated_article_without_corroboration_keeps_unresolved_dates_out(seeds):
    evs = events(records(seeds))
    assert _events_of(evs, seeds, "parade militer besar pada 10 Oktober") == []


def test_timeline_is_in_date_order_then_by_reporters(seeds):
    evs = events(records(seeds))
    keys = [(e.date, -len(e.reported_by)) for e in evs]
    assert keys == sorted(keys)


# --- merging across articles ----------------------------------------------------------------


def rec(i, text, file, group, date="2025-09-29", source=None):
    pub = dt.date.fromisoformat(date) if date else None
    return SentenceRecord(
        id=i,
        text=text,
        file=file,
        title=f"Judul {file}",
        source=source,
        date=date,
        facts=facts(text, pub),
        group=group,
    )


def test_one_event_per_group_and_date_with_every_reporter():
    rows = [
        rec(0, "Wang Yi bertemu Choe Son Hui di Beijing pada hari Minggu.", "a.txt", 7, source="KABARIN"),
        rec(1, "Wang Yi dan Choe Son Hui bertemu pada Minggu (28/9).", "b.txt", 7, "2025-09-30"),
        rec(2, "Wang Yi dan Choe Son Hui bertemu di Beijing.", "c.txt", 7),  # no date: still reports it
        rec(3, "Choe mengatakan hubungan kedua negara erat.", "c.txt", 8),
    ]
    (e,) = events(rows)
    assert e.date == "2025-09-28" and e.granularity == "day"
    assert [r.file for r in e.reported_by] == ["a.txt", "c.txt", "b.txt"]
    assert e.sentences == (0, 1, 2)
    assert e.text == "Wang Yi dan Choe Son Hui bertemu pada Minggu (28/9)."  # says the date outright
    line = json.loads(e.to_json())
    assert {"date", "text", "file", "reported_by"} <= set(line) and line["reported_by"][0][
        "source"
    ] == "KABARIN"


def test_articles_that_disagree_on_the_day_make_two_events():
    rows = [
        rec(0, "Pertemuan berlangsung pada Minggu (28/9).", "a.txt", 1),
        rec(1, "Pertemuan berlangsung pada Sabtu (27/9).", "b.txt", 1),
    ]
    assert [(e.date, [r.file for r in e.reported_by]) for e in events(rows)] == [
        ("2025-09-27", ["b.txt"]),
        ("2025-09-28", ["a.txt"]),
    ]


def test_today_counts_and_month_spans_fold_into_their_one_day():
    rows = [
        rec(0, "Presiden meresmikan jembatan itu pada hari ini.", "a.txt", 1),
        rec(1, "Jembatan itu diresmikan akhir September.", "b.txt", 1, "2025-10-02"),
        rec(2, "Banjir melanda kota itu dalam enam tahun terakhir.", "a.txt", 2),  # too wide
    ]
    (e,) = events(rows)
    assert e.date == "2025-09-29" and len(e.reported_by) == 2


def test_same_day_takes_the_day_of_the_sentence_before():
    rows = [
        rec(0, "Pemerintah mencabut status darurat pada Kamis lalu.", "a.txt", 1, "2025-11-10"),
        rec(1, "Seluruh pengungsi pulang pada hari yang sama.", "a.txt", 2, "2025-11-10"),
    ]
    assert [(e.date, e.sentences) for e in events(rows)] == [("2025-11-06", (0,)), ("2025-11-06", (1,))]


def test_a_conditional_sentence_is_no_event_and_a_later_date_is_upcoming():
    rows = [
        rec(0, "Jika tidak ada gugatan, KPU menetapkan pemenang paling lambat akhir bulan ini.", "a.txt", 1),
        rec(1, "If no one objects, the result is final on Friday (3/10).", "a.txt", 2),
        rec(2, "Rapat berikutnya dijadwalkan pada 18 November 2025.", "a.txt", 3),
        rec(3, "Kantor cabang akan ditutup mulai Desember.", "a.txt", 4),
        rec(4, "Kantor pusat dibuka pada September.", "a.txt", 5),
        rec(5, "Rapat digelar pada Minggu (28/9).", "a.txt", 6),
    ]
    got = {e.date: e.expected for e in events(rows)}
    assert got == {"2025-09-28": False, "2025-09": False, "2025-11-18": True, "2025-12": True}
    assert json.loads(events(rows)[-1].to_json())["expected"] is True


@pytest.mark.parametrize(
    ("text", "edges"),
    [
        ('Pasar menunggu keputusan bank sentral pekan depan," ujarnya.', (True, False)),
        ('"Pengungsi kami data ulang tadi pagi.', (False, True)),
        ("“Kami mulai pekan lalu,” kata Dwi, Senin.", (False, False)),
        ('"Kami mulai pekan lalu," kata Dwi, Senin.', (False, False)),
        ('Ia menyebutnya "langkah awal" pada Senin.', (False, False)),
        ("Sisa kutipan ini ditutup di sini.” Lalu ia membuka “kutipan baru.", (True, True)),
        ("Banjir surut pada hari Kamis.", (False, False)),
    ],
)
def test_quote_edges_tell_a_sentence_cut_out_of_a_longer_quote(text, edges):
    assert quote_edges(text) == edges


def test_an_event_shows_where_its_sentence_continues_a_quote():
    (e,) = events([rec(0, 'Pasar menunggu keputusan bank sentral pekan depan," ujarnya.', "a.txt", 1)])
    assert e.shown == '…Pasar menunggu keputusan bank sentral pekan depan," ujarnya.'
    assert e.text == 'Pasar menunggu keputusan bank sentral pekan depan," ujarnya.'  # the JSON's own text
    (e,) = events([rec(0, '"Pengungsi kami data ulang tadi pagi.', "a.txt", 1)])
    assert e.shown == '"Pengungsi kami data ulang tadi pagi. …'


def test_undated_article_reads_its_dates_against_its_corroborating_articles():
    rows = [
        rec(0, "Wang Yi bertemu Choe Son Hui pada hari Minggu.", "a.txt", 1),
        rec(1, "Wang Yi bertemu Choe Son Hui pada hari Minggu.", "b.txt", 1, None),
        rec(2, "Parade digelar pada 10 Oktober.", "b.txt", 2, None),
    ]
    assert infer_published(rows) == {"b.txt": dt.date(2025, 9, 29)}
    by_date = {e.date: e for e in events(rows)}
    assert by_date["2025-10-10"].inferred and not by_date["2025-09-28"].inferred


def test_matches_terms_by_stem_english_bridge_and_date():
    e = Event(
        date="2025-09-28",
        text="Pertemuan Wang Yi dan Choe di Beijing.",
        file="a",
        reported_by=(),
        sentences=(1,),
    )
    assert matches(e, ["beijing"]) and matches(e, ["meeting", "Choe"]) and matches(e, ["2025-09"])
    assert matches(e, ["bertemu"])  # the stem "temu" is shared
    assert not matches(e, ["Beijing", "Putin"])
    assert matches(e, []) and dataclasses.is_dataclass(e)


# --- the seeds, grouped with the real model -------------------------------------------------


@pytest.fixture(scope="module")
def seed_timeline(seeds, model_cache, tmp_path_factory):
    from retrieval.embed import load_embedder
    from tests.conftest import SEEDS, make_config

    emb = load_embedder(make_config(tmp_path_factory.mktemp("timeline"), SEEDS, model_cache))
    vectors = emb.passages([s.text for s in seeds])
    groups = C.group_sentences(np.array([s.doc for s in seeds]), vectors, [s.facts for s in seeds])
    return events(records(seeds, groups))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("date", "passage"),
    [*KNOWN, ("2025-10-10", "parade militer besar pada 10 Oktober")],  # 002 is undated
)
def test_every_known_seed_event_is_dated_correctly_with_corroboration(seeds, seed_timeline, date, passage):
    found = _events_of(seed_timeline, seeds, passage)
    assert found and {e.date for e in found} == {date}


@pytest.mark.slow
def test_the_meeting_event_is_reported_by_four_articles(seeds, seed_timeline):
    (e,) = _events_of(seed_timeline, seeds, "duduk bareng pada Minggu (28/9)")
    assert e.date == "2025-09-28"
    assert {r.file[:3] for r in e.reported_by} == {"000", "001", "002", "003"}
    assert not any(e.date == "2025-09-05" for e in _events_of(seed_timeline, seeds, "meninggalkan Beijing"))


# --- ranges, and each sentence once -----------------------------------------------------------


def test_a_range_of_days_is_one_event_not_one_per_day():
    rows = [
        rec(
            0,
            "Hujan deras mengguyur wilayah itu sejak Sabtu malam hingga kemarin pagi.",
            "a.txt",
            1,
            "2025-11-03",
        ),
        rec(1, "RDG berikutnya dijadwalkan pada 18–19 November 2025.", "a.txt", 2, "2025-11-03"),
        rec(2, "Masa angkutan dimulai 18 Desember 2025 dan berakhir pada 4 Januari 2026.", "a.txt", 3),
        rec(
            3,
            "Puncak musim hujan diperkirakan terjadi pada Desember hingga Februari.",
            "a.txt",
            4,
            "2025-11-10",
        ),
    ]
    got = [(e.date, e.end, e.granularity, e.sentences) for e in events(rows)]
    assert got == [
        ("2025-11-01", "2025-11-02", "day", (0,)),
        ("2025-11-18", "2025-11-19", "day", (1,)),
        ("2025-12", "2026-02", "month", (3,)),
        ("2025-12-18", "2026-01-04", "day", (2,)),
    ]
    assert json.loads(events(rows)[0].to_json())["end"] == "2025-11-02"


def test_a_sentence_naming_two_days_is_shown_once_under_its_first():
    rows = [
        rec(
            0,
            "Xi dan Kim bertemu pada hari Kamis setelah parade militer hari Rabu.",
            "a.txt",
            1,
            "2025-09-05",
        ),
        rec(1, "Parade militer digelar pada Rabu (3/9).", "b.txt", 1, "2025-09-05"),
    ]
    evs = events(rows)
    assert [(e.date, e.text[:10]) for e in evs] == [
        ("2025-09-03", "Parade mil"),
        ("2025-09-04", "Xi dan Kim"),
    ]
    assert evs[0].sentences == (0, 1)  # it still reports the parade
    shown = [e.text for e in evs]
    assert len(shown) == len(set(shown))


def test_a_date_inside_another_of_the_same_sentence_leaves_only_the_precise_one():
    rows = [rec(0, "Kim datang awal bulan ini untuk parade militer pada 3 September.", "a.txt", 1)]
    assert [(e.date, e.end) for e in events(rows)] == [("2025-09-03", None)]


def test_a_week_is_a_range_and_a_longer_span_in_one_month_is_the_month():
    rows = [
        rec(0, "Menteri itu bertemu Choe pada akhir pekan lalu.", "a.txt", 1),  # Mon 29 Sep
        rec(1, "Pertemuan puncak berlangsung awal September lalu.", "a.txt", 2),
    ]
    assert [(e.date, e.end) for e in events(rows)] == [("2025-09", None), ("2025-09-27", "2025-09-28")]


def test_matches_the_title_of_a_reporting_article_too():
    from retrieval.corroborate import Reporter

    rep = Reporter(file="a", title="Banjir rendam 14 desa di Kabupaten Banjar", source=None, date=None)
    e = Event(
        date="2025-11-03",
        text="BPBD mencatat 1.200 warga mengungsi.",
        file="a",
        reported_by=(rep,),
        sentences=(1,),
    )
    assert matches(e, ["banjir"]) and matches(e, ["flood", "Banjar"]) and matches(e, ["warga"])
    assert not matches(e, ["banjir", "warga"])  # every term in one text: the sentence or a title
    assert not matches(e, ["gempa"])


@pytest.mark.parametrize(
    ("query", "lang"),
    [("banjir", "id"), ("Banjir", "id"), ("gempa bumi", "id"), ("flood", "en"), ("Kim", "en"), (None, "en")],
)
def test_a_one_word_query_has_a_language(query, lang):
    from retrieval.timeline import query_language

    assert query_language(query) == lang
    assert query_language("Siapa bertemu di Beijing") == "id" and query_language("who met in Beijing") == "en"


@pytest.mark.parametrize(
    ("date", "end", "grain", "en", "id"),
    [
        ("2025-11-01", None, "day", "Saturday, 1 November 2025", "Sabtu, 1 November 2025"),
        ("2025-11-01", "2025-11-02", "day", "1–2 November 2025", "1–2 November 2025"),
        ("2025-10-27", "2025-11-02", "day", "27 October – 2 November 2025", "27 Oktober – 2 November 2025"),
        (
            "2025-12-18",
            "2026-01-04",
            "day",
            "18 December 2025 – 4 January 2026",
            "18 Desember 2025 – 4 Januari 2026",
        ),
        ("2025-12", "2026-02", "month", "December 2025 – February 2026", "Desember 2025 – Februari 2026"),
        ("2025-06", "2025-08", "month", "June–August 2025", "Juni–Agustus 2025"),
        ("2025-09", None, "month", "September 2025", "September 2025"),
    ],
)
def test_event_dates_and_ranges_in_both_languages(date, end, grain, en, id):
    from bot.render import event_date

    e = Event(date=date, end=end, granularity=grain, text="x", file="a", reported_by=(), sentences=(1,))
    assert event_date(e, "en") == en and event_date(e, "id") == id
