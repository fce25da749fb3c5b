"""Word lists and small tests on name-shaped text: titles, organisation words, common words."""

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from articles.ingest.entities import lexicon
from articles.ingest.entities.gazetteer import is_given_name
from articles.ingest.entities.spans import Span
from articles.normalise import words

# Verbs whose subject is a person: speaking, and meeting or visiting someone ("Ruto said",
# "said Ruto", "Okafor met"); a regex alternation.
PERSON_VERBS = (
    r"said|says|told|tells|added|argued|warned|wrote|writes|announced|insisted|denied|claimed"
    r"|replied|responded|admitted|tweeted|posted|stated|noted|explained|urged|asked|vowed"
    r"|pledged|promised|accused|praised|criticised|criticized|thanked|met|meets|visited"
)
# What introduces a person named by one word: an age ("34-year-old Rhiannon") or a person's
# noun then "named", "called" or a comma ("a young man named Karol", "a nine-year-old girl,
# Putri,"; not "a village called Tamsel").
INTRODUCED_BEFORE = re.compile(
    r"(?:\b(?:\d{1,3}|(?i:[a-z]+)(?:-[a-z]+)?)[- ]years?[- ]old"
    r"|\b(?:man|woman|boy|girl|child|baby|teenager|son|daughter"
    r"|patient|student|mother|father|wife|husband|brother|sister|friend|farmer|worker|soldier"
    r"|officer|nurse|doctor|teacher|pupil|resident|villager|fisherman|driver|migrant|refugee)"
    r"(?:\s+(?:named|called)|,))\s+$"
)
# Titles and roles that precede a name; longest first so "Prime Minister" wins over "Minister".
_TITLES = sorted(
    words(
        """President|Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|Minister
    |Secretary of State|Secretary-General|Secretary General|Secretary|Chancellor|Chairman|Chair
    |Chairwoman|Speaker|Senator|Sen.|Rep.|Representative|Governor|Gov.|Mayor|King|Queen|Prince
    |Princess|Sheikh|Emir|Pope|Cardinal|Archbishop|Bishop|Rabbi|Imam|Ayatollah|Father|Sister
    |General|Gen.|Lt. Gen.|Lieutenant General|Maj. Gen.|Major General|Brig. Gen.|Colonel|Col.
    |Lt.|Lieutenant|Captain|Capt.|Major|Sgt.|Sergeant|Admiral|Adm.|Commander|Marshal|Field Marshal
    |Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Dr|Dr.|Prof.|Professor|Sir|Dame|Lord|Lady|Judge|Justice
    |Attorney General|Ambassador|Commissioner|Spokesman|Spokeswoman|Spokesperson|Director
    |Leader|Comrade|Activist|Journalist|Lawmaker|MP|Dep.|Rev.|Reverend
    |Supreme Leader|Crown Prince|Defence Minister|Defense Minister|Defense Secretary|Premier
    |Chief|Chief Justice|Chief Minister|Chief Executive|Elder|Pastor|Alhaji|Alhaja|Venerable
    |Abbot|Monsignor|Patriarch|Grand Mufti|Mufti|Coach|Head Coach|Commodore|Cllr|Cllr.|Viceroy
    |Emperor|Empress|Tsar|Czar|Ratu|Tun|Tan Sri|Datuk|Datuk Seri|Dato|Dato'|Datin
    |Director-General|Director General|Governor-General|Governor General|Attorney-General
    |Solicitor-General|Solicitor General|Inspector-General|Inspector General|Auditor-General
    |Surgeon General|Surgeon-General|Managing Director|Taoiseach|Tánaiste""",
        "|",
    ),
    key=len,
    reverse=True,
)
# The titles as a case-sensitive alternation, longest first, without their full stops.
TITLE_ALTERNATIVES = "|".join(re.escape(title.strip().rstrip(".")) for title in _TITLES)
# A title right before a name ("President ", "Secretary of State ").
TITLE_BEFORE = re.compile(rf"\b(?:{TITLE_ALTERNATIVES})\.? $")
# "Sheikh Hasina", "Sheikha Moza": the honorific and a single name are the name.
_NAMING_HONORIFIC = re.compile(r"Sheikh[a]? \S+")
# The same honorific right before a one-word name: it belongs to the name ("Sheikh Hasina").
HONORIFIC_BEFORE = re.compile(r"\bSheikha? $")
_TITLE_PATTERN = re.compile(
    r"^(?:the\s+|former\s+|late\s+|then-|acting\s+|deputy\s+)*(?:"
    + "|".join(re.escape(title.strip()) for title in _TITLES)
    + r")(?=\s)\s*",
    re.IGNORECASE,
)
# Occupations and roles written before a name as a title is ("Farmer Ghulam Rasool", "Opener
# Ibrahim Zadran", "Volunteer Keisha Brown-Campbell"): dropped when a name of two words or more
# follows, unless the word is also a first name ("Hunter", "Mason", "Taylor").
_ROLES = frozenset(
    words("""farmer farmers fisherman fisherwoman fishermen volunteer alderman alderwoman
    councillor councilor councilman councilwoman opener batter batsman bowler striker midfielder
    defender goalkeeper keeper winger coach manager skipper driver nurse teacher student pupil
    resident villager witness survivor pilot engineer miner worker officer constable inspector
    detective sheriff prosecutor attorney lawyer barrister solicitor envoy negotiator analyst
    economist researcher scientist historian author writer novelist poet artist painter sculptor
    singer songwriter actor actress producer rapper musician designer architect chef owner
    founder boss entrepreneur businessman businesswoman tycoon billionaire campaigner protester
    organiser organizer priest pastor monk nun cleric prisoner detainee hostage refugee migrant
    widow veteran soldier corporal trooper firefighter paramedic ranger warden candidate nominee
    incumbent challenger defendant plaintiff suspect victim champion sprinter runner swimmer
    cyclist boxer wrestler climber jockey trainer referee umpire commentator presenter reporter
    correspondent editor photographer columnist blogger influencer comedian dancer filmmaker
    astronaut diplomat dictator superintendent midwife doctor surgeon vet activist astronomer
    physicist biologist chemist geologist glaciologist climatologist meteorologist seismologist
    volcanologist epidemiologist virologist archaeologist anthropologist mathematician lecturer
    curator librarian dentist pharmacist vendor shopkeeper cleaner carpenter electrician plumber
    mechanic welder builder labourer laborer herder herdsman shepherd beekeeper baroness baron
    earl duke duchess countess viscount marquess trader broker dealer banker accountant clerk
    headman headwoman chieftain fan supporter spectator visitor tourist pilgrim voter shopper
    commuter customer parent grandparent neighbour neighbor passenger internist""")
)
# Ranks written without their full stop ("Lt Gen Inam Haider Malik"): some are first names too
# ("Gen"), so they are dropped before a name of two words or more whatever the name lists say.
_RANKS = frozenset(
    words("lt gen maj brig col capt sgt cpl pte adm cmdr insp supt det const cllr lieut")
)
# A word in a span that makes it an organisation, a place, an event or a work, not a person.
ORG_WORDS = frozenset(
    words("""Republic People's Peoples Party Union Council Ministry Committee Association Network
    Institute University Centre Center Agency Army Front Movement Group Team Forces Force
    Federation Organization Organisation Company Corporation Corp Inc Ltd Bank Times Post News
    Press Radio TV Television Channel Foundation Court Parliament Assembly Duma Senate Congress
    Government Police Office Department Service Church Mosque Airport Station Street Square Road
    Bridge Hospital School College Academy Club League Games Cup Championship Olympics Festival
    Award Prize Day Week War Wars Treaty Act Plan Program Programme Project Campaign Brigade
    Battalion Regiment Guard Guards Navy Airlines Airways Museum Library Gallery Theatre Hall
    Palace House Tower Region Province Oblast District County State States City Island Islands
    Sea Ocean River Valley Mountains Coast Street Avenue Strait Gulf Kingdom Empire Dynasty
    Initiative Alliance Coalition Commission Authority Board Bureau Fund Trust Society Trade
    Unions Workers Labour Labor Socialist Communist Democrats Republicans Liberation Resistance
    Solidarity Brotherhood Federal National International Global Social Media Facebook Twitter
    Telegram YouTube Instagram WhatsApp TikTok Covid COVID Omicron Sunday Monday Tuesday
    Wednesday Thursday Friday Saturday January February March April June July August September
    October November December Trek Potter Bible Quran Koran Torah Gospel Chronicles Asia Europe
    Africa Americas Oceania Eurasia Caucasus Balkans Arctic Antarctic Middle East West East North
    South Nazi Nazis Neo-Nazi Neo-Nazis Fascist Fascists Zionist Zionists Shoal Reef Atoll
    Peninsula Canal Glacier Basin Plateau Desert Lagoon Archipelago Harbour Harbor Fjord Volcano
    Amnesty Rights Storm Hurricane Typhoon Cyclone Trophy Cerro Volcán Lake Lago Observatory
    Telescope Frontières Frontieres Universiti Universidad Universidade Université Universität
    Università Ilha Ilhas Islas Île Îles Avenida Rua Calle Praça Plaza Piazza Ulitsa Prospekt
    Strasse Straße Prix Marathon Biennale Expo Healthcare Pharma Pharmaceuticals Therapeutics
    Biotech Motors Automotive Aerospace Electric Energy Energies Petroleum Mining Minerals Steel
    Holdings Capital Ventures Technologies Laboratories Industries Shipping Logistics Telecom
    Communications Semiconductor Insurance Securities Investments Financial Resources Stadium
    Stadion Estadio Arena Cathedral Temple Terminal Laboratory Shire Borough Elementary
    Kindergarten Highway Motorway Expressway Freeway Dam Reservoir Deportivo Atlético Atletico
    Sportivo Dinamo Dynamo Olympique Stade Stadio Oval Galeries Complexo Wat Pagoda Maison Port
    Wharf Pier Quay Jetty Mount Central Northern Southern Eastern Western Circuit Facility Sport
    Sports Labs Lab Management Exchange RSV MV Architects Railways Railway Town Yapı HMS USS HMAS
    HMNZS VOEA
    Khor Bandar Kampung Jalan Taman Wadi Jebel Jabal Bukit Pulau Sungai Gunung Castle Abbey
    Monastery Convent Chapel Basilica Shrine Mausoleum Fortress Citadel Water Holding Ngāi Ngai
    Ngāti Ngati Iwi Kibbutz Moshav Mineração Minera Minería Construtora Companhia Compañía Tepe
    Tsho Lorong Höyük Sarayı""")
)
# Words of picture credits and captions, never of a name ("File Photo", "AFP Staff").
CREDIT_WORDS = frozenset(
    words("""Photo Photos Photograph File Staff Handout Courtesy Images Stringer Credit Credits
    Foto Fotos""")
)
# "Welshman", "Dutchwoman": a demonym written as a noun, never a name (nor part of one).
_DEMONYM_NOUN_STEMS = tuple(sorted(words("english french dutch welsh scots irish norse")))
# Common words the model sometimes tags as a person on their own.
_COMMON = frozenset(
    words("""mom mum dad mother father brother sister son daughter wife husband grandma grandpa god
    allah lord jesus christ prophet sir madam comrade comrades president minister leader
    covid corona chatgpt hamas taliban hezbollah isis daesh nato un eu cllr""")
    | {
        f"{people}{sex}"
        for people in _DEMONYM_NOUN_STEMS
        for sex in ("man", "men", "woman", "women")
    }
)
# NER labels whose span may hide a person at its end ("… Reconciliation Abdullah Abdullah").
RECOVERABLE_LABELS = frozenset({"ORG", "NORP", "FAC", "GPE", "WORK_OF_ART"})
_PARTICLES = frozenset(
    words(
        "de da di du del della der den van von ter ten al el bin ibn bint y e la le dos das do"
        " delos dela wa binti i"
    )
)
# Turkic patronymics written lower case after the father's name ("Makhabat Tazhibek kyzy",
# "Ilham Heydar oglu"): part of the name, though no capital says so.
_PATRONYMICS = frozenset(words("kyzy qizi kizi gyzy uulu ogly oglu ugli uly"))
# Words that may stand next to a name without being part of it ("On Monday Trump said").
_CALENDAR = frozenset(
    words("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December""")
)
# A surname led by a hyphenated article or patronymic ("al-Burhan", "el-Sisi", "bin-Salman"):
# lower case, yet a name word.
_PREFIXED_SURNAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|bin|ibn|ben)-[A-Z]")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
# Plural group words ("Marxists", "Shiites"). Not "-ers": it ends surnames ("Sanders",
# "Rogers") as often as groups; a group word in -ers is caught by its lower-case uses instead.
_GROUP_SUFFIX = re.compile(r"(?:ists|ites|isms?|ians)$")


