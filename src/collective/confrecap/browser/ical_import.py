"""No "Enable icalendar import" on a Conference.

plone.app.event offers its icalendar import on every folderish item. A
Conference is itself the event: importing a calendar into it would create
Events among its recaps, which none of its views shows. Its actions are
conditioned on the ``ical_import_tool`` view; this one, for conferences,
says the import is not available there (a conference where someone had
enabled it still offers "Disable icalendar import").
"""

from plone.app.event.ical.importer import IcalendarImportTool


class ConferenceIcalImportTool(IcalendarImportTool):
    @property
    def available(self):
        return False
