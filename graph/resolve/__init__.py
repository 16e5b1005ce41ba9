"""Resolution: places (gazetteer) and bodies (labels, parents, canonical keys)."""

from graph.resolve.gazetteer import District, Gazetteer, Province
from graph.resolve.orgs import org_key, org_kinds, parent_of

__all__ = ["District", "Gazetteer", "Province", "org_key", "org_kinds", "parent_of"]