def strip_leading_titles(name: str) -> str:
    """ "Russian President Vladimir Putin" → "Vladimir Putin"; "Mr Smith" → "Smith"; but
    "Sheikh Hasina" stays: an honorific before one name is how the person is named."""
    previous = None
    while previous != name:
        previous = name
        if _NAMING_HONORIFIC.fullmatch(name):
            break
        name = _TITLE_PATTERN.sub("", name, count=1).strip()
    return name


def strip_leading_roles(name: str) -> str:
    """ "Farmer Ghulam Rasool" → "Ghulam Rasool"; "Lt Gen Inam Haider Malik" → "Inam Haider
    Malik"; "Hunter Biden" and a lone "Farmer" stay as they are."""
    tokens = name.split()
    while len(tokens) > 2 and (
        _is_role(tokens[0])
        or _noun_before_first_name(*tokens[:2])
        or _office_acronym(*tokens[:2])
        or _honorific_before_full_name(tokens)
    ):
        tokens.pop(0)
    return " ".join(tokens)


# Endings of nouns for what someone is or does ("winemaker", "cellist", "soprano"); a noun of
# another ending before a first name is as likely a name (the genus "Anura" of "Anura Kumara").
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ano", "one", "ess", "ive", "ee")


def _honorific_before_full_name(tokens: list[str]) -> bool:
    """ "Don", "Dona", "Doña" before a first name and a surname ("Dona Lurdes Magalhães", "Don
    Rigoberto Paillamán"); "Don Cheadle" is a name, and so is a boat's "Dona Lourdes II"."""
    if tokens[0] not in _HONORIFICS or not is_given_name(tokens[1], strict=True):
        return False
    return not re.fullmatch(r"[IVX]+", tokens[-1])


