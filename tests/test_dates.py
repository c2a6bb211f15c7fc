"""retrieval.dates: temporal expressions in the seeds' own sentences and invented ones."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retrieval.dates import (
    MONTHS,
    WEEKDAYS,
    TimeMention,
    find_dates,
    format_date,
    format_mention,
    parse_number,
    question_dates,
)

D = dt.date
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEP29 = D(2025, 9, 29)  # 000, 001, 003 (Monday)
SEP5 = D(2025, 9, 5)  # 004 (Friday)

# (sentence, published, [(mention text, first, last, granularity), ...]) — every mention in
# the sentence, in order. The first group is quoted from seeds/*.txt.
CASES: list[tuple[str, D | None, list[tuple[str, D, D, str]]]] = [
    # 000, published 29 Sep 2025
    (
        "Menteri Luar Negeri Tiongkok Wang Yi mengadakan pembicaraan dengan rekannya Korea Utara, "
        "putra Choe Hui, di Beijing pada hari Minggu, beberapa minggu setelah pemimpin Korea Utara "
        "Kim Jong Un melakukan perjalanan ke Cina",
        SEP29,
        [("hari Minggu", D(2025, 9, 28), D(2025, 9, 28), "day")],
    ),
    ("Diterbitkan pada 29 Sep 2025", None, [("29 Sep 2025", SEP29, SEP29, "day")]),
    (
        "Presiden Rusia Vladimir Putin muncul bersama awal bulan ini di sebuah parade militer untuk "
        "menandai peringatan 80 tahun akhir Perang Dunia II.",
        SEP29,
        [("awal bulan ini", D(2025, 9, 1), D(2025, 9, 10), "range")],
    ),
    # 001, published 29 September 2025 18:33
    ("Willy Haryono • 29 September 2025 18:33", None, [("29 September 2025", SEP29, SEP29, "day")]),
    (
        "Menlu Tiongkok Wang Yi bertemu dengan Menlu Korut Choe Son-hui pada Minggu, 28 September.",
        SEP29,
        [("Minggu, 28 September", D(2025, 9, 28), D(2025, 9, 28), "day")],
    ),
    (
        "seperti dikutip The Straits Times, Senin, 29 September 2025.",
        SEP29,
        [("Senin, 29 September 2025", SEP29, SEP29, "day")],
    ),
    (
        "Awal September lalu, Kim Jong-un berdiri di samping Presiden Xi Jinping",
        SEP29,
        [("Awal September lalu", D(2025, 9, 1), D(2025, 9, 10), "range")],
    ),
    # 002 (undated; these sentences given a date to resolve against)
    (
        "Kunjungan ini menandai kunjungan pertama Choe ke China sejak ia menjadi menteri luar negeri "
        "pada Juni 2022, sekaligus pertemuan tatap muka pertamanya dengan Wang.",
        None,
        [("Juni 2022", D(2022, 6, 1), D(2022, 6, 30), "month")],
    ),
    (
        "Hal ini mengikuti kunjungan pemimpin Korea Utara Kim Jong-un awal bulan ini untuk menghadiri "
        "parade militer China pada 3 September, di mana ia juga bertemu dengan Presiden China Xi Jinping.",
        SEP29,
        [
            ("awal bulan ini", D(2025, 9, 1), D(2025, 9, 10), "range"),
            ("3 September", D(2025, 9, 3), D(2025, 9, 3), "day"),
        ],
    ),
    (
        "Kunjungan Choe berlangsung menjelang persiapan Pyongyang untuk parade militer besar pada "
        "10 Oktober guna memperingati ulang tahun ke-80 Partai Buruh Korea yang berkuasa.",
        SEP29,
        [("10 Oktober", D(2025, 10, 10), D(2025, 10, 10), "day")],
    ),
    (
        "China dan Korea Utara, yang telah menjalin hubungan diplomatik selama 76 tahun, terus "
        "mempertahankan hubungan politik dan ekonomi yang erat. Perdagangan antara kedua negara "
        "melebihi $2 miliar pada tahun 2023.",
        None,
        [("tahun 2023", D(2023, 1, 1), D(2023, 12, 31), "year")],
    ),
    # 003, dated by "Senin (29/9)"
    (
        "Hubungan Korea Utara (Korut) dan China makin dipertegas lewat pertemuan dua menteri luar "
        "negeri pada akhir pekan lalu. Menteri Luar Negeri Korut, Choe Son Hui, dan Menteri Luar "
        "Negeri China, Wang Yi, duduk bareng pada Minggu (28/9) untuk membahas bagaimana menjaga "
        "persahabatan. Pertemuan ini dilaporkan langsung oleh Kantor Berita Pusat Korea (KCNA), Senin (29/9).",
        SEP29,
        [
            ("akhir pekan lalu", D(2025, 9, 27), D(2025, 9, 28), "range"),
            ("Minggu (28/9)", D(2025, 9, 28), D(2025, 9, 28), "day"),
            ("Senin (29/9)", SEP29, SEP29, "day"),
        ],
    ),
    (
        "Sidang Pleno Keempat Komite Sentral Partai Komunis China ke-20 pada Oktober mendatang.",
        SEP29,
        [("Oktober mendatang", D(2025, 10, 1), D(2025, 10, 31), "month")],
    ),
    (
        "Wang menyebut momen itu spesial karena menjadi pertemuan pertama Xi dan Kim dalam enam tahun terakhir",
        SEP29,
        [("enam tahun terakhir", D(2019, 9, 30), SEP29, "range")],
    ),
    # 004, published Friday 5 Sep 2025
    (
        "KCNA juga mengkonfirmasi bahwa Kim meninggalkan Beijing pada hari Kamis, mengakhiri perjalanan "
        "pertamanya di luar Korea Utara sejak bertemu dengan Putin di Rusia pada tahun 2023.",
        SEP5,
        [
            ("hari Kamis", D(2025, 9, 4), D(2025, 9, 4), "day"),
            ("tahun 2023", D(2023, 1, 1), D(2023, 12, 31), "year"),
        ],
    ),
    (
        "Pertemuan bilateral antara Xi dan Kim pada hari Kamis datang ketika Rusia juga memuji peran "
        "Korea Utara, setelah pertemuan mereka di parade militer besar hari Rabu di ibukota Cina untuk "
        "menandai 80 tahun sejak akhir Perang Dunia II.",
        SEP5,
        [
            ("hari Kamis", D(2025, 9, 4), D(2025, 9, 4), "day"),
            ("hari Rabu", D(2025, 9, 3), D(2025, 9, 3), "day"),
        ],
    ),
    (
        "Dalam sebuah artikel yang diterbitkan pada hari Jumat oleh outlet yang dikelola pemerintah",
        SEP5,
        [("hari Jumat", SEP5, SEP5, "day")],  # same weekday as publication: that day
    ),
    (
        "XI memuji kemenangan Tiongkok 80 tahun yang lalu atas “agresi Jepang”",
        SEP5,
        [("80 tahun yang lalu", D(1945, 1, 1), D(1945, 12, 31), "year")],
    ),
    # invented: other months, years, relative words
    (
        "Pertemuan itu digelar Senin (29/12) di Pyongyang.",
        D(2026, 1, 2),
        [("Senin (29/12)", D(2025, 12, 29), D(2025, 12, 29), "day")],
    ),
    (
        "Ia tiba Rabu (31/12/2025) malam.",
        D(2026, 1, 2),
        [("Rabu (31/12/2025)", D(2025, 12, 31), D(2025, 12, 31), "day")],
    ),
    (
        "Rapat digelar pada hari Kamis.",
        D(2025, 9, 29),
        [("hari Kamis", D(2025, 9, 25), D(2025, 9, 25), "day")],
    ),
    (
        "Mereka akan bertemu lagi pada hari Kamis.",
        D(2025, 9, 29),
        [("hari Kamis", D(2025, 10, 2), D(2025, 10, 2), "day")],
    ),
    ("Kamis lalu ia berbicara.", D(2025, 9, 25), [("Kamis lalu", D(2025, 9, 18), D(2025, 9, 18), "day")]),
    ("Delegasi tiba Sabtu pagi.", D(2025, 9, 29), [("Sabtu pagi", D(2025, 9, 27), D(2025, 9, 27), "day")]),
    (
        "Jumat mendatang parlemen bersidang.",
        D(2025, 9, 26),
        [("Jumat mendatang", D(2025, 10, 3), D(2025, 10, 3), "day")],
    ),
    (
        "Mereka bertemu pada Minggu lalu.",
        D(2025, 10, 1),
        [("Minggu lalu", D(2025, 9, 28), D(2025, 9, 28), "day")],
    ),
    ("Harga naik minggu lalu.", SEP29, [("minggu lalu", D(2025, 9, 22), D(2025, 9, 28), "week")]),
    ("Pekan lalu harga naik.", D(2025, 10, 1), [("Pekan lalu", D(2025, 9, 22), D(2025, 9, 28), "week")]),
    ("Minggu ini pasar tutup lebih awal.", SEP29, [("Minggu ini", SEP29, D(2025, 10, 5), "week")]),
    (
        "Pemilu digelar bulan depan.",
        D(2025, 12, 15),
        [("bulan depan", D(2026, 1, 1), D(2026, 1, 31), "month")],
    ),
    ("Ekspor turun bulan lalu.", D(2026, 1, 2), [("bulan lalu", D(2025, 12, 1), D(2025, 12, 31), "month")]),
    ("Ekspor turun tahun lalu.", SEP29, [("tahun lalu", D(2024, 1, 1), D(2024, 12, 31), "year")]),
    (
        "Laporan terbit pertengahan bulan.",
        SEP29,
        [("pertengahan bulan", D(2025, 9, 11), D(2025, 9, 20), "range")],
    ),
    (
        "Kontrak diteken akhir bulan lalu.",
        D(2024, 3, 5),
        [("akhir bulan lalu", D(2024, 2, 21), D(2024, 2, 29), "range")],
    ),
    (
        "Ia tiba kemarin dan pulang besok.",
        SEP29,
        [
            ("kemarin", D(2025, 9, 28), D(2025, 9, 28), "day"),
            ("besok", D(2025, 9, 30), D(2025, 9, 30), "day"),
        ],
    ),
    ("Sidang ditunda hingga lusa.", SEP29, [("lusa", D(2025, 10, 1), D(2025, 10, 1), "day")]),
    ("Hari ini Wang terbang ke Pyongyang.", SEP29, [("Hari ini", SEP29, SEP29, "day")]),
    (
        "Insiden terjadi 3 hari yang lalu.",
        D(2025, 9, 2),
        [("3 hari yang lalu", D(2025, 8, 30), D(2025, 8, 30), "day")],
    ),
    ("Insiden terjadi tiga hari lalu.", SEP29, [("tiga hari lalu", D(2025, 9, 26), D(2025, 9, 26), "day")]),
    (
        "Kapal itu tenggelam sebelas hari yang lalu.",
        SEP29,
        [("sebelas hari yang lalu", D(2025, 9, 18), D(2025, 9, 18), "day")],
    ),
    (
        "Kapal itu tenggelam dua puluh satu hari lalu.",
        SEP29,
        [("dua puluh satu hari lalu", D(2025, 9, 8), D(2025, 9, 8), "day")],
    ),
    (
        "Kesepakatan diteken dua minggu lalu.",
        SEP29,
        [("dua minggu lalu", D(2025, 9, 15), D(2025, 9, 21), "week")],
    ),
    (
        "The deal was signed three days ago, on 26 September.",
        SEP29,
        [
            ("three days ago", D(2025, 9, 26), D(2025, 9, 26), "day"),
            ("26 September", D(2025, 9, 26), D(2025, 9, 26), "day"),
        ],
    ),
    ("Kim left Beijing on Thursday.", SEP5, [("Thursday", D(2025, 9, 4), D(2025, 9, 4), "day")]),
    ("They met last weekend.", SEP29, [("last weekend", D(2025, 9, 27), D(2025, 9, 28), "range")]),
    (
        "Talks resume on October 10, 2025.",
        None,
        [("October 10, 2025", D(2025, 10, 10), D(2025, 10, 10), "day")],
    ),
    ("Perjanjian berlaku sejak 2019.", None, [("2019", D(2019, 1, 1), D(2019, 12, 31), "year")]),
    ("Proyek dimulai awal tahun ini.", SEP29, [("awal tahun ini", D(2025, 1, 1), D(2025, 4, 30), "range")]),
    ("Data per 2025-09-29 menunjukkan kenaikan.", None, [("2025-09-29", SEP29, SEP29, "day")]),
    # negative: durations, amounts, numbers, names are no dates
    ("ulang tahun ke-80 Partai Buruh Korea", SEP29, []),
    ("hubungan diplomatik selama 76 tahun", SEP29, []),
    ("Perdagangan melebihi $2 miliar.", SEP29, []),
    ("Sebanyak 2.000 orang hadir, kepada 2000 orang lainnya dibagikan makanan.", SEP29, []),
    ("Hubungi 0812-3456-7890 atau (021) 555-2023.", SEP29, []),
    ("KTT G20 membahas utang.", SEP29, []),
    ("Kunjungan empat hari itu berlangsung beberapa minggu setelah parade.", SEP29, []),
    ("Pemimpin itu memperingati Hari Kemenangan dan Hari Yayasan.", SEP29, []),
    ("You may 5 times ask.", SEP29, []),
    # A start ("mulai", "from"), a deadline ("by") and a part of a year are times; a decade is not a year.
    (
        "Kantor cabang akan ditutup mulai Desember.",
        SEP29,
        [("Desember", D(2025, 12, 1), D(2025, 12, 31), "month")],
    ),
    ("Tarif baru berlaku from January.", SEP29, [("January", D(2026, 1, 1), D(2026, 1, 31), "month")]),
    (
        "Perjanjian berlaku pada pertengahan 2026.",
        SEP29,
        [("pertengahan 2026", D(2026, 5, 1), D(2026, 8, 31), "range")],
    ),
    ("The deal takes effect in mid-2026.", SEP29, [("mid-2026", D(2026, 5, 1), D(2026, 8, 31), "range")]),
    ("a target of $5 billion by 2030", SEP29, [("2030", D(2030, 1, 1), D(2030, 12, 31), "year")]),
    ("Sejak awal 2000-an kota itu tumbuh pesat.", SEP29, []),
    # A month with "tahun lalu/depan/ini" is of that year, not the nearest such month: the
    # corpus's October article dated its "November tahun lalu" a month after itself.
    (
        "dibanding pemungutan suara pertama pada November tahun lalu.",
        D(2025, 10, 17),
        [("November tahun lalu", D(2024, 11, 1), D(2024, 11, 30), "month")],
    ),
    (
        "Pabrik dibuka pada 12 Maret tahun depan.",
        SEP29,
        [("12 Maret tahun depan", D(2026, 3, 12), D(2026, 3, 12), "day")],
    ),
    (
        "Harga naik sejak Januari tahun ini.",
        SEP29,
        [("Januari tahun ini", D(2025, 1, 1), D(2025, 1, 31), "month")],
    ),
    # "empat hari ini" counts days (a four-day visit): no "today" in it.
    ('"Kunjungan empat hari ini menunjukkan keseriusan kami.', SEP29, []),
    ("Rapat digelar hari ini di Jakarta.", SEP29, [("hari ini", SEP29, SEP29, "day")]),
    (
        "Exports fell in December last year.",
        SEP29,
        [("December last year", D(2024, 12, 1), D(2024, 12, 31), "month")],
    ),
]


def _got(text: str, published: D | None) -> list[tuple[str, D | None, D | None, str]]:
    return [(m.text, m.first, m.last, m.granularity) for m in find_dates(text, published)]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_find_dates(text, published, expected):
    assert _got(text, published) == expected


def test_mentions_carry_offsets_and_relativity():
    text = "Pertemuan pada Minggu (28/9) dan pada 29 September 2025."
    a, b = find_dates(text, SEP29)
    assert (text[a.start : a.end], a.relative, a.unresolved) == ("Minggu (28/9)", True, False)
    assert (text[b.start : b.end], b.relative) == ("29 September 2025", False)


def test_without_publication_date_relative_mentions_are_flagged_not_dropped():
    text = "Diumumkan pada hari Minggu, 28 September, dan pada tahun 2023."
    got = find_dates(text, None)
    assert [(m.text, m.unresolved, m.first) for m in got] == [
        ("hari Minggu, 28 September", True, None),
        ("tahun 2023", False, D(2023, 1, 1)),
    ]


def test_every_seed_sentence_parses_and_offsets_hold():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for m in find_dates(text, SEP29):
            assert text[m.start : m.end] == m.text
            assert m.first is not None and m.last is not None and m.first <= m.last


def test_the_004_when_question_resolves_to_thursday_4_september():
    line = "KCNA juga mengkonfirmasi bahwa Kim meninggalkan Beijing pada hari Kamis, mengakhiri perjalanan."
    (m,) = find_dates(line, SEP5)
    assert format_mention(m, "en") == "Thursday, 4 September 2025"
    assert format_mention(m, "id") == "Kamis, 4 September 2025"


QUESTIONS = [
    ("What happened on 4 September?", ("4 September", D(2025, 9, 4), D(2025, 9, 4), "day")),
    ("What happened on September 4?", ("September 4", D(2025, 9, 4), D(2025, 9, 4), "day")),
    ("What happened on the 4th of September?", ("4th of September", D(2025, 9, 4), D(2025, 9, 4), "day")),
    ("Apa yang terjadi pada 28 September?", ("28 September", D(2025, 9, 28), D(2025, 9, 28), "day")),
    ("What happened last week?", ("last week", D(2025, 9, 22), D(2025, 9, 28), "week")),
    ("Apa yang terjadi minggu lalu?", ("minggu lalu", D(2025, 9, 22), D(2025, 9, 28), "week")),
    ("Minggu lalu ada apa?", ("Minggu lalu", D(2025, 9, 22), D(2025, 9, 28), "week")),
    ("What happened this month?", ("this month", D(2025, 9, 1), D(2025, 9, 30), "month")),
    ("Berita apa saja bulan ini?", ("bulan ini", D(2025, 9, 1), D(2025, 9, 30), "month")),
    ("What happened yesterday?", ("yesterday", D(2025, 9, 28), D(2025, 9, 28), "day")),
    ("Apa yang terjadi kemarin?", ("kemarin", D(2025, 9, 28), D(2025, 9, 28), "day")),
    ("What was the trade volume in 2023?", ("2023", D(2023, 1, 1), D(2023, 12, 31), "year")),
    ("Who became foreign minister in June 2022?", ("June 2022", D(2022, 6, 1), D(2022, 6, 30), "month")),
    ("Siapa yang menjadi menlu pada Juni 2022?", ("Juni 2022", D(2022, 6, 1), D(2022, 6, 30), "month")),
    ("What is the latest news?", ("latest", D(2025, 9, 23), SEP29, "range")),
    ("Apa berita terbaru?", ("terbaru", D(2025, 9, 23), SEP29, "range")),
    ("What was the most recent meeting?", ("most recent", D(2025, 9, 23), SEP29, "range")),
    ("Apa yang terjadi tiga hari lalu?", ("tiga hari lalu", D(2025, 9, 26), D(2025, 9, 26), "day")),
    ("What happened on Thursday?", ("Thursday", D(2025, 9, 25), D(2025, 9, 25), "day")),
    ("Apa yang terjadi pada hari Minggu?", ("hari Minggu", D(2025, 9, 28), D(2025, 9, 28), "day")),
    ("What happened in the last 7 days?", ("last 7 days", D(2025, 9, 23), SEP29, "range")),
    ("Apa yang terjadi dalam seminggu terakhir?", ("seminggu terakhir", D(2025, 9, 23), SEP29, "range")),
]


@pytest.mark.parametrize(("question", "expected"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_question_dates(question, expected):
    m = question_dates(question, SEP29)
    assert m is not None
    assert (m.text, m.first, m.last, m.granularity) == expected
    assert question[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "question",
    ["When did Kim Jong Un leave Beijing?", "Siapa Choe Son Hui?", "How big was trade, $2 billion?", "G20?"],
)
def test_questions_without_a_date(question):
    assert question_dates(question, SEP29) is None


@pytest.mark.parametrize(
    "question",
    [
        "What happened on September the 4th?",
        "Apa yang terjadi tanggal 4.9.2025?",
        "What happened on 2025/09/04?",
    ],
)
def test_question_dates_falls_back_to_dateparser_day_first(question):
    assert not find_dates(question, SEP29)  # our patterns miss these; dateparser does not
    m = question_dates(question, SEP29)
    assert m is not None and (m.first, m.last, m.granularity) == (D(2025, 9, 4), D(2025, 9, 4), "day")
    assert question[m.start : m.end] == m.text


def test_question_dates_fallback_trusts_written_days_only():
    m = question_dates("What happened on 4 Sept., 2025?", SEP29)
    assert m is not None and (m.text, m.first) == ("4 Sept., 2025", D(2025, 9, 4))
    assert question_dates("Why 76 years of ties?", SEP29) is None
    # A number with decimals after a month is no day: "September 2,31 persen" is no 2 Sep 2031.
    assert question_dates("media mana yang menyebut inflasi September 2,31 persen?", SEP29) is None


def test_a_named_date_wins_over_an_offset():
    m = question_dates("Did the rupiah hit its weakest level in six months in early October?", SEP29)
    assert m is not None and m.text == "early October" and m.first == D(2025, 10, 1)
    m = question_dates("What is expected in six months?", SEP29)
    assert m is not None and m.text == "in six months"


def test_format_date_and_mention():
    assert format_date(D(2025, 9, 4), "en") == "Thursday, 4 September 2025"
    assert format_date(D(2025, 9, 4), "id") == "Kamis, 4 September 2025"

    def mention(first: D, last: D, gran: str) -> TimeMention:
        return TimeMention(start=0, end=1, text="x", first=first, last=last, granularity=gran, relative=False)

    assert format_mention(mention(D(2022, 6, 1), D(2022, 6, 30), "month"), "en") == "June 2022"
    assert format_mention(mention(D(2022, 6, 1), D(2022, 6, 30), "month"), "id") == "Juni 2022"
    assert format_mention(mention(D(2023, 1, 1), D(2023, 12, 31), "year"), "id") == "2023"
    assert format_mention(mention(D(2025, 9, 22), D(2025, 9, 28), "week"), "en") == "22–28 September 2025"
    assert (
        format_mention(mention(D(2025, 9, 29), D(2025, 10, 5), "week"), "id")
        == "29 September – 5 Oktober 2025"
    )
    assert (
        format_mention(mention(D(2025, 12, 29), D(2026, 1, 4), "week"), "en")
        == "29 December 2025 – 4 January 2026"
    )
    unresolved = TimeMention(
        start=0, end=5, text="Kamis", first=None, last=None, granularity="day", relative=True, unresolved=True
    )
    assert format_mention(unresolved, "en") == "Kamis"


def test_ingest_reads_dates_with_the_same_tables():
    from retrieval import ingest

    assert ingest.MONTHS is MONTHS and ingest.WEEKDAYS is WEEKDAYS
    assert not hasattr(ingest, "_MONTHS") and not hasattr(ingest, "_WEEKDAYS")
    assert ingest.parse_date("Diterbitkan pada 10 Nov 2025") == dt.date(2025, 11, 10)
    assert ingest.parse_date("Sen, 3 Agu 2025") == dt.date(2025, 8, 3)


def test_tables_cover_both_languages_and_abbreviations():
    for name, month in {
        "sep": 9,
        "agu": 8,
        "okt": 10,
        "des": 12,
        "mei": 5,
        "may": 5,
        "agustus": 8,
        "december": 12,
    }.items():
        assert MONTHS[name] == month
    assert WEEKDAYS["kamis"] == WEEKDAYS["thursday"] == 3
    assert WEEKDAYS["minggu"] == WEEKDAYS["sunday"] == 6


@pytest.mark.parametrize(
    ("word", "n"),
    [
        ("3", 3),
        ("satu", 1),
        ("sepuluh", 10),
        ("sebelas", 11),
        ("tujuh belas", 17),
        ("dua puluh", 20),
        ("dua puluh satu", 21),
        ("twenty-one", 21),
        ("seratus", 100),
        ("dua ratus", None),
    ],
)
def test_parse_number(word, n):
    assert parse_number(word) == n


PIECES = st.sampled_from(
    ["pada hari Kamis", "Minggu (28/9)", "28 September", "tahun 2023", "kemarin", "tiga hari lalu", "minggu lalu",
     "Minggu", "akhir pekan lalu", "awal bulan ini", " ", ", ", ". ", "(", "/", "9", "2025", "Senin", "lalu", "ke-80"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=12).map("".join),
    st.one_of(st.none(), st.dates(min_value=D(1901, 1, 1), max_value=D(2098, 12, 31))),
)
def test_offsets_always_slice_the_text(text, published):
    mentions = find_dates(text, published)
    for m in mentions:
        assert text[m.start : m.end] == m.text and m.text
        assert (m.first is None) == (m.last is None) == m.unresolved
        assert m.first is None or m.last is None or m.first <= m.last
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_a_scheduled_weekday_later_the_same_day_is_that_day():
    # tests/corpus/101 (Monday 3 Nov): "dijadwalkan tiba pada Senin sore" was put a week later.
    monday = dt.date(2025, 11, 3)
    (m,) = find_dates("Bantuan logistik dijadwalkan tiba pada Senin sore.", monday)
    assert m.first == monday
    (m,) = find_dates("Bantuan dijadwalkan tiba pada Senin.", monday)  # no time of day: next week
    assert m.first == dt.date(2025, 11, 10)
    (m,) = find_dates("Rapat akan digelar Senin malam depan.", monday)
    assert m.first == dt.date(2025, 11, 10)


@pytest.mark.parametrize(
    ("question", "first", "last"),
    [
        ("What happened over the weekend of 1-2 November 2025?", "2025-11-01", "2025-11-02"),
        ("apa yang terjadi antara 1 dan 3 November 2025", "2025-11-01", "2025-11-03"),
        ("Apa saja yang terjadi pada minggu pertama September 2025?", "2025-09-01", "2025-09-07"),
        ("What happened in the last week of September?", "2025-09-24", "2025-09-30"),
        ("What happened on New Year's Eve 2025?", "2025-12-31", "2025-12-31"),
        ("ada apa di malam Natal?", "2025-12-24", "2025-12-24"),
    ],
)
def test_question_spans_the_articles_never_write(question, first, last):
    # Before: the weekend was "the weekend" before today, a week ordinal the whole month,
    # New Year's Eve nothing at all.
    m = question_dates(question, dt.date(2026, 1, 2))
    assert m is not None and (m.first.isoformat(), m.last.isoformat()) == (first, last)


def test_a_written_span_of_days_is_one_mention():
    found = find_dates("Konferensi itu digelar pada 7–9 Maret 2026 di Bali.", dt.date(2026, 1, 5))
    assert [(m.first, m.last, m.granularity) for m in found] == [
        (dt.date(2026, 3, 7), dt.date(2026, 3, 9), "range")
    ]
    # A score is no span of days: the second number is smaller.
    found2 = find_dates("Tim itu menang 3-1 Oktober lalu.", dt.date(2025, 11, 5))
    assert all(m.granularity != "range" for m in found2)


def test_a_holiday_naming_its_season_is_no_asked_day():
    today = dt.date(2026, 1, 3)
    assert question_dates("When did the Christmas and New Year travel season begin?", today) is None
    day = question_dates("What happened on Christmas Day?", today)
    assert day is not None and day.first == dt.date(2025, 12, 25)
