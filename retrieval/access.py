"""Who may ask, who may re-index, and how often: front-end-neutral policy."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable


class Access:
    def __init__(self, allowed_ids: Iterable[int] = (), admin_ids: Iterable[int] = ()):
        self.allowed = set(allowed_ids)
        self.admins = set(admin_ids)

    def allows(self, user_id: int | None, chat_id: int | None) -> bool:
        """Empty allowlist: everyone. Otherwise the user or the chat must be listed."""
        return not self.allowed or user_id in self.allowed or chat_id in self.allowed

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admins


class RateLimiter:
    """At most ``limit`` events per ``window`` seconds per key (sliding window)."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._events: dict[object, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def wait_time(self, key: object) -> float:
        """0 if the event may happen now (and records it); else seconds to wait."""
        if self.limit <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            q = self._events[key]
            while q and q[0] <= now - self.window:
                q.popleft()
            if len(q) >= self.limit:
                return max(0.0, q[0] + self.window - now)
            q.append(now)
            return 0.0
