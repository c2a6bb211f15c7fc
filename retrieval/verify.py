"""Answer verification: does the evidence support what the question asks, not only share its names?

A near miss ("Which hotel did Kim Jong Un stay at in Beijing?", "siapa istri Kim Jong Un")
names what the articles name, so its evidence scores as well as a real answer's; what gives
it away is the thing it asks for, a word the articles never use. An instruction or keyword
query ("how to make cold brew coffee", "cara daftar BPJS Kesehatan online") is answered only
by a passage stating all its words: one shared word is no topic. A name whose own words the
articles never use ("Mount Everest": only "mount" is theirs) is not theirs.

Everything here reads the question's words and the words stored per sentence and passage at
index time: no model call, nothing per candidate.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Protocol

from .lexicon import CAPITAL_OF, EN_TO_ID, MONTHS, STOP_EN, STOP_ID, TITLES, stem
from .question import MEASURES, asks_score, canonical_unit
from .spans import DURATIONS, MONEY, scores

_WORD = re.compile(r"\w+(?:-\w+)*", re.UNICODE)


class _Time(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def first(self) -> dt.date | None: ...
    @property
    def last(self) -> dt.date | None: ...
    @property
    def granularity(self) -> str: ...
    @property
    def relative(self) -> bool: ...


class _Quantity(Protocol):
    @property
    def end(self) -> int: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def ordinal(self) -> bool: ...


class _Span(Protocol):
    @property
    def text(self) -> str: ...


class _Concept(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def forms(self) -> tuple[str, ...]: ...
    @property
    def name(self) -> bool: ...


# Words that say which kind of answer is wanted, not what it is about: "What date …",
# "Berapa lama …", "siapa namanya", "kota mana". They are the answer type, never a topic.
GENERIC = frozenset({
    "name", "names", "date", "dates", "day", "days", "time", "year", "years", "month", "months", "week",
    "kind", "type", "sort", "number", "amount", "percentage", "percent", "much", "many", "long",
    "people", "person", "city", "country", "countries", "place", "places", "one", "ones", "thing",
    "things", "way", "ways", "happen", "happens", "happened", "occur", "occurs", "occurred", "else",
    "anything", "something", "anyone", "someone", "anybody", "somebody", "sesuatu", "other", "part", "role", "reason",
    "nama", "namanya", "jumlah", "jumlahnya", "banyak", "lama", "nilai", "nilainya", "hari",
    "tanggal", "tahun", "bulan", "jam", "pekan", "minggu", "kali", "persen", "orang", "kota",
    "negara", "tempat", "daerah", "wilayah", "saja", "cara", "hal", "macam", "jenis", "bentuk",
    "pihak", "lagi", "lain", "sebenarnya", "sih", "kah", "ini", "itu", "isi", "km", "kilometer",
    "keberapa", "berapa", "keberapakah", "berapakah",  # question words the analysis leaves
    "meter", "ton", "kg", "rupiah", "dolar", "jiwa", "unit", "buah", "ekor",
    # an article names its writer in the byline, without the word: "Willy Haryono • 29 Sep"
    "penulis", "wartawan", "reporter", "jurnalis", "author", "writer", "byline", "journalist",
})  # fmt: skip

# The noun a question asks for. English: "which hotel", "what gift", "what's the weather",
# "Who is Kim Jong Un's wife?"; Indonesian: "hotel mana", "senjata apa", "apa hadiah",
# "siapa istri", "berapa umur". "how old" / "berapa usia" ask for an age. The words after
# "which/what/siapa/berapa" up to a function word are the asked thing's noun group ("what
# extra compensation", "siapa juru bicara"); a verb before "apa" ("bilang apa") is not one.
_FOCUS_EN = (
    re.compile(
        r"\b(?:which|what)(?:'s|’s| is| are| was| were)?(?: the| a| an)?(?: kind of| type of)? ((?:[a-z][\w-]* ?){1,3})"
    ),
    re.compile(r"\b(?:who|what) (?:is|was|are|were) [^?]*?['’]s ([a-z][\w-]*)\W*$"),
)
_FOCUS_ID = (
    # Not "dari … mana": a source ("dari akun mana", "dari media mana") is given as a handle
    # or a credit line, seldom with its kind's word beside it.
    re.compile(r"(?:^|\b(?:di|ke|dengan|pada|dalam) )([a-z][\w-]*) (?:apa|mana)(?:kah)?(?: saja)?\b"),
    re.compile(r"\b(?:apa|siapa)(?:kah)?(?: saja)? ((?:[a-z][\w-]* ?){1,2})"),
    re.compile(r"\bberapa(?: banyak| jumlah)? ((?:[a-z][\w-]* ?){1,2})"),
)
_AGE = re.compile(r"\bhow old\b|\bberapa (?:umur|usia)\b|\bumur(?:nya)? berapa\b", re.I)
_AGE_FORMS = ("umur", "usia", "berusia", "age", "aged")
_AUX = frozenset({
    "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
    "could", "should", "yang", "apa", "siapa", "mana", "di", "ke", "dari", "kah", "soal", "tentang",
    "untuk", "dengan", "bilang", "kata", "akan", "sudah", "telah",
    # conjunctions after "apa": "syaratnya apa biar …" asks the condition, not a "biar"
    "biar", "agar", "supaya", "kalau", "jika", "bila", "sehingga",
})  # fmt: skip


# Indonesian heads that take the next word as part of the noun ("juru bicara", "wakil ketua").
_BOUND = frozenset({"juru", "wakil", "kepala", "ketua", "anggota", "tim", "kantor", "badan"})


def focus(text: str, language: str) -> tuple[tuple[str, ...], ...]:
    """The noun groups naming what the question asks for (("hotel",), ("juru", "bicara")):
    words up to the first function word; none when the first is generic ("what date")."""
    low = text.lower()
    if _AGE.search(low):
        return (("age",),)
    out: list[tuple[str, ...]] = []
    for pattern in _FOCUS_EN if language == "en" else _FOCUS_ID:
        for m in pattern.finditer(low):
            group: list[str] = []
            for w in m.group(1).split():
                if w in _AUX or w in STOP_EN or w in STOP_ID or w.isdigit():
                    break
                group.append(w)
            if language == "id" and group and group[0] not in _BOUND:
                group = group[:1]  # Indonesian heads come first: "biaya parade" is a cost
            if group and group[0] not in GENERIC:
                out.append(tuple(group))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _co_translations() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for values in EN_TO_ID.values():
        for v in values:
            out.setdefault(v, set()).update(x for x in values if x != v)
    return {k: frozenset(v) for k, v in out.items()}


def co_translations(word: str) -> frozenset[str]:
    """Indonesian words and phrases that translate the same English word as ``word``
    ("pengacara" → "kuasa hukum": both are "lawyer"), phrases included."""
    return _co_translations().get(word, frozenset())


def _present(forms: Iterable[str], words: frozenset[str] | set[str]) -> bool:
    return any(all(p in words for p in f.split()) if " " in f else f in words for f in forms)


def _stated(forms: Iterable[str], words: frozenset[str] | set[str]) -> bool:
    """Are any of a concept's ``forms`` in ``words``, as written or in the other language?"""
    forms = tuple(forms)
    return _present(forms, words) or any(_present(co_translations(f), words) for f in forms)


# Asked-for nouns a news sentence states without the word itself. A source ("which
# newspaper …", "media apa") is credited by its own name ("seperti dikutip The Straits
# Times"); a condition by a conditional clause ("siap … bila Washington …").
_MEDIA_KINDS = frozenset({
    "newspaper", "newspapers", "paper", "outlet", "outlets", "media", "publication", "daily", "koran",
    "surat", "harian", "majalah", "magazine",
})  # fmt: skip
# A spokesperson is whoever the report quotes for the body ("kata Vice President Public
# Relations KAI, Dwi Anggraeni"), seldom with the title itself.
_SPEAKERS = frozenset({"juru", "jubir", "spokesperson", "spokesman", "spokeswoman", "spokespeople"})
_CONDITION = frozenset({"syarat", "persyaratan", "condition", "conditions", "terms", "prasyarat"})
_CONDITIONAL = frozenset({"bila", "jika", "apabila", "asalkan", "asal", "kalau", "if", "unless", "provided"})


def _stated_otherwise(group: tuple[str, ...], evidence: frozenset[str]) -> bool:
    """Is the asked-for noun ``group`` of a kind the evidence states in other words (above)?"""
    head = group[0].removesuffix("nya")  # "syaratnya": its condition
    if head in _MEDIA_KINDS:
        return True
    if head in _CONDITION:
        return bool(evidence & _CONDITIONAL)
    if head in _SPEAKERS:
        return bool(evidence & SPEECH)
    return False


