"""Sentences -> typed events with sectors, participants, the pairs they link and the evidence sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date
from functools import lru_cache
from itertools import combinations, pairwise

from etl import russian
from etl.districts import UNLISTED_DISTRICT, add_unlisted_districts
from etl.gates import Gated, word_start_first
from etl.gazetteer import Gazetteer, name_key, normalise, population_prior
from etl.geocode import (
    ADDRESSES,
    DATELINE_AFTER,
    ResolvedName,
    publisher_country,
    regions_as_addresses,
    resolve_names,
    short_names_as_full,
    spot_names,
    spot_unknown_places,
    town_words_as_their_region,
    towns_before_a_region_noun_as_regions,
)
from etl.records import Article, Event, Extraction, Mention, Place
from etl.small_towns import add_small_towns

_ABBREVIATIONS = frozenset(["st", "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "no", "jr", "sr", "vs", "etc", "e.g", "i.e", "u.s", "rep", "sq", "ave", "blvd", "mt", "ft",
                            # "BELGRADE, Nov. 21 (Xinhua)": a wire dateline's month
                            "jan", "feb", "apr", "aug", "sept", "sep", "oct", "nov", "dec"])
# («обл.», «р-на» stay out: mid-sentence, a comma or a small letter follows them, not a capital)
_RUSSIAN_ABBREVIATIONS = frozenset(["г", "ул", "им", "пос", "пр", "просп", "пл", "св"])
_SENTENCE_END = re.compile(r"[.!?…]+[\"”»']?\s+(?=[\"“«(]?[A-ZА-ЯЁ0-9])|\n\s*\n|\n(?=\S)")

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
}
_DOCUMENT = (r"(?:agreements?|memorand(?:um|a|ums)|programm?es?|programs?|plans?|protocols?|road\s?maps?|accords?"
             r"|contracts?|documents?|deals?|treat(?:y|ies)|charters?|declarations?|joint\s+statements?|communiqu[eé]s?"
             r"|packages?)")
_SIGNED = (r"(?:sign(?:ed|ing|s)?|conclu(?:ded|des|de|sion)|ink(?:ed|s)?|seal(?:ed|s)?|exchanged|adopt(?:ed|s)"
           r"|entered\s+into|enter\s+into)")
_FLAGS = re.IGNORECASE

TRIGGERS: dict[str, re.Pattern] = {
    "twinning_established": re.compile(
        r"\b(?:became|become|becoming|declared|proclaimed)\s+(?:\w+\s+){0,2}(?:sister|twin|twinned|fraternal"
        r"|partner[\s-](?:cit(?:y|ies)|towns?)|friendship[\s-](?:cit(?:y|ies)|towns?)|friendly[\s-](?:cit(?:y|ies)|towns?))"
        r"|\b(?:establish(?:ed|es|ing)?|establishment\s+of|formali[sz](?:ed|es|ing)|formal(?:ly)?)\s+(?:\w+[\s-]+){0,3}"
        r"(?:sister[\s-](?:cit(?:y|ies)|regions?|provinces?|states?)|twin[\s-](?:town|cit(?:y|ies))|twinning|fraternal"
        r"|friendly(?:\s+exchange)?|sisterhood|friendship[\s-]cit(?:y|ies)|friendly[\s-]cit(?:y|ies))[\s-]+"
        r"(?:relations|ties|links|status|relationship|partnership)"
        r"|\b(?:twinning|sister[\s-]cit(?:y|ies)|twin[\s-]towns?|twin[\s-]cit(?:y|ies)|fraternal|twinhood)\s+"
        r"(?:agreement|accord|charter|treaty|pact|protocol|document)"
        r"|\bagreement\s+on\s+(?:twinning|friendship|establishing\s+(?:\w+\s+){0,3}(?:relations|ties)|(?:sister|twin)[\s-])"
        r"|\bfriendship\s+and\s+cooperation\s+agreement"
        r"|\bofficially\s+(?:became\s+)?twinned\b|\b(?:were|was)\s+twinned\b",
        _FLAGS),
    "agreement_signed": re.compile(
        # the sentence is already cut out, so a full stop inside it is an abbreviation ("St. Petersburg")
        rf"\b{_SIGNED}\b[^;]{{0,160}}?\b{_DOCUMENT}\b|\b{_DOCUMENT}\b[^;]{{0,160}}?\b{_SIGNED}\b"
        r"|\bsigning\s+ceremony\b|\bput\s+(?:their\s+)?signatures?\b"
        # the documents a signing just listed: "Among them is an agreement between Brest Region and …"
        rf"|^(?:Among\s+them|These\s+include|They\s+include)\b[^.;]{{0,40}}?\b{_DOCUMENT}\s+between\b",
        _FLAGS),
    "visit": re.compile(
        # (?i:): "Guests arrived …", "Students from Takayama …" open sentences; "Minsk Days" needs its capital
        r"(?i:\bvisit(?:s|ed|ing)?\b|\b(?:guests|group|party)\b[^.;]{0,80}?\b(?:arrived|came|travell?ed)\b"
        r"|\bdelegations?\b[^.;]{0,60}?\b(?:arrived|arrives|came|comes|travell?ed|toured"
        r"|tours|went|is\s+on|was\s+on|were\s+on|paid)\b|\btrip\s+to\b|\b(?:guests|delegation|mayor|governor)\s+"
        r"(?:arrived|came)\b"
        # "a group of Romanian guests, who were welcomed on the quay by the Mayor of Ruse"
        r"|\b(?:guests|delegation|visitors)\b[^.;]{0,40}?\b(?:were|was)\s+(?:warmly\s+)?(?:welcomed|received|greeted)\b"
        # "The Lord Mayor of Darwin flew to Ambon for the occasion"
        r"|\b(?:mayor|governor|chairman|chairwoman|akim|hokim|minister|president|head)\s+of\s+(?:the\s+)?"
        r"(?:[\w-]+\s+){1,3}?(?:flew|travell?ed|went|came|headed)\s+to\b"
        # "the deputy governor of Pskov Region, who arrived in Belarus with a group of tour operators"
        r"|\b(?:mayor|governor|chairman|chairwoman|akim|hokim|minister|head)\b[^.;]{0,50}?,\s+who\s+(?:had\s+)?"
        r"(?:arrived|came)\s+(?:in|to)\b)"
        r"|\b[Dd]ays\s+of\s+(?:the\s+)?[A-ZА-Я]|\b[A-Z]\w+\s+Days\b|\bhosted\s+(?:a\s+|the\s+)?(?:guests|delegation)"
        # "students from Takayama arrived in Denver": a group from the partner town, not a consignment
        r"|(?i:\b(?:students|pupils|schoolchildren|children|athletes|artists|musicians|performers|dancers|officials"
        r"|delegates|representatives|teachers|group|team|guests))\s+from\s+[^.;]{1,60}?\s+(?:arrived|arrive|arrives|came)"
        r"\s+(?:in|to)\b"
        # "Münster, Erfurt and Debrecen were represented by their mayors": they came
        r"|(?i:\b(?:was|were)\s+represented\s+by\b)"
        # "18 students from Eutin … have spent the past three weeks living with local families"
        r"|(?i:\b(?:students|pupils|schoolchildren|children|group|guests|delegation|athletes|teachers|party|visitors"
        r"|members|singers|choir|players|team|teenagers|sailors|musicians|dancers)\b"
        r"[^.;]{0,100}?\b(?:spent|spend|spends|spending)\s+(?:the\s+(?:past|last)\s+)?(?:[\w-]+\s+){0,5}?"
        r"(?:days|weeks?|weekend)\b)"
        # "24 teenagers from Suwałki, who have been guests of the gymnasium since Monday"
        r"|(?i:\b(?:have|has)\s+been\s+(?:the\s+)?guests\s+of\b)"
        # "Officials of the Harbin office arrived in Khabarovsk", "sculptors arrived … together with officials"
        r"|(?i:\b(?:officials|delegates|representatives|artists|sculptors|athletes|students|teachers|musicians)\b"
        r"[^.;]{0,60}?\b(?:arrived|arrives)\s+in\b|\barrived\s+in\b[^.;]{0,60}?\b(?:together\s+with|accompanied\s+by)"
        r"\s+(?:\w+\s+)?officials\b)",
        re.UNICODE),
    "forum": re.compile(
        r"\bforums?\b|\bconferences?\b|\bcongress\b|\bsummit\b|\bround[\s-]table\b|\bbusiness\s+council\b"
        r"|\bsymposium\b|(?<!City\s)(?<!Municipal\s)(?<!Legislative\s)(?<!Provincial\s)(?<!National\s)(?<!Regional\s)(?-i:\bAssembly\b(?!\s+(?:Rooms|Hall|House|of\s+People['’]s\s+Power)\b))|\bgeneral\s+assembly\b"
        r"|\bassembly\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:regions|cities|towns|mayors|municipalities|twin|sister|partner)\b"
        r"|\bmeeting\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:twin|sister|partner|friendly)",
        _FLAGS),
    "meeting": re.compile(
        r"\bmet\b|\bmeets\b|\bmeet\s+with\b|\btalked\s+(?:over|about|with)\b|\bmeetings?\b(?!\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:twin|sister|partner))"
        r"|\btalks\b|\bnegotiations\b|\bconsultations\b|\bdiscussed\b|\b(?:was|were)\s+received\s+by\b"
        r"|\bworking\s+(?:session|meeting)\b"
        # officials' talks by video: "the Mayor of Weifang held a video conference with the Head of …"
        r"|\b(?:mayor|governor|head|chairman|chairwoman|akim|k?hokim|leaders?|officials|deputy\s+\w+)\s+(?:\w+\s+){0,3}?held\s+an?"
        r"\s+(?:video[\s-]?conference|video\s+call|videoconference)\b"
        r"|\breceived\s+(?:the|a)\s+(?:\w+\s+){0,3}(?:delegation|head|guests|mayor|governor|ambassador|minister|chairman)",
        _FLAGS),
    "cultural_event": re.compile(
        r"\bfestivals?\b|\bexhibitions?\b|\bconcerts?\b|\btournaments?\b|\bchampionships?\b|\bcompetitions?\b"
        r"|\bcontests?\b|\bgala\b|\bmarathon\b|\bexpositions?\b|\bperformances?\b|\bfilm\s+(?:week|days|screenings?)\b"
        r"|\bcultural\s+(?:days|programme|program)\b|\bdays\s+of\s+(?:\w+\s+)?culture\b|\bfair\b|\bregatta\b|\bcup\b"
        r"|\b(?:children['’]s|youth|sports?|twin[\s-]cit(?:y|ies)|student|school|friendship|international)\s+games\b"
        r"|\bcompet(?:e|es|ed|ing)\b|\bperform(?:ed|s|ing)\b"
        r"|\b(?:programme|program|evening|show)\s+of\s+(?:\w+\s+){0,3}(?:music|songs|dances?|poetry)\b"
        # "the 20th Friendship Bridge Run, the 10-kilometre race"
        r"|\b(?:kilometre|kilometer|km|relay|road|cycle|bicycle|boat|yacht|rowing|ski|charity)\s+races?\b"
        r"|(?-i:\b[A-Z][\w-]+\s+Run\b)",
        _FLAGS),
    "transport_link": re.compile(
        r"\bflights?\b|\bair\s+(?:service|route|link|connection)s?\b|\brail(?:way)?\s+(?:link|service|route|connection)\b"
        r"|\b(?:train|bus|tram)\s+(?:service|route|link|connection|line)s?\b"
        r"|\b(?:direct|regular|new)\s+(?:\w+\s+)?(?:route|connection)s?\b|\bferry\b"
        # "A regular catamaran line between Dubrovnik and Kotor", "open a sea link", "a container line"
        r"|\b(?:catamaran|ship|shipping|boat|sea|container|cargo|passenger)\s+(?:service|route|link|connection|line)s?\b"
        # "the river bus Rusalka", "a second link across the river", "the first crossing"
        r"|\briver\s+bus(?:es)?\b|\bwater\s+(?:bus|taxi)\b|\b(?:second|new)\s+link\b"
        r"|\b(?:first|maiden|inaugural)\s+(?:crossing|sailing|voyage)\b"
        # "The first regular bus between Vidin and Calafat", "First bus on the new Vidin – Calafat line"
        r"|\b(?:first|new|regular|direct)\s+(?:\w+\s+)?(?:bus|train)\b(?!\s+station)",
        _FLAGS),
    "other": re.compile(
        r"\bhumanitarian\s+aid\b|\bdonat(?:ed|es|ion)\b|\bhanded\s+over\b|\bplant(?:ed|ing)\b|\bunveiled\b"
        r"|\b(?:sent|sends|shipped|ships|delivered|delivers|gifted)\s+(?:[\w,]+\s+){0,4}?(?:masks|aid|supplies"
        r"|equipment|ventilators|gear|gowns|medicines|vaccines|gifts?|books|computers|ambulances?)\b"
        r"|\bclean(?:ed|ing|s)?[\s-]up\b|\bclean-?ups?\b|\b(?:environmental|ecological|charity)\s+(?:campaign|action)\b"
        # "launched a joint venture", not the "joint projects" every talk is about
        r"|\b(?:launch(?:ed|es)?|set\s+up|sets\s+up|established|opened|created|started)\s+(?:a\s+|an\s+|the\s+)?"
        r"(?:new\s+)?joint\s+(?:venture|enterprise|production|company)\b|\bopened\s+(?:a|an|the)\s+(?:\w+\s+){0,3}"
        r"(?:centre|center|school|office|museum|square|street|alley|park|plant|factory)\b|\b(?:was|were|been|be|is)\s+named\s+after\b"
        # "Brest Oblast opens trading house in Yaroslavl", "A trading house of Brest Oblast has opened"
        r"|\bopen(?:s|ed)\s+(?:a\s+|its\s+)?(?:new\s+)?trading\s+house\b|\btrading\s+house\b[^.;]{0,40}?\b(?:has|have)\s+opened\b",
        _FLAGS),
}
# Each word boundary tested once for its run of alternatives (the same matches, found sooner: etl/gates.py)
TRIGGERS = {kind: word_start_first(pattern) for kind, pattern in TRIGGERS.items()}

# Words without which a type's pattern cannot match: most sentences skip the patterns altogether.
TRIGGER_WORDS: dict[str, frozenset[str]] = {
    "twinning_established": frozenset(
        ["became", "become", "becoming", "declared", "proclaimed", "establish", "established", "establishes", "establishing", "establishment", "formalised", "formalized", "formalise", "formalize", "formalising", "formalizing", "formally", "formal", "twinning", "twinned", "sister", "twin", "fraternal", "twinhood", "friendship"]),
    "agreement_signed": frozenset(
        ["sign", "signed", "signing", "signs", "concluded", "concludes", "conclude", "conclusion", "inked", "ink", "inks", "sealed", "seal", "seals", "exchanged", "adopted", "adopts", "signatures", "signature", "entered", "enter", "among", "include"]),
    "visit": frozenset(["visit", "visits", "visited", "visiting", "delegation", "delegations", "guests", "group", "party", "mayor", "governor", "trip", "days", "hosted", "arrived", "arrive", "arrives", "came", "spent", "spend", "spends", "spending", "represented",
                        "chairman", "chairwoman", "akim", "hokim", "minister", "president", "head"]),
    "forum": frozenset(["forum", "forums", "conference", "conferences", "congress", "summit", "round", "table", "business", "council", "symposium", "assembly", "meeting"]),
    "meeting": frozenset(["met", "meets", "meet", "meeting", "meetings", "talks", "talked", "negotiations", "consultations", "discussed", "received", "welcomed", "video", "videoconference", "session"]),
    "cultural_event": frozenset(
        ["race", "races", "run", "festival", "festivals", "exhibition", "exhibitions", "concert", "concerts", "tournament", "tournaments", "championship", "championships", "competition", "competitions", "contest", "contests", "gala", "marathon", "exposition", "expositions", "performance", "performances", "film", "cultural", "culture", "fair", "regatta", "cup", "games", "compete", "competes", "competed", "competing", "performed", "performs", "performing", "programme", "program", "evening", "show"]),
    "transport_link": frozenset(["flight", "flights", "air", "rail", "railway", "train", "bus", "route", "routes", "connection", "connections", "ferry",
                                 "catamaran", "ship", "shipping", "boat", "sea", "container", "cargo", "passenger",
                                 "river", "water", "link", "crossing", "sailing", "voyage"]),
    "other": frozenset(["humanitarian", "donated", "donates", "donation", "handed", "planted", "planting", "unveiled", "joint", "opened", "opens", "named", "sent", "sends", "shipped", "ships", "delivered", "delivers", "gifted", "clean", "cleaned", "cleaning", "cleans", "cleanup", "cleanups", "environmental", "ecological", "charity"]),
}
# Words that settle a type by themselves, so the pattern need not run.
SURE_WORDS: dict[str, frozenset[str]] = {
    "visit": frozenset(["visit", "visits", "visited", "visiting", "delegation", "delegations"]),
    "forum": frozenset(["forum", "forums", "conference", "conferences", "congress", "summit", "symposium"]),
    "meeting": frozenset(["met", "talks", "negotiations", "consultations", "discussed"]),
    "cultural_event": frozenset(["festival", "festivals", "exhibition", "exhibitions", "concert", "concerts", "tournament", "tournaments", "championship", "championships", "competition", "competitions", "contest", "contests", "gala", "marathon", "regatta"]),
    "transport_link": frozenset(["flight", "flights", "ferry"]),
}


def _kinds_of_word(words_of_kind: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for kind, words in words_of_kind.items():
        for word in words:
            kinds.setdefault(word, set()).add(kind)
    return {word: frozenset(found) for word, found in kinds.items()}


# One look-up per word of the sentence instead of one set intersection per event type.
_KINDS_OF_WORD = _kinds_of_word(TRIGGER_WORDS)
_SURE_KINDS_OF_WORD = _kinds_of_word(SURE_WORDS)

SECTOR_WORDS: dict[str, re.Pattern] = {
    "sport": re.compile(r"\bsports?\b|\bsporting\b|\bathlet\w*|\bfootball\b|\bsoccer\b|\bhockey\b|\bphysical\s+culture\b"
                       r"|\b(?:base|basket|volley|hand)ball\b|\bfutsal\b|\btennis\b|\bswimming\b|\bwrestling\b"
                       r"|\bboxing\b|\bjudo\b|\bskiing\b|\bmarathons?\b|\btournaments?\b"
                       r"|\bcycling\s+(?:rides?|races?|events?|competitions?|tours?|marathons?)\b", _FLAGS),
    "tourism": re.compile(r"\btouris[mt]\w*|\btour\s+(?:packages?|operators?|routes?)\b|\bholiday(?:s|makers?)\b"
                         r"|\b(?:tourist|holiday|travel)\s+destinations?\b|\bas\s+(?:a\s+)?destinations?\b"
                         r"|\btravel\s+(?:agenc\w+|companies|routes?)\b|\bhotels?\b|\bhospitality\b|\bsightseeing\b"
                         r"|\bexcursions?\b|\bresorts?\b", _FLAGS),
    "culture": re.compile(r"\bcultur(?:e|es|al)\b|\barts?\b|\bmuseums?\b|\btheatres?\b|\btheaters?\b|\bheritage\b"
                          r"|\blibrar(?:y|ies)\b|\bmusic\w*|\bfolk\b|\bensembles?\b|\bchoirs?\b|\bcraftsm[ae]n\b"
                          r"|\bcrafts\b|\borchestras?\b|\bartists?\b|\bcraftspeople\b"
                          r"|\bcreative\s+(?:groups|teams|collectives|ensembles|unions)\b", _FLAGS),
    "education": re.compile(r"\beducation\w*|\buniversit(?:y|ies)\b|\bschools?\b|\bschoolchildren\b|\bstudents?\b"
                            r"|\bacademic\b|\bteachers?\b|\bvocational\b|\bcolleges?\b|\b(?:staff|teacher|professional)\s+training\b|\bapprentic\w*"
                            # "training of engineers for the free economic zone at the university"
                            r"|\btraining\s+(?:of|for)\s+(?:young\s+)?(?:engineers|specialists|technologists|personnel|staff|doctors)\b",
                            _FLAGS),
    "economy": re.compile(r"\btrade\b|\beconom(?:y|ic|ics)\b|\bindustr(?:y|ial|ies)\b|\binvest\w*|\bagricultur\w*"
                          r"|\bagro\w*|\bcommerc\w*|\bmanufactur\w*|\bexports?\b|\bimports?\b|\bbusiness\b|\bstart-?ups?\b"
                         r"|\bentrepreneur\w*|\bsuppl(?:y|ies)\b|\bdeliver(?:y|ies)\b|\bmachinery\b|\btractors?\b|\btextiles?\b"
                          r"|\bretail\b|\bdairy\b|\bproducers\b|\bmarkets\b|\bwine\s+(?:makers|producers|exports)\b"
                          r"|\bassembl(?:y|ing)\s+of\b|\bvehicles\b"
                          # "cooperation between food-processing and woodworking companies", "a joint venture"
                          # (not "theatre companies", nor "municipal companies" that take apprentices: education)
                          r"|(?<!theatre\s)(?<!theater\s)(?<!dance\s)(?<!municipal\s)(?<!utility\s)"
                          r"(?<!apprentices\swith\s)(?<!trainees\swith\s)(?<!placements\swith\s)(?<!placements\sat\s)"
                          r"\b(?:companies|enterprises|firms|factories)\b"
                          r"(?![^.]{0,70}\b(?:placements?|apprentices|trainees|internships?)\b)"
                          r"|\bfood[\s-]processing\b|\bwoodworking\b"
                          r"|\btimber\b|\bjoint\s+ventures?\b|\bjoint\s+production\b", _FLAGS),
    # "the Lapland University of Applied Sciences" is a school: its name is no science
    "science": re.compile(r"(?<!University\sof\sApplied\s)(?<!Universities\sof\sApplied\s)\bscien(?:ce|ces|tific)\b"
                          r"|\bresearch\b|\binnovat\w*|\btechnolog\w*", _FLAGS),
    # "Vitebsk State Medical University will admit more students" is education
    "health": re.compile(r"\bhealth\w*|(?<!veterinary\s)\bmedic(?:al|ine)\b(?!\s+(?:universit|academ|college|institute|school))|\bhospitals?\b|\bpharma\w*|\bdoctors?\b|\bclinics?\b"
                         r"|\boncolog\w*|\bcardiolog\w*|\brehabilitation\b|\bpatients?\b|\bambulances?\b", _FLAGS),
    # "youth tournaments in hockey" are sport; "young volunteers" are youth work
    "youth": re.compile(r"\byouth\b(?!\s+(?:tournaments?|teams?|games|championships?|competitions?|matches|leagues?"
                        r"|football|soccer|hockey|volleyball|basketball|(?:sports?\s+|football\s+|soccer\s+)?clubs?)\b)"
                        # ("sports competitions for young people" are sport, "young people … trained at
                        # universities" education)
                        r"|(?<!competitions\sfor\s)(?<!events\sfor\s)\byoung\s+(?:people|volunteers|leaders|activists)\b"
                        r"(?!\s+(?:from\s+[\w\s-]{1,30}?\s+)?will\s+(?:be\s+trained|study))",
                        _FLAGS),
    "transport": re.compile(r"\btransport\w*|\blogistic\w*|\baviation\b|\bshipping\b|\bbus\s+(?:service|line|route|connection)s?\b|\brailways?\b"
                            # buses that run (not "supplies of buses", which is trade)
                            r"|\b(?:electric|city|tourist|shuttle|seasonal|public|school)\s+bus(?:es)?\b|\bbus(?:es)?\s+between\b"
                            r"|\bfare\s+(?:payment|system|collection)s?\b|\bpassenger\s+(?:route|service|line|connection)s?\b"
                            r"|\bflights?\b|\bferr(?:y|ies)\b|\bairlines?\b|\btimetables?\b|\bfares\b", _FLAGS),
    # "and other areas", or a named field outside the list
    "other": re.compile(r"\bother\s+(?:areas|fields|spheres|sectors|domains|directions)\b|\bhousing\b"
                        r"|\b(?:public\s+|municipal\s+)?utilit(?:y|ies)\b|\burban\s+(?:planning|development|economy)\b"
                        r"|\bsocial\s+(?:policy|protection|sphere|security|services|affairs)\b|\bhumanitarian\b"
                        r"|\becolog\w*|\benvironment(?:al)?\s+protection\b|\bconstruction\b|\barchitecture\b"
                        r"|\bmass\s+media\b|\bmedia\b|\bemergenc(?:y|ies)\b|\bmunicipal\s+(?:services|governance|management)\b"
                        r"|\bgreening\b|\bgreen\s+(?:spaces|areas|economy|energy)\b|\bclimate\b|\bwaste\b|\brecycling\b"
                        r"|\b(?:air|water)\s+quality\b|\benergy[\s-](?:saving|efficien\w*)\b"
                        # civil protection: "joint exercises for rescuers", "disaster management"
                        r"|\bcivil\s+(?:protection|defen[cs]e)\b|\brescu(?:e|ers)\b|\bdisaster\s+(?:management|relief|response"
                        r"|preparedness)\b|\bfire\s+(?:service|brigades?|fighters|safety)\b|\bfirefighters\b",
                        _FLAGS),
}
SECTOR_WORDS = {sector: word_start_first(pattern) for sector, pattern in SECTOR_WORDS.items()}

# Substrings without which a sector's pattern cannot match (cheap test before the pattern).
_SECTOR_STEMS: dict[str, tuple[str, ...]] = {
    "sport": ("sport", "athlet", "football", "hockey", "ball", "futsal", "tennis", "swimming", "wrestling", "boxing",
              "judo", "skiing", "marathon", "tournament", "cycling", "soccer"),
    "tourism": ("touris", "tour", "holiday", "destination", "travel", "hotel", "hospitality", "sightseeing",
                "excursion", "resort"),
    "culture": ("cultur", "art", "museum", "theat", "heritage", "librar", "music", "folk", "ensemble", "choir", "craft", "creative",
                "orchestra"),
    "education": ("educat", "universit", "school", "student", "academic", "teacher", "training", "vocational", "college",
                  "apprentic"),
    "economy": ("trade", "econom", "industr", "invest", "agricult", "agro", "commerc", "manufactur", "export",
                "import", "business", "start", "entrepreneur", "suppl", "deliver", "machin", "tractor", "textile",
                "retail", "dairy", "producers", "markets", "wine", "assembl", "vehicles", "compan", "enterpris", "firms",
                "factor", "processing", "woodworking", "timber", "venture", "production"),
    "science": ("scien", "research", "innovat", "technolog"),
    "health": ("health", "medic", "hospital", "pharma", "doctor", "clinic", "oncolog", "cardiolog", "rehabilitation",
               "patient", "ambulance"),
    "youth": ("youth", "young"),
    "transport": ("transport", "logistic", "aviation", "shipping", "bus", "railway", "flight", "ferr", "airline",
                  "timetable", "fares", "passenger"),
    "other": ("other", "housing", "utilit", "urban", "social", "humanitarian", "ecolog", "environment", "construct",
              "architect", "media", "emergenc", "municipal", "green", "climate", "waste", "recycl", "quality", "energy",
              "civil", "rescu", "disaster", "fire"),
}

_FUTURE = re.compile(
    r"\b(?:will|would|shall|going\s+to|plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to|expect(?:s|ed)?\s+to|"
    r"(?:is|are)\s+(?:to|due\s+to|set\s+to|scheduled\s+to)|to\s+be\s+(?:signed|held|established)|ready\s+to|"
    r"(?:is|are)\s+(?:planned|scheduled|expected)\s+for|"
    # "A delegation of Mogilev Region is also expected in Ryazan in September"
    r"(?:is|are)\s+(?:also\s+)?(?:expected|awaited)\s+(?:in|at|back\s+in)\s+(?-i:[A-Z])\w*|"
    r"hope(?:s|d)?\s+to|aim(?:s|ed)?\s+to|propos(?:ed|es)\s+to|could|might|should|must|agreed\s+to|next\s+year"
    # "invited a delegation … to the summer festival next June"
    r"|next\s+(?:spring|summer|autumn|winter|month|January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b"
    r"|(?:is|are)\s+(?:also\s+)?on\s+the\s+agenda(?!\s+of)"
    # what did not happen: "the visit has been postponed", "was due to arrive", "was called off"
    r"|postponed|cancell?ed|called\s+off|rescheduled|put\s+off|(?:moved|pushed\s+back)\s+to\s+(?:\w+\s+)?(?:spring|summer|autumn|fall|winter|next|later|January|February|March|April|May|June|July|August|September|October|November|December)|(?:was|were)\s+(?:due\s+)?to\s+(?:have\s+)?(?!be\b)[a-z]+"
    # a wish, or what was not done: "we want to sign", "No documents were signed"
    r"|wants?\s+to|wish(?:es)?\s+to|would\s+like\s+to|seeks?\s+to"
    # "expressed interest in visiting", and a headline's "Karakalpakstan and Kalmykia to sign agreement in autumn"
    r"|interest(?:ed)?\s+in\s+(?:visiting|holding|signing|opening|launching)|promis(?:ed|es|e)\s+to"
    r"|invitation\s+to\s+(?:visit|come|attend|take\s+part)|invited\s+(?:\w+\s+){0,3}to\s+(?:visit|come|attend)"
    # a council approving a draft is a step before the signing: "the council has approved the draft agreement"
    r"|approv(?:es|ed|e)\s+(?:the\s+)?(?:draft|twinning\s+agreement|signing)|draft\s+(?:agreement|memorandum|charter|treaty))\b",
    _FLAGS)
_WILL_BE_DONE = re.compile(r"\bwill\s+be\s+(?:\w+\s+(?:and|or)\s+)?(?:signed|held|opened|launched|established|concluded)\b",
                           re.IGNORECASE)
# A headline's plan: "Karakalpakstan and Kalmykia to sign cooperation agreement in autumn"
_HEADLINE_PLAN = re.compile(r"(?-i:[A-Z])[\w'’-]+\s+(?:and|&)\s+(?-i:[A-Z])[\w'’-]+(?:\s+\w+){0,2}?\s+to\s+"
                            r"(?:sign|hold|open|launch|establish|become)\b", _FLAGS)
# What was not done: "No documents were signed", "the memorandum has not yet been signed"
_NOT_DONE = re.compile(
    r"\bno\s+(?:\w+\s+)?(?:documents?|agreements?|memorand\w+|contracts?)\s+(?:was|were|has\s+been|have\s+been)\s+signed"
    r"|\bnothing\s+(?:was|has\s+been)\s+signed|\b(?:was|were|has|have)\s+not\s+(?:yet\s+)?(?:been\s+)?signed"
    r"|\bdid\s+not\s+sign|\bwithout\s+signing\b", _FLAGS)
_NOT_DONE_WORDS = frozenset(["no", "nothing", "not", "without"])
_BACKGROUND = re.compile(r"\b(?:since|back\s+in|as\s+early\s+as|as\s+far\s+back\s+as|dat(?:ing|es?|ed)\s+(?:back\s+to|from))"
                         r"\s+(\d{4})\b|\bin\s+(\d{4}),|\bin\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d),\s+when\b"
                         # "became sister cities in October 1957"
                         r"|\bin\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|August"
                         r"|September|October|November|December)\s+((?:19|20)\d\d)\b"
                         # "our sister city agreement of 2018"
                         r"|\b(?:agreement|charter|memorandum|treaty|protocol|accord)\s+of\s+((?:19|20)\d\d)\b", _FLAGS)
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|—|to|through|until)\s*((?:19|20)\d\d)\b")
_COUNTED = re.compile(
    r"\b(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+(?:[\w-]+\s+){0,4}?"
    r"(?:agreements|memoranda|memorandums|contracts|programmes|programs|protocols|accords|documents|deals|roadmaps)\b",
    _FLAGS)
_SINGLE_DOCUMENT = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:agreement|memorandum|programme|program|protocol|road\s?map|accord|contract"
    r"|plan|treaty|charter|declaration)\b", _FLAGS)
_UNQUANTIFIED = re.compile(r"\b(?:a\s+number\s+of|several|a\s+series\s+of|a\s+package\s+of|various|multiple|some)\s+",
                           _FLAGS)

_MAY_END_SENTENCE = re.compile(r"[.!?…\n]")

_TIER = {"district": 0, "city": 1, "region": 2}


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; the title is the first. Abbreviations such as "St." do not end one."""
    bounds: list[tuple[int, int]] = []
    start = resume = 0
    # The full pattern is tried only where a sentence can end: a plain character class is found
    # many times faster than the alternation.
    for candidate in _MAY_END_SENTENCE.finditer(text):
        if candidate.start() < resume:
            continue
        match = _SENTENCE_END.match(text, candidate.start())
        if match is None:
            continue
        resume = match.end()
        end = match.start() + 1
        if text[match.start()] == ".":
            words = text[start:end].rstrip(".!?…\"”»' ").rsplit(None, 1)
            if words and words[-1].lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if words and len(words[-1].rstrip(".")) == 1 and words[-1][0].isupper():
                continue  # an initial: «МГТУ имени Н. Э. Баумана», "J. F. Kennedy"
            # «прошли в г. Орше», «МГТУ им. Баумана»: a Russian abbreviation before a name (but «в 2011 г.»
            # after a year ends the sentence)
            if words and words[-1].rstrip(".") in _RUSSIAN_ABBREVIATIONS and not (
                    words[-1] == "г." and len(words) > 1 and words[-2][-1:].isdigit()):
                continue
        if text[start:end].strip():
            bounds.append((start, end))
        start = match.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def _words(sentence: str) -> set[str]:
    """The lower-case words of a sentence, Latin and Cyrillic letters only (as [a-zа-яё]+ would find them)."""
    return set(sentence.lower().translate(_NOT_A_WORD_LETTER).split())


