"""``image_scales`` metadata of our types, without asking every field.

Plone's own indexer (``Products.CMFPlone.image_scales``) looks up an
``IImageScalesFieldAdapter`` for each field of each schema of the object:
for a Talk Recap, with its dozen behaviors, that is about 5 ms, the largest
single cost of cataloguing one. Plone's only such adapter is for image
fields, whose value (a NamedImage) is stored on the object itself. So when
no value stored on the object is an image there are no scales, and Plone's
indexer is asked only when there is one: the metadata stays exactly what
Plone stores.
"""

from Acquisition import aq_base
from collective.confrecap.content.conference import IConference
from collective.confrecap.content.resourcelist import IResourceList
from collective.confrecap.content.talkrecap import ITalkRecap
from plone.indexer.decorator import indexer
from plone.namedfile.interfaces import INamedImage
from Products.CMFPlone.image_scales.indexer import image_scales as plone_image_scales


def has_image(obj):
    """Whether any value stored on ``obj`` is an image."""
    base = aq_base(obj)
    base._p_activate()
    return any(INamedImage.providedBy(value) for value in vars(base).values())


def _image_scales(obj):
    if not has_image(obj):
        raise AttributeError("image_scales")  # nothing stored, as Plone does
    return plone_image_scales.callable(obj)


@indexer(ITalkRecap)
def image_scales_talkrecap(obj):
    return _image_scales(obj)


@indexer(IConference)
def image_scales_conference(obj):
    return _image_scales(obj)


@indexer(IResourceList)
def image_scales_resourcelist(obj):
    return _image_scales(obj)
