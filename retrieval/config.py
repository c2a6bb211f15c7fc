"""Settings, looked up in one place: CLI flag → environment → config.toml → default."""

from __future__ import annotations

import math
import os
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError


def _default_cache() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return str(Path(base) / "berita")


@dataclass(frozen=True)
class Setting:
    key: str  # dotted name in config.toml
    env: str | None
    default: Any
    kind: type
    help: str
    min: float | None = None  # inclusive bounds for int/float settings
    max: float | None = None


# Every setting the program reads. config.example.toml documents the same list
# (a test keeps the two in step).
SETTINGS: list[Setting] = [
    Setting("articles_dir", "BERITA_ARTICLES_DIR", "seeds", Path, "folder of .txt/.md articles"),
    Setting("data_dir", "BERITA_DATA_DIR", "data", Path, "where the index lives"),
    Setting(
        "model.name",
        "BERITA_MODEL",
        "intfloat/multilingual-e5-small",
        str,
        "sentence-transformers model: hub id or local path",
    ),
    Setting(
        "model.cache_dir",
        "BERITA_CACHE_DIR",
        _default_cache(),
        Path,
        "where the converted default model is kept",
    ),
    Setting("model.offline", "BERITA_OFFLINE", True, bool, "never download from the hub"),
    Setting("model.device", "BERITA_DEVICE", "cpu", str, "torch device"),
    Setting(
        "model.backend",
        "BERITA_BACKEND",
        "auto",
        str,
        "torch | onnx | onnx-int8 | auto (onnx for the built-in model, torch otherwise)",
    ),
    Setting("model.batch_size", None, 32, int, "embedding batch size", min=1, max=4096),
    Setting("chunk.max_chars", None, 700, int, "largest chunk, in characters", min=1),
    Setting("chunk.min_chars", None, 200, int, "paragraphs shorter than this join the next", min=0),
    Setting("index.max_file_bytes", None, 2_000_000, int, "files larger than this are skipped", min=1),
    Setting("index.exact_below", None, 50_000, int, "chunks below which search is exact (flat)", min=0),
    Setting(
        "index.follow_external_links",
        None,
        False,
        bool,
        "index files whose symlinks lead outside the articles folder",
    ),
    Setting("search.top_k", "BERITA_TOP_K", 5, int, "passages returned", min=1, max=50),
    Setting(
        "search.min_score", None, 0.797, float, "best passage score below which we decline", min=0.0, max=1.0
    ),
    Setting("search.hybrid", None, True, bool, "fuse BM25 with vector search"),
    Setting("answer.max_sentences", None, 2, int, "sentences in the extractive answer", min=1),
    Setting("answer.max_question_chars", None, 1000, int, "longer questions are refused", min=1),
    Setting(
        "answer.today",
        "BERITA_TODAY",
        "",
        str,
        "the day 'last week' and 'latest' are read against (YYYY-MM-DD); empty: the newest article's",
    ),
    Setting("telegram.token", "TELEGRAM_BOT_TOKEN", "", str, "bot token from BotFather"),
    Setting(
        "telegram.api_base_url",
        "BERITA_TELEGRAM_API_URL",
        "https://api.telegram.org/bot",
        str,
        "Bot API base URL",
    ),
    Setting("telegram.file_base_url", None, "", str, "Bot API file URL (derived when empty)"),
    Setting("telegram.webhook_url", "BERITA_WEBHOOK_URL", "", str, "public URL: webhook mode when set"),
    Setting("telegram.webhook_listen", None, "127.0.0.1", str, "address the webhook server binds"),
    Setting(
        "telegram.webhook_port",
        "BERITA_WEBHOOK_PORT",
        8443,
        int,
        "port of the webhook server",
        min=1,
        max=65535,
    ),
    Setting("telegram.webhook_secret", "BERITA_WEBHOOK_SECRET", "", str, "secret_token Telegram sends"),
    Setting("telegram.allowed_ids", None, [], list, "user/chat ids allowed (empty = everyone)"),
    Setting("telegram.admin_ids", None, [], list, "user ids allowed to /reindex"),
    Setting("telegram.rate_limit", None, 5, int, "questions per user per rate_window (0 = no limit)", min=0),
    Setting("telegram.rate_window", None, 60.0, float, "seconds", min=0.001),
    Setting("telegram.watch", None, True, bool, "re-index when article files change"),
    Setting("telegram.channel_posts", None, False, bool, "answer /ask and mentions in channels too"),
    Setting(
        "telegram.followup_minutes",
        None,
        10.0,
        float,
        "a private-chat question within this many minutes of the last continues its conversation",
        min=0,
        max=1440,
    ),
    Setting("watch.debounce_ms", None, 1500, int, "quiet time before a changed file is indexed", min=0),
]
_BY_KEY = {s.key: s for s in SETTINGS}


