"""Names that are never persons, by what they are and by how the text uses them.

``persons.rejection`` judges a name on its own; these rules also read the text around it:
- an outlet (the Source registry, plus the reviewed ``data/news_outlets.txt``), or a company,
  party or NGO of the reviewed ``data/organisations.txt``;
- a place: a town or region of ``places.place_names`` written as a whole name ("Chasov Yar",
  "Pointe-Noire"), accents aside;
  a one-word name the article writes as a place anywhere: after "north of", "residents of" …
  (any word), as "the NAME crossing", or, for a known town, after a word of place ("from
  Vicenza", "near Clinton", "in Oaxaca and Chiapas"); a hyphenated word written only after one;
- a name after a lower-case head noun saying what it is ("rights group …", "ethnic …"), or
  anywhere before one saying it is a company or a party ("… drivers", "… leader Ana Lima");
- a member of a list whose head noun says what it is ("cities like Chasov Yar", "companies such
  as Ukrnafta and Energoatom");
- an organisation glossed by its translation ("Sotsialnyi Rukh or “Social Movement”");
- a lone word after "the" ("the Elysée", "the Sabbath", "the Moon"): persons take no article;
- a word of a Title Case heading line that the article never uses elsewhere ("Keys to Decode");
- a plural in a list of plurals ("the Bidens, Starmers, Macrons, and Von der Leyens");
- an English common word the article capitalises only where a sentence starts ("Mudslides
  buried …", ``lexicon``).
"""

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from articles.ingest.entities import lexicon
from articles.ingest.entities.gazetteer import is_given_name
from articles.ingest.entities.names import (
    INTRODUCED_BEFORE,
    PERSON_VERBS,
    TITLE_BEFORE,
    has_org_word,
    is_doer_noun,
    is_role_noun,
    strip_leading_roles,
    strip_leading_titles,
)
from articles.ingest.entities.places import (
    is_country_name,
    is_known_place,
    is_region,
    is_subdivision,
)
from articles.ingest.entities.spans import Span, at_word_boundaries, opens_sentence
from articles.normalise import name_key

