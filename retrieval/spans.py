"""Short-answer candidates in an Indonesian sentence: people, places, quantities, entities.

Pure (stdlib, PySastrawi via the word tables): every span keeps its offsets into the
sentence, so the answer layer can quote exactly what the article says and cite it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from retrieval.dates import MONTH_NAMES, WEEKDAY_NAMES
from retrieval.lexicon import (
    CAPITAL_OF,
    COUNTED_EN,
    EN_TO_ID,
    HEAD_KINDS_ID,
    ID_TO_EN,
    MONTHS,
    NAMES_EN,
    NOUN_PREPOSITIONS_EN,
    NOUNS_EN,
    PLACE_WORDS,
    PLACES,
    STOP_EN,
    STOP_ID,
    TITLES,
    WEEKDAYS,
    is_common_word,
    root_words,
    stem,
)
from retrieval.question import MEASURES, Question, asks_organisation, bridge_terms, canonical_unit


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    kind: str  # "person" | "place" | "entity"
    role: str | None = None  # the title before a person's name, e.g. "Menteri Luar Negeri Tiongkok"


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str | None  # "day", "year", "USD", "percent", "person"… or the noun as written
    approx: bool
    qualifier: str | None = None  # "over", "about", "at least", "up to", "nearly", "under"
    ordinal: bool = False  # "ke-80": a rank, not a count


# --- names ---------------------------------------------------------------------------------

_UP = r"[A-Z\u00C0-\u00DE]"
_WORD = r"[^\W\d_]"
# A capitalized word; a hyphenated tail only when it is a name syllable ("Son-hui", "Jong-un")
# or capitalized ("Korut-China"), not a glued preposition ("Beijing-di").
_CAP_WORD = _UP + _WORD + r"*(?:-(?:" + _UP + _WORD + r"*|(?!di\b|ke\b)[a-z]{2,4}\b))*\.?"
# Name particles ("bin", "van", "de") only between two capitalized words, never the start of
# a lower-case word ("Persija Jakarta dengan" is not "Persija Jakarta de…").
_CAP_SEQ = re.compile(
    _CAP_WORD
    + r"(?: (?:(?:bin|binti|van|de|al)(?= "
    + _UP
    + r")|"
    + _CAP_WORD
    + r"))*"
    + r"(?<! bin)(?<! van)"
)
# Words that make a capitalized sequence an organisation: "Kantor Berita Pusat Korea" is the
# news agency, not a region "Kantor Berita Pusat" the way "Jakarta Pusat" is one.
_ORGANISATION_WORDS = {
    "kantor", "berita", "partai", "kementerian", "komite", "bank", "universitas", "dewan",
    "majelis", "badan", "komisi", "pengadilan", "mahkamah", "organisasi", "asosiasi", "federasi",
    "liga", "museum", "forum", "lembaga", "rumah", "sakit", "sekolah", "perusahaan",
}  # fmt: skip
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"'(\[–—-])\s*$")

# Words that make a capitalized sequence an organisation, event or thing, not a person.
_NOT_PERSON = {
    "partai", "kementerian", "kantor", "berita", "komite", "pusat", "perang", "dunia", "hari",
    "tentara", "angkatan", "bank", "universitas", "dewan", "majelis", "badan",
    "komisi", "pengadilan", "mahkamah", "pemerintah", "republik", "rakyat", "kerajaan", "uni",
    "perserikatan", "organisasi", "asosiasi", "federasi", "liga", "piala", "stadion", "gedung",
    "istana", "rumah", "sakit", "sekolah", "masjid", "gereja", "jalan", "sungai", "gunung",
    "pulau", "selat", "laut", "samudra", "teluk", "provinsi", "kabupaten", "kota", "desa",
    "kecamatan", "kedutaan", "museum", "festival", "konferensi", "ktt", "forum", "puncak",
    "kemenangan", "yayasan", "pembebasan", "google", "news", "the", "times", "post", "daftar",
    "cerita", "sumber", "foto", "baca", "juga", "diterbitkan", "island", "ministry",
    "party", "agency", "war", "day", "university", "national", "nasional", "internasional",
    "kremlin", "putih", "pentagon", "timnas", "tim", "klub", "rp", "wib", "wita", "wit", "pt", "tbk",
    "dinas", "lembaga", "institut", "institute", "fc", "united", "city", "sc", "club", "team",
    "sekuritas", "commuter", "insight", "foundation", "company", "corporation", "inc", "ltd",
    "persero", "grup", "group", "holding", "stasiun", "bandara", "pelabuhan", "terminal",
    "economics", "finance", "development", "studies", "center", "centre", "daerah", "wilayah",
}  # fmt: skip
# Organisation names by their shape: ministries ("Kemenkes", "Kemendag"), Indonesian football
# clubs ("Persib", "Persija", "Persebaya"), "-nas" national bodies ("Basarnas", "Bappenas"),
# CamelCase brands ("AirNav") and hyphenated acronyms ("BI-Rate").
_ORG_SHAPE = re.compile(
    r"^(?:Kemen[a-z]{2,}|Pers[a-z]{1,6}|[A-Z][a-z]{2,}nas|[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}-\w+)$"
)


def _org_shaped(word: str) -> bool:
    """Shaped like an organisation's name and not a dictionary word ("Persaingan" is one)."""
    return bool(_ORG_SHAPE.match(word)) and not is_common_word(word)


# Titles of regional heads: the word after them is their region ("Bupati Banjar").
_REGIONAL_TITLES = {"gubernur", "bupati", "wali kota", "walikota", "camat", "lurah", "kapolda", "kapolres",
                    "kapolsek", "kepala desa", "wakil bupati", "wakil gubernur"}  # fmt: skip
_NUMBER_WORDS = {
    "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
    "ribu", "ribuan", "juta", "jutaan", "miliar", "triliun", "ratusan", "puluhan", "belasan",
}  # fmt: skip
_HONORIFICS = {"dr.", "dr", "prof.", "prof", "bapak", "ibu", "pak", "bu", "mr.", "mrs.", "ms."}
_ROLE_TAIL = {"luar", "negeri", "dalam", "pertahanan", "keuangan", "jenderal", "besar", "bicara", "kota"}


def _token_spans(text: str):
    for m in _CAP_SEQ.finditer(text):
        end = m.end()
        if text[end - 1] == "." and text[m.start() : end].lower() not in TITLES:
            end -= 1
        if end > m.start():
            yield m.start(), end


def _at_sentence_start(text: str, pos: int) -> bool:
    if _ABBREVIATION_DOT.search(text[:pos]):
        return False  # "dr. Lestari": the period of a title, not a sentence's end
    return bool(_SENTENCE_START.search(text[:pos]))


_ABBREVIATION_DOT = re.compile(
    r"\b(?:dr|drg|ir|prof|hj?|st|no|mr|mrs|ms|jl|kol|let|moh|muh|moch)\.\s*$", re.IGNORECASE
)


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


_DIRECTIONS = {"barat", "timur", "utara", "selatan", "tengah", "tenggara", "raya", "daya", "laut"}


def _place_prefix(words: list[str]) -> int:
    """How many leading words spell a known place ("Korea Utara" → 2, "Jawa Barat" → 2)."""
    for n in range(min(3, len(words)), 0, -1):
        if " ".join(words[:n]).lower().rstrip(".,") in PLACES:
            while n < len(words) and words[n].lower().rstrip(".,") in _DIRECTIONS and words[n][:1].isupper():
                n += 1
            return n
    # An unlisted region named with a direction: "Sumbawa Barat", "Ile Ape Timur", "Jakarta Pusat".
    for n in (1, 2, 3):
        if len(words) > n and all(w[:1].isupper() for w in words[: n + 1]):
            d = words[n].rstrip(".,")
            known = any(w.lower() in PLACE_WORDS for w in words[1:n])  # "Kim Korea Utara": Kim + a place
            # "Kantor Berita Pusat Korea": an organisation's words before "Pusat", not a region
            known = known or any(w.lower() in _ORGANISATION_WORDS for w in words[:n])
            if (
                d.lower() in _DIRECTIONS | {"pusat"}
                and d[:1].isupper()
                and not _is_acronym(words[0])
                and not known
            ):
                return n + 1
    return 0


def _place_suffix(words: list[str]) -> int:
    """How many trailing words spell a known place ("Kim Korea Utara" → 2)."""
    for n in range(min(3, len(words)), 0, -1):
        if " ".join(words[-n:]).lower().rstrip(".,") in PLACES:
            return n
    return 0


def _title_prefix(words: list[str]) -> int:
    low = [w.lower() for w in words]
    for title in TITLES:
        parts = title.split()
        if low[: len(parts)] == parts:
            return len(parts)
    return 0


_LOWER_TITLE = re.compile(
    r"(?:^|\s)((?:" + "|".join(re.escape(t) for t in TITLES if t[0].isalpha()) + r")),? $", re.IGNORECASE
)
_LOWER_ROLE = re.compile(
    r"((?:"
    + "|".join(re.escape(t) for t in TITLES if t[0].isalpha())
    + r")(?: (?:"
    + "|".join(sorted({k for k in PLACES if " " in k or len(k) > 2}, key=len, reverse=True))
    + r"))?),? $",
    re.IGNORECASE,
)


def _capitalized(sentence: str) -> list[tuple[int, int, str | None]]:
    """Capitalized runs with their leading title/country split off: (start, end, role)."""
    out: list[tuple[int, int, str | None]] = []
    pending: tuple[int, int] | None = None  # a title whose name follows after a comma
    for s, e in _token_spans(sentence):
        ws = _words(sentence, s, e)
        texts = [sentence[a:b] for a, b in ws]
        role_end = None
        # Sentence-initial ordinary words ("Pertemuan Wang …", "Kunjungan Choe …").
        while ws and _at_sentence_start(sentence, ws[0][0]) and is_common_word(texts[0].rstrip(".")):
            if _title_prefix(texts) or texts[0].lower() in _NOT_PERSON:
                break  # "Presiden …", "Badan Pusat Statistik", "Bank Indonesia"
            ws, texts = ws[1:], texts[1:]
        # Titles and the country after them ("Menteri Luar Negeri Tiongkok Wang Yi"); with two
        # titles the role runs to the last one ("Kapolda Metro Jaya Irjen Karyoto").
        last = max((i for i in range(1, len(texts) - 1) if _title_prefix(texts[i:])), default=0)
        if last and _title_prefix(texts):
            role_end = ws[last - 1][1]
            ws, texts = ws[last:], texts[last:]
        n = _title_prefix(texts)
        while n:
            title = " ".join(texts[:n]).lower()
            while n < len(texts) and texts[n].lower() in _ROLE_TAIL:
                n += 1
            n += _role_words(texts[n:], regional=title in _REGIONAL_TITLES)
            role_end = ws[n - 1][1]
            ws, texts = ws[n:], texts[n:]
            n = _title_prefix(texts)
        if role_end is None and ws:
            m = _LOWER_TITLE.search(sentence[max(0, s - 40) : s])
            if m:  # "pemimpin Korea Utara Kim Jong-un", "pelatih Persija Bambang Sutrisno"
                title = m.group(1).lower()
                # An honorific ("dr. Lestari Handayani") is followed by the name itself.
                p = 0 if title in _HONORIFICS else _role_words(texts, regional=title in _REGIONAL_TITLES)
                if p:
                    role_end = ws[p - 1][1]
                    s = max(0, s - 40) + m.start(1)
                    ws, texts = ws[p:], texts[p:]
        if not ws:
            # A title with no name after it ("Pelatih Persib, Hendrik van Dijk, …"): the name
            # in apposition right after the comma carries it.
            if role_end is not None:
                pending = (s, role_end)
            continue
        start, end = ws[0][0], ws[-1][1]
        while end > start and sentence[end - 1] in ".":
            end -= 1
        role = None
        if role_end is not None and sentence[s:role_end].strip().lower() not in _HONORIFICS:
            role = sentence[s:role_end]
        elif role_end is not None:
            # "Kepala PVMBG, Dr. Wiratno Susilo": the honorific is no office; the title in
            # apposition before the comma is.
            role = sentence[s:role_end]
            if pending and re.fullmatch(r"\s*,\s*", sentence[pending[1] : s]):
                role = sentence[pending[0] : pending[1]]
        elif (
            pending
            and re.fullmatch(r"\s*,\s*(?:(?:dr|drg|ir|prof|h|hj)\.?\s+)?", sentence[pending[1] : start], re.I)
            and (_name_like(sentence[start:end].split()[0]) or _name_like(sentence[start:end].split()[-1]))
        ):
            role = sentence[pending[0] : pending[1]]
        else:
            m = _LOWER_ROLE.search(sentence[max(0, start - 60) : start])
            if m:
                role = m.group(1)
        pending = None
        out.append((start, end, role))
    return out


