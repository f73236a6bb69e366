"""Data files shipped with storyline (the bundled equipment gazetteer)."""
