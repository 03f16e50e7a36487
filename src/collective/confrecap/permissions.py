"""Permission ids of collective.confrecap (titles are in permissions.zcml)."""

AddConference = "collective.confrecap: Add Conference"
AddTalkRecap = "collective.confrecap: Add Talk Recap"
AddResourceList = "collective.confrecap: Add Resource List"
