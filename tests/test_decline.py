"""The decision to answer or decline (retrieval/reader.py): the rules that say why the
articles don't answer, and the signals the confidence weighs. Pure tests on hand-made
sentences first; then a few through the real model over the seeds."""

from __future__ import annotations

import datetime as dt

from retrieval import reader
from retrieval.dates import question_dates
from retrieval.facts import facts
from retrieval.question import analyze
from tests.helpers import candidate

PUBLISHED = dt.date(2025, 9, 29)


def _read(
    question: str,
    sentences: list[str],
    absent_words: tuple[str, ...] = (),
    others: tuple[str, ...] = (),
    unread_words: tuple[str, ...] = (),
):
    """Read ``question`` against ``sentences``, one passage each (every concept weighs 1,
    except the words listed as absent from the articles); ``others``: sentences of the
    articles that were not retrieved."""
    q = analyze(question)
    concepts_ = reader.concepts(q)
    absent = [i for i, c in enumerate(concepts_) if c.text in absent_words]
    unread = [i for i, c in enumerate(concepts_) if c.text in unread_words]
    weights = {i: 1.0 for i in range(len(concepts_)) if i not in absent and i not in unread}
    cands = [candidate(s, PUBLISHED, sentence_id=n, n=n, sim=0.85) for n, s in enumerate(sentences, start=1)]
    known = {w for s in [*sentences, *others] for w in facts(s, PUBLISHED).words}
    name_words = {i: reader.name_parts(c, lambda f: f in known) for i, c in enumerate(concepts_) if c.name}
    return reader.read(
        q,
        cands,
        concepts_,
        weights,
        question_dates(question, PUBLISHED),
        q.language,
        passage_words=lambda n: cands[n - 1].facts.words,
        unknown=len(absent) + len(unread),
        absent=absent,
        unread=unread,
        name_words=name_words,
    )


TRADE = "Perdagangan antara China dan Korea Utara melebihi $2 miliar pada tahun 2023."


def test_a_year_the_passages_never_state_declines_with_that_year():
    r = _read("What was China and North Korea's trade worth in 2024?", [TRADE])
    assert not r.found
    assert r.reason == ("nothing_for", {"when": "2024"})


def test_the_year_they_state_is_answered():
    r = _read("What was China and North Korea's trade worth in 2023?", [TRADE])
    assert r.reason is None or r.reason[0] != "nothing_for"


def test_a_time_relative_to_now_is_not_held_against_the_passages():
    """ "by Tuesday", "this year" are read against the newest article, which may not be the
    time meant."""
    for q in ("How much was the trade by Tuesday?", "How much has the trade grown this year?"):
        r = _read(q, [TRADE])
        assert r.reason is None or r.reason[0] != "nothing_for", q


def test_a_name_whose_words_never_meet_in_one_passage_is_not_mentioned():
    """ "Hulu Sungai Tengah" is not named by a passage about a river's upper reaches."""
    sentences = ["Air sungai di hulu naik sejak Minggu.", "Warga di Kabupaten Banjar mengungsi."]
    others = ("Hujan turun sejak tengah malam.",)
    r = _read("Berapa warga yang mengungsi di Kabupaten Hulu Sungai Tengah?", sentences, others=others)
    assert not r.found
    assert r.reason is not None and r.reason[0] == "not_mentioned"
    assert "Hulu Sungai Tengah" in r.reason[1]["what"]


def test_a_name_whose_words_meet_is_read():
    sentences = ["Sebanyak 900 warga di Kabupaten Hulu Sungai Tengah mengungsi."]
    r = _read("Berapa warga yang mengungsi di Kabupaten Hulu Sungai Tengah?", sentences)
    assert r.reason is None or r.reason[0] != "not_mentioned"


def test_name_parts_leave_out_words_the_articles_never_use():
    c = reader.Concept(text="Series C", forms=("c", "series"), name=True)
    assert reader.name_parts(c, lambda f: f in {"seri", "c"}) == [("c",)]
    place = reader.Concept(text="Korea Selatan", forms=("korea selatan",), name=True, place="south korea")
    assert reader.name_parts(place, lambda f: True) == []


def test_typed_keywords_the_articles_never_use_decline_with_those_words():
    r = _read("lirik lagu dangdut", ["Sebanyak 900 warga mengungsi."], absent_words=("lagu", "dangdut"))
    assert not r.found
    assert r.reason == ("not_mentioned", {"what": "lagu, dangdut"})


