"""Content types: Conference, Talk Recap and Resource List."""
