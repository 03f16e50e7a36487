"""Reusable behaviors: talk details, speakers, takeaways and resources."""
