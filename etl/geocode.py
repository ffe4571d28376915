"""Mentions -> places: spot gazetteer names in text and pick the place each one means.

Also wraps the gazetteer as a geopy ``Geocoder`` so that code and users can swap geocoders.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from etl.gazetteer import (
    CITY_WORDS,
    COMMON_WORDS,
    FIRST_NAMES,
    Gazetteer,
    ascii_name,
    fold_latin,
    name_key,
    normalise,
    population_prior,
)
from etl.records import Place

# What may stand between the words of one name: a space, a hyphen, an apostrophe, "St." 's full stop.
_NEXT_TOKEN = re.compile(r"(?:[ \t]|-|–|'|’|\.[ \t]?){1,2}([^\W_]+)")
# No leading \b: it stops the regex engine from skipping ahead to capitals, and costs three times
# as much; a capital inside a word ("McDonald") is ruled out by looking at the character before.
# A word with a capital: Latin with accents too ("Šiauliai", "Łódź", "Örebro", "İzmir"), Cyrillic with Ў, І, Є.
_CAPITALS = "".join(chr(code) for code in (*range(0xC0, 0x250), *range(0x400, 0x530)) if chr(code).isupper())
_CAPITALISED = re.compile("[A-Z" + re.escape(_CAPITALS) + "][^\\W_]*")
_SAINT_BEFORE = re.compile(r"\b(?:St|Saint|Sainte|Santa|San)\.?\s$")
_PERSON_SURNAME = re.compile(r" [A-ZА-ЯЁ][a-zа-яё]+")
# "Partizansky District of Minsk"; in Russian the city simply follows in the genitive: "район Минска".
_PARENT_LINK = re.compile(r"^\s*(?:(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?|г\.\s*|города\s+)?$", re.IGNORECASE)
# «Крюкова канала», «улицы Кирова», «завод имени Кирова», «по берегам Днепра», «по Коломне — историческому
# кварталу»: a street, a canal, a person honoured, a river or a city quarter, not the town of that name.
_RU_NOT_A_TOWN_AFTER = re.compile(r"\s+(?:канал|улиц|проспект|переул|бульвар|набережн|мост|шоссе)[а-яё]*\b"
                                  # «Каспийского моря» (Каспийский is also a town's old name): a sea, a coast
                                  # «у нас Шексна и Рыбинское водохранилище»: a river beside a reservoir
                                  r"|\s+и\s+(?:[А-ЯЁ][а-яё]+\s+)?(?:водохранилищ|озер[оау]\b|мор[еяю]\b)\w*"
                                  r"|(?:(?<=ого)|(?<=его)|(?<=ому)|(?<=ему)|(?<=ое)|(?<=ее)|(?<=им)|(?<=ым)|(?<=ом)|(?<=ем))"
                                  # «с Московского вокзала», «на Бородинском поле»: a station, a battlefield
                                  r"\s+(?:(?:мор|побережь|бассейн|регион|вокзал)[а-яё]*|пол(?:е|я|ю|ем))\b"
                                  r"|\s+площад[иь]\b|\s*[—–]\s+(?:[а-яё]+\s+)?(?:квартал|микрорайон)")
_RU_NOT_A_TOWN_BEFORE = re.compile(r"(?:\bимени|\bим\.|\b(?:улиц|проспект|переул|бульвар|набережн|канал|площад|парк|сквер)[а-яё]*"
                                   r"|\bберег[а-яё]*|\bрек[аиеу]?|\bрекой|\bусть[еяю]|\bслияни[а-яё]*|\bверховь[а-яё]*"
                                   r"|\bтечени[а-яё]*|\bпойм[а-яё]*|\bдолин[а-яё]*|\bозер(?:о|а|у|ом|е)|\bзалив[а-яё]*"
                                   r"|\b(?-i:остров)[а-яё]*|\b(?:теплоход|катер|лодк|байдарк)[а-яё]*\s+по"
                                   # «у подножия горы Арагац», «на вершине Эльбруса»: a mountain
                                   r"|\bгор(?:а|ы|е|у|ой)|\bвулкан[а-яё]*|\bвершин[а-яё]*|\bподножи[а-яё]*"
                                   # «университет имени П. Г. Демидова», «П.Г. Демидова»: a person's initials
                                   r"|(?-i:\b[А-ЯЁ]\.\s?[А-ЯЁ]\.))\s*$", re.IGNORECASE)  # the word, not the town Остров


_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Lady|Lord|Mister|Miss"
                           # "the late President Kaysone Phomvihane", "the poet Alisher Navoi": a person
                           r"|[Pp]resident|King|Queen|Emperor|Empress|Tsar|Tsarina|Prince|Princess|Admiral|[Pp]oet"
                           r"|[Ww]riter|[Cc]omposer|[Pp]ainter|[Nn]avigator|[Ee]xplorer)\.?\s+(?:[A-Z][^\W\d_]+\s+)?$"
                           # "the Philharmonic named after Zhambyl": the poet the hall is named after
                           r"|(?<![Ww]as\s)(?<![Ww]ere\s)(?<![Bb]een\s)(?<![Bb]e\s)(?<![Ii]s\s)\bnamed\s+after\s+$")
_WORD_BEFORE_NAME = re.compile(r"\b([A-Z][a-z]+)\s$")
_JOINED_NAME_BEFORE = re.compile(r"\b(?:and|of|und|et|y|i|-)\s*$")
# Capitalised words before a town's name that make no person of it
_NOT_GIVEN_NAMES = frozenset({"The", "In", "At", "From", "To", "And", "Of", "For", "With", "By", "On", "New", "Old",
                              "North", "South", "East", "West", "Central", "Upper", "Lower", "Greater", "Great",
                              "Little", "Saint", "St", "San", "Santa", "Mount", "Lake", "Cape", "Port", "Fort", "Both",
                              "Today", "Yesterday", "Meanwhile", "Then", "Also", "While", "When", "After", "Before",
                              "Historic", "Ancient", "Beautiful", "Hotel", "Via",
                              # prepositions and conjunctions that open a sentence: "Among Weifang's partners …"
                              "Among", "Amongst", "Besides", "Like", "Unlike", "Including", "Despite", "During",
                              "Since", "Until", "Near", "Outside", "Inside", "Across", "Through", "Within", "Between",
                              "Under", "Over", "Beyond", "Towards", "Toward", "Against", "Along", "Around", "About",
                              "As", "Whereas", "Although", "Though", "Because", "If", "Once", "Where",
                              "Why", "How", "What", "Which", "Whose", "Neither", "Either", "Every", "Each", "All",
                              "Some", "Many", "Most", "Several", "Only", "Even", "Just", "Here", "There", "This",
                              "That", "These", "Those", "Our", "Their", "His", "Her", "Its", "My", "Your",
                              # "in June Zhlobin and Temirtau signed": a month, though June and April are names too
                              "January", "February", "March", "April", "May", "June", "July", "August", "September",
                              "October", "November", "December"})


_TOWNS_BODY_AFTER = re.compile(r" (?:District|City|Town|Municipal|Regional)\s+(?:Executive|Council|Committee|Administration|Hall)"
                               r"| (?:delegation|team|administration|mayor)\b")
_AREA_NOUN_AFTER = re.compile(r" (?:District|Province|County|Region|Oblast|Raion|Municipality|Prefecture)\b")


def _unknown_word_before(text: str, start: int, gazetteer: Gazetteer) -> bool:
    """Whether a capitalised word the gazetteer does not know, and that opens no sentence, stands before."""
    before = _WORD_BEFORE_NAME.search(text, max(0, start - 20), start)
    if before is None or before.group(1) in _NOT_GIVEN_NAMES or _SENTENCE_START.search(
            text, max(0, before.start() - 4), before.start()):
        return False
    word = (normalise(before.group(1)),)
    return word not in gazetteer.names and word not in gazetteer.country_hints \
        and word[0] not in COMMON_WORDS


_CAPITALISED_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)\b(?![-'’])")
# Words after a town that make no longer name of it ("the Karlshamn Municipal Executive Board", "Palanga City Hall")
_NAME_NOUNS = frozenset({"district", "region", "province", "county", "oblast", "city", "municipality", "prefecture",
                         "town", "state", "island", "islands", "municipal", "executive", "council", "hall", "mayor",
                         "museum", "university", "regional", "administration", "committee", "delegation", "chamber",
                         "airport", "station", "cathedral", "castle", "festival", "days", "day", "port", "harbour",
                         "theatre", "orchestra", "choir", "school", "college", "hospital", "library", "park", "square",
                         "street", "bridge", "lake", "river", "bay", "old", "new", "twin", "sister", "partner"})


def _unknown_word_after(text: str, end: int, key: tuple[str, ...], gazetteer: Gazetteer) -> bool:
    """Whether a small foreign town's name runs on into a capitalised word the gazetteer does not know."""
    after = _CAPITALISED_WORD_AFTER.match(text, end)
    if after is None:
        return False
    word = normalise(after.group(1))
    if word in _NAME_NOUNS or (word,) in gazetteer.names or (word,) in gazetteer.country_hints or word in COMMON_WORDS:
        return False
    candidates = gazetteer.candidates(key)
    return bool(candidates) and all(p.kind == "city" and (p.population or 0) < 100_000
                                    and p.country_code not in ("BY", "RU", "UA", "KZ") for p in candidates)


def _after_a_given_name(text: str, start: int, gazetteer: Gazetteer) -> bool:
    """Whether the word before a name is a given name or a title ("Marta", "Ms"), not a place or a country word."""
    before = _WORD_BEFORE_NAME.search(text, max(0, start - 20), start)
    if before is None or before.group(1) in _NOT_GIVEN_NAMES \
            or _JOINED_NAME_BEFORE.search(text, max(0, before.start() - 6), before.start()):
        return False  # "… Bosnia and Herzegovina Kardzhali …": the end of another name
    word = (normalise(before.group(1)),)
    return word not in gazetteer.names and word not in gazetteer.country_hints and word[0] not in COMMON_WORDS