def _role_words(texts: list[str], *, regional: bool = False) -> int:
    """How many words after a title still belong to the role, not the name: the portfolio,
    office or club ("Menteri [Perdagangan Afrika Selatan] Thandiwe Nkosi", "Kepala [Pelaksana
    BPBD Kalimantan Selatan] Raden Suharyono", "pelatih [Persija] Bambang Sutrisno")."""
    n = 0
    if regional and texts and not _place_prefix(texts):
        n = 1  # "Bupati Banjar", "Gubernur DKI": the region, whatever it is called
    while n < len(texts):
        p = _place_prefix(texts[n:])
        if p:
            n += p
            continue
        w = texts[n].rstrip(".,")
        low = w.lower()
        if low in _NOT_PERSON:
            # An organisation's name runs on ("Partai Komunis Tiongkok", "PT Sarana Pangan
            # Nusantara"): the person, if any, is the trailing run of name-like words.
            return _give_back(texts, len(texts) - _name_suffix(texts[n + 1 :]))
        if _is_acronym(w) or _org_shaped(w) or low in _ROLE_TAIL or is_common_word(w):
            n += 1
            continue
        break
    return _give_back(texts, n)


def _name_like(word: str) -> bool:
    w = word.rstrip(".,")
    low = w.lower()
    return not (
        _is_acronym(w)
        or _org_shaped(w)
        or low in _NOT_PERSON
        or low in PLACES
        or low in PLACE_WORDS
        or is_common_word(w)
    )


def _name_suffix(texts: list[str]) -> int:
    n = 0
    while n < len(texts) and _name_like(texts[len(texts) - 1 - n]):
        n += 1
    return n


def _give_back(texts: list[str], n: int) -> int:
    """One name word left after the role: a dictionary word right before it is the first
    name ("Deputi Gubernur BI Ratna Wulandari", "… Raden Suharyono")."""
    if n == len(texts) - 1 and n >= 1:
        w = texts[n - 1].rstrip(".,")
        low = w.lower()
        if stem(low) == low and not (
            _is_acronym(w) or low in _NOT_PERSON or low in PLACE_WORDS or low in PLACES
        ):
            return n - 1
    return n


def _ordinary(word: str) -> bool:
    w = word.lower()
    return w in STOP_ID or (len(w) > 4 and is_common_word(w))


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def people(sentence: str) -> list[Span]:
    """Person names, with the title before them as ``role``."""
    out = []
    for start, end, role in _capitalized(sentence):
        text = sentence[start:end]
        words = text.split()
        low = [w.lower().rstrip(".") for w in words]
        if (
            role is None
            and len(words) > 1
            and _is_acronym(words[0])
            and _place_prefix(words[1:]) == len(words) - 1
        ):
            continue  # "KPU Sumbawa Barat": an office and its region
        if any(w in _NOT_PERSON or w in _NUMBER_WORDS for w in low) or _place_prefix(words) == len(words):
            continue
        if any(_org_shaped(w.rstrip(".")) for w in words) or at_dateline(sentence, start, end):
            continue
        if role is None and len(words) == 1 and _abbreviation(sentence, start, end):
            continue  # "Pengadilan Tindak Pidana Korupsi (Tipikor)": the court's short name
        if role is None and len(words) == 1 and _noun_at_start(sentence, start, end):
            continue  # "Padi kami …", "Suku bunga …", "Aset tersebut …": a noun and its modifier
        if role is None and len(words) == 1 and _headline(sentence):
            continue  # "Belanjaku PHK 480 Karyawan, Alihkan Fokus …": title case, not names
        if any(w in MONTHS or w in WEEKDAYS for w in low):
            continue
        if all(_is_acronym(w) for w in words) and role is None:
            continue
        if len(words) == 1 and role is None and (is_common_word(words[0]) or low[0] in PLACE_WORDS):
            continue  # "Korea" of "Republic of Korea", "Barat" of "non-Barat"
        parts = [p for p in re.split(r"[-–\s]+", text.lower()) if p]
        if all(p in PLACES for p in parts):  # "Korut-China"
            continue
        if role is None and len(words) == 1 and _PLACE_CUE.search(sentence[max(0, start - 20) : start]):
            continue  # "wilayah Kursk", "di Kursk"
        k = _place_prefix(words)
        if 0 < k < len(words):  # "Korea Utara Kim" → "Kim": a country before a name
            start = start + len(" ".join(words[:k])) + 1
        k = _place_suffix(words)
        if 0 < k < len(words):  # "Kim Korea Utara" → "Kim"
            end = start + len(" ".join(words[: len(words) - k]))
        text = sentence[start:end]
        core = text.split()
        # A name set off by commas after who the person is ("Analis … dari Mandala Sekuritas,
        # Citra Anggraini, menilai …"): a person even when a first name is a dictionary word,
        # or a last one ("Yohanes Bala Making").
        appositive = (
            len(core) in (2, 3)
            and (_name_like(core[-1]) or _name_like(core[0]))
            # "Ekonom … (Indef), Rizal Hakim Pohan, menilai": the body's short name may close it
            and bool(re.search(r"[\w)],\s*$", sentence[:start]))
            and bool(re.match(r"\s*,", sentence[end:]))
        )
        described = _DESCRIBED.search(sentence, 0, start) if role is None and len(core) in (2, 3) else None
        if described is not None:
            # "… dan pengusaha importir Tommy Wijaya": a name after who the person is, even
            # with a dictionary word in it ("wijaya"); that description is the person's role.
            role = described.group(1)
        elif role is None and len(core) > 1 and any(_ordinary(w) for w in core) and not appositive:
            # An office without a title word before a name ("Menteri Perdagangan, Industri dan
            # Persaingan Afrika Selatan Thandiwe Nkosi"): the office names a country or body.
            k = _name_suffix(core)
            office = core[: len(core) - k]
            if not (0 < k < len(core) and any(w.lower() in PLACE_WORDS or _is_acronym(w) for w in office)):
                continue  # a title-case headline ("Sepakat Perkuat Kerja Sama"), not a name
            role = " ".join(office)
            start += len(role) + 1
            text = sentence[start:end]
        out.append(Span(start=start, end=end, text=text, kind="person", role=role))
    return _office_place(sentence, out)


# A person's description in common words right before the name ("pengusaha importir",
# "petani", "pengamat politik"): what makes the next capitalized words a person's name.
_DESCRIBED = re.compile(
    r"\b((?:pengusaha|importir|eksportir|ekonom|analis|pakar|pengamat|petani|nelayan|pedagang|"
    r"aktivis|peneliti|wartawan|pengacara|dokter|guru|mahasiswa|pemain|bek|kiper|penyerang|"
    r"gelandang|pelatih|warga|terdakwa|tersangka|saksi|korban)(?:\s+[a-z]+)?)\s+$"
)


def _office_place(sentence: str, found: list[Span]) -> list[Span]:
    """ "Kepala Dinas Kesehatan Sumenep, Moh. Faisal Amin": the one word after an office of
    several words is where the office is, and the full name after the comma holds it."""
    out: list[Span] = []
    i = 0
    while i < len(found):
        p = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt is not None
            and p.role is not None
            and len(p.role.split()) >= 2
            and " " not in p.text
            and nxt.role is None
            and len(nxt.text.split()) >= 2
            and re.fullmatch(r"\s*,\s*", sentence[p.end : nxt.start])
        ):
            out.append(replace(nxt, role=f"{p.role} {p.text}"))
            i += 2
            continue
        out.append(p)
        i += 1
    return out


def at_dateline(sentence: str, start: int, end: int) -> bool:
    """ "Martapura: …", "Banjarmasin (KABARIN) - …": the place a report was filed from."""
    return not sentence[:start].strip() and bool(
        re.match(r"\s*(?::|\([A-Z][\w ]*\)\s*[-–—])", sentence[end:])
    )


# A report's dateline before its first sentence: "Jakarta (KABARIN) - ", "Bandung: ",
# "Seoul (KABARIN) – ". The place is one to three capitalized words.
_DATELINE_AT_START = re.compile(
    r"^\s*"
    + _UP
    + r"[\w.'-]*(?:\s+"
    + _UP
    + r"[\w.'-]*){0,2}\s*(?::|\([A-Z][\w .'-]{0,30}\)\s*[-–—])\s+(?=\S)"
)


