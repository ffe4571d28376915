"""Page layouts (seed-style page dumps, saved HTML pages, JSON Lines, JSON and CSV feeds) -> Article.

The format and the encoding are sniffed from the content, never trusted from the file name: a page saved
as ``.txt`` may be HTML, and a ``.txt`` may be a PNG. Every failure is an ``UnreadableDocument`` whose
message names the file and says what is wrong in an analyst's words.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
from dataclasses import dataclass, field

from etl.dates import (
    PartialDate,
    date_line_text,
    find_visible_date,
    parse_date_line,
    parse_date_value,
    resolve_published,
)
from etl.records import Article, RawDocument, RelatedHeadline


class UnreadableDocument(Exception):
    """A file that cannot be read as news; the message is written for an analyst and names the problem."""


def articles_from_document(document: RawDocument, year: int | None = None) -> list[Article]:
    """Sniff the format and encoding of one file and return its articles.

    ``year`` is the analyst's ``--year``: the year of pages whose date line gives none.
    """
    name = _file_name(document.source_path)
    text = decode_text(document.content, name)
    kind = sniff_format(text)
    if kind == "html":
        return [article_from_html(text, document, year)]
    if kind == "json":
        return articles_from_json(text, document, year)
    if kind == "csv":
        return articles_from_csv(text, document, year)
    if kind == "xml-feed":
        raise UnreadableDocument(f"{name}: this is an RSS or Atom feed, which is not read directly; export its "
                                 "items as JSON Lines or CSV (title, body, published, url)")
    return [article_from_page_dump(text, document, year)]


# Decoding

# File signatures, to tell an analyst what a file that is not text actually is.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (Word .docx and Excel .xlsx files are zip archives too)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc or .xls)"),
    (b"SQLite format 3", "an SQLite database"),
    (b"RIFF", "an image or media file"),
)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_-]{2,30})""", re.IGNORECASE)
# Every byte but the control characters text never holds (tab, line breaks and form feed are text).
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 and b != 0x7F or b in b"\t\n\r\x0b\x0c")
_CYRILLIC_LETTERS = re.compile(r"[А-яЁёІіЎў]")
_MIXED_SCRIPT = re.compile(r"[A-Za-z][А-яЁё]|[А-яЁё][A-Za-z]")
_CYRILLIC_UPPER = re.compile(r"[А-ЯЁІЎ]")
_CYRILLIC_WORD = re.compile(r"[А-яЁёІіЎў]+")
# Non-ASCII characters that are not letters but are common in Cyrillic text saved as Windows-1251.
_CP1251_PUNCTUATION = frozenset("«»—–“”„…№\xa0‘’•°")


