"""Yes/no questions: "Yes"/"No" only where the lead sentence plainly states or denies what was asked.

"Apakah vaksin campak halal?" is answered "Ya" only when the sentence that answers names every
content word of the question, its names included, and nothing in the
clause that states it negates it; "tidak", "belum", "bukan", "tak" or "membantah" there make it
"Tidak"/"No". A conditional or hedged clause ("bila", "diperkirakan"), a negated question, or a
predicate the sentence does not name gives no short answer: the quote alone answers then.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from .facts import facts, words_of
from .lexicon import CAPITAL_OF
from .question import canonical_unit
from .reader import Concept, Scored, ShortAnswer
from .spans import Quantity, Span, render_quantity

# Words that negate the clause they stand in. "Tidak hanya" ("not only"), "tak lama" ("soon
# after") and "tidak kurang dari" ("no less than") negate nothing.
NEGATIONS = ("tidak", "tak", "belum", "bukan", "membantah", "not", "never", "denied")
_NOT_NEGATING = re.compile(
    r"\b(?:tidak|tak|bukan|not)\s+(?:hanya|saja|sekadar|cuma|lama|kurang|only|just|less)\b", re.I
)
# A clause that states something only on a condition or as an expectation does not say "yes".
_HEDGES = re.compile(
    r"\b(?:jika|bila|apabila|kalau|seandainya|asalkan|diperkirakan|diprediksi|kemungkinan|mungkin|"
    r"rencananya|berencana|akan|if|unless|may|might|could|would|expected|plans?)\b",
    re.I,
)
# Clauses end at punctuation and at the conjunctions that turn to another statement.
_CLAUSE_END = re.compile(
    r"[,;:()\u201c\u201d\"]|\b(?:tetapi|namun|sedangkan|sementara|meski(?:pun)?|walaupun|padahal|"
    r"sehingga|but|while|although|whereas)\b",
    re.I,
)
# Words of a yes/no question that say nothing about its content ("did anyone", "pernah").
_GENERIC = {
    "anyone", "anybody", "someone", "somebody", "anything", "something", "everyone", "ever",
    "again", "still", "already", "really", "actually", "yet", "true", "indeed", "pernah",
    "masih", "benar", "betul", "memang", "sudah", "telah", "langsung", "seseorang", "sesuatu",
}  # fmt: skip
_NEGATED_QUESTION = {
    "tidak", "tak", "belum", "bukan", "tanpa", "not", "never", "without", "nor", "neither", "cannot",
    "didn", "doesn", "don", "isn", "wasn", "aren", "weren", "hasn", "haven", "hadn", "won", "couldn",
}  # fmt: skip
_WORD = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
# Which way a figure moved: a question asking one way ("Did BI cut rates?", "Apakah BI menaikkan
# suku bunga?") is answered "No" by a sentence stating it moved another ("mempertahankan").
DIRECTIONS = (
    frozenset({
        "naik", "menaikkan", "dinaikkan", "kenaikan", "meningkat", "meningkatkan", "raise", "raised",
        "raises", "increase", "increased", "hike", "hiked", "rise", "rose",
    }),
    frozenset({
        "turun", "menurunkan", "diturunkan", "penurunan", "memangkas", "dipangkas", "pangkas", "cut",
        "cuts", "lower", "lowered", "reduce", "reduced", "decrease", "decreased",
    }),
    frozenset({
        "mempertahankan", "dipertahankan", "menahan", "ditahan", "hold", "held", "kept", "unchanged",
        "maintain", "maintained",
    }),
)  # fmt: skip
# Months say when, not what: a sentence stating the move need not repeat the month (the
# reader has already matched the question's date).
_MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "januari", "februari", "maret", "mei", "juni", "juli", "agustus",
    "oktober", "desember",
})  # fmt: skip
# "Dibandingkan" ("compared with") states no "banding" (an appeal): words that only compare.
_COMPARING = re.compile(r"\b(?:dibandingkan|dibanding|membandingkan|bandingkan|ketimbang)\b")
# The day relative dates in a question are read against when its sentence has none (the
# figures compared here are counts and durations, not dates).
_DAY = dt.date(2000, 1, 1)
_YES = {"en": "Yes", "id": "Ya"}
_NO = {"en": "No", "id": "Tidak"}


def _clauses(sentence: str) -> list[tuple[int, int]]:
    cuts = [0, *(x for m in _CLAUSE_END.finditer(sentence) for x in (m.start(), m.end())), len(sentence)]
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if b > a]


def _hits(sentence: str, forms: Iterable[str]) -> list[int]:
    """Where a concept's forms occur in the sentence (as words, or words of that stem)."""
    low = _COMPARING.sub(lambda m: " " * len(m.group()), sentence.lower())
    out = []
    for f in forms:
        if " " in f:
            out += [m.start() for m in re.finditer(r"\b" + re.escape(f) + r"\b", low)]
            continue
        for m in _WORD.finditer(low):
            if f in words_of(m.group()):
                out.append(m.start())
    return out


