from plone import api


def test_types_installed(portal):
    types = api.portal.get_tool("portal_types")
    for name in ("Conference", "TalkRecap", "ResourceList"):
        assert name in types.objectIds()


def test_create_tree(portal):
    with api.env.adopt_roles(["Manager"]):
        conf = api.content.create(
            container=portal, type="Conference", title="PWC 2023",
            tracks=["App Dev", "Cloud"],
        )
        recap = api.content.create(
            container=conf, type="TalkRecap", title="A talk", track="Cloud",
            speakers=[{"name": "Pamela Fox", "url": "https://example.org", "affiliation": None}],
        )
    assert api.content.get_state(recap) == "private"
    brains = api.content.find(confrecap_speakers="Pamela Fox")
    assert [b.getObject() for b in brains] == [recap]
    assert brains[0].confrecap_data["track"] == "Cloud"
