"""``import_markdown()``: the one way a Markdown write-up becomes content.

The REST service, the Classic UI form, the console command and the demo all
call it; each only maps its errors to its own kind of answer.
"""

from collective.confrecap.content.conference import IConference
from collective.confrecap.controlpanel.settings import max_sections
from collective.confrecap.formats.limits import Limits
from collective.confrecap.formats.markdown.parser import parse_markdown
from collective.confrecap.formats.markdown.parser import parse_markdown_bytes
from collective.confrecap.formats.plan import ConferencePlan
from collective.confrecap.importer.attach import attach_to_programme
from collective.confrecap.importer.attach import has_programme
from collective.confrecap.importer.create import create_from_plan
from collective.confrecap.importer.create import exists_message
from collective.confrecap.importer.create import find_existing
from dataclasses import dataclass
from dataclasses import field


@dataclass
class MarkdownImport:
    """What ``import_markdown`` read, found and (unless a dry run) created."""

    plan: ConferencePlan
    existing: object = None
    result: object = None
    warnings: list = field(default_factory=list)

    @property
    def created(self):
        return self.result is not None

    def preview(self):
        """The dry run's answer: the plan, its summary and warnings."""
        return {
            "dry_run": True,
            "plan": self.plan.to_dict(),
            "summary": self.plan.summary(),
            "warnings": self.warnings,
        }


def site_limits():
    """The parse limits, with the control panel's section limit."""
    return Limits(max_sections=max_sections())


def read_plan(source, filename=None):
    """A plan from Markdown text, Markdown bytes, or a plan already made.

    A plan as a dict (the JSON an author edited) is validated strictly.
    """
    if isinstance(source, ConferencePlan):
        return source
    if isinstance(source, dict):
        return ConferencePlan.from_dict(source)
    limits = site_limits()
    if isinstance(source, bytes):
        return parse_markdown_bytes(source, filename=filename, limits=limits)
    return parse_markdown(source, filename=filename, limits=limits)


def import_markdown(
    container,
    source,
    *,
    dry_run=False,
    publish=False,
    replace=False,
    skip_existing=False,
    filename=None,
):
    """Read ``source`` and create its conference in ``container``.

    With ``dry_run`` nothing is created: the result carries the plan and the
    warnings an import would give (an existing conference included). With
    ``skip_existing`` a conference imported before is left alone.
    ``filename`` (an upload's name) may give the post's date. Raises a
    :class:`~collective.confrecap.formats.errors.RecapImportError` (creating
    nothing) when the document cannot be imported.
    """
    plan = read_plan(source, filename)
    existing = find_existing(container, plan)
    outcome = MarkdownImport(plan=plan, existing=existing)
    outcome.warnings = list(plan.warnings)
    # Into a conference with a programme: attach the recaps to its sessions.
    target = container if IConference.providedBy(container) else existing
    if (
        target is not None
        and IConference.providedBy(target)
        and not replace
        and has_programme(target)
    ):
        outcome.existing = None
        if dry_run:
            outcome.warnings.append(
                f"“{target.Title()}” has a programme: the recaps will be attached "
                "to its sessions."
            )
            return outcome
        outcome.result = attach_to_programme(target, plan, publish)
        outcome.warnings = list(outcome.result.warnings)
        return outcome
    if dry_run:
        if existing is not None and not replace:
            outcome.warnings.append(exists_message(existing))
        return outcome
    if skip_existing and existing is not None:
        return outcome
    outcome.result = create_from_plan(container, plan, publish, replace)
    outcome.warnings = list(outcome.result.warnings)
    return outcome