OUTLETS_FILE = Path(__file__).with_name("data") / "news_outlets.txt"
ORGANISATIONS_FILE = Path(__file__).with_name("data") / "organisations.txt"
# A preposition of place, then the place, or the last of a list of places ("in Oaxaca and ").
_LOCATIVE_BEFORE = re.compile(
    r"\b(?i:in|near|outside|from|into|across|around|towards?|via|at|above|below|beyond)\s+"
    r"(?:[A-Z][\w’'-]*+,?\s+){0,4}?(?:(?:and|or)\s+)?$"
)
# A preposition of place right before a word ("to Saint-Louis-du-Nord", "near Kfar-Aza").
_PREPOSITION_BEFORE = re.compile(
    r"\b(?i:in|near|outside|from|into|across|around|towards?|via|at|to)\s+$"
)
# Words that make what follows "of" a place, whatever the place ("north of Grindavík",
# "residents of Paiporta", "the town of Mirebalais").
_PLACE_OF_BEFORE = re.compile(
    r"\b(?i:towns?|city|cities|villages?|regions?|provinces?|districts?|port|capital|oblast"
    r"|county|counties|state|parish(?:es)?|municipality|prefecture|governorate|canton"
    r"|north|south|east|west|northeast|northwest|southeast|southwest|outskirts|suburbs?"
    r"|residents|inhabitants|mayor|streets|evacuation|hills|foothills|slopes|valley|plains"
    r"|shores|banks|coast|island|islands|desert)\s+of\s+"
    r"(?:[A-Z][\w’'-]*+,?\s+){0,3}?(?:(?:and|or)\s+)?$"  # "residents of Soweto and Alexandra"
)
# "the Medyka crossing", "the Zaatari camp": a one-word name used to name a kind of place.
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:crossing|checkpoint|camp|airport|port|region|province|district|valley|mine|dam"
    r"|refinery|plant|peninsula|coast|island|strait|canal|shoal|reef|glacier|basin|oblast)\b"
)
# A lower-case noun saying what the names after it are: "rights group Amnesty Kenya", "the news
# sites Batumelebi and Netgazeti", "the carmaker Stellantis".
_ORGANISATION_NOUNS = (
    r"\b(?:group|groups|party|parties|company|companies|firm|firms|union|unions|network"
    r"|outlet|outlets|newspaper|newspapers|paper|magazine|channel|broadcaster|website|websites"
    r"|site|sites|portal|agency|platform|app|charity|organi[sz]ation|movement|militia|brand"
    r"|label|studio|boutique|restaurant|hotel|utility|utilities|contractor|contractors|developer"
    r"|station|stations"
    r"|conglomerate|shipyard|tanker|ship|vessel|ferry|frigate|freighter|boat|yacht|icebreaker"
    r"|bakery|cafe"
    r"|café|bar|shop|stall|eatery"
    r"|airline|bank|lender|carrier|giant|startup|retailer|carmaker|manufacturer|operator"
    r"|insurer|chain|band|club|ethnic|tribe|service|alliance|regulator|team|teams|side"
    r"|(?:drug|car|auto|chip|plane|steel|phone)makers?|miners?|producers?|exporters?|refiners?"
    r"|lenders|insurers|airlines|operators)"
)
_ORGANISATION_HEAD = re.compile(
    _ORGANISATION_NOUNS
    # "the main opposition party, Chadema": the name in apposition after a comma ("his boat,
    # the Miss Patsy")
    # … on the same line: a heading's last noun heads nothing in the body ("… rugby league
    # team\nPrime Minister James Marape")
    + r",?[^\S\n]+(?:the[^\S\n]+)?(?:(?:[A-Z][\w’'-]*+|[A-Z][a-z]{0,2}\.),?[^\S\n]+"
    r"(?:(?:and|or)[^\S\n]+)?){0,4}$"
)
# The noun right before the name, no comma between ("the girl group Lumina"): what the name is.
_ORGANISATION_NOUN_BEFORE = re.compile(_ORGANISATION_NOUNS + r"[^\S\n]+$")
# A lower-case noun after a name that makes it a company or a party: its customers, staff or
# members ("Zorba drivers", "the Zorba app", "Verde lawmakers"), or a role in it then a person's
# name ("Partido leader Ana Lima"). No word that is also a verb in the third person ("shares",
# "stores"), and nothing persons have too: aides, allies, spokesmen, voters, supporters, a
# government or a coalition ("Putin spokesman Dmitry Peskov", "Trump voters").
# "Dubrovnik's mayor", "Lagos's streets": what only a place has.
_PLACE_POSSESSIVE_AFTER = re.compile(
    r"[’']s\s+(?:mayor|city council|old town|streets|residents|inhabitants|harbou?r|port"
    r"|airport|municipality|outskirts|suburbs)\b"
)
_ORGANISATION_AFTER = re.compile(
    r"(?:[’']s\s+(?:factory|factories|headquarters|subsidiary|shares|shareholders|fleet"
    r"|employees|customers|plant|assembly line|founder|co-founder|founders|chief executive|CEO"
    r"|investors|revenue|profits|valuation|board of directors)\b)"
    r"|\s+(?:(?:drivers|riders|passengers|customers|users|subscribers|shareholders|employees"
    r"|app|platform|headquarters|subsidiary|factory|factories|fleet|stock|party|lawmakers"
    r"|legislators|MPs|deputies|members)\b"
    r"|(?:(?:deputy|former|new|interim)\s+)?(?:leader|boss|chief|chairman|chairwoman|founder"
    r"|co-founder|chief executive|CEO|teammates?|team-mates?|driver)\s+[A-Z])"
)
_LIST_HEAD = re.compile(
    r"\b(?i:cities|towns|villages|regions|provinces|places|areas|countries|companies|firms"
    r"|corporations|outlets|newspapers|papers|magazines|channels|media|groups|organi[sz]ations"
    r"|parties|movements|unions|banks|brands|bands|ships|vessels|websites|sites|platforms)"
    r"\s+(?i:like|such as|including)\s+(?:[A-Z][\w’'-]*+[ ,]*(?:and |or )?)*$"
)
# "Gavi, the vaccine alliance, said": the name, then what it is in apposition.
_ORGANISATION_APPOSITION_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?P<words>(?:[A-Za-z-]+\s+){0,3})(?:alliance|agency|group|company|firm|party"
    r"|union|charity|organi[sz]ation|movement|militia|network|coalition|club|team|bank|lender"
    r"|insurer|airline|carrier|broadcaster|newspaper|regulator|operator|producer|maker"
    r"|manufacturer|developer|consortium|foundation|institute|fund|orchestra|choir|ensemble"
    r"|troupe|quartet|band|label|studio|school|academy|hospital|museum|festival|village|town"
    r"|city|district|neighbou?rhood|island|region|province|holiday|feast|[Cc]hristmas|ceremony"
    r"|celebration|pilgrimage|ritual|model|app|chatbot|drug|vaccine|game)(?=[\s,.;:)])"
    # "Riad Salameh, the former central bank governor": the noun only qualifies a role
    r"(?!\s+(?:governor|chief|head|boss|director|president|chairman|chairwoman|chair|member"
    r"|official|spokesman|spokeswoman|spokesperson|leader|executive|founder|owner|manager"
    r"|economist|analyst|employee|worker|lawyer|adviser|advisor|secretary|minister|elder"
    r"|mayor|doctor|nurse|teacher|resident|priest|imam|conductor|singer|musician)s?\b)"
)
# Animals the news names, before the name ("a grey stallion called Khar Salkhi", "the panda
# Xin Xin") or in apposition after it ("Moti, a camel").
_ANIMALS = (
    r"(?:horse|stallion|mare|colt|filly|gelding|pony|racehorse|camel|dog|puppy|cat|kitten|bull"
    r"|cow|ox|elephant|tiger|tigress|lion|lioness|bear|panda|gorilla|chimpanzee|orangutan|whale"
    r"|orca|dolphin|parrot|eagle|falcon|hawk|owl|penguin|giraffe|rhino|hippo|crocodile|goat"
    r"|sheep|pig|donkey|mule|reindeer|yak|mascot)"
)
_ANIMAL_WORD = re.compile(rf"\b{_ANIMALS}s?\b")
_ANIMAL_BEFORE = re.compile(
    rf"\b{_ANIMALS}s?,?\s+(?:(?:\w+\s+)?(?:called|named|nicknamed)\s+)?[“\"‘']?$"
)
# The animal noun ends its phrase: "a bull rider", "a horse trainer" are persons.
_ANIMAL_AFTER = re.compile(
    rf",\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?{_ANIMALS}"
    r"(?=\s*[,.;:)]|\s+(?:that|which|who|whose|born|from|in|at|with)\b)"
)
# A storm's name: "Hurricane Melissa", "Typhoon Kalmaegi, known locally as Tino".
_STORM_BEFORE = re.compile(
    r"\b(?:Hurricane|Typhoon|Cyclone|Storm|Tropical Storm|Tropical Depression)\s+$"
    r"|\b(?:Hurricane|Typhoon|Cyclone|Storm)\s+[A-Z]\w+,?\s+(?:known|named|called)\s+"
    r"(?:locally\s+)?as\s+$"
)
_STORM_WORD = re.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Storm|Tropical)\b")
_GLOSS_AFTER = re.compile(r"^\s*(?:\(|,?\s+or\s+)[“\"‘']?(?P<gloss>[A-Z][^”\")]{1,60})")
_THE_BEFORE = re.compile(r"\bthe\s+[“\"‘']?$", re.IGNORECASE)
_QUOTES = "\"“‘'"
_QUOTE_CLOSES = re.compile(r"[,.!?]?[\"”’']")
# A work of fiction the article is about, and a cue of plot or casting in the clause before a
# name: the name is a character's.
_WORK_NOUN = re.compile(
    r"\b(?:film|movie|novel|drama|sitcom|telenovela|series|opera|musical|play|comic|tragedy"
    r"|comedy|ballet|production|staging|(?:video|action|computer|mobile) game)\b"
)
_STORY_PERSON = r"(?:boy|girl|man|woman|widow|widower|orphan|teenager|child|stranger|old man)"
_STORY_KIN = (
    r"(?:wife|husband|son|daughter|mother|father|brother|sister|grandmother|grandfather"
    r"|lover|landlord|landlady|neighbou?r|friend|rival|boss)"
)
_CHARACTER_CUE_WORDS = (
    r"\b(?:follows|followed|about an?|plays|played|playing|portrays|portrayed|character"
    r"|heroine|hero|protagonist|narrator|stars as|starring as|villain|villainess|villainous"
    r"|returns as"
    r"|cast as|title role|in love with)\b"
)
_CHARACTER_CUE_WORD = re.compile(_CHARACTER_CUE_WORDS)
# The cue, not before a pronoun ("plays him"), in the clause that ends at the name, with no
# "by" between (the actor: "the villain is played by actor Ali Er").
_CHARACTER_CUE = re.compile(
    rf"{_CHARACTER_CUE_WORDS}(?! (?:him|her|them)\b)(?:(?!, and\b| by\b)[^.;!?\n]){{0,40}}$"
)
_CHARACTER_CUE_CHARS = 80
# What a character's name is followed by: who plays it, or what the story makes of it ("the
# villain, Kemal Bey, is played by", "with Jason as a shipowner").
_CHARACTER_CUE_AFTER = re.compile(
    r",?\s+(?:(?:is|was)\s+played\s+by|as\s+(?:a|an)\s)"
    # "Uncle Bartholomew, the mill's fixer, is the best comic villain"
    r"|(?:,[^,.;]{1,40},)?\s+(?:is|was)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:villain|hero|heroine|character|protagonist|narrator)\b"
)
# How a story introduces its people by first name alone, in apposition: "Arthur, a boy born in
# a London slum", "a Yazidi girl, Narin", "his late wife, Folake" (news gives full names).
_STORY_PERSON_AFTER = re.compile(rf",\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?{_STORY_PERSON}\b")
_STORY_PERSON_BEFORE = re.compile(
    rf"\b(?:(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?{_STORY_PERSON}"
    rf"|(?:his|her|their)\s+(?:[\w-]+\s+)?{_STORY_KIN}),\s+$"
)
# Articles that open the names of prisons, hotels and other places ("La Santé prison").
_NAME_ARTICLES = frozenset({"La", "Le", "Les", "El", "Los", "Las", "Il", "Al"})
# Lower-case nouns, then what a business is: "the Agrofert chemicals and food group".
_GROUP_AFTER = re.compile(
    r"\s+(?:[a-z]+,?\s+(?:and\s+)?){1,3}(?:group|conglomerate|empire|holding|chain)\b"
)
# In an apposition, what a person is at or of ("an internist at the hospital").
_APPOSITION_PREPOSITIONS = frozenset({"at", "of", "for", "in", "from", "with", "on"})
# What follows a thing or an organisation, never a person.
_WHICH_AFTER = re.compile(r",\s+which\b")
# "a clearing agent from ": a person's noun, then "from" and the place.
_DOER_FROM_BEFORE = re.compile(r"\b([a-z]+)\s+from\s+$")
# A lower-case noun, maybe a comma, then "called" or "named" right before the name.
_CALLED_BEFORE = re.compile(
    r"\b(?P<noun>[a-z]+)(?P<comma>,?)\s+(?P<verb>called|named|dubbed)\s+[“\"‘']?$"
)
# Where a character comes from: "Luffy from the Japanese manga “One Piece”".
_FROM_A_WORK_AFTER = re.compile(
    r"\s+from\s+the\s+(?:[A-Z]?[a-z-]+\s+){0,2}(?:manga|anime|cartoon|comic|comics"
    r"|novel|novels|film|films|movie|sitcom|series|video game|game|fairy tale|musical|opera"
    r"|franchise|saga)\b"
)
# A role named right before the name in a story: "returns as detective Andri Ólafsson".
_AS_ROLE_BEFORE = re.compile(r"(?<!such )(?<!well )(?<!known )\bas\s+(?:the\s+)?[a-z-]+\s+$")
# Punctuation or a function word after a name: nothing it qualifies ("the Golden Bear at").
STANDS_ALONE_AFTER = re.compile(
    r"[’'\"”]?(?:\s*(?:[,.;:!?)]|$)|\s+(?:by|of|in|on|at|and|or|is|was|to|from|with|for|has|had)\b)"
)
# "the Sheikh Radwan district": "the", maybe other capitalised words of the name, then the span.
_THE_NAME_BEFORE = re.compile(r"\b(?i:the)\s+[“\"‘']?(?:[A-Z][\w’'-]*\s+){0,3}$")
# A lower-case noun of geography right after a name makes it a place's: "Cambodia's Tonle Sap
# lake", "the Moei river", "Kayin state" is left out (a "state visit" follows persons too).
_GEO_NOUN_AFTER = re.compile(
    r"\s+(?:lake|river|valley|province|district|region|delta|basin|peninsula|islands?"
    r"|archipelago|mountains|desert|plateau|gulf|bay|strait|glacier|oblast|governorate"
    r"|prefecture|county|municipality|township|canyon|lagoon|reservoir|wetlands|national park"
    r"|street|avenue|road|square|boulevard|crossing|border crossing|checkpoint|campus"
    r"|(?:industrial |economic |free )?zone|wharf|pier|quay|terminal|gas field|oil field)\b"
)
# A preposition that puts what follows in a place ("a police station in Mae Sot"); not "from",
# "to" or "at", which persons follow as often ("a call from", "spoke to", "angry at").
_IN_PLACE_BEFORE = re.compile(
    r"\b(?i:in|near|outside|inside|across|around|into|towards?|via|above|below|beyond)\s+$"
)
# "the town's old ": a place's possessive, maybe one lower-case word, right before a name.
_PLACES_OWN_BEFORE = re.compile(
    r"\b(?:town|city|village|island|region|district|province|capital)[’']s\s+"
    r"(?:(?P<word>[a-z]+)\s+)?$"
)
# The same with a place's first words between ("in Nor Lípez"): the model cut its name.
_IN_PLACE_WORDS_BEFORE = re.compile(
    r"\b(?i:in|near|outside|inside|across|around|into|towards?|via)\s+"
    r"(?P<words>(?:[A-Z][\w’'-]* ){1,2})$"
)
# "the Antonio Guiteras power plant", "the Sheikh Radwan district": a place or thing named after
# a person (not "the Trump administration" or "the Biden camp": those speak of the person).
_THING_AFTER = re.compile(
    r"\s+(?:power\s+)?(?:plant|station|airport|district|neighbou?rhood|stadium|arena|bridge"
    r"|hospital|university|school|college|street|avenue|boulevard|square|dam|mine|refinery|port"
    r"|harbou?r|prize|award|cup|trophy|foundation|institute|centre|center|museum|library"
    r"|observatory|highway|motorway|expressway|crossing|checkpoint|suburb|township|settlement"
    r"|estate|building|tower|hall|park|memorial|monument|mausoleum|mosque|church|cathedral"
    r"|temple|shrine|terminal|canal|tunnel|barracks|prison|jail|field|oilfield|gas field"
    r"|conservatory|academy|seminary|monastery|clinic|market|bakery|restaurant|locks?|docks?"
    r"|quarter|springs|caves?|gardens|pass|falls|lighthouse|fortress|castle|palace)\b"
)
_PLURAL_LIST_BEFORE = re.compile(r"(?:\b[A-Z][\w’'-]*s,\s+)+(?:and\s+)?$")
_PLURAL_LIST_AFTER = re.compile(r"^,\s+(?:and\s+)?[A-Z][\w’'-]*s\b")
# A verb of saying right after a word: its subject speaks.
_SAYS_AFTER = re.compile(rf"\s+(?:{PERSON_VERBS})\b")
# A verb of speech only: companies announce and visit too.
_SPEAKS_AFTER = re.compile(r",?\s+(?:said|says|told|added)\b")
# Shorter words are as often surnames ("Xi", "Lee") as common words.
_MIN_COMMON_WORD = 4
# How far back the context rules read: enough for a list head and a few items.
_BEFORE_CHARS = 80
_AFTER_CHARS = 70
# The place cues right before a name ("inhabitants of ", "the “") are shorter than this.
_CUE_CHARS = 20
# A heading line has at most this many words and most of them capitalised.
_HEADING_WORDS = 14
_HEADING_CAPITALISED = 0.6


