"""Answer spans in Indonesian sentences: people, places, quantities, English rendering.

Sentences from seeds/*.txt and from other kinds of news (floods, elections, football, the
economy), so the rules are checked for generality.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.question import analyze
from retrieval.spans import (
    Quantity,
    Span,
    answer_spans,
    entities,
    numbers,
    other_bound,
    people,
    places,
    render_quantity,
    scores,
    strip_dateline,
    to_english,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed_sentences() -> list[str]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        for para in path.read_text(encoding="utf-8").splitlines():
            out += [s for s in re.split(r"(?<=[.!?”])\s+", para) if s.strip()]
    return out


def _seed_sentence(containing: str) -> str:
    return next(s for s in _seed_sentences() if containing in s)


# --- people --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Menteri Luar Negeri Tiongkok Wang Yi mengadakan pembicaraan dengan rekannya Korea Utara, Choe Son Hui, di Beijing.",
            [("Wang Yi", "Menteri Luar Negeri Tiongkok"), ("Choe Son Hui", "rekannya Korea Utara")],
        ),
        (
            "Menlu Tiongkok Wang Yi berjabat tangan dengan Menlu Korea Utara Choe Son-hui.",
            [("Wang Yi", "Menlu Tiongkok"), ("Choe Son-hui", "Menlu Korea Utara")],
        ),
        (
            "Pemimpin Korea Utara Kim Jong Un mengatakan kepada Presiden Cina Xi Jinping bahwa Korea Utara akan mendukung Cina.",
            [("Kim Jong Un", "Pemimpin Korea Utara"), ("Xi Jinping", "Presiden Cina")],
        ),
        (
            "Pejabat Partai Komunis Tiongkok berpangkat tinggi-termasuk Cai Qi dan Menteri Luar Negeri Wang Yi-menghadiri upacara pengiriman untuk Kim, menurut KCNA.",
            [("Cai Qi", None), ("Wang Yi", "Menteri Luar Negeri"), ("Kim", None)],
        ),
        (
            "Hal ini mengikuti kunjungan pemimpin Korea Utara Kim Jong-un awal bulan ini.",
            [("Kim Jong-un", "pemimpin Korea Utara")],
        ),
        (
            "Pembicaraan Wang dan Choe muncul setelah Presiden Cina Xi Jinping, Kim Korea Utara dan Presiden Rusia Vladimir Putin muncul bersama.",
            [
                ("Wang", None),
                ("Choe", None),
                ("Xi Jinping", "Presiden Cina"),
                ("Kim", None),
                ("Vladimir Putin", "Presiden Rusia"),
            ],
        ),
        (
            "Presiden Joko Widodo meninjau lokasi banjir di Bekasi bersama Gubernur Jawa Barat Ridwan Kamil.",
            [("Joko Widodo", "Presiden"), ("Ridwan Kamil", "Gubernur Jawa Barat")],
        ),
        (
            "Pelatih Shin Tae-yong memuji penampilan Marselino Ferdinan dalam laga melawan Bahrain.",
            [("Shin Tae-yong", "Pelatih"), ("Marselino Ferdinan", None)],
        ),
        (
            "Dr. Siti Nadia Tarmizi mengatakan kasus demam berdarah meningkat.",
            [("Siti Nadia Tarmizi", "Dr.")],
        ),
        (
            "Kapolda Metro Jaya Irjen Karyoto mengatakan 15 tersangka telah ditangkap.",
            [("Karyoto", "Kapolda Metro Jaya Irjen")],
        ),
        ("Gol kemenangan dicetak oleh Rafael Struick pada menit ke-75.", [("Rafael Struick", None)]),
    ],
)
def test_people(sentence, expected):
    found = people(sentence)
    assert [(p.text, p.role) for p in found] == expected
    for p in found:
        assert sentence[p.start : p.end] == p.text
        assert p.kind == "person"


@pytest.mark.parametrize(
    "sentence",
    [
        "Tiongkok dan Korea Utara Sepakat Perkuat Kerja Sama, Tolak Dominasi Asing",  # a headline
        "Pertemuan ini dilaporkan langsung oleh Kantor Berita Pusat Korea (KCNA), Senin (29/9).",
        "Korea Utara menegaskan program tersebut diperlukan sebagai pertahanan menghadapi ancaman Amerika Serikat.",
        "Awal September lalu, parade militer digelar di Beijing.",
        "Banjir merendam ribuan rumah di Kabupaten Bandung pada Selasa.",
        "Timnas Indonesia menang 2-0 atas Vietnam di Stadion Gelora Bung Karno, Jakarta, Selasa malam.",
        "Badan Pusat Statistik (BPS) mencatat inflasi Oktober 2024 sebesar 1,71 persen.",
        "Harga beras medium naik menjadi Rp 13.500 per kilogram.",
    ],
)
def test_no_people_where_there_are_none(sentence):
    assert people(sentence) == []


# --- places --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Kunjungan ini menandai kunjungan pertama Choe ke China sejak ia menjadi menteri luar negeri.",
            ["China"],
        ),
        (
            "Korea Utara telah mengirim ribuan tentara untuk bertarung di Kursk – sebuah wilayah Rusia yang ditempati oleh Ukraina.",
            ["Korea Utara", "Kursk", "Rusia", "Ukraina"],
        ),
        ("Banjir merendam ribuan rumah di Kabupaten Bandung pada Selasa.", ["Kabupaten Bandung"]),
        ("Gempa berkekuatan 5,6 mengguncang wilayah Cianjur, Jawa Barat.", ["Cianjur", "Jawa Barat"]),
        ("Tim nasional bertolak ke Tokyo dari Jakarta pada Senin.", ["Tokyo", "Jakarta"]),
        (
            "Meski hubungan Beijing–Pyongyang sempat renggang, kedua negara tetap dekat.",
            ["Beijing", "Pyongyang"],
        ),
        ("Para menteri bertemu pada Minggu di sela-sela acara.", []),
        ("Ia bekerja sebagai guru.", []),  # "sebagai" is not "as" = AS
    ],
)
def test_places(sentence, expected):
    found = places(sentence)
    assert [p.text for p in found] == expected
    for p in found:
        assert sentence[p.start : p.end] == p.text


def test_entities_cover_organisations_for_which_questions():
    s = "Pertemuan ini dilaporkan langsung oleh Kantor Berita Pusat Korea (KCNA), Senin (29/9)."
    texts = [e.text for e in entities(s)]
    assert "Kantor Berita Pusat Korea" in texts and "KCNA" in texts
    assert "Senin" not in texts and "Pertemuan" not in texts
    s = "Badan Pusat Statistik (BPS) mencatat inflasi Oktober 2024 sebesar 1,71 persen."
    assert [e.text for e in entities(s)] == ["Badan Pusat Statistik", "BPS"]
    assert [e.text for e in entities("Bank Indonesia mempertahankan suku bunga.")] == ["Bank Indonesia"]
    assert [e.text for e in entities("Korea Utara menegaskan program itu.")] == ["Korea Utara"]


# --- quantities ----------------------------------------------------------------------------


def _q(sentence: str) -> list[tuple]:
    return [(q.text, q.value, q.unit, q.approx) for q in numbers(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Choe sedang melakukan kunjungan empat hari ke China.", [("empat hari", 4, "day", False)]),
        (
            "Perdagangan antara kedua negara melebihi $2 miliar pada tahun 2023.",
            [("melebihi $2 miliar", 2e9, "USD", False)],
        ),
        (
            "China dan Korea Utara telah menjalin hubungan diplomatik selama 76 tahun.",
            [("76 tahun", 76, "year", False)],
        ),
        (
            "Putin dan Kim termasuk di antara sekitar 26 yang sebagian besar pemimpin dunia yang hadir, "
            "dengan pertemuan selama dua setengah jam.",
            [("sekitar 26", 26, None, True), ("dua setengah jam", 2.5, "hour", False)],
        ),
        ("Sebanyak 2.000 orang mengungsi akibat banjir.", [("2.000 orang", 2000, "person", False)]),
        ("Inflasi tahunan tercatat 2,5 persen pada Agustus.", [("2,5 persen", 2.5, "percent", False)]),
        ("Inflasi naik menjadi 3,1% tahun ini.", [("3,1%", 3.1, "percent", False)]),
        ("Pemerintah menyiapkan anggaran Rp 5 triliun untuk pemilu.", [("Rp 5 triliun", 5e12, "IDR", False)]),
        ("Sebanyak 3 juta pemilih belum terdaftar.", [("3 juta pemilih", 3e6, "pemilih", False)]),
        ("Puluhan ribu warga turun ke jalan.", [("Puluhan ribu warga", 1e4, "warga", True)]),
        ("Korea Utara mengirim ribuan tentara ke Kursk.", [("ribuan tentara", 1e3, "tentara", True)]),
        ("Persija menang 2-1 atas Persib.", []),  # a score, not two quantities
        ("Gempa terjadi pada 3 September pukul 10.30 WIB.", []),
        ("Parade digelar pada Minggu (28/9) di Beijing.", []),
        ("Hubungan kedua negara memburuk sejak tahun 2023.", []),
        ("Pada 2019 pemilu diikuti 190 juta pemilih.", [("190 juta pemilih", 1.9e8, "pemilih", False)]),
        ("Pertemuan itu hanya sehari setelah parade.", [("sehari", 1, "day", False)]),
        ("Hampir 40 persen rumah rusak.", [("Hampir 40 persen", 40, "percent", True)]),
        ("Harga beras naik menjadi Rp 13.500 per kilogram.", [("Rp 13.500", 13500, "IDR", False)]),
        ("KPU menetapkan pemenang dengan 96,2 juta suara.", [("96,2 juta suara", 9.62e7, "suara", False)]),
        (
            "Banjir menewaskan sedikitnya 67 orang dan 20 lainnya hilang.",
            [("sedikitnya 67 orang", 67, "person", False), ("20", 20, None, False)],
        ),
        ("Gempa berpusat 10 kilometer barat daya Cianjur.", [("10 kilometer", 10, "km", False)]),
    ],
)
def test_numbers(sentence, expected):
    found = numbers(sentence)
    assert _q(sentence) == expected
    for q in found:
        assert sentence[q.start : q.end] == q.text


def test_ordinals_are_ranks_not_counts():
    (q,) = numbers("Parade memperingati ulang tahun ke-80 Partai Buruh Korea.")
    assert q.ordinal and q.value == 80 and q.text == "ke-80"
    assert render_quantity(q, "en") == "80th"


def test_qualifiers():
    (q,) = numbers("Perdagangan antara kedua negara melebihi $2 miliar pada tahun 2023.")
    assert q.qualifier == "over"
    (q,) = numbers("Setidaknya 12 orang tewas.")
    assert q.qualifier == "at least" and q.value == 12
    (q,) = numbers("Pengungsi bertahan hingga 500 orang.")
    assert q.qualifier == "up to" and q.value == 500
    # "mencapai" says the figure was reached, not a ceiling: "78.1%", never "up to 78.1%".
    (q,) = numbers("Kerugian mencapai Rp 1,2 miliar.")
    assert q.qualifier is None and q.value == pytest.approx(1.2e9)


@pytest.mark.parametrize(
    ("sentence", "en", "id"),
    [
        ("kunjungan empat hari ke China", "4 days", "empat hari"),
        ("melebihi $2 miliar pada tahun 2023", "over $2 billion", "melebihi $2 miliar"),
        ("selama dua setengah jam", "2.5 hours", "dua setengah jam"),
        ("di antara sekitar 26 yang hadir", "about 26", "sekitar 26"),
        ("selama 76 tahun", "76 years", "76 tahun"),
        ("sebanyak 2.000 orang mengungsi", "2,000 people", "2.000 orang"),
        ("inflasi 2,5 persen", "2.5%", "2,5 persen"),
        ("anggaran Rp 5 triliun", "Rp 5 trillion", "Rp 5 triliun"),
        ("ribuan tentara", "thousands of troops", "ribuan tentara"),
        ("hanya sehari setelah", "1 day", "sehari"),
    ],
)
def test_render_quantity(sentence, en, id):
    (q,) = numbers(sentence)
    assert render_quantity(q, "en") == en
    assert render_quantity(q, "id") == id


def test_quantity_is_frozen_and_keyword_built():
    q = Quantity(start=0, end=6, text="4 hari", value=4.0, unit="day", approx=False)
    assert render_quantity(q, "en") == "4 days"
    with pytest.raises(AttributeError):
        q.value = 5.0  # type: ignore[misc]


# --- English rendering ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "en"),
    [
        ("Menteri Luar Negeri Korea Utara", "North Korea's foreign minister"),
        ("Menlu Tiongkok", "China's foreign minister"),
        ("Presiden Amerika Serikat", "the United States's president"),
        ("Presiden Rusia Vladimir Putin", "Russia's president Vladimir Putin"),
        ("pemimpin Korea Utara", "North Korea's leader"),
        ("Korea Utara dan China", "North Korea and China"),
        ("Wang Yi", "Wang Yi"),
        ("Partai Komunis China", "Communist Party China"),
        # half translated it would be "Central Kantor Berita Korea": kept as the articles write it
        ("Kantor Berita Pusat Korea", "Kantor Berita Pusat Korea"),
        ("Komite Sentral Partai Komunis China", "Komite Sentral Partai Komunis China"),
        ("Jakarta", "Jakarta"),
        # A name's first word is not a unit or a common word on its own: "Tahun Baru" is New Year.
        ("Tahun Baru", "New Year"),
        ("Natal dan Tahun Baru", "Christmas and New Year"),
        ("Kementerian Kesehatan", "Kementerian Kesehatan"),
        # Directions: before a known place or a one-word name; a longer local name keeps its own.
        ("Sumbawa Barat", "West Sumbawa"),
        ("Ile Ape Timur", "Ile Ape Timur"),
        # Lists of common nouns: head first in Indonesian, last in English; a shared head once.
        ("sektor pertambangan dan energi terbarukan", "mining and renewable energy sectors"),
        ("gedung sekolah, masjid, dan balai desa", "school buildings, mosques and village halls"),
        ("minyak sawit olahan, kertas, dan kopi", "processed palm oil, paper and coffee"),
        ("Kecamatan Martapura dan Astambul", "Martapura and Astambul districts"),
        ("Jawa Timur, Jawa Barat, dan Aceh", "East Java, West Java and Aceh"),
        ("aula kantor bupati di Lewoleba", "regent's office halls in Lewoleba"),
        # An organisation's name with commas is one name, not a list.
        ("Badan Meteorologi, Klimatologi, dan Geofisika", "Badan Meteorologi, Klimatologi, and Geofisika"),
        # A word not in the tables leaves the phrase as written, not half translated.
        ("sektor pariwisata dan kerajinan tangan", "sektor pariwisata and kerajinan tangan"),
    ],
)
def test_to_english(text, en):
    assert to_english(text) == en


# --- candidates for a question -------------------------------------------------------------


def test_who_question_does_not_answer_with_its_own_name():
    s = _seed_sentence("Pernyataan disampaikan Wang dalam pertemuan dengan Menlu Korut")
    spans = answer_spans(s, analyze("Who met Wang Yi?"))
    assert [x.text for x in spans] == ["Choe Son-hui"]
    spans = answer_spans(s, analyze("Siapa yang bertemu Choe Son-hui?"))
    assert [x.text for x in spans] == ["Wang"]


def _first(sentence: str, question: str) -> str:
    return answer_spans(sentence, analyze(question))[0].text


def test_who_question_prefers_the_person_whose_title_fits():
    s = "Menlu Korea Utara Choe Son-hui berjabat tangan dengan Menlu Tiongkok Wang Yi."
    assert _first(s, "Who is China's foreign minister?") == "Wang Yi"
    assert _first(s, "Siapa menlu Korut?") == "Choe Son-hui"
    s = "Pelatih Shin Tae-yong memuji kapten Jay Idzes usai laga."
    assert _first(s, "Siapa kapten tim itu?") == "Jay Idzes"


def test_how_long_prefers_durations():
    s = _seed_sentence("kunjungan empat hari")
    (best, *_) = answer_spans(s, analyze("How long was Choe's visit to China?"))
    assert isinstance(best, Quantity) and best.text == "empat hari"
    (best, *_) = answer_spans(s, analyze("Berapa hari kunjungan Choe ke China?"))
    assert best.text == "empat hari"


def test_how_much_takes_money_and_skips_the_year():
    s = _seed_sentence("melebihi $2 miliar")
    spans = answer_spans(s, analyze("How much was trade between China and North Korea in 2023?"))
    assert [x.text for x in spans] == ["melebihi $2 miliar"]
    spans = answer_spans(s, analyze("Berapa nilai perdagangan China dan Korea Utara pada tahun 2023?"))
    assert [x.text for x in spans] == ["melebihi $2 miliar"]


def test_how_many_years_is_a_duration():
    s = _seed_sentence("selama 76 tahun")
    spans = answer_spans(
        s, analyze("For how many years have China and North Korea had diplomatic relations?")
    )
    assert [x.text for x in spans] == ["76 tahun"]


def test_how_many_prefers_the_asked_unit_across_languages():
    s = "Sebanyak 12 rumah rusak dan ribuan tentara dikerahkan, sementara 3 orang tewas."
    (best, *_) = answer_spans(s, analyze("How many troops were deployed?"))
    assert best.text == "ribuan tentara"
    (best, *_) = answer_spans(s, analyze("Berapa orang tewas?"))
    assert best.text == "3 orang"
    (best, *_) = answer_spans(s, analyze("How many people died?"))
    assert best.text == "3 orang"


def test_numbers_in_the_question_are_not_answers():
    s = "Sekitar 26 pemimpin dunia menghadiri parade peringatan 80 tahun berakhirnya Perang Dunia II."
    spans = answer_spans(s, analyze("How many leaders attended the parade for the 80 years since the war?"))
    assert [x.text for x in spans] == ["Sekitar 26 pemimpin"]


def test_where_question_excludes_the_asked_place_in_either_language():
    s = "Kim meninggalkan Beijing menuju Pyongyang pada hari Kamis."
    spans = answer_spans(s, analyze("Where did Kim go after leaving Beijing?"))
    assert [x.text for x in spans] == ["Pyongyang"]
    s = "Menteri Luar Negeri Korea Utara berkunjung ke Tiongkok."
    spans = answer_spans(s, analyze("Where did North Korea's foreign minister go?"))
    assert [x.text for x in spans] == ["Tiongkok"]


def test_adjectives_of_asked_countries_are_excluded():
    s = "Korea Utara mengirim ribuan tentara untuk bertempur di Kursk."
    spans = answer_spans(s, analyze("Where did North Korean troops fight?"))
    assert [x.text for x in spans] == ["Kursk"]


def test_which_question_offers_entities():
    s = "Pertemuan ini dilaporkan langsung oleh Kantor Berita Pusat Korea (KCNA), Senin (29/9)."
    texts = [x.text for x in answer_spans(s, analyze("Which news agency reported the meeting?"))]
    assert texts[:2] == ["Kantor Berita Pusat Korea", "KCNA"]
    s = "Pernyataan Wang Yi di Beijing dikutip The Straits Times pada Senin."
    texts = [x.text for x in answer_spans(s, analyze("Which newspaper quoted the statement?"))]
    assert texts[0] == "The Straits Times"


def test_questions_without_a_short_answer_type_get_no_spans():
    s = _seed_sentence("melebihi $2 miliar")
    assert answer_spans(s, analyze("Why did trade grow?")) == []
    assert answer_spans(s, analyze("Kapan perdagangan tumbuh?")) == []  # dates: another module


def test_every_seed_sentence_is_handled():
    for s in _seed_sentences():
        for span in people(s) + places(s) + entities(s):
            assert isinstance(span, Span) and s[span.start : span.end] == span.text
        for q in numbers(s):
            assert s[q.start : q.end] == q.text
            render_quantity(q, "en")


# --- properties ----------------------------------------------------------------------------

_pieces = st.sampled_from(
    [
        "Menteri Luar Negeri", "Korea Utara", "Kim Jong-un", "Wang Yi", "di", "ke", "Beijing",
        "empat", "hari", "$2", "miliar", "2.000", "2,5", "persen", "%", "sekitar", "ke-80",
        "ribuan", "puluhan ribu", "orang", "tahun", "2023", "Minggu", "(28/9)", "dua setengah",
        "jam", "melebihi", "Rp", "Dr.", "Presiden", ",", ".", "“", "–", "-", "sehari", "yang",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=14).map(" ".join) | st.text(max_size=80))
def test_offsets_slice_to_the_text(sentence):
    for span in people(sentence) + places(sentence) + entities(sentence):
        assert sentence[span.start : span.end] == span.text
        assert span.text.strip() == span.text and span.text
    for q in numbers(sentence):
        assert sentence[q.start : q.end] == q.text
        assert q.value >= 0
        assert render_quantity(q, "id") == q.text
        assert render_quantity(q, "en")
    to_english(sentence)


# --- roles, organisations and non-names (invented sentences) ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The portfolio after "Menteri" is part of the role, not the name.
        (
            "Menteri Pariwisata Thailand Somchai Wongsawat dan Wakil Menteri Perindustrian Budi Hartanto meninjau pabrik.",
            [
                ("Somchai Wongsawat", "Menteri Pariwisata Thailand"),
                ("Budi Hartanto", "Wakil Menteri Perindustrian"),
            ],
        ),
        # An office named in full before a comma: the name after the comma carries the title.
        (
            "Kepala Pelaksana BPBD Jawa Tengah, Sugeng Widodo, mengatakan dua jembatan putus.",
            [("Sugeng Widodo", "Kepala Pelaksana BPBD Jawa Tengah")],
        ),
        # A club or team after a sports title is part of the role.
        (
            "Di kubu tamu, pelatih Persebaya Joko Susanto mengakui timnya kalah lapar.",
            [("Joko Susanto", "pelatih Persebaya")],
        ),
        # A regional head named by region only is no person.
        ("Bupati Klaten meminta warga waspada.", []),
        # Ministries by shape, clubs, abbreviations in brackets and datelines are not people.
        ("Kemenhub mencatat Persela unggul atas Semen Padang FC.", []),
        ("Komisi Pemberantasan Korupsi (Antasena) menahan tersangka.", []),
        ("Purwokerto: Harga cabai naik tajam pekan ini.", []),
        ("Yogyakarta (KABARIN) - Harga cabai naik tajam pekan ini.", []),
        # Title-case headlines hold no single-word names.
        ("Pabrik Sepatu Tutup, 300 Buruh Dirumahkan", []),
        # "dengan" after a name is not the particle "de".
        ("Pertandingan Arema Malang dengan tuan rumah berakhir imbang.", []),
        # A first name that is also a word stays with the surname after an acronym office.
        (
            "Deputi Gubernur OJK Ratna Sulistyani mengatakan kredit tumbuh.",
            [("Ratna Sulistyani", "Deputi Gubernur OJK")],
        ),
    ],
)
def test_people_roles_and_organisations(sentence, expected):
    assert [(p.text, p.role) for p in people(sentence)] == expected


def test_region_with_direction_is_a_place_not_a_person():
    assert people("Warga Lombok Tengah menolak rencana itu.") == []
    assert [p.text for p in people("Kim Korea Utara tiba.")] == ["Kim"]


def test_a_noun_opening_a_sentence_is_not_a_person_but_a_name_before_a_verb_is():
    assert people("Jagung petani rusak dimakan hama.") == []
    assert people("“Kopi kami belum laku,” kata seorang petani.") == []
    assert [p.text for p in people("Kim tiba di Beijing.")] == ["Kim"]
    assert [p.text for p in people("Wang mengatakan kedua negara sepakat.")] == ["Wang"]


# --- units and counted nouns (invented sentences) ----------------------------------------------


def _best(question: str, sentence: str):
    found = answer_spans(sentence, analyze(question))
    return found[0].text if found else None


def test_multiword_units_are_kept_whole():
    (q,) = numbers("Suku bunga deposito dipangkas 50 basis poin.")
    assert (q.text, q.unit, render_quantity(q, "en")) == ("50 basis poin", "bps", "50 basis points")


def test_part_of_a_whole_is_one_quantity():
    (q,) = numbers("Sebanyak 7 dari 10 petani yang ditanya menolak rencana itu.")
    assert (q.text, q.value, q.unit) == ("7 dari 10 petani", 7, "petani")
    assert render_quantity(q, "en").startswith("7 of 10")


def test_classifier_counts_the_noun_after_it():
    (q,) = numbers("Panitia menyiapkan 9 titik pengungsian di sekitar stadion.")
    assert q.unit == "titik pengungsian"
    assert _best("How many shelters were prepared?", "Ratusan warga mengungsi ke 9 titik pengungsian.") == (
        "9 titik pengungsian"
    )


def test_a_measure_question_is_not_answered_in_another_unit():
    sentence = "Kerugian mencapai Rp 12 miliar, termasuk sekitar 300 hektare kebun kopi yang rusak."
    assert _best("berapa hektare kebun yang rusak?", sentence) == "sekitar 300 hektare"
    assert _best("How many hectares of coffee were damaged?", sentence) == "sekitar 300 hektare"
    assert _best("jarak aman berapa km?", "Bandara itu salah satu yang tersibuk.") is None


def test_a_count_of_things_is_not_a_percentage():
    assert _best("berapa gerai yang ditutup?", "Penjualan turun 12 persen tahun ini.") is None


def test_the_level_a_change_ends_at_comes_first_unless_the_change_is_asked():
    sentence = "Harga cabai naik Rp 5.000 menjadi Rp 45.000 per kilogram."
    assert _best("harga cabai jadi berapa?", sentence) == "Rp 45.000"
    assert _best("harga cabai naik berapa?", sentence) == "Rp 5.000"


def test_clubs_are_not_people_for_who_questions():
    sentence = "Pelatih Arema, Joko Susilo, memuji Persebaya dan Bali United."
    assert _best_person("siapa pelatih Arema?", sentence) == "Joko Susilo"


def _best_person(question: str, sentence: str):
    found = answer_spans(sentence, analyze(question))
    return found[0].text if found else None


def test_named_mountains_and_islands_are_places_without_a_cue():
    assert [p.text for p in places("Status Gunung Semeru naik dari Level II ke Level III.")] == [
        "Gunung Semeru"
    ]


def test_a_figure_before_a_vague_plural_of_the_same_people():
    sentence = "Ribuan warga terdampak dan 1.350 orang mengungsi ke balai desa."
    assert _best("How many people fled?", sentence) == "1.350 orang"


def test_an_amount_of_aid_is_not_dropped_for_a_counted_noun():
    assert _best("berapa bantuan untuk tiap keluarga?", "Tiap keluarga menerima Rp 2 juta.") == "Rp 2 juta"


def test_english_units_agree_with_one():
    (q,) = numbers("Satu anak dirawat di rumah sakit.")
    assert render_quantity(q, "en") == "1 child"
    (q,) = numbers("Sebanyak 8,2 juta anak menjadi sasaran.")
    assert (q.value, render_quantity(q, "en")) == (8_200_000, "8.2 million children")


def test_an_office_without_a_title_word_before_a_name():
    sentence = (
        "Kesepakatan diteken Menteri Energi, Pertambangan dan Perminyakan Nigeria Chinedu Adeyemi kemarin."
    )
    found = [(p.text, p.role) for p in people(sentence)]
    assert ("Chinedu Adeyemi", "Perminyakan Nigeria") in found
    assert people("Sepakat Perkuat Kerja Sama Ekonomi") == []


def test_the_place_asked_about_is_not_its_own_answer_in_either_language():
    sentence = "Gunung Merapi terletak di Kabupaten Sleman, Daerah Istimewa Yogyakarta."
    assert _best("Where is Mount Merapi?", sentence) != "Gunung Merapi"


# --- English units and feature names in short answers ------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "en", "id"),
    [
        (
            "Afrika Selatan menghapus tarif untuk 712 pos tarif produk Indonesia.",
            "712 tariff lines",
            "712 pos tarif",
        ),
        (
            "KAI mengoperasikan 64 perjalanan kereta tambahan setiap hari.",
            "64 train trips",
            "64 perjalanan kereta",
        ),
        ("Totalnya 412 kepala keluarga mengungsi.", "412 households", "412 kepala keluarga"),
        ("BPBD mengerahkan 23 perahu karet.", "23 rubber boats", "23 perahu karet"),
        ("Banjir ini juga menelan satu korban jiwa.", "1 death", "satu korban jiwa"),
        ("Pemerintah menyalurkan 1.000 lembar selimut.", "1,000 blankets", "1.000 lembar selimut"),
        ("Sebanyak 9 sekolah meliburkan siswa.", "9 schools", "9 sekolah"),
        (
            "PSU digelar di 287 tempat pemungutan suara.",
            "287 polling stations",
            "287 tempat pemungutan suara",
        ),
    ],
)
def test_counted_nouns_are_said_in_english(sentence, en, id):
    (q,) = numbers(sentence)
    assert render_quantity(q, "en") == en and render_quantity(q, "id") == id


@pytest.mark.parametrize(
    ("span", "before", "en"),
    [
        ("Sungai Martapura", "air naik ketika ", "Martapura River"),
        ("Gunung Ile Lewotolok", "", "Mount Ile Lewotolok"),
        ("Kabupaten Banjar", "di ", "Banjar Regency"),
        # A feature word inside a name stays: a village and a district called "Sungai …".
        ("Sungai Alang", "warga Desa ", "Sungai Alang"),
        ("Desa Sungai Alang", "warga ", "Sungai Alang village"),
        ("Kecamatan Sungai Tabuk", "di ", "Sungai Tabuk District"),
        ("Sungai Martapura", "hulu Daerah Aliran ", "Sungai Martapura"),
    ],
)
def test_feature_names_in_english_only_where_safe(span, before, en):
    assert to_english(span, before=before) == en


@pytest.mark.parametrize(
    ("span", "en"),
    [
        ("Nusa Tenggara Timur", "East Nusa Tenggara"),
        ("Sumbawa Barat", "West Sumbawa"),
        ("Kalimantan Selatan", "South Kalimantan"),
        ("Kabupaten Sumbawa Barat", "West Sumbawa Regency"),
        ("Korea Utara", "North Korea"),
    ],
)
def test_regions_named_by_a_direction_in_english(span, en):
    assert to_english(span) == en


def test_belasan_is_more_than_ten_not_dozens():
    got = [render_quantity(q, "en") for q in numbers("Banjir merendam belasan desa dan puluhan rumah.")]
    assert got == ["more than ten villages", "dozens of houses"]


def test_unresolved_dates_keep_english_month_and_weekday_names():
    from retrieval.spans import calendar_english

    assert calendar_english("10 Oktober") == "10 October"
    assert calendar_english("Minggu (28/9)") == "Sunday (28/9)"
    assert calendar_english("Sungai Martapura") == "Sungai Martapura"


def test_a_name_set_off_by_commas_is_a_person_even_with_a_dictionary_first_name():
    s = "Analis pasar modal dari Mandala Sekuritas, Citra Anggraini, menilai keputusan itu wajar."
    assert [p.text for p in people(s)] == ["Citra Anggraini"]


def test_more_than_is_not_a_part_of_a_whole():
    q = numbers("Lebih dari 6.000 anak divaksin pada hari pertama.")[0]
    assert render_quantity(q, "en") == "over 6,000 children"


def test_an_honorific_is_part_of_the_name_and_its_period_ends_no_sentence():
    s = "Direktur Imunisasi Kementerian Kesehatan, dr. Lestari Handayani, mengatakan cakupan turun."
    [p] = people(s)
    assert p.text == "Lestari Handayani" and p.role == "Direktur Imunisasi Kementerian Kesehatan"


def test_honorific_after_a_title_in_apposition():
    found = people("Kepala PVMBG, Dr. Wiratno Susilo, mengatakan keputusan itu diambil.")
    assert [(p.text, p.role) for p in found] == [("Wiratno Susilo", "Kepala PVMBG")]


def test_account_handle_is_one_entity():
    from retrieval.spans import entities

    found = [e.text for e in entities("Menlu Wang Yi berjabat tangan dengan Choe. (@SpoxCHN_LinJian)")]
    assert "@SpoxCHN_LinJian" in found and "SpoxCHN" not in found


def test_the_place_of_an_office_is_not_a_person():
    found = people("Kepala Dinas Kesehatan Sumenep, Moh. Faisal Amin, mengatakan pada hari pertama.")
    assert [(p.text, p.role) for p in found] == [("Moh. Faisal Amin", "Kepala Dinas Kesehatan Sumenep")]


def test_an_appositive_name_whose_last_word_is_a_dictionary_word():
    # The office of several words before it takes the one-word place ("… Daerah Sikka").
    s = "Kepala Dinas Pendidikan Sikka, Yosef Bala Making, mengatakan sekolah tetap buka."
    found = [(p.text, p.role) for p in people(s)]
    assert found == [("Yosef Bala Making", "Kepala Dinas Pendidikan Sikka")]


# --- typed answers: which of several spans of one kind (issue 9) ------------------------------


def test_the_figure_the_questions_qualifier_describes():
    from retrieval.spans import modifier_marked

    s = "Angka kelulusan tahun ini mencapai 91 persen, lebih tinggi dibanding tahun lalu yang tercatat 86 persen."
    found = numbers(s)
    q = "Berapa angka kelulusan tahun lalu?"
    marked = [x.text for x in found if modifier_marked(q, s, x, found)]
    assert marked == ["86 persen"]
    q_en = "What was the target for exports?"
    s2 = "Ekspor naik menjadi 12 juta ton, sementara pemerintah menargetkan 15 juta ton."
    found2 = numbers(s2)
    assert [x.value for x in found2 if modifier_marked(q_en, s2, x, found2)] == [15_000_000]


def test_a_figures_own_words_name_the_asked_thing():
    from retrieval.spans import own_concepts

    s = "Harga beras medium tetap Rp 12.500 per kilogram dan harga beras premium Rp 14.900 per kilogram."
    found = numbers(s)
    counts = {x.value: own_concepts(s, x, found, [("premium",), ("beras",)]) for x in found}
    assert counts[14900] > counts[12500]


def test_a_rival_sentence_does_not_answer_the_winner():
    from retrieval.spans import rival_side

    s = "Rivalnya, pasangan nomor urut 3, meraih 20.114 suara."
    assert rival_side("Berapa suara yang diraih pemenang pilkada?", s) == -1
    assert rival_side("How many votes did the losing candidate get?", s) == 1
    assert (
        rival_side("Berapa suara yang diraih pasangan nomor urut 2?", "Pasangan itu meraih 30.000 suara.")
        == 0
    )


def test_list_questions_and_coordinations():
    from retrieval.spans import asks_list, coordinated

    assert asks_list("Kabupaten mana saja yang terdampak?")
    assert asks_list("Which villages were flooded?")
    assert not asks_list("Which village was flooded?")
    assert not asks_list("What is the news?")
    s = "Banjir melanda Kabupaten Sleman, Bantul, dan Gunungkidul sejak Jumat."
    found = [
        Span(15, 31, "Kabupaten Sleman", "place"),
        Span(33, 39, "Bantul", "place"),
        Span(45, 56, "Gunungkidul", "place"),
    ]
    assert [x.text for x in coordinated(s, found[1], found)] == ["Kabupaten Sleman", "Bantul", "Gunungkidul"]


def test_the_phrase_a_head_noun_opens():
    from retrieval.spans import head_forms, head_phrase

    s = "Pemangkasan anggaran paling besar menimpa direktorat riset dan direktorat pengabdian masyarakat."
    assert head_forms(("directorates",)) >= {"directorate"}
    found = head_phrase(s, frozenset({"direktorat"}), listing=True)
    assert found is not None and found.text == "direktorat riset dan direktorat pengabdian masyarakat"
    s2 = "Pemerintah mengimpor sejumlah komoditas, antara lain gula, bawang putih, dan daging sapi."
    found2 = head_phrase(s2, head_forms(("komoditas",)), listing=True)
    assert found2 is not None and found2.text == "gula, bawang putih, dan daging sapi"
    s3 = "Ia mengumumkan keputusannya lewat aplikasi Pesanku kepada para pengemudi."
    found3 = head_phrase(s3, head_forms(("aplikasi",)), listing=False)
    assert found3 is not None and found3.text == "Pesanku"  # the name the noun introduces
    assert head_forms(("divisions",)) >= {"divisi"}


def test_clubs_bodies_and_countries_can_answer_who():
    from retrieval.spans import actor_like

    assert actor_like("Persiraja Banda Aceh")
    assert actor_like("Bhayangkara FC")
    assert actor_like("Madura United")
    assert actor_like("Jepang") or actor_like("Rusia")
    assert not actor_like("Perjanjian Kerja Sama")
    assert not actor_like("Surabaya")


def test_a_verb_before_the_next_figure_ends_a_figures_words():
    from retrieval.spans import own_concepts

    s = "Kapal sepanjang 120 meter itu menarik tongkang batu bara sepanjang sekitar 90 meter ke dermaga."
    found = numbers(s)
    counts = {x.value: own_concepts(s, x, found, [("tongkang",)]) for x in found}
    assert counts[90] > counts[120]  # the barge's length, not the ship's
    s2 = "Dari 40 analis yang ditanya, 31 orang memperkirakan harga minyak naik."
    found2 = numbers(s2)
    assert own_concepts(s2, found2[-1], found2, [("minyak",)]) == 1  # no figure after: its object stays


def test_the_size_of_a_change_is_not_the_level_it_reached():
    from retrieval.spans import asks_amount_of_change, quantity_order

    assert asks_amount_of_change("By how much did the rupiah weaken or fall?")
    assert asks_amount_of_change("Harga cabai naik berapa?")
    assert not asks_amount_of_change("Harga cabai jadi berapa?")
    s = "Harga cabai naik Rp 5.000 menjadi Rp 45.000 per kilogram."
    found = numbers(s)
    q = analyze("By how much did the price of chillies rise?")
    best = min(found, key=lambda x: quantity_order(q, x))
    assert best.value == 5000


def test_a_span_of_time_does_not_answer_a_count_of_things():
    from retrieval.spans import counts_compound, quantity_order

    s = "Selama tiga hari pameran, 75 pengusaha menawarkan produk mereka."
    found = numbers(s)
    q = analyze("How many business people took part in the fair?")
    assert counts_compound(q.text, "pengusaha")
    assert min(found, key=lambda x: quantity_order(q, x)).value == 75


def test_what_measure_questions_ask_for_a_figure():
    from retrieval.spans import asks_figure

    assert asks_figure("What vaccination coverage does the province want to reach?")
    assert asks_figure("What is the government's deficit target for next year?")
    assert not asks_figure("What range of products is on offer?")
    assert not asks_figure("What did the minister say about the target?")


def test_lists_closed_by_hingga_and_spans_of_kinds():
    from retrieval.spans import head_forms, head_phrase

    s = "Gejala penyakit itu berupa demam, nyeri sendi, hingga ruam kulit."
    found = head_phrase(s, head_forms(("penyakit",)), listing=True)
    assert found is not None and found.text == "demam, nyeri sendi, hingga ruam kulit"
    s2 = "Kerja sama itu meliputi bidang mulai dari pendidikan hingga kesehatan masyarakat."
    found2 = head_phrase(s2, head_forms(("bidang",)), listing=True)
    assert found2 is not None and found2.text == "mulai dari pendidikan hingga kesehatan masyarakat"


def test_a_range_of_figures_is_one_and_the_questions_own_figure_is_not_the_answer():
    from retrieval.spans import stated_figure

    s = "Satu pasien bisa menulari 5 hingga 8 orang lain."
    found = numbers(s)
    assert [(x.text, x.value) for x in found] == [("Satu pasien", 1), ("5 hingga 8 orang", 5)]
    assert render_quantity(found[1], "en") == "5 to 8 people"
    q = "How many other people can one patient infect?"
    assert stated_figure(q, found[0]) and not stated_figure(q, found[1])


def test_plural_heads_past_the_verb_and_loanword_heads():
    from retrieval.spans import asks_list, head_forms

    assert asks_list("In which regions does the company plan to expand?")
    assert not asks_list("What does the minister plan?")
    assert {"sektor", "produk", "distrik"} <= head_forms(("sectors", "products", "districts"))


def test_a_unit_word_starting_with_to_is_no_range():
    """Only the ranges _merge_ranges joins render as "A to B": "12 toko" was "12 to 0 shops"."""
    (q,) = numbers("Ada 12 toko yang tutup.")
    assert render_quantity(q, "en") == "12 shops"
    (q,) = numbers("Sebanyak 12 hingga 18 anak tertular.")
    assert render_quantity(q, "en") == "12 to 18 children"


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("Jakarta (KABARIN) - PT KAI mencatat 3,9 juta penumpang.", "PT KAI mencatat 3,9 juta penumpang."),
        ("Bandung: Persib mengalahkan Persija.", "Persib mengalahkan Persija."),
        ("Jakarta Selatan: polisi menangkap dua orang.", "Polisi menangkap dua orang."),
        ("Menurut Citra: bila suku bunga turun.", "Menurut Citra: bila suku bunga turun."),
        ("Persib menang 2-1 di Bandung.", "Persib menang 2-1 di Bandung."),
    ],
)
def test_strip_dateline(sentence, shown):
    assert strip_dateline(sentence) == shown


def test_other_bound_is_the_end_not_asked():
    """ "When did it end?" is not answered by the date after "dimulai", nor "when did it begin?"
    by the date after "berakhir"."""
    s = "Masa angkutan berlangsung selama 18 hari, dimulai 18 Desember 2025 dan berakhir pada 4 Januari 2026."
    start, end = s.index("18 Des"), s.index("4 Jan")
    assert other_bound("When did the holiday period end?", s, start)
    assert not other_bound("When did the holiday period end?", s, end)
    assert other_bound("Kapan masa angkutan dimulai?", s, end)
    assert not other_bound("Kapan masa angkutan dimulai?", s, start)
    assert not other_bound("Kapan masa angkutan itu?", s, start)  # neither asked: no preference


def test_the_datelines_outlet_is_no_candidate():
    """ "Jakarta (KABARIN) - …": the outlet filed the report; it answers no "which" question."""
    from retrieval.spans import find_all

    found = find_all("Jakarta (KABARIN) - Majelis hakim Pengadilan Tipikor Jakarta Pusat menjatuhkan vonis.")
    assert "KABARIN" not in [e.text for e in found.entities]
    found = find_all("Pertemuan ini dilaporkan langsung oleh Kantor Berita Pusat Korea (KCNA), Senin (29/9).")
    assert "KCNA" in [e.text for e in found.entities]  # an outlet in the sentence itself stays


def test_a_scoreline_answers_a_score_question_and_nothing_else():
    """'dengan skor 2-1' is the answer of 'skor akhir'/'final score' (not 'dua menit'); a date
    or a range of a measure written with a dash is no scoreline."""
    sentence = "Persib menang dengan skor 2-1, dua menit sebelum waktu normal habis, pada 24-10-2025."
    for text in ("What was the final score?", "Berapa skor akhir laga itu?"):
        found = answer_spans(sentence, analyze(text))
        assert [(x.text, x.unit) for x in found] == [("2-1", "score")]
    assert [x.text for x in scores("unggul 3–0 atas tamu; naik 10-12 persen; 12-13 Oktober")] == ["3-0"]
    assert all(x.unit != "score" for x in answer_spans(sentence, analyze("How many minutes were left?")))
    assert render_quantity(scores("skor 2-1")[0], "en") == "2-1"


# --- typed answers of the asked kind (typed4) --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        (
            "Para korban dirawat di aula kantor camat dan gedung sekolah di Sigi, kata petugas.",
            "aula kantor camat dan gedung sekolah di Sigi",
        ),
        (
            "Ratusan warga mengungsi ke masjid, gereja, dan balai desa setelah gempa.",
            "masjid, gereja, dan balai desa",
        ),
        ("Perahu nelayan itu ditemukan sekitar 2 kilometer dari pantai.", "sekitar 2 kilometer dari pantai"),
        ("Final digelar di Stadion Utama Riau, Minggu malam.", "Stadion Utama Riau"),
    ],
)
def test_where_phrases_name_the_building(sentence, phrase):
    from retrieval.spans import where_phrases

    assert phrase in [s.text for s in where_phrases(sentence)]


def test_where_phrases_need_a_place_said():
    from retrieval.spans import where_phrases

    assert where_phrases("Sebagian warga memilih bertahan di rumah.") == []


def test_a_clubs_place_word_is_no_place():
    assert places("Persib kalah dari Madura United di kandang sendiri.") == []
    assert "Bali" not in [p.text for p in places("Persib akan bertandang ke markas Bali United.")]
    assert [p.text for p in places("Banjir melanda Bali sejak Senin.")] == ["Bali"]


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Harga minyak naik 3 persen, seperti dikutip Reuters, Selasa.", "Reuters"),
        ("Hal itu dilaporkan oleh Kantor Berita Yonhap pada Rabu.", "Kantor Berita Yonhap"),
        ("Hal itu dilaporkan langsung oleh Kantor Berita Vietnam (VNA), Senin.", "VNA"),
        ("Kedua pihak sepakat, menurut The Japan Times.", "The Japan Times"),
        ("Kedua pihak sepakat, menurut Kementerian Luar Negeri Jepang.", None),
        ("Ia akan datang lagi, kata Budi di Medan.", None),
    ],
)
def test_cited_outlet(sentence, outlet):
    from retrieval.spans import cited_outlet

    assert cited_outlet(sentence) == outlet


def test_an_article_without_an_outlet_is_named_by_none():
    from retrieval.corroborate import Reporter, outlet_names

    rows = [
        Reporter("a.txt", "Judul panjang sebuah artikel", None, None),
        Reporter("b.txt", "T", "Kompas", None),
    ]
    assert outlet_names(rows) == ["Kompas"]


def test_common_members_and_shared_kind_words():
    from retrieval.spans import common_members, coordinated

    assert common_members("sektor pertanian, UMKM, dan perikanan")
    assert not common_members("Surabaya dan Makassar")
    s = "Bandara Soekarno-Hatta dan Kualanamu ditutup sementara karena abu."
    first = next(e for e in entities(s) if e.text.startswith("Bandara"))
    assert [m.text for m in coordinated(s, first, entities(s))][-1] == "Kualanamu"


def test_an_english_thousands_comma_is_the_questions_figure():
    from retrieval.spans import stated_figure

    q = "How many schools do the 2,400 pupils attend?"
    assert stated_figure(q, numbers("Sebanyak 2.400")[0])
    assert [x.text for x in answer_spans("Sebanyak 2.400 siswa dari 12 sekolah libur.", analyze(q))] == [
        "12 sekolah"
    ]


def test_a_name_after_a_description_is_a_person():
    found = people("Polisi memeriksa pedagang sayur Anton Wijaya, Senin.")
    assert [(p.text, p.role) for p in found] == [("Anton Wijaya", "pedagang sayur")]


def test_list_questions_with_a_possessive_and_copula_lists():
    from retrieval.spans import asks_list, head_forms, head_phrase, list_noun

    assert (
        asks_list("What are Vietnam's main exports?")
        and list_noun("What are Vietnam's main exports?") == "exports"
    )
    assert not asks_list("What is Vietnam's biggest export?")
    s = "Impor utama negara itu adalah gandum, kedelai, dan gula, sedangkan ekspornya kopi."
    phrase = head_phrase(s, head_forms(("imports",)), True)
    assert phrase is not None and phrase.text.strip(" ,") == "gandum, kedelai, dan gula"


def test_a_firm_may_be_introduced_as_a_lembaga():
    from retrieval.spans import head_forms, head_phrase

    s = "Peneliti dari lembaga kajian Arah Data, Rina Sari, menilai banyak perusahaan kecil kini tutup."
    phrase = head_phrase(s, head_forms(("firm",)), False)
    assert phrase is not None and phrase.text == "Arah Data"
