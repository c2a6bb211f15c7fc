"""Colloquial Indonesian in a question, in the standard words the articles use.

People type "kapan Wang Yi ketemu Choe?" or "yg gagal panen berapa hektare"; news is written
"bertemu", "yang". A colloquial word the articles never use would otherwise be read as what
the question is about, and the honest decline would say "the articles don't mention
ketemu". The table is basa's slang dictionary (MIT, 1,308 entries: negation, abbreviations,
common verbs, question words, Javanese and Sundanese loans).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from .lexicon import STOP_EN, STOP_ID, root_words
from .question import _UNIT_CANON

_WORD = re.compile(r"[A-Za-z]+")

# Entries whose word is also in Sastrawi's dictionary of standard roots are left out ("lalu"
# → "kemudian" would break "pekan lalu", "capai" → "lelah", "parah" → "luar biasa", "teh" →
# "itu"), except these colloquial ones the dictionary happens to list, read one by one out of
# the 129 such entries.
COLLOQUIAL_ROOTS = frozenset(
    {"abis", "aja", "bikin", "dikit", "doang", "duit", "emang", "enggak", "kagak", "kalo", "kayak"}
    | {"ketemu", "liat", "nebeng", "ngapain", "tau"}
)


@cache
def _table() -> dict[str, str]:
    """basa's table, loaded on the first question that has a word the articles don't use.

    The module is loaded from its file rather than imported as ``basa.core.slang``: importing
    the package runs its ``__init__`` (importlib.metadata and the whole toolkit), 116 ms
    measured against 40 ms for the table alone, on a path whose cold start is counted.
    """
    spec = importlib.util.find_spec("basa")
    if spec is None or spec.origin is None:  # pragma: no cover - a declared dependency
        return {}
    path = Path(spec.origin).parent / "core" / "slang.py"
    loader_spec = importlib.util.spec_from_file_location("_basa_slang", path)
    if loader_spec is None or loader_spec.loader is None:  # pragma: no cover
        return {}
    module = importlib.util.module_from_spec(loader_spec)
    loader_spec.loader.exec_module(module)
    roots = root_words()
    words: dict[str, str] = module.slang.supported_words()
    # Also left out: function words of either language ("ia" → "insya allah", "nya" → "ya"),
    # units ("km" → "kamu"), single letters, and two letters that stand for a content word
    # ("dr": dokter or dari; "ml": mual or mililiter), where "yg", "dg", "jg" are kept.
    keep = {
        k: v
        for k, v in words.items()
        if k != v
        and (len(k) > 2 or (len(k) == 2 and v in STOP_ID))
        and k not in STOP_ID
        and k not in STOP_EN
        and k not in _UNIT_CANON
    }
    return {k: v for k, v in keep.items() if k not in roots or k in COLLOQUIAL_ROOTS} | NEWS_SHORT


# Short forms of news Indonesian that basa's table lacks ("Eks Dirut PT …" in a question, where
# the articles write "mantan Direktur Utama"; a new user's question was declined on it).
NEWS_SHORT = {"eks": "mantan"}


def _affixed(word: str, known: Callable[[str], bool]) -> str | None:
    """Colloquial Jakarta affixes in their standard form, when the articles use that form:
    the suffix -in for -kan ("ninggalin" → "meninggalkan", "dibatalin" → "dibatalkan") and
    a bare nasal prefix for me- ("nulis" → "menulis", "ngadain" → "mengadakan"). Only a form
    the articles use is taken, so no guess is ever a new word."""
    stems = [word[:-2] + "kan"] if word.endswith("in") and len(word) > 5 else []
    forms = [*stems, word]
    candidates = [f for f in stems if f.startswith(("di", "me", "ber", "ter"))]
    candidates += ["me" + f for f in forms if f.startswith(("n", "m"))]
    return next((c for c in candidates if c != word and known(c)), None)


def formal(question: str, known: Callable[[str], bool]) -> str:
    """``question`` with each colloquial word the articles don't use (``known`` says which
    they do) in its standard form; a word the articles use is kept, whatever the table says
    ("KRL" stays KRL in an article about trains). Capitalisation of a replaced word's first
    letter is kept."""

    def replace(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if known(low) or (len(word) > 1 and word.isupper()):  # "MRT", "PHK" are acronyms as typed
            return word
        standard = _table().get(low) or _affixed(low, known)
        if not standard:
            return word
        return standard[:1].upper() + standard[1:] if word[:1].isupper() else standard

    return _WORD.sub(replace, question)
