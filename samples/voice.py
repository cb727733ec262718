"""How a resident sounds, whatever the topic: tones, and the greetings, openers, extras and
sign-offs they use. Shared by every category; topic sentences live in ``samples.phrases``.
"""

from __future__ import annotations

from enum import StrEnum

from contracts import ContactType


class Tone(StrEnum):
    """The register a message is written in."""

    polite = "polite"
    angry = "angry"
    formal = "formal"  # the elderly, letter-writing register
    terse = "terse"
    textspeak = "textspeak"
    plain = "plain"


# How likely each tone is, per contact type.
TONE_WEIGHTS: dict[ContactType, dict[Tone, float]] = {
    ContactType.complaint: {
        Tone.polite: 0.26, Tone.angry: 0.22, Tone.formal: 0.11, Tone.terse: 0.13,
        Tone.textspeak: 0.10, Tone.plain: 0.18,
    },
    ContactType.enquiry: {
        Tone.polite: 0.38, Tone.angry: 0.03, Tone.formal: 0.12, Tone.terse: 0.15,
        Tone.textspeak: 0.12, Tone.plain: 0.20,
    },
    ContactType.compliment: {
        Tone.polite: 0.45, Tone.formal: 0.18, Tone.terse: 0.10, Tone.textspeak: 0.10,
        Tone.plain: 0.17,
    },
    ContactType.suggestion: {
        Tone.polite: 0.38, Tone.angry: 0.05, Tone.formal: 0.12, Tone.terse: 0.08,
        Tone.textspeak: 0.09, Tone.plain: 0.28,
    },
}  # fmt: skip

GREETINGS: dict[Tone, tuple[str, ...]] = {
    Tone.polite: ("Hi,", "Hello,", "Good morning,", "Hi there,", "Good afternoon,", "Hello there,"),
    Tone.angry: ("To whom it may concern,", "Hello,", "Right,"),
    Tone.formal: (
        "Dear Sir or Madam,",
        "Dear Sir/Madam,",
        "Dear Sirs,",
        "To whom it may concern,",
        "Dear Council,",
    ),
    Tone.textspeak: ("hi", "hiya", "hello", "hey"),
    Tone.plain: ("Hi,", "Hello,"),
    Tone.terse: (),
}

OPENERS: dict[ContactType, dict[Tone, tuple[str, ...]]] = {
    ContactType.complaint: {
        Tone.polite: (
            "I'd like to report a problem please.",
            "Sorry to bother you, but I need to report something.",
            "I hope someone can help with this.",
            "I'm writing to make a complaint.",
            "I wanted to let you know about an ongoing issue.",
            "I don't usually complain but this has gone on long enough.",
        ),
        Tone.angry: (
            "I am absolutely fuming.",
            "Once again I'm having to contact you about the same thing.",
            "This is beyond a joke now.",
            "I want to make a formal complaint.",
            "Not for the first time, I'm writing to complain.",
            "I've had enough.",
            "Why is it that nothing ever gets done in this borough?",
        ),
        Tone.formal: (
            "I am writing to make you aware of a matter of some concern.",
            "I wish to make a complaint.",
            "I am writing with regard to the following matter.",
            "I am a pensioner and I have lived at my address for over forty years.",
            "I write to express my dissatisfaction.",
        ),
        Tone.textspeak: (
            "just wanted to report this",
            "need to report sumthing",
            "not happy at all",
        ),
        Tone.plain: (
            "I want to report a problem.",
            "Reporting an issue.",
            "I need to make a complaint.",
        ),
        Tone.terse: (),
    },
    ContactType.enquiry: {
        Tone.polite: (
            "I wonder if you can help.",
            "I'm hoping you can help me with a query.",
            "I'd be grateful for some information.",
            "Sorry if this is the wrong place to ask.",
            "Quick question if that's OK.",
        ),
        Tone.angry: (
            "I've tried ringing and nobody answers, so I'll ask here.",
            "I can't find a straight answer anywhere.",
        ),
        Tone.formal: (
            "I should be most grateful for your advice on the following.",
            "I am writing to enquire about the following.",
            "I wonder whether you could assist me.",
        ),
        Tone.textspeak: ("quick question", "hi quick q", "need sum info"),
        Tone.plain: ("I have a question.", "Can you help with something?"),
        Tone.terse: (),
    },
    ContactType.compliment: {
        Tone.polite: (
            "I just wanted to say thank you.",
            "I don't normally write in, but I had to share this.",
            "You only ever seem to hear complaints, so here's some good news.",
            "I'd like to pass on a compliment.",
            "I wanted to take a moment to say thanks.",
        ),
        Tone.formal: (
            "I am writing to express my sincere gratitude.",
            "I feel I must write to commend the following.",
            "I wish to place on record my thanks.",
        ),
        Tone.textspeak: ("just wanna say", "massive thanks"),
        Tone.plain: ("Just a quick thank you.", "Some positive feedback for you."),
        Tone.terse: (),
        Tone.angry: (),
    },
    ContactType.suggestion: {
        Tone.polite: (
            "I have a suggestion I hope you'll consider.",
            "Just an idea for the council.",
            "I'd like to put forward a suggestion.",
            "I don't know if anyone has thought of this.",
        ),
        Tone.angry: (
            "Here's an idea, seeing as nobody at the council seems to have any.",
            "Since nothing I report ever gets fixed, here's a suggestion.",
        ),
        Tone.formal: (
            "I should like to make a suggestion for your consideration.",
            "May I offer a suggestion.",
        ),
        Tone.textspeak: ("idea for u", "just a thought"),
        Tone.plain: ("Suggestion.", "An idea:"),
        Tone.terse: (),
    },
}

