"""Markdown write-ups (CommonMark + YAML/TOML front matter) to a plan, and back."""
