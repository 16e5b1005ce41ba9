"""Bodies: canonical labels, parents (from ``data/org_kinds.yaml``) and the canonical key of a body.

The key is what the IRI is minted from, so it must not depend on how the body was written: the same
body written long ("Ủy ban nhân dân tỉnh Trà Vinh"), short ("UBND tỉnh Trà Vinh") or in the other tone
style gives the same key, because labels are built from canonical heads and names (data/bodies.yaml),
never copied from the text.

Keys:  "vn/ubdt", "vn/bo/tai-chinh", "tra-vinh/ban-dan-toc-tinh", "tra-vinh/so/tai-chinh",
"kon-tum/ia-h-drai/phong-dan-toc", "bao/bao-nghe-an"; a body of a province that the text does not
name is scoped to its article: "a/<article_scope>/ban-dan-toc-tinh", so that two articles' "Ban Dân
tộc tỉnh" never merge.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from graph.datafiles import load_yaml
from graph.extract.facts import OrgRef
from graph.resolve.gazetteer import Gazetteer, Province
from graph.text.normalize import fold, nfc, short_hash, slug

_DATA = Path(__file__).resolve().parent.parent / "data"

# heads of labels, by kind; "{u}" is the unit part ("tỉnh Trà Vinh", "thành phố Hà Nội", "tỉnh")
PROVINCE_LABELS: dict[str, str] = {
    "ban-dan-toc-tinh": "Ban Dân tộc {u}",
    "ubnd-tinh": "Ủy ban nhân dân {u}",
    "hdnd-tinh": "Hội đồng nhân dân {u}",
    "mttq-tinh": "Ủy ban Mặt trận Tổ quốc {u}",
    "doan-dbqh": "Đoàn Đại biểu Quốc hội {u}",
    "van-phong-ubnd-tinh": "Văn phòng Ủy ban nhân dân {u}",
    "dang-bo-tinh": "Đảng bộ {u}",
    "bch-dang-bo-tinh": "Ban Chấp hành Đảng bộ {u}",
    "dai-phat-thanh": "Đài Phát thanh và Truyền hình {u}",
}
DISTRICT_LABELS: dict[str, str] = {
    "ubnd-huyen": "Ủy ban nhân dân {d}",
    "hdnd-huyen": "Hội đồng nhân dân {d}",
    "mttq-huyen": "Ủy ban Mặt trận Tổ quốc {d}",
    "phong-dan-toc": "Phòng Dân tộc {d}",
}
# kinds whose key carries a name (several bodies of that kind per scope)
# a commune-level body written with its level word and no name ("Ủy ban nhân dân phường", "Đảng ủy xã")
_UNNAMED_COMMUNE = re.compile(r"(?:^|\s)(?:xã|phường|thị trấn)$", re.IGNORECASE)
_NAMED_PREFIX = {"so": "Sở ", "bo": "Bộ ", "phong": "Phòng ", "ban-tinh-uy": "Ban ", "ban-hdnd-tinh": "Ban ",
                 "hop-tac-xa": "Hợp tác xã "}


@lru_cache(maxsize=1)
def org_kinds() -> dict[str, dict]:
    """The kinds of bodies (notation -> properties) from data/org_kinds.yaml."""
    with (_DATA / "org_kinds.yaml").open(encoding="utf-8") as fh:
        return load_yaml(fh)


@lru_cache(maxsize=1)
def national_directory() -> dict[str, dict]:
    """The national bodies of data/bodies.yaml (canonical name -> forms, parent, kind)."""
    with (_DATA / "bodies.yaml").open(encoding="utf-8") as fh:
        return {nfc(name): entry or {} for name, entry in (load_yaml(fh).get("national_bodies") or {}).items()}


# heads of a commune's bodies ("Đảng ủy xã Nậm Ban"), by kind
COMMUNE_HEADS = {"ubnd-xa": "Ủy ban nhân dân", "hdnd-xa": "Hội đồng nhân dân", "mttq-xa": "Ủy ban Mặt trận Tổ quốc",
                 "dang-uy-xa": "Đảng ủy"}

# composed bodies: "<head> <body>" (Thường trực Tỉnh ủy X, Ban Chấp hành Hội Nông dân tỉnh X)
COMPOSED_HEADS = {"thuong-truc": ("Ban Thường trực", "Thường trực"), "ban-thuong-vu": ("Ban Thường vụ",),
                  "ban-chap-hanh": ("Ban Chấp hành",)}


def unit_phrase(province: Province | None, written_unit: str | None = None) -> str:
    """'tỉnh Trà Vinh' / 'thành phố Hà Nội'; without a province the unit word as written (or 'tỉnh')."""
    if province is not None:
        return f"{province.unit_word} {province.name}"
    return written_unit or "tỉnh"


def party_committee(province: Province | None) -> str:
    """'Tỉnh ủy Yên Bái' / 'Thành ủy Hà Nội' / 'Tỉnh ủy'."""
    if province is None:
        return "Tỉnh ủy"
    return f"{'Thành ủy' if province.is_city else 'Tỉnh ủy'} {province.name}"


def province_label(kind: str, province: Province | None, written_unit: str | None = None) -> str:
    """Label of a singleton provincial body of ``kind``."""
    if kind == "tinh-uy":
        return party_committee(province)
    if kind == "ban-thuong-vu-tinh-uy":
        return f"Ban Thường vụ {party_committee(province)}"
    return PROVINCE_LABELS[kind].format(u=unit_phrase(province, written_unit))


def district_label(kind: str, unit_word: str, name: str | None) -> str:
    d = f"{unit_word} {name}" if name else unit_word
    if kind == "huyen-uy":
        committee = {"huyện": "Huyện ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy", "quận": "Quận ủy"}
        head = committee.get(unit_word, "Huyện ủy")
        return f"{head} {name}" if name else head
    return DISTRICT_LABELS[kind].format(d=d)


@lru_cache(maxsize=8192)
def parent_of(org: OrgRef) -> OrgRef | None:
    """The body ``org`` belongs to (org_kinds.yaml ``parent``), in the same province/district.

    Cached: a standing board's or an office's parent is found by reading its label again."""
    kinds = org_kinds()
    if org.kind == "co-quan-tw":
        return _directory_parent(org.label)
    if org.kind in COMPOSED_HEADS:
        return _composed_parent(org)
    if org.kind == "don-vi":
        return _subunit_parent(org)
    if org.kind == "ban-huyen-uy":
        m = re.search(r"(?:Huyện|Thị|Thành|Quận) ủy(?: .+)?$", org.label)
        return OrgRef(kind="huyen-uy", label=m.group(0), province=org.province, district=org.district) if m else None
    parent = (kinds.get(org.kind) or {}).get("parent")
    if not parent:
        return None
    pk = kinds[parent]
    gaz = Gazetteer.default()
    prov = gaz.province(org.province) if org.province else None
    if pk.get("level") == "national" or (pk.get("level") == "party" and parent in
                                         ("ban-chap-hanh-tw", "bo-chinh-tri", "ban-bi-thu")):
        return OrgRef(kind=parent, label=pk["vi"], national=True)
    if parent in PROVINCE_LABELS or parent in ("tinh-uy", "ban-thuong-vu-tinh-uy"):
        return OrgRef(kind=parent, label=province_label(parent, prov), province=org.province)
    if parent in DISTRICT_LABELS or parent == "huyen-uy":
        unit_word, name = "huyện", None
        m = re.search(r"\b(huyện|thị xã|thành phố|quận)\s+(.+)$", org.label)
        if m:
            unit_word, name = m.group(1), m.group(2)
        return OrgRef(kind=parent, label=district_label(parent, unit_word, name), province=org.province,
                      district=org.district)
    return OrgRef(kind=parent, label=pk["vi"], province=org.province)


def _directory_parent(label: str) -> OrgRef | None:
    """A national body's parent from the directory: a kind ('quoc-hoi') or another entry's name."""
    parent = (national_directory().get(label) or {}).get("parent")
    if not parent:
        return None
    kinds = org_kinds()
    if parent in kinds:
        return OrgRef(kind=parent, label=kinds[parent]["vi"], national=True)
    entry = national_directory().get(parent)
    if entry is None:
        return None
    return OrgRef(kind=entry.get("kind") or "co-quan-tw", label=parent, national=True)


def _composed_parent(org: OrgRef) -> OrgRef | None:
    """'Thường trực Tỉnh ủy Gia Lai' belongs to 'Tỉnh ủy Gia Lai': the body named after the head."""
    from graph.extract.organizations import body_from_phrase  # extraction reads this module's data

    for head in COMPOSED_HEADS[org.kind]:
        if org.label.startswith(head + " "):
            prov = Gazetteer.default().province(org.province) if org.province else None
            inner = body_from_phrase(org.label[len(head) + 1:], prov)
            if inner is not None and inner.kind not in COMPOSED_HEADS:
                return inner
    return None


def _subunit_parent(org: OrgRef) -> OrgRef | None:
    """'Văn phòng Ban Dân tộc tỉnh X' belongs to the last body its label names: 'Ban Dân tộc tỉnh X'."""
    from graph.extract.organizations import find_organizations  # extraction reads this module's data

    prov = Gazetteer.default().province(org.province) if org.province else None
    found = [m.org for m in find_organizations(org.label, [], prov, subunits=False)]
    return found[-1] if found else None


def guide_of(org: OrgRef) -> OrgRef | None:
    """The body giving professional guidance (org_kinds.yaml ``guided_by``): Ban Dân tộc tỉnh -> Ủy ban Dân tộc.

    Guidance is not containment, so it becomes dt:guidedBy (a sub-property of org:linkedTo), never
    org:subOrganizationOf: a walk up the hierarchy must not pass from a province into a ministry.
    """
    kinds = org_kinds()
    target = (kinds.get(org.kind) or {}).get("guided_by")
    if not target:
        return None
    tk = kinds[target]
    if tk.get("level") == "national":
        return OrgRef(kind=target, label=tk["vi"], national=True)
    if not org.province:
        return None
    prov = Gazetteer.default().province(org.province)
    return OrgRef(kind=target, label=province_label(target, prov), province=org.province)


def _strip_province(label: str, province: Province | None) -> str:
    """'Sở Tài chính tỉnh Trà Vinh' -> 'Sở Tài chính'."""
    if province is not None:
        for name in (province.name, *province.aliases):
            label = re.sub(r"\s*(?:tỉnh|thành phố|Tỉnh ủy|Thành ủy)?\s*" + re.escape(name) + r"$", "", label)
    return re.sub(r"\s+(?:tỉnh|thành phố)$", "", label).strip()


def org_key(org: OrgRef, article_scope: str) -> str:
    """Canonical key of a body, stable across spellings; unknown province -> scoped to the article."""
    kinds = org_kinds()
    props = kinds.get(org.kind) or {}
    gaz = Gazetteer.default()
    prov = gaz.province(org.province) if org.province else None
    base = _strip_province(org.label, prov)
    if org.kind in COMPOSED_HEADS and prov is not None:
        # keep the inner body's head: "Thường trực Tỉnh ủy" and "Thường trực HĐND" differ
        base = re.sub(r"\s+(?:tỉnh\s+|thành phố\s+)?" + re.escape(prov.name) + r"$", "", org.label)
    name_part = base
    prefix = _NAMED_PREFIX.get(org.kind)
    if prefix and fold(base).startswith(fold(prefix)):
        name_part = base[len(prefix):]
    if org.kind == "phong":
        name_part = re.sub(r"\s+(?:huyện|thị xã|thành phố|quận)\s+.*$", "", name_part)
    if org.kind == "ban-tinh-uy":
        name_part = re.sub(r"\s+(?:Tỉnh ủy|Thành ủy)$", "", name_part)
    if org.kind == "ban-hdnd-tinh":
        name_part = re.sub(r"\s+Hội đồng nhân dân$", "", name_part)
    name_slug = slug(name_part)

    if org.national or (props.get("level") == "national" and org.province is None):
        if props.get("singleton"):
            return f"vn/{org.kind}"
        return f"vn/{org.kind}/{name_slug}"
    if org.kind in ("bao", "cong-ty"):
        return f"{org.kind}/{slug(org.label)}"
    if org.kind == "quan-doi" and prov is None:
        return f"vn/quan-doi/{slug(org.label)}"
    scope = org.province if org.province else f"a/{article_scope}"
    if org.kind in ("ban-chi-dao", "ban-to-chuc", "other"):
        return f"{scope}/{org.kind}/{slug(base, 40)}-{short_hash(base)}"
    level = props.get("level")
    if level in ("district", "commune") or org.kind == "huyen-uy":
        if level == "commune" and _UNNAMED_COMMUNE.search(base):
            return f"a/{article_scope}/{slug(base)}"    # "UBND phường": the ward this article means, not every ward
        if org.kind == "ubnd-xa":
            return f"{scope}/xa/{name_slug}"
        if level == "commune":
            return f"{scope}/{org.kind}/{slug(base)}"
        if org.kind == "to-chuc-huyen" and org.district:
            agency = re.sub(r"\s+(?:huyện|thị xã|quận|thành phố)\s+.*$", "", base)
            return f"{scope}/{org.district}/{org.kind}/{slug(agency)}"
        if org.kind == "ban-huyen-uy" and org.district:
            board = re.sub(r"\s+(?:Huyện|Thị|Thành|Quận) ủy(?: .+)?$", "", base)
            return f"{scope}/{org.district}/{org.kind}/{slug(board)}"
        if not org.district:
            return f"a/{article_scope}/{slug(base)}"
        if org.kind == "phong":
            return f"{scope}/{org.district}/phong/{name_slug}"
        return f"{scope}/{org.district}/{org.kind}"
    if props.get("singleton"):
        return f"{scope}/{org.kind}"
    return f"{scope}/{org.kind}/{name_slug}"
