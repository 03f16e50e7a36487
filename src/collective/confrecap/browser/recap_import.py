"""``@@recap-import``: paste or upload a Markdown write-up, preview, import."""

from collective.confrecap import _
from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.importer.create import ConferenceExistsError
from collective.confrecap.importer.markdown import import_markdown
from plone.autoform.form import AutoExtensibleForm
from plone.base.utils import safe_text
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid


class IRecapImport(Interface):
    """What the import form asks for."""

    markdown = schema.Text(
        title=_("label_import_markdown", default="Markdown"),
        description=_(
            "help_import_markdown",
            default="Paste the write-up here (Markdown with YAML or TOML front "
            "matter), or upload a file below.",
        ),
        required=False,
    )

    upload = schema.Bytes(
        title=_("label_import_upload", default="Markdown file"),
        description=_(
            "help_import_upload",
            default="A .md or .txt file in UTF-8; it is used when the text "
            "area is empty.",
        ),
        required=False,
    )

    publish = schema.Bool(
        title=_("label_import_publish", default="Publish after import"),
        required=False,
        default=False,
    )

    replace = schema.Bool(
        title=_("label_import_replace", default="Replace an existing conference"),
        description=_(
            "help_import_replace",
            default="If this conference was imported here before, replace it "
            "and everything in it.",
        ),
        required=False,
        default=False,
    )


class RecapImportForm(AutoExtensibleForm, form.Form):
    """Import a conference write-up into this folder."""

    schema = IRecapImport
    ignoreContext = True
    label = _("title_recap_import", default="Import conference recap")
    description = _(
        "help_recap_import",
        default="Creates a Conference with its talk recaps and resource lists "
        "from a Markdown write-up. Preview first: nothing is created until you "
        "import.",
    )
    template = ViewPageTemplateFile("templates/recap_import.pt")

    preview = None
    conflict = None

    def _import(self, data, **options):
        markdown = data.get("markdown")
        upload = data.get("upload")
        pasted = bool(markdown and markdown.strip())
        if pasted:
            source = safe_text(markdown).replace("\r\n", "\n")
        elif upload:
            source = upload
        else:
            raise WidgetActionExecutionError(
                "markdown",
                Invalid(
                    _(
                        "error_import_nothing",
                        default="Paste a Markdown write-up or upload a file.",
                    )
                ),
            )
        try:
            return import_markdown(
                self.context, source, replace=bool(data.get("replace")), **options
            )
        except ConferenceExistsError as error:
            raise WidgetActionExecutionError("replace", Invalid(str(error))) from error
        except RecapImportError as error:
            field = "markdown" if pasted else "upload"
            raise WidgetActionExecutionError(field, Invalid(str(error))) from error

    @button.buttonAndHandler(_("button_preview", default="Preview"), name="preview")
    def handle_preview(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        outcome = self._import(data, dry_run=True)
        self.preview = outcome.plan
        if outcome.existing is not None and not data.get("replace"):
            self.conflict = outcome.existing

    @button.buttonAndHandler(_("button_import", default="Import"), name="import")
    def handle_import(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        result = self._import(data, publish=bool(data.get("publish"))).result
        summary = result.summary()
        counts = summary["counts"]
        message = _(
            "msg_import_done",
            default="Imported “${title}”: ${recaps} recap(s), ${lists} resource "
            "list(s), ${resources} resource(s).",
            mapping={
                "title": summary["conference"],
                "recaps": counts["recaps"],
                "lists": counts["resource_lists"],
                "resources": counts["resources"],
            },
        )
        messages = IStatusMessage(self.request)
        messages.add(message, type="info")
        for warning in result.warnings:
            messages.add(warning, type="warning")
        self.request.response.redirect(result.conference.absolute_url())

    def preview_summary(self):
        return self.preview.summary() if self.preview is not None else {}
