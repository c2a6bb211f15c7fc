"""Answer quality on the evaluation files (tests/eval/) with the real model: the floors.

The floors sit a little under what bench/quality.py measured (README, "Answer quality"), so a
change that makes answers worse fails here; the issue's targets are in the README next to the
measured figures.
"""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval import Berita
from retrieval.language import detect
from tests.eval import check_eval, harness

pytestmark = pytest.mark.slow

# Measured by bench/quality.py (see README) after the merge of the ranking, decline and news
# work: seeds R@1 0.81, R@5 0.93, short 0.69, correct 0.79, off-topic 1.0, near-miss 0.146,
# false refusals 0.0; corpus 0.84, 0.98, 0.80, 0.76, 0.83, 0.28, 0.009. Floors a few points under.
# With answer verification (retrieval/verify.py) and decline2_questions.json: seeds near-miss
# 0.50, off-topic 1.0, false refusals 0.010; corpus near-miss 0.328, off-topic 0.972, 0.016.
# With the evidence checks of the nearmiss work (verify.unstated, unstated_focus, counts_other,
# deputies, future dates of the named, reported speech) and nine more near misses and four more
# answerable questions in decline2_questions.json: seeds near-miss 0.71, off-topic 1.0, false
# refusals 0.009; corpus near-miss 0.591, off-topic 1.0, false refusals 0.012.
# After the reading work (issue 9, with reading3_questions.json): seeds R@1 0.857, R@5 0.973,
# short 0.912, correct 0.866, false refusals 0.018; corpus 0.857, 0.966, 0.789, 0.80, 0.029.
# All merged, with acronyms the articles define and phrase synonyms ("menlu"): seeds R@1 0.85,
# R@5 0.965, short 0.914, correct 0.867, near-miss 0.694, off-topic 1.0, false refusals 0.018;
# corpus 0.86, 0.972, 0.802, 0.803, 0.561, 1.0, 0.017. Floors a few points under.
# After issue 9's ranking work (figures of the question's noun, titles of the asked body and
# place, named kinds of place; with reading4_questions.json): corpus R@1 0.898, R@5 0.974,
# short 0.861, correct 0.842, near-miss 0.576, false refusals 0.02; seeds unchanged.
# With this round's merges (reading6/7, decline5 added; of-another declines): seeds R@1 0.865,
# R@5 0.963, short 0.911, correct 0.871, near-miss 0.784, false refusals 0.018; corpus 0.897,
# 0.966, 0.877, 0.856, 0.66, 0.027 (over the 0.02 target: eleven refusals, see README).
# reading9 (typed short answers) adds two corpus refusals that no reader change caused: "Between
# which dates …" (declined as "the articles don't mention dates") and "How many months of salary
# …" (a how-long question): corpus false refusals 0.032 with it, 10 of 314 (0.027 before it).
# This round's merges (reading8/9, decline6, followups5 added; attribute declines): seeds R@1
# 0.849, R@5 0.955, short 0.903, correct 0.849, near-miss 0.782, false refusals 0.015; corpus
# 0.893, 0.961, 0.869, 0.859, near-miss 0.754, false refusals 0.031 (11 of 355; see README).
# decline7_questions.json (issue 9's honest declines) adds 24 answerable items, some still
# failing (yes/no about a place the articles never name, "Tokyo", "Shanghai"): seeds correct
# 0.837 with them (0.845 before its last two), corpus 0.865, near-miss 0.773 / 0.732, false
# refusals 0.014 / 0.027.
# Round 20 (reading10, reading11, decline7 and followups6 added; all merged): seeds R@1 0.843,
# R@5 0.959, short 0.913, correct 0.847, near-miss 0.773, false refusals 0.012; corpus 0.897,
# 0.965, 0.860, 0.858, near-miss 0.739, false refusals 0.028 (12 of 429).
# reading13 (issue 9's lead sentence) adds 53 answerable items; five of its corpus items are
# refused on main and after this round's reader changes alike (yes/no about a place the articles
# never name: "Pretoria", "Larantuka"; "lebih rendah" of a turnout that was higher; "Kalsel
# Januari" read as one name): corpus false refusals 0.036 with them (17 of 467), 0.028 without
# (12 of 429, as in round 20); the other measures hold their floors.
# Round 21 (reading12, reading13, decline8 and followups7 added; all merged): seeds R@1 0.845,
# R@5 0.953, short 0.919, correct 0.860, near-miss 0.775, false refusals 0.007; corpus 0.887,
# 0.963, 0.864, 0.847, near-miss 0.736, false refusals 0.031 (16 of 515).
FLOORS = {
    "seeds": {"R@1": 0.83, "R@5": 0.94, "short_answer_accuracy": 0.90, "answer_correct": 0.85,
              "off_topic_declined": 0.97, "near_miss_declined": 0.76, "false_refusals_max": 0.015},
    "corpus": {"R@1": 0.87, "R@5": 0.95, "short_answer_accuracy": 0.85, "answer_correct": 0.84,
               "off_topic_declined": 0.97, "near_miss_declined": 0.72, "false_refusals_max": 0.035},
}  # fmt: skip


