"""Feature names read as words, and which of them point at a protected attribute or a proxy for one.

``applicant_postcode``, ``applicantPostcode`` and ``Applicant Postcode`` all read as
*applicant*, *postcode*. Protected attributes (gender, age of a person, ethnicity…) and
**strong proxies** (where a person lives, their name, their language, their school) are
flagged whatever the sensitivity answer says. **Weak proxies** (device, browser, city,
region, e-mail domain) matter when the model decides about people; the caller says
whether it does.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .patterns import compile_phrases

_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")

PROTECTED = frozenset({
    "gender", "sex", "race", "racial", "ethnicity", "ethnic", "religion", "religious", "marital", "nationality",
    "citizenship", "disability", "disabled", "pregnancy", "pregnant", "dob", "birthdate", "birthday", "orientation",
    "caste", "maternity", "paternity", "handicap", "veteran",
})
STRONG_PROXY = frozenset({
    "zip", "zipcode", "postcode", "postal", "neighbourhood", "neighborhood", "surname", "forename", "firstname",
    "lastname", "language", "dialect", "accent", "tongue", "school", "university", "college", "alma", "birthplace",
    "church", "mosque", "synagogue", "temple", "tribe", "ancestry", "salutation", "honorific", "census", "tract",
    "ward", "parish", "borough", "suburb", "hometown", "photo", "face", "facial", "voice", "height", "weight",
})
WEAK_PROXY = frozenset({
    "device", "browser", "useragent", "os", "handset", "phone", "city", "town", "region", "district", "county",
    "province", "state", "address", "location", "geo", "geohash", "latitude", "longitude", "lat", "lon", "lng",
    "country", "area", "domain", "ip", "club", "shift",
})
_NAME_WORDS = frozenset({"first", "last", "given", "family", "maiden", "middle", "full"})
_TENURE = frozenset({"council", "social", "public", "subsidised", "subsidized", "affordable", "authority"})
PERSON = frozenset({
    "applicant", "customer", "user", "borrower", "client", "member", "driver", "patient", "person", "employee",
    "subscriber", "buyer", "holder", "candidate", "student", "tenant", "claimant", "passenger", "owner", "contact",
    "caller", "guest", "visitor", "shopper", "resident", "worker", "seller", "policyholder", "beneficiary", "head",
})
_WEAK_NEEDS_PERSON_WORD = frozenset({"phone", "handset", "domain", "area", "state", "club", "shift", "address",
                                     "ip", "os"})
_WEAK_QUALIFIERS = {"phone": {"model", "type", "brand", "make"}, "handset": {"model", "type", "brand", "make"},
                    "domain": {"email", "mail"}, "area": {"code", "home", "living"}, "os": {"version", "type"},
                    "ip": {"address", "country", "location"}, "state": {"home", "residence", "us"},
                    "address": set(), "club": set(), "shift": {"work"}}
# Words that may follow a weak proxy and keep it the head of the name ('home_city_code', 'device_type').
_HEAD_QUALIFIERS = frozenset({"code", "id", "type", "name", "band", "group", "category", "model", "version", "family",
                              "prefix", "level", "class", "cluster", "segment", "brand", "make", "os", "region",
                              "district", "country", "city", "area", "domain", "zone"})
_NOT_A_PERSON_AGE = frozenset({
    "account", "item", "model", "data", "contract", "device", "handset", "vehicle", "asset", "ticket", "case",
    "listing", "product", "policy", "loan", "order", "machine", "equipment", "part", "building", "page", "session",
    "card", "plan", "subscription", "store", "inventory", "file", "record", "content", "post", "video", "document",
})
PROXY_PHRASES = compile_phrases((
    "where the|a customer|applicant|user|person|patient|client|borrower|driver|employee|student|candidate|tenant "
    "lives|live|resides|reside|grew_up|was_born",
    "home|residential area|address|postcode|zip|neighbourhood|neighborhood|district|location",
    "place of birth|residence", "country of birth|origin|residence", "mother tongue", "native language",
    "first|given|family|last name|names", "surname|surnames", "spoken language", "language spoken|preference|of_the",
    "school attended", "schools attended", "university attended", "device type|model", "browser type|version",
    "operating system", "user agent", "email domain", "e-mail domain", "profile photo|picture|image",
))
_IDENTITY_GROUP = frozenset({"term", "terms", "group", "groups", "word", "words", "mention", "mentions"})
PROTECTED_PHRASES = compile_phrases((
    "gender", "sex=", "ethnicity|ethnic_origin|ethnic_group", "race=", "religion|religious_belief|faith",
    "marital status", "nationality", "citizenship", "disability|disabilities", "pregnancy|pregnant",
    # 'disabled' of a person, not of a thing provided for people ('disabled bays', 'disabled access') or switched off
    "@\\bdisabled\\b(?!\\s+(?:bay|bays|parking|space|spaces|spot|spots|access|toilet|toilets|entrance|entrances|"
    "ramp|ramps|lift|lifts|facilities|feature|features|flag|flags|account|accounts|option|options|setting|settings|"
    "by\\s+default)\\b)",
    "date of birth", "age of the|a applicant|customer|user|patient|borrower|driver|person|employee|candidate|client",
    "@(?:applicant|customer|user|patient|borrower|driver|person|employee|candidate|client|policyholder)['’]s\\s+age",
    "sexual orientation",
    "identity term|terms|group|groups|word|words|mention|mentions", "minority|minorities ~ group|groups|terms|words",
    "mentions|names|references of|to ~ groups|minorities|religions|nationalities",
))


@lru_cache(maxsize=8192)
def name_tokens(name: str) -> tuple[str, ...]:
    """'customerAge_band' → ('customer', 'age', 'band')."""
    return tuple(token.lower() for token in _TOKEN.findall(name))


# 'orientation' is also the welcome week of a course or a job, and the direction of an object
_NOT_SEXUAL_ORIENTATION = frozenset({
    "attendance", "attended", "session", "sessions", "week", "day", "event", "events", "program", "programme",
    "module", "course", "tour", "visit", "completed", "done", "angle", "axis", "panel", "image", "page", "screen",
})


@lru_cache(maxsize=8192)
def protected_in_name(name: str) -> str:
    """The word of the name that points at a protected attribute ('' for none); 'age' only of a person."""
    tokens = name_tokens(name)
    for token in tokens:
        if token in PROTECTED and not (token == "orientation" and _NOT_SEXUAL_ORIENTATION.intersection(tokens)):
            return token
    if "birth" in tokens and ("date" in tokens or "year" in tokens):
        return "birth date"
    # 'identity_term_count', 'identity_group': words naming who people are ('identity_verified' is a check)
    if "identity" in tokens and _IDENTITY_GROUP.intersection(tokens):
        return "identity"
    for index, token in enumerate(tokens):
        if token == "age" and (index == 0 or tokens[index - 1] in PERSON) and not (
            _NOT_A_PERSON_AGE.intersection(tokens[:index])
        ):
            return "age"
    return ""


_RESIDENTS = compile_phrases((
    "council|social|public|local_authority|subsidised|subsidized housing|tenancies|tenants|homes|dwellings|estates",
    "deprivation index|indices|decile|deciles|score|scores|quintile|rank", "benefit|benefits claimants|recipients",
))


@lru_cache(maxsize=8192)
def area_composition(name: str, description: str = "") -> bool:
    """The feature measures who lives in an area by income or tenure ('council_housing_share', 'deprivation decile',
    'share of social housing'): a stand-in for income, disability and ethnicity even when the model decides about
    streets, shops or sites rather than people, since the people living there bear the decision."""
    tokens = name_tokens(name)
    if "deprivation" in tokens or ("housing" in tokens and _TENURE.intersection(tokens)):
        return True
    return bool(description.strip()) and _RESIDENTS.search(description) is not None


@lru_cache(maxsize=8192)
def proxy_in_name(name: str, about_people: bool) -> tuple[str, bool]:
    """(the word that makes the name look like a proxy, whether it is a strong proxy); ('', False) for none."""
    tokens = name_tokens(name)
    for token in tokens:
        if token in STRONG_PROXY:
            return token, True
    if "name" in tokens and (_NAME_WORDS.intersection(tokens) or PERSON.intersection(tokens)):
        return "name", True
    if area_composition(name):
        return "deprivation" if "deprivation" in tokens else "housing", True
    if not about_people:
        return "", False
    for index, token in enumerate(tokens):
        if token in WEAK_PROXY:
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            if following and following not in _HEAD_QUALIFIERS:
                continue  # 'location_mismatch_km' is a distance, not a place; 'device_type' is a device
            qualifiers = _WEAK_QUALIFIERS.get(token)
            if token in _WEAK_NEEDS_PERSON_WORD and not (
                (qualifiers and qualifiers.intersection(tokens)) or PERSON.intersection(tokens)
            ):
                continue
            return token, False
    return "", False


@lru_cache(maxsize=8192)
def proxy_in_text(text: str) -> str:
    """The words of a description that say the value stands for who a person is, or who lives in an area ('' for
    none)."""
    match = (PROXY_PHRASES.search(text) or _RESIDENTS.search(text)) if text.strip() else None
    return match.group(0) if match else ""


@lru_cache(maxsize=8192)
def protected_in_text(text: str) -> str:
    match = PROTECTED_PHRASES.search(text) if text.strip() else None
    return match.group(0) if match else ""


# 'Tarvo service desk, via Ilse Vandenberg', 'ops mailbox (contact: Raj Patel)': a channel with a named person behind it
_CONTACT = re.compile(
    r"\b(?:via|contact|attn|c/o|through|owner|lead|led\s+by|run\s+by|with)\s*:?\s+"
    r"(?P<name>[A-Z][a-zà-ÿ]+(?:[-'][A-Z]?[a-zà-ÿ]+)?\s+(?:(?:van|de|der|den|da|di|von|le|la)\s+)?[A-Z][\w'-]+)"
)


def contact_person(text: str) -> str:
    """The named person an answer gives as the contact behind a team, desk or mailbox ('' for none): after 'via',
    'contact', 'owner'…, or opening the answer ('Tomasz Wielgosz-Ferrand (data scientist); the mailbox gets a
    copy')."""
    match = _CONTACT.search(text)
    if match:
        return match.group("name")
    match = _LEADING_NAME.match(text)
    if match and not _ORG_WORDS.intersection(w.lower() for w in re.split(r"[\s-]+", match.group("name"))):
        return match.group("name")
    return ""


_ORG_WORDS = frozenset("""team teams desk mailbox channel inbox queue group unit department office rota service services
committee board ops operations support analytics engineering data platform science risk finance security
monitoring alerts helpdesk centre center hub squad tribe function section directorate management""".split())
# An answer that opens with a first and last name, not with a team's or a mailbox's ('Data Science mailbox').
_LEADING_NAME = re.compile(
    r"\s*(?P<name>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?\s+(?:(?:van|de|der|den|da|di|von|le|la)\s+)?"
    r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\b(?!\s+(?:[A-Z]\w*\s+)?(?:team|desk|mailbox|channel|inbox|queue|group|"
    r"unit|department|office|rota|on-call|list|alias|board|committee|service|ops|operations)\b)(?=\s*(?:[(,;:.]|$|"
    r"and\b|\u2013|-))"
)


_POSSESSIVE_PERSON = re.compile(r"\b(?:" + "|".join(sorted(PERSON)) + r")s?['’]s?\s", re.IGNORECASE)


def describes_a_person(name: str, description: str) -> bool:
    """A feature about a person: its name names one ('customer_zip5') or its description starts from one
    ("the seller's home ZIP")."""
    return bool(PERSON.intersection(name_tokens(name))) or bool(_POSSESSIVE_PERSON.search(description))


_IMAGERY = re.compile(r"\b(?:image|images|imagery|frames|photos?|photographs?|video|videos|footage|cctv|recordings?)\b",
                      re.IGNORECASE)


def names_imagery(name: str) -> bool:
    """A source's name says it holds images or video ('Camera-trap image archive', 'Depot CCTV footage')."""
    return bool(_IMAGERY.search(name or ""))