# str.translate and split do in C what a findall does several times slower. Characters beyond these
# ranges (CJK, say) stay in words, where they never match a trigger word.
_NOT_A_WORD_LETTER = {code: " " for code in (*range(0x500), *range(0x2000, 0x2070),
                                             *range(0x20a0, 0x2150), 0x3000)
                      if not ("a" <= chr(code) <= "z" or "а" <= chr(code) <= "я" or chr(code) == "ё")}


# Said before a festival or a flight, these make it a topic, a plan or a habit, not an event of the day:
# "discussed the regular bus connection", "invited them to the festival", "regularly attend festivals".
_ONLY_MENTIONED = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|talked\s+over|talk(?:ed|s)?\s+about|spoke\s+(?:about|of)|dealt\s+with|preparations?\s+for|(?:being\s+)?prepared\s+for|plans?|planned|invit(?:ed|es|ation)"
    r"|recalled|referring\s+to|before\s+the\s+pandemic|regularly|always|(?:every|each)\s+(?:year|summer|spring|autumn|winter|month|week)|propos(?:ed|al)|consider(?:ed|ing)?"
    # "a town known for its music college and annual song festival": what it is famous for
    r"|(?:known|famous|renowned|noted)\s+for"
    r"|interest(?:ed)?\s+in|expansion\s+of|resum(?:e|ption)|possibility\s+of|prospects?\s+(?:of|for)|idea\s+of"
    r"|ahead\s+of|(?:raised|raises|raising)\s+the\s+(?:issue|question|matter)\s+of|(?:issue|question)\s+of"
    r"|includes?|including)\b", re.IGNORECASE)
_SIDE_TYPES = frozenset({"cultural_event", "transport_link", "forum", "other"})
_TOPIC_WORDS = frozenset(["discuss", "discussed", "discusses", "discussing", "talked", "planned", "planning", "prepared",
                          "preparing", "preparation", "preparations", "proposed", "proposing"])
_VISIT_AS_TOPIC = re.compile(
    r"\b(?:discuss(?:ed|es|ing)?|talked\s+about|plann(?:ed|ing)|prepar(?:ed|ing)|preparations?\s+for|propos(?:ed|ing))"
    r"\s+(?:(?:a|an|the|their|his|her|its|next|possible|future|return|official|further|another)\s+)*(?:\w+\s+)?visits?"
    r"\b(?:\s+(?:by|of|from)\s+(?:an?\s+|the\s+)?(?:[A-Z][\w'’-]+\s+)?(?:delegation|group|team|party))?", re.IGNORECASE)


@lru_cache(maxsize=4096)  # asked of each sentence by several steps
def _is_russian(sentence: str) -> bool:
    if sentence.isascii():
        return False
    return _CYRILLIC.search(sentence) is not None and len(_CYRILLIC.findall(sentence)) > len(sentence) // 4


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_RUSSIAN_NEXT_VISIT = re.compile(r"\b(?:до|к|ко)\s+(?:очередного|следующего|ближайшего|ответного|будущего|очередному"
                                 r"|следующему|ближайшему|ответному|будущему)\s+визит\w*")
# «оригиналы передадут при ближайшей встрече»: a meeting to come
_RUSSIAN_NEXT_MEETING = re.compile(r"\b(?:при|до|к|на)\s+(?:ближайшей|следующей|очередной|будущей|ближайшую|следующую"
                                   r"|очередную)\s+(?:личной\s+)?встреч\w*")

# Russian patterns searched only in sentences holding one of their stems (see etl/gates.py).
_RUSSIAN_TRIGGERS = {kind: Gated(pattern) for kind, pattern in russian.TRIGGERS.items()}
_RUSSIAN_SECTORS = {sector: Gated(pattern) for sector, pattern in russian.SECTORS.items()}
_RUSSIAN_FUTURE, _RUSSIAN_DONE = Gated(russian.FUTURE), Gated(russian.DONE)
_RUSSIAN_BACKGROUND, _RUSSIAN_SINCE = Gated(russian.BACKGROUND), Gated(russian.SINCE)


def event_types_in(sentence: str, words: set[str] | None = None) -> list[str]:
    if _is_russian(sentence):
        lowered = sentence.lower()
        found = [kind for kind, gated in _RUSSIAN_TRIGGERS.items() if gated.search(sentence, lowered)]
        if "transport_link" in found and (not russian.NEW_LINK.search(sentence) or russian.NO_NEW_LINK.search(sentence)):
            found.remove("transport_link")  # «паромная линия … не возобновится»: no link
        if "forum" in found and "конференц" in lowered and not russian.TRIGGERS["forum"].search(
                russian.CALLS.sub(" ", sentence)):
            found.remove("forum")
        if "twinning_established" in found and "намерени" in lowered and russian.INTENT.search(sentence):
            found.remove("twinning_established")
        if "cultural_event" in found and ("выставк" in lowered or "ярмарк" in lowered) and russian.TRADE_FAIR.search(sentence) \
                and not russian.TRIGGERS["cultural_event"].search(russian.TRADE_FAIR.sub(" ", sentence)):
            found.remove("cultural_event")
        mentioned = _RUSSIAN_ONLY_MENTIONED.search(lowered) if _SIDE_TYPES.intersection(found) else None
        if mentioned is not None:
            # «обсудили возможность открытия рейса», «ежегодно проводят совместные ярмарки»: a topic or a habit
            # (said before the event word: «встретились на форуме, где обсудили …» is a forum)
            found = [kind for kind in found if kind not in _SIDE_TYPES or not (
                (event := russian.TRIGGERS[kind].search(sentence)) and mentioned.start() < event.start())]
        if "visit" in found and "участник" in lowered and _FORUM_PARTICIPANTS_VISITED.search(sentence):
            found.remove("visit")  # «участники форума посетили крепость»: the forum's programme, no visit of a side
        if "meeting" in found and "встреч" in lowered and (next_meeting := _RUSSIAN_NEXT_MEETING.sub(" ", lowered)) \
                != lowered and not _RUSSIAN_TRIGGERS["meeting"].search(next_meeting, next_meeting):
            found.remove("meeting")
        if "meeting" in found and _RUSSIAN_MET_ON_ARRIVAL.search(lowered):
            found.remove("meeting")  # «самолет встретили водяной аркой»: a welcome, not talks
        if "visit" in found and _MANY_DELEGATIONS.search(sentence):
            found.remove("visit")  # «делегации 76 российских регионов»: a forum's participants, not a visit
        if "visit" in found and "визит" in lowered and (next_visit := _RUSSIAN_NEXT_VISIT.sub(" ", lowered)) != lowered \
                and not _RUSSIAN_TRIGGERS["visit"].search(next_visit, next_visit):
            found.remove("visit")  # «не откладывать дела до очередного визита»: a visit to come, none today
        if "visit" in found and _RUSSIAN_SPECTATORS.search(lowered) and "делегаци" not in lowered:
            found.remove("visit")  # «матч посетили 3800 зрителей»: the public, not a delegation
        if ("visit" in found or "meeting" in found) and _RUSSIAN_CARGO.search(lowered) and "делегац" not in lowered:
            # «В Ишим прибыла гуманитарная помощь», «Груз принял заместитель главы»: goods arrive, nobody visits
            found = [kind for kind in found if kind not in ("visit", "meeting")]
        if "meeting" in found and ("обсуждается" in lowered or "обсуждаются" in lowered) \
                and not _RUSSIAN_TALKS.search(lowered):
            found.remove("meeting")  # «обсуждается возможность открытия рейса»: a topic, not talks held
        if "meeting" in found and _RUSSIAN_NEVER_MET.search(lowered):
            found.remove("meeting")  # «так ни разу и не встретившись лично»
        if "meeting" in found and (_RUSSIAN_AUDIENCE_MET.search(lowered) or _RUSSIAN_PARTICIPANTS_SUBJECT.match(sentence)
                                   or "пленарн" in lowered and not _RUSSIAN_TALKS.search(lowered)):
            # «публика встретила песню», «Участники подвели итоги и обсудили …»: an audience, a conference
            found.remove("meeting")
        if "meeting" in found and _RUSSIAN_MATCH.search(lowered):
            found.remove("meeting")  # «в первой встрече (2:0)»: a match, not talks
        if "agreement_signed" in found and "контракт" in lowered and _RUSSIAN_SALES.search(lowered) \
                and not _RUSSIAN_COOPERATION_DOCUMENT.search(lowered):
            found.remove("agreement_signed")  # «подписаны контракты на сумму около $10 млн»: sales
        if "agreement_signed" in found and "подписанн" in lowered and not _RUSSIAN_SIGNING_DEED.search(lowered):
            found.remove("agreement_signed")  # «подписанные документы позволят …»: documents spoken of, not signed now
        if "twinning_established" in found and _RENEWED.search(sentence):
            # «продлили соглашение о дружбе»: the tie is old, the signing is new
            found = [kind for kind in found if kind != "twinning_established"]
            found += [] if "agreement_signed" in found else ["agreement_signed"]
        if "twinning_established" in found and "agreement_signed" not in found \
                and (_RUSSIAN_TRIGGERS["agreement_signed"].search(sentence, lowered)
                     or _LIST_ITEM.match(sentence) and _RUSSIAN_DOCUMENT.search(sentence)):
            found.append("agreement_signed")  # «– соглашение об установлении побратимских связей между …»
        return found
    words = _words(sentence) if words is None else words
    possible: set[str] = set()
    sure: set[str] = set()
    for word in words:
        if word in _KINDS_OF_WORD:
            possible |= _KINDS_OF_WORD[word]
            sure |= _SURE_KINDS_OF_WORD.get(word, frozenset())
    found = [kind for kind, pattern in TRIGGERS.items()
             if kind in possible and (kind in sure or pattern.search(sentence))]
    if "transport_link" in found and words.isdisjoint(_NEW_LINK_WORDS):
        found.remove("transport_link")  # "a flight was delayed", "daily flights": no new link
    if "forum" in found and words & _CALL_WORDS and not TRIGGERS["forum"].search(_CALLS.sub(" ", sentence)):
        found.remove("forum")  # "talks by video conference", "a press conference": a format, not a forum
    if _SIDE_TYPES.intersection(found):
        found = [kind for kind in found if kind not in _SIDE_TYPES or not _only_mentioned(sentence, kind, words)]
    if "visit" in found and not words.isdisjoint(_TOPIC_WORDS) and (
            topic := _VISIT_AS_TOPIC.sub(" ", sentence)) != sentence and not TRIGGERS["visit"].search(topic):
        found.remove("visit")  # "The mayors discussed a visit by a Schifferstadt delegation in September": a topic
    if "visit" in found and ("delegations" in words or "delegates" in words) and _MANY_DELEGATIONS.search(sentence):
        found.remove("visit")  # "delegations from 30 countries": a forum's participants, not a visit
    if "visit" in found and not words.isdisjoint(_CARGO_WORDS) and words.isdisjoint({"delegation", "delegations"}) \
            and _CARGO_ARRIVED.search(sentence):
        found.remove("visit")  # "two lorries of aid arrived in Ishim": goods arrive, nobody visits
    if "visit" in found and "participants" in words and _PARTICIPANTS_VISITED.search(sentence):
        found.remove("visit")  # "The participants also visited an exposition": the forum's programme
    if "visit" in found and not words.isdisjoint(_KIN_WORDS) and _VISITING_KIN.search(sentence):
        found.remove("visit")  # "passengers visiting relatives across the border": private trips
    if "visit" in found and not words.isdisjoint(_TOURIST_WORDS) and _only_tourists_visit(sentence):
        found.remove("visit")
    if "meeting" in found and not words.isdisjoint(_UNOFFICIAL_WORDS) and _only_unofficial_meetings(sentence):
        found.remove("meeting")
    if "meeting" in found and "such" in words and _SUCH_MEETINGS.search(sentence) and not words & {"met", "talks"}:
        found.remove("meeting")  # "Such meetings are the best way to …": meetings in general, none in particular
    if "meeting" in found and "met" in words and _MET_ON_ARRIVAL.search(sentence) and not words & {"talks", "discussed"}:
        found.remove("meeting")  # "the flight was met at Kazan airport with a water salute": a welcome, not talks
    if "twinning_established" in found and not words.isdisjoint(_RECALLED_WORDS) and _twinning_recalled(sentence):
        found.remove("twinning_established")
    if "anniversary" in words or "anniversaries" in words:
        # "marking the 30th anniversary of the twinning agreement that the two cities signed in 1995"
        recalled = _ANNIVERSARY_OF.search(sentence)
        if recalled is not None:
            for kind in ("twinning_established", "agreement_signed"):
                if kind in found and all(m.start() > recalled.start() for m in TRIGGERS[kind].finditer(sentence)):
                    found.remove(kind)
    if "cultural_event" in found and not words.isdisjoint({"guests", "them", "delegation", "visitors"}) and (
            welcome := _SHOW_FOR_THE_GUESTS.sub(" ", sentence)) != sentence \
            and not TRIGGERS["cultural_event"].search(welcome):
        found.remove("cultural_event")  # "pupils prepared a concert for them": the visit's programme, no event of its own
    if "cultural_event" in found and not words.isdisjoint(_TRADE_SHOW_WORDS) and _only_trade_shows(sentence):
        found.remove("cultural_event")
    if "agreement_signed" in found and words.isdisjoint(_COOPERATION_DOCUMENTS) and (
            not words.isdisjoint(_TRADERS) or ("contracts" in words or "contract" in words) and "worth" in words):
        # "exhibitors and buyers signed contracts worth $120 million", "contracts worth about $2.5 million were
        # concluded following the forum": sales, not a document between the sides
        found.remove("agreement_signed")
    if "twinning_established" in found and ("intent" in words or "intention" in words) and _INTENT.search(sentence):
        found.remove("twinning_established")  # "a letter of intent on establishing friendly city relations"
        found += [] if "agreement_signed" in found else ["agreement_signed"]
    if "twinning_established" in found and words & _RENEWED_WORDS and _RENEWED.search(sentence):
        found = [kind for kind in found if kind != "twinning_established"]  # "renewed their twinning agreement"
        found += [] if "agreement_signed" in found else ["agreement_signed"]
    if "twinning_established" in found and "agreement_signed" not in found and (
            TRIGGERS["agreement_signed"].search(sentence)
            or _LIST_ITEM.match(sentence) and not words.isdisjoint(_COOPERATION_DOCUMENTS - {"twinning", "cooperation"})):
        found.append("agreement_signed")  # "- an agreement on twinning between …", listed after "signed:"
    return found