@pytest.fixture
def berita_for(seeded, corpus_berita):
    return {"seeds": seeded, "corpus": corpus_berita}


def test_the_evaluation_is_big_enough():
    questions = harness.load("questions")
    answerable = [q for q in questions if q["kind"] == "answerable"]
    assert len(answerable) >= 120
    by_lang = {lang: sum(q["lang"] == lang for q in answerable) for lang in ("en", "id")}
    assert min(by_lang.values()) >= 0.4 * len(answerable)
    assert sum(q["kind"] == "near_miss" for q in questions) >= 30
    assert sum(q["kind"] == "off_topic" for q in questions) >= 30
    assert len(harness.load("conversations")) >= 30
    assert len(harness.load("corroboration")) >= 15
    assert len(harness.load("dates")) >= 15
    assert len(list(harness.CORPORA["corpus"].glob("*.txt"))) >= 8


def test_the_evaluation_data_is_well_formed():
    """Every gold passage is a substring of its article, ids are unique, types are known:
    a typo would otherwise score silently as a retrieval miss."""
    checker = check_eval.Checker()
    for path in sorted(check_eval.EVAL_DIR.glob("*.json")):
        checker.check_path(path)
    assert checker.errors == []


def test_question_language_is_detected():
    questions = [q for q in harness.load("questions") if q["kind"] != "off_topic"]
    wrong = [q["question"] for q in questions if detect(q["question"]) != q["lang"]]
    assert len(wrong) <= 0.05 * len(questions), wrong


@pytest.mark.parametrize("corpus", ["seeds", "corpus"])
def test_quality_floors(berita_for, corpus):
    b = berita_for[corpus]
    scores = harness.score(harness.load("questions", corpus), lambda q: b.ask(q).to_dict())
    got = scores["all"].as_dict()
    floors = FLOORS[corpus]
    report = harness.table(scores) + "\n" + "\n".join(scores["all"].misses[:40])
    for name, floor in floors.items():
        if name == "false_refusals_max":
            assert got["false_refusals"] <= floor, report
        else:
            assert got[name] >= floor, f"{name} {got[name]} < {floor}\n{report}"


def test_the_decision_does_not_depend_on_k(seeded):
    questions = [q["question"] for q in harness.load("questions", "seeds")][::3]
    for q in questions:
        answers = [seeded.ask(q, k=k) for k in (1, 3, 5, 10)]
        assert len({a.found for a in answers}) == 1, q
        shorts = {a.short_answer.text if a.short_answer else None for a in answers}
        assert len(shorts) == 1, (q, shorts)
        assert all(len(a.passages) >= 1 for a in answers if a.found)


def test_done_when_questions(seeded):
    a = seeded.ask("When did Kim Jong Un leave Beijing?")
    assert a.found and a.short_answer is not None
    assert a.short_answer.text == "Thursday, 4 September 2025" and a.short_answer.date == "2025-09-04"
    cited = next(p for p in a.passages if p.n == a.cited[0])
    assert cited.doc.file.startswith("004") and "meninggalkan Beijing pada hari Kamis" in a.answer

    a = seeded.ask("Who met in Beijing on 28 September?", k=1)
    assert a.found and a.short_answer is not None
    assert "Wang Yi" in a.short_answer.text and "Choe Son" in a.short_answer.text

    a = seeded.ask("What did Wang Yi say about Taiwan?")
    assert not a.found and a.reason and "Taiwan" in a.reason


