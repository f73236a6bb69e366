"""Across articles: corroboration, contradictions, novelty."""
