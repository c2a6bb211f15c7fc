"""Shared test helpers."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TypeVar

from retrieval import reader
from retrieval.facts import facts

T = TypeVar("T")


def wait_until(
    predicate: Callable[[], T], timeout: float = 30.0, interval: float = 0.05, what: str = ""
) -> T:
    """Poll ``predicate`` until it returns something truthy; fail the test after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")
        time.sleep(interval)


def candidate(
    sentence: str, published: dt.date, sentence_id: int = 1, n: int = 1, sim: float = 0.8
) -> reader.Candidate:
    """A hand-made candidate sentence for the reader's pure tests: its facts read as of
    ``published``; ``sim`` stands for both the sentence's and its passage's cosine."""
    return reader.Candidate(
        n=n,
        sentence_id=sentence_id,
        text=sentence,
        sim=sim,
        passage_sim=sim,
        published=published,
        facts=facts(sentence, published),
    )