_INTENT = re.compile(r"\b(?:letter|memorandum|protocol|declaration|statement)\s+of\s+intent(?:ion)?\b"
                     r"|\bintention\s+to\s+(?:establish|become|twin)", re.IGNORECASE)
_RENEWED = re.compile(r"\b(?:renew(?:ed|s|al)?|extended|prolong(?:ed|s)|продлил\w*|продлен\w*|продлён\w*|пролонгир\w*)\b",
                      re.IGNORECASE)
_RENEWED_WORDS = frozenset(["renew", "renewed", "renews", "renewal", "extended", "prolonged", "prolongs"])
_KIN_WORDS = frozenset(["relatives", "friends", "family", "families"])
_VISITING_KIN = re.compile(r"\bvisit(?:ing|s|ed)?\s+(?:their\s+)?(?:relatives|friends|family|families)\b", re.IGNORECASE)
# (not «во главе делегации из 18 человек», "a delegation of 12 people": one delegation's size)
_MANY_DELEGATIONS = re.compile(
    r"\b(?:delegations|delegates)\s+(?:from|of)\s+(?:more\s+than\s+|over\s+|about\s+|some\s+)?(?:\d+|dozens)\b"
    r"(?!\s+(?:people|members|persons))"
    r"|\bделегаци\w+\s+(?:из\s+)?(?:более\s+|свыше\s+|около\s+)?(?:\d+|десятк\w+)(?!\d|\s+(?:человек|чел\b))",
    re.IGNORECASE)
_SUCH_MEETINGS = re.compile(r"\bsuch\s+(?:\w+\s+)?meetings\b", re.IGNORECASE)
_MET_ON_ARRIVAL = re.compile(r"\b(?:was|were)\s+met\s+(?:at|on)\b[^.;]{0,60}?\b(?:airport|station|terminal|border)\b"
                             # "were met by their hosts at the station"
                             r"|\b(?:were|was)\s+met\s+by\s+(?:their\s+|the\s+|host\s+)?(?:hosts?|families)\b"
                             r"|\bsalute\b", re.IGNORECASE)
_RUSSIAN_ONLY_MENTIONED = re.compile(r"\b(?:обсудил\w*|обсуждал\w*|обсуждени\w*|возможност\w*|перспектив\w*|ежегодно"
                                     # «Город известен … фестивалем цветов»: what it is famous for
                                     r"|каждый\s+год|регулярно|известен|известна|известно|славится|знаменит\w*"
                                     # «туристы, желающие побывать на ярмарке»: a wish, not the fair
                                     r"|желающ\w*|центр\w*\s+(?:\w+\s+){0,2}?фестивал\w*)\b")
_RUSSIAN_MET_ON_ARRIVAL = re.compile(r"\b(?:самол[её]т|рейс|борт|автобус|поезд)\w*\b[^.;]{0,60}?\b(?:встрети|встречал)\w*"
                                     r"|\bводян\w+\s+(?:арк|салют)\w*"
                                     # «На церемонии встречи присутствовал губернатор»: the welcome of the flight
                                     r"|\bцеремони\w+\s+встречи\b")
# (nouns: «туристических компаний» in a delegation's make-up is no crowd of tourists)
_RUSSIAN_SPECTATORS = re.compile(r"\b(?:зрител|болельщик|турист|посетител|отдыхающ|жител)(?:и|ей|ов|ям|ями|ях|ы|ам|ами|ах"
                                 r"|а|у|ем|ь|их|им|ими)?\b")
_RUSSIAN_CARGO = re.compile(r"\b(?:гуманитарн\w+\s+помощ\w*|груз\w*|большегрузн\w*|фур[аыу]\b|машин\w*\s+с\s+\w*\s*помощ\w*)")
_CARGO_WORDS = frozenset(["aid", "cargo", "lorries", "lorry", "trucks", "truck", "shipment", "consignment", "supplies"])
_CARGO_ARRIVED = re.compile(r"\b(?:aid|cargo|lorr(?:y|ies)|trucks?|shipment|consignment|supplies)\b[^.;]{0,60}?"
                            r"\b(?:arrived|reached|came|was\s+delivered|were\s+delivered)\b", re.IGNORECASE)
_RUSSIAN_TALKS = re.compile(r"\b(?:встреч|переговор|беседы|совещани)\w*")
def _is_reception(sentence: str) -> bool:
    lowered = sentence.lower()
    return "принял" in lowered and _RUSSIAN_RECEPTION.search(lowered) is not None \
        and not _RUSSIAN_TALKS.search(lowered) and "обсуд" not in lowered


_RUSSIAN_RECEPTION = re.compile(r"\bпринял\w*\s+(?:[\w-]+\s+){0,3}?(?:гост|делегаци)\w*"
                                r"|\b(?:гост|делегаци)\w*\s+(?:[\w-]+\s+){0,3}?принял\w*")
_RUSSIAN_NEVER_MET = re.compile(r"\bне\s+(?:встрет|встреча|видел)\w*|\bни\s+разу\b")
_RUSSIAN_SALES = re.compile(r"\bконтракт\w*\s+(?:[\w-]+\s+){0,3}?на\s+(?:общую\s+)?сумму")
_RUSSIAN_COOPERATION_DOCUMENT = re.compile(r"\b(?:соглашени|меморандум|программ|дорожн\w+\s+карт|план\w*\s+мероприяти"
                                           r"|протокол|договор\w*\s+о\s+сотрудничеств)")
_RUSSIAN_AUDIENCE_MET = re.compile(r"\b(?:публик\w*|зрител\w*|зал)\s+(?:[а-яё]+\s+){0,2}?встрети\w*")
_RUSSIAN_PARTICIPANTS_SUBJECT = re.compile(r"^(?:[А-ЯЁа-яё]+\s+){0,2}?[Уу]частник\w*\s")
_RUSSIAN_MATCH = re.compile(r"\b(?:матч\w*|сыграл\w*|тайм\w*|\d+:\d+)")
_RUSSIAN_SIGNING_DEED = re.compile(r"\b(?:подпис(?!анн)\w*|заключ(?![её]нн)\w*|парафир\w*|утвердил\w*|утвержд[её]н(?!н)\w*)")
# A list item ("– соглашение об …"): the documents a signing just listed.
_LIST_ITEM = re.compile(r"^\s*[–—•·*-]\s*")
_RUSSIAN_DOCUMENT = re.compile(r"\b(?:соглашени|договор|меморандум|протокол)\w*", re.IGNORECASE)


_TRADERS = frozenset(["exhibitors", "buyers", "companies", "firms", "businesses", "suppliers", "traders", "dealers"])
_COOPERATION_DOCUMENTS = frozenset(
    ["agreement", "agreements", "memorandum", "memoranda", "memorandums", "programme", "programmes", "program",
     "programs", "protocol", "protocols", "roadmap", "roadmaps", "accord", "accords", "treaty", "charter",
     "declaration", "twinning", "cooperation"])


def _all_matches_preceded(pattern: re.Pattern, before: re.Pattern, sentence: str, reach: int = 60) -> bool:
    """True when the sentence matches ``pattern`` and every match has ``before`` right in front of it."""
    matches = list(pattern.finditer(sentence))
    return bool(matches) and all(before.search(sentence, max(0, m.start() - reach), m.start()) for m in matches)


# "The number of Polish tourists visiting the fortress keeps growing": tourism, not an official visit.
_TOURIST_WORDS = frozenset(["tourists", "visitors", "holidaymakers", "travellers", "travelers", "pilgrims", "residents",
                            "people", "citizens", "inhabitants"])
# (and "more than 180,000 residents of the region visited Vietnam": travellers counted, no delegation)
_TOURISTS_BEFORE = re.compile(r"\b(?:tourists|visitors|holidaymakers|travell?ers|pilgrims"
                              r"|\d[\d,. ]*\s+(?:residents|people|citizens|inhabitants)(?:\s+of\s+[^.,;]{1,30}?)?)"
                              r"\s+(?:from\s+[^.,;]{1,40}?\s+)?(?:who\s+)?$", re.IGNORECASE)


_FORUM_PARTICIPANTS_VISITED = re.compile(r"\bучастник\w*\s+(?:\w+\s+)?(?:форума|конференции|съезда|саммита|фестиваля)"
                                         r"\s+(?:также\s+)?(?:посетил\w*|побывал\w*|осмотрел\w*)", re.IGNORECASE)


def _only_tourists_visit(sentence: str) -> bool:
    return _all_matches_preceded(TRIGGERS["visit"], _TOURISTS_BEFORE, sentence)


# Talks are between officials: meeting the diaspora, entrepreneurs or students is part of a visit, and
# companies that discuss supplies at a forum hold business talks, not official ones.
_UNOFFICIAL_WORDS = frozenset(
    ["residents", "entrepreneurs", "businessmen", "businesspeople", "business", "students", "pupils", "schoolchildren",
     "teachers", "veterans", "diaspora", "community", "compatriots", "athletes", "artists", "journalists", "university",
     "universities", "companies", "firms", "participants", "experts", "specialists", "people", "public", "youth", "citizens", "inhabitants", "fans", "spectators", "runners", "crowd", "crowds"])
_UNOFFICIAL = (r"(?:(?:local|young|foreign|belarusian|russian|chinese|german|the|the\s+local|leading)\s+)?"
               r"(?:residents|entrepreneurs|businessmen|business\s+(?:people|community|leaders|circles)|students|pupils"
               r"|schoolchildren|teachers|veterans|compatriots|athletes|artists|journalists|young\s+people|the\s+public"
               r"|(?:representatives|members)\s+of\s+(?:the\s+)?(?:(?!and\b)[\w-]+\s+){0,4}?(?:diaspora|community|university"
               r"|universities|companies|business|public|youth|students|NGOs|organisations|organizations))\b")
_MEETING_OBJECT = re.compile(r"\b(?:met|meets|meet|meeting)\s+(?:with\s+)?" + _UNOFFICIAL, re.IGNORECASE)
_UNOFFICIAL_SUBJECT = re.compile(r"\b(?:companies|firms|businesses|entrepreneurs|businessmen|business\s+people"
                                 r"|participants|experts|specialists|students|teachers)\s+(?:from\s+[^.;]{1,40}?\s+)?"
                                 r"(?:also\s+)?$", re.IGNORECASE)


def _only_unofficial_meetings(sentence: str) -> bool:
    for match in TRIGGERS["meeting"].finditer(sentence):
        if _MEETING_OBJECT.match(sentence, match.start()):
            continue
        if match.group().lower() == "discussed" and _UNOFFICIAL_SUBJECT.search(
                sentence, max(0, match.start() - 70), match.start()):
            continue
        if match.group().lower() == "met" and _CROWD_SUBJECT.search(sentence, max(0, match.start() - 60), match.start()):
            continue  # "thousands of people from both towns met on the bridges": a crowd, not officials
        return False
    return True


_CROWD_SUBJECT = re.compile(r"\b(?:people|residents|citizens|inhabitants|fans|spectators|runners|crowds?)\s+"
                            r"(?:from\s+[^.;]{1,40}?\s+)?$", re.IGNORECASE)


# "Forty years after they became twin cities, Lyon and Leipzig signed ...": the twinning is recalled.
_RECALLED_WORDS = frozenset(["after", "since", "under"])
# "Thirty years after they became sister cities", "organised under the twin-city agreement": a standing tie
_RECALLED_BEFORE = re.compile(r"\b(?:(?:years?|decades?|months?)\s+after|(?:ever\s+)?since)\s+(?:[\w-]+\s+){0,3}$"
                              r"|\bunder\s+(?:the|a|their|its)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


_ANNIVERSARY_OF = re.compile(r"\banniversar(?:y|ies)\s+of\b", re.IGNORECASE)


def _twinning_recalled(sentence: str) -> bool:
    return _all_matches_preceded(TRIGGERS["twinning_established"], _RECALLED_BEFORE, sentence, 50)


# An export or trade exhibition is business, not culture.
_SHOW_FOR_THE_GUESTS = re.compile(r"\b(?:concerts?|performances?|show)\s+(?:\w+\s+){0,2}?(?:for|in\s+honou?r\s+of)\s+"
                                  r"(?:the\s+)?(?:guests|them|delegation|visitors)\b", re.IGNORECASE)
_TRADE_SHOW_WORDS = frozenset(["export", "trade", "industrial", "investment", "business", "agricultural", "commercial",
                               "machinery", "equipment", "commodities", "commodity", "import"])
_TRADE_GOODS = r"(?:export|trade|industrial|investment|business|agricultural|commercial|machinery|equipment|commodit(?:y|ies)" \
               r"|import)"
# "an agricultural machinery fair", "the exhibition of agricultural machinery": business, not culture.
_TRADE_SHOW_BEFORE = re.compile(r"\b" + _TRADE_GOODS + r"(?:\s+and\s+\w+)?(?:\s+[\w-]+)?\s+$", re.IGNORECASE)
# ("an exposition of regional achievements, where each oblast presented its export products")
_TRADE_SHOW_AFTER = re.compile(r"\s+of\s+(?:[\w-]+\s+){0,2}?(?:" + _TRADE_GOODS + r"|achievements)\b"
                               r"|[^.;]{0,70}?\bexport\s+(?:products|goods|potential)\b", re.IGNORECASE)
_PARTICIPANTS_VISITED = re.compile(r"\bparticipants\s+(?:of\s+the\s+\w+\s+)?(?:also\s+)?(?:visited|toured)\b", re.IGNORECASE)


def _only_trade_shows(sentence: str) -> bool:
    matches = list(TRIGGERS["cultural_event"].finditer(sentence))
    return bool(matches) and all(_TRADE_SHOW_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
                                 or _TRADE_SHOW_AFTER.match(sentence, m.end()) for m in matches)


# A transport link is news when it is new: launched, opened, resumed, first, direct.
_NEW_LINK_WORDS = frozenset(
    ["new", "direct", "first", "second", "maiden", "launch", "launched", "launches", "launching", "open", "opened", "opens", "opening",
     "inaugural", "inaugurated", "maiden", "resume", "resumed", "resumes", "resumption", "start", "started",
     "starts", "introduced", "introduces", "established"])
_CALL_WORDS = frozenset(["video", "videoconference", "press", "news", "online", "web", "teleconference"])
_CALLS = re.compile(r"\b(?:video|press|news|online|web|tele)[\s-]?conferenc\w*|\bvideoconferenc\w*", re.IGNORECASE)


def _only_mentioned(sentence: str, kind: str, words: set[str]) -> bool:
    if words.isdisjoint(_ONLY_MENTIONED_WORDS) and words.isdisjoint(_PLANNED_AFTER_WORDS):
        return False
    trigger = TRIGGERS[kind].search(sentence)
    if trigger is None:
        return False
    for marker in _ONLY_MENTIONED.finditer(sentence, 0, trigger.start()):
        # "The anniversary programme includes a concert", "celebrations, which include exhibitions": the parts of
        # the occasion reported, not a list of topics
        if not (marker.group().lower().startswith("includ")
                and _OCCASION_BEFORE.search(sentence, max(0, marker.start() - 40), marker.start())):
            return True
    return _PLANNED_AFTER.search(sentence, trigger.end()) is not None


_OCCASION_BEFORE = re.compile(r"\b(?:programme|program|celebrations?|festivities)(?:,?\s+which)?\s+(?:also\s+)?$",
                              re.IGNORECASE)


# Words without which _ONLY_MENTIONED and _PLANNED_AFTER cannot match.
_ONLY_MENTIONED_WORDS = frozenset(
    ["known", "famous", "renowned", "noted", "discuss", "discussed", "discusses", "discussing", "talked", "dealt", "preparation", "preparations", "prepared", "plan",
     "plans", "planned", "invited", "invites", "invitation", "recalled", "referring", "pandemic", "regularly", "always", "every",
     "each", "proposed", "proposal", "consider", "considered", "considering", "interest", "interested", "expansion",
     "resume", "resumption", "possibility", "prospect", "prospects", "idea", "include", "includes", "including",
     "ahead", "issue", "question", "about", "spoke"])
_PLANNED_AFTER_WORDS = frozenset(["planned", "held"])


_PLANNED_AFTER = re.compile(r"\b(?:is|are)\s+(?:being\s+)?planned\b|\bwill\s+be\s+held\b", re.IGNORECASE)


def sectors_in(sentence: str, words: set[str] | None = None) -> list[str]:
    if ("implement" in sentence or "реализаци" in sentence) and _PARENT_DOCUMENT.search(sentence):
        # "a plan of measures to implement the agreement on trade, economic and cultural cooperation": the sectors
        # of the older agreement, not of the plan signed today
        sentence = _PARENT_DOCUMENT.sub(" ", sentence)
        words = None
    if _is_russian(sentence):
        lowered = sentence.lower()
        found = [sector for sector, gated in _RUSSIAN_SECTORS.items() if gated.search(sentence, lowered)]
        return _research_not_schooling(found, sentence, _RUSSIAN_UNIVERSITIES, russian.SECTORS["education"])
    words = _words(sentence) if words is None else words
    maybe: set[str] = set()
    for word in words - _NO_SECTOR:  # most words name no sector: a set difference skips them in C
        found = _SECTOR_OF_WORD.get(word)
        if found is None:
            found = _SECTOR_OF_WORD[word] = tuple(
                sector for sector, stems in _SECTOR_STEMS.items() if any(stem in word for stem in stems))
            if not found:
                _NO_SECTOR.add(word)
        maybe.update(found)
    if "physical" in words:
        maybe.add("sport")
    if "health" in maybe and "medicine" in words:
        sentence = _MEDICINE_STUDIED.sub("", sentence)  # "training in engineering and medicine" is schooling
    # Stems settle a sector on their own; the patterns are there to reject look-alikes ("art" in "party").
    found = [sector for sector in SECTOR_WORDS
             if sector in maybe and (sector not in _NEEDS_PATTERN or SECTOR_WORDS[sector].search(sentence))]
    return _research_not_schooling(found, sentence, _UNIVERSITIES, SECTOR_WORDS["education"])


# "Qiqihar University and Siberian Federal University will carry out joint research": universities doing
# research are science; they are education where they teach (students, exchanges of teachers, training)
_UNIVERSITIES = re.compile(r"\buniversit(?:y|ies)\b", re.IGNORECASE)
_RUSSIAN_UNIVERSITIES = re.compile(r"\b(?:университет|вуз)\w*", re.IGNORECASE)


def _research_not_schooling(found: list[str], sentence: str, universities: re.Pattern, schooling: re.Pattern) -> list[str]:
    if "education" in found and "science" in found and not schooling.search(universities.sub(" ", sentence)):
        found.remove("education")
    return found


_PARENT_DOCUMENT = re.compile(
    r"\b(?:to\s+implement|implementing|(?:for\s+)?(?:the\s+)?implementation\s+of)\s+(?:the|an|a)\s+(?:\w+\s+){0,2}?"
    r"(?:agreement|memorandum|treaty|programme|program)\s+(?:on|of)\s+[^.;]*?\bcooperation\b"
    r"|\bпо\s+реализации\s+(?:\w+\s+){0,2}?(?:соглашени|договор|меморандум|программ)\w*\s+(?:о|об)\s+[^.;]*?"
    r"\bсотрудничеств\w*", re.IGNORECASE)
_MEDICINE_STUDIED = re.compile(r"\b(?:training|study|studies|studying|students?|degrees?|courses?)\s+in\s+"
                               r"(?:[\w-]+\s+(?:and|or)\s+)?(?:veterinary\s+)?medicine\b", re.IGNORECASE)


_NEEDS_PATTERN = frozenset({"health", "culture", "other", "economy", "education", "transport", "youth", "tourism", "sport",
                            "science"})


# Word -> sectors whose stems it contains; grows with the vocabulary seen (a few thousand words at most).
_SECTOR_OF_WORD: dict[str, tuple[str, ...]] = {}
_NO_SECTOR: set[str] = set()


def agreement_count(sentence: str, words: set[str] | None = None) -> int | None:
    """Documents the sentence says were signed: "a programme and two agreements" is 3; "a number of" is None."""
    words = _words(sentence) if words is None else words
    counted = [] if words.isdisjoint(_COUNTED_DOCUMENTS) else _COUNTED.findall(sentence)
    if not counted and not words.isdisjoint(_UNQUANTIFIED_WORDS) and _UNQUANTIFIED.search(sentence):
        return None
    total = sum(int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()] for word in counted)
    if not words.isdisjoint(_SINGLE_DOCUMENTS):
        total += len(_SINGLE_DOCUMENT.findall(sentence))
    return total or None


# Words without which the patterns above cannot match.
_COUNTED_DOCUMENTS = frozenset(["agreements", "memoranda", "memorandums", "contracts", "programmes", "programs",
                                "protocols", "accords", "documents", "deals", "roadmaps"])
_UNQUANTIFIED_WORDS = frozenset(["number", "several", "series", "package", "various", "multiple", "some"])
_SINGLE_DOCUMENTS = frozenset(["agreement", "memorandum", "programme", "program", "protocol", "road", "roadmap",
                               "accord", "contract", "plan", "treaty", "charter", "declaration"])


_FUTURE_WORDS = frozenset(
    ["will", "are", "would", "shall", "going", "plan", "plans", "planned", "intend", "intends", "intended", "expect", "expects", "expected", "due", "set", "scheduled", "be", "ready", "hope", "hopes", "hoped", "aim", "aims", "aimed", "propose", "proposes", "proposed", "could", "might", "should", "must", "agenda", "agreed", "next", "postponed", "cancelled", "canceled", "called", "rescheduled", "approves", "approved", "approve", "draft", "put", "moved", "pushed", "was", "were", "want", "wants", "wish", "wishes", "like", "seek", "seeks", "interest", "interested", "promised", "promises", "promise", "invitation", "invited"])


# A past-tense deed settles it: "the agreement signed on Monday will boost trade" reports a signing.
# "Every signed document must ..." speaks of documents, not of a signing.
_DONE = re.compile(r"(?<!be )(?<!been )(?<!every )(?<!each )(?<!all )\b(?:signed|concluded|inked|sealed"
                   r"|held(?!\s+(?:every|each|annually|once\s+a|twice\s+a))|visited|met|took\s+place|opened|launched"
                   r"|established|became|arrived|hosted|unveiled|exchanged)\b", _FLAGS)


_MONTH_NUMBER = {name: number for number, names in enumerate((
    ("january", "январе"), ("february", "феврале"), ("march", "марте"), ("april", "апреле"), ("may", "мае"),
    ("june", "июне"), ("july", "июле"), ("august", "августе"), ("september", "сентябре"), ("october", "октябре"),
    ("november", "ноябре"), ("december", "декабре")), start=1) for name in names}
_CLAUSE_MONTH = re.compile(r",\s+and\s+in\s+([A-Z][a-z]+)\b(?!\s+\d)")
_OPENING_MONTH = re.compile(r"^(?:(?:In|Back\s+in|Earlier\s+in|Last)\s+|(?:Еще\s+|Ещё\s+)?[Вв]\s+)([A-Za-zА-Яа-яё]+)\b(?!\s+\d)")


