"""What patients and visitors write in a feedback survey's free-text box, by theme: good and
bad remarks, quoted exchanges, and the generic comments any coder struggles to theme. Data only.
"""

from __future__ import annotations

# ruff: noqa: E501

# Theme label as the export writes it -> share of responses (a real survey's imbalance).
THEMES: dict[str, float] = {
    "Staff attitude": 0.3,
    "Care and treatment": 0.22,
    "Waiting time": 0.14,
    "Communication": 0.12,
    "Appointments and booking": 0.08,
    "Cleanliness": 0.05,
    "Environment and facilities": 0.048,
    "Access and parking": 0.025,
    "Food and drink": 0.012,
}

# Themes a coder confuses, each way round.
THEME_LOOK_ALIKES: tuple[tuple[str, str], ...] = (
    ("Staff attitude", "Care and treatment"),
    ("Staff attitude", "Communication"),
    ("Care and treatment", "Communication"),
    ("Waiting time", "Appointments and booking"),
    ("Waiting time", "Communication"),
    ("Cleanliness", "Environment and facilities"),
    ("Access and parking", "Environment and facilities"),
    ("Food and drink", "Environment and facilities"),
    ("Food and drink", "Care and treatment"),
    ("Appointments and booking", "Communication"),
)

SLOTS: dict[str, tuple[str, ...]] = {
    "staff": (
        "nurse", "receptionist", "doctor", "consultant", "porter", "physio", "healthcare assistant",
        "lady on reception", "man on the front desk", "student nurse", "sister on the ward",
        "paramedic", "pharmacist", "radiographer", "midwife", "registrar", "volunteer",
    ),
    "place": (
        "A&E", "outpatients", "the ward", "the clinic", "the x-ray department", "the day unit",
        "the walk-in centre", "the maternity unit", "the eye clinic", "the fracture clinic",
        "the blood test clinic", "minor injuries", "the surgery", "the children's ward",
    ),
    "wait": (
        "two hours", "45 minutes", "over three hours", "an hour and a half", "five hours",
        "20 minutes", "nearly four hours", "ten minutes", "over an hour", "six hours",
    ),
    "name": ("Sarah", "Dr Patel", "Jo", "Mike", "Sister Evans", "Ade", "Lucy", "Tom", "Dr Okafor"),
}  # fmt: skip

GOOD: dict[str, tuple[str, ...]] = {
    "Staff attitude": (
        "The {staff} was so kind and friendly.",
        "Every member of staff was polite and helpful.",
        "{name} went above and beyond for my mum.",
        "The {staff} made me feel at ease straight away.",
        "Lovely staff, nothing was too much trouble.",
        "Staff were caring and respectful throughout.",
        "The {staff} had a lovely manner and a great sense of humour.",
        "Everyone was so welcoming, from the {staff} to the {staff}.",
        "Really friendly team, they treated my dad with dignity.",
        "The {staff} was patient with my son who has autism.",
    ),
    "Care and treatment": (
        "The treatment I received was excellent.",
        "I was examined thoroughly and the {staff} knew exactly what the problem was.",
        "My wound was dressed properly and has healed well.",
        "They got my pain under control very quickly.",
        "The {staff} was very thorough and didn't rush the examination.",
        "Excellent care from start to finish on {place}.",
        "They sorted my medication out and I feel so much better.",
        "The procedure went smoothly and I was well looked after.",
        "I felt safe and in good hands.",
        "The physio exercises have really helped my back.",
    ),
    "Waiting time": (
        "I was seen within {wait} of arriving.",
        "Hardly any wait at all, in and out in no time.",
        "Seen on time, which made a nice change.",
        "Very quick service considering how busy it was.",
        "No waiting around, straight in to see the {staff}.",
    ),
    "Communication": (
        "The {staff} explained everything clearly and answered all my questions.",
        "I was kept informed at every stage.",
        "They took the time to explain my results in plain English.",
        "The {staff} listened to me and didn't make me feel silly.",
        "I got a phone call the next day to check how I was.",
        "Clear information about what happens next.",
    ),
    "Appointments and booking": (
        "I got an appointment the same week.",
        "Booking online was easy.",
        "The text reminder for my appointment was really useful.",
        "It was easy to rearrange my appointment over the phone.",
        "I was offered an appointment at a time that suited me.",
    ),
    "Cleanliness": (
        "The ward was spotless.",
        "Very clean and tidy everywhere.",
        "The toilets were clean, which you don't always find.",
        "I saw the cleaners going round constantly, everything was immaculate.",
        "Hand gel everywhere and staff always washed their hands.",
    ),
    "Environment and facilities": (
        "The new waiting area is bright and comfortable.",
        "Nice and quiet, I managed to get some sleep.",
        "The children's play corner kept my little one busy.",
        "The free wifi was a godsend.",
        "Comfortable chairs and plenty of room.",
    ),
    "Access and parking": (
        "Parking was easy and close to the entrance.",
        "Good disabled access and the lift was working.",
        "The volunteer at the entrance pointed us in the right direction.",
        "Signs were clear so we found the clinic easily.",
        "Handy for the bus stop.",
    ),
    "Food and drink": (
        "The food was hot and tasty.",
        "Good choice of meals, even for vegetarians.",
        "The tea trolley came round regularly.",
        "The sandwiches were fresh and there was plenty to drink.",
        "They found me a gluten free meal without any fuss.",
    ),
}

