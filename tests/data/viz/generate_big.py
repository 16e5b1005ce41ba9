"""Generate a large synthetic graph following docs/MODEL.md (about 1,500 nodes) for size and physics
tests of the viz page.  Names are invented combinations; nothing comes from real articles."""

from __future__ import annotations

import random
from pathlib import Path

PREFIXES = """@prefix dt: <https://w3id.org/dantoc-kg/def#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix schema: <http://schema.org/> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix eli-dl: <http://data.europa.eu/eli/eli-draft-legislation-ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
ID = "https://w3id.org/dantoc-kg/id/"
DTK = "https://w3id.org/dantoc-kg/def/"
PROVINCES = [
    ("lai-chau", "Lai Châu"), ("dien-bien", "Điện Biên"), ("son-la", "Sơn La"), ("lao-cai", "Lào Cai"),
    ("yen-bai", "Yên Bái"), ("cao-bang", "Cao Bằng"), ("bac-kan", "Bắc Kạn"), ("lang-son", "Lạng Sơn"),
    ("tuyen-quang", "Tuyên Quang"), ("thanh-hoa", "Thanh Hóa"), ("nghe-an", "Nghệ An"),
    ("kon-tum", "Kon Tum"),
    ("gia-lai", "Gia Lai"), ("dak-nong", "Đắk Nông"), ("lam-dong", "Lâm Đồng"), ("ninh-thuan", "Ninh Thuận"),
    ("tra-vinh", "Trà Vinh"), ("bac-lieu", "Bạc Liêu"), ("ca-mau", "Cà Mau"), ("an-giang", "An Giang"),
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vàng", "Thạch", "Lò", "Hà", "Sùng", "Giàng", "Lương",
          "Đinh"]
MIDDLE = ["Văn", "Thị", "Seo", "A", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Kim"]
GIVEN = ["Dũng", "Hoa", "Páo", "Sử", "Chính", "Lan", "Phong", "Thủy", "Hòa", "Khánh", "Dế", "Sơn", "Mai",
         "Tùng"]
BODIES = [("ubnd-tinh", "UBND tỉnh"), ("ban-dan-toc-tinh", "Ban Dân tộc tỉnh"),
          ("so/tai-chinh", "Sở Tài chính"), ("so/giao-duc", "Sở Giáo dục và Đào tạo"),
          ("hdnd-tinh", "HĐND tỉnh")]
TITLES = ["Trưởng Ban", "Phó Trưởng Ban", "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Chuyên viên"]
ROLES = ["chair", "speaker", "attendee"]


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@vi'


def generate(path: Path, persons_per_province: int = 56, seed: int = 11) -> Path:
    """Write the Turtle file and return its path (1,502 nodes with the defaults)."""
    rnd = random.Random(seed)
    out = [PREFIXES]
    out.append(f"<{ID}org/vn/ubdt> a org:Organization ; skos:prefLabel {_lit('Ủy ban Dân tộc')} .")
    out.append(f"<{ID}doc/vn/1719-qd-ttg> a eli:LegalResource ; "
               f"skos:prefLabel {_lit('Quyết định 1719/QĐ-TTg')} ; eli:passed_by <{ID}org/vn/ubdt> .")
    for pi, (pslug, pname) in enumerate(PROVINCES):
        art = f"{ID}article/{pi:016x}"
        out.append(f"<{ID}place/{pslug}> a dt:Province ; skos:prefLabel {_lit(pname)} .")
        year = 2021 + pi % 4
        out.append(f"<{art}> a schema:NewsArticle , nif:Context ; dcterms:identifier \"gen_{pslug}\" ; "
                   f"schema:headline {_lit('Tin công tác dân tộc tỉnh ' + pname)} ; "
                   f"schema:datePublished \"{year}-06-15\"^^xsd:date .")
        bodies = []
        for bslug, bname in BODIES:
            iri = f"{ID}org/{pslug}/{bslug}"
            bodies.append(iri)
            extra = f" ; org:subOrganizationOf <{ID}org/{pslug}/ubnd-tinh>" if bslug != "ubnd-tinh" else ""
            out.append(f"<{iri}> a org:Organization ; skos:prefLabel {_lit(bname + ' ' + pname)} ; "
                       f"dcterms:spatial <{ID}place/{pslug}>{extra} .")
        out.append(f"<{ID}org/{pslug}/ban-dan-toc-tinh> dt:guidedBy <{ID}org/vn/ubdt> .")
        docs = []
        for d in range(5):
            iri = f"{ID}doc/{pslug}/{d + 10}-kh-ubnd"
            docs.append(iri)
            out.append(f"<{iri}> a eli:LegalResource ; skos:prefLabel {_lit(f'Kế hoạch {d + 10}/KH-UBND')} ; "
                       f"eli:passed_by <{bodies[0]}> ; eli:based_on <{ID}doc/vn/1719-qd-ttg> ; "
                       f"eli:date_document \"{year}-0{d + 1}-10\"^^xsd:date .")
        events = []
        for e in range(8):
            iri = f"{ID}event/{pi:016x}/{e}"
            events.append(iri)
            out.append(f"<{iri}> a eli-dl:Activity , schema:Event ; schema:name {_lit(f'Hội nghị số {e + 1} tỉnh {pname}')} ; "
                       f"eli-dl:activity_date \"{year}-0{e % 9 + 1}-05\"^^xsd:date ; "
                       f"eli-dl:had_responsible_organization <{rnd.choice(bodies)}> ; "
                       f"schema:location <{ID}place/{pslug}> ; schema:about <{rnd.choice(docs)}> .")
        for k in range(persons_per_province):
            name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
            person = f"{ID}person/{pslug}/p{k}"
            sent = f"{art}#char={k * 100},{k * 100 + 90}"
            title, body = rnd.choice(TITLES), rnd.choice(bodies)
            out.append(f"<{sent}> a nif:Sentence ; nif:referenceContext <{art}> ; "
                       f"nif:anchorOf {_lit(f'Ông {name}, {title} phát biểu tại hội nghị tỉnh {pname}.')} .")
            out.append(f"<{person}> a foaf:Person ; foaf:name {_lit(name)} ; prov:wasInfluencedBy <{sent}> .")
            out.append(f"<{ID}membership/{pi:016x}/{k}> a org:Membership ; org:member <{person}> ; "
                       f"org:organization <{body}> ; dt:attestation <{ID}attestation/{pi:016x}/{k}> ; "
                       f"prov:wasInfluencedBy <{sent}> .")
            out.append(f"<{ID}attestation/{pi:016x}/{k}> a dt:Attestation ; prov:hadPrimarySource <{art}> ; "
                       f"dt:postTitle {_lit(title)} ; dt:attestedOn \"{year}-06-15\"^^xsd:date ; "
                       f"prov:wasInfluencedBy <{sent}> .")
            event = rnd.choice(events)
            part = f"{ID}participation/{pi:016x}/{k}"
            out.append(f"<{event}> eli-dl:had_participation <{part}> .")
            out.append(f"<{part}> a eli-dl:Participation ; eli-dl:had_participant_person <{person}> ; "
                       f"eli-dl:participation_role <{DTK}prole/{rnd.choice(ROLES)}> ; "
                       f"prov:wasInfluencedBy <{sent}> .")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def expected_nodes(persons_per_province: int = 56) -> int:
    """Nodes the projection should find: ubdt + 1719, then per province: place, bodies, documents,
    events and people."""
    return 2 + len(PROVINCES) * (1 + len(BODIES) + 5 + 8 + persons_per_province)