def _months_before(sentence: str, published: date | None) -> int:
    """How many months before the page a sentence opening with a bare month is set: "In April the two cities
    marked …" on a September page recalls the spring (0 when there is no such opening)."""
    if published is None:
        return 0
    if not ("In" in sentence[:9] or "Last" in sentence[:5] or "в " in sentence[:9].lower()):
        # "Stary Oskol has been Zhlobin's twin since 2018, and in June Zhlobin and Temirtau signed …": a clause
        match = _CLAUSE_MONTH.search(sentence) if ", and in " in sentence else None
        month = _MONTH_NUMBER.get(match.group(1).lower()) if match else None
        return 0 if month is None else (published.month - month) % 12
    match = _OPENING_MONTH.match(sentence)
    month = _MONTH_NUMBER.get(match.group(1).lower()) if match else None
    return 0 if month is None else (published.month - month) % 12


def _months_back(said: str, year: int, published: date) -> int:
    """How many months before the page a dated phrase («в октябре 2025 года») is set (0 when it gives no month)."""
    month = next((_MONTH_NUMBER[word] for word in said.lower().split() if word in _MONTH_NUMBER), None)
    return 0 if month is None else (published.year - year) * 12 + published.month - month


def _timing(sentence: str, published: date | None, words: set[str]) -> str:
    """"future" for a plan, "background" for history the article recalls, "now" for what it reports."""
    if _is_russian(sentence):
        lowered = sentence.lower()
        if "подписа" in lowered and russian.NOT_SIGNED.search(sentence):
            return "future"  # not done, like a plan: no news of it
        planned = _RUSSIAN_FUTURE.search(sentence, lowered) or any(
            map(lowered.__contains__, russian.FUTURE_AFTER_SHORT_WORD_STEMS)) and russian.FUTURE_AFTER_SHORT_WORD.search(sentence)
        if planned and not _RUSSIAN_DONE.search(sentence, lowered):
            return "future"
        done = _RUSSIAN_DONE.search(sentence, lowered) is not None
        for match in (*_RUSSIAN_BACKGROUND.finditer(sentence, lowered),
                      *(() if done else _RUSSIAN_SINCE.finditer(sentence, lowered))):
            if match.group(1) is None or published is None or int(match.group(1)) < published.year - 1 \
                    or _months_back(match.group(), int(match.group(1)), published) >= 2:
                return "background"  # («в октябре 2025 года», on a page of May 2026: history, not news)
        return "background" if _months_before(sentence, published) >= 2 else "now"
    if _months_before(sentence, published) >= 2:
        return "background"
    if words & _NOT_DONE_WORDS and _NOT_DONE.search(sentence):
        return "future"  # not done, like a plan: no news of it
    if "to" in words and _HEADLINE_PLAN.search(sentence):
        return "future"
    if "will" in words and _WILL_BE_DONE.search(sentence):
        return "future"  # "a memorandum will be prepared and signed in September": "signed" is still to come
    if words & _FUTURE_WORDS and _FUTURE.search(sentence) and not _DONE.search(sentence) and not (
            "until" in words and _STAYING.search(sentence) and len(_FUTURE.findall(sentence)) == 1):
        return "future"
    if words & _BACKGROUND_WORDS and _BACKGROUND_PHRASE.search(sentence):
        return "background"
    if "19" not in sentence and "20" not in sentence:
        return "now"
    done = None
    if words & _NEWS_DAYS and _DONE.search(sentence):
        return "now"  # "arrived on Thursday to mark the anniversary of ties established in 1987": today's news
    for match in _BACKGROUND.finditer(sentence):
        year = int(next(g for g in match.groups() if g))
        if _ANNIVERSARY_BEFORE.search(sentence, max(0, match.start() - 90), match.start()):
            continue  # "celebrations to mark 80 years since the liberation … in April 1945": today's anniversary
        if match.group().lower().startswith("since") and not sentence.startswith(", when", match.end()):
            # "Polotsk and Velikiye Luki, partners since 2006, signed a plan": how long, not when
            done = _DONE.search(sentence) is not None if done is None else done
            if done:
                continue
        if published is None or year < published.year - 1:
            return "background"
    return "now"


_ANNIVERSARY_BEFORE = re.compile(r"\b(?:mark|marks|marked|marking|celebrat\w+|commemorat\w+)\s+(?:the\s+)?\d+"
                                 r"\s+years\s+since\b", re.IGNORECASE)
# "The delegation will stay in Saxony until Saturday": a visit under way, not a plan.
_STAYING = re.compile(r"\bwill\s+(?:stay|remain|be)\s+(?:in\s+[^.;]{1,40}?\s+)?until\b", re.IGNORECASE)
_NEWS_DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                        "yesterday", "tonight"])
_BACKGROUND_WORDS = frozenset(["date", "far", "total", "altogether", "ago", "last", "since", "previous", "previously", "earlier", "former", "decade", "decades", "years", "time", "times", "period", "exchanged", "regularly", "other"])
_BACKGROUND_PHRASE = re.compile(
    r"\b(?:\w+\s+(?:years|decades)\s+ago|last\s+(?:year|month|spring|summer|autumn|fall|winter|January"
    r"|February|March|April|May|June|July|August|September|October|November|December)|a\s+decade\s+ago|(?:have|has)\s+been\s+(?:\w+\s+)?"
    r"(?:twinned|partners|sister\s+cities|twin\s+towns|cooperating)|since\s+then|previously|earlier\s+this\s+decade"
    r"|(?:over|for|during|in)\s+(?:the\s+)?(?!coming|next|following|upcoming|future)(?:\w+\s+)?(?:years|decades)"
    # "a declaration for the years 2025 to 2029", "for years to come": a term ahead, not a past stretch
    r"(?!\s+(?:\d{4}|to\s+come))"
    # "Over this time the towns have exchanged delegations": what they have done again and again
    r"|over\s+(?:this|that|all\s+this|these)\s+(?:time|period|years)|(?:have|has)\s+(?:regularly\s+)?exchanged"
    # "Over the past decade, folk ensembles … have regularly visited each other"
    r"|(?:over|during|in)\s+the\s+(?:past|last)\s+decade|(?:have|has)\s+regularly\s+visited"
    # "We have visited each other many times": a habit of the tie
    r"|(?:have|has)\s+visited\s+each\s+other|\bmany\s+times\b"
    # "creative groups and sports teams of the two cities regularly visit each other": a habit
    r"|regularly\s+(?:visit|exchange|meet|take\s+part)\w*"
    # "To date Hunan has established friendly relations with 107 provinces": a tally, not news
    r"|^(?:To\s+date|So\s+far|In\s+total|Altogether)\b)\b",
    re.IGNORECASE)


def _related(a: Place, b: Place, gazetteer: Gazetteer) -> bool:
    if a.place_id in gazetteer.ancestors(b) or b.place_id in gazetteer.ancestors(a):
        return True
    return a.kind == "district" and b.kind == "district" and a.parent_id == b.parent_id


def pairs_among(places: list[Place], gazetteer: Gazetteer, prominence: dict[int, int] | None = None,
                hub_id: int | None = None, all_signatories: bool = False) -> list[tuple[int, int]]:
    """Who cooperates with whom among the places of one sentence.

    Places pair with their peers (district with district, city with city, region with region),
    never with what contains them, and only across borders (twinning within one country is rare
    enough that a domestic pair is far more often two places of one side). A place with no peer
    pairs with the other places it is not part of (Minsk's mayor meets Tatarstan's head). A list
    of partners hangs off the article's most prominent place among them.
    """
    unique = list({p.place_id: p for p in places if p.kind != "country"}.values())
    prominence = prominence or {}

    def may_pair(a: Place, b: Place) -> bool:
        return a.country_code != b.country_code and not _related(a, b, gazetteer)

    pairs: set[tuple[int, int]] = set()
    for tier in {_TIER[p.kind] for p in unique}:
        peers = [p for p in unique if _TIER[p.kind] == tier]
        if all_signatories:
            # "The mayors of Zittau, Bogatynia and Hrádek signed an agreement": one document, every two of them
            pairs.update((min(a.place_id, b.place_id), max(a.place_id, b.place_id))
                         for a, b in combinations(peers, 2) if may_pair(a, b))
            continue
        # "Munich, which is twinned with Edinburgh, Verona and Sapporo": the list hangs off Munich.
        hub = max(peers, key=lambda p: prominence.get(p.place_id, 0))
        if len(peers) >= 3 and any(p.place_id == hub_id for p in peers):
            # "Besançon is one of the partner cities of Freiburg, with Innsbruck, Padua and Guildford"
            hub = gazetteer.places[hub_id]
            # a list of partners named as such may hold a domestic twin ("Erlangen's partner towns … Jena")
            pairs.update((min(hub_id, p.place_id), max(hub_id, p.place_id)) for p in peers
                         if p.place_id != hub_id and not _related(hub, p, gazetteer))
            continue
        star = len(peers) >= 3 and sum(p.country_code == hub.country_code for p in peers) == 1
        top = gazetteer.places[max(prominence, key=prominence.get)] if prominence else None
        if len(peers) >= 4 and sum(n >= 2 for n in Counter(p.country_code for p in peers).values()) >= 2 \
                and (top is None or any(p.place_id == top.place_id for p in peers) or top.kind != peers[0].kind):
            # «делегации Дагестана, Калмыкии, Атырауской и Мангистауской областей Казахстана»: two countries'
            # places, several each, at one gathering; none says who works with whom
            continue
        one_each = len({p.country_code for p in peers}) == len(peers)
        if len(peers) >= 3 and top is not None and top.kind == hub.kind \
                and (prominence.get(hub.place_id, 0) <= 2 or 3 * prominence.get(hub.place_id, 0) <= prominence[top.place_id]
                     # «Российскую Узловую…, казахстанский Аксу…, сербский Крушевац»: one guest from each country
                     # ("Nagoya is also twinned with Sydney, Turin and Nanjing" names its owner first)
                     or one_each and prominence.get(hub.place_id, 0) < prominence[top.place_id] and peers[0] is not hub) \
                and prominence[top.place_id] > 2 and top.country_code not in {p.country_code for p in peers}:
            # "Delegations of Ankara, Bonn and Yerevan came": the twins of the article's own city, named elsewhere.
            pairs.update((min(top.place_id, p.place_id), max(top.place_id, p.place_id))
                         for p in peers if may_pair(top, p))
            continue
        for a, b in combinations(peers, 2):
            if (not star or hub in (a, b)) and may_pair(a, b):
                pairs.add((min(a.place_id, b.place_id), max(a.place_id, b.place_id)))
    paired = {i for pair in pairs for i in pair}
    # "Sterlitamak, one of the largest cities of Bashkortostan": a region whose own city is named is its address.
    addresses = {i for p in unique for i in gazetteer.ancestors(p)}
    listed_off_hub = hub_id is not None and any(p.place_id == hub_id for p in unique)
    for a in unique:
        if a.place_id in paired or a.place_id in addresses:
            continue
        for b in unique:
            if listed_off_hub and hub_id not in (a.place_id, b.place_id):
                continue  # "Beşiktaş is one of Erlangen's partner towns, which also include Rennes": not Rennes's
            if b.place_id != a.place_id and _TIER[a.kind] != _TIER[b.kind] and may_pair(a, b):
                pairs.add((min(a.place_id, b.place_id), max(a.place_id, b.place_id)))
    return sorted(pairs)