def test_typed_keywords_naming_nothing_with_a_word_we_cant_read_decline():
    r = _read("harga iphone", ["Harga beras naik."], unread_words=("iphone",))
    assert r.reason == ("not_mentioned", {"what": "iphone"})
    # A name the articles use doesn't make the other words theirs ("cheap flights to Bali"):
    # typed keywords are answered by evidence stating all of them (retrieval/verify.py).
    r = _read("harga iphone Banjar", ["Harga beras di Banjar naik."], unread_words=("iphone",))
    assert r.reason == ("not_mentioned", {"what": "iphone"})
    assert _read("harga beras Banjar", ["Harga beras di Banjar naik."]).found


def test_numbers_alone_are_no_topic():
    r = _read("what is 15% of 80", ["Sebanyak 15 persen dari 80 desa terendam."])
    assert not r.found and r.reason == ("not_found", {})


def test_words_beside_a_date_that_the_articles_never_use_decline():
    """ "terbaru" is a date constraint; it doesn't make "rekomendasi lagu" a question about the
    newest news."""
    q = "rekomendasi lagu terbaru"
    r = _read(q, ["Sebanyak 900 warga mengungsi."], absent_words=("rekomendasi", "lagu"))
    assert not r.found


def test_readable_words():
    id_word = reader.Concept(text="istri", forms=("istri",))
    bridged = reader.Concept(text="wife", forms=("istri", "wife"))
    unbridged = reader.Concept(text="measles", forms=("measles",))
    loan = reader.Concept(text="online", forms=("online",))
    name = reader.Concept(text="Taiwan", forms=("taiwan",), name=True)
    assert reader.readable(id_word) and reader.readable(bridged)
    assert not reader.readable(unbridged) and not reader.readable(loan) and not reader.readable(name)


def test_a_capitalized_first_word_that_is_a_root_word_is_not_surely_a_name():
    foto = reader.Concept(text="Foto", forms=("foto",), name=True)
    assert not reader.surely_a_name(foto, "id", first="Foto")
    assert reader.surely_a_name(foto, "id", first="Apa")
    taiwan = reader.Concept(text="Taiwan", forms=("taiwan",), name=True, place="taiwan")
    assert reader.surely_a_name(taiwan, "en", first="Taiwan")


def test_the_signals_weigh_the_words_that_are_not_names():
    """ "How many soldiers died in Kursk?" against a sentence on soldiers sent to Kursk: the
    names are all there, the asked predicate is not."""
    sent = ["Korea Utara mengirim ribuan tentara untuk bertempur di Kursk."]
    r = _read("Apa yang terjadi pada tentara Korea Utara yang tewas di Kursk?", sent, absent_words=("tewas",))
    assert r.signals["names"] == 1.0
    assert r.signals["absent"] > 0
    assert r.signals["asked"] < 1.0


def test_a_figure_is_of_what_the_question_says_happened():
    """The same sentence gives a figure of soldiers sent, not of soldiers killed: declined, and
    the reply says which of the question's words the articles never use."""
    sent = ["Korea Utara mengirim ribuan tentara untuk bertempur di Kursk."]
    r = _read("Berapa tentara Korea Utara yang tewas di Kursk?", sent, absent_words=("tewas",))
    assert not r.found and r.reason == ("not_mentioned", {"what": "tewas"})
    assert _read("Berapa tentara Korea Utara yang dikirim ke Kursk?", sent).found


def test_the_real_seeds_decline_a_year_they_never_state(seeded):
    a = seeded.ask("what was china-north korea trade worth in 2024")
    assert not a.found and a.reason and "2024" in a.reason
    assert seeded.ask("How much trade did China and North Korea do in 2023?").found


def test_the_real_seeds_answer_a_question_opening_with_a_common_word(seeded):
    a = seeded.ask("Foto jabat tangan Wang Yi dan Choe diambil dari mana?")
    assert a.found


def test_a_question_about_the_future_needs_a_date_still_to_come():
    past = ["Wang Yi mengunjungi Pyongyang pada Juni 2022."]
    r = _read("When will Wang Yi travel to Pyongyang?", past)
    assert not r.found and r.reason == ("no_future", {})
    ahead = ["Wang Yi dijadwalkan mengunjungi Pyongyang pada 20 Oktober 2025."]
    r = _read("When will Wang Yi travel to Pyongyang?", ahead)
    assert r.reason is None or r.reason[0] != "no_future"
    # The same past date answers a question about the past.
    r = _read("When did Wang Yi travel to Pyongyang?", past)
    assert r.reason is None or r.reason[0] != "no_future"


def test_asks_future():
    assert reader.asks_future(analyze("When will Wang Yi travel to Pyongyang?"))
    assert reader.asks_future(analyze("kapan Wang Yi akan ke Pyongyang"))
    assert reader.asks_future(analyze("When is BI's next board meeting?"))
    assert not reader.asks_future(analyze("When did Kim Jong Un leave Beijing?"))
    assert not reader.asks_future(
        analyze("Kapan KCNA memuat pernyataan Kim bahwa persahabatan itu tak akan berubah?")
    )