# Honorifics of Spanish and Portuguese before a full name.
_HONORIFICS = frozenset({"Don", "Dona", "Doña", "Dom"})


def _office_acronym(word: str, following: str) -> bool:
    """An office's acronym before a clear first name ("MEC Anton Bredell", "MK Ahmad Tibi"),
    not a person's initials ("KP Sharma Oli": no first name follows them)."""
    return (
        2 <= len(word) <= 4
        and word.isalpha()
        and word.isupper()
        and (is_given_name(following, strict=True))
    )


def is_doer_noun(word: str) -> bool:
    """A noun of what someone is or does: a role, or an English noun with a doer's ending
    ("caregiver", "cellist"). WordNet holds famous surnames as nouns too ("keller"): callers
    ask for a context that only a role fits."""
    lower = word.lower()
    if is_role_noun(lower) or _is_role(word):
        return True
    return lower.endswith(_AGENT_ENDINGS) and lexicon.is_noun(lower)


def _noun_before_first_name(word: str, following: str) -> bool:
    """An English noun of a doer that is no first name, before a clear first name: what the
    person is, whether or not ``_ROLES`` lists it ("Winemaker Álvaro Palacios", "Cellist Marta
    Ruiz"). WordNet lists famous surnames as nouns ("keller"): a first name must follow."""
    if not word.lower().endswith(_AGENT_ENDINGS) or is_given_name(word):
        return False
    if not lexicon.is_noun(word):
        return False
    return is_given_name(following, strict=True) and not lexicon.is_noun(following)