def _not_a_town_in_russian(text: str, start: int, end: int) -> bool:
    return _RU_NOT_A_TOWN_AFTER.match(text, end) is not None or _RU_NOT_A_TOWN_BEFORE.search(
        text, max(0, start - 14), start) is not None or (
        text.endswith(_TOWN_ADJECTIVE_CASES, start, end) and _RU_INSTITUTION_AFTER.match(text, end) is not None) or (
        text.endswith(" и ", 0, start) and _RIVERS_BEFORE.search(text, max(0, start - 40), start) is not None) or (
        text.endswith(" на ", 0, start) and _ON_A_RIVER_BEFORE.search(text, max(0, start - 24), start) is not None)


# «у электростанции на Березине», «ГЭС на Куре», «мост на Немане»: a river, not the town named like it
_ON_A_RIVER_BEFORE = re.compile(r"\b(?:ГЭС|ТЭЦ|ГРЭС|АЭС|электростанци[а-яё]*|гидроузл[а-яё]*|плотин[а-яё]*|мост[а-яё]*"
                                r"|шлюз[а-яё]*|переправ[а-яё]*|порт[а-яё]*)\s+на\s+$")
_RIVERS_BEFORE = re.compile(r"\bрек(?:и|ам|ами|ах)?\s+[А-ЯЁ][а-яё-]+\s+и\s+$")  # «рек Урал и Илек»: both rivers


def _after_a_russian_given_name(text: str, start: int) -> bool:
    """«Андрей Борисов», «с Ольгой Слонимской», «А. Борисов»: a surname after a given name or an initial."""
    if not start or text[start - 1] not in " \u00a0":
        return False  # («… поделилась Алина.\n\nИвье и Сергач …»: a new paragraph, not a surname)
    before = _RUSSIAN_WORD_BEFORE.search(text, max(0, start - 16), start)
    if before is None:
        return False
    word = before.group(1).lower()
    # («Петра Ильича Чайковского»: a patronymic before the surname)
    return len(word) == 1 or any(form in _RUSSIAN_GIVEN_NAMES for form in (word, word[:-1], word[:-2], word + "й")) \
        or _PATRONYMIC.fullmatch(word) is not None


def _a_russian_given_name_before_a_surname(text: str, surface: str, end: int) -> bool:
    """«Владимир Ульянов»: a town named like a given name («Владимир»), followed by a surname; and
    «со дня рождения Хо Ши Мина»: a person's birthday."""
    word = surface.lower()
    # («Владимиром Кравцовым»: a given name in any case)
    word = word if word in _RUSSIAN_GIVEN_NAMES else _GIVEN_NAME_CASE_ENDING.sub("", word)
    # («Владимир Дворник»: a surname that is also a word; a capitalised word after a given name is a surname)
    if word in _RUSSIAN_GIVEN_NAMES and (_RUSSIAN_SURNAME_AFTER.match(text, end) or _CAPITALISED_AFTER_RU.match(text, end)) \
            or _SAID_AFTER_RU.match(text, end):
        return True  # (and «Хо Ши Мин говорил»: a town says nothing)
    return text.endswith(("рождения ", "памяти ", "имени "), 0, end - len(surface))


_SPEAKER_AFTER_QUOTE = re.compile(r"[,.!?…][\"”»]\s+$")
_SAID_AFTER = re.compile(r"\s+(?:said|says|added|noted|stressed|told|explained|recalled)\b")
_SAID_AFTER_RU = re.compile(r" (?:говорил|сказал|писал|отмечал|подчеркивал|подчёркивал|родился|умер)\b")
_RUSSIAN_SURNAME_AFTER = re.compile(r" [А-ЯЁ][а-яё]+(?:(?:ов|ев|ин|ын)(?:а|у|ым|ом|е)?|ий|ой|ский|цкий|ского|ским|ова|ева"
                                    r"|ина|ской|ская|ко|ук|юк|ич|ича|ичем)\b")
_GIVEN_NAME_CASE_ENDING = re.compile(r"(?:ом|ем|ой|ей|ым|а|у|е|ю|я|ы)$")
_PATRONYMIC = re.compile(r"[а-яё]{3,}(?:ович|евич|ич|овна|евна|ична|инична)(?:а|у|ем|ом|е|ы|ой)?")
_CAPITALISED_AFTER_RU = re.compile(r" [А-ЯЁ][а-яё]{2,}(?![а-яё-])(?! (?:област|район|кра|округ)\w*)")
_RUSSIAN_WORD_BEFORE = re.compile(r"(?<![\w.])([А-ЯЁ][а-яё]+|[А-ЯЁ](?=\.))\.?\s$")
# Given names (and their stems, for «Андрея», «Ольгой»), the usual ones of Belarus, Russia and Kazakhstan
_GIVEN_NAMES_TEXT = (
    "александр алексей анатолий андрей антон аркадий артем артём борис вадим валентин валерий василий виктор "
    "виталий владимир владислав вячеслав геннадий георгий глеб григорий денис дмитрий евгений егор иван игорь "
    "илья кирилл константин леонид максим михаил никита николай олег павел петр пётр роман руслан сергей "
    "станислав степан тимур федор фёдор юрий ярослав асхат ерлан серик нурлан бахыт марат айдар данияр азамат "
    "александра алина алла анастасия анна валентина вера виктория галина дарья екатерина елена жанна ирина "
    "карина ксения лариса людмила марина мария наталья наталия надежда нина оксана ольга светлана татьяна юлия "
    "яна айгуль гульнара")
_RUSSIAN_GIVEN_NAMES = frozenset(word for name in _GIVEN_NAMES_TEXT.split() for word in (name, name[:-1]))
# «в Ивановском художественном музее», «Ивановского государственного университета»: the town's adjective
# naming an institution, not the village Ivanovskoye
_TOWN_ADJECTIVE_CASES = ("ский", "ского", "скому", "ским", "ском", "ская", "ской", "скую", "ское", "ские", "ских",
                         "цкий", "цкого", "цкому", "цким", "цком", "цкая", "цкой", "цкую", "цкое", "цкие", "цких")
_RU_INSTITUTION_AFTER = re.compile(r"\s+(?:государственн|художественн|драматическ|краеведческ|политехническ|медицинск"
                                   r"|педагогическ|технологическ|аграрн|текстильн|музе|университет|театр|институт|завод"
                                   r"|комбинат|колледж|техникум|филармони)[а-яё]*")


_POSSESSIVE = re.compile(r"^['’]s\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:]\s+|\n\s*|[\"“«(]\s*)$")
_FEATURE_AFTER = re.compile(
    r"[ \t]+(?:[Rr]ivers?|(?:and\s+[A-Z][\w-]+\s+)[Rr]ivers|[Cc]anal|[Tt]reaty|[Ss]treet|[Aa]venue|[Pp]rospekt|[Ss]quare|[Bb]oulevard|[Bb]ridge"
    r"|[Pp]alace|[Pp]ark|[Aa]rboretum|[Ee]mbankment|[Hh]ighway|[Gg]ulf|[Bb]ay|[Ll]agoon|[Rr]eservoir"
    r"|[Mm]ountains?|[Vv]alley|[Ff]ortress|[Cc]astle|[Cc]athedral|[Mm]onastery|[Ss]hipyards?|[Aa]bbey|Pike|Road"
    r"|(?:International\s+)?Airport|(?:[Bb]order\s+)?(?:[Cc]heckpoint|[Cc]rossing\s+point)"
    # "the Aksu Ferroalloy Plant", "Minsk Tractor Works": a company named after the town
    r"|(?:[A-Z][\w-]+\s+){0,2}(?:Plant|Factory|Works|Combine|Mill)"
    # "the Minsk Regional Clinical Hospital": an institution named after the place
    r"|(?:[A-Z][\w-]+\s+){0,2}(?:Hospital|Clinic|Polyclinic)"
    # "the Oktyabrsky Concert Hall": a hall named like a town
    r"|Darya|Times|Herald|Gazette|Tribune"  # "the Syr Darya", "The Astana Times": a river, a newspaper
    r"|Concert\s+Hall|Philharmonic|(?:Symphony\s+|Chamber\s+)?Orchestra|Conservatory|Conservatoire"
    # "Altai State University", "Kazan Federal University": an institution's name, not a mention of the place
    r"|(?:State|Federal|National)\s+(?:\w+\s+){0,2}?(?:University|Academy|Institute)"
    r"|(?:Institute|University|College|Academy)\s+of\s+(?=[A-Z])|University|Polytechnic"
    # "Free State High School", "Minsk Gymnasium No. 1"
    r"|(?:High|Secondary|Grammar|Middle)\s+School|Gymnasium|Lyceum"
    # "the Athens Olympic Games", "the Athens Authentic Marathon": an event named after the town
    r"|Olympic\s+Games|Olympics|(?:[A-Z][\w-]+\s+)?Marathon)\b")
# "Aurora, the Far Eastern airline of the Aeroflot group": a company named like a town
_COMPANY_APPOSITION = re.compile(r"\s*(?:the|an?)\s+(?:[\w-]+\s+){0,4}?(?:airline|air\s+carrier|bank|brewery"
                                 r"|football\s+club)\b")
# «городского округа «Воркута»», «МО «Город Козьмодемьянск»»: a municipality's name in quotes is the town
_MUNICIPALITY_BEFORE_QUOTE = re.compile(r"(?:округ\w*|образовани\w*|район\w*|поселени\w*|\bМО)\s+«(?:Город\s+)?$")
# "Kalininsky and Leninsky districts": district adjectives sharing their noun, not a town named Leninsky
_DISTRICTS_AFTER = re.compile(r"(?:\s+and\s+[A-Z][a-z]+sk(?:y|iy))?\s+districts\b")
_NAMED_IN_QUOTES_BEFORE = re.compile(r"\b(?:Cent(?:re|er)|Cooperation|Complex|Plant|Factory|Company|Hotel|Club|Stadium"
                                     r"|Arena|Hall|Park|Zone|Port|Terminal|Station|Hub)\s+[\"“]$")
_VESSEL_BEFORE = re.compile(r"\b(?:ferry|ship|vessel|boat|liner|yacht|railcar|locomotive|aircraft|airliner)"
                            r"\s+(?:(?:is|was)\s+)?(?:(?:named|called|christened)\s+)?(?:the\s+)?[\"“„']?$", re.IGNORECASE)