# An English participle or past verb ends the asked noun group: "which hospital treated …",
# "which airline flew …" (the Indonesian forms can't tell: "merek" looks like a "me-" verb).
_EN_VERB = re.compile(r"^[a-z]{3,}ed$")
_EN_PAST = frozenset({
    "flew", "went", "met", "made", "gave", "took", "saw", "won", "led", "ran", "said", "told",
    "came", "left", "got", "paid", "bought", "sold", "built", "held", "kept", "brought", "sent",
    "spent", "began", "became", "fell", "rose", "hit", "set", "put", "beat", "lost", "chose",
    "wrote", "spoke", "drove", "fought", "shot", "struck", "stood", "sat", "ate", "caught",
})  # fmt: skip


# Kinds of body any organisation is ("firm", "company", "office"): named by their trade.
_BODY_KINDS = frozenset({"firm", "firms", "company", "companies", "office", "offices", "house", "group"})


# "securities firm": the trade (the first word, matched again in the question after it).
_TRADE = re.compile(r"^(\S+) .*\b\1 (?:" + "|".join(sorted(_BODY_KINDS)) + r")\b")


def heads(text: str, language: str, concepts_: Sequence[_Concept]) -> list[list[int]]:
    """The concepts naming the head of each asked noun group: the attribute the answer must be
    a value or instance of ("brand" of "which vaccine brand", "rumah sakit", "juru bicara").
    English heads come last ("vaccine brand"), before a verb or a name ("which airline flew
    Choe …"); names before it only qualify it ("which Chinese officials"). Indonesian heads
    come first (``focus`` keeps a bound pair whole)."""
    by_word: dict[str, int] = {}
    for i, c in enumerate(concepts_):
        for w in _WORD.findall(c.text.lower()):
            by_word.setdefault(w, i)
    out: list[list[int]] = []
    low = text.lower()
    groups = list(focus(text, language))
    if language == "en":
        # "How many cows …", "how much subsidy …": the counted or valued noun heads it too.
        groups += [tuple(m.group(1).split()) for m in _COUNTED_EN.finditer(low)]
        groups += [(m.group(1),) for m in _WHOSE_EN.finditer(low)]  # "Who was Persija's goalkeeper …"
    for group in groups:
        if group == ("age",):
            continue
        idx: list[int] = []
        for w in group:
            k = by_word.get(w)
            if k is not None and concepts_[k].name:
                if idx:
                    break
                continue
            if language == "en" and (_EN_VERB.match(w) or w in _EN_PAST):
                break
            if k is None:
                break
            idx.append(k)
        if not idx:
            continue
        if language == "en":
            # "which securities firm", "which law office": a firm or office is any body the
            # articles name; the trade before it is what the answer must be of.
            idx = idx[-2:-1] if len(idx) > 1 and concepts_[idx[-1]].text.lower() in _BODY_KINDS else idx[-1:]
        out.append(list(dict.fromkeys(idx)))
    return out


_COUNTED_EN = re.compile(
    # "how many head of cattle" counts the cattle
    r"\bhow (?:many|much) (?:head of )?(?!(?:money|of|do|does|did|is|was|are|were|will|has|have|had|can|could|would)\b)"
    r"((?:[a-z][\w-]* ?){1,3})"
)
_WHOSE_EN = re.compile(r"\bwho (?:is|was|are|were) [^?]*?['’]s ([a-z][\w-]*)")
# "Who refereed …", "siapa yang memimpin …": the act whose doer a who-question asks.
_WHO_ACT = re.compile(r"^\s*who (?!is|was|are|were|will|would|did|does|do|has|have|had)([a-z][\w-]*)")


def unread_act(
    text: str, language: str, concepts_: Sequence[_Concept], weights: dict[int, float]
) -> list[str]:
    """The act a who-question asks the doer of when it is a role ("Who refereed …?": "wasit")
    the articles never use in any form: no one they name holds it, as far as they say. An act
    said with a verb ("scored": "mencetak", "received": "menerima") may be stated in other
    words ("gol … Rafael Siregar", "Putin … mengirim Kim pesan"; seeds and corpus: three
    answerable who-questions refused when any act counted, two of them Indonesian verbs)."""
    m = _WHO_ACT.search(text.lower()) if language == "en" else None
    if not m:
        return []
    return [
        c.text
        for i, c in enumerate(concepts_)
        if not c.name
        and c.text.lower() == m.group(1)
        and not weights.get(i)
        and len(c.forms) > 1
        and _thing(f for f in c.forms if f != c.text.lower())
    ]


def _phrase_stated(phrase: str, evidence: frozenset[str]) -> bool:
    """Is an asked phrase ("government office", "juru bicara") stated in its other language's
    words ("dinas", "humas")?"""
    return _present(EN_TO_ID.get(phrase, ()), evidence) or _present(co_translations(phrase), evidence)


def _head_stated(
    group: list[int], concepts_: Sequence[_Concept], evidence: frozenset[str], text: str | None = None
) -> bool:
    """Is the asked head stated in the evidence: its words, their translations, or a word that
    translates the same English one ("humas" for "juru bicara", both "spokesperson")? With
    the evidence's ``text``, a phrase ("rumah sakit") only as written there: its words apart
    ("rumah warga", "penyakit": "sakit") are no hospital."""
    if text is not None:
        evidence = evidence - {w for i in group for f in _phrases(concepts_[i], text) for w in f.split()}
    texts = [concepts_[i].text.lower() for i in group]
    phrase = " ".join(texts)
    if _phrase_stated(phrase, evidence):
        return True
    if any(loan(t) in evidence for t in texts):
        return True  # "securities" stated as "Sekuritas" (the lexicon lacks it)
    if all(_stated(concepts_[i].forms, evidence) for i in group):
        return True
    return any(_present(EN_TO_ID.get(t, ()), evidence) for t in texts) and len(group) == 1


_LOAN_ENDS = (("ities", "itas"), ("ity", "itas"), ("tions", "si"), ("tion", "si"))


def loan(word: str) -> str:
    """The Indonesian spelling of an English Latinate noun ("securities" → "sekuritas",
    "university" → "universitas", "organization" → "organisasi"); "" when it has none."""
    for end, to in _LOAN_ENDS:
        if word.endswith(end) and len(word) > len(end) + 2:
            return word[: -len(end)].replace("c", "k").replace("z", "s") + to
    return ""


def _phrases(c: _Concept, text: str) -> list[str]:
    """A concept's phrase forms not written as phrases in ``text``."""
    return [f for f in (*c.forms, *co_translations(c.text.lower())) if " " in f and f not in text]


def unattested(
    text: str,
    language: str,
    concepts_: Sequence[_Concept],
    weights: dict[int, float],
    evidence: Sequence[frozenset[str]],
    texts: Sequence[str | None] = (),
) -> list[str]:
    """The asked attribute ("Which vaccine brand …", "rumah sakit mana …", "how many doses")
    when none of the ``evidence`` word sets (the passages read) states it, in any form we can
    bridge: the answer must be an instance or value of it, and a sentence on the rest of the
    question is no answer. Words we can't read (English with no Indonesian forms) say nothing.
    A phrase ("rumah sakit") is stated only where one passage has all its words."""
    out: list[str] = []
    lead = next((t for t in texts if t), None)
    low = text.lower()
    for group in heads(text, language, concepts_):
        if any(concepts_[i].text.lower() in GENERIC for i in group):
            continue
        if not all(weights.get(i) or language == "id" or len(concepts_[i].forms) > 1 for i in group):
            continue
        kinds = tuple(concepts_[i].text.lower() for i in group)
        # A trade ("securities" of "which securities firm") is the answer's own: stated in the
        # text of the lead's passage, not anywhere in its article or the passages around it
        # (another firm of that trade named a few lines off).
        if lead and evidence and any(_TRADE.search(f"{k} {low}") for k in kinds):
            evidence, texts = (evidence[0] | frozenset(_WORD.findall(lead)),), (lead,)
        if any(
            _head_stated(group, concepts_, ws, texts[k] if k < len(texts) else None)
            or _stated_otherwise(kinds, ws)
            for k, ws in enumerate(evidence)
        ):
            continue
        out.extend(concepts_[i].text for i in group if concepts_[i].text not in out)
    return out


# "How to …", "how do I …", "cara …", "tips …", "resep …": instructions, which a news passage
# gives only if it states every word of them.
_HOWTO = re.compile(
    r"^\s*(?:how (?:to|do|can|should) |how (?:do|can|should) (?:i|you|we) |cara\b|bagaimana cara\b|tips?\b|resep\b)",
    re.IGNORECASE,
)


