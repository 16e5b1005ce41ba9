"""Saved portal pages -> article text with paragraph breaks, plus what the page's meta tags say.

Scripts, styles and other non-text elements go first; then navigation, headers, footers, forms, sidebars
and blocks holding visitor counters, related-article lists or contact/copyright lines -- but never an
element that holds the article body, and never one holding a long prose paragraph.  The article body is
found from ``itemprop=articleBody``, ``<article>``, content class names, or else the densest text block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import lxml.html
from lxml import etree

from graph.read.vocab import vocab
from graph.text.dates import find_dates
from graph.text.normalize import clean_space, fold

_JUNK_TAGS = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
              "button", "select", "option", "textarea", "input", "link", "meta", "head", "title", "map",
              "audio", "video", "source", "picture")
_LAYOUT_TAGS = frozenset({"nav", "menu", "header", "footer", "aside", "form"})
_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li", "ul", "ol", "dl",
    "dt", "dd", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
    "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "figure", "figcaption", "address", "center", "form", "fieldset", "legend", "hr",
    "body", "html", "details", "summary",
})
_JUNK_CLASS = re.compile(
    r"(?:^|[\s_\-])(?:nav|navbar|navigation|menu|menutop|topmenu|mainmenu|breadcrumbs?|sidebar|side-bar|leftcol|"
    r"rightcol|footer|header|banner|topbar|toolbar|share|sharing|social|related|other-?news|othernews|tinkhac|"
    r"tin-khac|comments?|counter|thongke|thong-ke|visitors?|statistic|advert|ads|quangcao|quang-cao|widget|login|"
    r"search|pager|pagination|copyright|poll|binhchon|lienket|weblinks?|tags?|hotline|ribbon)(?:$|[\s_\-])",
    re.IGNORECASE)
_CONTENT_CLASS = re.compile(
    r"article-?body|articlebody|article-?content|article-?detail|news-?content|news-?detail|newsdetail|post-?content|"
    r"entry-?content|content-?detail|contentdetail|detail-?content|noi-?dung|ndtin|chi-?tiet|fulltext|"
    r"full-?text|story-?body|main-?content|ms-rtestate-field|td-post-content|item-?page|baiviet|bai-viet",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…\"”)]\s*$")
_ISO_DATE = re.compile(r"((?:19|20|21)\d\d)-(\d\d)-(\d\d)")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|div|p|table|article|span|br|h1|h2|ul|li|a\s+href)\b[^<]{0,2000}?>",
    re.IGNORECASE)
_SPACE = re.compile(r"\s+")
# huge_tree: libxml2 otherwise silently cuts pages nested deeper than 255 levels, losing their text
_PARSER = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
_BR, _PAR = "\x00", "\x01"


@dataclass
class HtmlPage:
    text: str                       # the article region's text, paragraphs separated by blank lines
    full_text: str                  # every visible text of the page (for the footer's portal name)
    title: str | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    portal: str | None = None


def looks_like_html(raw: str) -> bool:
    """Sniff: markup at the start, or several tags in the first few kilobytes."""
    head = raw[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and _HTML_SNIFF.match(head):
        return True
    return len(_HTML_SNIFF.findall(head)) >= 3


def _text_of(el: etree._Element) -> str:
    """Visible text with block boundaries as paragraph breaks and <br> as line breaks (iterative: deep
    trees must not exhaust the recursion limit)."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag == "br":
                parts.append(_BR)
            elif tag in _BLOCK:
                parts.append(_PAR)
            if tag and node.text:
                parts.append(_SPACE.sub(" ", node.text))
        else:
            if tag in _BLOCK:
                parts.append(_PAR)
            if node is not el and node.tail:
                parts.append(_SPACE.sub(" ", node.tail))
    s = "".join(parts)
    s = re.sub(r" *([\x00\x01]) *", r"\1", s)
    s = re.sub(r"[\x00\x01]*\x01[\x00\x01]*", "\n\n", s)
    return s.replace(_BR, "\n").strip()


def _plain_len(el: etree._Element) -> tuple[int, int]:
    """(text length, link text length)."""
    text = len(clean_space(el.text_content()))
    links = sum(len(clean_space(a.text_content())) for a in el.iter("a"))
    return text, links