_NICKNAME_BEFORE = re.compile(r"\b(?:known|nicknamed|called|dubbed|styled)\s+(?:as\s+)?(?:the\s+)?[\"“']?"
                              r"(?:City|Town|Capital|Land)\s+of\s+$")
_ROUTE_DASH = re.compile(r"\s*[-–—]\s*[A-ZА-ЯЁ]")  # "the ferry Batumi – Odesa": a route, not a ship's name
_FEATURE_BEFORE = re.compile(r"\b(?:Little|Lake|Mount|River|Cape)\s$"
                             # "Praça Gil Eanes", "Ponta da Piedade": a square, a headland
                             r"|\b(?:Praça|Piazza|Plaza|Largo|Rua|Avenida|Calle|Ponta|Cabo|Capo|Ilha|Serra)\s(?:d[aeo]s?\s)?$")
_LONGER_SPANISH_NAME = re.compile(r" (?:de|del|de la|de los|de las|do|da|dos|das|di) [A-Z][a-zà-ÿ]")
# "the Republic of Ragusa" (old Dubrovnik), "South America", «Латинской Америки»: a state of the past or a part of
# a continent, not the town or country of the name
# "the North Central Coast" of Vietnam: a part of a country, not the Australian city of Central Coast
_COMPASS_BEFORE = re.compile(r"\b(?:North|South)\s$")
_NOT_THE_PLACE_BEFORE = re.compile(r"\b(?:Republic\s+of|South|North|Latin|Central)\s$|(?:Южн|Северн|Латинск|Центральн)\w+\s$")


@dataclass
class SpottedName:
    """A gazetteer name found in the text, before disambiguation."""

    start: int
    end: int
    surface: str
    candidates: list[Place]
    country_hint: str | None = None  # set when the name is a country adjective ("Belarusian")
    parent_span_end: int | None = None  # "Partizansky District of Minsk": where "of Minsk" ends
    stated_country: str | None = None  # «сербским городом Ариле», "Belarusian Brest": the country the page gives it


@dataclass
class ResolvedName:
    start: int
    end: int
    surface: str
    place: Place
    reason: str


# «Вязьма Смоленской обл.», «Оршанского р-на»: the nouns of Russian place names as sites abbreviate them
_ABBREVIATED_NOUNS = {"обл": ("области", "область", "областью", "обл"),
                      "р-н": ("район",), "р-на": ("района",), "р-не": ("районе",), "р-ну": ("району",),
                      "р-ном": ("районом",)}
_DISTRICT_ABBREVIATION_END = re.compile(r"-(н|на|не|ну|ном)\b")


def _spelled_out(text: str, key: tuple[str, ...], token: str, end: int, names) -> tuple[str, int]:
    """The full noun an abbreviation after ``key`` stands for, as the gazetteer spells the name, and where it ends."""
    if token == "р":
        rest = _DISTRICT_ABBREVIATION_END.match(text, end)
        if rest is None:
            return token, end
        token, end = "р-" + rest.group(1), rest.end()
    for noun in _ABBREVIATED_NOUNS[token]:
        if (*key, noun) in names:
            return noun, end
    return token, end


# "BELGRADE, Nov. 21 (Xinhua)", «САНКТ-ПЕТЕРБУРГ, 17 октября (БЕЛТА)»: a wire dateline names its city in capitals
DATELINE_AFTER = re.compile(r",\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Za-zА-Яа-яё]{3,})")
# "Nov. 21": a month's abbreviation, not the town of Nov
_MONTH_ABBREVIATIONS = frozenset(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])


def spot_names(text: str, gazetteer: Gazetteer) -> list[SpottedName]:
    """Longest gazetteer names in ``text``, left to right, each starting at a capitalised word."""
    names, hints, prefixes = gazetteer.names, gazetteer.country_hints, gazetteer.prefixes
    found: list[SpottedName] = []
    consumed = 0
    for first in _CAPITALISED.finditer(text):
        start = first.start()
        if start < consumed or start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        word = first.group().lower()
        key = (normalise(word) if "ё" in word or "ș" in word or "ț" in word else word,)
        if not word.isascii() and key not in names and key not in prefixes and key not in hints:
            key = (fold_latin(word),)  # "Biržai", "Nové Město": the gazetteer may have them without accents
        best: tuple[tuple[str, ...], int] | None = (key, first.end()) if key in names or key in hints else None
        first_key = key
        end = first.end()
        while key in prefixes:
            following = _NEXT_TOKEN.match(text, end)
            if following is None:
                break
            token = normalise(following.group(1))
            end = following.end()
            if not token.isascii() and (*key, token) not in names and (*key, token) not in prefixes:
                if token in _ABBREVIATED_NOUNS or token == "р" and text.startswith("-", end):
                    token, end = _spelled_out(text, key, token, end, names)
                else:
                    token = fold_latin(token)
            key = (*key, token)
            if key in names or key in hints:
                best = (key, end)
        if best is None:
            # (the first word alone: «Острова Псковской области» is no longer name «Острова Риау» begins)
            town_ids = gazetteer.towns_named_like_nouns.get(first_key[0]) if "А" <= text[start] <= "Я" else None
            if town_ids and start and text[start - 1] not in _OPENING_QUOTES \
                    and not _SENTENCE_START.search(text, max(0, start - 4), start) \
                    and not _not_a_town_in_russian(text, start, first.end()):  # («на площади Свободы»)
                # «прибыла в Тару», «из Мостов»: a town whose name is also a word, capitalised mid-sentence
                found.append(SpottedName(start, first.end(), text[start:first.end()],
                                         [gazetteer.places[i] for i in town_ids]))
                consumed = first.end()
            elif "А" <= text[start] <= "Я" and start and text[start - 1] == " " \
                    and first_key[0] in gazetteer.towns_named_like_adjectives \
                    and not _SENTENCE_START.search(text, max(0, start - 4), start) \
                    and _NO_NOUN_AFTER_RU.match(text, first.end()) and not text[start - 2:start - 1].isupper() \
                    and not _COORDINATED_ADJECTIVE_AFTER.match(text, first.end()) \
                    and not _after_a_russian_given_name(text, start) \
                    and not _not_a_town_in_russian(text, start, first.end()):
                # «в Прохладном встретились», «Прохладного и белорусского Светлогорска»: an adjective with no
                # noun to qualify, capitalised mid-sentence, is the town («в Советском районе» is not)
                found.append(SpottedName(start, first.end(), text[start:first.end()],
                                         [gazetteer.places[i] for i in gazetteer.towns_named_like_adjectives[first_key[0]]]))
                consumed = first.end()
            continue
        key, end = best
        if start > 5 and text[start - 1] == " " and _NOT_THE_PLACE_BEFORE.search(text, max(0, start - 14), start) \
                and (key[0] in ("america", "америка", "америки", "америке", "америку", "америкой")
                     or (text.endswith("of ", 0, start) or _COMPASS_BEFORE.search(text, max(0, start - 7), start))
                     and key in names and all(p.kind == "city" for p in gazetteer.candidates(key))):
            consumed = end
            continue
        if text.startswith(" d", end) and _LONGER_SPANISH_NAME.match(text, end):
            consumed = end
            continue  # "San Miguel de Piura", "Santiago de Compostela": a longer name the gazetteer lacks
        if key in names and key in hints and len(key) == 1 and key[0].isascii() and key[0][:1].isalpha() \
                and not any(p.kind == "country" for p in gazetteer.candidates(key)):
            # "Thai buyers": a country's adjective, though GeoNames lists it among a town's other names
            found.append(SpottedName(start, end, text[start:end], [], country_hint=hints[key]))
            consumed = end
            continue
        if end < len(text) - 1 and text[end] == "-" and text[end + 1].isupper():
            following = _NEXT_TOKEN.match(text, end)
            if following is not None and (normalise(following.group(1)),) not in names \
                    and (normalise(following.group(1)),) not in hints:
                consumed = following.end()
                continue  # "the Sokolov-Sarybai mining association": a name of its own, not the town
        if text.startswith("-", end) and (longer := _HYPHENATED_PARTICLE_AFTER.match(text, end)):
            consumed = longer.end()
            continue  # "Saint-Paul-de-Varax", "Stratford-upon-Avon": a longer name the gazetteer lacks
        if text.startswith(" Regional ", end) and _REGIONAL_BODY.match(text, end + 10) and (*key, "region") in names:
            key = (*key, "region")  # "the Minsk Regional Executive Committee": the region's, not the city's
        if key in names:
            if len(key) == 1 and key[0] in FIRST_NAMES and _PERSON_SURNAME.match(text, end):
                continue
            if len(key) == 1 and key[0] in _MONTH_ABBREVIATIONS and text.startswith(".", end):
                continue
            if len(key) == 1 and start > 2 and text[start - 1] == " " and text[start - 2].islower() \
                    and _AREA_NOUN_AFTER.match(text, end) and _unknown_word_before(text, start, gazetteer):
                consumed = end
                continue  # "Huong Hoa District": the last word of a longer name the gazetteer lacks
            if len(key) == 1 and _unknown_word_after(text, end, key, gazetteer):
                consumed = _CAPITALISED_WORD_AFTER.match(text, end).end()
                continue  # "the Cai Mep port", "the landscapes of Trang An": a longer name the gazetteer lacks
            if len(key) == 1 and start > 2 and text[start - 1] == " " and text[start - 2].islower() \
                    and _after_a_given_name(text, start, gazetteer):
                continue  # "Marta Gandia", "Pierre Albert", "Ms Gandia": a person's surname
            if start > 3 and text[start - 1] == " " and _TITLE_BEFORE.search(text, max(0, start - 30), start):
                continue  # "Mr. Lincoln Hayes", "Dr Florence": a person
            if len(key) == 1 and _SPEAKER_AFTER_QUOTE.search(text, max(0, start - 4), start) \
                    and _SAID_AFTER.match(text, end):
                continue  # '"… advantage," Babushkin said': a speaker, whatever village shares the surname
            if len(key) == 1 and (key[0] in CITY_WORDS or key[0] in gazetteer.words_opening_sentences) \
                    and _SENTENCE_START.search(text, max(0, start - 4), start):
                continue  # "Reading the agreement, …", «Ровно 25 лет назад»: the word, opening the sentence
            if text[max(0, start - 4):start] == "the " and _RIVER_CROSSED_BEFORE.search(text, max(0, start - 20), start):
                continue  # "a footbridge over the Kent": a river, whatever town shares its name
            if text[max(0, start - 4):start] == "the " and all(p.kind == "city" for p in gazetteer.candidates(key)) and (
                    all((p.population or 0) < 15_000 for p in gazetteer.candidates(key)) or _NOT_A_NOUN_AFTER.match(text, end)) \
                    and not _TOWNS_BODY_AFTER.match(text, end):  # ("the Rossony District Executive Committee")
                # "on the banks of the Neman", "a camp on the Amur in summer": a river. (A city after "the" is
                # an adjective, "the Minsk delegation", and is kept.)
                continue
            if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
                before = _WORD_BEFORE.search(text, max(0, start - 30), start - 1)
                if before is not None and (normalise(before.group()),) not in names:
                    consumed = end
                    continue  # "Katon-Karagay National Park": a name of its own, not the town of Karagay
            # "the Augustow Canal", "the Elysee Treaty", "Washington Park", "Little Tokyo": a feature
            # named after the town, not the town.
            if _FEATURE_AFTER.match(text, end) or _FEATURE_BEFORE.search(text, max(0, start - 12), start) \
                    or text.endswith(("sky", "skiy"), start, end) and _DISTRICTS_AFTER.match(text, end) \
                    or text.startswith(",", end) and _COMPANY_APPOSITION.match(text, end + 1):
                consumed = end
                continue
            if text.endswith("of ", 0, start) and _NICKNAME_BEFORE.search(text, max(0, start - 40), start):
                continue  # "known as the City of Springs": a nickname
            if _VESSEL_BEFORE.search(text, max(0, start - 40), start) and not _ROUTE_DASH.match(text, end):
                continue  # "the ferry Kutaisi", "a railcar christened 'Marktredwitz'": a vessel's or train's name
            # "GAZ plant" is a brand, "St Sophia Cathedral" a church: neither is the town of that name.
            surface = text[start:end]
            # (A capitalised abbreviation of a region, «аким ВКО», is its name, as a country's is.)
            if (surface.isupper() and len(surface) > 1 and not any(p.kind in ("country", "region") for p in
                                                                      gazetteer.candidates(key))
                    and not DATELINE_AFTER.match(text, end)) \
                    or "S" in text[max(0, start - 7):start] and _SAINT_BEFORE.search(text, max(0, start - 7), start):
                continue
            if "А" <= surface[0] <= "Я" and (_not_a_town_in_russian(text, start, end)
                                             or _after_a_russian_given_name(text, start)
                                             or _a_russian_given_name_before_a_surname(text, surface, end)):
                continue  # «улица Кирова», «Андрей Борисов», «Владимир Ульянов», «рождения Хо Ши Мина»
            if start and text[start - 1] in "\"“" and _NAMED_IN_QUOTES_BEFORE.search(text, max(0, start - 40), start):
                continue  # 'the International Centre for Boundary Cooperation "Khorgos"': a name of its own
            if start and text[start - 1] == "«" and "А" <= surface[0] <= "Я" and 0 <= text.find("»", end, end + 30) \
                    and not any(p.kind == "country" for p in gazetteer.candidates(key)) \
                    and not _MUNICIPALITY_BEFORE_QUOTE.search(text, max(0, start - 40), start):
                continue  # ОАО «Бабушкина крынка», ФК «Витебск», гостиница «Минск»: a name of its own (not speech)
            found.append(SpottedName(start, end, text[start:end], gazetteer.candidates(key)))
        else:
            found.append(SpottedName(start, end, text[start:end], [], country_hint=hints[key]))
        consumed = end
    return _without_juxtaposed_towns(text, found)


