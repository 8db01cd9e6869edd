"""anthology: checks and renderers for a curated registry of ML training practices."""

__version__ = "0.2.1"
