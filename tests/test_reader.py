"""The reader's choice of the short answer inside one sentence, and of the sentence that leads.

Sentences written in the seeds' and other news styles; the facts are found as the index
finds them (retrieval/facts.py), so the tests exercise the stored path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from retrieval import reader
from retrieval.dates import question_dates
from retrieval.facts import facts
from retrieval.question import analyze
from tests.helpers import candidate

PUBLISHED = dt.date(2025, 10, 20)


def _scored(sentence: str, n: int = 1, sim: float = 0.8) -> reader.Scored:
    cand = candidate(sentence, PUBLISHED, sentence_id=n, n=n, sim=sim)
    return reader.Scored(candidate=cand, score=sim, coverage=1.0, names=1.0, typed=1.0, on_date=0.0)


def _short(question: str, sentence: str) -> reader.ShortAnswer | None:
    q = analyze(question)
    concepts_ = reader.concepts(q)
    weights = dict.fromkeys(range(len(concepts_)), 1.0)
    return reader.short_answer(q, _scored(sentence), concepts_, q.language, {}, weights)


def test_number_next_to_the_asked_words_wins_among_the_same_unit():
    sentence = (
        "Parade itu menandai peringatan 80 tahun berakhirnya perang, sementara kedua negara "
        "telah menjalin hubungan diplomatik selama 76 tahun."
    )
    got = _short("How many years have the two countries had diplomatic ties?", sentence)
    assert got is not None and got.value == 76
    got = _short("Berapa tahun usia hubungan diplomatik kedua negara?", sentence)
    assert got is not None and got.value == 76


def test_closeness_skips_function_words():
    q = analyze("Where did the soldiers fight?")
    concepts_ = reader.concepts(q)
    w = dict.fromkeys(range(len(concepts_)), 1.0)
    s = "Ribuan tentara dikirim untuk bertempur di Kursk, lalu pulang ke Pyongyang pekan lalu."
    near = reader.closeness(s, s.index("Kursk"), s.index("Kursk") + 5, concepts_, w)
    far = reader.closeness(s, s.index("Pyongyang"), s.index("Pyongyang") + 9, concepts_, w)
    assert near > far


def test_where_prefers_the_place_after_a_locative_to_a_country_in_a_title():
    sentence = "Menteri Luar Negeri Malaysia Ahmad Zaki mengadakan pembicaraan dengan mitranya di Hanoi pada hari Senin."
    got = _short("Di mana Ahmad Zaki mengadakan pembicaraan?", sentence)
    assert got is not None and got.text == "Hanoi"


def test_plural_phrases_bridge_like_their_singular():
    q = analyze("When did the two foreign ministers meet?")
    forms = {f for c in reader.concepts(q) for f in c.forms}
    assert "menteri luar negeri" in forms and "menlu" in forms


def test_a_generic_title_does_not_constrain_a_who_answer():
    sentence = "Pejabat tinggi Tiongkok, termasuk Cai Qi, menghadiri upacara pelepasan Kim di stasiun."
    got = _short("Which senior Chinese officials saw Kim off?", sentence)
    assert got is not None and "Cai Qi" in got.text


def test_a_phrase_may_start_with_a_function_word():
    q = analyze("How many villages were under water?")
    assert any("terendam" in c.forms for c in reader.concepts(q))


def test_how_deep_asks_for_a_measure():
    q = analyze("How deep did the floodwater get in the two districts?")
    assert (q.type, q.expected, q.unit) == ("how_much", "number", "m")
    got = _short(q.text, "Ketinggian air di beberapa titik mencapai 1,5 meter, kata 3 petugas.")
    assert got is not None and got.value == 1.5


def test_english_words_bring_the_stems_of_their_indonesian_forms():
    q = analyze("When did the agency report the talks?")
    forms = {f for c in reader.concepts(q) for f in c.forms}
    assert "lapor" in forms  # matches "dilaporkan" as well as "laporan"


def test_the_sentence_whose_answer_sits_by_the_question_words_leads():
    q = analyze("How many years since Xi and Kim last met?")
    concepts_ = reader.concepts(q)
    weights = dict.fromkeys(range(len(concepts_)), 1.0)
    # Both state every word of the question; only where the number sits differs.
    near = "Xi dan Kim bertemu untuk pertama kali dalam enam tahun terakhir."
    far = "Xi dan Kim terakhir bertemu saat Beijing menggelar parade peringatan 80 tahun perang dunia."
    cands = [_scored(far, n=1).candidate, _scored(near, n=2).candidate]
    ranked = reader.rank(q, cands, concepts_, weights, None)
    assert ranked[0].candidate.text == near


def test_since_when_takes_the_start_date():
    sentence = (
        "Pada Minggu (19/10) ia bertemu Wang, kunjungan pertamanya sejak ia menjadi menteri "
        "luar negeri pada Juni 2022."
    )
    got = _short("Since when has she been foreign minister?", sentence)
    assert got is not None and got.date == "2022-06"
    got = _short("Sejak kapan dia menjadi menteri luar negeri?", sentence)
    assert got is not None and got.date == "2022-06"


def test_the_level_a_figure_ended_at_beats_a_nearer_change():
    sentence = "Imbal hasil SUN bertenor 10 tahun turun 3 basis poin menjadi 6,41 persen."
    got = _short("yield SUN tenor 10 tahun jadi berapa?", sentence)
    assert got is not None and got.value == 6.41


def test_only_a_titles_head_word_makes_a_role():
    # "talks" → "pembicaraan" → "bicara" is not the "juru bicara" title
    q = analyze("Who did Wang Yi hold talks with in Beijing?")
    assert not any(c.role for c in reader.concepts(q))
    got = _short(q.text, "Pembicaraan di Beijing antara Wang Yi dan mitranya dari Korea Utara, Choe Son-hui.")
    assert got is not None and got.text == "Choe Son-hui"
    q = analyze("Who is Malaysia's foreign minister?")
    assert any(c.role for c in reader.concepts(q))


def test_which_outlet_prefers_an_organisation_to_a_place():
    sentence = (
        "Pertemuan itu dilaporkan oleh media pemerintah Korea Utara, Kantor Berita Pusat Korea (KCNA), Senin."
    )
    got = _short("Which state media outlet reported the meeting?", sentence)
    assert got is not None and "Korea Utara" not in got.text and got.text != "North Korea"


def test_the_noun_before_mana_heads_an_indonesian_which_question():
    assert analyze("Pernyataan itu ditujukan kepada negara mana?").expected == "place"


def test_indonesian_words_bring_their_synonyms_through_the_english_table():
    q = analyze("Di mana pasukan Korea Utara bertempur?")
    forms = {f for c in reader.concepts(q) for f in c.forms}
    assert {"tentara", "bertarung"} <= forms


def test_whats_the_cost_and_the_turnout_ask_for_numbers():
    q = analyze("What's the estimated cost of the damage?")
    assert (q.type, q.expected) == ("how_much", "number")
    q = analyze("What was the turnout in the re-run?")
    assert (q.type, q.expected, q.unit) == ("how_much", "number", "percent")
    got = _short(q.text, "Tingkat partisipasi pemilih dalam PSU mencapai 78,1 persen dari 3 TPS.")
    assert got is not None and got.value == 78.1


def test_a_question_word_belongs_to_the_figure_nearest_it():
    sentence = "Suku bunga Deposit Facility juga tetap di 4,00 persen dan suku bunga Lending Facility di 5,50 persen."
    got = _short("deposit facility BI sekarang berapa", sentence)
    assert got is not None and got.value == 4.0


def test_keberapa_asks_for_a_rank_and_how_fast_for_a_duration():
    sentence = "Pyongyang memperingati ulang tahun ke-80 Partai Buruh, 2 pekan setelah 26 pemimpin datang."
    got = _short("Partai Buruh merayakan ulang tahun yang keberapa?", sentence)
    assert got is not None and got.value == 80
    got = _short(
        "how fast did the water reach the homes",
        "Air mencapai rumah warga dalam dua setengah jam, kata 3 warga.",
    )
    assert got is not None and got.value == 2.5


def test_a_calendar_date_in_an_undated_article_fits_a_when_question():
    q = analyze("Kapan parade militer digelar?")
    undated = facts("Parade militer besar digelar pada 10 Oktober.", None)
    weekday = facts("Parade militer besar digelar pada hari Kamis.", None)
    assert reader.type_fit(q, reader.typed_answers(q, undated, [])) == 1.0
    assert reader.type_fit(q, reader.typed_answers(q, weekday, [])) == 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Apa saja yang terjadi pada minggu pertama September 2025?",
        "What happened over the weekend of 1-2 November 2025?",
    ],
)
def test_the_words_of_the_asked_date_make_no_topic(text):
    # "minggu pertama", "weekend" and the "1" of "1-2 November" say when, not what: the
    # question asks for the events of those days.
    q = analyze(text)
    asked = question_dates(text, dt.date(2026, 1, 2))
    assert asked is not None and reader.is_event_question(q, reader.concepts(q), {}, asked)
    other = "What did Wang Yi say about the United States on 28 September?"
    q = analyze(other)
    assert not reader.is_event_question(
        q, reader.concepts(q), {}, question_dates(other, dt.date(2025, 9, 30))
    )


def test_lines_about_the_article_answer_only_questions_about_it():
    byline = facts("Willy Haryono • 29 September 2025 18:33", dt.date(2025, 9, 29), "byline", "Kerja sama")
    assert [p.text for p in byline.people] == ["Willy Haryono"]
    assert byline.meta == "byline" and "penulis" in byline.words and "kerja" in byline.words
    assert type(byline).from_json(byline.to_json()) == byline
    assert reader.asked_meta(reader.concepts(analyze("siapa penulis berita itu?"))) == {"byline"}
    assert reader.asked_meta(reader.concepts(analyze("Who wrote the piece?"))) == {"byline"}
    assert reader.asked_meta(reader.concepts(analyze("Siapa yang memimpin BPBD?"))) == frozenset()
    source = facts("Sumber: Sputnik-OANA", None, "source")
    assert not source.people and [e.text for e in source.entities] == ["Sputnik-OANA"]


def test_since_question_wants_the_date_after_sejak():
    text = "Kunjungan pertama Choe ke China sejak ia menjadi menteri luar negeri pada Juni 2022."
    m = next(d for d in facts(text, dt.date(2025, 9, 29)).dates if "2022" in d.text)
    assert reader._after_since(text, m)


@pytest.mark.slow
def test_who_is_a_named_person_is_not_answered_with_the_others_the_sentence_names(seeded):
    # The sentence naming Cai Qi also names Wang Yi and Kim Jong Un: neither is who he is.
    a = seeded.ask("siapa cai qi")
    assert a.found and "Cai Qi" in a.answer
    assert a.short_answer is None
    b = seeded.ask("Siapa menlu Korut?")  # a role asked: the person is the answer
    assert b.short_answer is not None and "Choe" in b.short_answer.text


@pytest.mark.slow
def test_a_date_after_sejak_dates_that_state_not_another_event_of_the_sentence(seeded):
    # "… sejak ia menjadi menteri luar negeri pada Juni 2022, sekaligus pertemuan tatap muka
    # pertamanya dengan Wang": June 2022 is when Choe became minister, not when they met.
    met = seeded.ask("When did the two foreign ministers meet?")
    assert met.short_answer is not None and met.short_answer.date == "2025-09-28"
    became = seeded.ask("When did Choe become foreign minister?")
    assert became.short_answer is not None and became.short_answer.date == "2022-06"


def test_meninggal_is_not_stemmed_to_tinggal():
    from retrieval.lexicon import stem

    assert stem("meninggal") == "meninggal" and stem("meninggalkan") == "tinggal"


@pytest.mark.slow
def test_how_many_died_is_not_answered_by_the_people_who_left(corpus_berita):
    # "1.350 orang sudah meninggalkan tempat pengungsian" is about leaving, not dying.
    a = corpus_berita.ask("berapa orang meninggal karena banjir kalsel")
    assert a.short_answer is not None and a.short_answer.value == 1


@pytest.mark.slow
def test_when_is_x_holding_asks_for_a_date_to_come(seeded):
    a = seeded.ask("When is North Korea holding its big military parade?")
    assert a.short_answer is not None and a.short_answer.date == "2025-10-10"


def _short_weighted(question: str, sentence: str) -> reader.ShortAnswer | None:
    q = analyze(question)
    concepts_ = reader.concepts(q)
    weights = dict.fromkeys(range(len(concepts_)), 1.0)
    return reader.short_answer(q, _scored(sentence), concepts_, q.language, {}, None, weights)


def test_a_figure_is_of_the_question_word_that_is_its_unit():
    # "kematian" is what "died" counts; "kasus" counts something else.
    s = "Dinas Kesehatan mencatat 1.200 kasus demam berdarah dan 7 kematian sepanjang tahun ini."
    short = _short_weighted("How many people died of dengue this year?", s)
    assert short is not None and short.value == 7


def test_an_amount_is_of_the_noun_right_before_it():
    s = "Hakim menjatuhkan denda Rp 250 juta, sedangkan kerugian negara mencapai Rp 9 miliar."
    short = _short_weighted("Berapa denda yang dijatuhkan hakim?", s)
    assert short is not None and short.value == 250e6


def test_the_whole_a_part_is_counted_of_is_not_the_answer():
    s = "Dari 40 analis yang disurvei, 31 orang memperkirakan harga minyak naik."
    short = _short_weighted("How many of the surveyed analysts expect oil prices to rise?", s)
    assert short is not None and short.value == 31


def test_how_much_without_a_unit_wants_an_amount_not_a_count():
    q = analyze("Berapa nilai ekspor kopi tahun lalu?")
    f = facts("Ekspor kopi tahun lalu mencakup 45 negara tujuan.", PUBLISHED)
    concepts_ = reader.concepts(q)
    found = reader.typed_answers(
        q, f, concepts_, PUBLISHED, "Ekspor kopi tahun lalu mencakup 45 negara tujuan."
    )
    assert reader.type_fit(q, found, lambda x: False) == 0.5


def test_a_title_of_the_same_body_elsewhere_does_not_answer():
    q = analyze("Siapa yang memimpin BPBD Sikka?")
    concepts_ = reader.concepts(q)
    assert reader._other_body("Kepala Pelaksana BPBD Ende", concepts_, q.text)
    assert not reader._other_body("Kepala Pelaksana BPBD Sikka", concepts_, q.text)
    q = analyze("Who heads the BPBD in East Sumba?")
    concepts_ = reader.concepts(q)
    assert reader._other_body("Kepala BPBD Ende", concepts_, q.text)
    assert not reader._other_body("Kepala BPBD Sumba Timur", concepts_, q.text)


def test_against_a_named_side_is_no_topic():
    words = {c.text for c in reader.concepts(analyze("Who scored for Arema against Persebaya?"))}
    assert "against" not in words and "Persebaya" in words
    words = {c.text for c in reader.concepts(analyze("What did the two countries pledge to work against?"))}
    assert any("against" in w for w in words)


def test_which_station_wants_a_name_with_the_word_station():
    s = "Stasiun Tugu di Yogyakarta menjadi stasiun paling padat selama libur panjang."
    short = _short_weighted("Stasiun mana yang paling padat selama libur panjang?", s)
    assert short is not None and short.text == "Stasiun Tugu"
    q = analyze("Which airport handled the most passengers?")
    found = reader.typed_answers(q, facts("Penumpang terbanyak tercatat di Jawa Timur.", PUBLISHED), [])
    assert reader.type_fit(q, found) in (0.0, 0.5)


def test_reports_of_a_bare_noun_are_counted_things_not_coverage():
    assert reader.reporting("How many reports of fraud did the police receive?") is None
    assert reader.reporting("How many reports of the earthquake are there?") == "count"
    assert reader.reporting("Which outlets reported the earthquake?") == "which"


@pytest.mark.parametrize(
    ("question", "sentence", "want"),
    [
        (
            "Pukul berapa jalan tol dibuka?",
            "Jalan tol dibuka kembali pada Senin pukul 06.30 WIB.",
            "pukul 06.30 WIB",
        ),
        (
            "What time did the toll road reopen?",
            "Jalan tol dibuka kembali pada Senin pukul 06.30 WIB.",
            "06.30 WIB",
        ),
        (
            "Until what time is the market open?",
            "Pasar buka hingga pukul 22.00 pada Sabtu (18/10).",
            "until 22.00",
        ),
        (
            "Sampai jam berapa pasar buka?",
            "Pasar buka hingga pukul 22.00 pada Sabtu (18/10).",
            "hingga pukul 22.00",
        ),
    ],
)
def test_what_time_is_answered_by_the_clock_not_the_day(question: str, sentence: str, want: str):
    got = _short(question, sentence)
    assert got is not None and got.type == "when" and want in got.text


def test_a_day_alone_does_not_answer_what_time():
    q = analyze("Until what time did the market stay open on Saturday?")
    concepts_ = reader.concepts(q)
    weights = dict.fromkeys(range(len(concepts_)), 1.0)
    clock = "Pada malam itu pengelola memperpanjang jam buka pasar hingga pukul 23.00."
    day = "Sekitar 5.000 orang mengunjungi pasar pada Sabtu (18/10)."
    cands = [_scored(day, n=1).candidate, _scored(clock, n=2).candidate]
    ranked = reader.rank(q, cands, concepts_, weights, None)
    assert ranked[0].candidate.text == clock
    assert ranked[1].typed == 0.0


def test_a_bare_decimal_is_no_clock_time():
    assert reader.clock_times("Skor 2.1 dan 12.30 WIB, inflasi 25.00 persen") != []
    assert [m.group() for m in reader.clock_times("Inflasi 25.00 persen, skor 2.1")] == []


# --- why-questions: the reason next to the event; sentences that refer back ----------------


def _cand(sentence: str, sentence_id: int, n: int = 1) -> reader.Candidate:
    return candidate(sentence, PUBLISHED, sentence_id, n)


def test_a_sentence_pointing_back_with_a_purpose_explains_and_a_consequence_does_not():
    def says(s: str) -> bool:
        return reader.explains(s, facts(s, PUBLISHED).words)

    assert says("Keputusan ini diambil untuk menjaga stabilitas nilai tukar rupiah.")
    assert says("Laga ditunda karena hujan deras.")
    assert not says("Untuk itu, Kemenkes menggandeng tokoh agama dan organisasi masyarakat.")
    assert not says("Rapat berlangsung di Jakarta untuk membahas anggaran.")  # purpose, no pointer
    assert reader.consequence("Akibatnya, banyak anak belum mendapat dua dosis vaksin.")
    assert not reader.consequence("Banyak anak belum mendapat dua dosis vaksin.")


def test_the_reason_takes_the_coverage_of_the_event_before_it():
    cands = [
        _cand("Bank sentral mempertahankan suku bunga acuan di level 4,75 persen.", 10),
        _cand("Keputusan ini diambil untuk menjaga stabilitas rupiah.", 11),
        _cand("Banyak anak belum mendapat dua dosis vaksin.", 20, n=2),
        _cand("Akibatnya, kasus campak melonjak di 12 provinsi.", 21, n=2),
    ]
    got, reasons = reader._explained_coverage(cands, [0.8, 0.1, 0.0, 0.6])
    assert got == [0.8, 0.8, 0.6, 0.6]
    assert reasons == {1, 2}  # the purpose, and the cause before "Akibatnya"


def test_a_cause_set_aside_is_no_reason_and_the_next_sentence_gives_it():
    def says(s: str) -> bool:
        return reader.explains(s, facts(s, PUBLISHED).words)

    aside = "Para ahli menilai longsor itu tidak hanya disebabkan oleh hujan deras."
    assert reader.sets_aside(aside) and not says(aside)
    assert reader.sets_aside("The fire was not only caused by the heat.")
    assert not reader.sets_aside("Longsor itu disebabkan oleh hujan deras.")
    cands = [
        _cand(aside, 10),
        _cand("Menurut dia, penebangan hutan di lereng bukit membuat tanah mudah bergerak.", 11),
    ]
    got, reasons = reader._explained_coverage(cands, [0.9, 0.1])
    assert got == [0.9, 0.9]
    assert reasons == {1}


def test_a_reason_opening_a_paragraph_of_its_own_does_not_explain_the_one_before():
    death = "Seorang warga ditemukan meninggal setelah terseret arus sungai."
    own = "Luapan sungai menjadi penyebab utama banjir."
    cands = [
        replace(_cand(death, 10), paragraph=3),
        replace(_cand(own, 11), paragraph=4),
        replace(_cand("Laga ditunda karena hujan.", 12), paragraph=4),
        replace(_cand("Keputusan ini diambil karena lapangan tergenang.", 13), paragraph=5),
    ]
    got, _ = reader._explained_coverage(cands, [0.8, 0.1, 0.3, 0.0])
    # the paragraph's own cause keeps its coverage; the next sentence of its paragraph takes
    # it; one pointing back ("Keputusan ini …") reaches into the paragraph before
    assert got == [0.8, 0.1, 0.3, 0.3]
    assert reader.continues("Keputusan ini diambil karena lapangan tergenang.")
    assert reader.continues('"Kami kalah karena satu kesalahan kecil," ujarnya.')
    assert not reader.continues(own)


def test_a_reaction_question_favours_the_sentence_that_reacts_with_the_event_before_it():
    assert reader.asks_reaction("How did the Kremlin react to Trump's post?")
    assert reader.asks_reaction("Gimana tanggapan pengacara soal vonis itu?")
    assert not reader.asks_reaction("Berapa lama status tanggap darurat berlaku?")
    cands = [
        _cand("Presiden itu menuduh ketiga pemimpin berkonspirasi melawan negaranya.", 10),
        _cand("Seorang ajudan Kremlin menolak pernyataan tersebut.", 11),
        _cand("Kremlin juga menolak tuduhan lain pekan lalu.", 12),
    ]
    weights = {0: 1.0, 1: 1.0}
    got, reacts = reader._reaction_coverage(cands, [[0], [1], [1]], weights, 2.0)
    # the reaction covers the event before it; the one after a reaction borrows nothing
    assert got == [0.5, 1.0, 0.5]
    assert reacts == {1, 2}
    # the sentence after a reaction in its paragraph tells how it went
    told = [
        _cand("Keputusan bank sentral disambut datar oleh pasar.", 30),
        _cand("Indeks saham dibuka menguat tipis pada Kamis pagi.", 31),
    ]
    got, reacts = reader._reaction_coverage(told, [[0], [1]], weights, 2.0)
    assert got == [0.5, 1.0]
    assert reacts == {0}


def test_the_reason_of_another_article_explains_nothing():
    cands = [
        _cand("Bank sentral mempertahankan suku bunga.", 10),
        _cand("Laga ditunda karena hujan.", 11, n=5),
    ]
    got, _ = reader._explained_coverage(cands, [0.8, 0.1])
    assert got == [0.8, 0.1]


def test_sentences_that_refer_back():
    assert reader.refers_back("Mereka ditampung di gedung-gedung sekolah.")
    assert reader.refers_back("Menurut dia, ruang penurunan suku bunga masih terbuka.")
    assert reader.refers_back("Kemenangan ini membawa Persib naik ke peringkat kedua.")
    assert not reader.refers_back("Persib naik ke peringkat kedua.")


def test_an_english_loanword_counts_in_its_indonesian_form_but_stays_unreadable():
    (c,) = [c for c in reader.concepts(analyze("Who criticised hegemonism?")) if c.text == "hegemonism"]
    assert "hegemonisme" in c.forms and c.guessed
    assert not reader.readable(c)  # absent from the articles, it says no more than the English word


def test_what_measure_questions_read_as_figures_and_apa_saja_lists():
    q = reader.as_figure_question(analyze("What vaccination coverage does the province want to reach?"))
    assert (q.type, q.expected) == ("how_much", "number")
    plain = analyze("What did the minister say?")
    assert reader.as_figure_question(plain) is plain
    c = candidate("Gejala penyakit itu berupa demam, nyeri sendi, hingga ruam kulit.", dt.date(2025, 3, 1))
    short = reader.untyped_list(analyze("Gejala penyakit itu apa saja?"), c)
    assert short is not None and short.text == "demam, nyeri sendi, hingga ruam kulit"
    assert reader.untyped_list(analyze("Apa gejala penyakit itu?"), c) is None  # not a list question


def test_a_written_span_of_days_fits_a_when_question():
    q = analyze("When will the conference be held?")
    c = candidate("Konferensi itu digelar pada 7–9 Maret 2026 di Bali.", dt.date(2026, 1, 5))
    found = reader.typed_answers(q, c.facts, [], c.published, c.text)
    assert reader.type_fit(q, found) == 1.0


def test_a_named_kind_opens_the_name_a_what_question_asks_for():
    c = candidate("Otoritas Pelabuhan Tenau di Kupang menyatakan kapal tetap berlayar.", dt.date(2025, 3, 1))
    short = reader.untyped_name(analyze("Pelabuhan apa yang ada di Kupang?"), c)
    assert short is not None and short.text == "Pelabuhan Tenau"
    assert reader.untyped_name(analyze("Apa kata otoritas soal kapal?"), c) is None


def test_both_of_the_named_refers_back_and_a_second_does_not():
    assert reader.refers_back("Kedua negara menargetkan nilai perdagangan mencapai $2 miliar.")
    assert reader.refers_back("Kedua pihak memiliki waktu tujuh hari untuk mengajukan banding.")
    assert not reader.refers_back("Kedua, pemerintah menyiapkan bantuan.")


def test_the_asked_words_given_as_the_cause_of_another_event_are_no_reason_for_them():
    asked = frozenset({"korea", "utara", "nuklir", "program"})
    strained = "Meski hubungan Beijing–Pyongyang sempat renggang akibat program nuklir Korea Utara, kedua negara tetap dekat."
    assert reader.cause_of_other(strained, asked)
    assert not reader.cause_of_other("Korea Utara mempertahankan program nuklir karena ancaman AS.", asked)
    # (the effect follows "penyebab": the flood is what is explained)
    assert not reader.cause_of_other("Luapan sungai menjadi penyebab utama banjir.", frozenset({"banjir"}))


def test_a_demand_is_no_purpose_and_a_need_served_is_a_reason():
    def says(s: str) -> bool:
        return reader.explains(s, facts(s, PUBLISHED).words)

    assert not says(
        "Kim siap berunding bila Washington menghentikan tuntutan agar Pyongyang meninggalkan senjatanya."
    )
    assert says("Pemerintah menambah armada agar penumpang terangkut.")
    assert says("Korea Utara menegaskan program tersebut diperlukan sebagai pertahanan menghadapi ancaman.")


def test_a_yes_no_question_about_the_place_favours_a_sentence_that_places_its_people():
    def asks(text: str) -> bool:
        q = analyze(text)
        return reader.asks_place(q, reader.concepts(q))

    assert asks("Did Choe Son Hui meet Wang Yi in Moscow?")
    assert asks("Apakah Choe Son Hui bertemu Wang Yi di Beijing?")
    assert not asks("Apakah Putin dan Kim bertemu sebelum parade di Beijing?")  # the parade's place
    assert not asks("Who did Choe meet in Beijing?")
    q = analyze("Did Choe Son Hui meet Wang Yi in Moscow?")
    people = [c for c in reader.concepts(q) if c.name and not c.place]
    placed = _cand("Wang Yi mengadakan pembicaraan dengan rekannya, Choe Son Hui, di Beijing.", 1)
    unplaced = _cand("Kunjungan ini menandai kunjungan pertama Choe Son Hui ke China.", 2)
    assert reader.places_event(placed, people)
    assert not reader.places_event(unplaced, people)


def test_a_where_answer_stands_after_a_preposition_or_in_a_dateline_not_inside_a_name():
    def at(sentence: str) -> list[bool]:
        return [reader.at_place(sentence, p) for p in facts(sentence, PUBLISHED).places]

    assert at("Laga digelar di Stadion Gelora Bandung Lautan Api.") == [True]
    # (spans no longer reads "Borneo" of "Borneo FC" as a place at all: either way, not one)
    assert True not in at("Persib hanya terpaut satu poin dari pemuncak klasemen Borneo FC.")
    assert at("Jakarta: Perusahaan itu memutuskan hubungan kerja.")[:1] == [True]
