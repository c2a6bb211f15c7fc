"""Exceptions retrieval raises; front ends turn them into one line for the user.

How a front end reports them (exit codes, replies) is its own business:
bot/cli.py maps each class to an exit code.
"""


class BeritaError(Exception):
    """Base: a problem the user can fix. ``str(err)`` is the one-line message."""


class ConfigError(BeritaError):
    """A setting is missing, malformed or out of range."""


class ModelError(BeritaError):
    """The embedding model can't be found or loaded."""


class IndexMissingError(BeritaError):
    """No index has been built yet."""


class IndexCorruptError(BeritaError):
    """The index on disk is damaged; `berita index --rebuild` fixes it."""


class IndexWriteError(BeritaError):
    """The index folder can't be written (permissions, full disk)."""


class QuestionError(BeritaError):
    """Empty or oversized question."""


class IngestError(BeritaError):
    """The articles folder itself is unusable (not a single bad file)."""