@cache
def reviewed_outlets() -> tuple[str, ...]:
    """The reviewed list of news outlets (``data/news_outlets.txt``)."""
    lines = OUTLETS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def reviewed_organisations() -> frozenset[str]:
    """Name keys of the reviewed companies, parties and NGOs (``data/organisations.txt``)."""
    lines = ORGANISATIONS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(line) for line in lines if line.strip() and line[0] != "#")


def outlet_keys(outlets: Iterable[str]) -> frozenset[str]:
    """Name keys of outlets with and without a leading "The" ("The Guardian", "Guardian")."""
    keys = set()
    for outlet in (*reviewed_outlets(), *outlets):
        keys.add(name_key(outlet))
        keys.add(name_key(re.sub(r"^the\s+", "", outlet, flags=re.IGNORECASE)))
    keys.discard("")
    return frozenset(keys)


def lexicon_reason(name: str, outlets: frozenset[str]) -> str | None:
    """Why a name alone is no person's: an outlet, or a town or region of two or more words."""
    if name_key(name) in outlets:
        return "news outlet"
    if name_key(name) in reviewed_organisations():
        return "organisation"
    # A hyphen joins a name's parts as a space does ("Cap-Haïtien", "Baden-Württemberg").
    first, *rest = re.split(r"[\s-]+", name)
    if " " in name and name_key(name.split()[0]) in reviewed_organisations():
        return "organisation"  # a branch or arm: "Greenpeace Nordic", "Oxfam Kenya"
    tail = name.split()[1:]
    if len(tail) > 1 and name_key(" ".join(tail)) in reviewed_organisations():
        return "organisation"  # a national society: "Philippine Red Cross"
    if is_region(name) or (rest and is_subdivision(name)):
        return "place or region"
    # A town may carry a person's name ("Benito Juárez"): a first name makes it a person's.
    if rest and is_known_place(name) and not is_given_name(first, strict=True):
        return "place or region"
    return None