# A question about when something ended or began, and the words before a date that say the
# date is an end or a start ("dimulai 18 Desember 2025 dan berakhir pada 4 Januari 2026").
_ASKS_END = re.compile(
    r"\b(?:end|ended|ends|finish|finished|finishes|conclude[ds]?|berakhir|berakhirnya|selesai|"
    r"usai|rampung|until|sampai kapan|hingga kapan)\b",
    re.IGNORECASE,
)
_ASKS_START = re.compile(
    r"\b(?:start|started|starts|begin|began|begins|commence[ds]?|dimulai|mulai|dibuka|opened)\b",
    re.IGNORECASE,
)
_END_BEFORE = re.compile(
    r"\b(?:berakhir|selesai|usai|rampung|ditutup|hingga|sampai|ended|until|to)\s+(?:pada\s+|on\s+)?(?:\S+\s+)?$",
    re.IGNORECASE,
)
_START_BEFORE = re.compile(
    r"\b(?:dimulai|mulai|dibuka|sejak|started|began|from|since)\s+(?:pada\s+|on\s+)?(?:\S+\s+)?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def _other_bound_words(question: str) -> re.Pattern[str] | None:
    """The words before a date that make it the other end of the period asked (once per
    question: ``other_bound`` runs for every date of every candidate sentence)."""
    end, begin = bool(_ASKS_END.search(question)), bool(_ASKS_START.search(question))
    return None if end == begin else (_START_BEFORE if end else _END_BEFORE)


def other_bound(question: str, sentence: str, start: int) -> bool:
    """Is the date at ``start`` the other end of a period than the one asked: the start when
    the question asks when it ended, or the end when it asks when it began?"""
    words = _other_bound_words(question)
    return words is not None and bool(words.search(sentence[max(0, start - 30) : start]))


def strip_dateline(sentence: str) -> str:
    """The sentence without the dateline it opens with, for showing it as a quote: the place
    and outlet are the article's, shown with its citation, not words of the quote."""
    m = _DATELINE_AT_START.match(sentence)
    place = re.split(r"\s*[:(]", m.group(), maxsplit=1)[0].split() if m else []
    if not m or any(is_common_word(w) for w in place):  # "Menurut Citra: …" is no dateline
        return sentence
    rest = sentence[m.end() :]
    return rest[:1].upper() + rest[1:]


def _abbreviation(sentence: str, start: int, end: int) -> bool:
    """A word in brackets right after a capitalized name of several words: its short form."""
    if not (sentence[start - 1 : start] == "(" and sentence[end : end + 1] == ")"):
        return False
    return bool(
        re.search(_UP + r"\w*(?: \w+)* " + _UP + r"\w*\s*$", sentence[max(0, start - 80) : start - 1])
    )


# Bare verbs that follow a name at a sentence start ("Kim tiba di Beijing").
_BARE_VERBS = {
    "tiba", "pergi", "datang", "pulang", "tinggal", "hadir", "masuk", "keluar", "lahir", "tewas",
    "naik", "turun", "kembali", "bilang", "minta", "ingin", "mau", "suka", "tahu", "kata", "ikut",
    "jadi", "lari", "menang", "kalah", "terima", "pamit", "singgah", "wafat", "meninggal",
}  # fmt: skip


def _noun_at_start(sentence: str, start: int, end: int) -> bool:
    """A dictionary word opening the sentence and followed by a noun, adjective or
    demonstrative rather than a verb: an ordinary noun ("Padi kami", "Data sementara"), where
    a name is followed by what the person did ("Kim tiba", "Wang mengatakan")."""
    word = sentence[start:end]
    if not _at_sentence_start(sentence, start) or word.lower() not in root_words():
        return False
    m = re.match(r"\s+([a-z]+)\b", sentence[end:])
    if not m:
        return False
    nxt = m.group(1)
    if nxt in ("tersebut", "ini", "itu", "kami", "kita", "mereka", "warga"):
        return True
    if nxt in STOP_ID or nxt in _BARE_VERBS or _looks_like_verb(nxt) or stem(nxt) != nxt:
        return False
    return nxt in root_words()


def _headline(sentence: str) -> bool:
    """Title case: four or more words, every lower-case one a function word ("… ke Layanan …")."""
    words = re.findall(r"[^\W\d_]+", sentence)
    return len(words) >= 4 and all(w[0].isupper() or w in STOP_ID or w in STOP_EN for w in words)


_PLACE_CUE = re.compile(
    r"\b(?:di|ke|dari|ke arah|menuju|wilayah|kota|provinsi|kabupaten|desa|kecamatan|pulau|"
    r"ibu kota|negara|kawasan|daerah|in|to|from)\s+$",
    re.IGNORECASE,
)


_GEO_FEATURES = {
    "gunung",
    "pulau",
    "danau",
    "sungai",
    "selat",
    "teluk",
    "pantai",
    "lembah",
    "tanjung",
    "bukit",
}
_NOT_PLACE_START = {"level", "status", "tahap", "fase", "babak", "grup", "seri", "pukul", "jam"}


_GAZETTEER = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(PLACES, key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)


def places(sentence: str) -> list[Span]:
    """Places: known countries/capitals in either language, and capitalized words after
    "di/ke/dari/wilayah/kota/provinsi…"."""
    out: list[Span] = []
    taken: list[tuple[int, int]] = []
    for s, e in _token_spans(sentence):
        words = sentence[s:e].split()
        low = [w.lower() for w in words]
        # "Gunung Ile Lewotolok", "Pulau Komodo": named features, wherever they stand
        at = next((i for i, w in enumerate(low[:-1]) if w in _GEO_FEATURES), None)
        feature = at is not None
        if at:
            s = s + len(" ".join(words[:at])) + 1
            words, low = words[at:], low[at:]
        if not feature and not _PLACE_CUE.search(sentence[max(0, s - 20) : s]):
            continue
        if low[0] in MONTHS or low[0] in WEEKDAYS or _title_prefix(words) or low[0] in _NOT_PLACE_START:
            continue  # "dari Level II (Waspada)"
        if any(re.fullmatch(r"[IVX]+", w) for w in words):
            continue
        if any(a < e and s < b for a, b in taken):
            continue
        if _CLUB_AFTER.match(sentence, e) or _CLUB_AFTER.match(" " + words[-1]):
            continue  # "dari Madura United": a club
        out.append(Span(start=s, end=e, text=sentence[s:e], kind="place"))
        taken.append((s, e))
    for m in _GAZETTEER.finditer(sentence):
        text = m.group()
        # Short or lower-case hits ("as" = "as/sebagai", "us") count only as written names.
        if text[0].islower() or (len(text) <= 3 and not text.isupper()):
            continue
        if _CLUB_AFTER.match(sentence, m.end()):
            continue  # "Borneo FC", "Bali United": a club, not where anything happened
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        out.append(Span(start=m.start(), end=m.end(), text=text, kind="place"))
        taken.append((m.start(), m.end()))
    return sorted(out, key=lambda sp: sp.start)


# The word after a place's name that makes it a club's ("Borneo FC", "Bali United").
_CLUB_AFTER = re.compile(r"\s+(?:FC|F\.C\.|United|SC|Putra)\b")

# Buildings and grounds a where-question may be answered by: the specific place the sentence
# puts people or things at ("ditampung di gedung sekolah, masjid, dan balai desa"), which the
# capitalized places of the same sentence (its region) only locate.
_FACILITY_NOUNS = (
    "gedung-gedung", "gedung", "sekolah", "masjid", "musala", "gereja", "balai", "aula", "kantor",
    "halaman", "posko", "tenda", "rumah sakit", "puskesmas", "stadion", "stasiun", "bandara",
    "pelabuhan", "terminal", "lapangan", "gudang", "markas", "hotel", "pasar", "gelanggang",
    "pendopo", "rumah dinas", "rumah-rumah", "rumah",
)  # fmt: skip
_FACILITY = re.compile(
    r"\b(?:di|ke|in|at)\s+(?:(?:antara|sejumlah|beberapa|sebuah)\s+)?"
    r"((?:" + "|".join(map(re.escape, _FACILITY_NOUNS)) + r")\b[^.;:!?\"“”()]*)",
    re.IGNORECASE,
)
# Where a facility phrase ends: a clause after it ("…, yang berjarak …", "… dan mampu …"), a
# time ("pada Senin"), or an appositive after a comma that is no list member ("…, ibu kota").
_FACILITY_END = re.compile(
    r",?\s+(?:yang|untuk|pada|sejak|selama|oleh|sebagai|karena|sehingga|dengan|agar|setelah|"
    r"sebelum|ketika|saat|sementara|namun|tetapi|hingga|sampai|mulai|sekitar|sejauh|dan\s+(?!balai|"
    r"aula|masjid|gedung|sekolah|gereja|kantor|posko|tenda|rumah|stasiun|stadion|lapangan|halaman)"
    r"[a-z]+)\b|,\s+(?!(?:dan\s+)?(?:" + "|".join(map(re.escape, _FACILITY_NOUNS)) + r")\b)",
    re.IGNORECASE,
)
# "sekitar 300 meter dari rumahnya": how far from a place is where, too.
_DISTANCE_FROM = re.compile(
    r"\b(?:sekitar\s+)?\d[\d.,]*\s+(?:meter|kilometer|km|m)\s+dari\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?",
    re.IGNORECASE,
)


def where_phrases(sentence: str) -> list[Span]:
    """The specific places a sentence puts something at: a building or ground after
    "di/ke" ("di halaman kantor Kecamatan Martapura", "di gedung-gedung sekolah dan aula kantor
    bupati di Lewoleba") or a distance from one ("sekitar 300 meter dari rumahnya"). Common
    nouns, so ``places`` (capitalized names) misses them."""
    out: list[Span] = []
    for m in _FACILITY.finditer(sentence):
        start, end = m.start(1), m.end(1)
        stop = _FACILITY_END.search(sentence, start, end)
        if stop is not None:
            end = stop.start()
        text = sentence[start:end].strip(" ,")
        if len(text.split()) < 2 and not text[:1].isupper():
            continue  # "di rumah": no place said
        out.append(Span(start=start, end=start + len(text), text=text, kind="place"))
    for m in _DISTANCE_FROM.finditer(sentence):
        out.append(Span(start=m.start(), end=m.end(), text=m.group(), kind="place"))
    return out


def with_where_phrases(sentence: str, found: Sequence[Span | Quantity], q: Question) -> list[Span | Quantity]:
    """``found`` with the sentence's specific places first (``where_phrases``), not one the
    question names; a name inside one of them goes, the phrase says it with its building
    ("aula kantor bupati di Lewoleba")."""
    extra = [x for x in where_phrases(sentence) if not in_question(x.text, q)]
    if not extra:
        return list(found)
    rest = [x for x in found if not any(e.start <= x.start and x.end <= e.end for e in extra)]
    return [*extra, *rest]


# The outlet a sentence says it has its words from: "seperti dikutip The Straits Times",
# "dilaporkan langsung oleh Kantor Berita Pusat Korea (KCNA)", "menurut KCNA", "kata KCNA".
_OUTLET_NAME = r"((?:The\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*(?:\s+\([A-Z][A-Z0-9&-]{1,9}\))?)"
_CITED_OUTLET = re.compile(
    r"\b(?:(?:seperti\s+|sebagaimana\s+)?dikutip(?:\s+dari)?|(?:di)?laporkan(?:\s+\w+)?\s+oleh|"
    r"menurut|kata|according\s+to|as\s+quoted\s+by|quoted\s+by|reported\s+by)\s+" + _OUTLET_NAME
)
_OUTLET_WORDS = {
    "times", "post", "news", "herald", "journal", "tribune", "daily", "kantor", "berita", "agency",
    "reuters", "afp", "ap", "xinhua", "yonhap", "kcna", "bernama", "antara", "kyodo", "tass", "tv",
    "radio", "harian", "koran", "majalah", "gazette", "guardian", "telegraph", "press", "media",
}  # fmt: skip


def cited_outlet(sentence: str) -> str | None:
    """The news outlet the sentence cites for what it says ("seperti dikutip The Straits
    Times"): a name with an outlet's word or an all-capital acronym; not a person or a
    ministry a "menurut" also introduces."""
    for m in _CITED_OUTLET.finditer(sentence):
        name = m.group(1).strip().rstrip(".")
        words = re.findall(r"[\w.&-]+", name)
        if any(w.lower().rstrip(".") in _OUTLET_WORDS or w.lower().endswith((".com", ".id")) for w in words):
            acronym = re.search(r"\(([A-Z][A-Z0-9&-]{1,9})\)$", name)
            return acronym.group(1) if acronym else name
        if len(words) == 1 and words[0].isupper() and len(words[0]) >= 3:
            return name
    return None


_HANDLE = re.compile(r"(?<![\w@])@\w{2,30}")


def entities(sentence: str) -> list[Span]:
    """Every capitalized name (people, places, organisations, media), for "which" questions."""
    out = []
    # An account ("@SpoxCHN_LinJian") is one name; the capitals inside it are not others.
    handles = [(m.start(), m.end()) for m in _HANDLE.finditer(sentence)]
    out += [Span(start=a, end=b, text=sentence[a:b], kind="entity") for a, b in handles]
    for start, end, role in _capitalized(sentence):
        if any(a <= start < b for a, b in handles):
            continue
        words = sentence[start:end].split()
        if all(w.lower() in MONTHS or w.lower() in WEEKDAYS for w in words):
            continue
        ordinary = is_common_word(words[0]) or words[0].lower() in ("rp", "wib", "wita", "wit")
        if len(words) == 1 and ordinary and not _is_acronym(words[0]):
            continue
        out.append(Span(start=start, end=end, text=sentence[start:end], kind="entity", role=role))
    return out


# --- quantities ----------------------------------------------------------------------------

_ONES = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50,
}  # fmt: skip
_SCALES = {
    "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12,
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
_TENS = {"puluh": 10, "ratus": 100}
_APPROX_PLURALS = {
    "belasan": 10,
    "puluhan": 10,
    "ratusan": 100,
    "ribuan": 1e3,
    "jutaan": 1e6,
    "miliaran": 1e9,
}
_SE_UNITS = {
    "sehari": "hari", "semalam": None, "sejam": "jam", "seminggu": "minggu", "sepekan": "pekan",
    "sebulan": "bulan", "setahun": "tahun", "sedekade": "dekade", "seabad": "abad",
}  # fmt: skip
_QUALIFIERS = [
    (r"lebih dari|melebihi|di atas|over|more than", "over"),
    (r"sekitar|kurang lebih|kira-kira|sekira|hampir sekitar|about|around|roughly", "about"),
    (r"hampir|nyaris|nearly|almost", "nearly"),
    (r"setidaknya|sedikitnya|paling sedikit|minimal|at least", "at least"),
    (r"hingga|sampai|up to", "up to"),
    # "mencapai" ("reached") states the figure itself: "PSU mencapai 78,1 persen" is 78.1%, not
    # "up to 78.1%", which reads as a ceiling (a new user's report). It is left out of the
    # figure's qualifier, so the figure stands alone.
    (r"kurang dari|di bawah|less than|under", "under"),
    # The level a change ends at ("turun 3 basis poin menjadi 6,41 persen").
    (r"menjadi|jadi|to", "to"),
]
_UNITS = {
    "hari": "day", "jam": "hour", "menit": "minute", "detik": "second", "minggu": "week",
    "pekan": "week", "bulan": "month", "tahun": "year", "dekade": "decade", "abad": "century",
    "orang": "person", "jiwa": "person", "persen": "percent", "%": "percent", "dolar": "USD",
    "rupiah": "IDR", "euro": "EUR", "yuan": "CNY", "won": "KRW", "yen": "JPY", "km": "km",
    "kilometer": "km", "meter": "m", "kg": "kg", "kilogram": "kg", "ton": "ton", "hektare": "ha",
    "hektar": "ha", "unit": "unit", "kali": "times", "ha": "ha", "basis": "bps", "bps": "bps",
}  # fmt: skip
# Classifiers that count the noun after them: "11 titik pengungsian", "40 ekor sapi".
_CLASSIFIERS = {"titik", "buah", "ekor", "lembar", "biji", "butir", "batang", "helai", "pasang", "unit"}
_CURRENCY_PREFIX = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "rp": "IDR",
    "rp.": "IDR",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
}
DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
MONEY = {"USD", "IDR", "EUR", "GBP", "JPY", "CNY", "KRW"}

