"""The word lists the name passes share (``_redaction_names``, ``_redaction_placed``,
``_redaction_people``, ``_redaction_roles``, ``_redaction_candidates``): words that are never
names, family and helper words a name follows, particles inside names, and the words of places
and organisations."""

from __future__ import annotations

from classifiers._redaction_streets import STREET_WORDS

__all__ = (
    "COMMON",
    "FAMILY",
    "FUNCTION_WORDS",
    "JOB_WORDS",
    "KIN",
    "LANGUAGES",
    "MODALS",
    "NEVER_NAMES",
    "ORGANISATIONS",
    "PARTICLES",
    "PLACES",
    "PLACE_WORDS",
    "SIGNED_STOPS",
)

# Words that are never names, even capitalised ("I am Writing", "Thanks\nThe bins ...").
_FUNCTION_TEXT = """a an the and or but nor so to of in on at by for from with about as into
    than then that this these those there here it its is am are was were be been being have has
    had do does did would should can could not no yes i me my we us our you your he him his she
    her they them their who what when where which why how all any some each also just only very
    too again please while whilst although though because unless until"""
_COMMON_TEXT = """writing disappointed unhappy happy angry annoyed upset furious concerned
    worried sorry sure aware afraid unable able trying having getting going looking asking
    calling contacting complaining reporting still now currently fed sick tired extremely
    absolutely totally really disabled elderly pregnant vulnerable retired housebound resident
    tenant owner landlord neighbour parent mum mother dad father carer member customer council
    team dear sir madam hi hello thanks thank regards sincerely faithfully truly cheers yours kind
    best warm many sent iphone email phone tel address postcode name surname first last full
    contact missing wrong spelt spelled correct listed below above attached same british english
    welsh scottish irish ok okay forward once ps re fw subject date cc mr mrs ms mx miss dr prof
    sort code unfortunately mobile urgent sirs plus anyway btw hiya hey heya howdy ive im dont
    cant wont didnt isnt doesnt wasnt hasnt havent couldnt wouldnt shouldnt thats theres weve
    youre theyre"""
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
COMMON = FUNCTION_WORDS | frozenset(_COMMON_TEXT.split())
# Verbs that are also surnames: in lower case a name never goes on with them ("oliver will be")
MODALS = frozenset(("will", "may", "might", "must", "shall"))

# Between two parts of one name: "Rhiannon ap Gwyn", "Niamh Nic Giolla", "Van der Berg"
_PARTICLES_TEXT = """ap ab o ni nic mac mc ua ui de del da di du van von der den le la al el
    bin bint dela della delos dos das"""
PARTICLES = frozenset(_PARTICLES_TEXT.split())

_KIN_TEXT = """neighbour neighbor neighbours son daughter wife husband partner grandson
    granddaughter grandchild mum mam dad mother father brother sister friend carer child nephew
    niece stepson stepdaughter boyfriend girlfriend nan nana grandad grandma grandpa lodger
    landlady baby auntie aunty gran granny grandmother grandfather stepmum stepdad eldest
    youngest twin"""
FAMILY = tuple(_KIN_TEXT.split())
# Family, household and the people who help: a name follows them ("my support worker Seren")
_HELPERS_TEXT = """partner lodger carer aunt uncle cousin worker interpreter advocate housemate
    flatmate colleague officer nurse tenant"""
KIN = frozenset(FAMILY) | frozenset(_HELPERS_TEXT.split())
# Lower-case words for someone by their job, before their name ("district nurse Siobhán",
# "the manager Gaynor")
_JOB_TEXT = """nurse officer worker warden manager caseworker coordinator co-ordinator inspector
    assistant advisor adviser visitor midwife doctor gp consultant surveyor engineer operative
    driver cleaner caretaker concierge receptionist teacher headteacher clerk councillor mp
    practitioner therapist paramedic firefighter constable pcso sergeant keyworker mentor tenant
    resident owner landlord agent supervisor lead administrator controller dispatcher handler
    investigator enforcer chair chairman chairwoman secretary treasurer vicar rector priest imam
    rabbi pastor planner idva isva iro senco dsl"""
JOB_WORDS = frozenset(_JOB_TEXT.split())

# Words that end a lower-case sign-off without being a name ("cheers mate", "thanks all").
_FILLERS_TEXT = "mate mates all everyone guys folks lot love x xx xxx lol both bye ta"
_FILLERS = frozenset(_FILLERS_TEXT.split())
# Words that follow a lower-case name and are not a surname ("neighbour ruby says ...").
_VERBS_TEXT = """says said keeps kept lets let parks parked plays played lives lived came comes
    goes went got gets told tells rang rings called calls keeps left leaves put puts needs wants"""
SIGNED_STOPS = COMMON | _FILLERS | frozenset(FAMILY) | frozenset(_VERBS_TEXT.split())

_PLACES_TEXT = """park street road lane avenue close drive way court hall house cottage lodge
    farm centre center school college hospital surgery station square gardens place estate
    bridge hill green wood woods field fields bank view terrace crescent grove walk mews row
    library church chapel pub inn arms hotel stadium ground shopping retail market club town
    city village ward district infirmary hospice clinic"""
PLACES = frozenset(_PLACES_TEXT.split())

_WEEK = "monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday"
_MONTHS = "january february september october november december"  # not April, May, June ...
# Languages and nationalities ("an interpreter (Kurdish Sorani)", "my Polish neighbour")
_LANGUAGES_TEXT = """polish romanian lithuanian latvian bulgarian hungarian czech slovak russian
    ukrainian portuguese spanish italian french german turkish kurdish sorani kurmanji arabic
    urdu punjabi bengali bangla gujarati hindi tamil somali tigrinya amharic farsi persian dari
    pashto mandarin cantonese chinese vietnamese filipino tagalog nigerian ghanaian eritrean
    sudanese syrian afghan iranian iraqi albanian nepali sylheti sinhala sinhalese malayalam
    telugu yoruba igbo hausa twi shona ndebele zulu swahili lingala jamaican
    british scottish irish romani"""
LANGUAGES = frozenset(_LANGUAGES_TEXT.split())
NEVER_NAMES = (  # words no name holds
    SIGNED_STOPS
    | frozenset(_WEEK.split())
    | frozenset(_MONTHS.split())
    | LANGUAGES
    | frozenset(("tell",))  # "Tell Richard that ..."
)

_ORGANISATIONS_TEXT = """housing council trust association ltd limited group society services
    team centre school church club surgery practice college university academy partnership
    lettings properties estates builders electrical plumbing motors tyres takeaway barbers salon
    funeralcare"""  # not "kitchen", "garage": "reports a leak through the kitchen ceiling"
ORGANISATIONS = frozenset(_ORGANISATIONS_TEXT.split())
# Words that make a run of capitalised words a place or a body, not a person
PLACE_WORDS = PLACES | ORGANISATIONS | STREET_WORDS
