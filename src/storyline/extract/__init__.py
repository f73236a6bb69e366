"""Extract: per-article, pure functions of (Article, spaCy Doc) -> evidence-bearing items.

`entities.py` today; quotes, time expressions and claims join it as their own modules.
"""
