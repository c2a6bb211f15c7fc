"""Exceptions retrieval raises; front ends turn them into one line for the user."""


class BeritaError(Exception):
    """Base: a problem the user can fix. ``str(err)`` is the one-line message."""

    exit_code = 1


class ConfigError(BeritaError):
    exit_code = 2


class ModelError(BeritaError):
    exit_code = 3


class IndexMissingError(BeritaError):
    exit_code = 4


class IndexCorruptError(BeritaError):
    exit_code = 5


class IndexWriteError(BeritaError):
    """The index folder can't be written (permissions, full disk)."""

    exit_code = 7


class QuestionError(BeritaError):
    """Empty or oversized question."""

    exit_code = 2


class IngestError(BeritaError):
    """The articles folder itself is unusable (not a single bad file)."""

    exit_code = 6
