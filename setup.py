"""Installer for the collective.confrecap package."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


long_description = "\n\n".join(
    Path(name).read_text(encoding="utf-8") for name in ("README.rst", "CHANGES.rst")
)

setup(
    name="collective.confrecap",
    version="1.0.0.dev0",
    description="Conference coverage for Plone: conferences, talk recaps, "
    "speakers, takeaways and resource lists, in Classic UI and plone.restapi.",
    long_description=long_description,
    long_description_content_type="text/x-rst",
    classifiers=[
        "Development Status :: 4 - Beta",
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Framework :: Zope :: 5",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
        "Operating System :: OS Independent",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3 :: Only",
        "Programming Language :: Python :: 3.11",
    ],
    keywords="Python Plone CMS conference recap talks speakers",
    author="collective.confrecap contributors",
    author_email="collective@plone.org",
    url="https://github.com/collective/collective.confrecap",
    license="GPL version 2",
    packages=find_namespace_packages("src", include=["collective.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    # What CI runs (.ci/run: Debian bookworm's Python 3.11). Plone 6.2 itself
    # supports 3.10-3.13; claim another version once CI runs it.
    python_requires=">=3.11",
    install_requires=[
        "Products.CMFPlone>=6.2",
        "plone.api",
        "plone.restapi",
        "plone.app.dexterity",
        "plone.app.event",
        "plone.app.z3cform",
        "plone.supermodel",
        "plone.autoform",
        "plone.schema",
        "collective.z3cform.datagridfield>=4.0",
        "defusedxml",
        "ftfy",
        "markdown-it-py",
        "markdownify",
        "PyYAML",
        # TOML front matter: tomllib is in the standard library from 3.11.
        'tomli; python_version < "3.11"',
        "setuptools",
        "z3c.autoinclude",
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.app.contenttypes[test]",
            "plone.testing",
            "pytest",
            "pytest-plone",
            "requests",
            "playwright",
            "hypothesis",
        ],
        # make cluster: RelStorage on PostgreSQL (psycopg2-binary needs no
        # pg_config or compiler; it provides the same ``psycopg2`` module).
        "cluster": [
            "RelStorage",
            "psycopg2-binary",
        ],
        "dev": [
            "ruff",
            "zpretty",
            "i18ndude",
            "codespell",
            "towncrier",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
        "console_scripts": [
            "confrecap-import = collective.confrecap.importer.console:console",
            "confrecap-import-programme = "
            "collective.confrecap.importer.programme_console:console",
        ],
    },
)
