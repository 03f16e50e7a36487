"""``confrecap-import``: import Markdown write-ups into a Plone site.

    confrecap-import --zope-conf instance/etc/zope.conf [--site Plone]
        [--folder path/in/site] [--publish] [--replace] [--dry-run]
        FILE_OR_DIR...

One transaction per post: a post that fails creates nothing and the others
still import. Exit code 1 if any post failed, 2 if nothing could be
imported at all (no such configuration, site or folder; the database in use
or not reachable).

``--zope-conf`` is any instance's configuration: ``instance/etc/zope.conf``
of ``make start`` (stop the server first: FileStorage is locked) or
``cluster/instance-a/etc/zope.conf`` of ``make cluster`` (RelStorage: it
runs while the instances serve). See ``zope_app.open_site``.
"""

from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.importer.markdown import import_markdown
from collective.confrecap.importer.zope_app import ConsoleError
from collective.confrecap.importer.zope_app import folder_of
from collective.confrecap.importer.zope_app import site_of
from pathlib import Path

import argparse
import sys
import transaction


def _parser():
    parser = argparse.ArgumentParser(
        prog="confrecap-import",
        description="Import conference write-ups (Markdown) into a Plone site.",
    )
    parser.add_argument("--zope-conf", required=True, help="path to zope.conf")
    parser.add_argument("--site", default="Plone", help="id of the Plone site")
    parser.add_argument("--folder", default="", help="folder path inside the site")
    parser.add_argument("--publish", action="store_true", help="publish it all")
    parser.add_argument(
        "--replace", action="store_true", help="replace conferences imported before"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="parse and report; create nothing"
    )
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
    return parser


def collect(paths):
    """The files to import: each file, and every *.md of each folder."""
    files = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(path.glob("*.md")))
        else:
            files.append(path)
    return files


def run_import(
    container, files, publish=False, replace=False, dry_run=False, out=sys.stdout
):
    """Import each file in its own transaction; returns the number that failed."""
    failed = 0
    for path in files:
        try:
            outcome = import_markdown(
                container,
                path.read_bytes(),
                dry_run=dry_run,
                publish=publish,
                replace=replace,
                filename=path.name,
            )
            if dry_run:
                counts = outcome.plan.summary()
                print(
                    f"{path}: would create “{outcome.plan.title}” with "
                    f"{counts['recaps']} recap(s) and "
                    f"{counts['resource_lists']} resource list(s)",
                    file=out,
                )
                continue
            result = outcome.result
            summary = result.summary()
            transaction.commit()
        except (RecapImportError, OSError) as error:
            transaction.abort()
            failed += 1
            print(f"{path}: ERROR: {error}", file=out)
            continue
        # The path, not the URL: a console request has no real host name.
        where = "/".join(result.conference.getPhysicalPath())
        print(f"{path}: created {where} ({summary['review_state']})", file=out)
        for title in summary["recaps"]:
            print(f"  recap: {title}", file=out)
        for title in summary["resource_lists"]:
            print(f"  resource list: {title}", file=out)
        for warning in summary["warnings"]:
            print(f"  warning: {warning}", file=out)
    return failed


def main(argv=None, out=sys.stdout):
    args = _parser().parse_args(argv)
    files = collect(args.paths)
    if not files:
        print("No Markdown files to import.", file=out)
        return 1
    try:
        with site_of(args.zope_conf, args.site) as site:
            container = folder_of(site, args.folder, args.site)
            failed = run_import(
                container, files, args.publish, args.replace, args.dry_run, out
            )
    except ConsoleError as error:
        print(f"ERROR: {error}", file=out)
        return 2
    return 1 if failed else 0


def console():
    sys.exit(main())