_HYPHENATED_PARTICLE_AFTER = re.compile(r"(?:-(?:de|du|des|la|le|les|sur|sous|en|lès|lez|et|am|an|im|upon|on|in|на)"
                                        r"(?=-\w))+-[\w'’]+(?:-[\w'’]+)*")


def _without_juxtaposed_towns(text: str, found: list[SpottedName]) -> list[SpottedName]:
    """"the 1215 Magna Carta", "Lincoln Cathedral" aside: two town names with only a space between them are
    one name of something else (prose puts a comma or a word between two towns). Not in Russian, whose cases
    set a genitive beside a nominative: «Для Барановичей Арзамас стал вторым побратимом»."""
    juxtaposed: set[int] = set()
    for k in range(1, len(found)):
        first, second = found[k - 1], found[k]
        if second.start == first.end + 1 and text[first.end] == " " and first.candidates and second.candidates \
                and first.surface.isascii() \
                and all(p.kind == "city" for p in (*first.candidates, *second.candidates)) \
                and not {p.country_code for p in first.candidates} & {p.country_code for p in second.candidates}:
            juxtaposed.update((k - 1, k))
    return [name for k, name in enumerate(found) if k not in juxtaposed] if juxtaposed else found


_QUALIFIES_THE_NEXT_NAME = re.compile(r"['’]s\s+|\s+")
# (but not a place noun before the name: "the American city of Rochester", «российский город Армавир»)
_LOWER_CASE_WORD_AFTER = re.compile(r"\s+(?!(?:city|town|village|capital|port|resort|region|province|district|county"
                                    r"|state|twin|sister|partner|neighbou?r|город|поселок|посёлок|деревн|сел|столиц"
                                    r"|област|кра|провинци|район|побратим|партнер|партнёр)[a-zа-яё-]*\s+(?:of\s+)?"
                                    r"[A-ZА-ЯЁ])[a-zа-яё]")


def resolve_names(text: str, spotted: list[SpottedName], gazetteer: Gazetteer,
                  sentence_bounds: list[tuple[int, int]], publisher_country: str | None = None) -> list[ResolvedName]:
    """Pick one place for each spotted name, by context: a country adjective right before it, country
    words in the sentence, the countries and regions of the article's unambiguous places, a district's
    city, the publisher's country, population."""
    _narrow_to_adjective_country(text, spotted, gazetteer)
    _narrow_to_country_after(text, spotted)
    _drop_districts_of_unnamed_cities(spotted)
    sentence_of = _sentence_index(spotted, sentence_bounds)
    sentence_countries: dict[int, set[str]] = {}
    article_countries: set[str] = set()
    for k, (number, name) in enumerate(zip(sentence_of, spotted)):
        codes = {name.country_hint} if name.country_hint else {p.country_code for p in name.candidates if p.kind == "country"}
        if codes:
            following = spotted[k + 1] if k + 1 < len(spotted) else None
            # "Slutsk, Russia's Kasimov": the country is Kasimov's (already narrowed to it), not news about
            # the other towns of the sentence, which it rather sets apart
            # "A delegation of the Russian town arrived in Slutsk": the adjective tells who came, not where
            describes_a_noun = bool(name.country_hint) and _LOWER_CASE_WORD_AFTER.match(text, name.end) is not None
            if not describes_a_noun and (
                    following is None or not _QUALIFIES_THE_NEXT_NAME.fullmatch(text, name.end, following.start)):
                sentence_countries.setdefault(number, set()).update(codes)
            article_countries.update(codes)
    sure_ids: dict[int, int] = {}  # place id -> where a name that can only be it first stands
    for name in spotted:
        if len(name.candidates) == 1:
            sure_ids.setdefault(name.candidates[0].place_id, name.start)
        else:
            # "California's San Joaquin Valley": the state, whatever small Brazilian town shares its name
            regions = [p for p in name.candidates if p.kind == "region"]
            if len(regions) == 1 and all(p.kind == "city" and (p.population or 0) < 20_000
                                         for p in name.candidates if p is not regions[0]):
                sure_ids.setdefault(regions[0].place_id, name.start)
    sure_places = [gazetteer.places[i] for i in sure_ids]
    for place in sure_places:
        article_countries.add(place.country_code)
    for name in spotted:
        # «Москву»: Moscow, Idaho shares the name, but a city of millions puts its country in the article
        if len(name.candidates) > 1:
            first, second = sorted(name.candidates, key=population_prior, reverse=True)[:2]
            if (first.population or 0) >= 1_000_000 and population_prior(first) - population_prior(second) >= 2:
                article_countries.add(first.country_code)
    named_ids = {p.place_id for name in spotted for p in name.candidates if len(name.candidates) <= 3}

    resolved: list[ResolvedName] = []
    memo: dict[tuple, tuple[Place, str]] = {}
    settled: dict[tuple[int, ...], tuple[Place, str]] = {}
    skip_until = -1
    for index, (number, name) in enumerate(zip(sentence_of, spotted)):
        if name.start < skip_until or not name.candidates:
            continue
        following = spotted[index + 1] if index + 1 < len(spotted) else None
        candidate_ids = tuple(p.place_id for p in name.candidates)
        if len(name.candidates) == 1 and name.candidates[0].kind != "district":
            place, reason, parent_end = name.candidates[0], "only place of that name", None
        elif candidate_ids in settled and not _PARENT_LINK.match(text[name.end:following.start] if following else ""):
            # One sense per article: a later bare "the Moskovsky District" is the one named in full before.
            (place, reason), parent_end = settled[candidate_ids], None
        else:
            memo_key = (candidate_ids, frozenset(sentence_countries.get(number, ())))
            if memo_key in memo and name.candidates[0].kind != "district":
                (place, reason), parent_end = memo[memo_key], None
            else:
                place, reason, parent_end = _choose(
                    text, name, following, gazetteer,
                    sentence_countries.get(number, set()), article_countries, named_ids, sure_ids,
                    _sentence_text(text, sentence_bounds, number, name.start), publisher_country,
                )
                memo[memo_key] = (place, reason)
                if parent_end is not None:
                    settled[candidate_ids] = (place, reason)
        end = name.end
        if parent_end is not None:
            end = parent_end
            skip_until = parent_end
        previous = resolved[-1] if resolved else None
        if previous is not None and text[previous.end:name.start] == ", " and place.place_id not in \
                gazetteer.ancestors(previous.place):
            region = next((p for p in name.candidates if p.place_id in gazetteer.ancestors(previous.place)), None)
            if region is not None:  # "Savannah, Georgia": the state, not the country
                place, reason = region, "the region of the town named just before"
        if previous is not None and previous.place.place_id == place.place_id and _NAMESAKES_JOINED.fullmatch(
                text, previous.end, name.start) and normalise(previous.surface) == normalise(name.surface):
            # "Slavgorod and Slavgorod", «Кировск и Кировск»: namesakes twinned, one in another country
            other = max((p for p in name.candidates if p.country_code != place.country_code and p.kind == place.kind),
                        key=population_prior, default=None)
            if other is not None:
                place, reason = other, "namesake of the place named just before"
        resolved.append(ResolvedName(name.start, end, text[name.start:end], place, reason))
        city = gazetteer.places.get(place.parent_id) if parent_end is not None and following is not None else None
        if city is not None:
            # "the Leninsky District of Mogilev" names Mogilev too (as a place named, not as a side)
            resolved.append(ResolvedName(following.start, following.end, text[following.start:following.end], city,
                                         DISTRICTS_CITY))
    resolved = _namesakes_told_apart(text, resolved, spotted, sentence_of, gazetteer)
    return _bare_namesakes_of_a_country_qualified_town(text, resolved, spotted, gazetteer)