def unsupported(
    text: str,
    language: str,
    qtype: str,
    concepts_: Sequence[_Concept],
    weights: dict[int, float],
    evidence: frozenset[str],
    expected: str | None = None,
) -> list[str]:
    """What the question asks that the evidence (the lead sentence's and its passage's
    words) does not support; [] when it supports the question.

    - the asked-for thing ("which hotel", "siapa istri", "how old") is a word the articles
      never use, in any form we know (an Indonesian loanword also in its English-bridged
      forms: "CEO" is "Chief Executive Officer");
    - a typed question (``expected``: when, who, how many …) of which every word but the
      names is one the articles never use, one of them a word we can read;
    - an instruction or a keyword query: any of its words the evidence does not state."""
    out: list[str] = []
    for group in focus(text, language):
        if group == ("age",):
            if not _present(_AGE_FORMS, evidence):
                out.append("age" if language == "en" else "umur")
            continue
        owners = [
            i
            for i, c in enumerate(concepts_)
            if not c.name and set(_WORD.findall(c.text.lower())) & set(group)
        ]
        # Asked for with a word the articles never use (nor its bridged forms, "CEO" →
        # "chief executive officer"): every word of the group, or it is a modifier ("extra").
        if not owners or any(weights.get(i) for i in owners):
            continue
        if language == "en" and all(len(concepts_[i].forms) < 2 for i in owners):
            continue  # an English word we can't put in Indonesian may be theirs in other words
        if any(_present(EN_TO_ID.get(w, ()), evidence) for w in group):
            continue
        phrase = " ".join(group)  # "government office" is a "dinas", "juru bicara" a "humas"
        if _phrase_stated(phrase, evidence):
            continue
        if any(_present(co_translations(f), evidence) for i in owners for f in concepts_[i].forms):
            continue  # "pengacara" is stated as "kuasa hukum" (both translate "lawyer")
        if _stated_otherwise(group, evidence):
            continue
        out.extend(concepts_[i].text for i in owners if concepts_[i].text not in out)
    said = [i for i, c in enumerate(concepts_) if not c.name and c.text.lower() not in GENERIC]
    readable = [i for i in said if language == "id" or len(concepts_[i].forms) > 1]
    # "When was Wang Yi born?", "kapan Putin tiba di Beijing?": the names are theirs, but
    # nothing the question says of them is a word the articles use, in any form we know.
    if (
        expected
        and readable
        and not any(weights.get(i) for i in said)
        and not any(_present(co_translations(f), evidence) for i in said for f in concepts_[i].forms)
    ):
        out.extend(concepts_[i].text for i in said if concepts_[i].text not in out)
    if qtype == "other" or _HOWTO.search(text):
        for c in concepts_:
            if c.name or c.text.lower() in GENERIC or c.text.lower() in ("how", "cara", "tips", "tip"):
                continue
            if not _present(c.forms, evidence) and c.text not in out:
                out.append(c.text)
    return out


# Words for a kind of place that stand before its own name ("Mount Everest", "Danau Toba").
FEATURES = frozenset({
    "mount", "mt", "gunung", "river", "sungai", "lake", "danau", "island", "pulau", "bay", "teluk",
    "strait", "selat", "cape", "tanjung", "beach", "pantai", "hotel", "bridge", "jembatan",
})  # fmt: skip


def unknown_core(name: str, known: Callable[[str], bool]) -> bool:
    """Is a place named by a feature word and its own name one the articles never use?
    "Mount Everest" matches "gunung" through "mount"; its own word, "everest", is nowhere."""
    toks = [t for t in _WORD.findall(name.lower()) if t not in STOP_EN and t not in STOP_ID]
    if len(toks) < 2 or not any(t in FEATURES for t in toks):
        return False
    own = [t for t in toks if t not in FEATURES and not t.isdigit()]
    return bool(own) and not any(known(t) for t in own)


# --- the question's own predicate, and what a number counts ---------------------------------

# Verbs that only link a subject to where or what it is ("berada di China", "mengoleksi 19
# poin", "have", "get"): a sentence giving the figure need not repeat them.
LIGHT = frozenset({
    "berada", "ada", "adalah", "punya", "memiliki", "mempunyai", "mengoleksi", "meraih", "mendapat",
    "mendapatkan", "menjadi", "jadi", "terjadi", "dilakukan", "melakukan", "be", "been", "being", "get",
    "got", "gets", "have", "has", "had", "having", "do", "does", "did", "make", "made", "become",
    "became", "there",
    # the particles of English phrasal verbs ("moved away", "bring along", "set up")
    "away", "along", "off", "out", "up", "back", "over",
})  # fmt: skip

# Words that place the asked figure or date in time ("now", "next", "today", "sekarang",
# "musim depan" keeps "musim"), not what it is about.
_WHEN_WORDS = frozenset({
    "now", "next", "today", "currently", "current", "latest", "still", "yet", "again", "ever",
    "sekarang", "kini", "saat", "depan", "mendatang", "berikutnya", "terakhir", "terbaru", "lagi",
    "masih", "akan", "will", "going",
})  # fmt: skip


def unstated(
    text: str,
    language: str,
    unit: str | None,
    concepts_: Sequence[_Concept],
    weights: dict[int, float],
    absent: Iterable[int],
    evidence: frozenset[str] | set[str],
) -> list[str]:
    """What a when- or how-many question says beyond its names, its answer type and its time
    frame ("died", "tewas", "travel", "gaji", "dibangun") when none of it is stated in the
    evidence (the lead sentence and its passage); [] when some of it is, or there is none.

    A date or a figure is read out of the evidence sentence: when nothing the question says
    happened is stated there or around it, the date or figure is of something else ("How
    many soldiers died in Kursk?" answered by "ribuan tentara untuk bertarung di Kursk";
    "When will Wang Yi travel to Pyongyang?" by the date of Pyongyang's parade). Words the
    articles never use count when we can read them (``absent``), since a sentence about the
    asked event would use them."""
    gone = set(absent)
    asked = canonical_unit(unit) if unit else ""
    said = []
    for i, c in enumerate(concepts_):
        t = c.text.lower()
        if c.name or t in GENERIC or t in LIGHT or t in _WHEN_WORDS or canonical_unit(t) == asked:
            continue
        if asked == "score" and t in SCORE_WORDS:
            continue  # "final score": the answer type, not the topic
        if not weights.get(i) and i not in gone:
            continue  # a word we can't read says nothing either way
        if t.isdigit():
            continue
        said.append(c)
    if not said:
        return []
    for c in said:
        if _stated(c.forms, evidence):
            return []
        if language == "en" and any(
            _present(EN_TO_ID.get(w, ()), evidence) for w in _WORD.findall(c.text.lower())
        ):
            return []
    return [c.text for c in said]


# Nouns for people, in both languages: "how many evacuees" is answered by "1.350 jiwa", "berapa
# pasukan" by a count of people; "how many tanks" or "berapa rumah" is not.
PEOPLE = frozenset({
    "orang", "warga", "penduduk", "pengungsi", "korban", "penumpang", "penonton", "tentara", "pasukan",
    "prajurit", "personel", "karyawan", "pegawai", "pekerja", "buruh", "anak", "balita", "siswa",
    "pelajar", "murid", "mahasiswa", "guru", "pasien", "pemilih", "suporter", "peserta", "wisatawan",
    "turis", "pemudik", "relawan", "petugas", "polisi", "pemimpin", "pejabat", "tokoh", "delegasi",
    "ekonom", "petani", "nelayan", "jiwa", "pengunjung", "tamu", "anggota", "tersangka", "terdakwa",
    "people", "persons", "person", "residents", "villagers", "citizens", "soldiers", "troops",
    "victims", "passengers", "spectators", "fans", "supporters", "employees", "staff", "workers",
    "children", "kids", "students", "pupils", "teachers", "patients", "voters", "participants",
    "tourists", "travellers", "travelers", "volunteers", "officers", "officials", "personnel",
    "leaders", "evacuees", "refugees", "visitors", "guests", "members", "delegates", "suspects",
    "economists", "farmers", "fishermen", "men", "women", "doctors", "police",
    # people counted as groups or by what they are to someone
    "keluarga", "kk", "families", "households", "awak", "crew", "jemaah", "pilgrims", "penghuni",
    "occupants", "nasabah", "pelanggan", "customers", "konsumen", "consumers", "pembeli", "buyers",
    "penerima", "recipients", "pendaftar", "applicants", "lansia", "elderly", "bayi", "babies",
    "wanita", "perempuan", "pria", "laki-laki", "atlet", "athletes", "pemain", "players", "penyintas",
    "survivors", "tahanan", "narapidana", "prisoners", "inmates", "napi", "peziarah", "pendukung",
    "pengikut", "followers", "demonstran", "protesters", "pengunjuk", "massa", "hakim", "judges",
    "jaksa", "prosecutors", "saksi", "witnesses", "calon", "candidates", "kandidat", "perwakilan",
    "representatives", "pasangan", "couples", "penyewa", "tenants", "pengemudi",
    "drivers", "sopir", "pilot", "pilots", "dokter", "perawat", "nurses", "bidan", "midwives",
})  # fmt: skip


def counts_other(asked: str | None, got: Sequence[str | None]) -> bool:
    """Does every figure the evidence gives count people when the question asks how many of
    a thing ("How many tanks …?" answered by "ribuan orang")? Only a count of people is told
    apart from a count of things: a figure with its own noun ("712 pos tarif", "11 nota") may
    be the asked thing in other words, and a figure without one may count anything."""
    if not asked or not got:
        return False
    wanted = canonical_unit(asked) or ""
    if wanted in DURATIONS or wanted in MEASURES or wanted in MONEY or wanted in ("percent", "times"):
        return False  # measures and money are checked by the answer type itself
    people = wanted == "person" or wanted in PEOPLE or not PEOPLE.isdisjoint(EN_TO_ID.get(wanted, ()))
    counts = [u for u in got if u not in DURATIONS]  # "80 tahun" is an anniversary, a date: no count
    return not people and bool(counts) and all(u == "person" for u in counts)