def _follow_up_set(ident: str) -> str:
    """Which floor a conversation counts for: "fu4" (followups3), "fu6" (followups5), "fu7"
    (followups6), "fu8" (followups7), "old"."""
    parts = ident.split("-")
    if parts[1].startswith("fu4"):
        return "fu4"
    return parts[0] if parts[0] in ("fu6", "fu7", "fu8") else "old"


def test_follow_ups_floor(berita_for):
    # Measured over the conversation files before followups3 (seeds_, corpus_ and followups2_,
    # 4 topic changes in followups2 plus 2 in its fu3-* conversations, written before the
    # resolver work of issue 10 as a guard): seeds 0.667 of 33 (0.609 of the first 23, 0.833 of
    # fu2's 6, 0.75 of fu3's 4), test corpus 0.787 of 47 (was 0.702 before the follow-up work
    # of the convo branch; 0.574 before issue 10). followups3 (new wording, written before the
    # rules it checks): seeds 5 of 12, test corpus 13 of 17.
    # followups5 (fu6-* ids; new wording, the first 20 written before this round's rules):
    # seeds 8 of 13, test corpus 13 of 24 (were 4 of 11 and 4 of 12 on the first 20).
    floors = {
        ("seeds", "old"): 0.63,
        ("corpus", "old"): 0.74,
        ("seeds", "fu4"): 0.4,
        ("corpus", "fu4"): 0.7,
        ("seeds", "fu6"): 0.6,
        ("corpus", "fu6"): 0.5,
        # followups6 (fu7-* ids, written before convo4's rules): seeds 7 of 15, test corpus
        # 14 of 30 (were 5 of 15 and 10 of 30 before them).
        ("seeds", "fu7"): 0.45,
        ("corpus", "fu7"): 0.45,
        # followups7 (fu8-* ids, written before convo5's rules; on its branch): seeds 12 of 17, corpus
        # 19 of 28 (were 9 of 17 and 11 of 26 before them).
        ("seeds", "fu8"): 0.6,
        ("corpus", "fu8"): 0.6,
    }
    for (corpus, new), floor in floors.items():
        b = berita_for[corpus]

        def converse(questions: list[str], b: Berita = b) -> list[dict]:
            conv = b.conversation()
            return [b.ask(q, conversation=conv).to_dict() for q in questions]

        items = [c for c in harness.load("conversations", corpus) if _follow_up_set(c["id"]) == new]
        res = harness.score_conversations(items, converse)
        assert res["answered_correctly"] >= floor, (corpus, new, res["misses"])


def test_corroboration_floor(berita_for):
    # Measured (precision, recall) over seeds_/corpus_ and news2_corroboration.json together:
    # seeds 0.972 / 0.935, test corpus 0.954 / 0.972 (apart: seeds 1.0 / 0.903 and news2
    # 0.917 / 1.0; test corpus 0.972 / 1.0 and news2 0.917 / 0.917).
    # With phrase synonyms ("menlu" → "menteri luar negeri"): seeds 0.947 / 0.935.
    for corpus, (p_floor, r_floor) in (("seeds", (0.93, 0.92)), ("corpus", (0.94, 0.95))):
        b = berita_for[corpus]
        res = harness.score_corroboration(
            harness.load("corroboration", corpus), lambda q, b=b: b.ask(q).to_dict()
        )
        assert res["precision"] >= p_floor and res["recall"] >= r_floor, res["misses"]


def test_date_questions_floor(berita_for):
    # Measured over seeds_/corpus_ and news2_dates.json: seeds 0.9375 (15/16: "What took place
    # on Monday, 29 September 2025?" is read as a where-question and declined), test corpus 1.0
    # (19/19; its "pekan lalu" item is asked as of its "today", 29 Oct 2025). The seeds floor
    # sits under the earlier 0.95 for that new item.
    for corpus, floor in (("seeds", 0.92), ("corpus", 0.95)):
        b = berita_for[corpus]
        res = harness.score_dates(
            harness.load("dates", corpus),
            lambda q, b=b: b.ask(q).to_dict(),
            lambda q, today, b=b: b.ask(q, today=dt.date.fromisoformat(today)).to_dict(),
        )
        assert res["correct"] >= floor, res["misses"]
