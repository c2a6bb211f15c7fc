"""Who may ask, who may re-index, and how often: the bot's access policy."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable, Iterable


class Access:
    def __init__(self, allowed_ids: Iterable[int] = (), admin_ids: Iterable[int] = ()):
        self.allowed = set(allowed_ids)
        self.admins = set(admin_ids)

    def allows(self, user_id: int | None, chat_id: int | None) -> bool:
        """Empty allowlist: everyone. Otherwise the user or the chat must be listed."""
        return not self.allowed or user_id in self.allowed or chat_id in self.allowed

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admins


# Keys remembered at once; the oldest are forgotten first, so a flood of distinct
# senders cannot grow memory without bound.
MAX_KEYS = 10_000


class RateLimiter:
    """At most ``limit`` events per ``window`` seconds per key (sliding window)."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._events: OrderedDict[Hashable, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait_time(self, key: Hashable) -> float:
        """0 if the event may happen now (and records it); else seconds to wait."""
        if self.limit <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            q = self._events.setdefault(key, deque())
            self._events.move_to_end(key)
            while len(self._events) > MAX_KEYS:
                self._events.popitem(last=False)
            while q and q[0] <= now - self.window:
                q.popleft()
            if len(q) >= self.limit:
                return max(0.0, q[0] + self.window - now)
            q.append(now)
            return 0.0


class OncePer:
    """True the first time a key is seen in each ``window`` seconds, then False.

    Refusals (rate limited, not allowed) are told once per window; telling every
    message of a flood would turn it into a flood of replies.
    """

    def __init__(self, window: float, clock: Callable[[], float] = time.monotonic):
        self.window, self.clock = window, clock
        self._told: OrderedDict[Hashable, float] = OrderedDict()
        self._lock = threading.Lock()

    def first(self, key: Hashable) -> bool:
        now = self.clock()
        with self._lock:
            last = self._told.get(key)
            if last is not None and now - last < self.window:
                return False
            self._told[key] = now
            self._told.move_to_end(key)
            while len(self._told) > MAX_KEYS:
                self._told.popitem(last=False)
            return True