_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:[\w-]+,\s+)?$|['’]s\s+$")


def _bare_namesakes_of_a_country_qualified_town(text: str, resolved: list[ResolvedName], spotted: list[SpottedName],
                                                gazetteer: Gazetteer) -> list[ResolvedName]:
    """"Lagos and Asilah sign … Nigeria's largest city, Lagos, owes its name to our town": a town given its country
    only after the article has named it bare is the namesake the bare name is not, where the article names the
    country of another town of that name (Portugal)."""
    # every country the text names, as a name or an adjective ("Nigeria's", "Portuguese")
    country_at = {name.start: (name.end, name.country_hint or name.candidates[0].country_code) for name in spotted
                  if name.country_hint or name.candidates and all(p.kind == "country" for p in name.candidates)}
    countries = {code for _, code in country_at.values()}
    if len(countries) < 2:
        return resolved
    ends = {end: (start, code) for start, (end, code) in country_at.items()}
    qualified: dict[str, set[int]] = {}  # surface -> starts of mentions given their country
    for r in resolved:
        if r.place.kind != "city":
            continue
        possessive = _POSSESSIVE_BEFORE.search(text, max(0, r.start - 40), r.start)
        # ("Nigeria's" may be spotted with its 's)
        before = possessive and (ends.get(possessive.start()) or ends.get(possessive.start() + 2))
        after = next((country_at[r.end + len(gap)] for gap in (", ", " in ") if r.end + len(gap) in country_at
                      and text.startswith(gap, r.end)), None)
        if before and before[1] == r.place.country_code or after and after[1] == r.place.country_code:
            qualified.setdefault(normalise(r.surface), set()).add(r.start)
    if not qualified:
        return resolved
    candidates_at = {name.start: name.candidates for name in spotted}
    switched: dict[str, tuple[int, Place]] = {}  # surface -> (the qualified town, the namesake the bare name is)
    for surface, starts in qualified.items():
        mentions = [r for r in resolved if normalise(r.surface) == surface]
        towns = {r.place.place_id for r in mentions if r.start in starts}
        if len(towns) != 1 or mentions[0].start in starts:
            continue  # named with its country first: the article's own town
        [town] = towns
        others = [p for p in candidates_at.get(mentions[0].start, ()) if p.kind == "city" and p.country_code in countries
                  and p.country_code != gazetteer.places[town].country_code]
        if others:
            switched[surface] = (town, max(others, key=population_prior))
    if not switched:
        return resolved
    return [ResolvedName(r.start, r.end, r.surface, switched[normalise(r.surface)][1],
                         "namesake of the town the article names with its country")
            if normalise(r.surface) in switched and r.start not in qualified[normalise(r.surface)]
            and r.place.place_id == switched[normalise(r.surface)][0] else r for r in resolved]


def _namesakes_told_apart(text: str, resolved: list[ResolvedName], spotted: list[SpottedName],
                          sentence_of: list[int], gazetteer: Gazetteer) -> list[ResolvedName]:
    """"Lincoln signs an agreement with Lincoln, Nebraska": where one sentence names a town both with its region
    and bare, the bare name is its namesake elsewhere, in that sentence and wherever else the article names it bare."""
    qualified = {town.start for town, region in pairwise(resolved)
                 if town.place.kind == "city" and region.place.kind == "region"
                 and _REGION_QUALIFIES.fullmatch(text, town.end, region.start)
                 and region.place.place_id in gazetteer.ancestors(town.place)}
    if not qualified:
        return resolved
    sentence_at = {name.start: number for name, number in zip(spotted, sentence_of)}
    candidates_at = {name.start: name.candidates for name in spotted}
    switched: dict[str, Place] = {}  # surface -> the namesake
    for town in (r for r in resolved if r.start in qualified):
        surface = normalise(town.surface)
        bare_beside = any(r.start not in qualified and normalise(r.surface) == surface
                          and r.place.place_id == town.place.place_id
                          and sentence_at.get(r.start) == sentence_at.get(town.start) for r in resolved)
        if not bare_beside or surface in switched:
            continue
        others = [p for p in candidates_at.get(town.start, ()) if p.kind == town.place.kind
                  and p.country_code != town.place.country_code]
        if others:
            # the namesake whose region or country the article names ("Oregon and Toyama Prefecture …")
            named = {r.place.place_id for r in resolved if r.place.kind in ("region", "country")}
            switched[surface] = max(others, key=lambda p: (bool(named.intersection(gazetteer.ancestors(p))),
                                                           population_prior(p)))
    if not switched:
        return resolved
    stated = {name.start: name.stated_country for name in spotted if name.stated_country}
    # (a mention given its country by an adjective, «Российский Армавир», keeps it)
    return [ResolvedName(r.start, r.end, r.surface, switched[normalise(r.surface)], NAMESAKE_OF_QUALIFIED)
            if r.start not in qualified and normalise(r.surface) in switched
            and stated.get(r.start, switched[normalise(r.surface)].country_code) == switched[normalise(r.surface)].country_code
            else r for r in resolved]


NAMESAKE_OF_QUALIFIED = "namesake of the town named with its region"
# "Lincoln, Nebraska", "Salem in India's Tamil Nadu"
_REGION_QUALIFIES = re.compile(r", | in (?:[A-Z][\w-]+['’]s )?| ")  # and «Армавир Краснодарского края»


def short_names_as_full(resolved: list[ResolvedName]) -> list[ResolvedName]:
    """«Комсомольск» after «Комсомольск-на-Амуре», "Frankfurt" after "Frankfurt an der Oder": the short form
    of a town named in full in the same article is that town, not a namesake."""
    full: dict[str, Place] = {}
    for r in resolved:
        head, dash, rest = r.surface.partition("-")
        if dash and rest and r.place.kind == "city":
            full.setdefault(normalise(head), r.place)
        elif " " in r.surface and r.place.kind == "city":
            full.setdefault(normalise(r.surface.split()[0]) + " ", r.place)
    if not full:
        return resolved
    named: list[ResolvedName] = []
    for r in resolved:
        key = normalise(r.surface)
        place = full.get(key) or full.get(key + " ")
        # ("Stratford, a city in Ontario, was named after Stratford-upon-Avon": its own region says which)
        if place is not None and place.place_id != r.place.place_id and r.place.kind == "city" and "-" not in r.surface \
                and not r.reason.startswith("its region"):
            r = ResolvedName(r.start, r.end, r.surface, place, "short for the town named in full")
        named.append(r)
    return named


# "Vitebsk dairy products", "Mogilev companies": the town's name used as a word for what its region makes or has
_MODIFIER_OF_WHAT_A_REGION_HAS = re.compile(
    r"\s+(?:(?:dairy|food|farm|agricultural|industrial|flax|meat|machine-building)\s+)?(?:products|goods|produce|grain"
    r"|flour|meat|milk|fertili[sz]ers|machinery|equipment|tractors|timber|fabrics|knitwear|furniture|footwear|textiles"
    r"|companies|enterprises|producers|manufacturers|exporters|businesses|firms|farms|farmers|universities|colleges"
    r"|schools|hospitals|scientists|doctors|specialists|builders)\b")


def town_words_as_their_region(text: str, resolved: list[ResolvedName], gazetteer: Gazetteer) -> list[ResolvedName]:
    """"Vitebsk dairy products", "Vitebsk universities" in an article on Vitebsk Oblast: the region's, when the
    town is never named as a place of its own there."""
    regions = {r.place.place_id for r in resolved if r.place.kind == "region"}
    if not regions:
        return resolved
    as_word = [r for r in resolved if r.place.kind == "city" and _MODIFIER_OF_WHAT_A_REGION_HAS.match(text, r.end)]
    if not as_word:
        return resolved
    # "the regional government building in Tula" names where the talks were, not a side of its own
    named_otherwise = {r.place.place_id for r in resolved if r.place.kind == "city" and r not in as_word
                       and not text.endswith(" in ", 0, r.start)}
    out = []
    for r in resolved:
        region = _region_named_after(r.place, r.surface, regions, gazetteer) if r in as_word else None
        if region is not None and r.place.place_id not in named_otherwise:
            r = ResolvedName(r.start, r.end, r.surface, region, "the region the article is about, named by its town")
        out.append(r)
    return out


_LOWER_CASE_REGION_NOUN_AFTER = re.compile(r"\s+(?:province|region|oblast|voivodeship|prefecture)\b"
                                           # "Matanzas is one of the leading agricultural provinces of Cuba"
                                           r"|\s+is\s+(?:one\s+of\s+the\s+(?:[\w-]+\s+){0,5}?(?:provinces|regions|oblasts)"
                                           r"|an?\s+(?:[\w-]+\s+){0,3}?(?:province|region|oblast))\b")


def towns_before_a_region_noun_as_regions(text: str, resolved: list[ResolvedName],
                                          gazetteer: Gazetteer) -> list[ResolvedName]:
    """"the Lodz province of Poland": the region named after the town (the noun is not part of its name here)."""
    out = []
    for r in resolved:
        if r.place.kind == "city" and _LOWER_CASE_REGION_NOUN_AFTER.match(text, r.end):
            regions = {i for i in gazetteer.ancestors(r.place) if gazetteer.places[i].kind == "region"}
            region = _region_named_after(r.place, r.surface, regions, gazetteer)
            if region is not None:
                r = ResolvedName(r.start, r.end, r.surface, region, "the region named after the town, by its noun")
        out.append(r)
    return out


def _region_named_after(town: Place, surface: str, region_ids: set[int], gazetteer: Gazetteer) -> Place | None:
    """The region named after the town ("Vitebsk Oblast"), or after the word as written ("Akmola grain" in an
    article on Akmola Region, though GeoNames gives "Akmola" as an old name of Astana)."""
    for region_id in region_ids:
        region = gazetteer.places[region_id]
        if region.country_code != town.country_code:
            continue
        if region_id in gazetteer.ancestors(town) and normalise(region.name).startswith(normalise(town.name) + " ") \
                or normalise(region.name).startswith(normalise(surface) + " "):
            return region
    return None


DISTRICTS_CITY = "named as the district's city"
TOWNS_REGION = "named as the region of the town before it"
ADDRESSES = frozenset({DISTRICTS_CITY, TOWNS_REGION})  # named, but as where another place lies, not as a side
# «Славгород Могилевской области», «Кировск Ленинградской области»: a region in the genitive right after a town
_REGION_IN_GENITIVE = re.compile(r"(?:[А-ЯЁ][а-яё-]+(?:ой|ого|ей|его)\s+(?:области|края|округа|республики)"
                                 r"|Республики\s+[А-ЯЁ][а-яё-]+)$")

# «города Циндао провинции Шаньдун»: the region's noun between the town and the region's name
_REGION_NOUN_BETWEEN = re.compile(r"[ \t]+(?:провинции|префектуры|штата|уезда|округа|автономного\s+района)[ \t]+")


def regions_as_addresses(text: str, resolved: list[ResolvedName], gazetteer: Gazetteer) -> list[ResolvedName]:
    """A town followed by its region in the genitive («Славгород Могилевской области и Славгород Алтайского
    края») or in brackets ("Kimry (Tver Region)") is the town in that region; the region is its address
    there, not a side of a pair."""
    names = list(resolved)
    for k in range(1, len(names)):
        town, region = names[k - 1], names[k]
        if region.place.kind != "region" or town.place.kind != "city":
            continue
        gap = text[town.end:region.start]
        bracketed = gap.strip() == "(" and text.startswith(")", region.end)  # "Kimry (Tver Region)"
        if not bracketed and not (gap.isspace() and "\n" not in gap and _REGION_IN_GENITIVE.search(region.surface)) \
                and not _REGION_NOUN_BETWEEN.fullmatch(gap):
            continue
        inside = [p for p in gazetteer.candidates(name_key(town.surface))
                  if p.kind == "city" and region.place.place_id in gazetteer.ancestors(p)]
        if inside and town.place not in inside:
            names[k - 1] = ResolvedName(town.start, town.end, town.surface, max(inside, key=population_prior),
                                        "its region follows the name")
        if inside:
            names[k] = ResolvedName(region.start, region.end, region.surface, region.place, TOWNS_REGION)
    # «команды Кимр и Узловой Тульской области»: a region in the genitive after a capitalised word that is no
    # place the gazetteer knows is that town's address too; the town itself is listed as unresolved. So is the
    # region after a district: «в Островецком районе Гродненской области», "the Lida District of Grodno Region".
    taken_ends = {r.end for r in names}
    for k, region in enumerate(names):
        if region.place.kind != "region" or region.reason in ADDRESSES:
            continue
        window = max(0, region.start - 40)
        if _REGION_IN_GENITIVE.search(region.surface):
            before = _UNKNOWN_TOWN_BEFORE.search(text, window, region.start)
            if before is not None and before.end(1) not in taken_ends \
                    and not before.group(1).lower().startswith(_INSTITUTION_STEMS) \
                    or _DISTRICT_BEFORE_RU.search(text, window, region.start):
                names[k] = ResolvedName(region.start, region.end, region.surface, region.place, TOWNS_REGION)
        elif _DISTRICT_BEFORE_EN.search(text, window, region.start):
            names[k] = ResolvedName(region.start, region.end, region.surface, region.place, TOWNS_REGION)
    return names


_DISTRICT_BEFORE_RU = re.compile(r"[А-ЯЁ][а-яё-]+(?:ом|ого|ий|ый|ой|ому|им|ым)\s+(?:район\w*|(?:городск|муниципальн)\w+\s+округ\w*)"
                                 r"\s+$")
_DISTRICT_BEFORE_EN = re.compile(r"[A-Z][\w-]+\s+[Dd]istrict\s+(?:of|in)\s+(?:the\s+)?$")


# A capitalised word mid-sentence (after a lower-case word, a comma or a dash), right before the region
_UNKNOWN_TOWN_BEFORE = re.compile(r"(?:[а-яё,—–-]|\bи)\s+([А-ЯЁ][а-яё-]+)\s+$")
# Capitalised in official Russian, and followed by the region they belong to: not towns
_INSTITUTION_STEMS = ("правительств", "губернатор", "администрац", "дум", "собрани", "президент", "глав", "министерств",
                      "совет", "парламент", "законодательн", "представительств", "посольств", "дн", "делегац",
                      "форум", "аппарат", "палат", "комитет", "управлени", "департамент", "агентств", "фонд")
# The bodies of a region named after its capital ("the Minsk Regional Executive Committee"); a "Brest Regional
# Museum" stands in the city.
_REGIONAL_BODY = re.compile(r"(?:Executive|Administration|Government|Council|Duma|Parliament|Assembly|Committee"
                            r"|Akimat|Hokimiyat|[Aa]uthorities)\b")
_RIVER_CROSSED_BEFORE = re.compile(r"\b(?:over|across|along|crossing|bank\s+of|banks\s+of|mouth\s+of"
                                   r"|(?:dam|station|plant|bridge)\s+on)\s+the\s$")
_NOT_A_NOUN_AFTER = re.compile(r"\s*[,.;:)]|\s+(?:in|on|at|to|from|near|which|where|with|for|by|river|valley|and\s+the)\b")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
# What may follow a town's adjective name when no noun does: punctuation, a conjunction or preposition, a verb
_NO_NOUN_AFTER_RU = re.compile(
    r"\s*(?:[,.;:!?)»]|\s[—–-]\s|$)|\s+(?:и|а|но|или|в|во|на|с|со|из|до|по|под|к|ко|у|за|от|при|уже|ещё|еще|также"
    r"|тоже|почти|более|около)\s|\s+[а-яё]+(?:ли|ла|ло|лся|лась|лись|лось|ет|ют|ит|ят|ется|ются|ится|ятся)[\s,.]"
    # «из Узловой Тульской области»: the town, then its region
    r"|\s+[А-ЯЁ][а-яё]+(?:ой|ого|ом|ую|ая|ий|ый)\s+(?:област|кра|район|округ|республик)[а-яё]*\b")
# «в Кировском, Октябрьском и Ленинском районах»: adjectives sharing the noun at the end of their list
_COORDINATED_ADJECTIVE_AFTER = re.compile(r"(?:\s*,\s*|\s+и\s+)[А-ЯЁ][а-яё]+(?:ом|ой|ого|ому|ым|ых|их|ий|ый|ая|ое|ие|ые)\b")
_OPENING_QUOTES = frozenset("«\"„“'")
_NAMESAKES_JOINED = re.compile(r"\s+(?:and|и|&)\s+|\s*[-–—]\s*")


def _choose(text, name: SpottedName, following: SpottedName | None, gazetteer: Gazetteer,
            sentence_countries: set[str], article_countries: set[str], named_ids: set[int],
            sure_ids: dict[int, int], sentence: str, publisher_country: str | None = None):
    # "Partizansky District of Minsk": the named city settles the district and is part of its name.
    parent_end = None
    if following is not None and _PARENT_LINK.match(text[name.end:following.start]):
        parents = {p.place_id for p in following.candidates}
        with_parent = [p for p in name.candidates if p.parent_id in parents]
        if with_parent:
            return max(with_parent, key=population_prior), "district of the named city", following.end
    if len(name.candidates) == 1:
        return name.candidates[0], "only place of that name", parent_end
    if following is not None and text[name.end:following.start] == ", ":
        # "Alexandria, Virginia", "Savannah, Georgia": the region after the comma is the town's own
        regions = {p.place_id for p in following.candidates if p.kind == "region"}
        inside = [p for p in name.candidates if p.kind == "city" and regions.intersection(gazetteer.ancestors(p))]
        if inside:
            return max(inside, key=population_prior), "its region follows the name", parent_end
    before = text[max(0, name.start - 40):name.start]
    surface = normalise(name.surface)
    scored = []
    candidate_ids = {p.place_id for p in name.candidates}  # ("Brandenburg": the region, or its town)
    for place in name.candidates:
        score = population_prior(place)
        reasons = ["population"]
        if _own_name(surface, place):
            score += 1  # "Stavropol" is Stavropol, not Tolyatti, once called Stavropol-on-Volga
            reasons.append("its own name, not an old or foreign one")
        if place.country_code in sentence_countries:
            right_before = _country_right_before(before, place, gazetteer)
            # A small town does not take a city's name merely because its country is in the sentence
            # ("Kazan and Turkey's Eskisehir" is not Kazan, Turkey, a town of 5,000).
            score += 6 if right_before or place.kind != "city" or (place.population or 0) >= 15_000 else 3
            reasons.append("country named in the sentence")
            if right_before:
                score += 6
        elif place.country_code in article_countries:
            score += 1.5
            reasons.append("country of other places in the article")
        elif place.country_code == publisher_country:
            score += 1
            reasons.append("the publisher's country")
        if sure_ids.get(place.place_id, name.start) < name.start:
            # «в Бресте … в Брест они приехали»: one place under one name in an article, unless told otherwise
            score += 10
            reasons.append("named unambiguously elsewhere in the article")
        ancestors = gazetteer.ancestors(place)
        if any(a in sure_ids for a in ancestors if gazetteer.places[a].kind != "country"):
            score += 8
            reasons.append("its region or city is named")
        elif place.kind == "city" and any(a in named_ids and a not in candidate_ids for a in ancestors
                                          if gazetteer.places[a].kind == "region"):
            # "the Virginia city", though "Virginia" may also be a town elsewhere: Alexandria in Virginia
            score += 4
            reasons.append("its region is named (the name may be another place's too)")
        if place.parent_id and place.parent_id in named_ids:
            score += 8
            if gazetteer.places[place.parent_id].name in sentence:
                score += 4
            reasons.append("its city is named")
        scored.append((score, place, reasons[-1]))
    scored.sort(key=lambda item: -item[0])
    return scored[0][1], scored[0][2], parent_end


def _drop_districts_of_unnamed_cities(spotted: list[SpottedName]) -> None:
    """A district is read only where its city is named in the article: "Sovetsky District" in a story
    on Krasnoyarsk is not the Sovetsky District of Minsk the gazetteer knows (it stays unresolved)."""
    cities = {p.place_id for name in spotted for p in name.candidates if p.kind == "city"}
    for name in spotted:
        if name.candidates and all(p.kind == "district" for p in name.candidates):
            name.candidates = [p for p in name.candidates if p.parent_id in cities]


# "Lodi in northern Italy", "Brest, France", "Victoria in Canada": the country right after a town's name
_COUNTRY_AFTER = re.compile(r"(?:,\s*|\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west"
                            r"|south-?east|south-?west)(?:ern)?\s+)?)$", re.IGNORECASE)


def _narrow_to_country_after(text: str, spotted: list[SpottedName]) -> None:
    for name, following in pairwise(spotted):
        if len(name.candidates) < 2 or not following.candidates or following.country_hint:
            continue
        countries = [p.country_code for p in following.candidates if p.kind == "country"]
        if len(countries) != 1 or len(following.candidates) != 1 or following.start - name.end > 30:
            continue
        if _COUNTRY_AFTER.search(text, name.end, following.start) and _COUNTRY_AFTER.search(
                text, name.end, following.start).start() == name.end:
            there = [p for p in name.candidates if p.country_code == countries[0]]
            if there:
                name.candidates = there


_RUSSIAN_ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ая", "ое", "ом", "ем", "ого", "ему", "ому", "ую")


def _narrow_to_adjective_country(text: str, spotted: list[SpottedName], gazetteer: Gazetteer) -> None:
    """«во французском Бресте», "Belarusian Brest": a country adjective right before a name keeps that
    country's places of the name, its namesakes under the same English name included (Russian case
    forms are indexed for towns of the former USSR only, so «Бресте» alone finds only Brest, Belarus)."""
    # Russian country adjectives are not capitalised, so spotting does not see them: read the word before.
    for name in spotted:
        if not name.candidates or not name.start or not text[name.start - 1].isspace():
            continue
        before = text[max(0, name.start - 30):name.start].rsplit(None, 1)
        word = before[-1].lstrip("\"'«“„([") if before else ""
        country = word.isalpha() and gazetteer.country_hints.get((normalise(word),))
        if not country and len(before) > 1 and word.islower() and word.endswith(_RUSSIAN_ADJECTIVE_ENDINGS):
            # «французский портовый Брест»: one more adjective between the country's and the name
            earlier = before[0].rsplit(None, 1)
            word = earlier[-1].lstrip("\"'«“„([") if earlier else ""
            country = word.isalpha() and gazetteer.country_hints.get((normalise(word),))
        if not country:
            continue
        name.stated_country = country
        there = [p for p in name.candidates if p.country_code == country]
        if not there:
            english_names = {p.name.split(",")[0] for p in name.candidates}
            there = [p for english in english_names for p in gazetteer.lookup(english) if p.country_code == country]
        if there:
            name.candidates = there


# A publisher's country from its web address or from the agency it names: a tie-breaker between namesakes.
_AGENCY_COUNTRY = (
    (("BelTA", "БелТА", "Belta", "BELTA"), "BY"),
    (("TASS", "ТАСС", "RIA Novosti", "РИА Новости", "Interfax", "Интерфакс"), "RU"),
    (("Xinhua", "Синьхуа"), "CN"),
    (("Kazinform", "Казинформ"), "KZ"),
    (("Armenpress", "Арменпресс"), "AM"),
    (("Ukrinform", "Укринформ"), "UA"),
)
_TOP_LEVEL_DOMAIN = re.compile(r"^[a-z]+://(?:[^/:]+\.)?[^/.:]+\.([a-z]{2})(?::\d+)?(?:/|$)")
_COUNTRY_OF_DOMAIN = {"uk": "GB", "su": "RU"}
_NOT_A_COUNTRY_DOMAIN = frozenset({"eu", "io", "tv", "fm", "me", "co", "ws", "cc"})


def publisher_country(url: str | None, text: str) -> str | None:
    """The country of the site or agency that published a page ("belta.by", "…, TASS reports"), or None."""
    domain = _TOP_LEVEL_DOMAIN.match((url or "").lower())
    if domain and domain.group(1) not in _NOT_A_COUNTRY_DOMAIN:
        return _COUNTRY_OF_DOMAIN.get(domain.group(1), domain.group(1).upper())
    # Substring tests (C speed) first; the word-boundary check only where a name occurs.
    for names, country in _AGENCY_COUNTRY:
        for name in names:
            at = text.find(name)
            while at >= 0:
                end = at + len(name)
                if (not at or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                    return country
                at = text.find(name, end)
    return None


def _own_name(surface: str, place: Place) -> bool:
    """Whether a name as written is the place's own (English or Russian, in any case), not an alternate."""
    own = normalise(place.name.split(",")[0])
    if surface == own:
        return True
    russian = normalise(place.name_ru or "")
    return len(russian) > 3 and surface[:len(russian) - 1] == russian[:-1]  # «Ставрополе» ~ «Ставрополь»


def _country_right_before(before: str, place: Place, gazetteer: Gazetteer) -> bool:
    country = gazetteer.places.get(gazetteer.country_of.get(place.country_code, -1))
    return bool(country) and country.name.lower() in before.lower()


def _sentence_index(spotted: list[SpottedName], bounds: list[tuple[int, int]]) -> list[int]:
    out, k = [], 0
    for name in spotted:
        while k + 1 < len(bounds) and name.start >= bounds[k][1]:
            k += 1
        out.append(k)
    return out


def _sentence_text(text: str, bounds: list[tuple[int, int]], number: int, fallback: int) -> str:
    if bounds and number < len(bounds):
        return text[bounds[number][0]:bounds[number][1]]
    return text[max(0, fallback - 200):fallback + 200]


_UNKNOWN_TOWN = re.compile(
    r"\b(?:(?:town|city|village|settlement|municipality|commune|borough|[Mm]ayor)\s+of|(?:trip|excursion)\s+to)\s+"
    r"([A-ZА-ЯЁ][\w'’-]+(?:\s[A-ZА-ЯЁ][\w'’-]+)?)"
    # "twinning Monaghan town with O'Neill": the name, then the word town
    r"|(?<=[a-z] )([A-Z][\w'’-]+)\s+town\s+(?:with|and)\b"
    # "twinned with Erquy": a tie of towns, in the words council pages use
    r"|\btwinned\s+with\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")
# The words after a town that say it is one: "Dungarvan's twin town", "Erquy, its twin town", "the Dungarvan
# Twinning Committee", "Erquy, a fishing port of about 4,000 people". Each starts with a word or a comma (found
# fast); the town is the capitalised word right before it.
_TIE_AFTER_A_TOWN = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:twin|sister|partner|friendship)[\s-](?:towns?|cit(?:y|ies))\b"
    r"|,\s+(?:its|our|their)\s+(?:\w+\s+)?(?:twin|sister|partner|friendship)[\s-](?:town|city)\b"
    r"|[Tt]winning\s+(?:[Cc]ommittee|[Aa]ssociation|[Ss]ociety)\b"
    r"|,\s+an?\s+(?:[a-z]+\s+){0,2}(?:town|port|village|city|commune|municipality)\s+of\s+"
    r"(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+)?\d")
