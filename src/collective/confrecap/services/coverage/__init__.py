"""``GET <conference>/@coverage``."""