def _speaks_as_person(name: str, after: str) -> bool:
    """A first name and a surname that say something: a person whatever noun stands before
    ("Tour operator Diego Andrade said"); the organisation lists judge companies named so."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not is_given_name(words[0], strict=True):
        return False
    # "Rights group Vigilia Kenya said": an arm named after its country is no person.
    return bool(_SPEAKS_AFTER.match(after)) and not is_country_name(words[-1])


def context_reason(name: str, span: Span, text: str) -> str | None:
    """Why the text around ``span`` (where ``name`` was found) shows it is no person."""
    before = text[max(0, span.start - _BEFORE_CHARS) : span.start]
    after = text[span.end : span.end + _AFTER_CHARS]
    single = " " not in name
    if single and (_written_as_place(name, text) or _hyphenated_place(name, text)):
        return "place or region"
    if not single and _named_as_place(name, text):
        return "place or region"
    if _storm(name, text):
        return "a storm's name"
    if _animal(name, text):
        return "an animal's name"
    if _only_in_place(name, text):
        return "place or region"
    if _part_of_a_place(name, before):
        return "place or region"
    if single and _after_a_place_word(before):
        return "place or region"  # "from Johor Bahru": the end of a longer place's name
    if _after_organisation_word(name, span, text):
        return "part of an organisation's or a place's name"
    if single and _ends_an_organisation_name(name, text):
        return "part of an organisation's or a place's name"
    if organisation_apposition(after, 0):
        return "organisation, by its apposition"
    if _which_somewhere(name, text):
        return "a thing or an organisation: “which” follows it"
    if (origin := _DOER_FROM_BEFORE.search(before)) and is_role_noun(origin[1]):
        return "place or region"  # "a clearing agent from Likoni": where a person is from
    if _named_as_a_thing(before):
        return "a thing's name"
    if _inside_longer_name(span, text):
        return "part of an organisation's or a place's name"
    if _LIST_HEAD.search(before):
        return "listed as a place or organisation"
    if _ORGANISATION_HEAD.search(before) and not _speaks_as_person(name, after):
        return "named as an organisation or a people"
    if single and _after_organisation_noun_elsewhere(name, text):
        return "named as an organisation or a people"
    if _before_organisation_noun(name, text):
        return "organisation, by what follows it"
    if (gloss := _GLOSS_AFTER.match(after)) and has_org_word(gloss["gloss"].split()):
        return "organisation, glossed"
    if _with_article(name, span, text, before):
        return "a thing with an article"
    if _THE_NAME_BEFORE.search(before) and _THING_AFTER.match(after):
        return "a place or thing named after a person"
    if name.split()[0] in _NAME_ARTICLES and _THING_AFTER.match(after):
        return "a place or thing named after a person"  # "left La Santé prison"
    if single and _THE_BEFORE.search(before) and _GROUP_AFTER.match(after):
        return "organisation, by what follows it"  # "the Agrofert chemicals and food group"
    if name.endswith("s") and _in_plural_list(before, after):
        return "plural of a name"
    if _heading_only(name, span, text):
        return "heading fragment"
    if single and _common_word_opening_sentences(name, text):
        return "common word opening a sentence"
    if _character(name, text) or _FROM_A_WORK_AFTER.match(after):
        return "a character of a work"
    if _only_quoted(name, text):
        return "a title or a nickname in quotes"
    if _titles_a_work(name, text):
        return "a character of a work"
    return None


def _only_quoted(name: str, text: str) -> bool:
    """Every mention is the whole of a quotation: a work's title ("Steppe Wind", 'Steppe
    Wind') or a nickname ("Bagyo"), never how news names a person."""
    seen = False
    for start in _occurrences(name, text):
        if not (start and text[start - 1] in _QUOTES):  # the cheap test first
            return False
        if not _QUOTE_CLOSES.match(text, start + len(name)):
            return False
        seen = True
    return seen


