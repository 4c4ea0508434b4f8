"""Extractors: pure functions from a spaCy Doc to typed records (see ``records``).

Nothing here touches files, tables or Prefect; ``extractors.pipeline.extract`` is the
single entry point the flow calls.
"""
from .pipeline import EXTRACTOR_VERSION, extract
from .records import Extraction

__all__ = ["EXTRACTOR_VERSION", "Extraction", "extract"]
