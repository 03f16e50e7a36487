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
        "Programming Language :: Python :: 3.10",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
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
    python_requires=">=3.10",
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
        "dev": [
            "ruff",
            "zpretty",
            "i18ndude",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
        "console_scripts": [
            "confrecap-import = collective.confrecap.importer.console:console",
        ],
    },
)
