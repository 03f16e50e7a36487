"""The base classes of our types: Dexterity's, with two look-ups made cheap.

Adding a recap runs hundreds of adapter look-ups and attribute look-ups on
it (creation events, workflow, the indexing queue, every catalog index and
metadata column). Two of Dexterity's answers dominated the time of loading
an archive, and both are recomputed on every call:

- **What the object provides.** Dexterity's ``__providedBy__`` adds the
  type's schema and behavior markers to the object's own interfaces and
  caches the result on the object, but checks that cache through the FTI's
  modification time, looked up anew each time (about 10 µs a call, some 400
  calls for each recap added). :class:`TypeAwareSpecification` puts a cache
  of its own in front, checked with what can change the answer: the
  object's own ``__provides__``, Dexterity's count of schema invalidations
  (an FTI edited in this process) and the FTI's serial (an FTI edited by
  another process and committed); when it misses, Dexterity answers.
- **Attributes the object does not have.** Dexterity looks for a field of
  that name in the type's schema and then in every behavior's schema, one
  by one, to return the field's default; only then does acquisition ask
  the parent, which does the same. The indexing queue, catalog indexing
  and permission checks ask for dozens of names no schema has
  (``isTemporary``, ``cmf_uid``, ``getRemoteUrl``, tool names…).
  :func:`field_names` is the set of the fields of all the type's schemas,
  computed once per version of them (Dexterity's ``SCHEMA_CACHE`` says
  when they change): any other name fails at once. A field's default still
  comes from Dexterity.

Two more answers are looked up through the whole acquisition chain for
nothing: ``isTemporary`` (asked four times for each recap by the
indexing queue, answered by no one since Plone dropped
``portal_factory``), and the catalog's path search in
``reindexObjectSecurity``, which an item needs no more than a look-up of
its own entry (an item has no sub-objects; two searches for each recap
created and published). And catalog entries hold the object's own values
only (:mod:`collective.confrecap.indexers.own_values`).

Both cheaper look-ups follow the type's FTI: behaviors given to an object by another
``IBehaviorAssignable`` than Dexterity's are not looked at for defaults.
"""

from collective.confrecap.interfaces import IOwnCatalogValues
from plone.dexterity.content import _recursion_detection
from plone.dexterity.content import Container
from plone.dexterity.content import FTIAwareSpecification
from plone.dexterity.content import Item
from plone.dexterity.schema import lookup_fti
from plone.dexterity.schema import SCHEMA_CACHE
from plone.folder.ordered import CMFOrderedBTreeFolderBase
from zope.interface import implementer
from zope.interface.declarations import getObjectSpecification
from zope.interface.declarations import implementedBy
from zope.schema import getFieldNames


# (portal_type, id(fti)) -> (fti, version, frozenset of field names); each
# connection (thread) has its own FTI object, kept here so that its id
# cannot be reused by another object while the entry lives.
_NAMES = {}
_MAX_ENTRIES = 256


def _no_field(name):
    """Names Dexterity itself never looks up in a schema."""
    return name.startswith("__") or name.startswith("_v")


def _version(fti):
    """What changes when the type's schemas may have: an FTI edited in this
    process (Dexterity counts the invalidations), or edited and committed
    by another one (its serial)."""
    return (SCHEMA_CACHE.invalidations, None if fti is None else fti._p_serial)


def field_names(portal_type):
    """The names of the fields of ``portal_type``'s schema and behaviors."""
    if portal_type is None:  # an object being constructed
        return frozenset()
    fti = lookup_fti(portal_type)
    key = (portal_type, id(fti))
    version = _version(fti)
    entry = _NAMES.get(key)
    if entry is not None and entry[0] is fti and entry[1] == version:
        return entry[2]
    names = frozenset(
        name
        for schema in SCHEMA_CACHE.schema_interfaces(portal_type)
        if schema is not None
        for name in getFieldNames(schema)
    )
    if len(_NAMES) >= _MAX_ENTRIES:  # types edited many times: start afresh
        _NAMES.clear()
    _NAMES[key] = (fti, version, names)
    return names


class TypeAwareSpecification(FTIAwareSpecification):
    """Dexterity's ``__providedBy__`` (the object's interfaces plus its
    type's schema and behavior markers) behind a cheaper cache check: when
    the check fails, Dexterity computes the answer as always."""

    def __get__(self, inst, cls=None):
        if inst is None:
            return getObjectSpecification(cls)
        spec = getattr(inst, "__provides__", None)
        if getattr(_recursion_detection, "blocked", False):
            return spec  # Dexterity is computing an answer: as it does
        portal_type = getattr(inst, "portal_type", None)
        if portal_type is None:
            return spec if spec is not None else implementedBy(cls)
        fti = lookup_fti(portal_type)
        version = _version(fti)
        cache = getattr(inst, "_v_confrecap_provided", None)
        if (
            cache is not None
            and cache[0] is spec
            and cache[1] is fti
            and cache[2] == version
        ):
            return cache[3]
        result = super().__get__(inst, cls)
        inst._v_confrecap_provided = (spec, fti, version, result)
        return result


def _is_temporary(self):
    # Never: Plone 6 has no portal_factory. No docstring, so not published.
    return False


@implementer(IOwnCatalogValues)
class BaseItem(Item):
    """Dexterity's Item, with the cheaper look-ups."""

    __providedBy__ = TypeAwareSpecification()
    isTemporary = _is_temporary

    def __getattr__(self, name):
        if _no_field(name) or name not in field_names(self.portal_type):
            raise AttributeError(name)
        return Item.__getattr__(self, name)

    def reindexObjectSecurity(self, skip_self=False):
        """Queue the reindexing of this item's security indexes.

        CMF searches the catalog for the object's path to find it and
        everything under it; an item has nothing under it, so a look-up of
        its own entry does. An item created in this transaction has no
        entry yet: the indexing queued for it indexes its security too.
        """
        if skip_self:
            return
        catalog = self._getCatalogTool()
        if catalog is None:
            return
        if catalog.getrid("/".join(self.getPhysicalPath())) is not None:
            self.reindexObject(idxs=self._cmf_security_indexes, update_metadata=0)


@implementer(IOwnCatalogValues)
class BaseContainer(Container):
    """Dexterity's Container, with the cheaper look-ups: a missing name
    that is no field is looked up among the items only (as BTreeFolder2
    does)."""

    __providedBy__ = TypeAwareSpecification()
    isTemporary = _is_temporary

    def __getattr__(self, name):
        if not _no_field(name) and name in field_names(self.portal_type):
            return Container.__getattr__(self, name)
        if self._tree is not None:
            return CMFOrderedBTreeFolderBase.__getattr__(self, name)
        raise AttributeError(name)