# Generic complaint sentences, not tied to a topic.
COMPLAINT_EXTRAS: dict[Tone, tuple[str, ...]] = {
    Tone.polite: (
        "I reported this {period} ago and I haven't heard anything back.",
        "This is the second time I've had to report it.",
        "I'd really appreciate it if someone could look into it.",
        "I know you're busy but it really does need sorting.",
        "My reference number is {ref}.",
    ),
    Tone.angry: (
        "What exactly do we pay our council tax for?",
        "I've reported this {times} now and nothing has been done.",
        "Absolute joke.",
        "Nobody ever gets back to you.",
        "I'm sick to death of it.",
        "If this was in a posh area it would have been sorted weeks ago.",
        "It's a disgrace.",
        "I'm going to my councillor next.",
    ),
    Tone.formal: (
        "I reported this matter by telephone {period} ago but have received no response.",
        "I should be grateful if this could be dealt with promptly.",
        "I am not in good health and this is causing me considerable distress.",
        "I have enclosed photographs for your reference.",
        "I have lived here for over forty years and have never known it this bad.",
    ),
    Tone.textspeak: ("been like this 4 ages", "reported it b4 and nothing", "its a joke"),
    Tone.plain: (
        "It was reported before and nothing happened.",
        "This has been going on for {period}.",
        "The reference is {ref}.",
    ),
    Tone.terse: ("Again.", "Third time.", "Still not sorted.", "Please sort.", "As above."),
}

# What a terse writer tacks onto a one-line fragment ("bin missed again - 3rd time this month").
TERSE_TAILS: tuple[str, ...] = (
    "been like this for {period}", "reported {times} already", "please sort asap",
    "any news?", "can someone sort it", "still waiting", "ref {ref}",
    "same as last week", "not good enough", "sort it out please", "3rd time this month",
    "nobody has got back to me", "this needs sorting", "getting worse", "any update?",
)  # fmt: skip

# Background a writer gives before getting to the point (polite, formal and angry writers).
BACKSTORY: tuple[str, ...] = (
    "I've lived on this road for over thirty years and I'm not one to complain.",
    "I've tried to be patient about this but enough is enough.",
    "I work full time and I've got two kids, so I don't have time to keep chasing this.",
    "I'm a carer for my husband so I can't keep waiting in for people who don't turn up.",
    "I'm 78 and I don't use the internet, so my granddaughter is sending this for me.",
    "We moved here because it was a nice quiet area, but it's really gone downhill.",
    "I've rung twice already and been passed from pillar to post.",
    "I'm writing on behalf of my elderly neighbour, who isn't able to do it herself.",
)