# Nouns a how-much question asks the price, pay or value of by name ("berapa harga tiket",
# "berapa gaji CEO", "how much does a ticket cost"): the figure is of that, or of something else.
PRICE_WORDS = frozenset({
    "harga", "biaya", "gaji", "tarif", "ongkos", "upah", "valuasi", "price", "prices", "cost",
    "costs", "salary", "salaries", "fee", "fees", "fare", "fares", "wage", "wages", "valuation",
    "earn", "earns", "earned",
})  # fmt: skip


# "berapa nilai bantuan …", "how much aid …": the thing whose amount a how-much question asks
# (Indonesian after its measure word, English after "how much"; "money" is the answer's kind).
_VALUED = (
    re.compile(r"\bberapa(?:kah)? (?:nilai|besar|total|besaran|jumlah) ([a-z][\w-]*)"),
    re.compile(
        r"\bhow much (?!(?:money|of|do|does|did|is|was|are|were|will|has|have|had|can|could|would)\b)([a-z][\w-]*)"
    ),
)


def valued(text: str) -> str | None:
    """The noun a how-much question asks the amount of ("bantuan", "aid"), if it names one."""
    for pattern in _VALUED:
        m = pattern.search(text.lower())
        if m and m.group(1) not in GENERIC and m.group(1) not in STOP_ID and m.group(1) not in STOP_EN:
            return m.group(1)
    for pattern in _PRICED_EN:  # "How much is a KAI train ticket from …": its last noun
        m = pattern.search(text.lower())
        last = m.group(1).split()[-1] if m else ""
        if m and last not in GENERIC and last not in _WHEN_WORDS and not _EN_VERB.match(last):
            return last
    return None


# "How much is a ticket …", "how much does a train ticket cost": what is priced.
# Only a price asked in the present: "how much did the scam cost the state" asks a loss.
_PRICED_EN = (
    re.compile(
        r"\bhow much (?:is|are|was|were) (?:a |an |the |one )?((?:[a-z][\w-]* ){0,3}?[a-z][\w-]*)"
        r"(?= (?:from|to|for|in|at|on|per|between)\b|\s*\?|$)"
    ),
    re.compile(r"\bhow much (?:does|do) (?:a |an |the |one )?((?:[a-z][\w-]* ){0,3}?[a-z][\w-]*) cost\b"),
)


def unstated_focus(
    qtype: str,
    unit: str | None,
    concepts_: Sequence[_Concept],
    weights: dict[int, float],
    absent: Iterable[int],
    evidence: frozenset[str] | set[str],
    *,
    prices: bool = True,
) -> list[str]:
    """The thing a how-many or how-much question asks the figure of, when the evidence (the
    lead sentence and its passage) never states it: the counted noun ("berapa korban jiwa",
    "how many tanks") or the price, pay or value asked ("berapa harga tiket", "gaji"). A
    figure read from evidence that doesn't name it is a figure of something else. ``prices``:
    False to check the ``unit`` alone."""
    gone = set(absent)
    out = []
    for i, c in enumerate(concepts_):
        t = c.text.lower()
        if c.name or not (
            (prices and t in PRICE_WORDS)
            or (qtype in ("how_many", "how_much") and unit and t == unit.lower())
        ):
            continue
        if t in GENERIC or (not weights.get(i) and i not in gone):
            continue
        if _stated(c.forms, evidence):
            continue
        out.append(c.text)
    return out


# --- near misses the reader lets through: what a yes/no, say- or pay-question asks unstated ---

# Indonesian verbal prefixes: a form carrying one ("membunuh", "dianggap", "terbuka", "bertemu")
# is a verb or state, which the articles may well state in other words; a bare form
# ("hadiah", "kereta", "putri", "protes") names a thing, which they would name if they told it.
_VERBAL = re.compile(r"^(?:me|di|ber|ter)[a-z]{3,}")


# Modal and auxiliary verbs carry no prefix ("mau", "bisa", "harus", "want"): they are no thing.
_MODALS = frozenset({
    "mau", "ingin", "hendak", "bisa", "dapat", "boleh", "harus", "wajib", "perlu", "akan", "sudah",
    "pernah", "sedang", "masih", "siap", "sempat", "want", "wants", "wanted", "willing", "able",
    "can", "could", "must", "need", "needs", "should", "going", "ready", "allowed",
})  # fmt: skip


def _thing(forms: Iterable[str]) -> bool:
    """Is a concept a thing (a noun), not an action: none of its forms is verbal or modal?"""
    return not any(_VERBAL.match(f) or f in _MODALS for f in forms if " " not in f)


def unasked_thing(qtype: str, concepts_: Sequence[_Concept], absent: Iterable[int]) -> list[str]:
    """The things a yes/no question asks about that the articles never name ("Did Xi give Kim a
    gift?", "Apakah Persija mengajukan protes?", "by train"): whatever the evidence says of
    the rest, it doesn't say whether. Actions the articles never use ("kill", "dianggap",
    "open to") are left to the reading: they are often stated in other words ("tewas",
    "siap melanjutkan kontak")."""
    if qtype != "yesno":
        return []
    return [
        concepts_[i].text
        for i in absent
        if not concepts_[i].name
        and concepts_[i].text.lower() not in GENERIC
        and " " not in concepts_[i].text  # a phrase ("first time", "pertama kali") is no thing
        and _thing(concepts_[i].forms)
    ]


# What opens a clause that dates a yes/no question's event by another ("… resign after the
# layoffs?"): its words say when, not what is asked.
_TIME_CLAUSE = re.compile(
    r"\b(?:after|before|following|since|during|setelah|sesudah|sebelum|usai|seusai|selepas|pasca|sejak|selama)\b",
    re.IGNORECASE,
)


# Words of will and ability are not the action a yes/no question asks about ("Apakah Korut mau
# berunding …?" asks about talks; "mau" is in no article).
_MODALS = frozenset({
    "mau", "ingin", "hendak", "akan", "bisa", "dapat", "boleh", "harus", "perlu", "sempat",
    "want", "wants", "wanted", "will", "would", "can", "could", "may", "might", "must", "should",
    "willing", "able", "going",
})  # fmt: skip


def unheard_action(
    question: str,
    qtype: str,
    concepts_: Sequence[_Concept],
    absent: Iterable[int],
    unread: Iterable[int],
    words: frozenset[str],
    answered: bool,
) -> tuple[str, dict[str, str]] | None:
    """Why a yes/no question is not answered when what it asks ("resign", "mengundurkan diri")
    is a word the articles never use (``absent``) or one we can't put in Indonesian
    (``unread``), the yes/no reading found nothing in the lead that states or denies it
    (``answered`` False), and the lead sentence (``words``) states none of the question's
    other words outside a clause that dates it ("after the layoffs"): the sentence on the
    rest ("Kevin Santoso mengatakan langkah tersebut …") doesn't say whether. A sentence
    stating the rest ("Did Russia praise North Korea for backing its war?": "memuji" unread,
    "mendukung perangnya" stated) is left to the reading (seeds: 3 answerable refused
    without that). Only a word we could read is named (an unread "bridges" may be their
    "jembatan")."""
    if qtype != "yesno" or answered:
        return None
    absent = set(absent)
    gone = absent | set(unread)

    def asked(c: _Concept) -> bool:
        t = c.text.lower()
        return not c.name and t not in GENERIC and t not in LIGHT and t not in _MODALS

    unheard = [i for i in gone if asked(concepts_[i]) and " " not in concepts_[i].text]
    if not unheard:
        return None
    clause = _TIME_CLAUSE.search(question)
    head = question[: clause.start()].lower() if clause else question.lower()
    rest = [c for i, c in enumerate(concepts_) if i not in gone and asked(c) and c.text.lower() in head]
    if any(_stated(c.forms, words) for c in rest):
        return None
    readable = [concepts_[i].text for i in unheard if i in absent]
    if readable:
        return "not_whether", {"what": ", ".join(readable)}
    return "not_found", {}


# "What did X say about Y?": the asking verb.
SAY = frozenset(
    {"say", "said", "says", "tell", "told", "kata", "bilang", "berkata", "mengatakan", "menyatakan"}
)
# What marks a sentence as a report of speech: a verb of saying or a quotation.
SPEECH = frozenset({
    "kata", "katanya", "mengatakan", "berkata", "menyatakan", "pernyataan", "ujar", "ujarnya", "bilang",
    "menyebut", "menyebutkan", "disebut", "menegaskan", "ditegaskan", "menilai", "mengaku", "berbicara",
    "bicara", "menulis", "tulis", "ditulis", "mengungkapkan", "menekankan", "menggambarkan", "menjelaskan",
    "menambahkan", "menuturkan", "tutur", "menyampaikan", "disampaikan", "mengingatkan", "menyerukan",
    "mengklaim", "mendesak", "mengkritik", "menanggapi", "menuduh", "mengumumkan", "diumumkan",
    "menurut", "menurutnya", "said", "says", "say", "told", "stated", "wrote",
})  # fmt: skip
# "say about Ukraine", "kata … tentang Jepang": what was said on a topic.
_ABOUT = re.compile(r"\b(?:about|on|regarding|tentang|soal|mengenai|terkait|atas)\b", re.I)
_QUOTES = re.compile('["\u201c\u201d]')


