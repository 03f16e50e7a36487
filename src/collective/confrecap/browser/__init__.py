"""Classic UI: views, listings, static resources."""
