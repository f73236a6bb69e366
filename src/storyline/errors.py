"""One exception root. Messages say what went wrong and what to do."""


class StorylineError(Exception):
    """Root of every error storyline raises on purpose."""


class InputError(StorylineError):
    """An input cannot be read: missing, unsupported, too large, not an article."""


class FetchError(InputError):
    """A URL could not be fetched, or fetching it is not allowed."""


class NoArticlesError(StorylineError):
    """A run found nothing it could process."""


class ModelError(StorylineError):
    """The NLP pipeline is missing or cannot be loaded."""


class StoreError(StorylineError):
    """The SQLite store is unreadable or from a newer storyline."""