def extract_events(article: Article, gazetteer: Gazetteer) -> Extraction:
    """Every place the article names and every cooperation event it reports."""
    from etl.dates import find_event_date

    text = article.text
    bounds = split_sentences(text)
    spotted = spot_names(text, gazetteer)
    resolved = resolve_names(text, spotted, gazetteer, bounds, publisher_country(article.url, text))
    if not text.isascii() or "rovince of " in text:
        _prefer_regions_the_words_name(text, resolved, gazetteer)
    resolved = regions_as_addresses(text, short_names_as_full(resolved), gazetteer)
    resolved = town_words_as_their_region(text, resolved, gazetteer)
    if " province" in text or " region" in text or " oblast" in text or " voivodeship" in text:
        resolved = towns_before_a_region_noun_as_regions(text, resolved, gazetteer)
    if " regions" in text or " provinces" in text or " oblasts" in text:
        _prefer_english_regions(text, resolved, gazetteer)
    if "overnor of " in text:
        _governed_regions(text, resolved, gazetteer)
    resolved = add_unlisted_districts(text, resolved, gazetteer)
    # Names the gazetteer lacks that read like places ("the Mayor of Ribeauvillé"): small towns of the
    # article's countries are read from GeoNames' longer list; the rest stay unresolved, for the analyst.
    unknown = spot_unknown_places(text, [n for n in spotted if n.candidates or n.country_hint], every_mention=True)
    if unknown:
        countries = {r.place.country_code for r in resolved} | {n.country_hint for n in spotted if n.country_hint}
        resolved, unknown = add_small_towns(text, resolved, unknown, gazetteer, countries)
    places = {r.place.place_id: r.place for r in resolved}
    mentions = [Mention(r.place.place_id, r.surface, r.start, r.end, r.reason, _precision(r)) for r in resolved]

    by_sentence: list[list[ResolvedName]] = [[] for _ in bounds]
    k = 0
    for name in resolved:
        while k + 1 < len(bounds) and name.start >= bounds[k][1]:
            k += 1
        # the district's address, or the region of "the Colorado capital": named, but not a side of a pair
        if bounds and name.reason not in ADDRESSES and not (
                name.place.kind == "region" and text.startswith(" capital", name.end)):
            by_sentence[k].append(name)

    _add_namesake_districts(text, bounds, by_sentence, gazetteer)
    _add_russian_region_phrases(text, bounds, by_sentence, gazetteer)
    _add_towns_of_rural_districts(text, bounds, by_sentence, gazetteer, {r.place.place_id for r in resolved})
    _add_towns_of_english_rural_districts(text, bounds, by_sentence, gazetteer, {r.place.place_id for r in resolved})
    _add_anaphors(text, bounds, by_sentence, resolved, gazetteer)
    if not text.isascii():
        _add_russian_place_adjectives(text, bounds, by_sentence, resolved)
    _add_namesakes(text, bounds, by_sentence, gazetteer)
    mentioned_at = {m.char_start for m in mentions}
    for names in by_sentence:
        for r in names:
            places.setdefault(r.place.place_id, r.place)
            if r.start not in mentioned_at and r.reason != _ANAPHOR_REASON:
                mentions.append(Mention(r.place.place_id, r.surface, r.start, r.end, r.reason, _precision(r)))
                mentioned_at.add(r.start)
    mentions.sort(key=lambda m: m.char_start)
    prominence = Counter(r.place.place_id for r in resolved if r.reason not in ADDRESSES)
    for r in by_sentence[0] if bounds else ():
        prominence[r.place.place_id] += 2  # the title names what the article is about
    for r in resolved:
        if r.reason not in ADDRESSES and r.place.kind != "country" and text.endswith(_ARRIVAL_WORDS, 0, r.start) and (
                _ARRIVED_IN.search(text, max(0, r.start - 40), r.start)):
            prominence[r.place.place_id] += 1  # "arrived in Uherské Hradiště": the host the guests come to
    findings: list[_Finding] = []
    provisions: list[tuple[int, list[str]]] = []  # (sentence number, sectors) of sentences describing a document
    twinnings_described: list[int] = []  # sentences that call the document just signed a twinning
    signers_told: dict[int, tuple[int, int]] = {}  # a signing sentence naming nobody -> the pair the next one names
    pair_votes: Counter[tuple[int, int]] = Counter()
    planned: set[int] = set()  # sentences that state a plan
    last_told = -1  # the latest sentence that tells news or a plan (not history)
    recalled: set[int] = set()  # sentences that recall history
    # A mayor's welcome is talks between officials when a delegation came, a reception when students did
    officials_visit = "delegation" in text or "делегац" in text
    # (or any forum the page is about: "The International Youth Forum … has been held near Zadonsk")
    lowered_text = text.lower()
    at_a_forum = ("forum" in lowered_text or "форум" in lowered_text) and (
        _FORUM_OF_REGIONS.search(text) is not None
        or _AT_THE_FORUM.search(text, 0, bounds[1][1] if len(bounds) > 1 else len(text)) is not None)
    signed_at = -1  # the latest sentence that reports a signing
    signed_before = False  # whether a document was signed before: "The programme includes ..." may describe it
    for number, (start, end) in enumerate(bounds):
        sentence = text[start:end].strip()
        words = _words(sentence)
        if (_describes_document(sentence, words) and not (
                not signed_before and _EVENT_PROGRAMME.match(sentence)) and not (
                # "The delegation is headed by … It includes heads of districts": "it" is no document
                _PRONOUN_SUBJECT.match(sentence) and number > 0 and not _DOCUMENT_NAMED.search(
                    text, bounds[number - 1][0], bounds[number - 1][1])) or (
                provisions and provisions[-1][0] == number - 1 and russian.CONTINUATION.search(sentence))) and not (
                # "The sides agreed to …" five sentences after the signing: a plan of their own, not its content
                _SIDES_INTEND.match(sentence) and not (provisions and provisions[-1][0] >= number - 4
                                                       or 0 <= signed_at >= number - 4)):
            provisions.append((number, sectors_in(sentence, words)))
            if signed_at == number - 1 and _TWINNING_DOCUMENT_OPENING.match(sentence):
                twinnings_described.append(number)
            continue
        types = event_types_in(sentence, words)
        if "transport_link" in types and ("meeting" in types and _TALKS_ABOUT_LINK.search(sentence)
                                          or _NO_LINK.search(sentence)):
            # "talks on a direct air connection", "there are no direct flights": no link opened
            types.remove("transport_link")
        if ("twinning_established" in types or "agreement_signed" in types) and _TIE_ENDED.search(sentence):
            # "decided to end the friendship town agreement, which was signed in 1986": the tie ends today
            types = [kind for kind in types if kind not in ("twinning_established", "agreement_signed")]
            types.append("other")
        if len(types) > 1 and ("twinning_established" in types or "agreement_signed" in types) \
                and (after_signing := _YEARS_AFTER_SIGNING.search(sentence)):
            # "The Days of Pogradec … brought 120 artists to Ohrid, twenty years after the two towns signed their
            # twinning charter": today's visit, and the signing it recalls is history (and what the recalled
            # clause names with it: "… after we signed a twinning agreement at the Forum of Regions")
            types = [kind for kind in types if kind not in ("twinning_established", "agreement_signed") and not (
                (told := TRIGGERS[kind].search(sentence)) and told.start() > after_signing.start())]
        if "visit" in types and at_a_forum and _AT_THE_FORUM.search(sentence) and not _VISIT_SAID.search(sentence):
            # "A delegation of Vitebsk Oblast signed documents at the Forum of Regions", "The forum brought
            # together delegations of all oblasts": guests of the forum, not a visit of one side to the other
            types.remove("visit")
        if officials_visit and "meeting" not in types and "welcom" in sentence and _WELCOMED_BY_OFFICIAL.search(sentence):
            types.append("meeting")
        agreed = (_RU_SIDES_AGREED.search(sentence) is not None
                  # «Вузы … увеличат прием студентов, а больницы будут принимать на стажировки врачей», right after
                  # what the programme provides for: more of its content
                  or bool(provisions) and provisions[-1][0] == number - 1 and _RU_INSTITUTIONS_WILL.search(sentence)
                  is not None) if not sentence.isascii() else (
            "agreed" in words and _AGREED_TO_DO.search(sentence) is not None)
        if (not types or ("will" in words or agreed) and set(types) <= _SIDE_TYPES) and (
                "will" in words or _ARE_TO.search(sentence) or agreed) and (
                provisions and provisions[-1][0] == number - 1 or signed_at == number - 1):
            # "The agreement provides for joint routes. Pupils of both towns will take part in exchanges": what
            # the sides will do next goes on describing the document
            provisions.append((number, sectors_in(sentence, words)))
            if signed_at == number - 1 and not by_sentence[number - 1]:
                # "A twinning agreement was signed at the district level as well. Krupki and Chernyakhovsk will
                # cooperate in …": the two the next sentence names are who signed
                named_first = [r for r in by_sentence[number] if r.place.kind != "country"][:2]
                if len(named_first) == 2 and _named_together(text, named_first, tuple(sorted(
                        r.place.place_id for r in named_first))) and _across_border(tuple(
                        r.place.place_id for r in named_first), gazetteer):
                    signers_told[number - 1] = tuple(sorted(r.place.place_id for r in named_first))
            continue
        relation_only = not types and (bool(words & _RELATION_WORDS) and _RELATION.search(sentence) is not None
                                       or _is_russian(sentence) and russian.RELATION.search(sentence) is not None)
        if not types and not relation_only:
            if "will" in words:  # "The students will fly to Houston": a plan, whose programme may follow
                planned.add(number)
                last_told = number
            listed = _twins_listed_after(text, number, bounds, by_sentence, sentence, gazetteer)
            if listed:
                # «Всего у Южно-Сахалинска шесть городов-побратимов. Кроме Асахикавы, это японские Кусиро и …»
                findings.append(_Finding(number, sentence, words, ["twinning_established"], by_sentence[number],
                                         listed, True, set(), True))
                recalled.add(number)
            continue
        timing = "background" if relation_only else _timing(sentence, article.published_date, words)
        if timing == "now" and number - 1 in recalled and _SAME_DOCUMENT.match(sentence) \
                and find_event_date(sentence, article.published_date) is None:
            timing = "background"  # "Forty years ago the mayors signed … The document was signed in the old Town Hall"
        if (number - 1 in planned or last_told in planned) and _CONTINUES_PREVIOUS.match(sentence):
            # "The delegation will stay until Saturday. Its programme includes a concert", also past an aside
            # on history ("… whose president visited Niigata last autumn. The programme includes …")
            timing = "future"
        if timing == "future" or "until" in words and _STAYING.search(sentence):
            planned.add(number)  # a stay "until Saturday" is under way, but what follows it is still to come
        if timing != "background":
            last_told = number
        if timing == "future":
            if not (_is_russian(sentence) and russian.RELATION.search(sentence)
                    or words & _RELATION_WORDS and _RELATION.search(sentence) is not None):
                continue
            # «сотрудничает с ..., а в следующем году ...», "Chippenham is also twinned with La Flèche, and the
            # council hopes to welcome …": the tie is stated, the rest is a plan
            types, relation_only, timing = [], True, "background"
        pairs, venues = _sentence_pairs(text, start, by_sentence[number], gazetteer, prominence,
                                        visiting="visit" in types and "agreement_signed" not in types,
                                        gathering=types == ["cultural_event"])
        if types and set(types) <= {"forum", "cultural_event"} and len(pairs) >= 3 \
                and not _PARTNERSHIP_WORD.search(sentence):
            # "The forum brought together mayors from Hohhot, Daejeon, Sapporo and Ulan-Ude", «за кубок боролись
            # сборные Джалал-Абада, Шымкента, Андижана и Кашгара»: a gathering of many says nothing of who works
            # with whom
            pairs = []
        if relation_only:
            if not pairs and not ((_PRONOUN_START.match(sentence) or _WE.search(sentence) or _OUR_PARTNERS.search(sentence))
                                  and by_sentence[number]):
                continue  # (a tie of "Its …" may find its other side in the sentence before; "We …", the speaker's)
            types = ["twinning_established"]
        findings.append(_Finding(number, sentence, words, types, by_sentence[number], pairs, timing == "background",
                                 venues, relation_only))
        if timing == "background":
            recalled.add(number)
        signed_before = signed_before or "agreement_signed" in types
        if "agreement_signed" in types and timing != "background":
            # "… signed a joint declaration. Erlangen's schools will take trainees": what the sides will do
            # next describes the document
            signed_at = number
        if timing != "background":
            for pair in pairs:
                pair_votes[pair] += 3 if number == 0 else 1

    # The towns one town's guests or twins were listed as ("delegations of the twin towns – Bobruisk, Gabrovo and
    # Goris – came to congratulate Oryol"): by sentence, the spokes of each hub told so far
    spokes_before: dict[int, dict[int, int]] = defaultdict(dict)  # hub -> spoke -> sentence first told
    for finding in findings:
        if finding.background or len(finding.pairs) < 2:
            continue
        members = Counter(i for pair in finding.pairs for i in pair)
        hub, count = members.most_common(1)[0]
        if count == len(finding.pairs):
            for pair in finding.pairs:
                spoke = pair[0] if pair[1] == hub else pair[1]
                spokes_before[hub].setdefault(spoke, finding.number)
    if any(len(spokes) >= 2 for spokes in spokes_before.values()):
        # ("The Polotsk delegation is headed by …, and the Bursa delegation by …": two of Bukhara's guests, whose
        # votes go to their ties with Bukhara, as their events do)
        pair_votes = Counter()
        for finding in findings:
            if not finding.background:
                signing = {"agreement_signed", "twinning_established"} & set(finding.types)
                for pair in finding.pairs if signing else _to_the_hub(finding.pairs, spokes_before, finding.number,
                                                                      text, finding.names):
                    pair_votes[pair] += 3 if finding.number == 0 else 1
    for pair in [p for p in pair_votes if len({_TIER[gazetteer.places[i].kind] for i in p}) == 2]:
        # "Khorezm and Turkmenistan's Dashoguz hold forum", in an article on Khorezm Region and Dashoguz
        # velayat: the town stands for its region, and its votes go to the regions' pair
        for member, other in (pair, pair[::-1]):
            place = gazetteer.places[member]
            folded = next(((min(r, other), max(r, other)) for r in gazetteer.ancestors(place)
                           if gazetteer.places[r].kind == gazetteer.places[other].kind
                           and (min(r, other), max(r, other)) in pair_votes), None)
            if place.kind == "city" and folded is not None:
                pair_votes[folded] += pair_votes.pop(pair)
                break
    # Votes tied, the pair the title names, then two regions over two of their towns ("Brest Oblast
    # chairman holds talks in Tula Oblast; Ivatsevichi and Novomoskovsk sign agreement")
    # ("Districts of Mogilev and Yekaterinburg agree on partnership" names the districts' pair too)
    named_in_title = {r.place.place_id for r in by_sentence[0]} if by_sentence else set()
    # (and a pair of peers over a town and a region: "Khorezm and Turkmenistan's Dashoguz hold forum")
    main_pair = max(pair_votes, key=lambda pair: (_across_border(pair, gazetteer), pair_votes[pair], len(
        {_TIER[gazetteer.places[i].kind] for i in pair}) == 1, all(
        i in named_in_title or gazetteer.places[i].parent_id in named_in_title for i in pair), all(
        gazetteer.places[i].kind == "region" for i in pair)), default=None)
    # A sentence naming a place the gazetteer lacks may be about that place: its side is unknown, not the
    # article's main pair ("Jermuk and Zheleznovodsk signed a memorandum" when Jermuk is not in the gazetteer).
    starts = [start for start, _ in bounds]
    unknown_sides = {bisect_right(starts, at) - 1 for _, at in unknown}
    events: list[Event] = []
    participant_ids: set[int] = set()
    sentence_of_event: list[int] = []
    # The article's own town: of the main pair, the side with the most partners (Kanazawa visiting Nancy and
    # Ghent, twinned with Buffalo …), however often its partner is named
    partners: dict[int, set[int]] = defaultdict(set)
    for finding in findings:
        if finding.background and _OUR_PARTNERS.search(finding.sentence):
            continue  # («… а Каракол – наш самый молодой побратим»: the speaker's pairs, yet to be read)
        for a, b in finding.pairs:
            partners[a].add(b)
            partners[b].add(a)
    home = max(main_pair, key=lambda i: (len(partners[i]), prominence.get(i, 0))) if main_pair else None
    # Two towns that sign with each other are sides of their own in a digest whose main pair holds them
    # («Городок и Усвяты стали побратимами … Усвятская делегация находилась в Городке»)
    signed_pairs = {pair for finding in findings if not finding.background and not finding.standing
                    and {"agreement_signed", "twinning_established"} & set(finding.types) for pair in finding.pairs
                    if main_pair and all(gazetteer.places[i].kind == "region" for i in main_pair)
                    and all(gazetteer.places[i].kind == "city" for i in pair)}
    latest: tuple[int, tuple[int, int]] | None = None  # (sentence number, pair) of the latest news told
    # The visiting side of the main pair: "The Rovaniemi delegation arrived", "a delegation of Rovaniemi"
    guest = next((r.place.place_id for names in by_sentence for r in names if main_pair and r.place.place_id in main_pair
                  and (_DELEGATION_AFTER.match(text, r.end) or _DELEGATION_BEFORE.search(text, max(0, r.start - 40), r.start))),
                 None)
    if guest is None and main_pair:
        # «Азербайджанская делегация», "the Azerbaijani delegation": the side of the main pair in that country
        guest_countries = {gazetteer.country_hints.get((normalise(m.group(1)),))
                           for m in _ADJECTIVE_DELEGATION.finditer(text)}
        guests = [i for i in main_pair if gazetteer.places[i].country_code in guest_countries]
        guest = guests[0] if len(guests) == 1 else None
    for finding in findings:
        sentence, words, types = finding.sentence, finding.words, finding.types
        confidence = 0.9
        local = [r.place for r in finding.names if r.place.kind != "country"]
        signing = "agreement_signed" in types or "twinning_established" in types
        # A tie stated in so many words ("collected in Ełk, Alytus's partner town") names its sides, even
        # where one of them is also where something happened.
        pairs = sorted({(None if finding.standing else _at_venue(pair, finding.venues, main_pair))
                        or (pair if pair in signed_pairs else None)
                        or _towards(pair, main_pair, gazetteer, signing or len(_CITY_OFFICIAL.findall(sentence)) >= 2,
                                    finding.standing or (
                            finding.background and _named_together(text, finding.names, pair))) for pair in finding.pairs})
        if not (signing and not finding.background) and any(len(spokes) >= 2 for spokes in spokes_before.values()):
            pairs = _to_the_hub(pairs, spokes_before, finding.number, text, finding.names)
        if home is not None and (finding.standing and (_WE.search(sentence) or _OUR_PARTNERS.search(sentence))
                                 or finding.background and _OUR_PARTNERS.search(sentence)):
            # «Мы давно сотрудничаем с российскими Конаково и Лихославлем, казахстанским Есилем»: said by the
            # article's own town, of its partners
            speaker = next((r.place.place_id for names in by_sentence for r in names if r.place.place_id in main_pair
                            and (r.start == 0 or text[r.start - 1] == "\n") and DATELINE_AFTER.match(text, r.end)), home)
            own = gazetteer.places[speaker]
            spoken_of = sorted({(min(speaker, p.place_id), max(speaker, p.place_id)) for p in local
                                if p.country_code != own.country_code and _TIER[p.kind] == _TIER[own.kind]
                                and not _related(p, own, gazetteer)})
            if spoken_of:
                pairs, confidence = spoken_of, 0.6
        # ("They reviewed the agreement the two regions concluded in Vitebsk": where, not a side)
        sides_named = [r for r in finding.names if r.place.kind != "country"
                       and not _VENUE_BEFORE.search(text, max(0, r.start - 45), r.start)]
        if not pairs and sides_named and finding.number > 0 and (
                _PRONOUN_START.match(sentence) or russian.PRONOUN_START.match(sentence)):
            # "It signed two agreements: with Almaty Region …": the other side is the previous sentence's subject.
            here = {p.country_code for p in local}
            others = [r.place for r in by_sentence[finding.number - 1]
                      if r.place.kind != "country" and r.place.country_code not in here]
            previous_start = bounds[finding.number - 1][0]
            subject = [r.place for r in by_sentence[finding.number - 1][:1]
                       if r.place in others and not text[previous_start:r.start].strip()]
            if len({p.place_id for p in others}) == 1 or subject:
                # "Ptuj, … south-east of Maribor, has nine twin towns. Its oldest partnership, with Burghausen":
                # the previous sentence's subject
                # ("He held talks with the governor in Tula", in an article on Brest and Tula Oblasts: Tula
                # stands for its oblast)
                # (or for the region of the talks just told: "… held talks with the governor of Vologda Oblast.
                # They discussed … Vologda dairy cooperatives")
                told = latest[1] if latest is not None and latest[0] == finding.number - 1 else main_pair
                pairs = sorted({_towards(pair, told, gazetteer)
                                for pair in pairs_among((subject or others)[:1] + local, gazetteer)})
        if not pairs and home is not None and not finding.background and finding.number not in unknown_sides \
                and len({p.place_id for p in local}) == 1 and ("meeting" in types or "agreement_signed" in types) \
                and any(_OFFICIAL_OF.search(text, max(0, r.start - 40), r.start) for r in finding.names):
            # "At Ghent City Hall the Mayor held talks with the Mayor of Ghent", on Kanazawa's site: the one
            # place named meets the article's own town
            [other] = local[:1]
            own = gazetteer.places[home]
            if not _inside_or_same(other, main_pair, gazetteer) and other.country_code != own.country_code \
                    and not _related(other, own, gazetteer) and _TIER[other.kind] == _TIER[own.kind]:
                pairs = [(min(home, other.place_id), max(home, other.place_id))]
                confidence = 0.6
        hosts_by_office = {r.place.place_id: r.place for r in finding.names if r.place.kind != "country"
                           and _OFFICIAL_OF_PLACE.search(text, max(0, r.start - 60), r.start)}
        if not pairs and guest is not None and not finding.background and (
                "meeting" in types and len({p.place_id for p in local}) == 1
                # "the Serbian guests were received in Mogilev by the chairman of the Mogilev Oblast Executive
                # Committee": the place whose official receives them
                or "received" in words and len(hosts_by_office) == 1) \
                and _GUESTS_SUBJECT.match(sentence) and hosts_by_office:
            # "On Friday the delegation met the Minister of Tourism of Yukon": the guests meet that place
            [other] = list(hosts_by_office.values())[:1]
            visitor = gazetteer.places[guest]
            if other.place_id not in main_pair and other.country_code != visitor.country_code \
                    and not _related(other, visitor, gazetteer):
                pairs = [(min(guest, other.place_id), max(guest, other.place_id))]
                confidence = 0.6
        if not pairs and not local and latest is not None and latest[0] >= finding.number - 2 \
                and not finding.background and finding.number not in unknown_sides:
            pairs = [latest[1]]  # "After the talks, the two mayors signed a memorandum": the talks just told
            confidence = 0.6
        if not pairs and local and latest is not None and latest[0] >= finding.number - 2 and not finding.background \
                and all(p.place_id in latest[1] for p in local):
            # «Городок и Усвяты стали побратимами. В Городке … подписали соглашение»: the pair just told, though
            # the article's main pair holds the town too
            pairs = [latest[1]]
            confidence = 0.6
        if not pairs and main_pair and not finding.background and finding.number not in unknown_sides and (
                not local or any(_inside_or_same(p, main_pair, gazetteer) for p in local)):
            pairs = [main_pair]
            confidence = 0.6
        if not finding.background and len(pairs) == 1:
            latest = (finding.number, pairs[0])
        if finding.standing and not pairs:
            continue
        participants = sorted({i for pair in pairs for i in pair}) or [p.place_id for p in local]
        if not participants:
            confidence = 0.4
        participant_ids.update(participants)
        found_date = find_event_date(sentence, article.published_date)
        sectors = sectors_in(sentence, words)
        location_id = _location(sentence, local)
        is_agreement = "agreement_signed" in types or "twinning_established" in types
        count = agreement_count(sentence, words) if "agreement_signed" in types else None
        period = _PERIOD.search(sentence) if is_agreement else None
        for event_type in types:
            agreement_like = event_type in ("agreement_signed", "twinning_established")
            sentence_of_event.append(finding.number)
            events.append(Event(
                event_type=event_type,
                sentence=sentence,
                participants=participants,
                pairs=list(pairs),
                sectors=list(sectors),
                event_date=found_date[0] if found_date else article.published_date,
                date_precision=found_date[1] if found_date else article.date_precision,
                location_id=location_id,
                agreement_count=count if event_type == "agreement_signed" else None,
                period_start=int(period.group(1)) if period and agreement_like else None,
                period_end=int(period.group(2)) if period and agreement_like else None,
                confidence=confidence,
                background=finding.background,
            ))
    _attach_provisions(events, sentence_of_event, provisions)
    for at, pair in signers_told.items():
        for event, number in zip(events, sentence_of_event):
            if number == at and event.event_type in ("agreement_signed", "twinning_established"):
                event.pairs, event.participants = [pair], sorted(pair)
                participant_ids.update(pair)
    for number in twinnings_described:
        # «Еще один документ подписали Бобруйск и Каменск-Уральский. Соглашение об установлении побратимских
        # связей предусматривает …»: the document just signed is a twinning
        signed = [e for e, at in zip(events, sentence_of_event) if at == number - 1 and not e.background]
        if signed and not any(e.event_type == "twinning_established" for e in signed):
            events.append(replace(next(e for e in signed if e.event_type == "agreement_signed"),
                                  event_type="twinning_established", sectors=[]))
            sentence_of_event.append(number - 1)
    meetings = [e for e in events if e.event_type == "meeting" and not e.background]
    signings = any(e.event_type in ("agreement_signed", "twinning_established") and not e.background for e in events)
    if meetings and not signings and all(_is_reception(e.sentence) for e in meetings):
        # «Во вторник гостей принял председатель райисполкома», and no talks or signing told anywhere: a courtesy
        # reception of a children's group or a choir, part of their visit, not a meeting of the sides
        events = [e for e in events if e not in meetings]
    strays = _stray_small_towns(places, events, spotted, publisher_country(article.url, text), gazetteer.capital_of)
    if strays:
        places = {i: p for i, p in places.items() if i not in strays}
        mentions = [m for m in mentions if m.place_id not in strays]
    return Extraction(article=article, places=places, mentions=mentions, events=events,
                      participant_ids=participant_ids, unresolved=_unresolved(text, unknown, bounds))


def _stray_small_towns(places: dict[int, Place], events: list[Event], spotted, publisher: str | None,
                       capital_of: dict[str, int]) -> set[int]:
    """Small foreign towns named only in passing, in a country the article says nothing else about: far more
    often a word, a person or a site ("Adam Mickiewicz", "Piazza Castello", "the Silla kingdom", "the Banat")
    than the town. A town that is a side of a pair, or whose country the article names, stays."""
    countries = Counter(p.country_code for p in places.values())
    countries.update(name.country_hint for name in spotted if name.country_hint)
    countries.update(name.stated_country for name in spotted if name.stated_country)
    if publisher:
        countries[publisher] += 2
    sides = {i for event in events for pair in event.pairs for i in pair}
    capitals = set(capital_of.values())
    return {
        i for i, p in places.items()
        if p.kind == "city" and p.name_ru is None and (p.population or 0) < STRAY_TOWN_POPULATION
        and i not in capitals
        and i not in sides and countries[p.country_code] == 1
        and not any(places[j].kind == "country" and places[j].country_code == p.country_code for j in places)
    }


STRAY_TOWN_POPULATION = 50_000


# A standing relationship stated in passing ("Bonn is also twinned with Oxford"): pairs, but no news.
_RELATION_WORDS = frozenset(["link", "links", "twinned", "twin", "sister", "partner", "partners", "friendship", "fraternal", "twinning", "partnership", "partnerships", "ties", "relations", "contacts", "between"])
_RELATION = re.compile(
    r"\btwinned\s+with\b|^Its\s+(?:\w+\s+){0,2}(?:partnership|twinning|friendship)\b"
    r"|\b(?:twin|sister|partner|friendship|fraternal)[\s-](?:cit(?:y|ies)|towns?|regions?"
    r"|districts?|states?|provinces?|prefectures?|counties|county|oblasts?)\b|\btwinning\s+(?:ties|links|relations|partners?)\b|\bpartnership\s+(?:ties|relations)\s+with\b"
    r"|\b(?:established|maintains?|has|have|had)\s+(?:also\s+)?(?:\w+\s+){0,2}(?:ties|relations|contacts|partnerships?)\s+with\b"
    # "its first new twinning since its link with Aachen in Germany"
    r"|\b(?:its|their|our)\s+(?:\w+\s+)?(?:link|links|twinning|partnership)\s+with\b"
    # "Among our closest partners in Russia are Tula and Ulyanovsk"
    r"|\b(?:among|one\s+of)\s+(?:its|their|our)\s+(?:\w+\s+){0,2}(?:partners|twin\s+towns|sister\s+cities)\b"
    # "cooperate under the agreement between the Vitebsk and Pskov regions": the tie the work rests on
    r"|\b(?:under|within\s+the\s+framework\s+of)\s+(?:the|an|a)\s+(?:\w+\s+){0,2}(?:agreement|memorandum|treaty)"
    r"\s+(?:\w+\s+){0,3}?between\b",
    re.IGNORECASE)


_NAMESAKE_DISTRICTS = re.compile(r"\b([A-Z][a-z]+)\s+districts\s+of\s+(?:the\s+)?")


_NAMESAKE_DISTRICTS_RU = re.compile(r"\b([А-ЯЁ][а-яё]+)\s+район(?:ы|ов|ам|ами|ах)\s+")


def _add_namesake_districts(text: str, bounds, by_sentence: list[list[ResolvedName]], gazetteer: Gazetteer) -> None:
    """"Pervomaisky districts of Vitebsk and Novosibirsk" («Железнодорожные районы Витебска и Новосибирска»):
    one district of that name in each city."""
    if "районы" in text or "районов" in text:
        for number, (start, end) in enumerate(bounds):
            for match in _NAMESAKE_DISTRICTS_RU.finditer(text, start, end):
                districts = gazetteer.district_adjectives.get(normalise(match.group(1)), [])
                _add_districts_of_cities(match, [gazetteer.places[i] for i in districts], by_sentence[number])
    if "districts of" not in text:
        return
    for number, (start, end) in enumerate(bounds):
        for match in _NAMESAKE_DISTRICTS.finditer(text, start, end):
            districts = gazetteer.candidates((normalise(match.group(1)), "district"))
            _add_districts_of_cities(match, districts, by_sentence[number])


def _add_districts_of_cities(match: re.Match, districts: list[Place], names: list[ResolvedName]) -> None:
    cities = [r for r in names if r.start >= match.end() and r.place.kind == "city"][:2]
    for city in cities:
        for district in districts:
            if district.parent_id == city.place.place_id:
                names.append(ResolvedName(match.start(), match.end(), match.group(1), district,
                                          "namesake district of the named city"))
    names.sort(key=lambda r: r.start)


# «Гродненская и Ленинградская области», «делегации Минской, Гомельской и Могилевской областей»
_COORDINATED_REGIONS = re.compile(r"\b([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?:,\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?))?"
                                  r"(?:,\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?))?\s+и\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+"
                                  r"(?:област|кра)[а-яё]*")
_REGION_COMMITTEE = re.compile(r"\b([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+(?:облисполком|областн\w+\s+исполнительн)[а-яё]*")


def _add_russian_region_phrases(text: str, bounds, by_sentence: list[list[ResolvedName]], gazetteer: Gazetteer) -> None:
    """"Гродненская и Ленинградская области" (two regions, one noun), "Гродненского облисполкома" (its region)."""
    if "облас" not in text and "облисполком" not in text:
        return
    starts = [start for start, _ in bounds]
    taken = {r.start for names in by_sentence for r in names}
    for pattern in (_COORDINATED_REGIONS, _REGION_COMMITTEE):
        for match in pattern.finditer(text):
            number = bisect_right(starts, match.start()) - 1
            for group in range(1, pattern.groups + 1):
                if match.group(group) is None:
                    continue
                region_id = gazetteer.region_adjectives.get(normalise(match.group(group)))
                if region_id is None or match.start(group) in taken or number < 0:
                    continue
                by_sentence[number].append(ResolvedName(match.start(group), match.end(group), match.group(group),
                                                        gazetteer.places[region_id], "region named by its adjective"))
                by_sentence[number].sort(key=lambda r: r.start)


_COORDINATED_REGIONS_EN = re.compile(r"\b([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+(?:regions|provinces|oblasts)\b")


_GOVERNOR_OF = re.compile(r"\b[Gg]overnor\s+of\s+(?:the\s+)?$")
_REGION_WORDS = ("province", "region", "prefecture", "oblast", "county", "governorate")


def _governed_regions(text: str, resolved: list[ResolvedName], gazetteer: Gazetteer) -> None:
    """"the Governor of Songkhla": a governor heads a province, so the city's name stands for the province
    named after it, where the gazetteer has one in the same country."""
    for k, r in enumerate(resolved):
        if r.place.kind != "city" or not _GOVERNOR_OF.search(text, max(0, r.start - 20), r.start):
            continue
        for word in _REGION_WORDS:
            regions = [p for p in gazetteer.candidates((*normalise(r.surface).split(), word))
                       if p.kind == "region" and p.country_code == r.place.country_code]
            if len(regions) == 1:
                resolved[k] = ResolvedName(r.start, r.end, r.surface, regions[0], "a governor's province")
                break


def _prefer_english_regions(text: str, resolved: list[ResolvedName], gazetteer: Gazetteer) -> None:
    """"the Samarkand and Fergana regions": two regions named by their capitals, not the two cities."""
    at = {r.start: k for k, r in enumerate(resolved)}
    for match in _COORDINATED_REGIONS_EN.finditer(text):
        for group in (1, 2):
            k = at.get(match.start(group))
            regions = [p for p in gazetteer.candidates((normalise(match.group(group)), "region"))
                       if k is not None and p.country_code == resolved[k].place.country_code]
            if len(regions) == 1:
                resolved[k] = ResolvedName(match.start(group), match.end(group), match.group(group), regions[0],
                                           "region named by its capital")


# "in Ha Tinh City", "the city of Ha Tinh", «в городе Тханьхоа»: the province's capital, named as a city
_NAMED_AS_A_CITY_AFTER = re.compile(r"\s+[Cc]ity\b")
_NAMED_AS_A_CITY_BEFORE = re.compile(r"(?:\b[Cc]ity\s+of|\bгород\w*)\s+$")
_PROVINCE_OF_BEFORE = re.compile(r"\b[Pp]rovince\s+of\s+(?:the\s+)?$")


def _prefer_regions_the_words_name(text: str, resolved: list[ResolvedName], gazetteer: Gazetteer) -> None:
    """Region readings the words around a name ask for: «Минская и Московская области» (both adjectives name
    regions, though «Минская» alone may read as Minsk) and «провинция Цзилинь», "the province of Jilin" (the province,
    not its city)."""
    coordinated = "облас" in text or " кра" in text
    province = "провинци" in text or "province of " in text.lower()
    if not coordinated and not province:
        return
    at = {r.start: k for k, r in enumerate(resolved)}
    if coordinated:
        for match in _COORDINATED_REGIONS.finditer(text):
            for group in range(1, _COORDINATED_REGIONS.groups + 1):
                if match.group(group) is None:
                    continue
                k = at.get(match.start(group))
                region_id = gazetteer.region_adjectives.get(normalise(match.group(group)))
                if k is not None and region_id is not None and resolved[k].place.kind != "region":
                    resolved[k] = ResolvedName(match.start(group), match.end(group), match.group(group),
                                               gazetteer.places[region_id], "region named by its adjective")
    if province:
        switched: dict[int, Place] = {}  # city id -> the province; a later bare «Цзилинь» is the province too
        for k, r in enumerate(resolved):
            if r.place.kind != "region" and (russian.PROVINCE_BEFORE.search(text, max(0, r.start - 12), r.start)
                                             or _PROVINCE_OF_BEFORE.search(text, max(0, r.start - 16), r.start)):
                regions = [p for p in gazetteer.lookup(r.surface) if p.kind == "region"]
                if not regions:  # «провинции Тханьхоа»: the region has only its English name, "Thanh Hoa Province"
                    regions = [p for p in gazetteer.lookup(f"{r.place.name} Province")
                               if p.kind == "region" and p.country_code == r.place.country_code]
                if len(regions) == 1:
                    switched[r.place.place_id] = regions[0]
        for k, r in enumerate(resolved):
            if r.place.place_id in switched and not _NAMED_AS_A_CITY_AFTER.match(text, r.end) \
                    and not _NAMED_AS_A_CITY_BEFORE.search(text, max(0, r.start - 12), r.start):
                resolved[k] = ResolvedName(r.start, r.end, r.surface, switched[r.place.place_id],
                                           "the province the text names")