_TOWN_RIGHT_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+)(?:\s+(?:[Tt]own\s+)?)?\Z")
# "Erquy, Dungarvan's twin town": the town before the twin's name is a town too
_TOWN_AND_COMMA_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+),\s+\Z")
_TIE_WORDS = ("twin", "sister", "partner", "friendship", "winning", " of about ", " of some ", " of around ",
              " of nearly ", " of almost ")
# No leading \b (it makes the search several times slower): a match inside a word is dropped below.
_UNKNOWN_AREA = re.compile(
    r"([A-ZА-ЯЁ][\w'’-]+(?:\s[A-ZА-ЯЁ][\w'’-]+)?\s(?:District|Region|Oblast|Province|County|Raion|Voivodeship"
    r"|district|region|oblast|province|county|raion))\b")
_TOWN_WORDS = ("town of", "city of", "village of", "settlement of", "municipality of", "commune of", "borough of",
               "mayor of", "trip to", "excursion to", " town with", " town and", "twinned")
# «в городе Джермук», «агрогородок Опса»
_UNKNOWN_TOWN_RU = re.compile(r"(?<![А-ЯЁа-яё])(?:город[еу]?|городом|г\.|пос[её]л[ао]?к\w*|деревн\w+|сел[аеоу]|агрогород\w*)"
                              r"\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")