def unsaid(question: str, qtype: str, concepts_: Sequence[_Concept], sentence: str) -> bool:
    """Does a "what did X say about Y" question lead with a sentence reporting no speech
    ("What did Xi say about Ukraine?" answered by "Rusia juga memuji peran Korea Utara …
    di Ukraina")? What someone said is reported with a verb of saying or a quotation."""
    if qtype != "what" or not any(not c.name and c.text.lower() in SAY for c in concepts_):
        return False
    if not _ABOUT.search(question):
        return False  # "What did she say inflation was?" asks the figure, which is stated plainly
    if _QUOTES.search(sentence):
        return False
    return not {w.lower() for w in _WORD.findall(sentence)} & SPEECH


def _named_whole(c: _Concept, words: frozenset[str] | set[str]) -> bool:
    """Are all a name's own words in ``words``, or another whole form of it ("Korut" for "Korea
    Utara", "chief executive officer" for "CEO")? "Belanjaku's CEO" is not named by
    "Belanjaku" alone, nor "Bupati Banjar" by "bupati"."""
    toks = [t for t in _WORD.findall(c.text.lower()) if len(t) > 1]
    if all(t in words for t in toks):
        return True
    return any(f not in toks and _present((f,), words) for f in c.forms)


def _owner(question: str, name: str, price: str) -> bool:
    """Is ``name`` whose ``price`` the question asks: "gaji Kevin Santoso", "salary of the CEO",
    "Belanjaku's CEO … earn", "does Kevin earn" (not "cost of the damage from the Banjar flood")."""
    q, n, p = question.lower(), re.escape(name.lower()), re.escape(price.lower())
    return bool(
        re.search(rf"\b{p}(?: of)?(?: the| a| an)? {n}\b", q)
        or re.search(rf"\b{n}(?:'s|’s)? (?:\w+ )?{p}\b", q)
    )


def unpriced(
    question: str, concepts_: Sequence[_Concept], weights: dict[int, float], words: frozenset[str]
) -> list[str]:
    """Whose pay, price or value ("berapa gaji Kevin Santoso", "How much does Belanjaku's CEO
    earn?") the lead sentence doesn't name: a figure of pay there is someone else's (the
    laid-off staff's "dua kali gaji bulanan")."""
    prices = [c.text for c in concepts_ if not c.name and c.text.lower() in PRICE_WORDS]
    return [
        c.text
        for i, c in enumerate(concepts_)
        if c.name
        and weights.get(i)
        and any(_owner(question, c.text, p) for p in prices)
        and not _named_whole(c, words)
    ]


_TITLES = tuple(sorted({t.lower() for t in TITLES}, key=len, reverse=True))


def _titled(question: str, name: str) -> bool:
    """Does the question ask for the holder of a title of ``name``: "Bupati Banjar", "menteri
    luar negeri Jepang", "the Banjar regent", "Japan's foreign minister", "mayor of Lembata"?"""
    q = " ".join(_WORD.findall(question.lower().replace("'s", "").replace("’s", "")))
    n = " ".join(_WORD.findall(name.lower()))
    own = f" {n} "
    return any(
        f" {t} " in own
        or f" {t} {n} " in f" {q} "
        or f" {n} {t} " in f" {q} "
        or f" {t} of {n} " in f" {q} "
        or f" {t} of the {n} " in f" {q} "
        for t in _TITLES
    )


def unheld(
    question: str, qtype: str, concepts_: Sequence[_Concept], weights: dict[int, float], words: frozenset[str]
) -> list[str]:
    """Whose title-holder a who-question asks ("Siapa nama Bupati Banjar?", "Siapa menteri luar
    negeri Jepang?") when the lead sentence doesn't name them: the person it names holds
    that title elsewhere (the regent of West Sumbawa, China's foreign minister)."""
    asks_name = qtype == "what" and bool(re.search(r"\b(?:name|nama|namanya)\b", question.lower()))
    if qtype != "who" and not asks_name:  # "What is the name of the Banjar regent?" asks one too
        return []
    return [
        c.text
        for i, c in enumerate(concepts_)
        if c.name and weights.get(i) and _titled(question, c.text) and not _named_whole(c, words)
    ]


# Words that relate the condition's parts, not what it is ("terhadap", "against").
_RELATIONS = frozenset({"terhadap", "atas", "kepada", "oleh", "against", "towards", "toward", "if"})
# "… if the US attacks", "… kalau diserang Amerika": the condition a hypothetical asks under.
# Words opening a condition, in both languages (reader's condition questions add their own).
IF_WORDS = r"if|unless|kalau|jika|jikalau|apabila|bila|seandainya|andaikan"
_IF = re.compile(rf"\b(?:{IF_WORDS})\b\s+(.+)$")


def unconditioned(
    question: str,
    concepts_: Sequence[_Concept],
    words: frozenset[str],
    language: str = "en",
    absent: Iterable[int] = (),
) -> list[str]:
    """What a hypothetical ("What will North Korea do if the US attacks?", "Apa yang terjadi
    jika tidak ada gugatan?") puts as its condition that the lead sentence does not state:
    what the articles report of other occasions is no answer to what would happen then. []
    when the sentence states its condition (or the question has none)."""
    m = _IF.search(question.lower())
    if not m:
        return []
    clause = set(_WORD.findall(m.group(1)))
    gone = set(absent)
    said = [
        c
        for i, c in enumerate(concepts_)
        if not c.name
        and c.text.lower() not in GENERIC
        and c.text.lower() not in _MODALS
        and c.text.lower() not in _AUX
        and c.text.lower() not in STOP_EN
        and c.text.lower() not in STOP_ID
        and c.text.lower() not in _RELATIONS
        and c.text.lower() not in LIGHT
        # an English word we can't read (or a loanword guess) says nothing
        and (language == "id" or (len(c.forms) > 1 and not getattr(c, "guessed", False)))
        and set(_WORD.findall(c.text.lower())) <= clause
    ]
    never = [c.text for i, c in enumerate(concepts_) if i in gone and c in said]
    if never:  # "kalau diserang": the articles never speak of that happening
        return never
    unsaid = [c.text for c in said if not _stated(c.forms, words)]
    # Half of it stated will do: a condition is put in other words ("tidak ada gugatan
    # terhadap hasil PSU" as "Jika tidak ada gugatan, …"), but none of it is another occasion.
    return unsaid if 2 * len(unsaid) > len(said) else []


def unheard_kind(
    question: str, language: str, concepts_: Sequence[_Concept], absent: Iterable[int]
) -> list[str]:
    """The words a how-many question qualifies its counted noun with ("berapa penumpang
    pesawat", "how many airline passengers") that the articles never use: a count of the noun
    they give ("3,9 juta penumpang" of trains) is of another kind of it."""
    group = _counted_group(question, language)
    if not group:
        return []
    mods = group[:-1] if language == "en" else group[1:]
    gone = {concepts_[i].text.lower(): concepts_[i].text for i in absent if not concepts_[i].name}
    return [gone[w] for w in mods if w in gone and w not in GENERIC]


# A sentence reporting that something is not decided yet: a yes/no question about it has no
# answer there.
_UNDECIDED = re.compile(
    r"\b(?:belum (?:memutuskan|diputuskan|menentukan|ditentukan|dipastikan)|pikir-pikir"
    r"|masih (?:mempelajari|mempertimbangkan|menimbang)|(?:menentukan|memutuskan) apakah"
    r"|(?:has|have)(?: not|n't) (?:yet )?decided|undecided|yet to decide|whether to)\b",
    re.IGNORECASE,
)


_AT_ONCE = frozenset({"langsung", "segera", "immediately", "instantly", "straightaway"})


def undecided(sentence: str, concepts_: Sequence[_Concept]) -> bool:
    """Does the sentence report that what the yes/no question asks is not decided yet: a cue
    ("belum memutuskan apakah", "menentukan apakah") followed by something the question says
    ("… akan mengajukan banding")? A cue naming nothing asked ("menyatakan pikir-pikir") is
    left to the yes/no reading, which answers "Belum" (seeds and corpus: one answerable
    question refused when any cue counted)."""
    m = _UNDECIDED.search(sentence)
    if not m or any(c.text.lower() in _AT_ONCE for c in concepts_):
        return False  # "langsung mengajukan banding?": still deciding is "not at once", a "Belum"
    tail = _WORD.findall(sentence[m.end() :].lower())
    words = set(tail) | {stem(w) for w in tail}
    return any(not c.name and c.text.lower() not in GENERIC and _stated(c.forms, words) for c in concepts_)


