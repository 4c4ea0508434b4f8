"""Prefect flows. ``flows.ingest.ingest`` is the main job (``citycoop ingest``)."""
