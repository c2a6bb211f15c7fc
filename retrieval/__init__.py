"""berita's retrieval core: ingest → chunk → embed → index → search → answer."""

from .answer import Answer, Citation, Passage
from .api import Berita, Source
from .config import Config, load_config
from .errors import BeritaError

__all__ = ["Answer", "Berita", "BeritaError", "Citation", "Config", "Passage", "Source", "load_config"]