_PART_OF_AFTER = re.compile(r"\s+район\s+(?:входит|расположен|находится)")
_PART_OF_BEFORE = re.compile(r"(?:входит|входят|входил|расположен\w*|находится)\s+$")


_RURAL_DISTRICT_COUNTRIES = frozenset(["BY", "RU", "UA", "KZ", "UZ", "KG", "TJ", "MD", "AM", "AZ", "GE", "TM"])


def _town_names_of_district_stem(stem: str) -> tuple[str, ...]:
    """The town a district adjective comes from: Себеж-ский, Браслав-ский, Миор-ский → Миоры, Мостов-ский →
    Мосты, Узлов-ский → Узловая, Дрокиев-ский → Дрокия, Лиозн-енский → Лиозно, Оршан-ский → Орша, Ветков-ский → Ветка,
    Кореличский → Кореличи."""
    names = (stem, stem + "ск", stem + "а", stem + "о", stem + "ы", stem + "и", stem + "ая", stem + "ь")  # Мозыр-ский → Мозырь
    if stem.endswith(("ан", "ян")):  # Орш-анский → Орша
        names += (stem[:-1],)
    if stem.endswith("ен"):  # Инз-енский → Инза, Лиозн-енский → Лиозно
        names += (stem[:-2] + "а", stem[:-2] + "о")
    if stem.endswith("ов"):
        names += (stem[:-2] + "ы",)
        if stem.endswith("ков"):  # Ветков-ский → Ветка
            names += (stem[:-2] + "а",)
    if stem.endswith("й"):  # Шуй-ский → Шуя
        names += (stem[:-1] + "я",)
    if stem.endswith("ин"):  # Губ-инский → Губа, Гряз-инский → Грязи
        names += (stem[:-2] + "а", stem[:-2] + "и")
    if stem.endswith("ев"):
        names += (stem[:-2] + "я",)
    names += (stem + "ка", stem + "ки", stem + "ое")  # Вилей-ский → Вилейка, Глубок-ский → Глубокое
    if stem.endswith("в"):  # Заслав-ский → Заславль, Ярослав-ский → Ярославль
        names += (stem + "ль",)
    if stem[-1:] in _SOFTENED:  # Луж-ский → Луга, Торжок-ский → Торжок (Волож-инский → Воложин is "ин")
        hard = stem[:-1] + _SOFTENED[stem[-1]]
        names += (hard + "а", hard + "и", hard)
    for prefix, adjectives in _COMPOUND_PREFIXES.items():
        # Старо-дорож-ский → Старые Дороги, Велико-лук-ский → Великие Луки, Старо-оскол-ьский → Старый Оскол
        rest = stem[len(prefix):]
        if stem.startswith(prefix) and len(rest) >= 3:
            nouns = {rest, rest[:-1] + _SOFTENED.get(rest[-1], rest[-1])}
            nouns = {noun + ending for noun in nouns for ending in ("", "и", "ы", "а", "о", "ь")}
            names += tuple(f"{adjective} {noun.capitalize()}" for adjective in adjectives for noun in sorted(nouns))
    return names


# The first word of a two-word town in its district's one-word adjective, and the consonants that alternate
# before the suffix («Дороги» → «-дорожский», «Луки» → «-лукский»)
_COMPOUND_PREFIXES = {
    "Старо": ("Старые", "Старый", "Старая", "Старое"), "Ново": ("Новые", "Новый", "Новая", "Новое"),
    "Велико": ("Великие", "Великий", "Великая", "Великое"), "Нижне": ("Нижний", "Нижняя", "Нижнее", "Нижние"),
    "Верхне": ("Верхний", "Верхняя", "Верхнее", "Верхние"), "Красно": ("Красный", "Красная", "Красное", "Красные"),
    "Бело": ("Белый", "Белая", "Белое", "Белые"), "Мало": ("Малый", "Малая", "Малое", "Малые"),
    "Больше": ("Большой", "Большая", "Большое", "Большие"),
}
_SOFTENED = {"ж": "г", "ч": "к", "ш": "х", "з": "г"}


_CITY_COMMITTEE_AFTER = re.compile(r"\s+(?:горисполком|городск\w+\s+исполнительн)")


def _add_towns_of_rural_districts(text: str, bounds, by_sentence: list[list[ResolvedName]],
                                  gazetteer: Gazetteer, named: set[int] = frozenset()) -> None:
    """«глава Себежского района», «Браславский райисполком»: a rural district named after its town stands
    for the town (district names of cities, «Московского района», and of regions' capitals are left alone)."""
    if "район" not in text and "исполком" not in text and "округ" not in text and "исполнительн" not in text:
        return
    starts = [start for start, _ in bounds]
    taken = {r.start for names in by_sentence for r in names}
    in_text = {r.place.place_id for names in by_sentence for r in names}
    for match in russian.RURAL_DISTRICT.finditer(text):
        group = 1 if match.group(1) else 3
        adjective = normalise(match.group(group))
        number = bisect_right(starts, match.start()) - 1
        if match.start() in taken or number < 0 or adjective in gazetteer.district_adjectives \
                or adjective in gazetteer.region_adjectives and not _CITY_COMMITTEE_AFTER.match(text, match.end(group)):
            continue  # («Гродненский горисполком» is the city's, whatever region shares the adjective)
        if match.group(group).endswith("ий") and (_PART_OF_AFTER.match(text, match.end(group))
                                                  or _PART_OF_BEFORE.search(text, max(0, match.start() - 30), match.start())):
            continue  # «Браславский район входит в состав Витебской области»: where it lies, not a side
        stem = match.group(group + 1)
        towns: dict[int, Place] = {}
        elsewhere: dict[int, Place] = {}
        named_towns: dict[int, Place] = {}  # («Заславский горисполком» on a page on Zaslavl: not Iziaslav, once «Заслав»)
        for noun in _town_names_of_district_stem(stem):  # the likelier spelling first: Тар-ский → Тара, not Тари
            found = {p.place_id: p for p in (*gazetteer.candidates(name_key(noun)), *(
                gazetteer.places[i] for i in gazetteer.towns_named_like_words.get(normalise(noun), ()))) if p.kind == "city"}
            named_towns.update((i, p) for i, p in found.items() if i in in_text)
            # «Орша» is also the Swedish Orsa's Russian name, «Любань» the Polish Lubań's: a rural district is in
            # the CIS
            if not towns:
                towns = {i: p for i, p in found.items() if p.country_code in _RURAL_DISTRICT_COUNTRIES}
            elsewhere = elsewhere or found
        towns = named_towns if len(named_towns) == 1 else towns or elsewhere
        if len(towns) > 1:
            # «Светлогорский район … Гомельской области»: of two Svetlogorsks, the one in a region the article names
            towns = {i: p for i, p in towns.items() if named & set(gazetteer.ancestors(p))} or towns
        if len(towns) == 1:
            [town] = towns.values()
            by_sentence[number].append(ResolvedName(match.start(), match.end(group), match.group(group), town,
                                                    "town of the rural district named after it"))
            by_sentence[number].sort(key=lambda r: r.start)


# "the head of Nikolsky District of Penza Oblast", "Kharovsky Municipal Okrug": a rural district named after its town
_ENGLISH_RURAL_DISTRICT = re.compile(r"\b([A-Z][a-z]{2,})sk(?:y|iy|ii|oy|aya)\s+(?:District|Municipal\s+(?:Okrug|District)"
                                     r"|Raion|Urban\s+Okrug)\b(?!\s+of\s+(?:the\s+city\s+of\s+)?[A-Z][a-z]+\b(?!\s+(?:Oblast|Region)))")


def _add_towns_of_english_rural_districts(text: str, bounds, by_sentence: list[list[ResolvedName]],
                                          gazetteer: Gazetteer, named: set[int]) -> None:
    """The English for «Никольский район»: the town the district is named after (Nikolsk), in the CIS, and of two
    namesakes the one in a region the article names."""
    if "sk" not in text:
        return
    starts = [start for start, _ in bounds]
    taken = {r.start for names in by_sentence for r in names}
    for match in _ENGLISH_RURAL_DISTRICT.finditer(text):
        number = bisect_right(starts, match.start()) - 1
        if match.start() in taken or number < 0:
            continue
        towns = {p.place_id: p for p in gazetteer.candidates(name_key(match.group(1) + "sk"))
                 if p.kind == "city" and p.country_code in _RURAL_DISTRICT_COUNTRIES}
        if len(towns) > 1:
            towns = {i: p for i, p in towns.items() if named & set(gazetteer.ancestors(p))} or towns
        if len(towns) == 1:
            [town] = towns.values()
            by_sentence[number].append(ResolvedName(match.start(), match.end(1) + 2, match.group(1) + "sk", town,
                                                    "town of the rural district named after it"))
            by_sentence[number].sort(key=lambda r: r.start)


# «Белорусский Славгород и его российский тезка», "Kirovsk and its Russian namesake"
_NAMESAKE = re.compile(r"\b(?:его|её|ее|свой|своим|своего|its|their)\s+([А-ЯЁа-яё]+|[A-Z][a-z]+)\s+"
                       r"(?:тезк\w*|namesakes?)\b")


def _add_namesakes(text: str, bounds, by_sentence: list[list[ResolvedName]], gazetteer: Gazetteer) -> None:
    if "тезк" not in text and "namesake" not in text:
        return
    for (start, end), names in zip(bounds, by_sentence):
        for match in _NAMESAKE.finditer(text, start, end):
            before = [r for r in names if r.end <= match.start() and r.place.kind == "city"]
            country = gazetteer.country_hints.get((normalise(match.group(1)),))
            if not before or country is None:
                continue
            named = before[-1]
            namesakes = [p for p in gazetteer.candidates(name_key(named.surface))
                         if p.kind == "city" and p.country_code == country and p.place_id != named.place.place_id]
            if namesakes:
                names.append(ResolvedName(match.start(), match.end(), match.group(), max(namesakes, key=population_prior),
                                          "namesake of the place named before"))
                names.sort(key=lambda r: r.start)


# «ставропольская делегация», «брестские школьники»: a group named by its place's adjective
_RUSSIAN_GROUP_NOUN = re.compile(
    r"\b(?:делегаци|сторон|коллег|гост|команд|спортсмен|артист|школьник|студент|предпринимател|бизнесмен)\w*")
_RUSSIAN_PLACE_ADJECTIVE = re.compile(r"\b([а-яё]{3,}?)(?:ская|ской|скую|ские|ских|ским|ский|ского|скому|ском|скими"
                                      r"|ое|ая|ие)\s+$")
_PLACE_ADJECTIVE_REASON = "named by its adjective"


def _add_russian_place_adjectives(text: str, bounds, by_sentence: list[list[ResolvedName]],
                                  resolved: list[ResolvedName]) -> None:
    """«Позже ставропольская делегация встретилась с губернатором Лорийской области»: the delegation of
    Stavropol, a city the article names. Only adjectives of places the article names are read."""
    stems: dict[str, Counter] = {}
    for r in resolved:
        if r.place.kind in ("city", "region") and not r.surface.isascii():
            word = r.surface.split()[0].lower()
            stem = word[:-1] if word[-1] in "аяоеиыуюь" else word
            if len(stem) >= 3:
                stems.setdefault(stem, Counter())[r.place.place_id] += 1
    if not stems:
        return
    places = {r.place.place_id: r.place for r in resolved}
    starts = [start for start, _ in bounds]
    taken = {r.start for names in by_sentence for r in names}
    lowered = text.lower()
    for noun in _RUSSIAN_GROUP_NOUN.finditer(lowered):
        # the adjective right before the group noun («ставропольская делегация»); searched only there
        match = _RUSSIAN_PLACE_ADJECTIVE.search(lowered, max(0, noun.start() - 30), noun.start())
        if match is None:
            continue
        adjective_stem = match.group(1)
        if match.start() in taken:
            continue
        found: Counter = Counter()
        for stem, counts in stems.items():
            if adjective_stem.startswith(stem) or stem.startswith(adjective_stem) and len(adjective_stem) >= 4:
                found.update(counts)
        if not found:
            continue
        # the place the article names most; a city before its namesake region when both are named as often
        place_id = max(found, key=lambda i: (found[i], places[i].kind == "city"))
        number = bisect_right(starts, match.start()) - 1
        if number < 0:
            continue
        by_sentence[number].append(ResolvedName(match.start(), match.end(1), text[match.start():match.end(1)],
                                                places[place_id], _PLACE_ADJECTIVE_REASON))
        by_sentence[number].sort(key=lambda r: r.start)


_ANAPHOR_REASON = "the article's place in that country"
# Not "the Russian town of Troitsk": there the town is named.
_ANAPHOR = re.compile(r"\b[Tt]he\s+([A-Z][a-z]+)\s+(city|capital|town|side|port|municipality)\b(?!\s+of\s+[A-Z])")
# «мэр кыргызской столицы», «в белорусской столице»: the capital, in Russian
_RUSSIAN_CAPITAL_ANAPHOR = re.compile(r"(?<![А-ЯЁа-яё])([а-яё]+(?:ская|ской|скую|цкая|цкой|цкую))\s+столиц(?:а|ы|е|у|ей)\b")


def _add_anaphors(text: str, bounds, by_sentence: list[list[ResolvedName]], resolved: list[ResolvedName],
                  gazetteer: Gazetteer) -> None:
    """"The German city also has ties with Oxford": the article's own German place (its capital for "capital")."""
    counts: Counter[int] = Counter(r.place.place_id for r in resolved if r.place.kind != "country")
    if not counts or "the " not in text.lower() and "столиц" not in text:
        return
    starts = [start for start, _ in bounds]
    # (the Russian pattern only where "столиц" stands: trying it at every letter of a page costs more than the rest)
    for match in (*_ANAPHOR.finditer(text), *(_RUSSIAN_CAPITAL_ANAPHOR.finditer(text) if "столиц" in text else ())):
        adjective, noun = (match.group(1), match.group(2)) if match.re is _ANAPHOR else (match.group(1), "capital")
        country = gazetteer.country_hints.get((normalise(adjective),))
        if country is None:
            continue
        number = bisect_right(starts, match.start()) - 1
        candidates = [i for i, _ in counts.most_common() if gazetteer.places[i].country_code == country]
        if noun == "capital":
            capital = gazetteer.capital_of.get(country)
            candidates = [capital] if capital in counts else []
        if candidates and number >= 0:
            place = gazetteer.places[candidates[0]]
            by_sentence[number].append(ResolvedName(match.start(), match.end(), match.group(), place,
                                                    "the article's place in that country"))
            by_sentence[number].sort(key=lambda r: r.start)


def _precision(name: ResolvedName) -> int:
    """1: the named locality itself; 2: read from a stand-in (an adjective, a namesake phrase); 3: only a
    region or country."""
    if name.place.kind in ("region", "country"):
        return 3
    return 2 if name.reason in (_ANAPHOR_REASON, _PLACE_ADJECTIVE_REASON, "namesake district of the named city",
                                UNLISTED_DISTRICT,
                                "town of the rural district named after it") else 1


# In an article where nothing was signed, "The programme includes a concert" lists the parts of an occasion.
_EVENT_PROGRAMME = re.compile(r"(?:The|Its|Their)\s+(?:\w+\s+)?(?:programme|program)\s+(?:also\s+)?includ")
_CONTINUES_PREVIOUS = re.compile(r"(?:Its|Their)\s|The\s+(?:programme|program|schedule|itinerary)\b")
_SAME_DOCUMENT = re.compile(r"(?:The|This|That)\s+(?:document|agreement|treaty|charter|memorandum|protocol)\s+was\b"
                            r"|(?:Документ|Соглашение|Договор)\s+(?:был\w*\s+)?подписан")
_PRONOUN_START = re.compile(r"^(?:It|Its|They|Their|She|He|Она|Он|Оно|Они)\b")


class _Finding:
    """A sentence that reports at least one event, with the pairs read from it."""

    __slots__ = ("background", "names", "number", "pairs", "sentence", "standing", "types", "venues", "words")

    def __init__(self, number, sentence, words, types, names, pairs, background, venues, standing=False):
        self.number, self.sentence, self.words, self.types = number, sentence, words, types
        self.names, self.pairs, self.background, self.venues = names, pairs, background, venues
        self.standing = standing  # only states a standing tie ("Minsk and Kazan have long been partners")


# "teams from Granada's twin cities", «команды городов-побратимов»: the gathering is of partners
_PARTNERSHIP_WORD = re.compile(r"\b(?:twin|sister|partner|friendship|побратим|партн[её]р)\w*", re.IGNORECASE)
_TIE_ENDED = re.compile(
    r"\b(?:end|ended|ends|ending|terminate[sd]?|terminating|termination\s+of|suspend(?:ed|s|ing)?|suspension\s+of"
    r"|cancel(?:led|ed|s)?|cancellation\s+of|break\s+off|broke\s+off|sever(?:ed|s)?|withdr[ae]w\s+from)\s+"
    r"(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w-]+\s+){0,3}?(?:agreements?|twinning|partnerships?|ties|relations|friendship)\b"
    r"|\b(?:расторг\w*|прекрати\w*|приостанови\w*|разорва\w*)\s+(?:действие\s+)?(?:\w+\s+){0,2}?"
    r"(?:соглашени|побратим|сотрудничеств|договор|связ)\w*", re.IGNORECASE)
# (and "Vyksa joined us just a few months after we signed a twinning agreement at the Forum of Regions")
_YEARS_AFTER_SIGNING = re.compile(
    r"\b(?:\w+|\d+)\s+(?:years|months|weeks)\s+after\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:signed|twinned|established"
    r"|became|sealed)\b"
    r"|\b(?:спустя|через)\s+(?:\w+|\d+)\s+(?:лет|год\w*)\s+после\s+(?:подписани|установлени|того,?\s+как)", re.IGNORECASE)
_TALKS_ABOUT_LINK = re.compile(
    r"\b(?:talks|discussed|discussion|negotiations|consultations)\b[^.;]{0,60}?\b(?:on|about|of|regarding)\s+"
    r"(?:\w+\s+){0,3}?(?:air|flights?|rail|railway|bus|ferry|route|connection|link)\b"
    r"|\b(?:обсуд\w+|переговор\w*)\b[^.;]{0,80}?(?:авиа|рейс|сообщени|маршрут)", re.IGNORECASE)
_NO_LINK = re.compile(r"\bno\s+(?:direct\s+|regular\s+)?(?:flights?|air\s+(?:link|connection)|rail\s+link|connection)"
                      r"|\bнет\s+(?:прямого\s+)?(?:авиа)?сообщени|\bнет\s+прям\w+\s+рейс", re.IGNORECASE)
# "talks with the Mayor of Ghent", «с мэром Гента»: a side's official, standing for it
_OFFICIAL_OF = re.compile(r"\b(?:mayor|governor|head|chairman|chairwoman|akim|hokim|delegation|president|leadership"
                          r"|administration|authorities)\s+(?:of|from)\s+(?:the\s+)?(?:city\s+of\s+)?$"
                          r"|\b(?:мэр|губернатор|глав|председател|аким|хоким|делегаци|руководств|администраци)\w*\s+$",
                          re.IGNORECASE)
_WELCOMED_BY_OFFICIAL = re.compile(
    r"\bwelcomed\s+the\s+(?:guests|delegation)|\b(?:was|were)\s+(?:warmly\s+)?welcomed\s+(?:[^.;]{0,40}?\s)?by\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:mayor|governor|chairman|chairwoman|head|hokim|akim|ambassador|minister|president"
    r"|leadership|administration|authorities)\b", re.IGNORECASE)
# «… поэтому стороны договорились обмениваться опытом»: what the signatories agreed on
_RU_SIDES_AGREED = re.compile(r"\b(?:стороны|города|районы|регионы|области|партн[её]ры|они)\s+(?:также\s+)?(?:договорились"
                              r"|намерены|планируют|будут|условились|решили)\b")
_RU_INSTITUTIONS_WILL = re.compile(r"\b(?:вуз|университет|институт|больниц|школ|учреждени|студент|колледж|предприяти"
                                   r"|театр|музе|библиотек)\w*\s+(?:[\w-]+\s+){0,4}?(?:будут|будет|увеличат|расширят"
                                   r"|откроют|создадут|проведут|примут|организуют|смогут|помогут|наладят|начнут|займутся)\b", re.IGNORECASE)
# "The tourism authorities are to develop joint routes": what the sides will do
_ARE_TO = re.compile(r"\b(?:are|is)\s+to\s+(?!be\s+(?:held|signed))\w+|\b(?:plan|intend|undertake)s?\s+to\b")


# "The agreement provides for ...": a sentence about a document's content names its sectors, not new events.
_PROVISION = re.compile(
    r"^(?:(?:The|This|That|Under\s+the|According\s+to\s+the|Both)\s+"
    # "The twinning agreement provides for …", "The district agreements provide for …"
    r"(?:(?:new|signed|two|three|twinning|cooperation|partnership|friendship|district|town|city|regional"
    r"|interregional|bilateral|joint|sister[\s-]city|updated|renewed)\s+){0,2}"
    r"(?:document|agreement|plan|memorandum|programme|program|roadmap|road\s+map|accord|treaty|deal|contract"
    r"|protocol|charter|declaration|mou|pact|documents|agreements|plans|memoranda|programmes)s?|It|They)\b[^.]{0,80}?\b(?:provides?\s+for"
    r"|envisages?|foresees?|covers?|includes?|stipulates?|calls?\s+for|focus(?:es)?\s+on|lists?"
    r"|concerns?|deals?\s+with|sets?\s+out|outlines?|aims?\s+(?:at|to)|(?:is|are)\s+aimed\s+at"
    r"|spans?|touch(?:es)?\s+on|extends?\s+to|commits?|names?|defines?|specif(?:y|ies)|identif(?:y|ies)"
    r"|lays?\s+down|describes?)\b"
    # "Under the memorandum, the two cities will …": whatever follows is the document's content
    # "In it, Freiburg and Lviv agree to expand …", right after the declaration
    r"|^In\s+(?:it|them|the\s+(?:document|declaration|agreement|memorandum|charter))\s*,?\s+(?:the|both|they|[A-Z])"
    r"|^(?:Under|According\s+to|In\s+line\s+with)\s+the\s+(?:new\s+|signed\s+|renewed\s+|updated\s+|joint\s+)?(?:document|agreement|plan|memorandum|mou|letter"
    r"|programme|program|roadmap|road\s+map|accord|treaty|protocol|declaration|charter|pact)s?\b"
    r"|^(?:The|Both)\s+(?:partners|parties|sides|cities|towns|districts|regions|municipalities|two\s+(?:\w+\s+)?\w+)\s+"
    r"(?:also\s+)?(?:will|agreed\s+to|intend\s+to|plan\b|are\s+to|undertook\s+to|pledged\s+to|committed\s+to"
    r"|decided\s+to|are\s+going\s+to)\b"
    r"|^They\s+(?:will|intend\s+to|agreed\s+to|plan\s+to)\s+(?:\w+\s+){0,2}(?:cooperat\w*|work\s+together"
    r"|share|hold|develop|expand|promote)\b",
    re.IGNORECASE)