# "Jermuk and Zheleznovodsk signed", «Джермук и Железноводск стали побратимами»: an unknown name side by side
# with a known place as the subject of a signing or a twinning
_SIGNING_AFTER = re.compile(r"[^.!?\n]{0,60}?\b(?:подписал\w*|заключил\w*|стал[иа]?\s+(?:город\w*-)?побратим\w*|побратим\w*"
                            r"|signed|became\s+(?:twin|sister|partner)|(?:are|were)\s+twinned|agreed)\b")
_AND_UNKNOWN = re.compile(r"\s+(?:и|and)\s+([A-ZА-ЯЁ][\w'’-]+)\b")
_UNKNOWN_AND = re.compile(r"(?:^|(?<=[\s«\"(]))([A-ZА-ЯЁ][\w'’-]+)\s+(?:и|and)\s+$")
_AREA_WORDS = ("istrict", "egion", "blast", "rovince", "ounty", "aion", "oivodeship")


# Capitalised words that open a sentence before "and": "Both Minsk and …", «Также …»
_NOT_NAMES = frozenset({"both", "also", "the", "and", "but", "today", "yesterday", "now", "then", "так", "также", "и",
                        "а", "но", "сегодня", "вчера", "ранее", "теперь", "оба", "обе", "district", "region", "city",
                        "town", "oblast", "province", "county", "municipality", "village"})


