"""Plone's ``image_scales`` and ``getObjSize`` metadata of our types, without
asking every field.

Plone computes both by walking every field of every schema of the object:
``image_scales`` looks up an ``IImageScalesFieldAdapter`` per field, and
``getObjSize`` (through Dexterity's ``getSize``) reads each field through its
behavior adapter. For a Talk Recap, with its dozen behaviors, that is about
6 ms, half the cost of cataloguing one. Our types store every field on the
object itself, and the only values that count are stored files and images
(and rich text for the size). So Plone's indexers are asked only when such
a value is stored; otherwise the answer is what Plone's would be: no scales
(nothing stored) and a size of 0.
"""

from Acquisition import aq_base
from collective.confrecap.content.talkrecap import ITalkRecap
from plone.base.utils import human_readable_size
from plone.indexer.decorator import indexer
from plone.namedfile.interfaces import INamedImage
from Products.CMFPlone.CatalogTool import getObjSize as plone_getObjSize
from Products.CMFPlone.image_scales.indexer import image_scales as plone_image_scales


def _stored(obj):
    base = aq_base(obj)
    base._p_activate()
    return vars(base).values()


def has_image(obj):
    """Whether any value stored on ``obj`` is an image."""
    return any(INamedImage.providedBy(value) for value in _stored(obj))


def has_sized_value(obj):
    """Whether any value stored on ``obj`` has a size (a file, an image,
    rich text)."""
    return any(hasattr(value, "getSize") for value in _stored(obj))


# Registered in configure.zcml for each of our three types.
@indexer(ITalkRecap)
def image_scales(obj):
    if not has_image(obj):
        raise AttributeError("image_scales")  # nothing stored, as Plone does
    return plone_image_scales.callable(obj)


@indexer(ITalkRecap)
def getObjSize(obj):
    if not has_sized_value(obj):
        return human_readable_size(0)
    return plone_getObjSize.callable(obj)
