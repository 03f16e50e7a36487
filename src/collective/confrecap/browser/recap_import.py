"""``@@recap-import``: paste or upload a Markdown write-up, preview, import.

The preview is an editable review of the plan: each candidate recap in a
table row (title, speakers, kind, track, date, links, and a flag where the
rule that found it was weak). The author drops, merges, splits and renames
recaps, moves sections between the conference text and the recaps, fixes
speakers, and imports exactly that plan. Plain HTML forms: the plan travels
in a hidden JSON field, the CSRF token is plone.protect's authenticator.
"""

from collective.confrecap import _
from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.formats.kinds import TALK_KINDS
from collective.confrecap.formats.plan import ConferencePlan
from collective.confrecap.importer.create import ConferenceExistsError
from collective.confrecap.importer.markdown import import_markdown
from plone.autoform.form import AutoExtensibleForm
from plone.base.utils import safe_text
from plone.protect import CheckAuthenticator
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form import button
from z3c.form import form
from z3c.form.interfaces import WidgetActionExecutionError
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid

import html
import json
import re


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
    review_error = None
    talk_kinds = TALK_KINDS

    def update(self):
        form = self.request.form
        if "review.apply" in form or "review.import" in form:
            CheckAuthenticator(self.request)
            self._review(form)
            if self.request.response.getStatus() in (301, 302):
                return
        super().update()

    def _review(self, form):
        """Apply the author's edits to the plan; import it if asked."""
        try:
            data = json.loads(form.get("plan") or "{}")
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except ValueError:
            self.review_error = _(
                "error_review_plan",
                default="The plan sent with the form cannot be read; preview "
                "the write-up again.",
            )
            return
        try:
            plan = ConferencePlan.from_dict(apply_review(data, form))
        except RecapImportError as error:
            self.review_error = str(error)
            self.preview = None
            return
        self.preview = plan
        if "review.import" not in form:
            return
        try:
            result = import_markdown(
                self.context,
                plan,
                publish=bool(form.get("review.publish")),
                replace=bool(form.get("review.replace")),
            ).result
        except RecapImportError as error:
            self.review_error = str(error)
            return
        self._done(result)

    def plan_json(self):
        return json.dumps(self.preview.to_dict()) if self.preview is not None else ""

    def speaker_names(self, recap):
        """The speakers as the review table edits them: 'A; B'."""
        return "; ".join(speaker["name"] for speaker in recap.speakers)

    def conference_sections(self):
        """The conference text's <h2> sections, which may become recaps."""
        if self.preview is None:
            return []
        return [title for title, _html in text_sections(self.preview.text_html)[1:]]

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
        upload_field = self.request.form.get("form.widgets.upload")
        filename = getattr(upload_field, "filename", None) if not pasted else None
        try:
            return import_markdown(
                self.context,
                source,
                replace=bool(data.get("replace")),
                filename=filename,
                **options,
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
        self._done(result)

    def _done(self, result):
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


# --- the review step: the author's edits applied to the plan's JSON --------------

_H2 = re.compile(r"(?=<h2>)")
_H3 = re.compile(r"(?=<h3>)")
_HEADING_TEXT = re.compile(r"^<h([23])>(.*?)</h\1>\s*", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def text_sections(text_html):
    """[(heading or '', html)] of a rich text cut at its <h2> headings."""
    sections = []
    for part in _H2.split(text_html or ""):
        match = _HEADING_TEXT.match(part)
        if match:
            title = html.unescape(_TAG.sub("", match.group(2))).strip()
            sections.append((title, part[match.end() :]))
        elif part or not sections:
            sections.append(("", part))
    return sections


def _field(form, index, name, default=""):
    value = form.get(f"recap.{index}.{name}", default)
    return value.strip() if isinstance(value, str) else default


def _speakers(recap, names):
    known = {s["name"]: s for s in recap.get("speakers") or []}
    return [
        known.get(name) or {"name": name, "url": None, "affiliation": None}
        for name in names
    ]


def _unique(values):
    return list(dict.fromkeys(values))


def _merge(into, recap):
    into["text_html"] = (
        (into.get("text_html") or "")
        + f"<h3>{html.escape(recap['title'])}</h3>\n"
        + (recap.get("text_html") or "")
    )
    names = {s["name"] for s in into["speakers"]}
    into["speakers"] += [s for s in recap["speakers"] if s["name"] not in names]
    for key in ("takeaways", "quotes"):
        into[key] = _unique((into.get(key) or []) + (recap.get(key) or []))
    into["resources"] = (into.get("resources") or []) + (recap.get("resources") or [])
    for key in ("talk_url", "slides_url", "video_url"):
        into[key] = into.get(key) or recap.get(key)


def _split(recap):
    """The recap and one more per <h3> sub-section of its text."""
    parts = _H3.split(recap.get("text_html") or "")
    recap["text_html"] = parts[0]
    more = []
    for part in parts[1:]:
        match = _HEADING_TEXT.match(part)
        if not match:
            recap["text_html"] += part
            continue
        title = html.unescape(_TAG.sub("", match.group(2))).strip() or recap["title"]
        more.append(
            {
                "title": title,
                "text_html": part[match.end() :],
                "talk_kind": recap.get("talk_kind") or "talk",
                "track": recap.get("track"),
                "session_date": recap.get("session_date"),
                "rule": "author-split",
                "weak": False,
            }
        )
    return [recap, *more]


def apply_review(data, form):
    """The plan ``data`` (to_dict shape) with the review form's edits applied.

    Per recap ``i``: ``recap.i.keep`` (unticked: dropped), ``.title``,
    ``.speakers`` (names separated by ';'), ``.kind``, ``.track``, ``.date``,
    ``.talk_url``/``.slides_url``/``.video_url``, ``.merge`` (into the recap
    above), ``.split`` (one recap per sub-heading), ``.to_text`` (into the
    conference text). ``section.j.to_recap`` makes the conference text's
    j-th section a recap.
    """
    data = dict(data)
    recaps = data.get("recaps") if isinstance(data.get("recaps"), list) else []
    kept, conference_text = [], data.get("text_html") or ""
    for index, original in enumerate(recaps):
        if not isinstance(original, dict):
            kept.append(original)  # from_dict says what is wrong with it
            continue
        if f"recap.{index}.title" not in form:
            kept.append(original)
            continue
        if not form.get(f"recap.{index}.keep"):
            continue
        recap = dict(original)
        recap["title"] = _field(form, index, "title") or original.get("title")
        names = [n.strip() for n in _field(form, index, "speakers").split(";")]
        recap["speakers"] = _speakers(original, [n for n in names if n])
        recap["talk_kind"] = _field(form, index, "kind") or original.get("talk_kind")
        recap["track"] = _field(form, index, "track") or None
        recap["session_date"] = _field(form, index, "date") or None
        for key in ("talk_url", "slides_url", "video_url"):
            recap[key] = _field(form, index, key) or None
        if recap != original:
            recap["weak"] = False  # the author has looked at it
        if form.get(f"recap.{index}.to_text"):
            conference_text += f"<h2>{html.escape(recap['title'])}</h2>\n" + (
                recap.get("text_html") or ""
            )
            continue
        if form.get(f"recap.{index}.merge") and kept:
            _merge(kept[-1], recap)
            continue
        if form.get(f"recap.{index}.split"):
            kept.extend(_split(recap))
            continue
        kept.append(recap)
    sections = text_sections(conference_text)
    text_parts = [sections[0][1]] if sections else []
    for number, (title, body) in enumerate(sections[1:], start=1):
        if form.get(f"section.{number}.to_recap"):
            kept.append(
                {"title": title, "text_html": body, "rule": "author", "weak": False}
            )
        else:
            text_parts.append(f"<h2>{html.escape(title)}</h2>\n{body}")
    data["recaps"] = kept
    data["text_html"] = "".join(text_parts)
    return data