def organisation_apposition(text: str, end: int) -> bool:
    """Whether an apposition naming an organisation follows ``end`` (", the carmaker, said"),
    not a person's role at one (", an internist at the hospital", ", a nurse hospital")."""
    match = _ORGANISATION_APPOSITION_AFTER.match(text, end)
    if not match:
        return False
    return not any(
        word in _APPOSITION_PREPOSITIONS
        or (word.islower() and (is_role_noun(word) or is_doer_noun(word)))
        for word in match["words"].split()
    )


def _which_somewhere(name: str, text: str) -> bool:
    """The article writes ", which" after the name somewhere ("the fund Elliott, which
    opposed the deal"): persons are "who". Not after "of" ("the party of Ana Lima, which"):
    there "which" is the head noun's."""
    return "which" in text and any(
        _WHICH_AFTER.match(text, start + len(name)) and not text.endswith("of ", 0, start)
        for start in _occurrences(name, text)
    )


def _named_as_a_thing(before: str) -> bool:
    """ "the model, called Sarvam-Vaani": "called" or "named" after a noun that is no
    person's ("a young man named Karol" is)."""
    match = _CALLED_BEFORE.search(before)
    if not match:
        return False
    noun = match["noun"]
    if is_doer_noun(noun) or INTRODUCED_BEFORE.search(f"{noun} named "):
        return False
    # Without the comma, "named" and "called" may be verbs ("He later named Nawaf Salam", "the
    # government named Ana Lima"): only "called" after a plain noun counts.
    return bool(match["comma"]) or (
        match["verb"] == "called" and lexicon.is_noun(noun) and not lexicon.is_adverb(noun)
    )


def _titles_a_work(name: str, text: str) -> bool:
    """An article about a work that writes the name in quotes as the work's title somewhere
    (Verdi's “Macbeth”): the name's other mentions are the title role ("sang Lady Macbeth")."""
    quoted = any(
        start and text[start - 1] in _QUOTES and _QUOTE_CLOSES.match(text, start + len(name))
        for start in _occurrences(name, text)
    )
    return quoted and _about_a_work(text)


@lru_cache(maxsize=4)
def _about_a_work(text: str) -> bool:
    return bool(_WORK_NOUN.search(text))