_NUM_WORD = (
    r"(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)"
)
_WORD_NUMBER = (
    _NUM_WORD + r"(?: (?:belas|puluh|ratus))?(?: " + _NUM_WORD + r"(?: (?:belas|puluh|ratus))?)*"
    r"(?: setengah)?|setengah"
)
_DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?!\d)|\d+(?:,\d+)?"
_SCALE = r"(?:ribu|rb|juta|jt|miliar|milyar|triliun|thousand|million|billion|trillion)\b"
_QUAL = "|".join(q for q, _ in _QUALIFIERS)
_UNIT_WORD = r"(?:[^\W\d_]+(?:-[^\W\d_]+)*|%)"
_QUANTITY = re.compile(
    r"(?P<qual>\b(?:" + _QUAL + r")\s+)?"
    r"(?:(?P<ord>\bke-?)(?P<ordnum>\d+)\b"
    r"|(?P<cur>US\$|\$|€|£|¥|\bRp\.?|\bUSD)\s?(?P<cnum>" + _DIGITS + r")(?:\s?(?P<cscale>" + _SCALE + r"))?"
    r"|(?P<approx>\b(?:belasan|puluhan|ratusan|ribuan|jutaan|miliaran)\b)(?:\s(?P<ascale>" + _SCALE + r"))?"
    r"|(?P<se>\b(?:sehari|sejam|seminggu|sepekan|sebulan|setahun|sedekade|seabad)\b)"
    r"|(?P<num>(?<![\w.,/:-])(?:" + _DIGITS + r")(?![\d/:]|[.,-]\d)|\b(?:" + _WORD_NUMBER + r")\b)"
    r"(?:\s?(?P<scale>" + _SCALE + r"))?)"
    r"(?P<unit>\s?%|\s(?!(?:" + _QUAL + r")\b)" + _UNIT_WORD + r")?",
    re.IGNORECASE,
)


def _parse_digits(text: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "."))


def _parse_words(text: str) -> float:
    total, current = 0.0, 0.0
    for w in text.lower().split():
        if w == "setengah":
            current = current + 0.5 if current else 0.5
        elif w in _ONES:
            current += _ONES[w]
        elif w == "belas":
            current += 10
        elif w in ("puluh", "ratus"):
            current = (current or 1) * _TENS[w]
            total, current = total + current, 0.0
    return total + current


def numbers(sentence: str) -> list[Quantity]:
    """Quantities: "empat hari", "$2 miliar", "2.000 orang", "2,5 persen", "puluhan ribu",
    "sekitar 26", "ke-80" (ordinal). Years and calendar dates are left to the date module."""
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(sentence):
        qual = m.group("qual")
        unit_word = (m.group("unit") or "").strip()
        approx = False
        ordinal = False
        unit: str | None = None
        if m.group("ord"):
            value, ordinal = float(m.group("ordnum")), True
            unit_word = ""
        elif m.group("cur"):
            value = round(
                _parse_digits(m.group("cnum")) * _SCALES.get((m.group("cscale") or "").lower(), 1), 6
            )
            unit = _CURRENCY_PREFIX[m.group("cur").lower()]
        elif m.group("approx"):
            value = _APPROX_PLURALS[m.group("approx").lower()] * _SCALES.get(
                (m.group("ascale") or "").lower(), 1
            )
            approx = True
        elif m.group("se"):
            value, unit_word = 1.0, ""
        else:
            raw = m.group("num")
            value = _parse_digits(raw) if raw[0].isdigit() else _parse_words(raw)
            value = round(
                value * _SCALES.get((m.group("scale") or "").lower(), 1), 6
            )  # 8,2 juta: no 8199999.99
            if _is_date(sentence, m, raw):
                continue
        lw = unit_word.lower()
        end = m.end()
        if lw in MONTHS or (lw in WEEKDAYS and unit_word != "minggu"):
            continue  # "3 September"; but "empat minggu" is four weeks (Sunday is "Minggu (28/9)")
        more = None
        if lw == "basis":  # "125 basis poin": the unit is two words
            more = re.match(r"\s+(?:poin|points?)\b", sentence[end:])
        elif lw in _CLASSIFIERS:
            more = re.match(r"\s+([a-z]+)\b", sentence[end:])
            if more and (more.group(1) in STOP_ID or _looks_like_verb(more.group(1))):
                more = None
        if more:
            end += more.end()
            if lw in _CLASSIFIERS:
                unit_word = lw = f"{lw} {more.group(1)}"
        if lw in _UNITS:
            unit = unit or _UNITS[lw]
        elif unit is None and lw and lw not in STOP_ID and not _looks_like_verb(lw) and not ordinal:
            unit = lw  # a counted noun: "ribuan tentara"
        else:
            end = m.end() - len(m.group("unit") or "") if m.group("unit") else end
        if lw and not more and unit is not None and unit in (lw, _UNITS.get(lw)):
            end += _compound_tail(sentence, end, lw)  # "712 pos tarif", "412 kepala keluarga"
        if unit == "year" and m.group("num") and re.fullmatch(r"\d{4}", m.group("num") or ""):
            continue
        start = m.start()
        qualifier = _qualifier(qual)
        if qualifier == "to":  # "menjadi 6,41 persen": the level itself is the answer's text
            start += len(qual or "")
        text = sentence[start:end]
        if m.group("se"):
            unit = _UNITS.get(_SE_UNITS[m.group("se").lower()] or "")
        out.append(
            Quantity(
                start=start,
                end=end,
                text=text,
                value=value,
                unit=unit,
                approx=approx or qualifier in ("about", "nearly"),
                qualifier=qualifier,
                ordinal=ordinal,
            )
        )
    return _merge_ranges(sentence, _merge_parts(sentence, out))


# The words _merge_ranges joins a range by ("12 hingga 18 anak"): a qualifier "up to" of the
# second figure, as written in the articles.
_RANGE_JOIN = r"hingga|sampai"
_RANGE_WORD = re.compile(_RANGE_JOIN, re.IGNORECASE)


