"""Yes/no short answers: only where the lead sentence states or denies exactly what was asked."""

from __future__ import annotations

import datetime as dt

import pytest

from retrieval import reader
from retrieval.facts import facts
from retrieval.question import analyze
from retrieval.yesno import yes_no


def answer(question: str, sentence: str, passage: str = "") -> str | None:
    q = analyze(question)
    cand = reader.Candidate(
        n=1,
        sentence_id=0,
        text=sentence,
        sim=0.9,
        passage_sim=0.9,
        published=dt.date(2025, 11, 4),
        facts=facts(sentence, dt.date(2025, 11, 4)),
    )
    lead = reader.Scored(candidate=cand, score=1.0, coverage=1.0, names=1.0, typed=0.0, on_date=0.0)
    around = facts(passage, dt.date(2025, 11, 4)).words if passage else frozenset()
    short = yes_no(q.text, q.language, lead, reader.concepts(q), q.language, around)
    assert short is None or (short.type == "yesno" and short.cited == (1,) and short.quote == sentence)
    return short.text if short else None


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("Apakah vaksin campak halal?", "MUI menyatakan vaksin campak yang digunakan halal.", "Ya"),
        (
            "Apakah bandara Lewoleba ditutup?",
            "Bandara Lewoleba tidak ditutup dan penerbangan normal.",
            "Tidak",
        ),
        (
            "Apakah Agus mengajukan banding?",
            "Agus belum mengajukan banding, ia menyatakan pikir-pikir.",
            "Belum",
        ),
        ("Did the flood kill anyone?", "Banjir itu menewaskan dua orang warga.", "Yes, 2 people"),
        ("Did the flood kill anyone?", "Hingga Senin, banjir itu tidak menewaskan seorang pun.", "No"),
        # "tidak hanya" ("not only") affirms.
        ("Apakah banjir merendam rumah?", "Banjir tidak hanya merendam rumah, tetapi juga sawah.", "Ya"),
        # A negation in another clause says nothing about this one.
        ("Apakah banjir merendam sawah?", "Banjir merendam sawah, namun jalan tidak terputus.", "Ya"),
        # "Did X deny …?": the denial is what was asked, so it affirms.
        ("Apakah Kremlin membantah pernyataan Trump?", "Kremlin membantah pernyataan Trump.", "Ya"),
    ],
)
def test_yes_and_no_where_the_sentence_states_it(question, sentence, expected):
    assert answer(question, sentence) == expected


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # A name of the question the sentence does not state: it is about something else.
        ("Apakah Choe bertemu Xi Jinping?", "Choe bertemu Wang Yi di Beijing pada hari Minggu."),
        # The predicate is not there, nor another way the figure moved: we can't tell.
        ("Did Bank Indonesia cut interest rates?", "Bank Indonesia membahas suku bunga acuan."),
        # "dibandingkan" ("compared with") states no appeal ("banding").
        ("Did Agus appeal his sentence?", "Vonis Agus lebih ringan dibandingkan tuntutan jaksa."),
        # A word of the predicate only in the passage: the sentence doesn't state it.
        ("Did Agus appeal his sentence?", "Agus divonis delapan tahun penjara."),
        # Hedged or conditional statements do not say yes.
        ("Apakah BI memangkas suku bunga?", "BI diperkirakan memangkas suku bunga bulan depan."),
        ("Apakah Kim siap berdialog dengan AS?", "Kim siap berdialog dengan AS bila sanksi dicabut."),
        # A negated question: "yes" would be ambiguous.
        ("Apakah bandara tidak ditutup?", "Bandara tidak ditutup."),
        # Only names: no predicate to confirm.
        ("Apakah Persib?", "Persib menang 2-1."),
    ],
)
def test_no_short_answer_where_it_cannot_be_precise(question, sentence):
    assert answer(question, sentence) is None


