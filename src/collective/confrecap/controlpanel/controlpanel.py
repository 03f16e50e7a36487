"""The "Conference coverage" control panel: a Classic UI form and the
plone.restapi ``@controlpanels/confrecap`` adapter over the same records."""

from collective.confrecap import _
from collective.confrecap.controlpanel.interfaces import IConfrecapSettings
from collective.confrecap.interfaces import ICollectiveConfrecapLayer
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope.component import adapter
from zope.interface import Interface


class ConfrecapSettingsEditForm(RegistryEditForm):
    schema = IConfrecapSettings
    schema_prefix = None
    id = "confrecap-controlpanel"
    label = _("label_confrecap_controlpanel", default="Conference coverage")
    description = _(
        "help_confrecap_controlpanel",
        default="Settings of the conference coverage views.",
    )


class ConfrecapControlPanel(ControlPanelFormWrapper):
    form = ConfrecapSettingsEditForm


@adapter(Interface, ICollectiveConfrecapLayer)
class ConfrecapControlpanel(RegistryConfigletPanel):
    """``@controlpanels/confrecap``: read and patch the settings."""

    schema = IConfrecapSettings
    schema_prefix = None
    configlet_id = "confrecap-controlpanel"
    configlet_category_id = "Products"
    title = _("label_confrecap_controlpanel", default="Conference coverage")
    group = "Products"
