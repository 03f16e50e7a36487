"""Row tables an author can trust: speakers, resources, takeaways, quotes.

collective.z3cform.datagridfield's table, with two changes:

- A blank row (every cell empty, or left at its default such as a
  resource's kind "Other") is not a row: it is left out of the value and
  never validated. The widget's own auto-append and template rows are never
  read from the request either, so a form re-shown because of an unrelated
  error does not say "Required input is missing." under rows nobody filled.
- Takeaways and quotes (a List of Text, stored and served over REST as a
  plain list of strings) are edited in the same kind of table, one column
  wide, instead of z3c.form's multi widget whose "Add" button submits the
  whole form.
"""

from collective.confrecap import _
from collective.confrecap.fields.rows import IRowList
from collective.z3cform.datagridfield.datagridfield import DataGridFieldConverter
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from collective.z3cform.datagridfield.interfaces import IDataGridFieldWidget
from collective.z3cform.datagridfield.row import DictRow
from z3c.form.interfaces import IDataConverter
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import IFormLayer
from z3c.form.interfaces import IValidator
from z3c.form.interfaces import NO_VALUE
from z3c.form.validator import SimpleFieldValidator
from z3c.form.widget import FieldWidget
from zope import schema
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IField
from zope.schema.interfaces import IList


EMPTY_TOKENS = ("", "--NOVALUE--")


class IRowTableWidget(IDataGridFieldWidget):
    """A datagrid whose blank rows are ignored."""


class ITextRowsWidget(IRowTableWidget):
    """A one-column datagrid for a List of Text."""


def _is_empty(raw):
    if raw is None or raw is NO_VALUE:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, (list, tuple)):
        return all(_is_empty(item) or item in EMPTY_TOKENS for item in raw)
    return False


def _default_tokens(column, context):
    """The raw value a row's cell shows before anyone touches it."""
    default = column.default
    if default is None:
        return None
    if IChoice.providedBy(column):
        try:
            return [column.bind(context).vocabulary.getTerm(default).token]
        except (LookupError, AttributeError):
            return [str(default)]
    return str(default)


@implementer(IRowTableWidget)
class RowTableWidget(DataGridFieldWidget):
    """A datagrid table whose blank rows are left out, never validated."""

    allow_reorder = True

    _extracting = False

    def createObjectWidget(self, idx):
        widget = super().createObjectWidget(idx)
        # Only while the table reads the request do its rows read it. The
        # rows shown are given the table's value (blank rows left out), so
        # row 2 of a re-shown form does not first read what was row 2 of
        # the request (maybe a blank row, now dropped) and keep its
        # "Required input is missing."; the auto-append and template rows
        # never read it.
        widget.ignoreRequest = not self._extracting
        return widget

    def raw_row(self, idx):
        """The cells of request row ``idx``, by column name."""
        return {
            name: self.request.get(f"{self.name}.{idx}.widgets.{name}")
            for name in schema.getFieldNames(self.field.value_type.schema)
        }

    def is_blank(self, row):
        """Whether a row (raw cell values by column) was left as it came:
        every cell empty or at its default (a resource's kind "Other")."""
        for name, column in schema.getFieldsInOrder(self.field.value_type.schema):
            raw = row.get(name)
            if _is_empty(raw):
                continue
            default = _default_tokens(column, self.context)
            if default is not None and raw == default:
                continue
            return False
        return True

    def extract(self, default=NO_VALUE):
        """The rows of the request, blank rows left out (never validated)."""
        counter = self.request.get(self.counterName)
        if counter is None:
            return default
        try:
            counter = int(counter)
        except ValueError:
            counter = 0
        rows = []
        self._extracting = True
        try:
            for idx in range(counter):
                if not self.is_blank(self.raw_row(idx)):
                    rows.append(self.getWidget(idx).value)
        finally:
            self._extracting = False
        return rows


@implementer(IValidator)
@adapter(Interface, Interface, Interface, IRowList, IRowTableWidget)
class RowTableValidator(SimpleFieldValidator):
    """The rows are checked by their field, as over REST ("Resource 1: Title
    is required."), not cell by cell (datagridfield's validator checks
    nothing but the cells' own errors)."""


@adapter(IField, IFormLayer)
@implementer(IFieldWidget)
def RowTableFieldWidget(field, request):
    """The widget of ``speakers`` and ``resources``."""
    return FieldWidget(field, RowTableWidget(request))


class ITextRow(Interface):
    """One takeaway or quote: a row of a one-column table."""

    text = schema.Text(title=_("label_text_row", default="Text"), required=False)


@implementer(ITextRowsWidget)
class TextRowsWidget(RowTableWidget):
    """Takeaways and quotes as a one-column table of text areas."""


@adapter(IField, IFormLayer)
@implementer(IFieldWidget)
def TextRowsFieldWidget(field, request):
    """The widget of a List of Text (``takeaways``, ``quotes``).

    The table works on rows, so the widget gets a stand-in field: a list of
    one-column rows with the same name, title and interface (it reads and
    writes the same attribute). ``TextRowsConverter`` turns the rows into
    the list of strings the real field stores; the form still validates
    and stores through the real field.
    """
    rows = schema.List(
        __name__=field.__name__,
        title=field.title,
        description=field.description,
        required=field.required,
        readonly=field.readonly,
        value_type=DictRow(title=field.value_type.title, schema=ITextRow),
        default=[],
        missing_value=[],
    )
    rows.interface = field.interface
    if field.context is not None:
        rows = rows.bind(field.context)
    widget = FieldWidget(rows, TextRowsWidget(request))
    # The column is called what one item is ("Takeaway", "Quote").
    widget.columns = [dict(widget.columns[0], label=field.value_type.title)]
    return widget


@adapter(IList, ITextRowsWidget)
@implementer(IDataConverter)
class TextRowsConverter(DataGridFieldConverter):
    """List of strings <-> rows of one ``text`` cell; empty rows dropped."""

    def toWidgetValue(self, value):
        rows = [{"text": text} for text in value or () if text is not None]
        return super().toWidgetValue(rows)

    def toFieldValue(self, value):
        rows = super().toFieldValue(value) or []
        texts = []
        for row in rows:
            text = ((row or {}).get("text") or "").replace("\r\n", "\n").strip()
            if text:
                texts.append(text)
        return texts
