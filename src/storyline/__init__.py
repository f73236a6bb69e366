"""storyline: a folder of raw news articles about one story in, a source-attributed dossier out.

    import storyline
    dossier = storyline.analyze(["articles/"])
"""

from __future__ import annotations

from .errors import StorylineError
from .model import Article, Dossier, Mention
from .pipeline import analyze, run
from .settings import Settings

__version__ = "0.1.0"

__all__ = ["Article", "Dossier", "Mention", "Settings", "StorylineError", "analyze", "run", "__version__"]
