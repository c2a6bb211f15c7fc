"""The timeline: dated events, dated by what the sentence says, merged across articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import numpy as np
import pytest

from retrieval import corroborate as C
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