# Generic asks, used when the category's own asks are not picked.
ASKS: dict[Tone, tuple[str, ...]] = {
    Tone.polite: (
        "Can someone please sort this out?",
        "Could someone give me a call back please?",
        "Please let me know what's happening.",
    ),
    Tone.angry: (
        "Sort it out.",
        "I expect a reply within ten working days.",
        "I want a proper answer this time, not a standard email.",
    ),
    Tone.formal: (
        "I should be grateful for a written reply.",
        "I look forward to hearing from you at your earliest convenience.",
    ),
    Tone.textspeak: ("pls sort", "can sum1 sort it pls", "pls get back 2 me"),
    Tone.plain: ("Please sort it out.", "Please let me know when it will be done."),
    Tone.terse: ("Sort it.", "Please sort."),
}

# How a writer turns to a second topic in passing.
ASIDE_CONNECTORS: tuple[str, ...] = (
    "Also, ", "While I'm writing, ", "On a separate note, ", "And another thing, ", "Also ",
)  # fmt: skip
ENQUIRY_EXTRAS: tuple[str, ...] = (
    "I couldn't find the answer on the website.",
    "Thanks in advance.",
    "Who would be the best person to speak to?",
    "A reply by email would be fine.",
    "I've tried ringing but couldn't get through.",
)

COMPLIMENT_EXTRAS: tuple[str, ...] = (
    "Please pass on my thanks.",
    "Credit where it's due.",
    "It's nice to see things done properly.",
    "You don't often hear good news so I wanted to say thank you.",
    "They were polite and helpful from start to finish.",
    "Could this be passed on to their manager please?",
    "It made a real difference to us.",
    "A real credit to the council.",
)

SUGGESTION_EXTRAS: tuple[str, ...] = (
    "Just an idea.",
    "I think it would make a real difference.",
    "Happy to discuss if it would help.",
    "Other councils already do this.",
    "It would save money in the long run.",
    "Would it be possible to consider this?",
    "I'm sure a lot of residents would agree.",
)

CLOSERS: dict[Tone, tuple[str, ...]] = {
    Tone.polite: (
        "Thanks",
        "Many thanks",
        "Kind regards",
        "Thank you for your help.",
        "Thanks in advance",
        "Regards",
        "Thanks very much",
    ),
    Tone.angry: (
        "Disgusted.",
        "Regards",
        "Waiting for an answer.",
        "Fed up.",
        "A very unhappy resident",
    ),
    Tone.formal: (
        "Yours faithfully",
        "Yours sincerely",
        "Thank you for your attention to this matter.",
        "With thanks",
    ),
    Tone.textspeak: ("thx", "ta", "cheers", "ty", "x"),
    Tone.plain: ("Thanks", "Regards", "Cheers"),
    Tone.terse: ("Ta.", "Thanks"),
}

# Sign-offs that suit thanks (no "thanks in advance", nothing cross).
COMPLIMENT_CLOSERS: tuple[str, ...] = (
    "Thanks again", "Kind regards", "Best wishes", "Many thanks", "Regards", "With thanks",
)  # fmt: skip

TYPE_SUBJECTS: dict[ContactType, tuple[str, ...]] = {
    ContactType.complaint: (
        "Complaint",
        "Formal complaint",
        "Not happy",
        "Ongoing problem",
        "URGENT",
        "Report a problem",
        "Complaint - please read",
    ),
    ContactType.enquiry: (
        "Enquiry",
        "Question",
        "Quick question",
        "Information please",
        "Query",
        "Can you help?",
    ),
    ContactType.compliment: (
        "Thank you",
        "Compliment",
        "Well done",
        "Thanks!",
        "Praise for your staff",
        "A big thank you",
        "Great service",
    ),
    ContactType.suggestion: (
        "Suggestion",
        "Idea",
        "A suggestion",
        "Feedback and a suggestion",
        "Improvement idea",
    ),
}

# How a type-specific prefix joins a topic subject ("Query - Missed bin").
SUBJECT_PREFIXES: dict[ContactType, tuple[str, ...]] = {
    ContactType.complaint: ("Complaint - ", "Complaint re ", "Complaint: "),
    ContactType.enquiry: ("Query - ", "Question about ", "Enquiry re ", "Re: "),
    ContactType.compliment: ("Thank you - ", "Compliment - ", "Thanks re "),
    ContactType.suggestion: ("Suggestion - ", "Idea re ", "Suggestion: "),
}