def checked_place(question: str, qtype: str, name: str) -> bool:
    """Is ``name`` the place a yes/no question checks ("… talks with Wang Yi in Tokyo?", "…
    digelar di Shanghai?"): the name in its locative slot (di/in/at)? A place the articles
    never use is then the claim to test, not the topic: the sentence on the rest says where
    it happened (seeds and corpus: 4 answerable yes/no questions refused as "not mentioned")."""
    return qtype == "yesno" and bool(
        re.search(r"\b(?:di|in|at)\s+(?:the\s+)?" + re.escape(name) + r"\W*$", question, re.IGNORECASE)
    )


# Reasons that name what the articles leave out, in their "what" argument.
NAMING_REASONS = frozenset({"not_stated", "not_mentioned", "not_whether", "not_counted"})


def true_reason(
    key: str, args: dict[str, str], concepts_: Sequence[_Concept], texts: Iterable[str]
) -> tuple[str, dict[str, str]]:
    """The decline reason (``key``, ``args``) with only the words it names that the evidence
    (``texts``: the retrieved passages) does not hold, as written, by stem or in the other
    language; with none left, the plain "not found". A reason must be true: "beritanya tidak
    memuat 'skor'" was said of a question whose article reads "dengan skor 2-1"."""
    if key not in NAMING_REASONS or not args.get("what"):
        return key, args
    words: set[str] = set()
    for text in texts:
        found = _WORD.findall(text.lower())
        words.update(found)
        words.update(stem(w) for w in found)
    by_text = {c.text.lower(): c.forms for c in concepts_}

    def held(item: str) -> bool:
        low = item.strip().lower()
        forms = (low, *by_text.get(low, ()))
        stems = tuple(" ".join(stem(w) for w in f.split()) for f in forms)
        return _stated(forms + stems, frozenset(words))

    items = [w for w in args["what"].split(", ") if w]
    kept = [w for w in items if not held(w)]
    if len(kept) == len(items):
        return key, args
    if not kept:
        return "not_found", {}
    return key, {**args, "what": ", ".join(kept)}


def near_miss(
    question: str,
    qtype: str,
    concepts_: Sequence[_Concept],
    weights: dict[int, float],
    absent: Iterable[int],
    sentence: str,
    words: frozenset[str],
    *,
    language: str = "en",
    expected: str | None = None,
    read: Sequence[frozenset[str]] = (),
    texts: Sequence[str | None] = (),
) -> tuple[str, dict[str, str]] | None:
    """Why the evidence the reader found (the lead ``sentence`` and its ``words``; ``read``:
    the word sets of every passage it read, the lead's article's first; ``texts``: theirs,
    lower-cased, None where not known) does not
    answer the question after all, as a reason key and its arguments; None when it may."""
    if read and expected and qtype != "yesno":
        # Only a typed question asks for an instance of its head ("which team" is answered by
        # "PSM Makassar"); a word any passage read uses may be how it names the instance
        # (seeds and corpus: 11 answerable questions refused when only the lead's article
        # counted: "tim", "senjata", "divisi" stated a sentence or two away).
        attribute = unattested(question, language, concepts_, weights, (words, *read), (None, *texts))
        if qtype == "who":
            attribute += unread_act(question, language, concepts_, weights)
        if attribute:
            return "not_stated", {"what": ", ".join(attribute)}
    if qtype in ("how_many", "how_much") and (kind := unheard_kind(question, language, concepts_, absent)):
        return "not_mentioned", {"what": ", ".join(kind)}
    unmet = unconditioned(question, concepts_, words, language, absent)
    if unmet:
        return "not_stated", {"what": ", ".join(unmet)}
    if qtype == "yesno" and undecided(sentence, concepts_):
        # "Did Agus appeal?" led by "… memiliki waktu tujuh hari untuk menentukan apakah akan
        # mengajukan banding": the articles report that it is still open.
        return "undecided", {}
    things = unasked_thing(qtype, concepts_, absent)
    if things:
        return "not_whether", {"what": ", ".join(things)}
    if unsaid(question, qtype, concepts_, sentence):
        who = [c.text for i, c in enumerate(concepts_) if c.name and weights.get(i)]
        return "not_said", {"who": ", ".join(who[:1]) or "—"}
    priced = [
        c.text
        for c in concepts_
        if qtype in ("how_much", "what")
        and not c.name
        and c.text.lower() in PRICE_WORDS
        and not _stated(c.forms, words)
    ]
    if priced:  # "berapa nilai valuasi Belanjaku?" led by a sentence giving no valuation
        return "not_stated", {"what": ", ".join(priced)}
    held = unheld(question, qtype, concepts_, weights, words)
    if held:
        return "not_stated", {"what": ", ".join(held)}
    whose = unpriced(question, concepts_, weights, words)
    if whose:
        return "not_stated", {"what": ", ".join(whose)}
    return None


# --- another time, another event, another person -------------------------------------------

# What follows a duration that makes it a distance in time from another event, not how long
# something lasted: "sehari setelah pertunjukan" is a day after it, "tiga hari lalu" ago.
_OFFSET = re.compile(
    r"^\s*(?:setelah|sesudah|sebelum|sebelumnya|kemudian|lalu|yang lalu|sejak|after|before|later|earlier|ago|since)\b",
    re.I,
)


def _bare_month(t: _Time) -> bool:
    """Is the time a month's name alone ("October", "pada bulan Agustus"), no year, no "lalu"?"""
    words = _WORD.findall(t.text.lower())
    return (
        t.granularity == "month"
        and t.first is not None
        and any(w in MONTHS for w in words)
        and all(w in MONTHS or w in ("bulan", "pada", "in", "of", "the") for w in words)
    )


def other_time(qtype: str, asked: _Time | None, dates: Iterable[_Time]) -> str | None:
    """The question's own time ("in 2019", "pada bulan Agustus") when the lead sentence dates
    what it states, and only at other times ("pada tahun 2023", "pada September"): its figure
    or statement is of another year's or month's event. None for a when-question (the date
    is the answer) or a sentence with no resolved date."""
    if qtype == "when" or asked is None or asked.first is None or asked.last is None:
        return None
    if _bare_month(asked):
        # "inflation in October" led by "Inflasi tahunan pada September …": a month named
        # without its year is compared by the month alone, with the months the sentence names.
        months = [m for m in dates if m.first is not None and m.granularity in ("month", "day")]
        if months and all(m.first.month != asked.first.month for m in months):  # type: ignore[union-attr]
            return asked.text
        return None
    if asked.relative or asked.granularity not in ("year", "month"):
        # A weekday, "today", "this year" or a month without its year is read against today's
        # date, not the story's: "parade hari Rabu" is the parade's Wednesday (seeds and corpus:
        # three answerable questions refused when days counted; the held-out check one when
        # "tahun ini" did).
        return None
    stated = [m for m in dates if m.first is not None and m.last is not None]
    if not stated:
        return None
    if any(m.first <= asked.last and asked.first <= m.last for m in stated):  # type: ignore[operator]
        return None
    return asked.text


# "How many years ago …", "berapa tahun (yang) lalu …": the question asks how far back
# something was, which a sentence states as a distance ("80 tahun yang lalu"), not a span.
ASKS_OFFSET = re.compile(
    r"\b(?:how many|berapa(?:kah)?) \w+ (?:ago|(?:yang )?lalu|silam|sebelumnya|earlier|before)\b", re.I
)


# The start and the end of something: "Kapan tahap kedua … selesai?" is not answered by "Tahap
# kedua … direncanakan dimulai bulan depan", nor "when did it start" by when it ended.
_PHASES = (
    frozenset({"mulai", "dimulai", "memulai", "start", "starts", "started", "begin", "begins", "began", "begun"}),
    frozenset({
        "selesai", "diselesaikan", "berakhir", "diakhiri", "usai", "rampung", "tuntas", "end", "ends",
        "ended", "finish", "finishes", "finished", "complete", "completed",
    }),
)  # fmt: skip


def other_phase(qtype: str, question: str, sentence: str) -> str | None:
    """The word of a when-question asking one end of a span (its start or its end) when the
    lead sentence states only the other end; None when it may answer."""
    if qtype != "when":
        return None
    q = set(_WORD.findall(question.lower()))
    asked = [i for i, p in enumerate(_PHASES) if q & p]
    if len(asked) != 1:
        return None
    said = set(_WORD.findall(sentence.lower()))
    if said & _PHASES[asked[0]] or not said & _PHASES[1 - asked[0]]:
        return None
    return min(q & _PHASES[asked[0]])


