"""Keep secrets out of every log line, whoever logs it.

httpx logs request URLs at INFO, and Bot API URLs contain the token. A record
factory rewrites each record as it is made, so no handler, formatter or test
capture ever sees the secret.
"""

from __future__ import annotations

import logging
import threading
import traceback

_SECRETS: set[str] = set()
_LOCK = threading.Lock()
_installed = False
MASK = "[REDACTED]"


def redact(text: str) -> str:
    for secret in _SECRETS:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def redact_secret(secret: str) -> None:
    """Register ``secret``; from now on it is masked in every log record."""
    global _installed
    if not secret or len(secret) < 6:
        return
    with _LOCK:
        _SECRETS.add(secret)
        if _installed:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args, **kwargs):
            record = previous(*args, **kwargs)
            if not _SECRETS:
                return record
            try:
                message = record.getMessage()
            except (TypeError, ValueError):  # a broken format string: leave it to logging to report
                return record
            clean = redact(message)
            if clean != message:
                record.msg, record.args = clean, ()
            if record.exc_info and record.exc_info[1] is not None:
                record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip())
            return record

        logging.setLogRecordFactory(factory)
        _installed = True