# "…, and under the memorandum they will create a joint tourist route": the rest of the sentence is its content
_UNDER_THE_DOCUMENT = re.compile(r",\s+(?:and\s+)?under\s+the\s+(?:new\s+|signed\s+)?(?:memorandum|agreement|document"
                                 r"|programme|program|plan|roadmap|road\s+map|declaration|charter|protocol)\b")
_PRONOUN_SUBJECT = re.compile(r"It\s")
_DOCUMENT_NAMED = re.compile(r"\b(?:document|agreement|plan|memorandum|programme|program|roadmap|road\s+map|accord|treaty"
                             r"|deal|contract|protocol|charter|declaration|MoU|pact)s?\b", re.IGNORECASE)
_SIDES_INTEND = re.compile(r"^(?:(?:The|Both)\s+(?:partners|parties|sides|cities|towns|districts|regions|municipalities)\s+"
                           r"(?:also\s+)?(?:will|agreed\s+to|intend\s+to|plan\b|are\s+to|decided\s+to|are\s+going\s+to)"
                           r"|(?:Стороны|Города|Районы|Регионы|Области|Партн[её]ры)\s+(?:также\s+)?(?:договорились|намерены"
                           r"|планируют|будут|условились|решили))\b")
# "The namesakes agreed to organise exchanges …", right after their signing: what they signed up to
_AGREED_TO_DO = re.compile(r"^(?:The|Both)\s+(?:\w+\s+){1,2}(?:also\s+)?agreed\s+to\s+\w+")
_AGREED_TO = re.compile(r"\bagreed\s+to\s+(?:cooperate|develop|expand|deepen)\b", re.IGNORECASE)


_FORUM_OF_REGIONS = re.compile(r"\b[Ff]orum\s+of\s+(?:the\s+)?Regions\b|[Фф]орум\w*\s+регионов")
_AT_THE_FORUM = re.compile(r"\bforum\b|\bфорум", re.IGNORECASE)
_VISIT_SAID = re.compile(r"\bvisit|\bвизит|\barriv|\bприбыл|\bприехал", re.IGNORECASE)


# "Both are ancient trading towns, and the agreement provides for joint tourist routes": a clause that describes
# the document after another about the sides
_PROVISION_CLAUSE = re.compile(r",\s+(?:and|while)\s+the\s+(?:new\s+|signed\s+|twinning\s+)?(?:document|agreement|memorandum"
                               r"|plan|programme|program|roadmap|charter)\s+(?:provides\s+for|envisages|includes|covers)\b")


_FORUM_HELD_IN_BEFORE = re.compile(r"\b(?:[Ff]orum|форум)\w*[^.]{0,100}?\b(?:held|taking\s+place|opened|closed"
                                   r"|проход\w*|состоял\w*|прош[её]л|открыл\w*|завершил\w*)\s+(?:in|в)\s+$")
_VENUE_AND = re.compile(r"\s+(?:and|и)\s+")
_FAIRS_IN_BEFORE = re.compile(r"\b(?:fairs?|exhibitions?|festivals?|forums?|expos?|ярмарк\w*|выставк\w*|фестивал\w*"
                              r"|форум\w*)\s+(?:\w+\s+)?(?:in|в)\s+$")


def _describes_document(sentence: str, words: set[str]) -> bool:
    # .match: the patterns are anchored at the start, and a search would try every position in vain.
    return _PROVISION.match(sentence) is not None or "agreed" in words and _AGREED_TO.search(sentence) is not None \
        or ("provides" in words or "envisages" in words) and _PROVISION_CLAUSE.search(sentence) is not None \
        or "under" in words and _UNDER_THE_DOCUMENT.search(sentence) is not None \
        or not sentence.isascii() and (russian.PROVISION.match(sentence) is not None or (
            russian.PROVISION_INSIDE_NEEDS in sentence.lower() and russian.PROVISION.search(sentence) is not None))


_TWINNING_DOCUMENT_OPENING = re.compile(
    r"^(?:The\s+)?(?:twinning|sister[\s-]cit(?:y|ies)|friendship|friendly[\s-]cit(?:y|ies))\s+(?:agreement|charter|accord)\b"
    r"|^(?:Соглашение|Договор|Меморандум)\s+(?:об?\s+)?(?:установлении\s+)?(?:побратимск|дружественн)\w*")


def _attach_provisions(events: list[Event], sentence_of_event: list[int], provisions) -> None:
    """Sectors of a document-describing sentence belong to the nearest agreement before it (else after it)."""
    if not provisions:
        return
    agreements = [(e, number) for e, number in zip(events, sentence_of_event)
                  if e.event_type == "agreement_signed" and not e.background]
    for number, sectors in provisions:
        if not sectors or not agreements:
            continue
        before = [item for item in agreements if item[1] < number]
        target = before[-1][0] if before else agreements[0][0]
        for sector in sectors:
            if sector not in target.sectors:
                target.sectors.append(sector)


_DISTRICTS_OF = re.compile(r"\bdistricts?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_AND = re.compile(r"\s*(?:,|and|,\s+and)\s*")
# Where it happens, or a stop on the way ("flights via Istanbul"): not a side of the pair.
_VENUE_BEFORE = re.compile(r"\b(?:in|near|outside|at|via|next\s+to|close\s+to|not\s+far\s+from|on\s+the\s+outskirts\s+of"
                           # "a town of about 16,000 people on the western edge of Paris"
                           r"|on\s+the\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?ern\s+)?(?:edge|fringes?)\s+of"
                           r"|by\s+(?:train|plane|air|bus|road|ferry|rail)\s+from"
                           # "some 45 km south of the Serbian capital": a distance given from a place
                           r"|(?:north|south|east|west)(?:-?(?:east|west))?\s+of|(?:km|kilomet(?:re|er)s|miles)\s+from"
                           # "flying from Reykjavík to Copenhagen": both ends of the journey are the route
                           r"|fl(?:ying|ew|ies|y|own)\s+(?:home\s+|back\s+)?from|fl(?:ying|ew|ies|y|own)\s+from\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+to"
                           # "left Brussels on 18 October and returned to Kanazawa": the journey home
                           r"|left|departed\s+from|returned\s+(?:home\s+)?to|flew\s+(?:home\s+)?(?:back\s+)?to"
                           # "flew from Batumi via Istanbul to Atlanta"
                           r"|(?:via|through)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:to|from)"
                           # "travelled by bus to Vilnius and flew from there to Bologna"
                           r"|travell?ed\s+by\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?to|flew\s+(?:from\s+there\s+)?to"
                           r"|by\s+(?:train|plane|air|bus|coach|road|ferry|rail|car)\s+to"
                           # "after driving their boat trailer to Ancona and taking the ferry to Patras"
                           r"|(?:taking|took|take)\s+(?:a|the)\s+(?:ferry|train|bus|coach|plane|flight|boat)\s+(?:from\s+\w+\s+)?to"
                           r"|driv(?:ing|e|es|ove|en)\s+(?:[\w-]+\s+){0,4}?to"
                           # "calling at Cavtat", "stayed with friends in nearby Struga": stops and lodgings
                           r"|calling\s+at|stopp(?:ed|ing)\s+(?:over\s+)?(?:at|in)|stayed\s+(?:with\s+\w+\s+)?(?:in|at))\s+"
                           r"(?:the\s+)?(?:nearby\s+|neighbouring\s+|neighboring\s+)?(?:\w+['’]s\s+)?"
                           r"(?:(?:\w+\s+)?(?:city|town)\s+of\s+)?$", re.IGNORECASE)
# "the chairman of the Vitebsk Regional Executive Committee met the Governor of Penza Region, who came to Saransk":
# the two who met are the sides, the town one of them came to is where
_MET_WITH = re.compile(r"\bвстретил\w*\s+с\b|\bпровел\w*\s+(?:переговоры|встречу)\s+с\b|\bmet\s+(?:with\s+)?(?:the\s+)?"
                       r"|\bheld\s+talks\s+with\b", re.IGNORECASE)
_JOURNEY_BEFORE = re.compile(r"\b(?:fl(?:ying|ew|ies|y|own)\s+(?:from|to)|fl(?:ying|ew|ies|y|own)\s+from\s+[A-Z][\w'’-]+"
                             r"(?:\s+[A-Z][\w'’-]+)?\s+to|left|departed\s+from|returned\s+(?:home\s+)?to|via|through"
                             r"|travell?ed\s+(?:by\s+\w+\s+)?(?:from|to))\s+(?:the\s+)?$", re.IGNORECASE)
_WITH_BEFORE = re.compile(r"(?:\bс|\bсо|\bwith)\s+(?:[а-яё]+(?:ой|ым|им|ими|ыми)\s+|the\s+)?(?:город\w*\s+|city\s+of\s+)?$",
                          re.IGNORECASE)
# "flying via Helsinki and Vancouver", "calling at Cavtat and Herceg Novi": every stop of a route listed after the cue
_ROUTE_CUE_BEFORE = re.compile(r"\b(?:via|through|calling\s+at|border\s+at|by\s+way\s+of"
                               # «через пункт пропуска Кяхта — Алтанбулаг», «через Москву»
                               r"|через(?:\s+(?:пункт\w*|КПП)(?:\s+пропуска)?)?)\s+$", re.IGNORECASE)
_VIA_AFTER = re.compile(r"(?:\s+in\s+[A-Z][\w-]+)?,?\s+(?:via|by\s+way\s+of)\b")
_LIST_JOIN_AND = re.compile(r"\s*(?:,|,?\s+and)\s+")
# "Kanazawa also has sister cities in Buffalo": the twin, not a place where something happens
_PARTNERS_IN = re.compile(r"\b(?:sister|twin|partner|friendship)[\s-](?:cities|city|towns?)\s+in\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",\s+(?:and|while|whereas|but|а|но|и|однако)\s+|;\s+|:\s+")


def _sentence_pairs(text: str, sentence_start: int, names: list[ResolvedName], gazetteer: Gazetteer,
                    prominence: dict[int, int], visiting: bool = False, gathering: bool = False
                    ) -> tuple[list[tuple[int, int]], set[int]]:
    """Pairs of one sentence, clause by clause where its clauses each name two sides of their own,
    and the venues among its places ("signed in Omsk", "Gatchina near Saint Petersburg")."""
    local = [r for r in names if r.place.kind != "country"]
    if len(local) < 2:
        return [], set()
    couples = _couples_listed(text, local, gazetteer)
    if couples:
        return couples, set()
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, sentence_start, local[-1].end)]
    groups: list[list[ResolvedName]] = [[]]
    for name in local:
        while breaks and name.start > breaks[0]:
            breaks.pop(0)
            if groups[-1]:
                groups.append([])
        groups[-1].append(name)
    # A clause naming one place ("Sterlitamak, one of the cities of Bashkortostan,") belongs to its neighbour.
    merged: list[list[ResolvedName]] = []
    for group in groups:
        if merged and (len({r.place.place_id for r in group}) < 2 or len({r.place.place_id for r in merged[-1]}) < 2):
            merged[-1].extend(group)
        else:
            merged.append(group)
    pairs: set[tuple[int, int]] = set()
    venues: set[int] = set()
    for group in merged:
        group_pairs, group_venues = _pairs_without_venues(text, group, gazetteer, prominence, visiting, gathering)
        pairs.update(group_pairs)
        venues |= group_venues
    return sorted(pairs), venues


# "between Zhlobin and Vyksa, Svetlogorsk and Balakhna, and Dobrush and Semyonov", «Саратовская и Ширакская
# области, Самарская и Котайкская области, а также …»: each couple is a pair of its own
# ("Nesvizh District and Rostov District", «Клецкий район и Рузский городской округ, Любанский район и городской
# округ Шатура»: each side may carry its unit's noun)
_UNIT_AFTER = r"(?:\s+(?:District|Region|Oblast|Province|County|(?:urban|municipal)\s+(?:okrug|district)|район"\
              r"|городской\s+округ|муниципальный\s+округ))?"
_UNIT_BEFORE = r"(?:(?:городской|муниципальный)\s+округ\s+|город\s+|the\s+town\s+of\s+)?"
_WITHIN_COUPLE = re.compile(_UNIT_AFTER + r"\s+(?:and|и)\s+" + _UNIT_BEFORE)
_BETWEEN_COUPLES = re.compile(_UNIT_AFTER + r"(?:\s+(?:области|края|районы|регионы|провинции|oblasts|regions|provinces|districts))?"
                              # «Мозырь и Сызрань заключили соглашение о побратимстве, Речица и Отрадный, а также …»:
                              # what the first couple did, left unsaid for the next
                              r"(?:\s+(?:заключили|подписали|signed|concluded)\s[^.;,]{0,80})?"
                              r"(?:,\s+(?:and\s+|as\s+well\s+as\s+|а\s+также\s+|и\s+)?|\s+а\s+также\s+|;\s+(?:and\s+)?)"
                              + _UNIT_BEFORE)