def placed_elsewhere(forms: Iterable[str], places: Iterable[_Span]) -> bool:
    """Does a sentence place its event in another capital, or another capital's country, than
    the capital a yes/no question asks ("Did Choe meet Wang in Moscow?" against "… Choe Son
    Hui, di Beijing", "kunjungan pertama Choe ke China")? Then it is read for "No — in
    Beijing" (yesno._other_city) rather than refused for never naming Moscow. Only capitals
    (lexicon.CAPITAL_OF) are told apart: a city and its own country are no contradiction."""
    own = {f.lower() for f in forms}
    if own.isdisjoint(CAPITAL_OF):
        return False
    own |= {c for f in own for c in CAPITAL_OF.get(f, ())}
    return any((low := p.text.lower()) in _CAPITALS_AND_COUNTRIES and low not in own for p in places)


# A capital or its country ("kunjungan pertama Choe ke China" places it away from Moscow).
_CAPITALS_AND_COUNTRIES = frozenset(CAPITAL_OF) | {c for cs in CAPITAL_OF.values() for c in cs}


def offset_only(sentence: str, quantities: Iterable[_Quantity]) -> bool:
    """Are all the durations the sentence gives distances from another event ("sehari setelah",
    "tiga hari lalu") rather than how long something lasted?"""
    spans = [q for q in quantities if q.unit and not q.ordinal and canonical_unit(q.unit) in DURATIONS]
    return bool(spans) and all(_OFFSET.match(sentence[q.end :]) for q in spans)


def _named(c: _Concept, words: frozenset[str] | set[str]) -> bool:
    toks = [t for t in _WORD.findall(c.text.lower()) if len(t) > 1]
    return (bool(toks) and all(t in words for t in toks)) or _present(c.forms, words)


def unnamed_actors(
    concepts_: Sequence[_Concept], weights: dict[int, float], words: frozenset[str]
) -> list[str]:
    """The question's names of people and bodies (not places) that the lead sentence does not
    name: what it states is of someone else ("ia juga bertemu Xi" of Kim, asked of Choe; a
    four-day visit of Choe, asked how long Kim stayed)."""
    return [
        c.text
        for i, c in enumerate(concepts_)
        if c.name
        and getattr(c, "place", None) is None
        and weights.get(i)
        and not _named(c, words)
        and not _TITLE_WORDS & set(_WORD.findall(c.text.lower()))
    ]


def _abbreviates(acronym: str, words: Sequence[str]) -> tuple[int, ...]:
    """The indices of ``words`` a syllabic acronym spells, in order, each by a piece of two
    letters or more, the first from its start ("nataru": NAtal TAhun baRU; "kemenkes":
    KEMENterian KESehatan); () when it doesn't or spells one word only. Words may be skipped
    ("dan")."""

    def spell(rest: str, i: int, used: tuple[int, ...]) -> tuple[int, ...]:
        if not rest:
            return used if len(used) >= 2 else ()
        for j in range(i, len(words)):
            word = words[j]
            for k in range(min(len(rest), len(word)), 1, -1):
                piece = rest[:k]
                if (word.startswith(piece) if not used else piece in word) and (
                    found := spell(rest[k:], j + 1, (*used, j))
                ):
                    return found
            if not used:
                return ()  # the acronym opens with the first word's start
        return ()

    found = spell(acronym, 0, ())
    if found or len(acronym) > 5:
        return found
    for i in range(len(words) - len(acronym) + 1):  # an initialism: "mk", Mahkamah Konstitusi
        if "".join(w[0] for w in words[i : i + len(acronym)]) == acronym:
            return tuple(range(i, i + len(acronym)))
    return ()


_CAPITALIZED = re.compile(r"\b[A-Z][a-z]{3,}\b|\b[A-Z]{2,}\b")


def unabbreviated(who: list[str], concepts_: Sequence[_Concept], sentence: str) -> list[str]:
    """The names in ``who`` that no syllabic acronym of the sentence spells out: "Masa
    angkutan Nataru berlangsung selama 18 hari" names "Natal dan Tahun Baru" (corpus: the
    question asked by its full name was refused as not stated)."""
    forms = {c.text: c.forms for c in concepts_}
    asked = {w.lower() for w in who}
    acronyms = [a for m in _CAPITALIZED.finditer(sentence) if (a := m.group().lower()) not in asked]
    if not acronyms:
        return who
    for start in range(len(who)):
        run = who[start:]
        for choice in itertools.product(*(forms.get(w, (w.lower(),))[:3] for w in run)):
            words, owner = [], []
            for n, form in enumerate(choice):
                for x in form.lower().split():
                    words.append(x)
                    owner.append(n)
            for acronym in acronyms:
                used = _abbreviates(acronym, words)
                if used:
                    spelled = {run[owner[j]] for j in used}
                    return [w for w in who if w not in spelled]
    return who


# A title ("Menlu Korut", "Finance Minister") names an office, whose holder a sentence names by
# name (the held-out check: one answerable question refused when titles counted).
_TITLE_WORDS = frozenset(w for t in TITLES for w in _WORD.findall(t.lower()))


# Who a "what did X say" question asks the words of: "What did the IMF say …", "Apa kata Menteri
# Keuangan …". Not a reaction ("How did the Kremlin react …", "tanggapan"), which news reports as
# an act as often as in words, beside the sentence it reacts to (seeds: one answerable refused).
_SAYER = (
    re.compile(r"\bwhat did (?:the )?(.+?) (?:say|tell|think|decide|announce|comment|claim|write)\b"),
    re.compile(
        r"\b(?:apa|bagaimana) (?:kata|komentar|pendapat|pernyataan|keputusan)(?:nya)?"
        r" (.+?)(?: soal| tentang| terhadap| atas| mengenai| terkait| untuk|\?|$)"
    ),
)
# A speaker the sentence refers to without their name: "ujarnya", "Ia menyatakan", "he said".
_PRONOUNS = frozenset({
    "ia", "dia", "beliau", "mereka", "ujarnya", "katanya", "tuturnya", "tambahnya", "jelasnya",
    "he", "she", "they", "his", "her", "their",
})  # fmt: skip


def _sayer(question: str, concepts_: Sequence[_Concept]) -> _Concept | None:
    """The name whose words or decision a what-question asks ("the IMF", "Menteri Keuangan")."""
    low = question.lower()
    for pattern in _SAYER:
        m = pattern.search(low)
        if not m:
            continue
        for c in concepts_:
            if c.name and c.text.lower() in m.group(1):
                return c
    return None


def _named_as(c: _Concept, words: frozenset[str] | set[str]) -> bool:
    """Is the name in ``words`` whole: all its words, or one of its forms of several words (a
    "Menteri Keuangan" is not named by "menteri" alone)? A one-word name by any of its forms."""
    toks = [t for t in _WORD.findall(c.text.lower()) if len(t) > 1]
    if toks and all(t in words for t in toks):
        return True
    return any(_present((f,), words) for f in c.forms if " " in f or len(toks) == 1)


def _named_by_part(c: _Concept, people: Sequence[object]) -> bool:
    """Is the person ``c`` named in a sentence by part of their name, as news names a speaker
    after the first mention ("… kata Wang kepada Choe" for Wang Yi, "ujar Arif" for Arif
    Mahendra)? Only a person the sentence names counts, so "menteri" never names "Menteri
    Keuangan"."""
    own = {t for t in _WORD.findall(c.text.lower()) if len(t) > 2}
    for p in people:
        toks = {t for t in _WORD.findall(str(getattr(p, "text", "")).lower()) if len(t) > 2}
        if toks and (toks <= own or own <= toks):
            return True
    return False


# The verb right after a count of people says what they did: "9.000 orang mengungsi" counts the
# displaced, "87 warga berobat" the treated.
# A verb after a count, past the words that only frame it: "1.200 warga terpaksa mengungsi" did
# "mengungsi", not "terpaksa" (a how-many question about evacuees was refused as asking of
# another act, found by a new-user session).
_COUNT_VERB = re.compile(
    r"^\s*(?:yang\s+)?(?:(?:terpaksa|harus|sempat|masih|sudah|telah|akan|pun|juga|kembali|berhasil"
    r"|baru|sedang|tengah|mulai|langsung|segera)\s+)*((?:me|di|ber|ter)[a-z]{3,})\b",
    re.I,
)


# Verbs after a count that say who the counted are, not what they did: "8,2 juta anak berusia 9
# bulan" (corpus: one answerable how-many question refused without this).
_DESCRIBING = frozenset({
    "berusia", "berumur", "berasal", "bernama", "berjumlah", "berstatus", "berada", "tercatat",
    "terdiri", "termasuk", "terdaftar", "tersebar", "bertempat", "berdomisili",
})  # fmt: skip


def counts_another_act(
    concepts_: Sequence[_Concept], sentence: str, quantities: Iterable[_Quantity]
) -> str | None:
    """The act the sentence's counts of people are of ("mengungsi"), when the question asks of
    another ("How many people died …?"): each count is followed by a verb the question does
    not say, in any form. None when a count has no verb beside it or the question says it."""
    asked = {f for c in concepts_ for f in c.forms} | {
        stem(f) for c in concepts_ for f in c.forms if " " not in f
    }
    acts = []
    for q in quantities:
        unit = canonical_unit(q.unit) if q.unit else ""
        if q.ordinal or not (unit == "person" or unit in PEOPLE or (q.unit or "").lower() in PEOPLE):
            continue
        m = _COUNT_VERB.match(sentence[q.end :])
        if not m:
            return None
        verb = m.group(1).lower()
        if verb in asked or stem(verb) in asked or verb in _DESCRIBING:
            return None
        acts.append(verb)
    return acts[0] if acts else None


