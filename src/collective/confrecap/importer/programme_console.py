"""``confrecap-import-programme``: import conference programmes into a site.

    confrecap-import-programme --zope-conf instance/etc/zope.conf
        [--site Plone] [--folder path/in/site] [--publish] [--publish-sessions]
        [--exclude-from-navigation] [--dry-run]
        SOURCE...

A SOURCE is a programme file (pretalx/frab schedule.json, frab/pretalx or
Pentabarf schedule.xml, pyvideo bundle), a pyvideo data folder (with
``category.json``), a folder of such folders (the pyvideo/data repository),
or a pyvideo data tarball (``.tar``, ``.tar.xz``). One transaction per
conference: one that fails changes nothing and the others still import;
progress is printed as it goes. Exit code 1 if any conference failed, 2 if
nothing could be imported at all.
"""

from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.formats.programme import pyvideo
from collective.confrecap.formats.programme.detect import read_programme
from collective.confrecap.importer.programme import import_programme
from collective.confrecap.importer.zope_app import ConsoleError
from collective.confrecap.importer.zope_app import folder_of
from collective.confrecap.importer.zope_app import site_of
from pathlib import Path
from plone.app.event.base import default_timezone

import argparse
import sys
import time
import transaction


def _parser():
    parser = argparse.ArgumentParser(
        prog="confrecap-import-programme",
        description="Import conference programmes (pretalx, frab, Pentabarf, "
        "pyvideo.org) into a Plone site.",
    )
    parser.add_argument("--zope-conf", required=True, help="path to zope.conf")
    parser.add_argument("--site", default="Plone", help="id of the Plone site")
    parser.add_argument("--folder", default="", help="folder path inside the site")
    parser.add_argument(
        "--publish", action="store_true", help="publish new conferences"
    )
    parser.add_argument(
        "--publish-sessions",
        action="store_true",
        help="publish the sessions the import creates too (an archive of talks "
        "that took place); without it they stay private until their recap is "
        "written",
    )
    parser.add_argument(
        "--exclude-from-navigation",
        action="store_true",
        help="keep the conferences it creates out of the navigation (an "
        "archive of hundreds is browsed with its folder's listing; in the "
        "navigation every page would list them all)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="read and report; change nothing"
    )
    parser.add_argument("paths", nargs="+", metavar="SOURCE")
    return parser


def sources(paths, default_timezone=None):
    """``(name, loader)`` for each conference of the paths, in order.

    A loader returns the ProgrammePlan (or raises a RecapImportError); it is
    called only when that conference's turn comes, so a whole archive is
    never held in memory at once.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir() and (path / "category.json").is_file():
            yield path.name, lambda p=path: pyvideo.read_folder(p, default_timezone)
        elif path.is_dir():
            for child in sorted(path.iterdir()):
                if (child / "category.json").is_file():
                    yield (
                        child.name,
                        lambda p=child: pyvideo.read_folder(p, default_timezone),
                    )
        elif path.name.endswith((".tar", ".tar.xz", ".tar.gz", ".tgz", ".txz")):
            for folder, category, videos in pyvideo.iter_archive(path):
                yield (
                    folder,
                    lambda c=category, v=videos, f=folder: pyvideo.from_members(
                        c, v, name=f, default_timezone=default_timezone
                    ),
                )
        else:
            yield (
                path.name,
                lambda p=path: read_programme(p.read_bytes(), default_timezone),
            )


def run_programme_import(
    container, items, publish=False, dry_run=False, out=sys.stdout, **options
):
    """Import each conference in its own transaction; returns ``(done,
    failed)``. ``items`` may be a generator (an archive is read as it goes)."""
    failed = done = 0
    total = len(items) if hasattr(items, "__len__") else "?"
    for number, (name, load) in enumerate(items, start=1):
        done += 1
        began = time.perf_counter()
        try:
            plan = load()
            outcome = import_programme(
                container, plan, dry_run=dry_run, publish=publish, **options
            )
            if dry_run:
                transaction.abort()
            else:
                transaction.commit()
        except (RecapImportError, OSError) as error:
            transaction.abort()
            failed += 1
            print(f"[{number}/{total}] {name}: ERROR: {error}", file=out)
            continue
        counts = outcome.counts()
        where = (
            "/".join(outcome.conference.getPhysicalPath())
            if outcome.conference is not None
            else f"“{plan.title}” (new)"
        )
        verb = "would import into" if dry_run else "imported into"
        print(
            f"[{number}/{total}] {name}: {verb} {where}: "
            f"{counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged, {counts['removed']} removed "
            f"({time.perf_counter() - began:.1f} s)",
            file=out,
            flush=True,
        )
        for warning in outcome.warnings:
            print(f"  warning: {warning}", file=out)
    return done, failed


def main(argv=None, out=sys.stdout):
    args = _parser().parse_args(argv)
    try:
        with site_of(args.zope_conf, args.site) as site:
            container = folder_of(site, args.folder, args.site)
            items = sources(args.paths, default_timezone(container))
            done, failed = run_programme_import(
                container,
                items,
                args.publish,
                args.dry_run,
                out,
                publish_sessions=args.publish_sessions,
                exclude_from_nav=args.exclude_from_navigation,
            )
    except ConsoleError as error:
        print(f"ERROR: {error}", file=out)
        return 2
    if not done:
        print("No programmes to import.", file=out)
        return 1
    return 1 if failed else 0


def console():
    sys.exit(main())