_KIND_NAMES = {
    bool: "true or false",
    int: "an integer",
    float: "a number",
    str: "a string",
    list: "a list of integer ids",
    Path: "a path",
}


def _convert(kind: type, value: Any) -> Any:
    """``value`` as ``kind``, strictly: no silent truncation, no NaN, no str() of a table."""
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            low = value.strip().lower()
            if low in ("1", "true", "yes", "on"):
                return True
            if low in ("0", "false", "no", "off"):
                return False
        raise ValueError(value)
    if kind is int:
        if isinstance(value, bool):
            raise ValueError(value)
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError(value)
            return int(value)
        if isinstance(value, int | str):
            return int(value)
        raise ValueError(value)
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError(value)
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(value)
        return number
    if kind is list:
        items = value.replace(",", " ").split() if isinstance(value, str) else value
        if not isinstance(items, list):
            raise ValueError(value)
        return [_convert(int, v) for v in items]
    if kind is Path:
        if not isinstance(value, str | Path):
            raise ValueError(value)
        return Path(os.path.expanduser(str(value)))
    if not isinstance(value, str):
        raise ValueError(value)
    return value


def _coerce(s: Setting, value: Any, origin: str) -> Any:
    try:
        out = _convert(s.kind, value)
    except (TypeError, ValueError, OverflowError):
        raise ConfigError(f"{origin}: {s.key} must be {_KIND_NAMES[s.kind]}, got {value!r}") from None
    if s.min is not None and out < s.min:
        raise ConfigError(f"{origin}: {s.key} must be at least {s.min:g}, got {value!r}")
    if s.max is not None and out > s.max:
        raise ConfigError(f"{origin}: {s.key} must be at most {s.max:g}, got {value!r}")
    return out


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in table.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = v
    return out


@dataclass(frozen=True)
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None  # the config.toml that was read, if any

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def articles_dir(self) -> Path:
        return self.values["articles_dir"]

    @property
    def data_dir(self) -> Path:
        return self.values["data_dir"]

    def replace(self, **overrides: Any) -> Config:
        """A copy with some settings changed (keys with '.' spelled '__')."""
        values = dict(self.values)
        for k, v in overrides.items():
            key = k.replace("__", ".")
            values[key] = _coerce(_BY_KEY[key], v, "override")
        return Config(values, self.path)


MAX_CONFIG_BYTES = 1_000_000  # a real config.toml is a few kB; anything bigger is a mistake


def _read_config_text(p: Path) -> str:
    """The file's text; refuses devices and FIFOs (they never end) and huge files.

    A UTF-8 byte-order mark (Notepad adds one) is accepted.
    """
    mode = p.stat().st_mode
    if not stat.S_ISREG(mode):
        raise ConfigError(f"config file {p} is not a regular file")
    with p.open("rb") as f:
        data = f.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"config file {p} is larger than {MAX_CONFIG_BYTES} bytes")
    return data.decode("utf-8-sig")


def load_config(
    flags: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    config_path: str | Path | None = None,
) -> Config:
    env = os.environ if env is None else env
    flags = {k: v for k, v in (flags or {}).items() if v is not None}
    path = config_path or env.get("BERITA_CONFIG")
    file_values: dict[str, Any] = {}
    base = Path.cwd()
    if path is None and Path("config.toml").exists():
        path = "config.toml"
    if path is not None:
        p = Path(path).expanduser()
        try:
            file_values = _flatten(tomllib.loads(_read_config_text(p)))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {p}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{p} is not valid TOML: {exc}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read config file {p}: {exc}") from None
        unknown = sorted(set(file_values) - set(_BY_KEY))
        if unknown:
            raise ConfigError(f"{p}: unknown setting(s): {', '.join(unknown)}")
        base = p.parent.resolve()
        path = p
    values: dict[str, Any] = {}
    for s in SETTINGS:
        if s.key in flags:
            values[s.key] = _coerce(s, flags[s.key], "option")
        elif s.env and env.get(s.env, "") != "":
            values[s.key] = _coerce(s, env[s.env], s.env)
        elif s.key in file_values:
            v = _coerce(s, file_values[s.key], str(path))
            # Relative folders in a config file are relative to that file.
            if s.kind is Path and not v.is_absolute():
                v = base / v
            values[s.key] = v
        else:
            values[s.key] = _coerce(s, s.default, "default")
    return Config(values, Path(path) if path else None)


def setting_keys() -> list[str]:
    return [s.key for s in SETTINGS]


__all__ = ["SETTINGS", "Config", "load_config", "setting_keys"]
