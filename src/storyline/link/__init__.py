"""Link: cross-article stages. They see per-article results only, never raw text again."""