# Offices held in an organisation, said of a person in apposition ("X, a member of the board").
_OFFICES = frozenset(
    words("""member official spokesman spokeswoman spokesperson director head chief president
    governor minister secretary chairman chairwoman adviser advisor professor lawmaker senator
    deputy partner executive strategist fellow broker trader dealer agent consultant investor
    banker accountant clerk guard mother father son daughter wife husband grandmother
    grandfather resident teenager girl boy man woman""")
)


def is_title(word: str) -> bool:
    """A title written before names ("Curator" is a role; "Judge", "Minister" are titles)."""
    return bool(_TITLE_PATTERN.fullmatch(word + " "))


def is_role_noun(word: str) -> bool:
    """A noun naming what a person is or does ("economist", "member"), not what a firm is."""
    return word in _ROLES or word in _OFFICES


def _is_role(word: str) -> bool:
    bare = word.rstrip(".").lower()
    if bare in _COMMON and bare.startswith(_DEMONYM_NOUN_STEMS):
        return True  # "Dutchman Ricardo van der Lugt"
    return bare in _RANKS or (bare in _ROLES and not is_given_name(word))


def strip_leading_stop_words(name: str) -> str:
    """ "In Ukraine" → "Ukraine"; "The Rolling Stones" → "Rolling Stones"."""
    tokens = name.split()
    while tokens and tokens[0].lower() in STOP_WORDS:
        if tokens[0] in _STOP_WORD_FIRST_NAMES and len(tokens) > 1:
            break  # "Will Smith"
        if len(tokens) == 2 and KOREAN_GIVEN_NAME.fullmatch(tokens[1]):
            break  # a Korean surname: "An Se-young"
        tokens.pop(0)
    return " ".join(tokens)


