"""The default topic taxonomy: loaded once into ``Topic`` rows by data migration 0004.

Keywords are matched case-insensitively as whole words; a keyword ending in ``*`` matches any word
starting with it ("strike*" → strike, strikes, striking). After the migration the database is the
truth: editors add topics and keywords in the admin.
"""

from articles.ingest.records import TopicRule

GENERAL_SLUG = "general"

_TOPICS = {
    "War and conflict": """war|wars|warfare|invasion|invade*|military|troops|soldier*|missile*
        |drone*|shelling|airstrike*|air strike*|bombing*|bombard*|offensive|counteroffensive
        |front line|frontline|armed forces|army|casualties|combat|militant*|insurgen*|coup
        |prisoners of war|occupation|massacre*|killed|weapons|arms""",
    "Israel–Palestine": """israel*|palestin*|gaza*|west bank|hamas|zionis*|genocide|idf
        |netanyahu|ramallah|rafah|occupied territories|intifada|apartheid""",
    "Labour and strikes": """strike*|worker*|trade union*|union*|wage*|picket*|labour movement
        |labour|labor|walkout|walk out|wildcat|employer*|workplace|industrial action
        |collective bargaining|layoff*|truckers|truck drivers|dockers|port workers""",
    "Political prisoners and repression": """arrest*|detain*|detention|prison*|jail*
        |political prisoner*|imprison*|crackdown|repression|repressed|persecut*|custody
        |security forces|prosecut*|dissident*|torture*|oppression|police state""",
    "Human rights": """human rights|rights activist*|amnesty international|human rights watch
        |civil liberties|freedom of expression|free speech|women's rights|rights groups
        |justice|abuse*|intimidation""",
    "Migration": """migrant*|refugee*|asylum|border*|deport*|immigra*|displaced|smuggl*
        |emigra*""",
    "Elections and parties": """election*|vote*|voting|voters|ballot*|candidate*|parliament*
        |polls|electoral|referendum|green party|democrats|republicans|opposition party
        |ruling party|presidential race""",
    "Racism": """racis*|racial|discrimination|antisemit*|islamophob*|xenophob*
        |white supremac*|far-right|far right|neo-nazi*|racist abuse""",
    "Disasters": """disaster*|fire|fires|earthquake*|flood*|hurricane*|cyclone*|explosion*
        |death toll|firefighter*|tragedy|tragic|accident*|trapped|offshore safety""",
    "Health": """health*|hospital*|disease*|patient*|covid*|pandemic|vaccin*|doctor*|medical
        |illness|psychiatric|symptom*|neurolog*|long covid|me/cfs|chronic*""",
    "Protest and solidarity": """protest*|demonstrat*|solidarity|rally|rallies|day of action
        |boycott*|blockade|sit-in|march 2|walk out|activists|week of actions""",
    "Diplomacy and peace talks": """negotiat*|peace talks|diplomat*|summit|ceasefire|cease fire
        |treaty|talks|foreign minister|envoy|mediator|peace plan|peace deal|telephone call
        |phone call""",
    "Imperialism and geopolitics": """imperialis*|nato|geopolitic*|superpower*|hegemon*
        |proxy war|sphere of influence|great power*|cia|sovereignty|colonial*|inter-imperialist
        |the west|western allies""",
    "Socialism and the left": """socialis*|communis*|marxis*|left-wing|leftist*|anarchis*
        |anarchy|capitalism|capitalist*|working class|revolution*|anti-fascis*|comrade*|lenin*
        |trotsk*|progressives|the left""",
    "Women, gender and LGBT": """feminis*|gender|transgender|trans|lgbt*|queer|abortion|sexism
        |misogyn*|patriarch*|women's rights|women activists""",
    "Disability": """disab*|chronically ill|wheelchair|bed-bound|bedbound|me/cfs|carer*
        |accessib*""",
    "Religion and secularism": """blasphem*|religio*|secular*|church|mosque|islam*|christian*
        |atheis*|pope|clergy|apostasy|holy father|vatican""",
    "Sport": """olympic*|athlete*|football*|players|championship|tournament|penalt*|fifa
        |euro 2020|world cup|basketball|sports|eurobasket""",
    "Economy and business": """econom*|sanctions|trade deal|investment*|market*|inflation
        |oil|gas|compan*|corporat*|bank|banks|billion*|profit*|minerals|resources|fund""",
    "Press and media": """journalist*|press freedom|reporter*|censorship|newspaper*
        |propaganda|broadcaster*|social media|media""",
    "Police, courts and justice": """police|court*|judge*|trial|lawsuit*|indictment
        |prosecutor*|sentenced|lawyer*|kidnap*|charged|convicted""",
    "Climate and environment": """climate*|environment*|emission*|pollution|fossil fuel*
        |carbon|global warming|deforestation|oil spill""",
    "General news": "",
}


# The IPTC Media Topics concept each default topic falls under, where one fits as a whole: the
# top-level subjects (https://cv.iptc.org/newscodes/mediatopic/). Topics narrower or wider than any
# of them (Israel–Palestine, Racism, Protest and solidarity, …) have none rather than a guess.
IPTC_CODES = {
    "War and conflict": "medtop:16000000",  # conflict, war and peace
    "Labour and strikes": "medtop:09000000",  # labour
    "Elections and parties": "medtop:11000000",  # politics
    "Disasters": "medtop:03000000",  # disaster, accident and emergency incident
    "Health": "medtop:07000000",  # health
    "Religion and secularism": "medtop:12000000",  # religion
    "Sport": "medtop:15000000",  # sport
    "Economy and business": "medtop:04000000",  # economy, business and finance
    "Police, courts and justice": "medtop:02000000",  # crime, law and justice
    "Climate and environment": "medtop:06000000",  # environment
}


def iptc_codes() -> dict[str, str]:
    """The default topics' IPTC Media Topics codes, by slug."""
    slugs = {rule.name: rule.slug for rule in default_topics()}
    return {slugs[name]: code for name, code in IPTC_CODES.items()}


def default_topics() -> tuple[TopicRule, ...]:
    """The taxonomy as rules: slug, display name, keywords."""
    from articles.normalise import slug_for

    rules = []
    for name, keywords in _TOPICS.items():
        words = tuple(word.strip() for word in keywords.split("|") if word.strip())
        slug = GENERAL_SLUG if name == "General news" else slug_for(name.replace("–", " "))
        rules.append(TopicRule(slug=slug, name=name, keywords=words))
    return tuple(rules)