BAD: dict[str, tuple[str, ...]] = {
    "Staff attitude": (
        "The {staff} was rude and dismissive.",
        "The {staff} rolled her eyes when I asked a question.",
        "Some staff were chatting among themselves and ignored us.",
        "The {staff} was abrupt and made me feel like a nuisance.",
        "I was spoken to like a child.",
        "The {staff} said \"we're all busy, you'll have to wait like everyone else\" and walked off.",
        "No compassion whatsoever from the {staff}.",
        "Staff on the night shift were unhelpful and sarcastic.",
    ),
    "Care and treatment": (
        "I was sent home without any pain relief.",
        "The {staff} missed my fracture and I had to come back.",
        "Nobody checked my dad's pressure areas and he ended up with sores.",
        "My mum wasn't helped to eat or drink.",
        "I was given the wrong medication.",
        "The {staff} didn't examine me properly, just looked at the screen.",
        "I was discharged too early and was readmitted two days later.",
        "My call bell was ignored for over an hour.",
    ),
    "Waiting time": (
        "We waited {wait} to be seen.",
        "I sat in {place} for {wait} with nobody telling us anything.",
        "Waited {wait} past my appointment time.",
        "The wait for the pharmacy was ridiculous.",
        "My daughter was in pain and we waited {wait}.",
        'We were told "it won\'t be long", then waited another {wait}.',
        "Waiting times are far too long.",
    ),
    "Communication": (
        "Nobody told us what was going on.",
        "I got three different answers from three different people.",
        "My results were never passed on to my GP.",
        "The {staff} used jargon and I didn't understand a word.",
        "I was never told why my operation was cancelled.",
        "The letter had the wrong date on it.",
        "We weren't told my dad had been moved to another ward.",
        'The {staff} said "someone will ring you", but nobody ever did.',
    ),
    "Appointments and booking": (
        "It took me three weeks to get an appointment.",
        "My appointment was cancelled twice at short notice.",
        "You can never get through on the phone to book.",
        "The online booking system kept crashing.",
        "I was given an appointment at 8am with a 40 mile journey.",
        "The letter arrived after the appointment date.",
        "I was told to ring at 8am and all the slots had gone by 8.05.",
    ),
    "Cleanliness": (
        "The toilets were filthy.",
        "There was blood on the floor of the cubicle.",
        "The bins were overflowing.",
        "The bed hadn't been cleaned from the last patient.",
        "Dirty floors and dust everywhere.",
        "No soap in the toilets and no paper towels.",
    ),
    "Environment and facilities": (
        "The waiting room was freezing.",
        "The ward was far too hot and noisy at night.",
        "Broken chairs and the TV didn't work.",
        "There was nowhere to charge my phone.",
        "No privacy on the ward, everyone could hear my conversation.",
        "The vending machine was out of order.",
    ),
    "Access and parking": (
        "Parking is a nightmare, I drove round for 40 minutes.",
        "The car park charges are extortionate.",
        "The pay machine didn't take cards.",
        "The disabled spaces were all taken.",
        "There were no signs to the clinic and we got lost.",
        "The lift was out of order and my mum can't do stairs.",
        "It's impossible to get there by bus.",
    ),
    "Food and drink": (
        "The food was cold and inedible.",
        "My mum was given food she's allergic to.",
        "Nothing to eat after 6pm.",
        "The café was shut and there was no water on the ward.",
        "Same sandwich every day for a week.",
        "The dinner was stone cold by the time it reached me.",
    ),
}