def _after_organisation_word(name: str, span: Span, text: str) -> bool:
    """A capitalised word of organisations or places right before the span opens the name it
    ends ("Mineração Serra Dourada", "Wawel Royal Castle" aside): not on a heading line."""
    before = _CAPITAL_WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
    if not before or is_heading(line_at(text, span.start)):
        return False
    if not has_org_word([before.group(1)]):
        return False
    # A title may end in such a word ("Secretary of State Marco Rubio"), or open the span
    # ("County" before "Prosecutor Michael Gmoser"): then the name is a person's.
    head = text[max(0, span.start - 40) : span.start]
    titled = TITLE_BEFORE.search(head)
    bare = strip_leading_roles(strip_leading_titles(span.text))
    return not titled and bare == span.text


def _ends_an_organisation_name(name: str, text: str) -> bool:
    """The word ends a name of organisations or places elsewhere, after a particle ("the
    Complexo da Maré", "University of Kivu"): a lone mention of it is that name's short form."""
    for start in _occurrences(name, text):
        if text.startswith("-", start + len(name)):
            continue
        near = text[max(0, start - 8) : start]
        if " of " not in near and " d" not in near:  # no particle: skip the regex
            continue
        head = _HEAD_AND_PARTICLE_BEFORE.search(text, max(0, start - 40), start)
        if head and has_org_word([head.group(1)]):
            return True
    return False


def _character(name: str, text: str) -> bool:
    """A character of a film, series or novel the article is about: every mention outside
    headings follows a cue of plot or casting in its clause ("The series follows Kemal, a
    gardener", "a film about a grandmother, Apa Zhibek,", "who plays the boy's mother, Esi")."""
    if not _tells_a_story(text):
        return False
    seen = False
    for start in _occurrences(name, text):  # the first mention without a cue decides
        if not _cued_as_character(name, text, start):
            if not is_heading(line_at(text, start)):
                return False
        else:
            seen = True
    return seen


def _cued_as_character(name: str, text: str, start: int) -> bool:
    before = text[max(0, start - _CHARACTER_CUE_CHARS) : start]
    if _CHARACTER_CUE.search(before) or _AS_ROLE_BEFORE.search(before):
        return True
    end = start + len(name)
    if " " not in name and (
        _STORY_PERSON_BEFORE.search(before) or _STORY_PERSON_AFTER.match(text, end)
    ):
        return True
    return bool(_CHARACTER_CUE_AFTER.match(text, end))


@lru_cache(maxsize=4)
def _tells_a_story(text: str) -> bool:
    """A work of fiction and a cue of plot or casting somewhere in the article (once a text)."""
    return bool(_WORK_NOUN.search(text) and _CHARACTER_CUE_WORD.search(text))


def _written_as_place(name: str, text: str) -> bool:
    """Somewhere in the article the word is written as a place: after "north of", "residents
    of" …, as "the NAME crossing", or, if it is a known town or region, after "in", "near" …"""
    known = is_known_place(name)
    for start in _occurrences(name, text):
        near = text[max(0, start - _CUE_CHARS) : start]
        window = text[max(0, start - _BEFORE_CHARS) : start]
        if " of " in window and _PLACE_OF_BEFORE.search(window):
            return True
        if known and _LOCATIVE_BEFORE.search(text, max(0, start - _BEFORE_CHARS), start):
            return True
        if _THE_BEFORE.search(near) and _PLACE_NOUN_AFTER.match(text, start + len(name)):
            return True
        if _PLACE_POSSESSIVE_AFTER.match(text, start + len(name)):
            return True
    return False


def _named_as_place(name: str, text: str) -> bool:
    """A name of several words the article writes before a noun of geography ("Tonle Sap
    lake"), or, if the gazetteer knows it as a town, after a preposition of place ("in Mae
    Sot": a town that may carry a person's first name)."""
    known = is_known_place(name)
    for start in _occurrences(name, text):
        if _GEO_NOUN_AFTER.match(text, start + len(name)):
            return True
        if known and _IN_PLACE_BEFORE.search(text, max(0, start - _CUE_CHARS), start):
            return True
    return False


def _storm(name: str, text: str) -> bool:
    """The article names a storm so somewhere ("Hurricane Melissa"): then every mention is."""
    return _names_a_storm(text) and any(
        _STORM_BEFORE.search(text, max(0, start - _BEFORE_CHARS), start)
        for start in _occurrences(name, text)
    )


@lru_cache(maxsize=4)
def _names_a_storm(text: str) -> bool:
    """Whether any storm's word is in the article (once a text: most have none)."""
    return bool(_STORM_WORD.search(text))


@lru_cache(maxsize=4)
def _names_an_animal(text: str) -> bool:
    return bool(_ANIMAL_WORD.search(text))


def _animal(name: str, text: str) -> bool:
    """The article names an animal so at some mention ("the stallion Khar Salkhi", "Moti, a
    camel"): every mention is the animal."""
    return _names_an_animal(text) and any(
        _ANIMAL_BEFORE.search(text, max(0, start - _CUE_CHARS - 10), start)
        or _ANIMAL_AFTER.match(text, start + len(name))
        for start in _occurrences(name, text)
    )


def _only_in_place(name: str, text: str) -> bool:
    """A name that opens with no first name, that the article writes only after a preposition
    of place ("the girls running in Keringet", "mines in Lunda Norte"): persons are rarely "in"
    anyone."""
    if is_given_name(name.split()[0], strict=True):
        return False
    starts = list(_occurrences(name, text))
    return bool(starts) and all(_in_place_at(text, start) for start in starts)


def _after_a_place_word(before: str) -> bool:
    """A town or region the gazetteer knows right before, itself after a preposition of place
    ("from Johor Bahru"; not "Kenya's Ruto", "Kenyan Ruto" or "Ngozi Okafor-Bassey")."""
    match = _PLACE_WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1)
    return is_known_place(word) and not is_country_name(word) and not is_given_name(word)