def _merge_ranges(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """ "12 hingga 18 anak", "4,7 hingga 5,5 persen": one quantity from the first figure to the
    second, counting the second's noun (its value the first's). Read apart, the bare "12" lost
    its noun and "hingga 18" became "up to 18"."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit is None
            and prev.qualifier is None
            and not prev.ordinal
            and q.qualifier == "up to"
            and not sentence[prev.end : q.start].strip()
            and _RANGE_WORD.match(q.text)
            and prev.value < q.value
        ):
            out[-1] = _joined(sentence, prev, q)
            continue
        out.append(q)
    return out


def _joined(sentence: str, first: Quantity, last: Quantity, qualifier: str | None = None) -> Quantity:
    """One quantity from ``first`` to ``last`` ("12 hingga 18 anak", "24 dari 28 ekonom"):
    the first's value, the last's unit."""
    return Quantity(
        start=first.start,
        end=last.end,
        text=sentence[first.start : last.end],
        value=first.value,
        unit=last.unit,
        approx=first.approx,
        qualifier=qualifier,
    )


def _compound_tail(sentence: str, end: int, head: str) -> int:
    """How many characters after a counted noun continue it as a compound of the table
    (lexicon.COUNTED_EN): "pos" + " tarif", "kepala" + " keluarga"; 0 when none does."""
    for n in (2, 1):
        m = re.match(r"(?:\s+[^\W\d_]+){" + str(n) + "}", sentence[end:])
        if m and f"{head} {' '.join(m.group().split())}".lower() in COUNTED_EN:
            return m.end()
    return 0


def _counted(q: Quantity) -> str | None:
    """The noun a quantity counts as the table knows it: its compound ("pos tarif") when the
    quantity's text ends with one, else its unit."""
    words = q.text.lower().split()
    for n in (3, 2):
        key = " ".join(words[-n:])
        if len(words) > n and key in COUNTED_EN and q.unit and key.startswith(q.unit.lower()):
            return key
    return q.unit


def _merge_parts(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """ "24 dari 28 ekonom", "24 of 28 economists": one quantity, the part, counting the
    whole's noun."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and q.unit
            and not prev.unit
            and not q.ordinal
            and re.fullmatch(r"\s+(?:dari|of|out of)\s+", sentence[prev.end : q.start])
        ):
            out[-1] = _joined(sentence, prev, q, prev.qualifier)
            continue
        out.append(q)
    return out


def _qualifier(text: str | None) -> str | None:
    if not text:
        return None
    for pattern, name in _QUALIFIERS:
        if re.fullmatch(pattern, text.strip(), re.IGNORECASE):
            return name
    return None


def _looks_like_verb(word: str) -> bool:
    """Affixed verbs ("bertemu", "dikatakan") are not what a number counts; roots such as
    "menteri" are nouns even though they start like one."""
    if word in _UNITS or word in root_words():
        return False
    return bool(re.match(r"(?:me|ber|di|ter)[a-z]{3,}", word))


def _is_date(sentence: str, m: re.Match[str], raw: str) -> bool:
    """Years ("tahun 2023", "pada 2023"), days of a month ("28 September", "Minggu (28/9)")."""
    before = sentence[max(0, m.start("num") - 12) : m.start("num")].lower()
    if re.search(r"(?:tahun|year|pada|sejak|since|in|hingga|tanggal|tgl\.?)\s+$", before) and re.fullmatch(
        r"\d{4}", raw
    ):
        return True
    if re.fullmatch(r"(?:1[89]|20)\d{2}", raw) and not m.group("unit"):
        return True
    if re.search(r"(?:" + "|".join(MONTHS) + r")\.?\s+$", before):
        return True
    return bool(re.search(r"(?:tanggal|pukul|jam)\s+$", before))


# --- rendering -----------------------------------------------------------------------------

_EN_UNITS = {
    "day": ("day", "days"), "hour": ("hour", "hours"), "minute": ("minute", "minutes"),
    "second": ("second", "seconds"), "week": ("week", "weeks"), "month": ("month", "months"),
    "year": ("year", "years"), "decade": ("decade", "decades"), "century": ("century", "centuries"),
    "person": ("person", "people"), "times": ("time", "times"), "unit": ("unit", "units"),
    "ha": ("hectare", "hectares"), "bps": ("basis point", "basis points"),
}  # fmt: skip
_CURRENCY_EN = {"USD": "$", "IDR": "Rp ", "EUR": "€", "GBP": "£", "JPY": "¥"}
_APPROX_EN = {10: "dozens of", 100: "hundreds of", 1e3: "thousands of", 1e4: "tens of thousands of",
              1e5: "hundreds of thousands of", 1e6: "millions of", 1e9: "billions of"}  # fmt: skip


def _format_number(value: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale and (value / scale * 10) % 1 == 0:
            return f"{_plain(value / scale)} {word}"
    return _plain(value)


def _plain(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def render_quantity(q: Quantity, lang: str) -> str:
    """The quantity as a short answer: the article's own words in Indonesian; in English
    digits and English units ("4 days", "over $2 billion", "about 26", "80th")."""
    if lang != "en" or q.unit == "score":
        return q.text
    if q.ordinal:
        return _ordinal(int(q.value))
    words = q.text.lower().split()
    if q.approx and q.qualifier is None and any(w in _APPROX_PLURALS for w in words):
        base = _APPROX_EN.get(q.value, "about " + _format_number(q.value))
        if "belasan" in words:  # 11–19: counted as 10 like "puluhan", but not "dozens"
            base = "more than ten of"
        noun = _unit_en(_counted(q) or "", 2.0) if q.unit else ""
        if base == "more than ten of":
            return f"more than ten {noun}".strip()
        return f"{base} {noun}".strip() if base.endswith("of") and noun else base.removesuffix(" of")
    # "24 dari 28 ekonom" is a part of a whole; "lebih dari 6.000 anak" is "more than".
    part = re.match(r"(\d\S*)\s+(?:dari|of|out of)\s+(\S+)\s", q.text)
    if part and q.unit:  # "24 dari 28 ekonom" → "24 of 28 economists"
        whole = (
            _format_number(numbers(part.group(2) + " " + q.unit)[0].value)
            if part.group(2)[0].isdigit()
            else part.group(2)
        )
        return f"{_format_number(q.value)} of {whole} {_unit_en(_counted(q) or q.unit, 2.0)}"
    span = _RANGE_TEXT.match(q.text)
    if span and q.unit not in MONEY:  # "12 hingga 18 anak" → "12 to 18 children"
        upper = _parse_digits(span.group(2)) if span.group(2)[0].isdigit() else _parse_words(span.group(2))
        unit = "%" if q.unit == "percent" else f" {_unit_en(_counted(q) or q.unit, 2.0)}" if q.unit else ""
        return f"{_plain(q.value)} to {_plain(upper)}{unit}"
    if q.unit in MONEY:
        sign = _CURRENCY_EN.get(q.unit, "")
        number = f"{sign}{_format_number(q.value)}" if sign else f"{_format_number(q.value)} {q.unit}"
    elif q.unit == "percent":
        number = f"{_plain(q.value)}%"
    else:
        number = _format_number(q.value)
        if q.unit:
            number = f"{number} {_unit_en(_counted(q) or q.unit, q.value)}"
    return f"{q.qualifier} {number}" if q.qualifier and q.qualifier != "to" else number


# A range _merge_ranges built, and nothing else: "12 toko" is no range "12 to ko".
_RANGE_TEXT = re.compile(rf"(\S+)\s+(?:{_RANGE_JOIN})\s+(\S+)", re.IGNORECASE)


def _unit_en(unit: str, value: float) -> str:
    if unit in _EN_UNITS:
        one, many = _EN_UNITS[unit]
        return one if value == 1 else many
    head, _, rest = unit.lower().partition(" ")
    if head in _CLASSIFIERS and rest in COUNTED_EN:  # "lembar selimut": the blankets are counted
        unit = rest
    if unit.lower() in COUNTED_EN:
        one, many = COUNTED_EN[unit.lower()]
        return one if value == 1 else many
    if unit.lower() not in ID_TO_EN:
        return unit
    word = to_english(unit)
    if value == 1:  # the table gives plurals for counted nouns ("anak" → "children")
        irregular = {"children": "child", "people": "person", "businesspeople": "businessperson"}
        last = word.split()[-1] if word else word
        if last in irregular:
            return word[: len(word) - len(last)] + irregular[last]
        return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if word.endswith(("s", "people", "troops", "children", "men", "police")):
        return word
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


# Features named before the name in Indonesian, as English names them: "Sungai Martapura" →
# "Martapura River", "Gunung Ile Lewotolok" → "Mount Ile Lewotolok".
_FEATURES_EN = {
    "sungai": "{} River", "gunung": "Mount {}", "danau": "Lake {}", "pulau": "{} Island",
    "selat": "{} Strait", "teluk": "{} Bay", "kabupaten": "{} Regency", "provinsi": "{} Province",
    "kecamatan": "{} District", "stadion": "{} Stadium", "stasiun": "{} Station",
    "bandara": "{} Airport", "pelabuhan": "{} Port", "desa": "{} village",
}  # fmt: skip
# After these the feature word is part of a name: "Desa Sungai Alang" is a village called
# Sungai Alang, not a river; "Kecamatan Sungai Tabuk" a district.
_INSIDE_NAME = re.compile(
    r"\b(?:desa|kelurahan|kampung|dusun|kecamatan|kabupaten|kota|jalan|jl\.?|gang|perumahan|"
    r"kompleks|aliran|das|sungai|gunung|pulau|stadion|stasiun|bandara|pelabuhan)\W*$",
    re.IGNORECASE,
)


def to_english(text: str, before: str = "") -> str:
    """Common words of a short Indonesian answer in English ("Menteri Luar Negeri Korea
    Utara" → "North Korea's foreign minister", "Sungai Martapura" → "Martapura River");
    names and unknown words stay as written. ``before``: the sentence's words before the
    span, which tell whether its first word names a feature or is part of a name."""
    words = text.split()
    if not words:
        return text
    name = NAMES_EN.get(text.lower().rstrip(".,"))
    if name:  # "Tahun Baru" is New Year, a name: its words are not translated one by one
        return name
    listed = list_english(text, before)
    if listed is not None:
        return listed
    if not words[0][:1].isupper() and not (len(words) == 1 and text.lower() in ID_TO_EN):
        things = _things_english(words)
        if things is not None:  # "gedung sekolah" → "school buildings"
            return things
    feature = _FEATURES_EN.get(words[0].lower()) if len(words) > 1 else None
    if feature and all(w[:1].isupper() for w in words) and not _INSIDE_NAME.search(before):
        return feature.format(to_english(" ".join(words[1:]), before=words[0]))
    out: list[str] = []
    kept: list[str] = []  # the words left as written
    common_translated = False
    i = 0
    while i < len(words):
        n_title = _title_prefix(words[i:])
        if n_title:
            j = i + n_title
            while j < len(words) and words[j].lower() in _ROLE_TAIL:
                j += 1
            role = ID_TO_EN.get(" ".join(words[i:j]).lower(), " ".join(words[i:j]))
            p = _place_prefix(words[j:])
            if p:
                country = _place_en(words[j : j + p])
                out.append(f"{_the(country)}'s {role}")
                i = j + p
            else:
                out.append(role)
                i = j
            continue
        p = _place_prefix(words[i:])
        if p:
            out.append(_place_en(words[i : i + p]))
            i += p
            continue
        for n in (3, 2, 1):
            key = " ".join(words[i : i + n]).lower()
            if len(words) - i >= n and key in ID_TO_EN and not (n == 1 and words[i][:1].isupper() and i > 0):
                out.append(ID_TO_EN[key])
                common_translated = common_translated or words[i][:1].isupper()
                i += n
                break
        else:
            out.append(words[i])
            kept.append(words[i])
            i += 1
    capitalized = len(words) > 1 and all(w[:1].isupper() for w in words)
    if capitalized and common_translated and any(is_common_word(w) for w in kept):
        # A name whose first word is a common one and whose other words stay Indonesian
        # ("Tahun Baru", "Kementerian Kesehatan") is a name: half of it in English
        # ("years Baru", "ministry Kesehatan") says neither.
        return text
    if capitalized and _half_translated(out):
        # A name that comes out half translated stays as the articles write it ("Kantor
        # Berita Pusat Korea", not "news agency Pusat Korea").
        return text
    return " ".join(out)


# Joiners of a list of things: "A, B, dan C", "A serta B" (lower case: "Dan" opens a sentence).
_COORD = re.compile(r"\s*,\s*(?:(?:dan|serta|atau|hingga)\s+)?|\s+(?:dan|serta|atau)\s+")
# A head a list shares with every item: "sektor pertambangan dan energi terbarukan" are two
# sectors, "Kecamatan Ile Ape dan Ile Ape Timur" two districts.
_SHARED_HEADS = {"sektor", "bidang", "divisi", "departemen", "industri", "kecamatan", "kabupaten",
                 "provinsi", "desa", "kelurahan", "kota", "pulau", "stasiun", "wilayah", "kawasan"}  # fmt: skip


def _noun_forms(key: str) -> tuple[str, ...] | None:
    return NOUNS_EN.get(key) or COUNTED_EN.get(key)


def _things_english(words: list[str], plural: bool = True) -> str | None:
    """A phrase of common nouns in English, or None if a word is not in the tables. Indonesian
    puts the head first and what qualifies it after ("minyak sawit olahan"); English the other
    way round ("processed palm oil"), the head in the plural where it counts."""
    if not words or words[0][:1].isupper():
        return None
    for k in range(1, len(words) - 1):  # "tim produk untuk aplikasi konsumen"
        prep = NOUN_PREPOSITIONS_EN.get(words[k].lower())
        if prep:
            left = _things_english(words[:k], plural)
            tail = words[k + 1 :]
            # "… di Lewoleba": a name after the preposition says where, in English if it can.
            right = to_english(" ".join(tail)) if tail[0][:1].isupper() else _things_english(tail, plural)
            return None if left is None or right is None else f"{left} {prep} {right}"
    if any(w[:1].isupper() for w in words):
        return None
    parts: list[tuple[str, ...]] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            forms = (
                _noun_forms(" ".join(words[i : i + n]).lower().rstrip(".,")) if i + n <= len(words) else None
            )
            if forms:
                parts.append(forms)
                i += n
                break
        else:
            double = re.fullmatch(r"([^\W\d_]+)-\1", words[i].lower())  # "gedung-gedung": many
            forms = _noun_forms(double.group(1)) if double else None
            if not forms:
                return None
            parts.append(forms)
            i += 1
    parts.reverse()
    return " ".join([p[0] for p in parts[:-1]] + [parts[-1][-1] if plural else parts[-1][0]])


def list_english(text: str, before: str = "") -> str | None:
    """A list of things or of places in English ("sektor pertambangan dan energi terbarukan" →
    "mining and renewable energy sectors", "Kecamatan Ile Ape dan Ile Ape Timur" → "Ile Ape
    and Ile Ape Timur districts"); None when the text is no such list. A list of names that
    opens with a capitalized common word ("Badan Meteorologi, Klimatologi, dan Geofisika") is
    one organisation's name and is left to the caller."""
    items = [x for x in _COORD.split(text.strip().rstrip(".")) if x]
    if len(items) < 2:
        return None
    first = items[0].split()
    head = first[0].lower()
    rest = [x.split() for x in items[1:]]
    shared = (
        head in _SHARED_HEADS
        and len(first) > 1
        and not any(r[0].lower() == head for r in rest)
        and not _INSIDE_NAME.search(before)
    )
    if shared and all(w[:1].isupper() for item in items for w in item.split()):
        # "Kecamatan Ile Ape dan Ile Ape Timur": names of the feature, said as written.
        many = (_noun_forms(head) or (head,))[-1]
        return f"{and_join([' '.join(first[1:]), *items[1:]])} {many}"
    if first[0][:1].isupper():
        return (
            None
            if not all(x[:1].isupper() for x in items) or _FEATURES_EN.get(head)
            else _names_english(items)
        )
    if shared:
        said = [_things_english(first[1:], plural=False), *(_things_english(r, plural=False) for r in rest)]
        if all(x is not None for x in said):
            many = (_noun_forms(head) or (head,))[-1]
            return f"{and_join([x for x in said if x])} {many}"
    said = [_things_english(x.split()) for x in items]
    if all(x is not None for x in said):
        return and_join([x for x in said if x])
    return None


def _names_english(items: list[str]) -> str | None:
    """A list of names, each said in English where it has an English name ("Jawa Timur, Jawa
    Barat, dan Aceh" → "East Java, West Java and Aceh")."""
    if any(_title_prefix(x.split()) or _is_org_name(x) for x in items):
        return None
    return and_join([to_english(x) for x in items])


def _is_org_name(text: str) -> bool:
    return any(w.lower() in _ORGANISATION_WORDS for w in text.split())


def and_join(names: Sequence[str], lang: str = "en") -> str:
    """ "A, B and C" in the answer's language ("A, B dan C")."""
    joiner = " and " if lang == "en" else " dan "
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + joiner + names[-1]


def phrase_english(text: str, before: str = "") -> str:
    """A common-noun phrase from the sentence (``head_phrase``) in English where every word of
    it can be ("sektor pertambangan dan energi terbarukan"); one that would come out half
    Indonesian ("news agency pusat Korea") stays as the article words it."""
    said = to_english(text, before)
    left = set(said.split()) & set(text.split())
    return text if any(w[:1].islower() and is_common_word(w) for w in left) else said


def _half_translated(parts: list[str]) -> bool:
    return any(w.lower() in _ORGANISATION_WORDS | {"pusat", "sentral"} for p in parts for w in p.split())


# A region named by a direction after it, as English names it before: "Nusa Tenggara Timur"
# → "East Nusa Tenggara", "Sumbawa Barat" → "West Sumbawa", "Jakarta Pusat" → "Central Jakarta".
_DIRECTIONS_EN = {
    "utara": "North", "selatan": "South", "timur": "East", "barat": "West", "tengah": "Central",
    "tenggara": "Southeast", "pusat": "Central", "barat daya": "Southwest", "barat laut": "Northwest",
    "timur laut": "Northeast",
}  # fmt: skip


_CALENDAR_EN = {
    n.lower(): en
    for kind in (MONTH_NAMES, WEEKDAY_NAMES)
    for n, en in zip(kind["id"], kind["en"], strict=True)
}


def calendar_english(text: str) -> str:
    """Indonesian month and weekday names in English ("10 Oktober" → "10 October")."""
    return re.sub(r"[^\W\d_]+", lambda m: _CALENDAR_EN.get(m.group().lower(), m.group()), text)


def _place_en(words: list[str]) -> str:
    """English name of a place: the table's, or a direction after a name put before it."""
    name = " ".join(words).rstrip(".,")
    if name.lower() in PLACES:
        return PLACES[name.lower()]
    for n in (2, 1):
        direction = _DIRECTIONS_EN.get(" ".join(words[-n:]).lower().rstrip(".,"))
        base = " ".join(words[:-n])
        # A known place or a one-word name: "Sumbawa Barat" is West Sumbawa; a local name of
        # several words keeps its direction where it stands ("Ile Ape Timur", a district).
        known = base.lower() in PLACES or len(words) - n == 1
        if direction and len(words) > n and known and all(w[:1].isupper() for w in words):
            return f"{direction} {PLACES.get(base.lower(), base)}"
    return name


def _the(country: str) -> str:
    return (
        "the " + country
        if country in ("United States", "United Kingdom", "Netherlands", "Philippines")
        else country
    )


# --- candidates for a question -------------------------------------------------------------


@lru_cache(maxsize=8192)  # a span's or name's words, asked for every span of every candidate
def _norm(text: str) -> frozenset[str]:
    return frozenset(w for w in re.split(r"[\s\-–'’]+", text.lower()) if w)


# Words naming the kind of place, not the place: "Gunung Ile Lewotolok" = "Mount Ile Lewotolok".
_FEATURE_WORDS = {
    "gunung", "mount", "mt", "pulau", "island", "danau", "lake", "sungai", "river", "kabupaten",
    "regency", "kota", "city", "provinsi", "province", "stadion", "stadium", "stasiun", "station",
}  # fmt: skip


@lru_cache(maxsize=8192)  # every span of every candidate, and every name of the question
def _core(text: str) -> frozenset[str]:
    """A span's or name's words without the words naming the kind of place."""
    return _norm(text) - _FEATURE_WORDS


def in_question(span_text: str, q: Question) -> bool:
    words = _core(span_text)
    for name in q.names:
        n = _core(name)
        if words and n and (words <= n or n <= words):
            return True
    canon = PLACES.get(span_text.lower())
    return bool(canon) and canon in _asked_places(q)


@lru_cache(maxsize=256)
def _asked_places(q: Question) -> frozenset[str]:
    """The places a question names, canonical (asked once per question, not per span: the
    reader tries every sentence's spans)."""
    # A short alias is an abbreviation only in capitals: "AS" is the United States, "as" a word.
    return frozenset(
        PLACES[t]
        for t in _question_phrases(q)
        if t in PLACES and (len(t) > 3 or re.search(rf"\b{re.escape(t.upper())}\b", q.text))
    )


def _question_phrases(q: Question) -> set[str]:
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", q.text)]
    phrases = set(words) | {" ".join(p) for p in itertools.pairwise(words)}
    return phrases | {n.lower() for n in q.names}


def _places_in(text: str) -> set[str]:
    """Canonical places named anywhere in a short text ("Menlu Korut" → {"North Korea"})."""
    words = text.split()
    return {PLACES[w] for n in (3, 2, 1) for w in map(" ".join, _ngrams(words, n)) if w in PLACES}


def _ngrams(words: list[str], n: int) -> list[list[str]]:
    low = [w.lower().strip(",.?!") for w in words]
    return [low[i : i + n] for i in range(len(low) - n + 1)]


def _role_score(role: str | None, q: Question) -> int:
    """How well a person's title fits the question: "Who is China's foreign minister?" prefers
    "Menlu Tiongkok" to "Menlu Korea Utara" (the same country counts double)."""
    if not role:
        return 0
    asked, places = _role_context(q)
    return len(_title_words(role) & asked) + 2 * len(_role_places(role) & places)


@lru_cache(maxsize=256)
def _role_context(q: Question) -> tuple[frozenset[str], frozenset[str]]:
    """The question's words (with their Indonesian terms) and places a title is scored
    against: worked out once per question, not per person of every candidate sentence."""
    asked = frozenset(q.terms) | {w for t in bridge_terms(q) for w in t.split()}
    return asked, frozenset(_places_in(re.sub(r"['’]s\b", "", q.text)))


@lru_cache(maxsize=8192)
def _title_words(role: str) -> frozenset[str]:
    return frozenset(w.lower().strip(",.") for w in role.split())


@lru_cache(maxsize=8192)
def _role_places(role: str) -> frozenset[str]:
    return frozenset(_places_in(role))


def unit_matches(unit: str | None, wanted: str | None) -> bool:
    """Does a quantity's unit count what the question asks for? The same canonical unit, an
    English noun's Indonesian words ("shelters" → "posko", "titik pengungsian"), or the same
    Indonesian stem ("pengungsi"/"pengungsian" stay apart; "karyawan" = "karyawan")."""
    if not wanted or not unit:
        return False
    if unit == wanted:
        return True
    ids = {
        t for w in (wanted, wanted.removesuffix("s"), wanted.removesuffix("es")) for t in EN_TO_ID.get(w, ())
    }
    if wanted in ("people", "persons") or canonical_unit(wanted) == "person":
        ids |= {"orang", "jiwa", "warga", "penduduk"}
    words = unit.split()
    if unit in ids or (len(words) > 1 and (words[-1] in ids or " ".join(words[1:]) in ids)):
        return True
    # A compound's head as the quantity's unit: "11 nota (kesepahaman)" counts "memorandums".
    if any(" " in t and t.split()[0] == words[0] for t in ids):
        return True
    return wanted.isalpha() and unit.isalpha() and stem(unit) == stem(wanted)


_PEOPLE_COMPOUND = re.compile(r"\b([a-z]+)[ -](people|persons|men|women)\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def _compound_forms(question: str) -> frozenset[str]:
    """Indonesian words of a "<kind> people" the question counts: "business people" →
    "businesspeople" → "pengusaha", "pebisnis"."""
    out: set[str] = set()
    for m in _PEOPLE_COMPOUND.finditer(question):
        out.update(EN_TO_ID.get((m.group(1) + m.group(2)).lower(), ()))
    return frozenset(out)


def counts_compound(question: str, unit: str | None) -> bool:
    """Is a figure's unit the Indonesian word of the question's "<kind> people" ("40
    pengusaha" for "how many business people": read as "people" alone, the unit matches no
    figure, and another figure of the sentence may answer)?"""
    return unit is not None and unit.lower() in _compound_forms(question)


# Questions about a change ask for its size ("turun berapa", "by how much"), otherwise the
# level it ended at comes first ("yield SUN jadi berapa?" → "menjadi 6,41 persen").
_CHANGE = re.compile(
    r"\b(?:turun|naik|turunkan|naikkan|memangkas|pangkas|dipangkas|berkurang|bertambah|melonjak|"
    r"anjlok|by how much|rise|rose|fall|fell|drop|dropped|cut|increase|decrease|raise|lower)\b",
    re.IGNORECASE,
)


ORDINAL_QUESTION = re.compile(
    r"\bke-?\s?berapa\b|\bwhich (?:anniversary|edition|round|place|rank)\b|\bwhat (?:anniversary|edition|rank)\b",
    re.IGNORECASE,
)


# Per question, not per quantity of every candidate sentence.
@lru_cache(maxsize=256)
def _asks_ordinal(question: str) -> bool:
    return bool(ORDINAL_QUESTION.search(question))


# The size of a change is asked, not the level reached: "by how much", "how much did it fall",
# "turun berapa", "berapa besar kenaikan".
_AMOUNT_OF_CHANGE = re.compile(
    r"\bby how much\b|\bhow (?:much|many \w+(?: \w+)?) (?:did|has|have|had|will|does|do) .{0,60}\b"
    r"(?:rise|fall|drop|grow|increase|decrease|climb|decline|shrink|go (?:up|down))\b"
    r"|\b(?:turun|naik|berkurang|bertambah|melonjak|anjlok) (?:sebesar |sebanyak )?berapa\b"
    r"|\bberapa (?:besar )?(?:penurunan|kenaikan|pemangkasan|lonjakan|penambahan|pengurangan)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def asks_amount_of_change(question: str) -> bool:
    """Does the question ask how big a change was ("by how much did X drop")? Then a figure
    after "menjadi/to" is the level it reached, not the answer."""
    return bool(_AMOUNT_OF_CHANGE.search(question))


@lru_cache(maxsize=256)
def _asks_change(question: str) -> bool:
    return bool(_CHANGE.search(question))


@dataclass(frozen=True)
class Found:
    """Every span kind of one sentence: found once (at index time), filtered per question."""

    people: tuple[Span, ...] = ()
    places: tuple[Span, ...] = ()
    entities: tuple[Span, ...] = ()
    quantities: tuple[Quantity, ...] = ()


def find_all(sentence: str) -> Found:
    found_places = places(sentence)
    found_people, joined = _coordinated_places(sentence, people(sentence), found_places)
    outlet = _dateline_outlet(sentence)
    return Found(
        people=tuple(found_people),
        places=tuple(sorted([*found_places, *joined], key=lambda x: x.start)),
        entities=tuple(e for e in entities(sentence) if not (outlet[0] < e.start and e.end <= outlet[1])),
        quantities=tuple(numbers(sentence)),
    )


def _dateline_outlet(sentence: str) -> tuple[int, int]:
    """Where the outlet of the sentence's dateline is ("Jakarta (KABARIN) - …": from its "(" to
    the dateline's end), or (len, -1) when there is none: it filed the report and answers no
    question about what the report says."""
    m = _DATELINE_AT_START.match(sentence)
    paren = sentence.find("(", 0, m.end()) if m else -1
    return (paren, m.end()) if m is not None and paren >= 0 else (len(sentence), -1)


# Administrative units whose lists name places ("Kecamatan Martapura dan Astambul").
_ADMIN_UNITS = {
    "kecamatan", "desa", "kabupaten", "kota", "provinsi", "kelurahan", "dusun", "kampung",
    "distrik", "district", "village", "province", "regency",
}  # fmt: skip
_AND = re.compile(r"\s*(?:,|dan|atau|serta|and|or)\s*$")


def _coordinated_places(
    sentence: str, found_people: list[Span], found_places: list[Span]
) -> tuple[list[Span], list[Span]]:
    """A lone name joined to a place by "dan"/"," is a place too: "di Kecamatan Martapura dan
    Astambul" names two districts, not a person called Astambul."""
    keep: list[Span] = []
    joined: list[Span] = []
    for p in found_people:
        before = [x for x in (*found_places, *joined) if x.end <= p.start]
        prev = max(before, key=lambda x: x.end) if before else None
        if (
            prev is not None
            and p.role is None
            and " " not in p.text
            and prev.text.split()[0].lower() in _ADMIN_UNITS
            and _AND.fullmatch(sentence[prev.end : p.start])
        ):
            joined.append(Span(start=p.start, end=p.end, text=p.text, kind="place"))
        else:
            keep.append(p)
    return keep, joined


# Nouns that name a measure, not a thing counted: "berapa target pertumbuhan kredit" asks for a
# share ("8 hingga 11 persen", dropped as a count once read as one range), not a count of targets.
_MEASURE_NOUNS = frozenset({
    "target", "sasaran", "tingkat", "nilai", "angka", "kisaran", "rate", "level", "range", "value",
})  # fmt: skip


# A match's scoreline, "2-1" or "2–1": two small numbers joined by a dash, not a date
# ("24-10-2025"), a range of a measure ("10-12 persen") nor part of a longer figure.
_SCORELINE = re.compile(
    r"(?<![\w.,/:–-])(\d{1,2}) ?[-–] ?(\d{1,2})(?![\w/:–-]|[.,]\d| ?(?:%|persen|percent)\b)"
    r"(?! (?:" + "|".join(MONTHS) + r")\b)",
    re.IGNORECASE,
)


def scores(sentence: str) -> list[Quantity]:
    """The scorelines in ``sentence`` ("dengan skor 2-1"), as quantities of unit "score"
    whose value is the first side's goals; the answer of a score question (question.asks_score)."""
    return [
        Quantity(m.start(), m.end(), f"{m.group(1)}-{m.group(2)}", float(m.group(1)), "score", False)
        for m in _SCORELINE.finditer(sentence)
    ]


def answer_spans(sentence: str | Found, q: Question, text: str | None = None) -> list[Span | Quantity]:
    """Candidate short answers in ``sentence`` (its text, or its spans found beforehand, with
    its ``text`` for a scoreline) for the question's expected type, best first, leaving out
    what the question already names. Dates are another module's job: []."""
    f = sentence if isinstance(sentence, Found) else find_all(sentence)
    if q.unit == "score":
        return list(scores(sentence if isinstance(sentence, str) else text or ""))
    spans: list[Span | Quantity] = []
    if q.expected == "person":
        found_people = [p for p in f.people if not in_question(p.text, q)]
        ranked: list[Span] = sorted(found_people, key=lambda p: (-_role_score(p.role, q), p.start))
        spans.extend(ranked)
    elif q.expected == "place":
        spans.extend(s for s in f.places if not in_question(s.text, q))
    elif q.expected == "entity":
        # Organisations, media and events first: a "which" question whose head noun is not a
        # person or a place (those get expected person/place) rarely asks for one.
        named = {(p.start, p.end) for p in f.people} | {(p.start, p.end) for p in f.places}
        names = [s for s in f.entities if not in_question(s.text, q)]
        if asks_organisation(q):  # "which newspaper": a person or a place does not answer
            names = [s for s in names if (s.start, s.end) not in named]
        spans.extend(sorted(names, key=lambda s: ((s.start, s.end) in named, s.start)))
    elif q.expected == "number":
        # "1,350" in an English question is the article's "1.350".
        asked = {v for n in q.numbers for v in (n.lower(), _THOUSANDS_COMMA.sub(".", n))}
        # "… yang keberapa?", "which anniversary": a rank (ke-80) answers, not a count.
        ordinal = _asks_ordinal(q.text)
        wanted = canonical_unit(q.unit)
        found: list[Quantity] = []
        counted = (
            q.type == "how_many"
            and wanted is not None
            and wanted not in MEASURES | DURATIONS | MONEY | _MEASURE_NOUNS
        )
        for quantity in f.quantities:
            if quantity.ordinal != ordinal or any(
                tok in asked for tok in re.findall(r"[\w.,]+", quantity.text.lower())
            ):
                continue
            if (
                wanted in MEASURES
                and quantity.unit != wanted
                and quantity.unit in MEASURES | MONEY | DURATIONS
            ):
                continue  # "berapa hektare" is not "Rp 48 miliar"
            if wanted in MEASURES - {"percent"} and quantity.unit not in MEASURES | MONEY | DURATIONS:
                continue  # "berapa km" is not "satu gunung"
            if counted and quantity.unit in {"percent", "bps"}:
                continue  # "berapa TPS" is not "78,1 persen" (an amount of money may be: "berapa bantuan")
            if q.type == "how_long" and quantity.unit not in DURATIONS:
                continue
            if q.type == "how_much" and wanted is None and quantity.unit in DURATIONS:
                continue
            found.append(quantity)

        ordered: list[Quantity] = sorted(found, key=lambda x: (*quantity_order(q, x), x.start))
        spans.extend(ordered)
    return spans


def quantity_order(q: Question, quantity: Quantity) -> tuple[int, int, int]:
    """(fit, level, vague), smaller first: units the question asks for first ("how many troops"
    → "ribuan tentara"), then money for how_much, then the rest; for a question not about a
    change, the level a figure ended at ("menjadi 6,41 persen"); a figure before "thousands of"."""
    wanted = canonical_unit(q.unit)
    if quantity.qualifier == "to" and asks_amount_of_change(q.text):
        # "By how much did the yield drop?": "turun 3 basis poin menjadi 6,41 persen" - the
        # level it ended at is no change (the 6.41% was given for the drop).
        return (3, 1, 0)
    to = 0 if not _asks_change(q.text) and quantity.qualifier == "to" else 1
    vague = int(any(w in _APPROX_PLURALS for w in quantity.text.lower().split()))
    if unit_matches(quantity.unit, wanted) or counts_compound(q.text, quantity.unit):
        return (0, to, vague)
    if q.type == "how_much" and quantity.unit in MONEY | {"percent"}:
        return (1, to, vague)
    if wanted and wanted not in DURATIONS and quantity.unit in DURATIONS:
        # "How many business people came?": a count of things, never a span of time ("Kunjungan
        # empat hari ini … datang dengan 40 pengusaha" was answered "4 days").
        return (3, to, vague)
    return (2, to, vague)


__all__ = [
    "DURATIONS",
    "MONEY",
    "Found",
    "Quantity",
    "Span",
    "answer_spans",
    "calendar_english",
    "entities",
    "find_all",
    "in_question",
    "numbers",
    "people",
    "places",
    "quantity_order",
    "render_quantity",
    "scores",
    "to_english",
]


# --- which of several figures of one kind: the question's modifiers ---------------------------

# Modifiers that tell one figure of a kind from another in the same sentence ("pemungutan suara
# pertama pada November tahun lalu yang tercatat 74,5 persen" against "PSU mencapai 78,1
# persen"): an English or Indonesian form in the question, and the Indonesian forms a figure's
# own words may carry.
_MODIFIERS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(p, re.IGNORECASE), forms)
    for p, forms in (
        (r"\b(?:tahun lalu|last year|a year earlier|previous year|tahun sebelumnya)\b",
         ("tahun lalu", "tahun sebelumnya")),
        (r"\b(?:bulan lalu|last month|previous month|bulan sebelumnya)\b", ("bulan lalu", "bulan sebelumnya")),
        (r"\b(?:pekan lalu|minggu lalu|last week)\b", ("pekan lalu", "minggu lalu")),
        (r"\b(?:pertama|first)\b", ("pertama",)),
        (r"\b(?:terakhir|latest)\b|\bthe last\b(?! (?:year|month|week)\b)", ("terakhir",)),
        (r"\b(?:target\w*|sasaran|aim\w*|goal)\b", ("target", "menargetkan", "sasaran", "menyasar")),
        (r"\b(?:total|in all|altogether)\b", ("total",)),
        (r"\b(?:puncak|peak)\b", ("puncak",)),
        (r"\b(?:per hari|setiap hari|sehari|a day|per day|each day|every day|daily)\b",
         ("per hari", "setiap hari", "sehari")),
    )
)  # fmt: skip


@lru_cache(maxsize=256)
def question_modifiers(question: str, months: bool = True) -> tuple[tuple[str, ...], ...]:
    """The Indonesian forms of each modifier the question uses, and (``months``) the months it
    names: a month tells two figures of one sentence apart, but often dates the event rather
    than the figure ("sebelum KTT awal September")."""
    found = [forms for pattern, forms in _MODIFIERS if pattern.search(question)]
    if not months:
        return tuple(found)
    low = question.lower()
    for month, number in MONTHS.items():
        if re.search(rf"\b{re.escape(month)}\b", low) and len(month) > 3:
            found.append(tuple(m for m, n in MONTHS.items() if n == number and len(m) > 3))
    return tuple(found)


_CLAUSE_END = re.compile(
    r"[,;:()]|\s(?:dan|serta|sedangkan|sementara|dibanding|dibandingkan|and|than|while)\s"
)


def own_words(sentence: str, x: Quantity, others: list[Quantity]) -> str:
    """The words that belong to one figure: back to the figure before it (at most 60
    characters, not past its clause's start), and on to the end of its clause, the next figure
    or 40 characters ("25 basis poin pada bulan lalu")."""
    start = max([o.end for o in others if o.end <= x.start] + [x.start - 60, 0])
    cuts = [m.end() for m in _CLAUSE_END.finditer(sentence, start, x.start)]
    start = max([start, *cuts])  # "…setiap hari, sehingga total … 420": the comma ends 64's words
    after = [o.start for o in others if o.start >= x.end]
    end = min([*after, len(sentence), x.end + 40])
    # A verb ends them only before another figure, whose lead-in its object is ("24 orang
    # memperkirakan BI-Rate tidak berubah" keeps what the 24 expected).
    ends = (_CLAUSE_END, _LINK, _PREDICATE) if after else (_CLAUSE_END, _LINK)
    stops = [m for m in (rx.search(sentence, x.end, end) for rx in ends) if m]
    stop = min(stops, key=lambda m: m.start()) if stops else None
    unit = re.sub(r"[\d.,$]+", " ", x.text)  # "64 perjalanan kereta": its own noun
    words = sentence[start : x.start] + " " + unit + " " + sentence[x.end : stop.start() if stop else end]
    return " ".join(words.lower().split())  # "$1,3 miliar tahun" + "lalu": "tahun lalu"


# An active verb after a figure starts the predicate of the clause the figure described: "gunung
# setinggi 1.423 meter itu menyemburkan kolom abu kelabu setinggi sekitar 1.500 meter" - the
# column is the next figure's, not the mountain's (its height was answered with the mountain's).
# An Indonesian active verb ("memutuskan", "menyemburkan"): it ends a noun phrase.
_ACTIVE_VERB = r"\s(?:mem|men|meng|meny)[a-z]{3,}\b"
_PREDICATE = re.compile(_ACTIVE_VERB, re.IGNORECASE)

# Words that start what follows a figure rather than describe it: "11 nota kesepahaman dengan
# total nilai komitmen sekitar $340 juta" - "total" is the next figure's.
_LINK = re.compile(r"\s(?:dengan|yang|sehingga|untuk|with|which|that|so)\s", re.IGNORECASE)


def modifier_marked(
    question: str, sentence: str, x: Quantity, others: list[Quantity], months: bool = True
) -> int:
    """How many of the question's modifiers (first/last, target, total, last year, a month) a
    figure's own words carry: among figures of one kind, the one the question describes."""
    words = own_words(sentence, x, others)
    return sum(bool(p.search(words)) for p in _modifier_patterns(question, months))


@lru_cache(maxsize=256)
def _modifier_patterns(question: str, months: bool) -> tuple[re.Pattern[str], ...]:
    """One pattern per modifier of the question, any of its forms as a word (compiled once a
    question: asked of every figure of every candidate sentence)."""
    return tuple(
        re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b")
        for forms in question_modifiers(question, months)
        if forms  # (a modifier with no forms marks no figure)
    )


# The other side of a contest: "Rivalnya, pasangan nomor urut 1 …, memperoleh 38.039 suara".
_RIVAL_LEAD = re.compile(
    r"^\W*(?:sementara(?: itu)?,? )?(?:rival|lawan|pesaing|penantang)(?:nya)?\b", re.IGNORECASE
)
_ASKS_WINNER = re.compile(
    r"\b(?:winning|winner|won|win|victorious|menang|pemenang|memenangi|memenangkan|terpilih|elected)\b",
    re.IGNORECASE,
)
_ASKS_LOSER = re.compile(
    r"\b(?:losing|loser|lost|rival|runner-up|kalah|yang kalah|rival\w*|lawan\w*|pesaing\w*)\b", re.IGNORECASE
)


@lru_cache(maxsize=1 << 16)  # asked of every candidate sentence of every question
def _rival_lead(sentence: str) -> bool:
    return bool(_RIVAL_LEAD.search(sentence))


def rival_side(question: str, sentence: str) -> int:
    """+1 when a sentence speaks of the rival side ("Rivalnya, …") and the question asks about
    the loser, -1 when it asks about the winner, 0 otherwise."""
    if not _rival_lead(sentence):
        return 0
    if _ASKS_LOSER.search(question):
        return 1
    return -1 if _ASKS_WINNER.search(question) else 0


def own_concepts(
    sentence: str, x: Quantity, others: list[Quantity], concept_forms: list[tuple[str, ...]]
) -> int:
    """How many of the question's things (each a tuple of its forms) a figure's own words
    name: "suku bunga Lending Facility di 5,50 persen" is the lending rate, not "Deposit
    Facility … 4,00 persen" earlier in the sentence."""

    def names(words: str) -> set[int]:
        return {
            i
            for i, forms in enumerate(concept_forms)
            if any(len(f) > 2 and re.search(rf"\b{re.escape(f.lower())}\b", words) for f in forms)
        }

    mine = names(own_words(sentence, x, others))
    # Only what tells it apart: a thing every figure's words name picks none of them.
    shared = set.intersection(*(names(own_words(sentence, o, others)) for o in others)) if others else set()
    return len(mine - shared)


def stated_figure(question: str, x: Quantity) -> bool:
    """Is the figure one the question itself states ("How many other children can one child
    infect?": "Satu anak … menularkan ke 12 hingga 18 anak" - not the "one")? Its value with
    the same noun, or a bare value."""
    return any(
        y.value == x.value and (y.unit is None or x.unit is None or unit_matches(x.unit, y.unit))
        for y in _question_figures(question)
    )


@lru_cache(maxsize=256)
def _question_figures(question: str) -> tuple[Quantity, ...]:
    # An English question writes thousands with a comma ("the 1,350 evacuees"), which the
    # Indonesian reading takes for a decimal (1.35): both readings are the question's figure.
    english = _THOUSANDS_COMMA.sub("", question)
    return tuple(numbers(question)) + (tuple(numbers(english)) if english != question else ())


_THOUSANDS_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


# --- "what <measure>": a figure asked without "how much" -------------------------------------

# "What immunisation coverage is the ministry aiming for?", "What trade target have they agreed
# on?", "What is BI's target range for inflation?": the head noun is a measure, so a figure
# answers (these got no short answer: "what" asks for nothing typed). Not "what range of
# products", "what level of alert": a noun after "of" is what is measured out, not a figure.
_ASKS_FIGURE = re.compile(
    r"^what (?:(?:is|was|are|were|will be) )?(?:the )?(?:[\w-]+['’]s )?(?:[\w-]+ ){0,2}"
    r"(?:coverage|target|targets|rate|range|share|turnout|value|price|level|figure|amount|ceiling|cap|quota)\b"
    r"(?! of\b)",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def asks_figure(question: str) -> bool:
    """Does a what-question's head noun name a measure, so a figure answers it?"""
    return bool(_ASKS_FIGURE.search(question.strip()))


# --- lists: "apa saja", "mana saja", "which districts" --------------------------------------

_LIST_ID = re.compile(r"\b(?:apa|mana|siapa) saja\b", re.IGNORECASE)
# "What are Indonesia's main exports …": a possessive may stand before the plural noun.
_LIST_EN = re.compile(
    r"\b(?:which|what) (?:(?:are|were) )?(?:[a-z-]+(?:['’]s)? ){0,2}([a-z]{3,}s)\b(?!['’])", re.IGNORECASE
)
# Plural-looking English words that are not plural nouns.
_NOT_PLURAL = {
    "was",
    "has",
    "does",
    "is",
    "this",
    "its",
    "his",
    "hers",
    "ours",
    "theirs",
    "news",
    "always",
    "press",
}


@lru_cache(maxsize=256)
def asks_list(question: str) -> bool:
    """Does the question ask for all of several things ("provinsi mana saja", "which
    districts", "what products")? Then a coordination answers, not its nearest member."""
    if _LIST_ID.search(question):
        return True
    m = _LIST_EN.search(question)
    if m is None:
        return False
    # The first plural-looking word of the noun phrase, not one past its verb ("which sectors
    # does …" was read up to "does", not a plural noun).
    for word in re.findall(r"[a-z'-]+", question[m.start() : m.end()].lower())[1:]:
        if word in _NOT_PLURAL:
            return False
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and "'" not in word:
            return True
    return False


_WHOSE = re.compile(r"^\s*whose\s+([a-z-]{3,})\b|\b([a-z-]{3,})\s+siapa\b", re.IGNORECASE)


def owner_after(question: str, sentence: str) -> Span | None:
    """ "Whose defeat …?" / "kekalahan siapa": the name that follows the asked noun in the
    sentence answers, as Indonesian puts the owner after the thing ("kekalahan Jepang"); a
    country or body as well as a person. None when no name follows it."""
    m = _WHOSE.search(question)
    if m is None:
        return None
    forms = head_forms((m.group(1) or m.group(2),))
    if not forms:
        return None
    for h in _forms_pattern(forms).finditer(sentence):
        name = _NAME_RUN.match(sentence, h.end() + 1) if sentence[h.end() : h.end() + 1] == " " else None
        if name is not None:
            return Span(start=name.start(), end=name.end(), text=name.group(), kind="entity")
    return None


def list_noun(question: str) -> str | None:
    """The plural noun an English list question asks for ("What are Indonesia's main exports"
    → "exports"), where its "what are" leaves no head word before a verb."""
    m = _LIST_EN.search(question) if asks_list(question) else None
    return m.group(1).lower() if m else None


_JOIN = re.compile(r"\s*(?:,\s*(?:dan|serta|and)?|dan|serta|and)\s*", re.IGNORECASE)
_MEMBER_SPLIT = re.compile(r"\s*,\s*(?:(?:dan|serta|atau)\s+)?|\s+(?:dan|serta|atau)\s+")


def common_members(text: str) -> bool:
    """Is ``text`` a list with a common-noun member ("sektor perumahan, UMKM, dan pertanian")?
    Then its names are only some of the members: the list answers, not one name in it."""
    members = [m for m in _MEMBER_SPLIT.split(text.strip()) if m]
    return len(members) > 1 and any(m[:1].islower() for m in members[1:])


def coordinated(sentence: str, chosen: Span, spans: list[Span]) -> list[Span]:
    """The spans joined to ``chosen`` by commas and "dan"/"serta"/"and", in order: "Jawa Timur,
    Jawa Barat, Banten, dan Aceh" from any one of them."""
    ordered = sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: s.start)
    if chosen not in ordered:
        return [chosen]
    i = j = ordered.index(chosen)
    while i > 0 and _JOIN.fullmatch(sentence[ordered[i - 1].end : ordered[i].start]):
        i -= 1
    while j + 1 < len(ordered) and _JOIN.fullmatch(sentence[ordered[j].end : ordered[j + 1].start]):
        j += 1
    members = ordered[i : j + 1]
    head = members[0].text.split()[0].lower() if members[0].text.split() else ""
    if head in _KIND_HEADS:
        # "Stasiun Pasar Senen dan Gambir": the kind word is shared, so a name after "dan" is
        # another of them even when it is no span of its own ("gambir" is a common word too).
        m = _NEXT_NAME.match(sentence, members[-1].end)
        if m is not None and not any(x.start < m.end(1) and m.start(1) < x.end for x in ordered):
            members.append(Span(start=m.start(1), end=m.end(1), text=m.group(1), kind=members[-1].kind))
    return members


# Bodies whose names carry their kind ("Bank Permata Nusantara", "Kementerian Luar Negeri
# Tiongkok"): "Bank apa …?" is answered by the name the word opens in the sentence.
NAMED_BODIES = frozenset({
    "bank", "kementerian", "universitas", "badan", "partai", "komisi", "majelis", "pengadilan",
    "institut", "dewan",
})  # fmt: skip

# Kind words a name opens with and a list of such names shares ("Stasiun A dan B").
_KIND_HEADS = frozenset({
    "stasiun", "bandara", "pelabuhan", "terminal", "stadion", "kecamatan", "desa", "kabupaten",
    "kota", "provinsi", "kelurahan", "pulau", "gunung", "sungai", "masjid", "universitas",
})  # fmt: skip
_NEXT_NAME = re.compile(
    r"\s*(?:,\s*(?:dan\s+|serta\s+)?|\s+dan\s+|\s+serta\s+)([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)


# Words that make a name a team or a body that acts: a who-question may be answered by it.
_ACTOR_WORDS = {
    "fc", "united", "city", "sc", "club", "klub", "tim", "timnas", "partai", "party", "kementerian",
    "ministry", "pemerintah", "government", "bank", "komisi", "badan", "dewan", "pengadilan",
    "mahkamah", "perusahaan", "pt",
}  # fmt: skip


def actor_like(text: str) -> bool:
    """A club, an organisation or a country: "Persib Bandung", "Borneo FC", "Amerika Serikat";
    not a thing ("Perjanjian Perdagangan Preferensial") a verb also takes."""
    words = text.split()
    if not words:
        return False
    if _org_shaped(words[0]) or any(w.lower() in _ACTOR_WORDS for w in words):
        return True
    return PLACES.get(text.lower()) in _COUNTRIES


# Countries (canonical), as the capitals table names them: "Amerika Serikat" acts, "Bandung" not.
_COUNTRIES = frozenset(PLACES.get(a, a) for names in CAPITAL_OF.values() for a in names)


# --- the noun phrase a which-question's head noun names ---------------------------------------

_PHRASE_STOP = (
    r"[.;:()“”\"]|\s(?:yang|di|pada|sejak|dengan|ke|dari|oleh|bahwa|karena|saat|ketika|sebagai|"
    r"menjadi|tetapi|namun|sementara|sedangkan|juga|akan|telah|sudah|adalah|merupakan|kepada|bagi|"
    r"atas|terhadap|hingga|sampai|tentang|mengenai|lewat|melalui|tanpa|agar|supaya|jika|bila)\b"
    # A verb ends the noun phrase: "Perusahaan e-commerce Belanjaku memutuskan …".
    r"|" + _ACTIVE_VERB
)
_PHRASE_END = re.compile(_PHRASE_STOP + r"|,|\s(?:untuk|dalam|dan|serta)\b", re.IGNORECASE)
_LIST_END = re.compile(_PHRASE_STOP, re.IGNORECASE)
# Words that open an enumeration of what a noun covers: "produk Indonesia, antara lain …".
_ENUMERATION = re.compile(
    # "Ekspor utama … adalah minyak sawit, …", "impor didominasi besi baja, …": a copula or
    # "dominated by" opens the list of what the noun is, too (members need a "," or "dan").
    r",?\s*(?:antara lain|termasuk|yaitu|yakni|seperti|meliputi|mencakup|berupa|adalah|"
    r"didominasi(?:\s+oleh)?)\s+",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def head_forms(heads: tuple[str, ...]) -> frozenset[str]:
    """Indonesian forms of a question's head nouns: the word itself ("platform", "produk"), its
    singular, its dictionary forms, and the loanword shape of "-ion"/"-ty" ("divisions" →
    "divisi", "university" → "universitas")."""
    out: set[str] = set()
    for h in heads:
        h = h.lower()
        if h in STOP_EN or h in STOP_ID or len(h) < 4:
            continue
        for w in {h, h.removesuffix("s"), h.removesuffix("es")}:
            out.add(w)
            out.update(EN_TO_ID.get(w, ()))
            out.update(HEAD_KINDS_ID.get(w, ()))
            if w.endswith("ion"):
                out.add(w[:-3] + "i")
            if w.endswith("ty"):
                out.add(w[:-2] + "tas")
            # "sector" → "sektor", "product" → "produk", "district" → "distrik".
            k = re.sub(r"c(?![eiy])", "k", re.sub(r"ct$", "k", w))
            if k != w:
                out.add(k)
    return frozenset(out)


_NAMED_AFTER = re.compile(r"\s(?:di|in|at)\s+[A-Z]")
# Irregular past forms an English "which …" group runs into ("which divisions lost …").
PAST_VERBS = {
    "lost", "won", "made", "took", "gave", "got", "saw", "said", "met", "held", "led", "left", "sent",
    "paid", "put", "ran", "set", "told", "wrote", "became", "began", "came", "went", "knew", "thought",
    "brought", "bought", "built", "found", "kept", "sold", "spent", "stood", "hit", "cut", "beat",
}  # fmt: skip


@lru_cache(maxsize=256)
def _forms_pattern(forms: frozenset[str]) -> re.Pattern[str]:
    return re.compile(
        r"\b(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")\b", re.I
    )


def head_phrase(sentence: str, forms: frozenset[str], listing: bool) -> Span | None:
    """The phrase a head noun opens in the sentence ("divisi pemasaran, layanan pelanggan, dan
    tim produk …", "Bandara Wunopito"), or, for a list, the enumeration after it ("produk
    Indonesia, antara lain minyak sawit olahan, kertas, …"). None without a word after it."""
    if not forms:
        return None
    pattern = _forms_pattern(forms)
    if listing:
        # A span of kinds: "sektor mulai dari perdagangan hingga kecerdasan buatan".
        for span in _FROM_TO.finditer(sentence):
            if pattern.search(sentence, max(0, span.start() - 40), span.start()):
                return Span(start=span.start(), end=span.end(), text=span.group().strip(), kind="entity")
        # An enumeration of the asked things: the noun just before its opening word ("produk
        # Indonesia, antara lain …") or among its members ("termasuk buah apel, …, dan produk
        # kimia").
        for enum in _ENUMERATION.finditer(sentence):
            tail = _LIST_END.search(sentence, enum.end())
            if (
                tail
                and tail.group().strip().lower() in ("hingga", "sampai")
                and "," in sentence[enum.end() : tail.start()]
            ):
                # "radang paru, diare berat, hingga radang otak": "hingga" joins the last member.
                tail = _LIST_END.search(sentence, tail.end())
            end = tail.start() if tail else len(sentence)
            members = sentence[enum.end() : end]
            if (
                pattern.search(sentence, max(0, enum.start() - 40), enum.start()) or pattern.search(members)
            ) and ("," in members or re.search(r"\b(?:dan|serta)\b", members)):
                return Span(start=enum.end(), end=end, text=members.strip(), kind="entity")
    fallback: Span | None = None
    for m in pattern.finditer(sentence):
        stop = (_LIST_END if listing else _PHRASE_END).search(sentence, m.end())
        end = stop.start() if stop else len(sentence)
        if stop and _NAMED_AFTER.match(sentence, stop.start()):
            # "Kantor perwakilan di Surabaya dan Makassar": the names say which ones.
            again = _LIST_END.search(sentence, stop.end())
            end = again.start() if again else len(sentence)
        words = sentence[m.end() : end].split()
        # A capitalized head word is part of the name ("Partai Buruh Korea").
        name = _NAME_RUN.match(sentence, m.start()) if sentence[m.start()].isupper() else None
        if name is None or name.end() <= m.end():  # "Sumber: Sputnik-OANA": the head alone
            name = _NAME_RUN.search(sentence, m.end(), end)
        if name and not listing and is_place_name(name.group()):
            # "media pemerintah Korea Utara": whose it is, not which one; the phrase itself
            # answers if no other mention of the head names one ("kantor berita pusat Korea").
            if fallback is None and len(words) >= 2 and sentence[m.start()].islower() and len(words) <= 12:
                fallback = Span(
                    start=m.start(), end=end, text=sentence[m.start() : end].strip(" ,"), kind="entity"
                )
            continue
        if name and not listing:
            # "Perusahaan e-commerce Belanjaku": the noun introduces the name that answers.
            return Span(start=name.start(), end=name.end(), text=name.group(), kind="entity")
        if 1 <= len(words) <= 12:
            return Span(start=m.start(), end=end, text=sentence[m.start() : end].strip(" ,"), kind="entity")
    return fallback


def is_place_name(text: str) -> bool:
    """A country or place by the gazetteer ("Korea Utara"), or a word of one ("Korea")."""
    low = text.lower()
    return low in PLACES or (bool(low.split()) and all(w in PLACE_WORDS for w in low.split()))


_FROM_TO = re.compile(
    r"\bmulai dari\s+[^.;,]+?\s+(?:hingga|sampai)\s+[^.;,]+?(?=[.;,]|\s(?:yang|di|pada)\b|$)", re.I
)
_NAME_RUN = re.compile(r"(?<![\w-])[A-Z][\w-]*(?:\s+(?:(?:dan|and)\s+)?[A-Z][\w-]*)*")