def decode_text(content: bytes, name: str) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, a declared HTML charset, or Windows-1251."""
    if not content or content.isspace():
        raise UnreadableDocument(f"{name}: the file is empty")
    for signature, what in _SIGNATURES:
        if content.startswith(signature):
            raise UnreadableDocument(f"{name}: this is not a text file: it looks like {what}")
    if content[8:12] == b"DUCK":
        raise UnreadableDocument(f"{name}: this is not a text file: it looks like a DuckDB database")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):  # what Windows Notepad calls "Unicode"
        text = _decoded(content, "utf-16")
        if text is None:
            raise UnreadableDocument(f"{name}: the text is marked as UTF-16 but its bytes are not (is the file "
                                     "cut off?); save it as UTF-8 and load it again")
    elif b"\x00" in content:
        text = _utf16_without_bom(content)
        if text is None:
            raise UnreadableDocument(f"{name}: this is not a text file: it holds binary data (a program, an "
                                     "image or an archive?)")
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if error.reason == "unexpected end of data":  # cut inside the last character: keep the rest
                text = _decoded(content[:error.start], "utf-8-sig")
            else:
                text = _declared_charset_text(content) or _cp1251_text(content)
            if text is None:
                raise UnreadableDocument(
                    f"{name}: the text is in an unknown encoding: not UTF-8 (the first wrong byte is byte "
                    f"{error.start + 1}) nor Windows-1251 Cyrillic; save it as UTF-8 and load it again"
                ) from None
    if not text or text.isspace() or text == "\ufeff":
        raise UnreadableDocument(f"{name}: the file is empty")
    if _looks_binary(text, content):
        raise UnreadableDocument(f"{name}: this is not a text file: it is mostly control characters "
                                 "(binary data, or a text in an encoding this tool cannot read)")
    return text


def _decoded(content: bytes, encoding: str) -> str | None:
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(content: bytes) -> str | None:
    """UTF-16 text saved without its byte-order mark.

    Each character's high byte is 0 for ASCII and 4 for Cyrillic: nearly all high bytes are one of the two.
    """
    sample = content[:4096]
    pairs = len(sample) // 2
    for high_bytes, encoding in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        ascii_count = high_bytes.count(0)
        if pairs and ascii_count > 0.1 * pairs and ascii_count + high_bytes.count(4) > 0.9 * pairs:
            return _decoded(content, encoding)
    return None


def _declared_charset_text(content: bytes) -> str | None:
    """The text in the charset an HTML page declares in its <meta>, when that charset decodes it."""
    declared = _CHARSET.search(content[:4096])
    if declared is None:
        return None
    encoding = declared.group(1).decode("ascii").lower()
    if encoding in ("utf-8", "utf8"):  # it said UTF-8 and is not: let the Windows-1251 check decide
        return None
    return _decoded(content, encoding)


def _cp1251_text(content: bytes) -> str | None:
    """The text as Windows-1251 (or KOI8-R), when it reads as Cyrillic text rather than mojibake.

    Almost any bytes decode as Windows-1251, so the result is checked: its non-ASCII characters must be
    Cyrillic letters or common punctuation (UTF-8 read as 1251 gives "РњРёРЅСЃРє" full of rare letters
    and symbols), and Cyrillic must not sit inside Latin words (Latin-1 "München" reads as "Mьnchen").
    """
    text = _decoded(content, "cp1251")
    if text is None:
        return None
    non_ascii = [ch for ch in text if ch > "\x7f"]
    if not non_ascii:
        return text
    expected = sum(1 for ch in non_ascii if ch in _CP1251_PUNCTUATION) + len(_CYRILLIC_LETTERS.findall(text))
    if expected < 0.95 * len(non_ascii):
        return None
    mixed = len(_MIXED_SCRIPT.findall(text))
    if mixed > max(2, len(_CYRILLIC_WORD.findall(text)) // 20):
        return None
    if _mostly_upper_case(text):
        # KOI8-R (old Russian mail and Unix files) also decodes as 1251 letters, but with the case swapped.
        koi8 = _decoded(content, "koi8-r")
        return koi8 if koi8 is not None and not _mostly_upper_case(koi8) else None
    return text


def _mostly_upper_case(text: str) -> bool:
    """More capital than small Cyrillic letters: real text is mostly small letters."""
    upper = len(_CYRILLIC_UPPER.findall(text))
    return upper > len(_CYRILLIC_LETTERS.findall(text)) - upper


def _looks_binary(text: str, content: bytes) -> bool:
    """More than 5% control characters at the start: binary data, whatever the bytes decoded to."""
    if b"\x00" in content[:4096]:  # UTF-16: look at the characters instead
        sample = text[:4096].encode("utf-8", "replace")
    else:
        sample = content[:4096]
    return len(sample.translate(None, _TEXT_BYTES)) > 0.05 * len(sample)


# Sniffing

_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|!--)", re.IGNORECASE)
_HTML_INSIDE = re.compile(r"<(?:html|head|body)[\s>]", re.IGNORECASE)
_XML_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]")
_COLUMN_NAME = re.compile(r"^[\w ]{1,40}$")

TITLE_COLUMNS = ("title", "headline", "заголовок")
BODY_COLUMNS = ("body", "text", "content", "article", "description", "текст")
DATE_COLUMNS = ("published", "published_date", "published_at", "publication_date", "date", "pubdate",
                "pub_date", "datetime", "дата")
URL_COLUMNS = ("url", "link", "href", "source_url")
LANG_COLUMNS = ("lang", "language")
CATEGORY_COLUMNS = ("category", "section", "rubric")
_KNOWN_COLUMNS = frozenset(TITLE_COLUMNS + BODY_COLUMNS + DATE_COLUMNS + URL_COLUMNS + LANG_COLUMNS
                           + CATEGORY_COLUMNS + ("id", "source"))


def sniff_format(text: str) -> str:
    """"html", "json" (JSON Lines, or one JSON object or array), "csv", "xml-feed" or "page" (a page dump)."""
    start = text.lstrip()[:200]
    if start.startswith("<"):
        if start.startswith("<?xml") and _XML_FEED.search(text[:2000]):
            return "xml-feed"
        return "html"
    if start.startswith(("{", "[")):
        return "json"
    if _HTML_START.match(start) or _HTML_INSIDE.search(text[:2000]):
        return "html"
    if _csv_delimiter(text) is not None:
        return "csv"
    return "page"


def _csv_delimiter(text: str) -> str | None:
    """The delimiter of a CSV feed's header line, or None when the first line is not such a header."""
    header = text.lstrip("\ufeff\r\n").split("\n", 1)[0].strip()
    for delimiter in (",", ";", "\t"):
        if delimiter not in header:
            continue
        columns = [c.strip().strip('"').strip().lower() for c in header.split(delimiter)]
        if not all(_COLUMN_NAME.match(c) for c in columns):
            continue
        if any(c in TITLE_COLUMNS for c in columns) and len(_KNOWN_COLUMNS.intersection(columns)) >= 2:
            return delimiter
    return None