def has_credit_word(tokens: list[str]) -> bool:
    """Whether any token belongs to a picture credit or caption ("File Photo", "Staff")."""
    return any(token.strip(".,:’'") in CREDIT_WORDS for token in tokens)


def has_org_word(tokens: list[str]) -> bool:
    """Whether any token marks an organisation, place, event or work."""
    # A word after a particle is a surname ("André Corrêa do Lago"), whatever else it means.
    return any(
        token.strip(".,’'") in ORG_WORDS and not (index and tokens[index - 1] in _PARTICLES)
        for index, token in enumerate(tokens)
    )


def ends_with_particle(name: str) -> bool:
    """Whether a name ends in "von", "der", "bin" … (the model cut it short)."""
    tokens = name.split()
    return len(tokens) > 1 and tokens[-1] in _PARTICLES


def is_particle(word: str) -> bool:
    """Whether a word is a lower-case name particle ("von", "der", "bin", "al")."""
    return word in _PARTICLES


def is_patronymic(word: str) -> bool:
    """Whether a lower-case word ends a name as a patronymic ("kyzy", "uulu", "oglu")."""
    return word in _PATRONYMICS


def is_prefixed_surname(word: str) -> bool:
    """Whether a word is a surname led by a hyphenated particle ("al-Burhan")."""
    return bool(_PREFIXED_SURNAME.match(word))


def continues_name(word: str) -> bool:
    """Whether a word standing right next to a name makes it part of a longer name: a particle,
    an initial, or a capitalised word that is no title, stop word, weekday or month."""
    if word in _PARTICLES or re.fullmatch(r"[A-Z]\.", word) or word in _STOP_WORD_FIRST_NAMES:
        return True
    if not word[:1].isupper() or word.endswith((".", ",")) or word in _CALENDAR:
        return False
    return word.lower() not in STOP_WORDS and not _TITLE_PATTERN.match(word + " ")


# A romanised Korean given name: two syllables joined by a hyphen, the second in lower case.
KOREAN_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,5}")
# Stop words that are first names too, before a surname.
_STOP_WORD_FIRST_NAMES = frozenset({"Will", "Per"})


def has_non_name_word(tokens: list[str]) -> bool:
    """Whether a token is lower case (other than "de", "von", "bin" …) or a capitalised stop word
    ("Odessa Fire That Sparked", "Lavrov said, Trump"); "Will" opening a full name is a first
    name ("Will Smith")."""
    for index, token in enumerate(tokens):
        if index == 0 and token in _STOP_WORD_FIRST_NAMES and len(tokens) > 1:
            continue
        if token in _PARTICLES or token in _PATRONYMICS or is_prefixed_surname(token):
            continue
        if not token[0].isupper() or token.lower() in STOP_WORDS:
            return True
    return False


