"""Keep the index in step with the articles folder (watchfiles)."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .build import IndexReport
from .errors import BeritaError
from .ingest import SUFFIXES

log = logging.getLogger(__name__)


def _is_article(change, path: str) -> bool:
    name = os.path.basename(path)
    return path.lower().endswith(SUFFIXES) and not name.startswith(".")


def _signature(paths: set[str]) -> dict[str, tuple[int, int] | None]:
    out: dict[str, tuple[int, int] | None] = {}
    for p in paths:
        try:
            st = os.stat(p)
            out[p] = (st.st_size, st.st_mtime_ns)
        except OSError:
            out[p] = None
    return out


def wait_until_settled(paths: set[str], quiet: float, stop: threading.Event, limit: float = 300.0) -> None:
    """Return once none of ``paths`` has changed for ``quiet`` seconds.

    A writer that pauses between chunks (a slow copy, an editor) must not get
    its file indexed half-way.
    """
    deadline = time.monotonic() + limit
    before = _signature(paths)
    while not stop.is_set() and time.monotonic() < deadline:
        newest = max((s[1] for s in before.values() if s), default=0)
        age = time.time() - newest / 1e9
        if age < quiet:
            stop.wait(quiet - age)
        else:
            stop.wait(min(quiet, 0.25))
        after = _signature(paths)
        if (
            after == before
            and time.time() - max((s[1] for s in after.values() if s), default=0) / 1e9 >= quiet
        ):
            return
        before = after


def watch(
    folder: Path,
    rebuild: Callable[[], IndexReport],
    stop: threading.Event,
    settle_ms: int = 1500,
    on_report: Callable[[IndexReport], None] | None = None,
) -> None:
    """Rebuild (incrementally) after article files change, until ``stop`` is set.

    A failed build is logged and retried on the next change; the previous index
    keeps serving meanwhile.
    """
    from watchfiles import watch as watch_changes

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    quiet = settle_ms / 1000
    for changes in watch_changes(
        folder,
        watch_filter=_is_article,
        stop_event=stop,
        step=min(settle_ms, 200),
        rust_timeout=1000,
        yield_on_timeout=False,
        raise_interrupt=False,
    ):
        paths = {p for _, p in changes}
        log.info("articles changed: %s", ", ".join(sorted(os.path.relpath(p, folder) for p in paths)))
        wait_until_settled(paths, quiet, stop)
        if stop.is_set():
            return
        try:
            report = rebuild()
        except BeritaError as exc:
            log.error("re-index failed: %s", exc)
            continue
        except Exception:
            log.exception("re-index failed")
            continue
        for p in report.problems:  # on_report shows them; with nobody to show them, warn
            log.log(logging.INFO if on_report else logging.WARNING, "not indexed: %s: %s", p.file, p.message)
        if on_report:
            on_report(report)


class Watcher:
    """``watch`` on a daemon thread, for servers (berita telegram)."""

    def __init__(
        self,
        folder: Path,
        rebuild: Callable[[], IndexReport],
        settle_ms: int = 1500,
        on_report: Callable[[IndexReport], None] | None = None,
    ):
        self.stop_event = threading.Event()
        self._thread = threading.Thread(
            target=watch,
            args=(folder, rebuild, self.stop_event, settle_ms, on_report),
            name="berita-watch",
            daemon=True,
        )

    def start(self) -> Watcher:
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        self._thread.join(timeout)
