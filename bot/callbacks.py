"""Inline-button data: written and parsed here and nowhere else.

Button data is an address, not a lookup key, so buttons keep working after a
restart: ``p:<sha12>:<ordinal>:<n>`` shows passage ``n`` (the chunk at
``ordinal`` of the article whose content hash starts with ``sha12``);
``m:<shown>`` re-asks with more passages. Telegram caps data at 64 bytes.
Anyone can send any data, so parsing validates every field and returns None
for anything we did not write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_PASSAGES = 20  # the most passages "More passages" grows an answer to
MAX_ORDINAL = 10_000_000  # far above any article's chunk count; keeps forged numbers small
SHA_CHARS = 12

_PASSAGE = re.compile(rf"p:([0-9a-f]{{{SHA_CHARS}}}):([0-9]{{1,8}}):([0-9]{{1,2}})")
_MORE = re.compile(r"m:([0-9]{1,2})")


@dataclass(frozen=True)
class ShowPassage:
    sha: str
    ordinal: int
    n: int

    def data(self) -> str:
        return f"p:{self.sha}:{self.ordinal}:{self.n}"


@dataclass(frozen=True)
class MorePassages:
    shown: int

    def data(self) -> str:
        return f"m:{self.shown}"


Button = ShowPassage | MorePassages

# Pattern for CallbackQueryHandler: only data this module could have written.
PATTERN = re.compile(rf"^(?:{_PASSAGE.pattern}|{_MORE.pattern})$")


def show_passage(sha256: str, ordinal: int, n: int) -> str:
    return ShowPassage(sha256[:SHA_CHARS], ordinal, n).data()


def more_passages(shown: int) -> str:
    return MorePassages(shown).data()


def parse(data: str | None) -> Button | None:
    """The button ``data`` stands for, or None when it is not one we could have made."""
    if not data:
        return None
    if m := _PASSAGE.fullmatch(data):
        ordinal, n = int(m.group(2)), int(m.group(3))
        if ordinal < MAX_ORDINAL and 1 <= n <= MAX_PASSAGES:
            return ShowPassage(m.group(1), ordinal, n)
        return None
    if m := _MORE.fullmatch(data):
        shown = int(m.group(1))
        if 1 <= shown < MAX_PASSAGES:
            return MorePassages(shown)
    return None
