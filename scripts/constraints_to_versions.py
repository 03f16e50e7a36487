"""Write buildout's versions.cfg from the pins in constraints.txt.

Usage: python scripts/constraints_to_versions.py [constraints.txt] [versions.cfg]

Only ``name==version`` lines are used (comments, ``# via`` blocks, options and
environment markers are skipped; a pin with a marker is kept without it).
collective.confrecap itself is never pinned: buildout uses the develop egg.
Standard library only, so it runs before any environment exists.
"""

from pathlib import Path

import re
import sys


HEADER = """\
# GENERATED FILE - do not edit by hand.
# Made from {source} by scripts/constraints_to_versions.py
# (`make versions`, or `make constraints` to re-pin everything).
# Buildout (>= 5) compares project names in their canonical (PEP 503) form.

[buildout]
show-picked-versions = true

[versions]
"""
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;#]+)")
UNPINNED = {"collective-confrecap"}
# Buildout adds its own defaults (">=" its version, ">=2.0.6") unless it finds
# these two under their literal dotted names (zc.buildout 5.2 checks
# ``'zc.recipe.egg' not in versions`` before normalizing); a pin under the
# canonical name would then be silently replaced. So spell them with dots.
SPELLING = {"zc-buildout": "zc.buildout", "zc-recipe-egg": "zc.recipe.egg"}


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(text):
    pins = {}
    for line in text.splitlines():
        match = PIN.match(line.strip())
        if not match:
            continue
        name = canonical(match.group(1))
        if name in UNPINNED:
            continue
        pins[SPELLING.get(name, name)] = match.group(3)
    return pins


def main(argv):
    source = Path(argv[1] if len(argv) > 1 else "constraints.txt")
    target = Path(argv[2] if len(argv) > 2 else "versions.cfg")
    pins = read_pins(source.read_text(encoding="utf-8"))
    if not pins:
        print(f"No pins found in {source}", file=sys.stderr)
        return 1
    width = max(len(name) for name in pins)
    lines = [
        f"{name:<{width}} = {version}"
        for name, version in sorted(pins.items(), key=lambda pin: canonical(pin[0]))
    ]
    target.write_text(
        HEADER.format(source=source.name) + "\n".join(lines) + "\n", encoding="utf-8"
    )
    print(f"Wrote {len(pins)} pins to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