_CRUDE_DROP = re.compile(
    r"<(script|style|noscript|template|svg|head|select|textarea|button|iframe|object)\b.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL)
_CRUDE_BLOCK = re.compile(r"</?(?:" + "|".join(sorted(_BLOCK)) + r")\b[^>]*>", re.IGNORECASE)
_CRUDE_BR = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
_CRUDE_TAG = re.compile(r"<[^>]*>")


def crude_text(raw: str) -> str:
    """Tag-stripped text with paragraph breaks, for pages the parser cannot hold whole."""
    import html as _html

    s = _CRUDE_DROP.sub(" ", raw)
    s = _CRUDE_BR.sub(_BR, s)
    s = _CRUDE_BLOCK.sub(_PAR, s)
    s = _html.unescape(_SPACE.sub(" ", _CRUDE_TAG.sub("", s)))
    s = re.sub(r" *([\x00\x01]) *", r"\1", s)
    s = re.sub(r"[\x00\x01]*\x01[\x00\x01]*", "\n\n", s)
    return s.replace(_BR, "\n").strip()


def _prose_holders(body: etree._Element) -> set[etree._Element]:
    """Every element holding a paragraph that reads as article prose (long, not a link, ends as a
    sentence, no contact/footer words): such elements are never dropped."""
    footer = vocab().footer_words
    holders: set[etree._Element] = set()
    for node in body.iter("p", "div", "td", "li", "span", "blockquote", "pre"):
        if node in holders:
            continue
        own = clean_space((node.text or "") + "".join((c.tail or "") for c in node))
        if node.tag in ("p", "blockquote", "pre", "span") or len(own) >= 150:
            own = clean_space(node.text_content())
        if len(own) < 150 or not _SENTENCE_END.search(own):
            continue
        links = sum(len(clean_space(a.text_content())) for a in node.iter("a"))
        if links > len(own) * 0.3:
            continue
        low = fold(own[:400])
        if any(w in low for w in footer):
            continue
        holders.add(node)
        holders.update(node.iterancestors())
    return holders


def _score_main(body: etree._Element) -> etree._Element | None:
    """The densest prose block (a Readability-style vote of paragraphs for their parents)."""
    scores: dict[etree._Element, float] = {}
    for node in body.iter("p", "td", "pre", "div", "li", "blockquote", "span"):
        direct = clean_space((node.text or "") + "".join((c.tail or "") for c in node))
        if node.tag in ("p", "pre", "blockquote"):
            direct = clean_space(node.text_content())
        if len(direct) < 25:
            continue
        points = 1 + direct.count(",") + min(len(direct) / 100, 3)
        parent = node.getparent()
        target = node if node.tag in ("div", "td", "span", "li") else parent
        if target is None:
            continue
        scores[target] = scores.get(target, 0) + points
        grand = target.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + points / 2
    best, best_score = None, 0.0
    for node, score in scores.items():
        text, links = _plain_len(node)
        if text == 0:
            continue
        score *= 1 - links / text
        if score > best_score:
            best, best_score = node, score
    return best


def _find_main(body: etree._Element, holders: set[etree._Element]) -> etree._Element | None:
    named = body.xpath('.//*[@itemprop="articleBody"]')
    cands = list(named) + list(body.iter("article"))
    for el in body.iter():
        if isinstance(el.tag, str) and _CONTENT_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            cands.append(el)
    good = [c for c in cands if c in holders and _plain_len(c)[0] - _plain_len(c)[1] >= 200]
    if named and good and good[0] is named[0]:
        return named[0]
    if good:
        # the smallest candidate still holding most of the candidates' prose
        best = max(_plain_len(c)[0] - _plain_len(c)[1] for c in good)
        fitting = [c for c in good if _plain_len(c)[0] - _plain_len(c)[1] >= best * 0.8]
        return min(fitting, key=lambda c: _plain_len(c)[0])
    return _score_main(body)


def _drop(el: etree._Element) -> None:
    """Remove an element but keep its tail text (which belongs to the parent)."""
    if el.getparent() is not None:
        el.drop_tree()


def _meta(doc: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in doc.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = (m.get("content") or "").strip()
        if key and value and key not in out:
            out[key] = value
    for link in doc.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            out.setdefault("canonical", link.get("href", "").strip())
    return out


def _meta_date(meta: dict[str, str], doc: etree._Element) -> date | None:
    values = [meta.get(k, "") for k in ("article:published_time", "datepublished", "pubdate", "publishdate",
                                         "date", "dc.date.issued", "dc.date", "og:published_time")]
    values += [t.get("datetime", "") for t in doc.iter("time")][:1]
    for v in values:
        if not v:
            continue
        m = _ISO_DATE.search(v)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
        found = [d for d in find_dates(v) if d.value.day]
        if found:
            return found[0].value.to_date()
    return None


def _title(body: etree._Element, meta: dict[str, str], main: etree._Element | None,
           page_title: str) -> str | None:
    """The headline: a heading the <title>/og:title agrees with, else og:title, else the first heading of
    the article, else the longest part of <title> (site names are split off at " | " or " - ")."""
    og = clean_space(meta.get("og:title", ""))
    parts = [p for p in re.split(r"\s+[|\-–—:]\s+", page_title) if p] if page_title else []
    heads = [clean_space(h.text_content()) for h in body.iter("h1", "h2", "h3")]
    heads = [h for h in heads if len(h.split()) >= 3]
    for h in heads:
        fh = fold(h)
        if og and (fh in fold(og) or fold(og) in fh):
            return h
        if any(len(p.split()) >= 3 and (fold(p) in fh or fh in fold(p)) for p in parts):
            return h
    if og:
        return og
    if main is not None:
        inner = [clean_space(h.text_content()) for h in main.iter("h1", "h2")]
        inner = [h for h in inner if len(h.split()) >= 3]
        if inner:
            return inner[0]
    h1s = [h for h in (clean_space(x.text_content()) for x in body.iter("h1")) if len(h.split()) >= 3]
    if h1s:
        return h1s[0]
    return max(parts, key=len) if parts else None


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def parse_html(raw: str) -> HtmlPage:
    """The article of a saved page.  Empty ``text`` means the page holds no article text."""
    # characters XML forbids make lxml raise on any later edit of the tree (drop_tree): they carry no text
    raw = _NOT_XML.sub("", _XML_DECL.sub("", raw, count=1))
    try:
        doc = lxml.html.document_fromstring(raw, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return HtmlPage(text="", full_text="")
    meta = _meta(doc)
    meta_date = _meta_date(meta, doc)
    title_node_text = None
    for t in doc.iter("title"):
        title_node_text = clean_space(t.text_content())
        break
    for el in list(doc.iter(etree.Comment, etree.ProcessingInstruction, etree.Entity)):
        _drop(el)
    for el in list(doc.iter(*_JUNK_TAGS)):
        _drop(el)
    body = doc.find("body")
    if body is None:
        body = doc
    full_text = _text_of(body)
    crude = crude_text(raw)
    if len(full_text) < 0.5 * len(crude):
        # libxml2 gave up on part of the page (nesting beyond its depth limit): keep every word instead
        return HtmlPage(text=crude, full_text=crude, title=_title(body, meta, None, title_node_text or ""),
                        published=meta_date, url=meta.get("canonical") or meta.get("og:url") or None)

    holders = _prose_holders(body)
    main = _find_main(body, holders)
    protected: set[etree._Element] = set()
    if main is not None:
        protected = {main, *main.iterancestors()}
    inside = set(main.iter()) if main is not None else set()
    title = _title(body, meta, main, title_node_text or "")

    stack = [c for c in body if isinstance(c.tag, str)]
    while stack:
        el = stack.pop()
        if el not in protected and _is_junk(el, el in inside, holders):
            _drop(el)
            continue
        stack.extend(c for c in el if isinstance(c.tag, str))
    _drop_phrase_blocks(body, protected, inside, holders)

    region = _region(body, main, title)
    outside = _prose_outside(body, region, holders) if region is not body else 0
    if outside > 0.3 * _prose_outside(region, None, holders):
        region = body  # article paragraphs outside the chosen block: keep the page rather than lose them
    text = _text_of(region)
    authors: list[str] = []
    if meta.get("author"):
        from graph.read.metadata import names_in  # late: metadata imports nothing from here
        authors = names_in(meta["author"])
    return HtmlPage(
        text=text, full_text=full_text, title=title, published=meta_date, authors=authors,
        url=meta.get("canonical") or meta.get("og:url") or None,
        portal=clean_space(meta["og:site_name"]) if meta.get("og:site_name") else _site_in_title(title_node_text, title),
    )


_SITE_WORDS = re.compile(r"(?i)^(?:trang|cổng|báo|đài|tạp chí|website|ban|sở|ủy ban|uỷ ban|ubnd|bộ)\b")


def _site_in_title(page_title: str | None, headline: str | None) -> str | None:
    """The site's name written in <title> beside the headline ("<headline> - Cổng thông tin điện tử tỉnh X"):
    the part that is not the headline and reads as an outlet or a body; the page's masthead."""
    if not page_title:
        return None
    parts = [clean_space(p) for p in re.split(r"\s+[|\-–—]\s+", page_title) if p.strip()]
    head = fold(headline or "")
    for part in parts:
        if head and (fold(part) in head or head in fold(part)):
            continue
        if _SITE_WORDS.match(part):
            return part
    return None


def _is_junk(el: etree._Element, in_article: bool, holders: set[etree._Element]) -> bool:
    names = f"{el.get('class', '')} {el.get('id', '')}"
    if el.tag in ("nav", "menu"):
        return True
    if in_article:
        # inside the article only link lists and small share/tag bars go
        return bool(_JUNK_CLASS.search(names)) and el not in holders and _is_linky_or_small(el)
    return (el.tag in _LAYOUT_TAGS or bool(_JUNK_CLASS.search(names))) and el not in holders


def _is_linky_or_small(el: etree._Element) -> bool:
    text, links = _plain_len(el)
    return text < 120 or links >= text * 0.5


def _drop_phrase_blocks(body: etree._Element, protected: set[etree._Element], inside: set[etree._Element],
                        holders: set[etree._Element]) -> None:
    """Drop the block around a visitor counter / related list / copyright phrase outside the article."""
    phrases = vocab().block_phrases
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el in protected or el in inside or el in holders:
            continue
        if el.getparent() is None:
            continue
        own = clean_space(el.text or "")
        if not own or len(own) > 80:
            continue
        low = fold(own)
        if not any(low.startswith(p) for p in phrases):
            continue
        target = el
        for anc in el.iterancestors():
            if anc in protected or anc in holders or len(clean_space(anc.text_content())) > 1500:
                break
            target = anc
        if target.getparent() is not None:
            _drop(target)


def _prose_outside(root: etree._Element, skip: etree._Element | None, holders: set[etree._Element]) -> int:
    """Length of the innermost prose paragraphs under ``root`` that are not under ``skip``."""
    total = 0
    stack = [root]
    while stack:
        el = stack.pop()
        if el is skip:
            continue
        kids = [c for c in el if isinstance(c.tag, str) and c in holders]
        if el in holders and not kids:
            total += len(clean_space(el.text_content()))
        stack.extend(kids)
    return total


def _region(body: etree._Element, main: etree._Element | None, title: str | None) -> etree._Element:
    """The smallest element holding both the headline and the article body (so the dateline and byline
    around them stay), or the body when they are far apart."""
    if main is None:
        return body
    if main.getparent() is None:
        return body
    heads = [h for h in body.iter("h1", "h2") if title and fold(clean_space(h.text_content())) == fold(title)]
    if not heads:
        heads = list(body.iter("h1"))[:1]
    region = main
    if heads:
        ancestors = set(heads[0].iterancestors())
        for depth, anc in enumerate(main.iterancestors()):
            if depth > 4:
                break
            if anc in ancestors:
                region = anc
                break
    # a byline/date in the siblings right after the body stays with it
    parent = region.getparent()
    if (region is main and parent is not None and parent is not body
            and len(clean_space(parent.text_content())) <= len(clean_space(main.text_content())) * 1.5 + 400):
        region = parent
    return region