def _bare_english(c: Concept, language: str) -> bool:
    """An English word with no Indonesian form: a name written in lower case ("banjar")."""
    return language == "en" and c.forms == (c.text,)


def _direction(words: Iterable[str]) -> set[int]:
    ws = set(words)
    return {i for i, d in enumerate(DIRECTIONS) if ws & d}


def _moved_otherwise(q_words: set[str], asked: Sequence[Concept], sentence: str, around: set[str]) -> bool:
    """Does the sentence state the asked figure moved another way than the question says ("Did
    BI cut rates?" against "BI … mempertahankan suku bunga")? Everything else the question
    names (but its month) must be in the sentence or its passage."""
    wanted = _direction(q_words)
    if len(wanted) != 1:
        return False
    rest = [k for k in asked if not _direction(k.forms) and k.text.lower() not in _MONTHS]
    if not rest or not all(any(_present(f, around) for f in k.forms) for k in rest):
        return False
    stated = _direction(w.lower() for w in _WORD.findall(sentence))
    return bool(stated) and not stated & wanted


# A figure someone demands, asks for or aims at is not what happened: "… yang menuntut Agus
# dihukum 11 tahun penjara" is the prosecutors' demand, and "Was Agus sentenced to ten years?"
# was answered "No, 11 years" from it (the verdict was 8; found by a new-user session).
_WANTED = re.compile(
    r"\b(?:menuntut|tuntutan|dituntut|meminta|diminta|menargetkan|ditargetkan|target|sasaran|"
    r"mengusulkan|diusulkan|demand(?:ed|s)?|sought|asked for|aims?)\b",
    re.I,
)


def _wanted(sentence: str, at: int) -> bool:
    """Whether the figure at ``at`` stands in a clause of demand or aim (``_WANTED``)."""
    ends = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)]
    return bool(_WANTED.search(sentence, ends[-1] if ends else 0, at))


def _other_figure(question: str, asked: Sequence[Concept], lead: Scored) -> Quantity | None:
    """The figure the sentence states when the question names another of the same unit ("Was
    Agus sentenced to ten years?" against "vonis delapan tahun penjara"), everything else
    the question says being stated there too; None otherwise."""
    c = lead.candidate
    wanted = [q for q in facts(question, c.published or _DAY).quantities if q.unit and not q.ordinal]
    if len(wanted) != 1:
        return None
    w = wanted[0]
    unit = canonical_unit(w.unit)
    low = question.lower()
    rest = [k for k in asked if k.text.lower() not in low[w.start : w.end]]
    have = set(c.facts.words)
    if not rest or not all(any(_present(f, have) for f in k.forms) for k in rest):
        return None
    same = [
        q
        for q in c.facts.quantities
        if not q.ordinal and q.unit and canonical_unit(q.unit) == unit and not _wanted(c.text, q.start)
    ]
    if not same or any(abs(q.value - w.value) < 1e-9 for q in same):
        return None
    return same[0]


_NEGATION = re.compile(r"\b(?:" + "|".join(NEGATIONS) + r")\b", re.I)


def _unnegated(sentence: str) -> str:
    """The sentence with its words that look like negations but aren't blanked out (same length)."""
    return _NOT_NEGATING.sub(lambda m: " " * len(m.group()), sentence)