@lru_cache(maxsize=16)
def lower_case_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case (computed once per article)."""
    return frozenset(_LOWER_WORD.findall(text))


def is_common_word(word: str, text: str) -> bool:
    """A single word that is not a name: a stop word, a kinship or group word, or a word the
    article also writes in lower case ("Star" … "a star")."""
    lower = word.lower()
    if lower in STOP_WORDS or lower in _COMMON:
        return True
    if _GROUP_SUFFIX.search(word) and not is_given_name(word):
        return True
    if word.endswith("ers") and lower[:-1] in lower_case_words(text):
        return True  # "Lawmakers" where the article also writes "a lawmaker"
    return lower in lower_case_words(text)


def _whole_name_shaped(span: Span) -> bool:
    """An ORG span that may be a person's whole name: no organisation word, and no English
    plural after its first word ("Georgia Voters Head")."""
    tokens = span.text.split()
    if span.label != "ORG" or has_org_word(tokens) or not tokens:
        return False
    return not any(lexicon.plural_noun_singulars(t.strip(".,’'")) for t in tokens[1:])


# Places and buildings named after a person, the head written before the name.
_NAMESAKE_HEADS = words(
    """Stadium Estadio Stadion Stade Stadio Arena Airport Aeropuerto Aeroporto Aéroport Street
    Avenue Avenida Rua Calle Boulevard Bulevar Square Plaza Praça Piazza Bridge Hospital Park
    Parque Station Highway Dam Ulitsa Prospekt Cathedral Temple Terminal Port Base Camp"""
)


def _may_start_a_name(tokens: list[str], index: int) -> bool:
    """Whether the tail from ``tokens[index]`` may be a person's name: not a title ("General
    Catalyst"), not after "of", "for" or "and" ("Institute of Marine Science": the
    organisation's own words), and no English plural in it ("Thunder Beat Pacers")."""
    if _TITLE_PATTERN.match(tokens[index] + " "):
        return False
    if index and tokens[index - 1] in ("of", "for", "and", "&"):
        return False
    if any(token in _NAMESAKE_HEADS for token in tokens[:index]):
        return False  # "Estadio Juan Domingo Perón": named after the person, not naming them
    return not any(lexicon.plural_noun_singulars(t.strip(".,’'")) for t in tokens[index + 1 :])


_POSSESSIVE_END = re.compile(r"[’']s$")


def _letters(word: str) -> bool:
    """Letters only, a hyphen inside allowed ("Karagiannis-Holt"; a possessive is not)."""
    return re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", word) is not None


def _opens_with_first_name(word: str) -> bool:
    """A clear first name, or two joined by a hyphen ("Nils-Ole", "Jean-Pierre")."""
    parts = word.split("-")
    return all(is_given_name(part, strict=True) for part in parts if part) and bool(parts[0])


def person_tail(span: Span) -> Span | None:
    """The person's name ending a non-person span: two or more capitalised words from a known
    first name to the end ("the High Council for National Reconciliation Abdullah Abdullah"),
    or the whole of an organisation span that is such a name ("Giorgia Meloni" tagged ORG: the
    small model often tags a full name so; the organisation lists and context rules still
    judge it after)."""
    words = list(re.finditer(r"\S+", span.text))
    first = 0 if _whole_name_shaped(span) else 1
    for index in range(first, len(words) - 1):
        tail = words[index:]
        if not _opens_with_first_name(tail[0].group()) or len(tail) > 3:
            continue
        if not _may_start_a_name([word.group() for word in words], index):
            continue
        # A possessive ends the name, not the span's words ("Diego Rivera's" tagged ORG).
        last = _POSSESSIVE_END.sub("", tail[-1].group())
        words_ = [w.group() for w in tail[:-1]] + [last]
        if all(word[:1].isupper() and _letters(word) for word in words_):
            start = span.start + tail[0].start()
            end = span.start + tail[-1].start() + len(last)
            return Span(span.text[tail[0].start() : end - span.start], "PERSON", start, end)
    return None