def _part_of_a_place(name: str, before: str) -> bool:
    """A name after a place's possessive and maybe an adjective, no role noun: a quarter or a
    landmark of it ("the town's old Rione Terra"; not "the city's mayor Ana Lima")."""
    match = _PLACES_OWN_BEFORE.search(before)
    if not match or is_given_name(name.split()[0], strict=True):
        return False
    return not (match["word"] and is_role_noun(match["word"]))


def _in_place_at(text: str, start: int) -> bool:
    """A preposition of place right before ``start``, or before a place's first words there
    that are no title or first name ("in Nor Lípez", not "in Mr Lima's")."""
    if _IN_PLACE_BEFORE.search(text, max(0, start - _CUE_CHARS), start):
        return True
    words = _IN_PLACE_WORDS_BEFORE.search(text, max(0, start - _BEFORE_CHARS), start)
    if not words or TITLE_BEFORE.search(words.group("words")):
        return False
    return not any(is_given_name(word, strict=True) for word in words.group("words").split())


# A word that opens a street's or a square's name, maybe with more capitalised words, right
# before a span: the span ends that name.
_STREET_BEFORE = re.compile(
    r"\b(?:Avenida|Av\.|Rua|Calle|Carrera|Rue|Via|Viale|Plaza|Praça|Piazza|Place|Ulitsa"
    r"|Prospekt|Avenue|Boulevard|Jalan|Lorong|Jl\.|Ulica|Strada|Chemin|Sokak|Stade|Stadio"
    r"|Estadio|Stadion|Aeropuerto|Aeroporto|Aéroport|Parque|Costera|Malecón|Paseo|Carretera"
    r"|Calzada|Autopista|Bulevar|Avinguda|Carrer)"
    r"(?: (?:[A-Z][\w’'-]*|de|do|da|del|dos|des|la))* $"
)
_STREET_BEFORE_CHARS = 60
# A capitalised word right before a span; one and a particle ("the Complexo da ").
_CAPITAL_WORD_BEFORE = re.compile(r"\b([A-Z][\w’'-]*) $")
_PLACE_WORD_BEFORE = re.compile(
    r"\b(?:in|from|near|at|to|outside|across|around|into|via) ([A-Z][\w’'-]*) $"
)
_HEAD_AND_PARTICLE_BEFORE = re.compile(r"\b([A-Z][\w’'-]*) (?:da|de|do|dos|das|del|of|of the) $")
# Capitalised words right after a span, up to a word of organisations, places or events.
# Particles may join them ("Mubarak al-Kabeer Port", "Pedro de Valdivia Bridge").
_LONGER_NAME_AFTER = re.compile(
    r"(?: (?:[A-Z]|(?:al|el|bin|ibn)-[A-Z])[\w’'-]*+| (?:de|da|do|del)){1,4}"
)


def _inside_longer_name(span: Span, text: str) -> bool:
    """The span is the start of a longer capitalised name that a word of organisations, places
    or events ends ("Prince Moulay" of "Prince Moulay Abdellah Stadium", "Ana Lima Foundation");
    not on a Title Case heading line, where every word is capitalised."""
    if span.text.endswith(("’s", "'s")):
        return False  # "Geert Wilders's Party for Freedom": his party, not his name
    if _STREET_BEFORE.search(text, max(0, span.start - _STREET_BEFORE_CHARS), span.start):
        return True  # "Avenida Libertador Bernardo O'Higgins", "Rua Marquês de Pombal"
    match = _LONGER_NAME_AFTER.match(text, span.end)
    if not match or is_heading(line_at(text, span.start)):
        return False
    return has_org_word(match.group().split())


def _after_organisation_noun_elsewhere(name: str, text: str) -> bool:
    """A one-word name the article writes right after a noun of organisations at some mention
    ("the girl group Lumina"): a lone "Lumina" later is the group too, unless it speaks."""
    heads = [
        start
        for start in _occurrences(name, text)
        if _ORGANISATION_NOUN_BEFORE.search(text, max(0, start - _CUE_CHARS), start)
    ]
    return bool(heads) and not any(
        _SPEAKS_AFTER.match(text, start + len(name)) for start in _occurrences(name, text)
    )


def _before_organisation_noun(name: str, text: str) -> bool:
    """Whether the article writes ``name`` right before a noun of ``_ORGANISATION_AFTER``."""
    return any(
        text.endswith(name, 0, end) and at_word_boundaries(text, end - len(name), end)
        for end in _organisation_noun_starts(text)
    )


@lru_cache(maxsize=16)
def _organisation_noun_starts(text: str) -> tuple[int, ...]:
    """Where the article's nouns of ``_ORGANISATION_AFTER`` start, found once per article: they
    are few, and looking for them after each name would cost more."""
    return tuple(match.start() for match in _ORGANISATION_AFTER.finditer(text))


def _hyphenated_place(name: str, text: str) -> bool:
    """A hyphenated word the gazetteer may not hold, that the article writes only after a
    preposition of place ("the road to Dar-Kebira"), not led by a first name ("Jean-Marc")."""
    if "-" not in name or is_given_name(name.split("-")[0], strict=True):
        return False
    return all(
        _PREPOSITION_BEFORE.search(text, max(0, start - _CUE_CHARS), start)
        for start in _occurrences(name, text)
    )


