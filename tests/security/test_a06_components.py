"""OWASP A06 Vulnerable and outdated components: what runs is what was
pinned and reviewed. Every pin in ``constraints.txt`` is the version
installed, so an update (a security fix) is a visible change of the pins,
and nothing runs that the pins do not name."""

from importlib import metadata
from packaging.utils import canonicalize_name
from pathlib import Path

import re


CONSTRAINTS = Path(__file__).resolve().parents[2] / "constraints.txt"
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;#]+)")


def _pins():
    pins = {}
    for line in CONSTRAINTS.read_text().splitlines():
        match = PIN.match(line.strip())
        if match:
            name = re.sub(r"\[.*\]", "", match.group(1))
            pins[canonicalize_name(name)] = match.group(2)
    return pins


def test_every_pin_is_what_is_installed():
    pins = _pins()
    assert len(pins) > 100
    installed = {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions()
    }
    wrong = {
        name: (pinned, installed[name])
        for name, pinned in pins.items()
        if name in installed and installed[name] != pinned
    }
    assert wrong == {}


def test_core_security_packages_are_pinned_and_installed():
    pins = _pins()
    for name in ("plone-protect", "plone-session", "zope", "plone-restapi", "pyjwt"):
        assert name in pins, name
        assert metadata.version(name) == pins[name]
