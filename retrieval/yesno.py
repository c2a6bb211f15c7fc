"""Yes/no questions: "Yes"/"No" only where the lead sentence plainly states or denies what was asked.

"Apakah vaksin campak halal?" is answered "Ya" only when the sentence that answers names every
content word of the question, its names included, and nothing in the
clause that states it negates it; "tidak", "belum", "bukan", "tak" or "membantah" there make it
"Tidak"/"No". A conditional or hedged clause ("bila", "diperkirakan"), a negated question, or a
predicate the sentence does not name gives no short answer: the quote alone answers then.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .facts import words_of
from .reader import Concept, Scored, ShortAnswer
from .spans import render_quantity

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
_YES = {"en": "Yes", "id": "Ya"}
_NO = {"en": "No", "id": "Tidak"}


def _clauses(sentence: str) -> list[tuple[int, int]]:
    cuts = [0, *(x for m in _CLAUSE_END.finditer(sentence) for x in (m.start(), m.end())), len(sentence)]
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if b > a]


def _hits(sentence: str, forms: Iterable[str]) -> list[int]:
    """Where a concept's forms occur in the sentence (as words, or words of that stem)."""
    low = sentence.lower()
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


def yes_no(
    question: str,
    language: str,
    lead: Scored,
    concepts_: Sequence[Concept],
    lang: str,
) -> ShortAnswer | None:
    """ "Yes"/"Ya" (with the number the clause states, if one) or "No"/"Tidak" ("Belum" for
    "belum"), read from the lead sentence; None when it cannot be said that precisely."""
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
    if not all(any(_present(f, have) for f in k.forms) for k in asked):
        return None  # names too: "Apakah Choe bertemu Xi?" is not answered by a sentence on Choe alone
    positions = [p for k in content for p in _hits(sentence, k.forms)]
    if not positions:
        return None
    clauses = [(a, b) for a, b in _clauses(sentence) if any(a <= p < b for p in positions)]
    text = " ".join(sentence[a:b] for a, b in clauses)
    forms = {f for k in concepts_ for f in k.forms}
    negations = [
        m.group().lower()
        for m in re.finditer(r"\b(?:" + "|".join(NEGATIONS) + r")\b", _NOT_NEGATING.sub(" ", text), re.I)
        if m.group().lower() not in forms  # "Did X deny …?": "membantah" is what was asked
    ]
    cited = (c.n,)
    if negations:
        word = "Belum" if lang == "id" and negations[0] == "belum" else _NO.get(lang, "No")
        return ShortAnswer(text=word, type="yesno", cited=cited, quote=sentence)
    if _HEDGES.search(text):
        return None
    yes = _YES.get(lang, "Yes")
    facts = [q for q in c.facts.quantities if any(a <= q.start < b for a, b in clauses) and not q.ordinal]
    if facts:
        yes = f"{yes}, {render_quantity(facts[0], lang)}"
    return ShortAnswer(text=yes, type="yesno", cited=cited, quote=sentence)


def _present(form: str, words: set[str]) -> bool:
    return all(p in words for p in form.split()) if " " in form else form in words