def yes_no(
    question: str,
    language: str,
    lead: Scored,
    concepts_: Sequence[Concept],
    lang: str,
    passage: frozenset[str] = frozenset(),
) -> ShortAnswer | None:
    """ "Yes"/"Ya" (with the number the clause states, if one) or "No"/"Tidak" ("Belum" for
    "belum"), read from the lead sentence; None when it cannot be said that precisely.
    ``passage``: the words of the lead's passage, where the question's names and one of its
    other words may stand instead of in the sentence ("Is the measles vaccine free?":
    "Vaksin diberikan gratis", in the passage on the measles campaign)."""
    q_words = {w.lower() for w in _WORD.findall(question)}
    if q_words & _NEGATED_QUESTION:
        return None  # a negated question: "yes" would be ambiguous
    c = lead.candidate
    sentence = c.text
    asked = [k for k in concepts_ if k.text.lower() not in _GENERIC]
    content = [k for k in asked if not k.name and not _bare_english(k, language)]
    if not content:
        return None  # nothing but names: no predicate to confirm
    have = set(c.facts.words)
    around = have | passage
    if _moved_otherwise(q_words, asked, sentence, around):
        return ShortAnswer(text=_NO.get(lang, "No"), type="yesno", cited=(c.n,), quote=sentence)
    other = _other_figure(question, asked, lead)
    if other is not None:
        no = f"{_NO.get(lang, 'No')}, {render_quantity(other, lang)}"
        return ShortAnswer(text=no, type="yesno", cited=(c.n,), quote=sentence)
    names = [k for k in asked if k not in content]
    unnamed = [k for k in names if not any(_present(f, have) for f in k.forms)]
    if unnamed:
        city = _other_city(unnamed, content, c.facts.places, sentence, names)
        if city:  # "Did Choe meet Wang Yi in Pyongyang?" against "… Choe … di Beijing"
            no = f"{_NO.get(lang, 'No')} — {'di' if lang == 'id' else 'in'} {city}"
            return ShortAnswer(text=no, type="yesno", cited=(c.n,), quote=sentence)
        return None  # "Apakah Choe bertemu Xi?" is not answered by "… ia juga bertemu Xi" (Kim)
    # The predicate is the sentence's: at most one of its words only in the passage, and that
    # one a noun's modifier beside a word the sentence states ("measles" of "measles
    # vaccine", "campak" of "vaksin campak"), never the verb ("Did Agus appeal his sentence?").
    stated = [k for k in content if _hits(sentence, k.forms)]
    elsewhere = [k for k in content if k not in stated]
    if len(elsewhere) > 1 or not stated:
        return None
    low = " ".join(_WORD.findall(question.lower()))
    for k in elsewhere:
        if not any(_present(f, around) for f in k.forms):
            return None
        pairs = [f"{k.text} {h.text}" if language == "en" else f"{h.text} {k.text}" for h in stated]
        if not any(f" {p.lower()} " in f" {low} " for p in pairs):
            return None
    positions = [p for k in content for p in _hits(sentence, k.forms)]
    if not positions:
        return None
    clauses = [(a, b) for a, b in _clauses(sentence) if any(a <= p < b for p in positions)]
    text = " ".join(sentence[a:b] for a, b in clauses)
    forms = {f for k in concepts_ for f in k.forms}
    # A negation negates what follows it: "Vaksin diberikan gratis dan tidak memerlukan
    # pemeriksaan" does not deny "gratis".
    masked = _unnegated(sentence)
    negations = [
        m.group().lower()
        for a, b in clauses
        for m in _NEGATION.finditer(masked[a:b])
        if m.group().lower() not in forms  # "Did X deny …?": "membantah" is what was asked
        and any(a + m.start() < p < b for p in positions)
    ]
    cited = (c.n,)
    if negations:
        word = "Belum" if lang == "id" and negations[0] == "belum" else _NO.get(lang, "No")
        return ShortAnswer(text=word, type="yesno", cited=cited, quote=sentence)
    if any(m.group().lower() not in q_words for m in _HEDGES.finditer(text)):
        return None  # (a hedge the question shares, "Apakah kantor … akan ditutup?", is asked)
    yes = _YES.get(lang, "Yes")
    facts = [q for q in c.facts.quantities if any(a <= q.start < b for a, b in clauses) and not q.ordinal]
    if facts:
        yes = f"{yes}, {render_quantity(facts[0], lang)}"
    return ShortAnswer(text=yes, type="yesno", cited=cited, quote=sentence)


def _other_city(
    unnamed: Sequence[Concept],
    content: Sequence[Concept],
    places: Iterable[Span],
    sentence: str,
    names: Sequence[Concept] = (),
) -> str | None:
    """The capital city the sentence places what was asked in, when the question places it in
    another one and the sentence states all the rest of it: "No — in Beijing". Only capitals
    (lexicon.CAPITAL_OF) are told apart: a city and its country ("in China", "di Beijing") are
    no contradiction, and other places are not known well enough to say where each lies."""
    if len(unnamed) != 1 or not (asked := unnamed[0]).place:
        return None
    own = {f.lower() for f in asked.forms} | {asked.text.lower()}
    # A capital the question names elsewhere is not where the sentence contradicts it ("Did
    # Kim travel on to Moscow after leaving Beijing?" is not "No — in Beijing").
    named = {f.lower() for k in names if k is not asked for f in (*k.forms, k.text)}
    if own.isdisjoint(CAPITAL_OF) or not all(_hits(sentence, k.forms) for k in content):
        return None
    if _NEGATION.search(_unnegated(sentence)):
        return None  # "… tidak di Beijing": what is denied is not where it was
    for p in places:
        low = p.text.lower()
        if low in CAPITAL_OF and low not in own and low not in named and _AT.search(sentence, 0, p.start):
            return p.text
    return None


# A place the sentence puts something in, not one it only names ("kemitraan … antara Moskow dan
# Pyongyang" is no meeting in Moscow: "Apakah Putin dan Kim bertemu sebelum parade di
# Beijing?" was answered "Tidak — di Moskow" from it).
_AT = re.compile(r"\b(?:di|in|at)\s+$", re.I)


def _present(form: str, words: set[str]) -> bool:
    return all(p in words for p in form.split()) if " " in form else form in words