def _couples_listed(text: str, local: list[ResolvedName], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    if len(local) < 4 or len(local) % 2:
        return []
    couples = []
    for k in range(0, len(local), 2):
        a, b = local[k], local[k + 1]
        if not _WITHIN_COUPLE.fullmatch(text, a.end, b.start):
            return []
        if k and not _BETWEEN_COUPLES.fullmatch(text, local[k - 1].end, a.start):
            return []
        if a.place.country_code == b.place.country_code or _TIER[a.place.kind] != _TIER[b.place.kind] \
                or _related(a.place, b.place, gazetteer):
            return []
        couples.append((min(a.place.place_id, b.place.place_id), max(a.place.place_id, b.place.place_id)))
    return sorted(set(couples))


_ADDRESS_OF_VENUE = re.compile(r",?\s+(?:(?:the\s+)?(?:capital|centre|center|administrative\s+cent(?:re|er))\s+of\s+"
                               r"(?:the\s+)?|in\s+(?:the\s+)?)?|,\s+(?:столиц|центр|административн\w+\s+центр)\w*\s+"
                               r"|\s+\(|,\s+")


_RUSSIAN_REGION_NOUN = re.compile(r"(?:провинци|област|кра|округ|уезд)\w*\s")
_RUSSIAN_REGION_JOIN = re.compile(r"\s+(?:провинци|област|кра|округ|уезд)\w*\s+")
# «мэр Ярославля … провел встречу с председателем Гродненского горисполкома», "the Mayor of Heihe met the head of
# the Blagoveshchensk city administration": two towns' own officials, so the towns are the sides
_CITY_OFFICIAL = re.compile(r"\bмэр\w*|\bгорисполком\w*|\bгородск\w+\s+исполнительн\w+\s+комитет\w*"
                            r"|\bглав\w+\s+(?:администрации\s+)?город\w*|\b[Mm]ayors?\b|\bCity\s+Executive\s+Committee\b"
                            r"|\bcity\s+(?:hall|administration)\b")
_SEAT_OF = re.compile(r",\s+(?:the\s+)?(?:county\s+town|administrative\s+(?:centre|center)|capital|main\s+town)\s+of\s+"
                      r"(?:the\s+)?")
_ADDRESS_AFTER_PLACE = re.compile(r"\s+(?:city|county|town|prefecture)\s+(?:of|in)\s+(?:the\s+)?(?:[A-Z][\w-]+['’]s\s+)?")


def _pairs_without_venues(text: str, names: list[ResolvedName], gazetteer: Gazetteer, prominence: dict[int, int],
                          visiting: bool = False, gathering: bool = False) -> tuple[list[tuple[int, int]], set[int]]:
    # "districts of Minsk and St. Petersburg": the cities only say where the (unnamed) districts are.
    addresses: set[int] = set()
    for index, r in enumerate(names):
        if _DISTRICTS_OF.search(text, max(0, r.start - 30), r.start) or (
                index and names[index - 1].place.place_id in addresses
                and _AND.fullmatch(text, names[index - 1].end, r.start)):
            addresses.add(r.place.place_id)
        elif index and (r.place.place_id in gazetteer.ancestors(names[index - 1].place) or (
                # "Haverfordwest, the county town of Pembrokeshire": the text says the town lies there
                r.place.kind == "region" and names[index - 1].place.kind == "city"
                and r.place.country_code == names[index - 1].place.country_code
                and _SEAT_OF.fullmatch(text, names[index - 1].end, r.start))) \
                and (_ADDRESS_AFTER_PLACE.fullmatch(text, names[index - 1].end, r.start) or _SEAT_OF.fullmatch(
                    text, names[index - 1].end, r.start)
                     # «город Вунгтау провинции Бариа-Вунгтау»: the province in the genitive, right after its town
                     or _RUSSIAN_REGION_JOIN.fullmatch(text, names[index - 1].end, r.start)
                     or text[names[index - 1].end:r.start].isspace() and _RUSSIAN_REGION_NOUN.match(r.surface)) \
                and any(other.place.place_id != r.place.place_id and other.place.kind in (r.place.kind, "city")
                        and other.place.country_code != r.place.country_code for other in names):
            # "the Mayor of Bayannur city of the Inner Mongolia Autonomous Region of China signed with the
            # Governor of Ömnögovi aimag": the region is the town's address, not a side of its own
            addresses.add(r.place.place_id)
    # "BELGRADE, Nov. 21 (Xinhua) -- A delegation from Hebei …": where the report was filed, not a side
    names = [r for r in names if r.place.place_id not in addresses and not (
        (r.start == 0 or text[r.start - 1] == "\n") and DATELINE_AFTER.match(text, r.end))]
    at_venue = [(_VENUE_BEFORE.search(text, max(0, r.start - 45), r.start) is not None
                 and not (r.place.kind in ("city", "district") and _PARTNERS_IN.search(text, max(0, r.start - 30), r.start)))
                or russian.VENUE_BEFORE.search(text, max(0, r.start - 24), r.start) is not None for r in names]
    for k in range(1, len(names)):
        # "with a change in Skopje or Sofia": the second of two places where is a where too
        if at_venue[k - 1] and not at_venue[k] and (_OR_JOIN.fullmatch(text, names[k - 1].end, names[k].start) or (
                # "at the international fairs in Madrid and Lisbon": where, both of them
                _VENUE_AND.fullmatch(text, names[k - 1].end, names[k].start)
                and _FAIRS_IN_BEFORE.search(text, max(0, names[k - 1].start - 40), names[k - 1].start))):
            at_venue[k] = True
    for k in range(len(names) - 1):
        # "a tourism exhibition in Xi'an, the capital of Shaanxi Province": the venue's region is its address
        if at_venue[k] and names[k + 1].place.place_id in gazetteer.ancestors(names[k].place) \
                and _ADDRESS_OF_VENUE.fullmatch(text, names[k].end, names[k + 1].start):
            at_venue[k + 1] = True
    # "arrived after flying via Helsinki and Vancouver": stops on the way, never a side (a venue may be one)
    # "from Moscow via Mumbai", "from Hirtshals in Denmark by way of Tórshavn": where the journey began
    stops = {k for k, r in enumerate(names) if _ROUTE_CUE_BEFORE.search(text, max(0, r.start - 30), r.start)
             or text.endswith("from ", 0, r.start) and _VIA_AFTER.match(text, r.end)}
    for k in range(1, len(names)):
        if k - 1 in stops and _LIST_JOIN_AND.fullmatch(text, names[k - 1].end, names[k].start):
            stops.add(k)
    if stops:
        route = {names[k].place.place_id for k in stops} - {r.place.place_id for k, r in enumerate(names) if k not in stops}
        if route:
            names = [r for r in names if r.place.place_id not in route]
            pairs, venues = _pairs_without_venues(text, names, gazetteer, prominence, visiting, gathering) if len(names) >= 2 \
                else ([], set())
            return pairs, venues | route
    # "The mayors of Zittau, Bogatynia and Hrádek met in Hrádek and signed": named as a side too, not only the venue
    venues = {r.place.place_id for r, venue in zip(names, at_venue) if venue} \
        - {r.place.place_id for r, venue in zip(names, at_venue) if not venue}
    others = {r.place.place_id for r in names} - venues
    side_names = [r for r in names if r.place.place_id in others]
    met = len(others) == 2 and len(side_names) >= 2 and _MET_WITH.search(text, side_names[0].end, side_names[-1].start)
    # "Young footballers from Pochinok and Kardymovo played in Mstislavl": teams that came to the host's
    # tournament are its guests, as a delegation on a visit is
    came_from = gathering and bool(side_names) and _FROM_BEFORE.search(
        text, max(0, side_names[0].start - 25), side_names[0].start) is not None and all(
        _LIST_JOIN.fullmatch(text, a.end, b.start) for a, b in pairwise(side_names))
    if (visiting or came_from) and len(venues) == 1 and len(others) >= 2 and not met:
        # "Delegations of Lviv, Košice and Nyíregyháza arrived in Rzeszów": each visits the venue
        [venue] = venues
        host = gazetteer.places[venue]
        guests = [gazetteer.places[i] for i in others]
        # "a delegation of the Gatchina district of Leningrad Region": the region only says where Gatchina is
        guests = [g for g in guests if not any(g.place_id in gazetteer.ancestors(other) for other in guests)]
        # «В Кунгур приехали делегации Бурятии и Иркутской области, гости из Эрэн-Хото»: the host and its
        # foreign guests; guests from the host's own country pair with nobody, and never with each other
        # "the Vice Governor of Hunan met in Changsha with a delegation of Chuvashia": the region that holds the
        # venue is the host's side
        holding = [g for g in guests if g.place_id in gazetteer.ancestors(host)]
        side = holding[0].place_id if holding else venue
        guests = [g for g in guests if g not in holding]
        foreign = [g for g in guests if g.country_code != host.country_code]
        # ("Lancaster in Pennsylvania": a venue that holds a guest is that guest's address, not a host)
        if host.kind != "country" and foreign and not any(venue in gazetteer.ancestors(g) for g in guests):
            return sorted((min(side, g.place_id), max(side, g.place_id)) for g in foreign), venues
    if len(venues) == 1 and len(others) == 1 and any(
            r.place.place_id in venues and _FORUM_HELD_IN_BEFORE.search(text, max(0, r.start - 140), r.start)
            for r in names):
        # "signed documents at the Forum of Regions, which is being held in Saint Petersburg": where the forum
        # met, not the side the delegation signed with
        return [], venues
    if len(venues) == 1 and len(others) == 1:
        # «торгового дома Витебской области в Куньмине» in an article on Vitebsk Oblast and Yunnan: the region
        # the venue lies in is the side, not the venue town
        [venue], [other] = venues, others
        side, town = gazetteer.places[other], gazetteer.places[venue]
        holding = [i for i in gazetteer.ancestors(town) if gazetteer.places[i].kind == side.kind == "region"
                   and prominence.get(i, 0) >= max(2, prominence.get(venue, 0) + 1)
                   and gazetteer.places[i].country_code != side.country_code]
        if holding:
            return [(min(other, holding[0]), max(other, holding[0]))], venues
    if venues and len(others) >= 2:
        names = [r for r in names if r.place.place_id in others]
    elif venues and not others:
        return [], venues  # "a change in Skopje or Sofia": only where, nobody who
    elif len(venues) >= 2 and len(others) == 1:
        # "The Biella delegation arrived in Halifax, having flown from Milan to Manchester": the journey's
        # points are no sides; the one place arrived in, if any, is the host
        journey = {r.place.place_id for r in names if r.place.place_id in venues
                   and _JOURNEY_BEFORE.search(text, max(0, r.start - 45), r.start)}
        [other] = others
        hosts = [v for v in venues - journey if gazetteer.places[v].country_code != gazetteer.places[other].country_code]
        if visiting and journey and len(hosts) == 1:
            return [(min(other, hosts[0]), max(other, hosts[0]))], venues
        return [], venues
    elif len(venues) == 1 and len(others) == 1 and any(
            r.place.place_id in others and _WITH_BEFORE.search(text, max(0, r.start - 30), r.start) for r in names):
        # «в Губе подписан меморандум о сотрудничестве с турецкой Амасьей»: the other side signed with is
        # the town where it was signed
        [venue], [other] = venues, others
        if gazetteer.places[venue].country_code != gazetteer.places[other].country_code:
            return [(min(venue, other), max(venue, other))], set()
    if len(names) >= 2 and _PARTNERS_WITH.search(text, names[0].end, names[1].start):
        # "Erlangen maintains partnerships with Eskilstuna, Rennes …", «у Находки есть города-побратимы Цуруга и
        # Отару»: the list hangs off the subject.
        return pairs_among([r.place for r in names], gazetteer, prominence, names[0].place.place_id), venues
    owner = _anaphoric_owner(text, names, gazetteer, prominence)
    if owner is not None:
        # "Skåne is the voivodeship's third partner region, after Mecklenburg-Vorpommern and Brandenburg"
        return pairs_among([owner, *(r.place for r in names if r.place.place_id != owner.place_id)], gazetteer,
                           prominence, owner.place_id), venues
    hub_index = next((i for i, r in enumerate(names) if _names_partners_of(text, r.start, r.end)), None)
    hub = names[hub_index].place.place_id if hub_index is not None else None
    # «команды городов-побратимов Андижана, Кашгара и Худжанда»: in Russian the twins listed, not their hub
    listed_twins = hub_index is not None and hub_index + 1 < len(names) and not names[
        hub_index].surface.isascii() and _LIST_JOIN_PAST_REGION.fullmatch(
        text, names[hub_index].end, names[hub_index + 1].start) is not None
    if listed_twins:
        hub = None
    from_elsewhere = {r.place.place_id for r in names if _FROM_BEFORE.search(text, max(0, r.start - 25), r.start)}
    guests = len(from_elsewhere) >= 2
    its_partners = _ITS_PARTNERS.search(text, max(0, names[0].start - 80, text.rfind("\n", 0, names[0].start),
                                                  text.rfind(". ", 0, names[0].start)), names[-1].end) if names else None
    if hub is None and its_partners is not None and names[0].end <= its_partners.start():
        # "teams from Granada and three of its twin cities, Freiburg, Aix-en-Provence and Coimbra": Granada's
        owner = [r for r in names if r.end <= its_partners.start()][-1].place
        twins = [r.place for r in names if r.place.place_id != owner.place_id]
        # ("… its twin cities Minsk and Astana, as well as a team from Naberezhnye Chelny": a guest from the
        # owner's own country is a guest, not a twin)
        abroad = [p for p in twins if p.country_code != owner.country_code]
        return pairs_among([owner, *(abroad or twins)], gazetteer, prominence, owner.place_id), venues
    if hub is None and names and prominence and (listed_twins or guests or its_partners):
        # "the city plans to invite its other twin cities, Buffalo and Klagenfurt", "a band from Skalica and a choir
        # from Krosno performed": the guests, or the twins, of the article's own town (the most named other place)
        if listed_twins:
            twins = {r.place.place_id for r in names[hub_index:]}
        else:
            twins = from_elsewhere if guests else {r.place.place_id for r in names}
        hosts = [i for i in prominence if i not in twins and gazetteer.places[i].kind != "country"]
        if hosts:
            top = max(hosts, key=prominence.get)
            # (a guest from the host's own country is a guest, not a twin: "a children's choir from Limbaži and
            # a street theatre company from Riga also took part", «а также гостевая команда из Жлобина»)
            return [pair for pair in pairs_among([gazetteer.places[top], *(
                r.place for r in names if r.place.place_id != top)], gazetteer, prominence, top)
                    if _across_border(pair, gazetteer) or not from_elsewhere & set(pair)], venues
    domestic = _domestic_signatories(text, names, gazetteer)
    if domestic:
        return [domestic], venues
    signed = _SIGNED.search(text, names[0].end, names[-1].end + 120) if hub is None and len(names) >= 3 else None
    if signed is not None:
        signatories = {r.place.place_id: r.place for r in names if r.end <= signed.start()}
        if len(signatories) >= 3 and not _WITH_BETWEEN.search(text, names[0].start, signed.start()):
            return pairs_among(list(signatories.values()), gazetteer, prominence, all_signatories=True), venues
    host = _host_of_listed_delegations(text, names, gazetteer, prominence) if visiting and hub is None else None
    if host is not None:
        # «Могилев представляла делегация во главе с председателем горисполкома, Брест – …, Баня-Луку – …», in
        # an article on Tula's city day: each delegation is the host's guest, not a partner of the others
        return sorted({(min(host.place_id, r.place.place_id), max(host.place_id, r.place.place_id)) for r in names
                       if r.place.country_code != host.country_code}), venues
    return [pair for pair in pairs_among([r.place for r in names], gazetteer, prominence, hub)
            if _across_border(pair, gazetteer) or not from_elsewhere & set(pair)], venues


def _host_of_listed_delegations(text: str, names: list[ResolvedName], gazetteer: Gazetteer,
                                prominence: dict[int, int]) -> Place | None:
    places = {r.place.place_id: r.place for r in names}
    if len(places) < 3 or len({p.kind for p in places.values()}) != 1 or not prominence:
        return None
    span = text[max(0, names[0].start - 80):names[-1].end + 40]
    if "делегаци" not in span and "delegation" not in span.lower():
        return None
    top = gazetteer.places[max(prominence, key=prominence.get)]
    kind = next(iter(places.values())).kind
    if top.place_id in places or top.kind != kind or top.country_code in {p.country_code for p in places.values()}:
        return None
    return top if prominence[top.place_id] > max(prominence.get(i, 0) for i in places) else None


# "the voivodeship's partner regions", "the city's twin towns": the partners of a place the sentence does not name
_ANAPHORIC_PARTNERS = re.compile(r"\bthe\s+(voivodeship|region|province|oblast|prefecture|county|krai|state|city|town"
                                 r"|municipality|resort|capital|port)['’]s\s+(?:\w+\s+){0,3}?(?:partner|twin|sister|friendship)", re.IGNORECASE)
_COUNTRIES_OF_NOUN = {"voivodeship": {"PL"}, "oblast": {"BY", "RU", "UA", "KZ", "KG"}, "prefecture": {"JP"},
                      "krai": {"RU"}}


def _anaphoric_owner(text: str, names: list[ResolvedName], gazetteer: Gazetteer,
                     prominence: dict[int, int]) -> Place | None:
    if not names or "'s" not in text[names[0].start - 200:names[-1].end] and "’s" not in text[names[0].start - 200:names[-1].end]:
        return None
    begin = max(0, names[0].start - 120, text.rfind("\n", 0, names[0].start), text.rfind(". ", 0, names[0].start))
    match = _ANAPHORIC_PARTNERS.search(text, begin, names[-1].end)
    if match is None:
        return None
    noun = match.group(1).lower()
    kind = "city" if noun in ("city", "town", "municipality", "resort", "capital", "port") else "region"
    countries = _COUNTRIES_OF_NOUN.get(noun)
    owners = [i for i in prominence if gazetteer.places[i].kind == kind
              and (countries is None or gazetteer.places[i].country_code in countries)]
    return gazetteer.places[max(owners, key=prominence.get)] if owners else None


# «Кроме Асахикавы, это японские Кусиро и Томакомай …», "They are Kushiro and Tomakomai", «Среди них …»
_LIST_OF_TWINS_START = re.compile(r"^(?:Кроме\s+[^,]{1,40},\s+)?(?:это|среди\s+них|в\s+их\s+числе|они\s*[—–-])\s"
                                  r"|^(?:They|These)\s+(?:are|include)\b|^(?:Among\s+them|The\s+others\s+(?:are|include)"
                                  r"|Others\s+include)\b")


def _twins_listed_after(text: str, number: int, bounds, by_sentence: list[list[ResolvedName]], sentence: str,
                        gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The pairs of a list of twin towns that goes on from the sentence before ("Yuzhno-Sakhalinsk has six twin
    towns. They are …"): each listed town with the one place that sentence names."""
    if number == 0 or not _LIST_OF_TWINS_START.match(sentence):
        return []
    start, end = bounds[number - 1]
    before = text[start:end]
    if not (_RELATION.search(before) or russian.RELATION.search(before)):
        return []
    hubs = {r.place.place_id: r.place for r in by_sentence[number - 1] if r.place.kind != "country"}
    if len(hubs) != 1:
        # "Alba is Telavi's sixth sister city. The others include …": the town whose twins they are
        owners = {r.place.place_id: r.place for r in by_sentence[number - 1]
                  if r.place.kind != "country" and _OWNS_TWIN.match(text, r.end)}
        if len(owners) != 1:
            return []
        hubs = owners
    [hub] = hubs.values()
    listed = {r.place.place_id: r.place for r in by_sentence[number] if r.place.kind != "country"}
    addresses = {i for p in listed.values() for i in gazetteer.ancestors(p)}  # "Bardstown in … Kentucky"
    listed = {i: p for i, p in listed.items() if i not in addresses}
    if len(listed) < 2:
        return []
    return sorted((min(hub.place_id, p.place_id), max(hub.place_id, p.place_id)) for p in listed.values()
                  if p.country_code != hub.country_code and not _related(p, hub, gazetteer))


_OWNS_TWIN = re.compile(r"['’]s\s+(?:\w+\s+){0,2}?(?:partner|twin|sister|friendship)[\s-](?:city|town|cities|towns)\b")
# "The mayors of Zittau, Bogatynia and Hrádek signed": the places named before the verb are all signatories
_SIGNED = re.compile(r"\b(?:signed|подписали)\b", re.IGNORECASE)
# "The Lord Mayor of Weiden and the Mayor of Annaberg-Buchholz sign the charter", «Орел и Орск подписали соглашение»
_SIGNATORIES_JOIN = re.compile(r"\s+(?:and|и)\s+(?:the\s+)?(?:(?:Lord\s+)?[Mm]ayor\s+of\s+|[Hh]ead\s+of\s+)?")
_SIGN_RIGHT_AFTER = re.compile(r"[\s,]+(?:have\s+|had\s+)?(?:sign(?:ed|s)?|подписал[иа]?|заключили|became\s+(?:twin|sister)"
                               r"|стали\s+(?:город\w*-)?побратим)", re.IGNORECASE)


def _domestic_signatories(text: str, names: list[ResolvedName], gazetteer: Gazetteer) -> tuple[int, int] | None:
    """Two towns of one country that sign together, named side by side as the subject: twinning within a
    country is rare, but then the sentence says so in so many words."""
    towns = [r for r in names if r.place.kind == "city"]
    if len(towns) != 2 or len({r.place.place_id for r in towns}) != 2:
        return None
    first, second = towns
    if first.place.country_code != second.place.country_code or _related(first.place, second.place, gazetteer) \
            or not _SIGNATORIES_JOIN.fullmatch(text, first.end, second.start) \
            or not _SIGN_RIGHT_AFTER.match(text, second.end):
        return None
    rest = text[second.end:second.end + 120].split(".")[0]
    if _WITH_BETWEEN.search(rest):
        return None  # "Grodno and Lida signed agreements with Polish towns": one side, partners unnamed
    return (min(first.place.place_id, second.place.place_id), max(first.place.place_id, second.place.place_id))
_WITH_BETWEEN = re.compile(r"\bwith\b|\s[сС]о?\s", re.IGNORECASE)
_OR_JOIN = re.compile(r"\s+(?:or|или)\s+")
_LIST_JOIN = re.compile(r"\s*(?:,|и|and|&)\s*")
# «городов-побратимов Невеля Псковской области и Ржева»: each twin may carry its region
_LIST_JOIN_PAST_REGION = re.compile(r"(?:\s+[А-ЯЁ][а-яё-]+(?:ой|ей|ого)\s+(?:области|края|республики|округа))?"
                                    r"\s*(?:,|и|and|&)\s*")
_ARRIVAL_WORDS = (" in ", " to ", " в ", " во ", " In ", " To ", " В ", " Во ")
_ARRIVED_IN = re.compile(r"\b(?:arrived|came|travell?ed|welcomed\s+\w+|hosted\s+\w+|прибыл\w*|приехал\w*)\s+"
                         r"(?:\w+\s+){0,3}?(?:in|to|в|во)\s+$", re.IGNORECASE)
# "a brass band from Skalica", «команда из Андижана»: a guest from that town
_FROM_BEFORE = re.compile(r"\b(?:from|из|из\s+города)\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$", re.IGNORECASE)
_ITS_PARTNERS = re.compile(r"\b(?:its|their|our)\s+(?:other\s+)?(?:partner|twin|sister|friendship)[\s-](?:cities|towns)\b"
                           # "Mayor visits sister cities Nancy and Ghent": the twins of the article's own town
                           r"|(?-i:\b[Ss]ister\s+cities\s+(?=[A-Z]))"
                           r"|\bсвои\w*\s+(?:других\s+)?(?:побратим|город\w*-побратим|партн[её]р)\w*"
                           # «делегации трех городов-побратимов – российских Кашина и Алексина и армянского Арташата»
                           r"|\bделегаци\w*\s+(?:\w+\s+)?(?:город\w*-побратим\w*|побратим\w*)\s*[–—:-]"
                           r"|\bdelegations\s+(?:of|from)\s+(?:\w+\s+)?(?:twin|sister|partner)\s+(?:towns|cities)\s*[:–—-]",
                           re.IGNORECASE)
_PARTNERS_WITH = re.compile(r"\b(?:partnerships?|ties|relations|contacts|twinned|partners|agreements?|memorand\w+)"
                            r"\s+with\b|\bпобратим\w*\s+с\b|\b(?:связи|отношения|соглашени\w+)\s+с\b"
                            # «у Находки есть города-побратимы Цуруга и Отару»
                            r"|\bесть\s+(?:\w+\s+)?(?:город\w*-)?(?:побратим|партн[её]р)\w*", re.IGNORECASE)


def _names_partners_of(text: str, start: int, end: int | None = None) -> bool:
    before = text[max(0, start - 40):start]
    if end is not None and _PARTNERS_OF_POSSESSIVE.match(text, end):
        return True  # "Lviv is one of Freiburg's twin towns together with Besançon, Innsbruck …"
    return (" of " in before or "побратим" in before or "партн" in before) and _PARTNERS_OF.search(before) is not None


# "Freiburg's twin towns", "Erlangen's partner and friendship towns"
_PARTNERS_OF_POSSESSIVE = re.compile(r"['’]s\s+(?:\w+\s+)?(?:(?:partner|twin|sister|friendship)\s+(?:and|or)\s+)?"
                                     r"(?:partner|twin|sister|friendship)[\s-](?:cities|towns)\b",
                                     re.IGNORECASE)


# "one of the partner cities of Freiburg", «один из городов-побратимов Минска»: the named city is the hub
# of the list around it.
_PARTNERS_OF = re.compile(r"(?<!\bour\s)(?<!\bits\s)(?<!\btheir\s)\b(?:partner|twin|sister|friendship)[\s-](?:cities|towns)"
                          r"\s+of\s+(?:the\s+)?$"
                          r"|\bгород\w*-(?:побратим|партн[её]р)\w*\s+$"
                          # the twins («побратимов Минска»), not the twinning («о побратимстве Ростова и Гомеля»)
                          r"|\bпобратим(?:а|у|ом|е|ы|ов|ам|ами|ах)?\s+$", re.IGNORECASE)


def _at_venue(pair: tuple[int, int], venues: set[int], main_pair: tuple[int, int] | None) -> tuple[int, int] | None:
    """"Signed in Minsk by ... the vice mayor of Chongqing": the venue is where, the main pair is who."""
    if main_pair is None or pair == main_pair:
        return None
    for venue, other in (pair, pair[::-1]):
        if venue in venues and venue not in main_pair and other in main_pair:
            return main_pair
    return None


_TWINNED_WITH = re.compile(r",?\s+(?:is\s+|has\s+been\s+|have\s+been\s+)?(?:twinned|partnered)\s+with\s+(?:the\s+)?"
                           r"|,?\s+(?:побратим\w*|партн[её]р\w*)\s+")


def _to_the_hub(pairs: list[tuple[int, int]], spokes_of: dict[int, dict[int, int]], number: int, text: str,
                names: list[ResolvedName]) -> list[tuple[int, int]]:
    """Two of a town's guests named in one sentence later on («делегацию Габрово возглавил заместитель кмета, Гориса
    – мэр») are each the town's guest, not partners of one another, unless named as a couple that signs."""
    mapped: set[tuple[int, int]] = set()
    for pair in pairs:
        hub = next((h for h, spokes in spokes_of.items() if all(spokes.get(i, number) < number for i in pair)), None)
        if hub is None or _named_together(text, names, pair) or any(
                {a.place.place_id, b.place.place_id} == set(pair) and _TWINNED_WITH.fullmatch(text, a.end, b.start)
                for a, b in pairwise(names)):
            mapped.add(pair)  # ("Plymouth, twinned with Brest since the 1960s": a tie stated between the two)
        else:
            mapped.update((min(hub, i), max(hub, i)) for i in pair)
    return sorted(mapped)


def _across_border(pair: tuple[int, int], gazetteer: Gazetteer) -> bool:
    first, second = (gazetteer.places[i] for i in pair)
    return first.country_code != second.country_code


def _inside_or_same(place: Place, main_pair: tuple[int, int], gazetteer: Gazetteer) -> bool:
    return place.place_id in main_pair or any(i in main_pair for i in gazetteer.ancestors(place))


_ADJECTIVE_DELEGATION = re.compile(r"\b([A-Za-zА-ЯЁа-яё]+)\s+(?:delegation|guests|делегаци\w*|гост(?:и|ей)\b)")
# The speaker's own town: «Мы давно сотрудничаем с …», "We have been partners with …"
_WE = re.compile(r"^[«\"“„]?\s*(?:Мы|We)\b")
# "we signed our first twinning agreement, with Biała Podlaska", "Among our closest partners in Russia are Tula"
_OUR_PARTNERS = re.compile(r"\bour\s+(?:\w+\s+){0,2}(?:partners?|twin|twinning|sister|friends)\b"
                           r"|\bнаш\w*\s+(?:\w+\s+){0,2}(?:партн[её]р|побратим|друз)\w*", re.IGNORECASE)
_DELEGATION_AFTER = re.compile(r"\s+(?:delegation|guests)\b|\s+делегаци")
_DELEGATION_BEFORE = re.compile(r"\b(?:delegation|guests|visitors)\s+(?:of|from)\s+(?:the\s+)?(?:city\s+of\s+)?$"
                                r"|\bделегаци\w*\s+(?:города\s+|из\s+)?(?:[а-яё]+(?:ого|ой|их|ых)\s+)?$", re.IGNORECASE)
# "On Friday the delegation met …", «Делегация также встретилась …»: the guests are the subject
_GUESTS_SUBJECT = re.compile(r"^(?:[\w\s,]{0,30}?\s)?(?:the|our)?\s*(?:delegation|guests|visitors)\b"
                             r"|^(?:[\w\s,]{0,30}?\s)?(?:[Дд]елегаци\w*|[Гг]ост(?:и|ей|ям|ями|ях))\b")
_OFFICIAL_OF_PLACE = re.compile(r"\b(?:minister|governor|mayor|premier|head|chairman|chairwoman|president|leadership"
                                r"|government|cabinet)\b[^.;]{0,40}?\bof\s+(?:the\s+)?$"
                                r"|\b(?:министр|губернатор|мэр|глав|председател|руководств|правительств|кабинет)\w*"
                                r"[^.;]{0,50}?\s$", re.IGNORECASE)


def _towards(pair: tuple[int, int], main_pair: tuple[int, int] | None, gazetteer: Gazetteer,
             signatories: bool = False, standing: bool = False) -> tuple[int, int]:
    """Read a pair's sides as the article's main sides where they stand for them.

    A city inside a region that signs ("Mogilev" in an article on Mogilev Region and Tatarstan) stands
    for the region; a city whose district signs ("the Minsk delegation" when Frunzensky District signs)
    stands for the district. A district named as a side of its own stays itself, and so do two cities
    that sign with each other (``signatories``): "Lida and Gatchina concluded a memorandum", and two cities
    said to be partners of long standing (``standing``) in an article on their districts.
    """
    if main_pair is None or pair == main_pair:
        return pair
    sides, raised, lowered = [], 0, 0
    for member in pair:
        place = gazetteer.places.get(member)
        replaced = member
        if place is not None and member not in main_pair:
            for main_member in main_pair:
                main_place = gazetteer.places.get(main_member)
                if main_place is None or place.kind != "city":
                    continue
                if main_place.kind == "region" and main_member in gazetteer.ancestors(place):
                    replaced = main_member
                    raised += 1
                elif main_place.kind == "district" and main_place.parent_id == member and _faces_main_pair(
                        next(m for m in pair if m != member), main_pair, gazetteer, place):
                    # (a city meeting a third town is the city: "the Mayor of Ulaanbaatar met the Mayor of Ulan-Ude")
                    replaced = main_member
                    lowered += 1
        sides.append(replaced)
    a, b = sides
    if a == b or (signatories and (raised == 2 or raised and _peers(pair, gazetteer))) or (standing and lowered == 2):
        return pair
    if raised == 1 and not lowered and not any(
            member in main_pair or gazetteer.places.get(member) is None or gazetteer.places[member].kind != "city"
            for member, side in zip(pair, sides) if member == side):
        # "the mayor of Heihe held talks with the head of Blagoveshchensk" in an article on Heilongjiang and
        # Khabarovsk Krai: two towns of their own, not Heilongjiang and a town
        return pair
    return (min(a, b), max(a, b))


def _faces_main_pair(other: int, main_pair: tuple[int, int], gazetteer: Gazetteer, city: Place) -> bool:
    """Whether ``other``, paired with ``city``, is a side of the main pair or a city of one (a region is not:
    «Брестская делегация … в Свердловской области» is Brest's, not its district's)."""
    place = gazetteer.places.get(other)
    return other in main_pair or place is not None and place.kind == city.kind and any(
        gazetteer.places[m].parent_id == other for m in main_pair if m in gazetteer.places)


def _named_together(text: str, names: list[ResolvedName], pair: tuple[int, int]) -> bool:
    """«Ереван и Санкт-Петербург поддерживают побратимские связи»: the pair's two places side by side."""
    return any({a.place.place_id, b.place.place_id} == set(pair) and _LIST_JOIN.fullmatch(text, a.end, b.start)
               for a, b in pairwise(names))


def _peers(pair: tuple[int, int], gazetteer: Gazetteer) -> bool:
    """"Бобруйск и Коломна подписали соглашение": two towns that sign with each other are the signatories."""
    first, second = (gazetteer.places.get(member) for member in pair)
    # ("Zhodino and Kolpinsky District of Saint Petersburg sign agreement": a town and a city's district too)
    return first is not None and second is not None and {first.kind, second.kind} <= {"city", "district"}


def _unresolved(text: str, unknown: list[tuple[str, int]], bounds: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """Each unknown name once, with the sentence it is first named in."""
    found: dict[str, str] = {}
    for name, at in unknown:
        if name not in found:
            found[name] = next((text[s:e].strip() for s, e in bounds if s <= at < e), "")
    return list(found.items())


def _location(sentence: str, local: list[Place]) -> int | None:
    """Where it happened: the place right after "in" ("Minsk Days in Kazan", "in Russia's Kazan")."""
    for place in local:
        name = place.name.split(",")[0]
        at = sentence.find(name)
        if at > 0 and _IN_BEFORE.search(sentence, max(0, at - 30), at):
            return place.place_id
    return None


_IN_BEFORE = re.compile(r"\bin\s+(?:\w+['’]s\s+|the\s+(?:city|town)\s+of\s+|the\s+)?$")