def test_only_yes_no_questions_get_one():
    assert analyze("Apakah vaksin campak halal?").type == "yesno"
    assert analyze("Siapa yang menyatakan vaksin campak halal?").type != "yesno"


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # The figure moved another way than asked: held, not cut nor raised.
        ("Did Bank Indonesia cut interest rates?", "Bank Indonesia mempertahankan suku bunga acuan.", "No"),
        ("Apakah BI menaikkan suku bunga?", "BI memutuskan menahan suku bunga di 4,75 persen.", "Tidak"),
        ("Did the central bank raise rates?", "Bank sentral memangkas suku bunga 25 basis poin.", "No"),
        # … and the way asked is a yes.
        ("Apakah BI memangkas suku bunga?", "BI memangkas suku bunga 25 basis poin.", "Ya, 25 basis poin"),
    ],
)
def test_no_where_the_sentence_states_the_figure_moved_another_way(question, sentence, expected):
    assert answer(question, sentence) == expected


def test_a_negation_negates_what_follows_it_not_what_came_before():
    assert answer("Is the vaccine free?", "Vaksin diberikan gratis dan tidak memerlukan resep.") == "Yes"
    assert answer("Is the vaccine free?", "Vaksin itu tidak diberikan gratis.") == "No"


def test_a_hedge_the_question_shares_is_what_it_asks():
    assert (
        answer("Apakah kantor Surabaya akan ditutup?", "Kantor di Surabaya akan ditutup mulai Desember.")
        == "Ya"
    )
    assert (
        answer("Apakah kantor Surabaya ditutup?", "Kantor di Surabaya akan ditutup mulai Desember.") is None
    )


def test_a_modifier_of_a_stated_noun_may_stand_in_the_passage():
    sentence = "Vaksin diberikan gratis kepada semua anak."
    passage = "Kemenkes memulai kampanye imunisasi campak. " + sentence
    assert answer("Is the measles vaccine free?", sentence, passage) == "Yes"
    assert answer("Apakah vaksin campak gratis?", sentence, passage) == "Ya"
    assert answer("Is the measles vaccine free?", sentence) is None  # nowhere: can't tell


def test_no_with_the_figure_stated_when_the_question_names_another():
    sentence = "Majelis hakim menjatuhkan vonis delapan tahun penjara kepada Agus Salim Harahap."
    assert answer("Was Agus Salim Harahap sentenced to ten years?", sentence) == "No, 8 years"
    assert answer("Apakah Agus Salim Harahap divonis 10 tahun penjara?", sentence) == "Tidak, delapan tahun"
    assert answer("Apakah Agus Salim Harahap divonis delapan tahun penjara?", sentence) == "Ya, delapan tahun"
    # Another figure of another thing says nothing: the unit must be the asked one.
    assert answer("Did the flood kill 3 people?", "Banjir merendam 14 desa selama tiga hari.") is None
    # A figure demanded is not what happened: no "No, 11 years" from the prosecutors' demand.
    demand = "Vonis itu lebih ringan dari tuntutan jaksa yang menuntut Agus Salim Harahap dihukum 11 tahun penjara."
    assert answer("Was Agus Salim Harahap sentenced to ten years?", demand) is None


def test_no_with_the_capital_the_sentence_places_it_in():
    talks = "Wang Yi mengadakan pembicaraan dengan Choe di Beijing pada hari Minggu."
    assert answer("Did Wang Yi hold talks with Choe in Pyongyang?", talks) == "No — in Beijing"
    assert (
        answer("Apakah Wang Yi mengadakan pembicaraan dengan Choe di Moskow?", talks) == "Tidak — di Beijing"
    )
    # A city's own country is no contradiction, nor a sentence not stating the rest of it.
    assert answer("Did Wang Yi hold talks with Choe in China?", talks) is None
    assert answer("Did Wang Yi sign a treaty with Choe in Pyongyang?", talks) is None
    # A capital only named ("kemitraan antara Moskow dan Pyongyang"), or one the question names
    # itself, is not where the sentence puts the event.
    met = "Putin dan Kim juga bertemu sebelum parade, memuji kemitraan antara Moskow dan Pyongyang."
    assert answer("Apakah Putin dan Kim bertemu sebelum parade di Beijing?", met) is None
    left = "Kim meninggalkan Beijing pada hari Kamis, mengakhiri perjalanannya."
    assert answer("Did Kim travel on to Moscow after leaving Beijing?", left) is None
