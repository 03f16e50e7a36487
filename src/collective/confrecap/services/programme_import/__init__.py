"""``POST <folder-or-conference>/@programme-import``."""
