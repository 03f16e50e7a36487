"""``@@programme-import``: upload a conference programme, preview, import.

On a folder it creates (or syncs) the conference of the programme; on a
conference it syncs that conference's sessions. The preview is a dry run of
the same ``import_programme()`` the REST service and the console use; the
uploaded file is kept in the text area so "Import" needs no second upload.
"""

from collective.confrecap import _
from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.importer.programme import import_programme
from plone.autoform.form import AutoExtensibleForm
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid


class IProgrammeImport(Interface):
    """What the programme import form asks for."""

    upload = schema.Bytes(
        title=_("label_programme_upload", default="Programme file"),
        description=_(
            "help_programme_upload",
            default="A pretalx or frab schedule.json, a frab, pretalx or "
            "Pentabarf (FOSDEM) schedule.xml, or a pyvideo.org bundle; up to 10 MB.",
        ),
        required=False,
    )

    programme = schema.Text(
        title=_("label_programme_text", default="Or paste the programme"),
        description=_(
            "help_programme_text",
            default="The file's content (JSON or XML); used when no file is "
            "uploaded. The preview fills it in with the uploaded file.",
        ),
        required=False,
    )

    publish = schema.Bool(
        title=_("label_programme_publish", default="Publish a new conference"),
        description=_(
            "help_programme_publish",
            default="Sessions stay private until their recap is written.",
        ),
        required=False,
        default=False,
    )

    publish_sessions = schema.Bool(
        title=_("label_programme_publish_sessions", default="Publish the sessions"),
        description=_(
            "help_programme_publish_sessions",
            default="For an archive of talks that took place: the sessions "
            "this import creates are published at once, not kept private "
            "until their recap is written.",
        ),
        required=False,
        default=False,
    )


class ProgrammeImportForm(AutoExtensibleForm, form.Form):
    schema = IProgrammeImport
    ignoreContext = True
    label = _("title_programme_import", default="Import conference programme")
    description = _(
        "help_programme_import",
        default="Creates a private session (a talk recap to write) for each "
        "session of the programme; importing it again updates what the "
        "programme changed and never touches what authors wrote. Preview first: "
        "nothing changes until you import.",
    )
    template = ViewPageTemplateFile("templates/programme_import.pt")

    outcome = None

    def _source(self, data):
        upload = data.get("upload")
        if upload:
            return upload
        pasted = data.get("programme")
        if pasted and pasted.strip():
            return pasted.encode("utf-8")
        raise WidgetActionExecutionError(
            "upload",
            Invalid(
                _(
                    "error_programme_nothing",
                    default="Upload a programme file or paste its content.",
                )
            ),
        )

    def _run(self, data, **options):
        source = self._source(data)
        field = "upload" if data.get("upload") else "programme"
        try:
            outcome = import_programme(self.context, source, **options)
        except RecapImportError as error:
            raise WidgetActionExecutionError(field, Invalid(str(error))) from error
        return source, outcome

    @button.buttonAndHandler(_("button_preview", default="Preview"), name="preview")
    def handle_preview(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        source, self.outcome = self._run(data, dry_run=True)
        widget = self.widgets["programme"]
        widget.value = source.decode("utf-8", "replace")

    @button.buttonAndHandler(_("button_import", default="Import"), name="import")
    def handle_import(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        _source, outcome = self._run(
            data,
            publish=bool(data.get("publish")),
            publish_sessions=bool(data.get("publish_sessions")),
        )
        counts = outcome.counts()
        message = _(
            "msg_programme_import_done",
            default="Imported the programme of “${title}”: ${created} created, "
            "${updated} updated, ${unchanged} unchanged, ${removed} no longer in "
            "the programme.",
            mapping={"title": outcome.conference.Title(), **counts},
        )
        messages = IStatusMessage(self.request)
        messages.add(message, type="info")
        for warning in outcome.warnings:
            messages.add(warning, type="warning")
        self.request.response.redirect(
            outcome.conference.absolute_url() + "/@@coverage"
        )

    def preview(self):
        """Rows of the preview table: each session and what would happen."""
        if self.outcome is None:
            return []
        status = {}
        for name in ("created", "updated", "unchanged"):
            for item in getattr(self.outcome, name):
                status[item["programme_id"]] = name
        rows = []
        for session in self.outcome.plan.sessions:
            rows.append(
                {
                    "title": session.title,
                    "date": session.date.isoformat() if session.date else "",
                    "time": session.start.strftime("%H:%M") if session.start else "",
                    "room": session.room or "",
                    "track": session.track or "",
                    "speakers": ", ".join(s["name"] for s in session.speakers),
                    "status": status.get(session.programme_id, ""),
                }
            )
        return rows

    def removed(self):
        return self.outcome.removed if self.outcome is not None else []
