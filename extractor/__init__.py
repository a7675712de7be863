"""filing-extractor: noisy SEC filing text (Forms 3/4/5, Form D) to EDGAR-grade records."""

__version__ = "0.1.0"