# Words asking a measure, not a count: "berapa panjang sungai", "how long", "berapa luas".
_MEASURE_WORDS = frozenset({
    "panjang", "lebar", "tinggi", "dalam", "luas", "berat", "jauh", "lama", "besar", "cepat",
    "long", "wide", "high", "deep", "far", "tall", "big", "large", "heavy", "fast",
})  # fmt: skip
_BERAPA = re.compile(r"\bberapa(?:kah)? (?:banyak |jumlah )?((?:[a-z][\w-]* ?){1,2})")


def _counted_group(question: str, language: str) -> list[str] | None:
    """The noun group a how-many question counts ("airline passengers", "penumpang pesawat"),
    up to a function word or an English past verb; None when it counts nothing."""
    m = (_COUNTED_EN if language == "en" else _BERAPA).search(question.lower())
    if not m:
        return None
    group: list[str] = []
    for w in m.group(1).split():
        if w in _AUX or w in STOP_EN or w in STOP_ID or _EN_VERB.match(w) or w in _EN_PAST:
            break
        group.append(w)
    return group


def miscounted(
    question: str,
    language: str,
    concepts_: Sequence[_Concept],
    words: frozenset[str],
    quantities: Iterable[_Quantity],
) -> str | None:
    """The thing a how-many question counts ("boats", "doses", "kereta") when the lead sentence
    gives no count of it: it never names it and every figure there counts its own other noun
    ("15.000 lembar masker" for boats), or every figure is a duration, measure or sum ("90
    menit" for how many trains). None when a figure may count it."""
    group = _counted_group(question, language)
    if not group or group[0] in _MEASURE_WORDS:
        return None  # "berapa panjang": a measure, whose kind the answer type checks
    head = group[-1 if language == "en" else 0]
    asked = next((c for c in concepts_ if not c.name and c.text.lower() == head), None)
    if asked is None or head in GENERIC or (language == "en" and len(asked.forms) < 2):
        return None
    unit = canonical_unit(head) or ""
    if unit in DURATIONS or unit in MEASURES or unit in MONEY or unit in ("percent", "times"):
        return None  # the figure's kind is the answer type's own check
    figures = [q for q in quantities if not q.ordinal]
    if not figures:
        return None
    kinds = [canonical_unit(q.unit) if q.unit else None for q in figures]
    if all(k in DURATIONS or k in MEASURES or k in MONEY or k == "percent" for k in kinds):
        return asked.text
    people = unit == "person" or head in PEOPLE or not PEOPLE.isdisjoint(asked.forms)
    if _stated(asked.forms, words) or not all(kinds):
        return None
    if people and any(k == "person" or k in PEOPLE for k in kinds):
        return None  # "1.350 jiwa" counts the people asked in other words
    return asked.text


_ASKS_NAME = re.compile(
    r"\b(?:what|what's)(?: is| was)? (?:the|his|her|their) names?\b|\bsiapa(?:kah)? nama(?:nya)?\b"
    r"|\bnama(?:nya)? siapa\b|\bname (?:the|of the)\b"
)


def unnamed_person(question: str, concepts_: Sequence[_Concept]) -> bool:
    """Does the question ask the name of a person, by their title or what they are ("the name
    of the Banjar regent", "siapa nama korban")? Only a sentence naming someone answers it."""
    if not _ASKS_NAME.search(question.lower()):
        return False
    words = {w for c in concepts_ for f in (c.text.lower(), *c.forms) for w in _WORD.findall(f)}
    return bool(words & PEOPLE) or bool(words & _TITLE_WORDS)


class _Facts(Protocol):
    @property
    def words(self) -> frozenset[str]: ...
    @property
    def dates(self) -> Sequence[_Time]: ...
    @property
    def quantities(self) -> Sequence[_Quantity]: ...
    @property
    def people(self) -> Sequence[object]: ...


_NOT_TOPIC = GENERIC | PEOPLE  # words that name no thing of its own


# The words a score question asks its answer type by ("final score", "hasil akhir laga", "how
# did the game end"): a match's reported scoreline is its final result whatever the sentence
# calls it ("What was the final score …?" was declined "The articles don't mention final").
SCORE_WORDS = frozenset({
    "score", "scores", "scoreline", "skor", "skornya", "final", "akhir", "full-time", "result",
    "results", "hasil", "outcome", "end", "ended", "berakhir", "match", "game", "laga",
    "pertandingan",
})  # fmt: skip


# A part of a match: its score is not the final one a report gives.
_MATCH_PART = re.compile(
    r"\b(?:half[- ]?time|(?:first|second) half|babak (?:pertama|kedua)|turun minum|jeda)\b", re.IGNORECASE
)


def unscored(question: str, sentence: str, concepts_: Sequence[_Concept]) -> str | None:
    """Why ``sentence`` gives no score of the match a score question asks about: it holds no
    scoreline ("—"), not between the sides the question names (the first name missing), or
    not of the part of the match asked ("half-time"). "What was the score of Persib's game at
    Bali United?" was answered "2-1" from the Persija game's sentence, Bali United named only
    in the next one (a game still to be played)."""
    if not scores(sentence):
        return "—"
    low = sentence.lower()
    part = _MATCH_PART.search(question)
    if part and not _MATCH_PART.search(sentence):
        return part.group()
    for c in concepts_:
        if c.name and not any(f.lower() in low for f in (c.text, *c.forms)):
            return c.text
    return None


def of_another(
    question: str,
    qtype: str,
    asked: _Time | None,
    sentence: str,
    facts: _Facts,
    concepts_: Sequence[_Concept],
    weights: dict[int, float],
    language: str = "en",
) -> tuple[str, dict[str, str]] | None:
    """Why the lead sentence, though on the question's topic, states something of another time,
    another event or another actor than the one asked about (a reason key and its arguments);
    None when it may answer. Only the sentence counts: its passage names the rest of the story."""
    when = other_time(qtype, asked, facts.dates)
    if when:
        return "nothing_for", {"when": when}
    if asks_score(question.lower()) and (side := unscored(question, sentence, concepts_)):
        return "not_stated", {"what": side}
    phase = other_phase(qtype, question, sentence)
    if phase:
        return "not_stated", {"what": phase}
    sayer = _sayer(question, concepts_)
    if (
        sayer is not None
        and facts.people
        and not _named_as(sayer, facts.words)
        and not _named_by_part(sayer, facts.people)
        and not facts.words & _PRONOUNS
    ):
        # "What did the IMF say about the BI decision?" led by "Deputi Gubernur BI Ratna
        # Wulandari mengatakan …": what someone else said.
        return "not_said", {"who": sayer.text}
    if qtype == "how_many" and (act := counts_another_act(concepts_, sentence, facts.quantities)):
        # "How many people died in the 2020 eruption?" led by "… memaksa 9.000 orang mengungsi".
        unsaid_ = [
            c.text
            for c in concepts_
            if not c.name and c.text.lower() not in _NOT_TOPIC and not _stated(c.forms, facts.words)
        ]
        return "not_stated", {"what": ", ".join(unsaid_) or act}
    if qtype == "how_many" and (
        thing := miscounted(question, language, concepts_, facts.words, facts.quantities)
    ):
        return "not_counted", {"what": thing}
    if facts.people == () and unnamed_person(question, concepts_):
        # "Siapa nama korban meninggal …?" led by "Seorang pria berusia 67 tahun … meninggal".
        return "not_stated", {"what": "nama" if language == "id" else "name"}
    if _AGE.search(question):
        qtype = "age"  # "How old was he?" asks an age, of whoever the sentence says "berusia 67 tahun"
    if qtype == "how_long" and not ASKS_OFFSET.search(question) and offset_only(sentence, facts.quantities):
        what = [c.text for c in concepts_ if not c.name and c.text.lower() not in GENERIC]
        return "not_stated", {"what": ", ".join(what[:2]) or "—"}
    who = unnamed_actors(concepts_, weights, facts.words)
    if who:
        who = unabbreviated(who, concepts_, sentence)
    if qtype == "how_long":
        # An acronym names the body whose story it is ("Masa angkutan Nataru berlangsung
        # selama 18 hari", asked of KAI): it is often left out of the figure's sentence.
        who = [w for w in who if not w.isupper()]
    elif qtype != "yesno" or not facts.people:
        # A yes/no sentence naming no one may speak of the asked one as "kedua pihak"; one
        # naming someone else speaks of them (corpus: two answerable questions refused without
        # this condition, "Apakah kantor Belanjaku … akan ditutup?" one).
        who = []
    if who:
        return "not_stated", {"what": ", ".join(who)}
    return None