# Page dumps (the seed's layout)

_CHROME_LINES = frozenset({
    "новостные рубрики", "рубрики", "главная", "новости", "все новости", "меню", "поиск", "навигация",
    "news categories", "categories", "home", "news", "all news", "menu", "search", "latest news",
    "english", "русский", "беларуская", "ru", "en", "by", "поиск по сайту", "search the site", "site search",
})
# The header of the block of other headlines below an article; the title in quotes is the category.
_RELATED_MARKERS = ("Другие материалы в категории", "Другие новости в категории", "Другие новости рубрики",
                    "More in category", "Other news in", "More news in", "Other materials in category")
_RELATED_HEADER = re.compile(
    r"\s*(?:" + "|".join(map(re.escape, _RELATED_MARKERS)) + r")\s*:?\s*[«\"“„'](?P<category>[^»\"”“\n]+)[»\"”“']\s*$",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(r"^(?:photos?|фото|фота|image|picture|illustration)\s*(?::|by\b|—|-|©)|^©",
                           re.IGNORECASE)
HEADER_LINES = 12  # the dateline of a page dump is among its first lines (chrome, headline, date)


@dataclass
class PageLayout:
    """What the layout of a page gives, before dates are resolved."""

    title: str
    body: str
    dateline: PartialDate | None = None
    category: str | None = None
    related: list[RelatedHeadline] = field(default_factory=list)


def article_from_page_dump(text: str, document: RawDocument, year: int | None = None) -> Article:
    """The article of a page dump: chrome, headline, dateline, photo credit, body, related headlines."""
    name = _file_name(document.source_path)
    layout = read_page_layout(text)
    if not layout.title:
        raise UnreadableDocument(f"{name}: no headline found (the file holds only menu lines or dates)")
    if not layout.body:
        raise UnreadableDocument(f"{name}: found the headline '{_shorten(layout.title)}' but no article text "
                                 "below it")
    return _article(layout, document, year)


def read_page_layout(text: str, title: str | None = None) -> PageLayout:
    """Split a page's text into its parts. With ``title`` known (an HTML page), leading title lines are dropped."""
    article_text, category, related = _split_related(text)
    lines = article_text.splitlines()
    filled, dateline, date_at = _header_lines(lines)
    if not filled:
        return PageLayout(title or "", "", None, category, related)
    if title is not None:
        body_from = _after_known_title(lines, filled, title, date_at)
    elif date_at is None:
        title_at = next((i for i in filled if lines[i].strip().lower() not in _CHROME_LINES), filled[0])
        title, body_from = lines[title_at].strip(), title_at + 1
    else:
        # (a byline, a breadcrumb or a menu between the headline and its dateline is passed over)
        before = [i for i in filled if i < date_at and not _is_page_furniture(lines[i].strip())
                  and not _MENU_LINE.search(lines[i]) and lines[i].strip().lower() not in _CHROME_LINES]
        menus = [i for i in filled if i < date_at and _MENU_LINE.search(lines[i])]
        # (the site's name above its menus and the breadcrumb: the headline is below the dateline)
        site_name_only = before and len(menus) >= 2 and before[-1] < menus[0]
        if before and lines[before[-1]].strip().lower() not in _CHROME_LINES and not site_name_only:
            title, body_from = lines[before[-1]].strip(), date_at + 1  # headline, then its dateline
        else:
            after = [i for i in filled if i > date_at]  # dateline, then the headline
            title = lines[after[0]].strip() if after else ""
            body_from = after[0] + 1 if after else len(lines)
    body_from = _skip_photo_credits(lines, body_from)
    return PageLayout(title, _paragraphs(lines[body_from:]), dateline, category, related)


def _header_lines(lines: list[str]) -> tuple[list[int], PartialDate | None, int | None]:
    """(indexes of the first non-blank lines, the dateline, its index): the header, up to the dateline.

    The non-blank line after the dateline is included too: some layouts print the headline below it.
    """
    filled = []
    for i, line in enumerate(lines):
        if not line or line.isspace():
            continue
        filled.append(i)
        if dateline := parse_date_line(line):
            following = _next_filled(lines, i + 1)
            return filled + ([] if following is None else [following]), dateline, i
        if len(filled) == HEADER_LINES:
            break
    return filled, None, None


def _next_filled(lines: list[str], start: int) -> int | None:
    for i in range(start, len(lines)):
        if lines[i].strip():
            return i
    return None


def _after_known_title(lines: list[str], filled: list[int], title: str, date_at: int | None) -> int:
    """Where the body starts in extracted text that may repeat the title and the dateline first."""
    key = _normalised(title)
    body_from = 0
    for i in filled[:4]:
        line = lines[i]
        if i == date_at or _normalised(line) == key or _PHOTO_CREDIT.match(line.strip()):
            body_from = i + 1
        else:
            break
    return body_from


def _skip_photo_credits(lines: list[str], start: int) -> int:
    """Past the blank lines, "Photo: ..." credits, bylines and "Updated: <date>" lines right below the header:
    they are not body."""
    while start < len(lines) and (not lines[start].strip() or _is_page_furniture(lines[start].strip())
                                  or parse_date_line(_UPDATED.sub("", lines[start].strip()))):
        start += 1
    return start


# "Home > News > Regions", "Politics | Economy | Society": a breadcrumb or a menu, never a headline
_MENU_LINE = re.compile(r"\s(?:>|»|›|→|\||/|·|•)\s+\S")
_UPDATED = re.compile(r"^(?:updated|обновлено|изменено)\s*:?\s*", re.IGNORECASE)


# Lines of the page around the article, not of it: "Read also: <another headline>" between paragraphs, tags,
# share buttons, a copyright footer, a byline, a photo credit.
_PAGE_FURNITURE = re.compile(
    r"^(?:read\s+also|also\s+read|see\s+also|read\s+more|related|читайте\s+(?:также|тоже|ещ[её])|смотрите\s+также"
    r"|по\s+теме|ещ[её]\s+по\s+теме)\s*:\s*\S"
    r"|^(?:tags|теги|метки|keywords|ключевые\s+слова)\s*:"
    r"|^(?:share(?:\s+this(?:\s+(?:article|story|page))?)?|поделиться)\s*(?::|$)"
    r"|^(?:©|\(c\)\s|copyright\b)"
    r"|^(?:by|author\s*:|автор\s*:|текст\s*:|text\s*:|editor\s*:|редактор\s*:|source\s*:|источник\s*:)\s+[A-ZА-ЯЁ][\w.'’-]*(?:\s+[A-ZА-ЯЁ][\w.'’-]*){0,3}"
    r"(?:\s*[,|]\s*[^,.!?]{0,40})?$",
    re.IGNORECASE)
_BYLINE_WORD = re.compile(r"^(?:by|author|автор|текст|text|editor|редактор|source|источник)\b", re.IGNORECASE)


def _is_page_furniture(line: str) -> bool:
    if len(line) > 160 or not line:
        return False
    if _BYLINE_WORD.match(line) and line.endswith((".", "!", "?")):
        return False  # "By 2030 the towns will …" is a sentence
    return _PAGE_FURNITURE.match(line) is not None or (len(line) < 120 and _PHOTO_CREDIT.match(line) is not None)


def _paragraphs(lines: list[str]) -> str:
    """The body as paragraphs separated by blank lines.

    When the text has blank lines they separate paragraphs and single line breaks are hard wraps;
    when it has none (extracted HTML), every line is a paragraph.
    """
    stripped = [line.strip() for line in lines]
    if "" in stripped:
        stripped = ["" if _is_page_furniture(line) else line for line in stripped]
    else:
        stripped = [line for line in stripped if not _is_page_furniture(line)]
    while stripped and not stripped[-1]:
        stripped.pop()
    while stripped and not stripped[0]:
        stripped.pop(0)
    if "" not in stripped:
        return "\n\n".join(stripped)
    paragraphs, current = [], []
    for line in stripped:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _split_related(text: str) -> tuple[str, str | None, list[RelatedHeadline]]:
    """(article text, category, related headlines): the "Other news in «X»" block is neither body nor article."""
    for marker in _RELATED_MARKERS:
        position = text.find(marker)
        while position >= 0:
            line_start = text.rfind("\n", 0, position) + 1
            line_end = text.find("\n", position)
            line_end = len(text) if line_end < 0 else line_end
            header = _RELATED_HEADER.match(text, line_start, line_end)
            if header:
                related = _related_headlines(text[line_end:])
                return text[:line_start], header.group("category").strip(), related
            position = text.find(marker, line_end)
    # "Read also", «Читайте также»: a header line of its own, then headlines each with its date line.
    for header in _RELATED_PLAIN_HEADER.finditer(text):
        related = _related_headlines(text[header.end():])
        if related:
            return text[:header.start()], None, related
    # «Другие материалы рубрики «Регионы»», "More stories from Region cooperation": a header worded otherwise,
    # taken only where headlines with their date lines follow it
    for header in _RELATED_LOOSE_HEADER.finditer(text):
        related = _related_headlines(text[header.end():])
        if related:
            category = _QUOTED_CATEGORY.search(header.group())
            return text[:header.start()], category.group(1).strip() if category else None, related
    return _trailing_headlines(text)


def _trailing_headlines(text: str) -> tuple[str, str | None, list[RelatedHeadline]]:
    """A block under a header of any wording ("News", «Лента»): the page ends in two or more headlines, each
    on its own line with its date line under it, and the short line above them is the header."""
    lines = [(m.start(), m.group().strip()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    while lines and _is_page_furniture(lines[-1][1]):  # a copyright footer below the block
        lines.pop()
    k = len(lines)
    while k >= 2 and date_line_text(lines[k - 1][1]) and not date_line_text(lines[k - 2][1]) \
            and len(lines[k - 2][1]) <= 200:
        k -= 2
    pairs = (len(lines) - k) // 2
    if pairs < 2 or k < 3:  # (at least a headline, its date line and a paragraph stay the article)
        return text, None, []
    cut = lines[k][0]
    header = lines[k - 1][1]
    if len(header) <= 60 and len(header.split()) <= 8 and not header.endswith((".", "!", "?", "»", '"', "”")) \
            and not date_line_text(header):
        cut = lines[k - 1][0]
    return text[:cut], None, _related_headlines(text[lines[k][0]:])


_RELATED_LOOSE_HEADER = re.compile(
    r"^[ \t]*(?:(?:Другие|Ещё|Еще|Все)\s+(?:материалы|новости|статьи|публикации)|Новости[ \t]+[а-яё]+|(?:More|Other|Latest|Recent)\s+(?:[\w-]+\s+)?(?:news|stories"
    r"|articles|materials|items)|More\s+(?:from|in|on)\s+[A-Z]\w*|Related\s+(?:information|articles|content|links|materials|posts|items|reading))\b"
    r"[^\n.!?]{0,60}$", re.IGNORECASE | re.MULTILINE)
_QUOTED_CATEGORY = re.compile(r"[«\"“„'](?P<category>[^»\"”“\n]+)[»\"”“']")


_RELATED_PLAIN_HEADER = re.compile(
    r"^[ \t]*(?:More news|Related news|Related stories|Related|Read also|Also read|See also|Latest news|Other news"
    r"|More stories|Читайте также|Читайте еще|Смотрите также|Другие новости|Новости по теме|Материалы по теме"
    r"|Похожие новости|Ещё новости|Еще новости|Последние новости)[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE)


def _related_headlines(text: str) -> list[RelatedHeadline]:
    """Headline/dateline pairs; the first headline without a dateline ends the block (a footer follows)."""
    found, pending = [], None
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        day_month = date_line_text(line)
        if day_month and pending:
            found.append(RelatedHeadline(_replaced(pending, _APOSTROPHES), day_month))
            pending = None
        elif day_month:
            continue
        elif pending:
            break
        else:
            pending = line
    return found


# HTML pages

_META_TAG = re.compile(r"<meta\s[^>]*>", re.IGNORECASE)
_LINK_TAG = re.compile(r"<link\s[^>]*>", re.IGNORECASE)
_TIME_TAG = re.compile(r"<time\s[^>]*datetime\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_INVISIBLE = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"<(?:br|/?p|/?div|/?li|/?h[1-6]|/?tr|/?section|/?article|/?header|/?footer|/?span"
                        r"|/?time|/?a)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_LETTER = re.compile(r"[^\W\d_]")
_DATE_META = ("article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
              "publish-date", "publication_date", "date", "dc.date", "dc.date.issued", "dcterms.created")
_CLOSING_PAGE = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_OPENING_PAGE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)


def article_from_html(text: str, document: RawDocument, year: int | None = None) -> Article:
    """The article of a saved HTML page: trafilatura reads title and body, the page's own metadata the rest."""
    import trafilatura  # imported here: page dumps and feeds, the bulk of a load, never need it

    name = _file_name(document.source_path)
    _check_complete(text, name)
    meta = _meta_values(text)
    extracted = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_images=False,
        # htmldate's extensive search turns "© 2026" into 2026-01-01: read only explicit dates.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body_text = (extracted.text or "").strip() if extracted is not None else ""
    if not _LETTER.search(body_text):  # broken markup may leave only "<<<>>>" behind
        raise UnreadableDocument(f"{name}: no article text found in this HTML page (a menu, search or login "
                                 "page, or broken HTML?)")
    title = (extracted.title or meta.get("og:title") or "").strip()
    layout = read_page_layout(body_text, title=title or None)  # no title: the first line is the headline
    if not layout.body:
        raise UnreadableDocument(f"{name}: the HTML page has a headline but no article text")
    visible = _visible_text(text)
    page_layout = read_page_layout(visible)  # the dateline and related block trafilatura may drop
    layout.category = meta.get("article:section") or layout.category or page_layout.category
    layout.related = layout.related or page_layout.related
    layout.dateline = (
        _first_date(meta.get(key) for key in _DATE_META)
        or _first_date(_TIME_TAG.findall(text))
        or layout.dateline
        or (parse_date_value(extracted.date) if extracted.date else None)
        or page_layout.dateline
        or _date_under_headline(visible, title)
        or find_visible_date(visible)
    )
    url = meta.get("canonical") or meta.get("og:url") or extracted.url
    # <html lang> is the site's language, not always the article's: the text decides.
    return _article(layout, document, year, url=url)


def _date_under_headline(visible: str, title: str) -> PartialDate | None:
    """A date line just under the headline ("26 July"), among the menus and breadcrumbs of a city site."""
    lines = [line.strip() for line in visible.splitlines() if line.strip()]
    for number, line in enumerate(lines[:-1]):
        if title and line == title:
            for following in lines[number + 1:number + 3]:
                found = parse_date_line(following)
                if found:
                    return found
    return None


def _check_complete(text: str, name: str) -> None:
    """Reject a page that was saved before it finished loading: it ends inside a tag or before </html>."""
    tail = text.rstrip()
    cut_inside_tag = tail.rfind("<") > tail.rfind(">")
    if cut_inside_tag or (_OPENING_PAGE.search(text) and not _CLOSING_PAGE.search(text)):
        raise UnreadableDocument(
            f"{name}: the page is cut off (it ends before its closing </html> tag): it was probably saved "
            "before it finished loading; save it again"
        )


def _meta_values(text: str) -> dict[str, str]:
    """<meta> values by lower-cased property/name/itemprop, plus "canonical"."""
    head_end = text.lower().find("</head")
    head = text[: head_end if head_end > 0 else 200_000]
    values: dict[str, str] = {}
    for tag in _META_TAG.findall(head):
        attributes = _attributes(tag)
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        if key and "content" in attributes:
            values.setdefault(key.lower(), attributes["content"].strip())
    for tag in _LINK_TAG.findall(head):
        attributes = _attributes(tag)
        if attributes.get("rel", "").lower() == "canonical" and attributes.get("href"):
            values.setdefault("canonical", attributes["href"].strip())
    # itemprop="datePublished" may sit anywhere in the body.
    if "datepublished" not in values and (published := re.search(
            r"itemprop\s*=\s*[\"']datePublished[\"'][^>]*?(?:content|datetime)\s*=\s*[\"']([^\"']+)", text)):
        values["datepublished"] = published.group(1)
    return values


def _attributes(tag: str) -> dict[str, str]:
    return {
        match.group(1).lower(): html.unescape(match.group(2) or match.group(3) or match.group(4) or "")
        for match in _ATTRIBUTE.finditer(tag)
    }


def _first_date(values) -> PartialDate | None:
    for value in values:
        if value and (found := parse_date_value(value)):
            return found
    return None


def _visible_text(page: str) -> str:
    """The text a browser shows, one block element a line; enough to find a dateline or a related block."""
    body_at = page.lower().find("<body")
    text = _INVISIBLE.sub(" ", page[max(body_at, 0):])
    text = _ANY_TAG.sub(" ", _BLOCK_TAG.sub("\n", text))
    return "\n".join(line.strip() for line in html.unescape(text).splitlines())


# Feeds: JSON Lines, JSON, CSV


def articles_from_json(text: str, document: RawDocument, year: int | None = None) -> list[Article]:
    """One article per line of a JSON Lines feed, per entry of a JSON array, or the one object of a JSON file."""
    name = _file_name(document.source_path)
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as error:
        first_line = text.lstrip().split("\n", 1)[0].rstrip()
        if error.msg == "Extra data" or (first_line.startswith("{") and first_line.endswith("}")):
            return _articles_from_json_lines(text, document, year)
        raise UnreadableDocument(f"{name}: the JSON is broken at line {error.lineno}, column {error.colno} "
                                 f"({_json_problem(error)})") from None
    if isinstance(whole, dict):
        entries = next((whole[key] for key in ("articles", "items", "entries", "data")
                        if isinstance(whole.get(key), list)), [whole])
    elif isinstance(whole, list):
        entries = whole
    else:
        raise UnreadableDocument(f"{name}: the JSON holds a single value, not articles")
    if not entries:
        raise UnreadableDocument(f"{name}: the JSON feed holds no articles")
    return [_article_from_record(entry, document, year, n, f"entry {n}") for n, entry in enumerate(entries, 1)]


def _articles_from_json_lines(text: str, document: RawDocument, year: int | None) -> list[Article]:
    name = _file_name(document.source_path)
    articles = []
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise UnreadableDocument(
                f"{name}: line {line_number} is not a valid JSON object ({_json_problem(error)}, column "
                f"{error.colno}); in a JSON Lines feed every line must be one complete object"
            ) from None
        articles.append(_article_from_record(record, document, year, len(articles) + 1, f"line {line_number}"))
    return articles


_JSON_PROBLEMS = {
    "Expecting value": "a value is missing",
    "Unterminated string starting at": "a text in quotes is never closed",
    "Expecting ',' delimiter": "a comma is missing",
    "Expecting ':' delimiter": "a colon is missing",
    "Expecting property name enclosed in double quotes": "a name is not in double quotes",
    "Extra data": "something follows the end of the object",
    "Invalid control character at": "a line break or tab inside a text in quotes",
}


def _json_problem(error: json.JSONDecodeError) -> str:
    """The JSON parser's complaint in plain words."""
    return _JSON_PROBLEMS.get(error.msg, error.msg[:1].lower() + error.msg[1:])


def articles_from_csv(text: str, document: RawDocument, year: int | None = None) -> list[Article]:
    """One article per row of a CSV feed whose header names its columns (title, body or text, date, url, lang)."""
    name = _file_name(document.source_path)
    delimiter = _csv_delimiter(text) or ","
    content = text.lstrip("\ufeff\r\n")
    skipped_lines = text[: len(text) - len(content)].count("\n")  # keeps line numbers true to the file
    # strict: a quote left open makes an error instead of swallowing the rest of the file into one text
    reader = csv.reader(io.StringIO(content), delimiter=delimiter, strict=True)
    line_number = 0
    try:
        header = [column.strip().lower() for column in next(reader)]
        if not any(column in BODY_COLUMNS for column in header):
            raise UnreadableDocument(f"{name}: the CSV has no column with the article text (expected one of: "
                                     f"{', '.join(BODY_COLUMNS[:3])})")
        articles = []
        line_number = reader.line_num  # the last line read: a row starts on the line after it
        for row in reader:
            first_line, line_number = line_number + 1 + skipped_lines, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                hint = f"a '{delimiter}' inside a text that is not in quotes?" if len(row) > len(header) \
                    else "a line break inside a text that is not in quotes, or a cut-off file?"
                raise UnreadableDocument(
                    f"{name}: line {first_line} has {len(row)} fields but the header has {len(header)} ({hint})"
                )
            record = dict(zip(header, row, strict=True))
            articles.append(_article_from_record(record, document, year, len(articles) + 1, f"line {first_line}"))
    except csv.Error as error:
        reason = ("a quoted text is never closed: a missing closing quote, or a cut-off file"
                  if "end of data" in str(error) else f"misplaced quotes: {error}")
        raise UnreadableDocument(f"{name}: the CSV is broken in the row starting at line "
                                 f"{line_number + 1 + skipped_lines} ({reason})") from None
    if not articles:
        raise UnreadableDocument(f"{name}: the CSV feed has a header but no articles")
    return articles


def _article_from_record(record, document: RawDocument, year: int | None, item: int, where: str) -> Article:
    """The article of one feed entry; ``where`` ("line 3") says where it is when it cannot be read."""
    name = _file_name(document.source_path)
    if not isinstance(record, dict):
        raise UnreadableDocument(f"{name}: {where} is not an article (expected an object with a title and a text)")
    fields = {str(key).strip().lower(): value for key, value in record.items()}
    title = _plain_text(_first_value(fields, TITLE_COLUMNS))
    body = _plain_text(_first_value(fields, BODY_COLUMNS))
    if not title and not body:
        raise UnreadableDocument(f"{name}: {where} has neither a title nor a text (columns found: "
                                 f"{', '.join(map(str, fields)) or 'none'})")
    article_text, category, related = _split_related(body)
    layout = PageLayout(title, _paragraphs(article_text.splitlines()), None, category, related)
    layout.dateline = parse_date_value(_first_value(fields, DATE_COLUMNS))
    layout.category = _first_value(fields, CATEGORY_COLUMNS) or layout.category
    return _article(layout, document, year, url=_first_value(fields, URL_COLUMNS) or None,
                    lang=_language_code(_first_value(fields, LANG_COLUMNS)), item=item)


def _first_value(fields: dict, keys: tuple[str, ...]) -> str:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return ""


def _plain_text(value: str) -> str:
    """Feed texts may carry HTML markup (RSS descriptions): keep the words, one paragraph a line."""
    if "<" not in value or not _ANY_TAG.search(value):
        return value.strip()
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub("\n", value))
    return "\n".join(line.strip() for line in html.unescape(text).splitlines() if line.strip())


# Articles


def _article(layout: PageLayout, document: RawDocument, year: int | None, url: str | None = None,
             lang: str | None = None, item: int = 0) -> Article:
    text = f"{layout.title}\n{layout.body}"
    published, precision, inferred = resolve_published(
        layout.dateline, year=year, url=url, source_path=document.source_path, text=text,
        modified=document.modified,
    )
    return Article(
        article_id=article_id(layout.title, layout.body),
        source_path=document.source_path,
        title=layout.title,
        body=layout.body,
        published_date=published,
        date_precision=precision,
        year_inferred=inferred,
        url=url,
        lang=lang or detect_language(text),
        category=layout.category,
        item=item,
        related_headlines=layout.related,
    )


# Characters two copies of one text may differ in. A chain of str.replace is ~30x faster than
# str.translate with a table of non-ASCII characters.
_APOSTROPHES = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("`", "'"))
_FOR_IDENTITY = (*_APOSTROPHES, ("´", "'"), ("“", '"'), ("”", '"'), ("«", '"'), ("»", '"'), ("„", '"'),
                 ("–", "-"), ("—", "-"), ("\u00ad", ""), ("\u200b", ""))


def _replaced(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def _normalised(text: str) -> str:
    """Lower-cased, quotes and dashes unified, whitespace collapsed: how two copies of one text compare.

    lower() rather than casefold(): the same for Latin and Cyrillic news text, and several times faster.
    """
    return " ".join(_replaced(text, _FOR_IDENTITY).lower().split())


def article_id(title: str, body: str) -> str:
    """The article's identity: the same title and body saved by two sites, in any format, give the same id."""
    return hashlib.sha1(f"{_normalised(title)}\n{_normalised(body)}".encode()).hexdigest()[:16]


def detect_language(text: str) -> str:
    """ "ru", "be", "uk" for Cyrillic text (by the letters only one language uses), else "en"."""
    sample = text[:2000]
    ascii_count = len(sample.encode("ascii", "ignore"))
    if len(sample) - ascii_count < 0.3 * len(sample):
        return "en"
    # Windows-1251 encodes ASCII and Cyrillic: what it adds to ASCII is (almost all) Cyrillic letters.
    cyrillic = len(sample.encode("cp1251", "ignore")) - ascii_count
    if cyrillic < 0.3 * len(sample):
        return "en"
    belarusian_i = sample.count("і") + sample.count("І")
    if belarusian_i > sample.count("и") + sample.count("И"):  # Belarusian writes і where Russian writes и
        ukrainian = sample.count("ї") + sample.count("є") + sample.count("Ї") + sample.count("Є")
        return "uk" if ukrainian and not sample.count("ў") else "be"
    return "ru"


def _language_code(value: str | None) -> str | None:
    """A feed's or page's language as a two-letter code: "ru-RU" -> "ru", "Russian" -> "ru"."""
    if not value:
        return None
    value = value.strip().lower()
    named = {"english": "en", "russian": "ru", "belarusian": "be", "ukrainian": "uk"}
    if value in named:
        return named[value]
    code = value.replace("_", "-").split("-", 1)[0]
    return code if len(code) == 2 and code.isalpha() else None


def _file_name(path: str) -> str:
    """The file name of a path (os.path-free and pathlib-free: this runs for every feed row)."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