# Short phrases strung into lists ("Friendly staff, short wait, very clean").
SNIPPETS: dict[str, tuple[str, ...]] = {
    "Staff attitude": (
        "friendly staff",
        "lovely staff",
        "rude receptionist",
        "staff very kind",
        "welcoming team",
        "unhelpful staff",
    ),
    "Care and treatment": (
        "excellent care",
        "thorough examination",
        "good treatment",
        "poor care",
        "well looked after",
        "sorted my problem",
    ),
    "Waiting time": (
        "short wait",
        "long wait",
        "seen quickly",
        "waited ages",
        "on time",
        "no waiting",
    ),
    "Communication": (
        "kept informed",
        "explained everything",
        "nobody told us anything",
        "clear information",
        "good explanation",
    ),
    "Appointments and booking": (
        "easy to book",
        "appointment cancelled",
        "quick appointment",
        "hard to get an appointment",
        "easy to rebook",
    ),
    "Cleanliness": ("very clean", "spotless", "dirty toilets", "clean and tidy", "grubby"),
    "Environment and facilities": (
        "comfortable waiting room",
        "too hot",
        "nice and quiet",
        "modern building",
        "noisy",
    ),
    "Access and parking": (
        "easy parking",
        "no parking",
        "good access",
        "hard to find",
        "expensive parking",
    ),
    "Food and drink": (
        "good food",
        "nice cup of tea",
        "cold food",
        "decent meals",
        "nothing to eat",
    ),
}

# Comments that name no theme: the coder picks one by habit (mostly staff or care).
GENERIC: tuple[str, ...] = (
    "Excellent service, thank you.",
    "Very good.",
    "Everything was fine.",
    "Keep up the good work.",
    "Brilliant, thank you all so much.",
    "Could be better.",
    "Not happy at all.",
    "10/10",
    "Can't fault anything.",
    "First class.",
    "Very poor experience.",
    "All good.",
    "Would recommend to friends and family.",
    "N/A",
    "No comment.",
    "Thank you to everyone on {place}.",
    "Overall a good experience.",
    "It was ok.",
    "Fantastic from start to finish.",
    "Couldn't have asked for more.",
    "Very professional.",
    "Really pleased with everything.",
    "Absolutely shocking.",
    "Never again.",
    "Quick and efficient.",
    "Good service as always.",
    "Happy with my visit.",
    "Nothing to add.",
    "Everyone was great.",
    "They were all brilliant.",
    "Great team.",
    "Could not fault it.",
    "Treated well.",
    "Well looked after.",
)
GENERIC_HABIT: dict[str, float] = {
    "Staff attitude": 0.55,
    "Care and treatment": 0.3,
    "Communication": 0.05,
    "Waiting time": 0.05,
    "Environment and facilities": 0.05,
}

PADDING: tuple[str, ...] = (
    "I've been coming here for years.",
    "This was my first visit.",
    "I was there with my elderly father.",
    "My son had fallen off his bike.",
    "I know the NHS is under a lot of pressure.",
    "I had a scan after a fall at home.",
    "I came in with chest pains.",
    "I was there for my pre-op assessment.",
    "Overall I was quite impressed.",
    "I'm a carer for my wife.",
    "I don't normally fill these surveys in.",
    "It was a Saturday night so I expected it to be busy.",
)
JOINERS: tuple[str, ...] = (
    " However, ",
    " But ",
    " Also ",
    " On the other hand ",
    " ",
    " The only thing was ",
)
SITES: tuple[str, ...] = (
    "Outpatients", "Emergency Department", "Ward 4", "Ward 7", "Maternity", "Community Clinic",
    "Urgent Treatment Centre", "Day Surgery", "Physiotherapy", "Radiology",
)  # fmt: skip

# Word forms and spellings that vary from one writer to the next (what char n-grams catch).
WORD_FORMS: dict[str, tuple[str, ...]] = {
    "waited": ("waiting", "waitin", "waited", "wated"),
    "wait": ("waiting time", "wait time", "waiting", "wiat"),
    "clean": ("cleaned", "hygienic", "clean", "cleen"),
    "dirty": ("filthy", "dirt", "unclean", "dirtey"),
    "parking": ("car park", "carpark", "car-park", "parked", "parkin"),
    "food": ("foods", "meals", "meal", "dinners", "grub"),
    "appointment": ("appt", "appointments", "appt's", "apointment", "appointmnet"),
    "receptionist": ("reception staff", "receptionists", "recptionist", "front desk"),
    "explained": ("explanation", "explaining", "explaned", "explaind"),
    "friendly": ("friendliness", "freindly", "frendly", "friendly"),
    "rude": ("rudeness", "impolite", "ignorant", "rood"),
    "staff": ("staf", "staff members", "team", "workers"),
    "informed": ("updated", "in the loop", "infomed"),
    "booking": ("booked", "book", "bookings", "bookin"),
    "toilets": ("toilet", "loos", "bathrooms", "toliets"),
    "treatment": ("treated", "treatments", "treatmnet"),
    "care": ("cared", "caring", "carers"),
}