def _common_word_opening_sentences(name: str, text: str) -> bool:
    """An English common word (a plural or abstract noun, a verb or an adjective: "Wildfires",
    "Inflation", "Flash") that the article writes capitalised only where any word would be: the
    capital is the sentence's or the heading's, not a name's. First names ("Grant") and plurals of
    them stay names, and so does a singular that speaks ("Bush said")."""
    if len(name) < _MIN_COMMON_WORD or is_given_name(name):
        return False
    singulars = lexicon.plural_noun_singulars(name)
    plural = singulars and not any(is_given_name(word.capitalize()) for word in singulars)
    if not (plural or lexicon.is_verb_or_adjective(name) or lexicon.is_abstract_noun(name)):
        return False
    starts = list(_occurrences(name, text))
    if not all(_capitalised_anyway(text, start) for start in starts):
        return False
    # "Bush said": one who speaks is a person, unless a plural ("Officials said").
    return plural or not any(_SAYS_AFTER.match(text, start + len(name)) for start in starts)


def _capitalised_anyway(text: str, start: int) -> bool:
    """Whether any word at ``start`` would be capitalised: a sentence's or line's first word,
    or a word of a Title Case heading ("Amazon Wildfires Rage")."""
    return opens_sentence(text, start) or is_heading(line_at(text, start))


@lru_cache(maxsize=256)
def _occurrences(word: str, text: str) -> tuple[int, ...]:
    """Where ``text`` writes ``word`` as a whole word (``str.find``: a regex with lookarounds
    costs more on long articles), found once per name and article: the rules ask it often."""
    found = []
    start = text.find(word)
    while start >= 0:
        if at_word_boundaries(text, start, start + len(word)):
            found.append(start)
        start = text.find(word, start + 1)
    return tuple(found)


def _with_article(name: str, span: Span, text: str, before: str) -> bool:
    """ "the Elysée", "won the Golden Bear at": the name follows "the" here and wherever else
    the article writes it outside headings (which drop articles). A name of several words must
    stand alone after "the" (punctuation or a function word next): "the Ana Lima case" is hers."""
    in_heading = is_heading(line_at(text, span.start))
    if not (in_heading or _THE_BEFORE.search(before) or span.text.lower().startswith("the ")):
        return False
    single, seen = " " not in name, False
    for start in _occurrences(name, text):
        if is_heading(line_at(text, start)):
            continue
        if not _THE_BEFORE.search(text[max(0, start - 10) : start]):
            return False
        if not single and not STANDS_ALONE_AFTER.match(text, start + len(name)):
            return False
        seen = True
    return seen or not in_heading


def _in_plural_list(before: str, after: str) -> bool:
    return bool(_PLURAL_LIST_BEFORE.search(before) or _PLURAL_LIST_AFTER.match(after))


def _heading_only(name: str, span: Span, text: str) -> bool:
    """A name on a short Title Case line, that the article never writes outside such lines."""
    if not is_heading(line_at(text, span.start)):
        return False
    tokens = name.split()
    if len(tokens) > 1 and is_given_name(tokens[0], strict=True) and not _english(tokens[-1]):
        return False  # "Marc Smith Dies at 90": a full name is a name, heading or not
    return all(is_heading(line_at(text, start)) for start in _occurrences(tokens[-1], text))


def _english(word: str) -> bool:
    """An English plural, verb, adjective or abstract noun ("Visa Bribes", "… Sworn"): a
    heading's word after a first name, where the body never writes it, ends no name."""
    return bool(
        lexicon.plural_noun_singulars(word)
        or lexicon.is_verb_or_adjective(word)
        or lexicon.is_abstract_noun(word)
    )


def heading_trimmed(name: str, span: Span, text: str) -> str:
    """A name on a Title Case heading line without the heading's own words around it: leading
    words the article writes nowhere else capitalised ("Court Adjourns Khan" → "Khan", "Visa
    Bribes" → ""; a name led by a clear first name keeps its start), and trailing ones after a
    word it does write elsewhere ("Sushila Karki Sworn" → "Sushila Karki")."""
    tokens = name.split()
    if len(tokens) < 2 or not is_heading(line_at(text, span.start)):
        return name
    while len(tokens) > 1 and _trailing_heading_word(tokens, text):
        tokens.pop()
    if is_given_name(tokens[0], strict=True) and not _heading_word(tokens[0], text):
        return " ".join(tokens)
    while tokens and not _written_outside_headings(tokens[0], text):
        tokens.pop(0)
    if any(_heading_verb(token, text) for token in tokens[1:-1]):
        return ""  # two names and the heading's verb between them: "Xi Hosts Putin"
    return " ".join(tokens)


def _heading_word(token: str, text: str) -> bool:
    """A first name that is also an English verb or adjective, written capitalised only in
    headings ("Thunder Beat Pacers"): the heading's word, not a name."""
    return lexicon.is_verb_or_adjective(token) and not _written_outside_headings(token, text)


def _heading_verb(token: str, text: str) -> bool:
    """A heading's own verb ("Hosts", "Meets"): an English verb in the third person that the
    article writes nowhere else capitalised."""
    if not token.endswith("s") or _written_outside_headings(token, text):
        return False
    return lexicon.is_verb_or_adjective(token[:-1]) or lexicon.is_verb_or_adjective(token[:-2])


def _trailing_heading_word(tokens: list[str], text: str) -> bool:
    last, before = tokens[-1], tokens[-2]
    return not _written_outside_headings(last, text) and _written_outside_headings(before, text)


def _written_outside_headings(word: str, text: str) -> bool:
    return any(not is_heading(line_at(text, start)) for start in _occurrences(word, text))


def line_at(text: str, index: int) -> str:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return text[start : len(text) if end < 0 else end]


def is_heading(line: str) -> bool:
    """A short line, not ending a sentence, whose longer words are mostly capitalised."""
    words = line.split()
    if not 2 <= len(words) <= _HEADING_WORDS or line.rstrip().endswith((".", "”", '"')):
        return False
    long_words = [word for word in words if len(word) > 3] or words
    capitalised = sum(word[:1].isupper() for word in long_words)
    return capitalised / len(long_words) >= _HEADING_CAPITALISED