# «Минская и Московская области»: an adjective before a region or district noun, not a town
_ADJECTIVE_ENDINGS = ("ская", "ский", "ское", "ские", "ской", "ского", "ская", "ный", "ная", "ные")


def spot_unknown_places(text: str, known: list[ResolvedName | SpottedName],
                        every_mention: bool = False) -> list[tuple[str, int]]:
    """Names that read like places ("the town of Kopyl", "Uzda District", "Jermuk and Zheleznovodsk signed")
    but that the gazetteer lacks, each once (or ``every_mention``), with where they stand.

    They are kept for the analyst (and the online geocoder), never guessed.
    """
    taken = [(n.start, n.end) for n in known]
    unknown: list[tuple[str, int]] = []
    lowered = text.lower()
    matches = []
    if any(word in lowered for word in _TOWN_WORDS):
        matches.extend(_UNKNOWN_TOWN.finditer(text))
    if any(word in text for word in _AREA_WORDS):
        matches.extend(m for m in _UNKNOWN_AREA.finditer(text)
                       if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"))
    if not text.isascii() and any(word in lowered for word in ("город", "г.", "посел", "посёл", "деревн", "сел", "агрогор")):
        matches.extend(_UNKNOWN_TOWN_RU.finditer(text))
    for place in known:
        if not getattr(place, "place", None) and not getattr(place, "candidates", None):
            continue
        # substring tests first: most names stand next to no "and"
        joined_after = text.startswith((" и ", " and "), place.end)
        joined_before = text.endswith((" и ", " and "), 0, place.start)
        if not joined_after and not joined_before:
            continue
        after = _AND_UNKNOWN.match(text, place.end) if joined_after else None
        before = _UNKNOWN_AND.search(text, max(0, place.start - 40), place.start) if joined_before else None
        subject_end = after.end() if after else place.end
        if (after or before) and _SIGNING_AFTER.match(text, subject_end):
            matches.extend(m for m in (after, before) if m is not None)
    for place in known:
        # "Bardstown in the US state of Kentucky", "Jelgava in Latvia": a town placed in a known country or state
        kinds = {p.kind for p in ([place.place] if getattr(place, "place", None) else getattr(place, "candidates", []))}
        if kinds and kinds <= {"country", "region"} and text.endswith(_IN_WORDS, max(0, place.start - 30), place.start):
            located = _PLACED_IN.search(text, max(0, place.start - 60), place.start)
            if located:
                matches.append(located)
        elif kinds == {"region"} and text.endswith(", ", 0, place.start) and place.surface.isascii() and {
                p.country_code for p in ([place.place] if getattr(place, "place", None) else place.candidates)} <= {"US", "CA", "AU"}:
            # "O'Neill, Nebraska": a town written with its state, as American (Canadian, Australian) towns are
            located = _COMMA_REGION_BEFORE.search(text, max(0, place.start - 40), place.start)
            if located:
                matches.append(located)
    found = []
    for match in matches:
        group = next(k for k in range(1, match.re.groups + 1) if match.group(k) is not None)
        found.append((match.group(group), *match.span(group)))
    if any(word in lowered for word in _TIE_WORDS):
        for tie in _TIE_AFTER_A_TOWN.finditer(text):
            town = _TOWN_RIGHT_BEFORE.search(text, max(0, tie.start() - 40), tie.start())
            if town is not None:
                found.append((town.group(1), *town.span(1)))
                if text.startswith("'", tie.start()) or text.startswith("’", tie.start()):
                    before = _TOWN_AND_COMMA_BEFORE.search(text, max(0, town.start() - 40), town.start())
                    if before is not None:
                        found.append((before.group(1), *before.span(1)))
    for name, start, end in found:
        if name.startswith("The ") and " " in name[4:]:  # "The Sovetsky District" opening a sentence
            name, start = name[4:], start + 4
        if name.split()[0].lower() in COMMON_WORDS or name.lower() in _NOT_NAMES or name.isupper() \
                or name.lower().endswith(_ADJECTIVE_ENDINGS) \
                or any(s < end and start < e for s, e in taken):
            continue
        if every_mention or all(name != seen for seen, _ in unknown):
            unknown.append((name, start))
    return sorted(unknown, key=lambda found: found[1]) if every_mention else unknown


_IN_WORDS = (" in ", " in the ", " of ", "state of ", "province of ")
_COMMA_REGION_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?),\s$")
_PLACED_IN = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+in\s+(?:the\s+)?(?:US\s+)?"
                        r"(?:(?:state|province|region)\s+of\s+)?$")


class GazetteerGeocoder(Geocoder):
    """geopy's Geocoder interface over the offline gazetteer: no network, same calling convention."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        super().__init__()
        if gazetteer is None:
            from etl.extract import default_gazetteer

            gazetteer = default_gazetteer()
        self.gazetteer = gazetteer

    def geocode(self, query: str, *, exactly_one: bool = True, country_codes: str | list[str] | None = None,
                timeout=None):
        """Places named ``query`` (GeoNames or the supplements), most populous first; None when unknown."""
        wanted = {country_codes} if isinstance(country_codes, str) else set(country_codes or ())
        found = [p for p in self.gazetteer.lookup(query)
                 if not wanted or p.country_code in {c.upper() for c in wanted}]
        locations = [self._location(p) for p in found if p.lat is not None]
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    def _location(self, place: Place) -> Location:
        country = self.gazetteer.places.get(self.gazetteer.country_of.get(place.country_code, -1))
        address = ", ".join(x for x in (place.name, country.name if country else place.country_code) if x)
        raw = {"place_id": place.place_id, "name": place.name, "kind": place.kind,
               "country_code": place.country_code, "population": place.population}
        return Location(address, (place.lat, place.lon), raw)


# Belarusian places, and the Russian ones the supplements name: the analysts' own convention (Mogilev,
# Grodno, Nizhny Novgorod) wins.
_ANALYSTS_SPELLING = frozenset(["BY", "RU"])
_CIS_COUNTRIES = frozenset(["BY", "RU", "UA", "MD", "KZ", "KG", "UZ", "TJ", "TM", "AM", "AZ", "GE"])
_LATIN_NAME = re.compile(r"^[^\W\d_][\w'’ .-]*$")


def names_as_written(places: dict[int, Place], surfaces: dict[int, list[str]]) -> dict[int, Place]:
    """The places under the spelling the page itself uses, where that is another spelling of the same place.

    GeoNames writes many towns in their own country's romanisation ("G'ijduvon", "Tsqaltubo", "Reggio
    nell'Emilia") or by an older name ("Ust-Kamenogorsk"), while the page an analyst reads says Gijduvan,
    Tskaltubo, Reggio Emilia or Oskemen; the page's spelling is the one the analyst will search for.
    Belarusian and Russian places keep the project's spelling: the analysts' convention is Mogilev, Grodno
    and Saint Petersburg whatever a page says. The store keeps one name per place.
    """
    renamed = dict(places)
    for place_id, written in surfaces.items():
        place = places.get(place_id)
        if place is not None and all(spelling == place.name for spelling in written):
            continue  # the page writes the name as the project does (most names, most pages)
        # (a curated region keeps the project's name: "Chuy Region", though a page writes "Chui region")
        if place is None or place.kind not in ("city", "region") or place.country_code == "BY" or (
                place.country_code in _ANALYSTS_SPELLING or place.kind == "region"
                and place.country_code in _CIS_COUNTRIES) and place.name_ru:
            continue
        spellings = [s for s in written if _LATIN_NAME.match(s) and s[0].isupper() and not s.isupper()
                     and any("a" <= ch.lower() <= "z" for ch in s)]
        if not spellings:
            continue
        spelling = Counter(spellings).most_common(1)[0][0]  # most used; the first on a tie
        ours, theirs = _folded(place.name), _folded(spelling)
        adjective = spelling.split()[0].lower() if " " in spelling else ""
        if adjective and _folded(spelling[len(adjective):]) == ours and _COUNTRY_ADJECTIVE.fullmatch(adjective):
            continue  # "Finnish Lapland" is Lapland
        if ours != theirs and ours.startswith(theirs) and any(_folded(s) == ours for s in spellings):
            continue  # "Limburg", short for "Limburg an der Lahn", which the page also writes out
        if ours == theirs and "-" in spelling and "-" not in place.name and place.kind == "city":
            renamed[place_id] = replace(place, name=spelling)  # "Ksar el-Kebir", where GeoNames says "Ksar El Kebir"
            continue
        # "Shandong Province", "Xinjiang Uygur Autonomous Region" and "Samarkand" name the regions the
        # project calls Shandong, Xinjiang and Samarkand Region: the same spelling, more or fewer words.
        # ("Lodzkie Voivodeship", the Polish adjective, is Lodz Voivodeship: the same stem, another form)
        if ours != theirs and not (place.kind == "region" and (ours.startswith(theirs) or theirs.startswith(ours)
                                                               or _folded(spelling.split()[0]).startswith(
                                                                   _folded(place.name.split()[0])))):
            renamed[place_id] = replace(place, name=_GENERIC_WORD.sub(lambda m: m.group().title(), spelling))
    return renamed


_COUNTRY_ADJECTIVE = re.compile(r"[a-z]+(?:ish|ian|ean|ese|an|ic|i)")
_GENERIC_WORD = re.compile(r"\b(?:region|province|oblast|krai|prefecture|county|district)\b")


def _folded(name: str) -> str:
    """The name without accents, case, punctuation or the generic word: "Zhambyl region" -> "zhambyl"."""
    return re.sub(r"[\W_]+", "", _GENERIC_WORD.sub("", ascii_name(name).casefold()))
