"""Writes samples/demo/emails/: 80 resident emails to Halton Borough Council and its partners,
in the shapes real mail clients produce. Deterministic: ``python samples/demo_emails.py``."""

from __future__ import annotations

import hashlib
import random
import shutil
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from zoneinfo import ZoneInfo

OUT = Path(__file__).parent / "demo" / "emails"
LONDON = ZoneInfo("Europe/London")
LAST_DAY = datetime(2025, 12, 20, 17, 0, tzinfo=LONDON)
SEED = 20251220


@dataclass(frozen=True)
class Case:
    slug: str
    to: str
    subject: str
    body: str
    forwarder: tuple[str, str, str] | None = None  # name, address, note
    follow_up: int | None = None  # index into FOLLOW_UPS


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    phone: str
    address: str

    @property
    def first(self) -> str:
        return self.name.split()[0]

    @property
    def domain(self) -> str:
        return self.email.split("@")[1]


FIRST = (
    "Amy", "Ben", "Chloe", "Dan", "Ellie", "Frank", "Grace", "Harry", "Iris", "Jack", "Kerry",
    "Liam", "Megan", "Neil", "Olive", "Paul", "Rosie", "Sam", "Tina", "Wayne", "Yasmin", "Zak",
    "Agnieszka", "Siobhan", "Rhys", "Fatima", "Declan", "Bernadette", "Kwame", "Zoë", "Renée",
)  # fmt: skip
LAST = (
    "Ashworth", "Barlow", "Clarke", "Doyle", "Evans", "Foster", "Gallagher", "Hughes", "Ince",
    "Jones", "Kelly", "Lunt", "Murphy", "Nolan", "O'Neill", "Parr", "Quayle", "Roberts", "Shaw",
    "Taylor", "Unsworth", "Vose", "Whittaker", "Yates", "Kowalski", "Begum",
)  # fmt: skip
DOMAINS = ("gmail.com", "hotmail.co.uk", "outlook.com", "btinternet.com", "yahoo.co.uk", "sky.com")
STREETS = (
    ("Moor Lane", "Widnes", "WA8"), ("Halton Road", "Runcorn", "WA7"),
    ("Peel House Lane", "Widnes", "WA8"), ("Boston Avenue", "Runcorn", "WA7"),
    ("Birchfield Road", "Widnes", "WA8"), ("Palacefields Avenue", "Runcorn", "WA7"),
    ("Lunts Heath Road", "Widnes", "WA8"), ("Clifton Road", "Runcorn", "WA7"),
)  # fmt: skip
GREETINGS = ("Hello,", "Hi,", "Dear Sir/Madam,", "To whom it may concern,", "Hi there,", "")
# How each email is sent, so the parser meets every shape real clients produce.
STYLES = (
    "plain", "plain", "signature", "signature", "sign_off", "sign_off", "sign_off", "html_only",
    "html_outlook", "alternative", "alternative", "quoted_printable", "base64", "cp1252_html",
    "cp1252_plain", "latin1", "mislabelled", "attachment", "attachment", "no_message_id", "mobile",
)  # fmt: skip
FORWARD_STYLES = ("forward_gmail", "forward_apple", "forward_outlook")
REPLY_STYLES = ("reply_gmail", "reply_outlook", "reply_html")


def _person(rng: random.Random) -> Person:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    local = f"{first}.{last}".lower().replace("'", "").replace("ë", "e").replace("é", "e")
    street, town, district = rng.choice(STREETS)
    inward = (
        f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEHJLNQRTUXY')}"
    )
    # Ofcom's drama ranges: numbers that look real and never ring anyone.
    phone = rng.choice(
        (f"07700 900{rng.randint(0, 999):03d}", f"01632 960{rng.randint(0, 999):03d}")
    )
    address = f"{rng.randint(1, 120)} {street}\n{town} {district} {inward}"
    email = f"{local}{rng.randint(1, 99)}@{rng.choice(DOMAINS)}"
    return Person(f"{first} {last}", email, phone, address)


def _when(rng: random.Random) -> datetime:
    """Mostly since July 2025, with a long tail back to April 2024."""
    start, days = (datetime(2025, 7, 1), 172) if rng.random() < 0.7 else (datetime(2024, 4, 1), 455)
    moment = start + timedelta(days=rng.randrange(days), minutes=rng.randint(6 * 60, 23 * 60))
    return moment.replace(tzinfo=LONDON)


def _message_id(key: str, domain: str) -> str:
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:24]}@{domain}>"


def _new_message(case: Case, sender: Person, when: datetime, subject: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"{sender.name} <{sender.email}>"
    message["To"] = case.to
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    return message


def _html(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace("£", "&pound;").replace("é", "&eacute;").replace("\u2019", "&rsquo;")
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in escaped.split("\n\n"))
    return f"<html><head><style>p {{margin:0 0 1em}}</style></head><body>{paragraphs}</body></html>"


def _outlook_html(text: str) -> str:
    lines = text.replace("&", "&amp;").split("\n")
    body = "".join(f'<p class="MsoNormal">{line or "&nbsp;"}<o:p></o:p></p>' for line in lines)
    office = "urn:schemas-microsoft-com:office:office"
    return f'<html xmlns:o="{office}"><body><div class="WordSection1">{body}</div></body></html>'


def _sign(body: str, sender: Person, style: str) -> str:
    if style == "signature":
        return f"{body}\n\n-- \n{sender.name}\n{sender.address}\nTel: {sender.phone}\n"
    if style in ("sign_off", "cp1252_plain", "latin1", "html_outlook"):
        return f"{body}\n\nKind regards,\n{sender.name}\n{sender.phone}\n"
    if style == "mobile":
        return f"{body}\n\nSent from my iPhone\n"
    return f"{body}\n\nThanks\n{sender.first}\n"


def build(case: Case, sender: Person, when: datetime, style: str, key: str) -> EmailMessage:
    """A first email from ``sender`` about ``case``, sent in ``style``."""
    message = _new_message(case, sender, when, case.subject)
    if style != "no_message_id":
        message["Message-ID"] = _message_id(key, sender.domain)
    body = _sign(case.body, sender, style)
    if style in ("cp1252_html", "cp1252_plain", "mislabelled", "html_outlook"):
        body = body.replace("'", "\u2019")  # Word's smart apostrophes
    if style in ("html_only", "cp1252_html"):
        charset = "windows-1252" if style == "cp1252_html" else "utf-8"
        message.set_content(_html(body), subtype="html", charset=charset, cte="quoted-printable")
    elif style == "html_outlook":
        message.set_content(_outlook_html(body), subtype="html", cte="base64")
    elif style == "alternative":
        message.set_content(body)
        message.add_alternative(_html(body), subtype="html")
    elif style in ("quoted_printable", "base64"):
        message.set_content(body, cte=style.replace("_", "-"))
    elif style == "latin1":
        message.set_content(body.replace("\u2019", "'"), charset="iso-8859-1")
    elif style in ("cp1252_plain", "mislabelled"):
        message.set_content(body, charset="windows-1252", cte="8bit")
        if style == "mislabelled":  # a client that claims ASCII and sends windows-1252
            message.set_param("charset", "us-ascii")
    else:
        message.set_content(body)
    if style == "attachment":
        photo = b"\xff\xd8\xff\xe0" + hashlib.sha256(key.encode()).digest() * 16 + b"\xff\xd9"
        message.add_attachment(photo, maintype="image", subtype="jpeg", filename="IMG_2041.jpg")
        if len(key) % 2:
            pdf = b"%PDF-1.4\n% demo letter\n%%EOF\n"
            message.add_attachment(pdf, "application", "pdf", filename="letter.pdf")
    return message


def forward(case: Case, author: Person, when: datetime, style: str, key: str) -> EmailMessage:
    """Someone (a councillor, a relative, a partner's desk) forwards ``author``'s email."""
    assert case.forwarder is not None
    name, address, note = case.forwarder
    sent = when - timedelta(hours=5, minutes=13)
    original = f"{case.body}\n\nThanks\n{author.first}"
    if style == "forward_gmail":
        header = (
            f"---------- Forwarded message ---------\nFrom: {author.name} <{author.email}>\n"
            f"Date: {sent:%a, %d %b %Y at %H:%M}\nSubject: {case.subject}\nTo: <{address}>\n\n\n"
        )
    elif style == "forward_apple":
        header = (
            f"Begin forwarded message:\n\nFrom: {author.name} <{author.email}>\n"
            f"Subject: {case.subject}\nDate: {sent:%d %B %Y at %H:%M:%S} GMT\nTo: {address}\n\n"
        )
    else:
        header = (
            f"________________________________\nFrom: {author.name} <{author.email}>\n"
            f"Sent: {sent:%d %B %Y %H:%M}\nTo: {name} <{address}>\nSubject: {case.subject}\n\n"
        )
    prefix = "FW: " if style == "forward_outlook" else "Fwd: "
    sender = Person(name, address, "", "")
    message = _new_message(case, sender, when, prefix + case.subject)
    message["Message-ID"] = _message_id(key, sender.domain)
    message.set_content(f"{note}\n\n{header}{original}\n")
    return message


def reply(
    case: Case, author: Person, when: datetime, asked: datetime, style: str, key: str
) -> EmailMessage:
    """``author`` answers the acknowledgement sent at ``asked``, with the history below."""
    assert case.follow_up is not None
    new = FOLLOW_UPS[case.follow_up]
    inbox = parseaddr(case.to)[1]
    team = f"{ORGANISATIONS[inbox.split('@')[1]]} <{inbox}>"
    ref = f"CR{int(hashlib.sha256(key.encode()).hexdigest()[:6], 16) % 90000 + 10000}"
    ack = (
        f'Dear {author.first},\n\nThank you for contacting us about "{case.subject}". '
        f"Your reference is {ref}.\nWe aim to respond within 10 working days.\n\n"
        f"Customer Services\n{ORGANISATIONS[inbox.split('@')[1]]}"
    )
    message = _new_message(case, author, when, f"RE: {case.subject} [{ref}]")
    message["Message-ID"] = _message_id(key + "-reply", author.domain)
    message["In-Reply-To"] = _message_id(key + "-ack", inbox.split("@")[1])
    plain = f"{new}\n\n{author.first}\n\n"
    if style == "reply_outlook":
        message.set_content(
            f"{plain}________________________________\nFrom: {team}\n"
            f"Sent: {asked:%d %B %Y %H:%M}\nTo: {author.name} <{author.email}>\n"
            f"Subject: {case.subject} [{ref}]\n\n{ack}\n"
        )
        return message
    said = f"On {asked:%a, %d %b %Y} at {asked:%H:%M}, {team} wrote:"
    quoted = "\n".join(f"> {line}".rstrip() for line in ack.split("\n"))
    message.set_content(f"{plain}{said}\n\n{quoted}\n")
    if style == "reply_html":
        old = ack.replace("\n\n", "</div><div><br></div><div>").replace("\n", "<br>")
        message.add_alternative(
            f'<div dir="ltr">{new}<br><br>{author.first}</div><br><div class="gmail_quote">'
            f'<div dir="ltr" class="gmail_attr">{said.replace("<", "&lt;")}<br></div>'
            f'<blockquote class="gmail_quote"><div>{old}</div></blockquote></div>',
            subtype="html",
        )
    return message


def generate(out: Path = OUT) -> list[Path]:
    """Write every demo email into ``out`` (emptied first), named by order and date."""
    rng = random.Random(SEED)
    styles = list(STYLES * 4)
    rng.shuffle(styles)
    messages: list[tuple[datetime, str, EmailMessage]] = []
    for number, case in enumerate(CASES):
        author, when, key = _person(rng), _when(rng), f"case-{number}"
        greeting = rng.choice(GREETINGS)
        if greeting:
            case = replace(case, body=f"{greeting}\n\n{case.body}")
        if case.forwarder is not None:
            style = FORWARD_STYLES[number % len(FORWARD_STYLES)]
            messages.append((when, case.slug, forward(case, author, when, style, key)))
        else:
            message = build(case, author, when, styles[number % len(styles)], key)
            messages.append((when, case.slug, message))
        if case.follow_up is not None:
            asked = when + timedelta(days=1, minutes=rng.randint(60, 480))
            later = when + timedelta(days=rng.randint(15, 40), minutes=rng.randint(0, 600))
            later = max(min(later, LAST_DAY - timedelta(minutes=rng.randint(0, 2000))), asked)
            style = REPLY_STYLES[number % len(REPLY_STYLES)]
            message = reply(case, author, later, asked, style, key)
            messages.append((later, f"{case.slug}-reply", message))
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    written = []
    for index, (when, slug, message) in enumerate(sorted(messages, key=lambda m: m[0]), start=1):
        path = out / f"{index:03d}-{when:%Y%m%d}-{slug}.eml"
        for number, part in enumerate(message.walk()):
            if part.is_multipart():  # the stdlib's boundaries are random: fix them
                part.set_boundary(f"==={hashlib.sha256(slug.encode()).hexdigest()[:16]}.{number}==")
        path.write_bytes(message.as_bytes())
        written.append(path)
    return written


ORGANISATIONS = {
    "halton.gov.uk": "Halton Borough Council",
    "haltonhousing.co.uk": "Halton Housing",
    "cheshire.police.uk": "Cheshire Constabulary",
    "cheshirefire.gov.uk": "Cheshire Fire and Rescue Service",
    "nhs.net": "NHS Patient Advice and Liaison Service",
}
INBOXES = {
    "streetscene": "Streetscene <streetscene@halton.gov.uk>",
    "highways": "Highways <highways@halton.gov.uk>",
    "parking": "parking@halton.gov.uk",
    "repairs": "Halton Housing Repairs <repairs@haltonhousing.co.uk>",
    "counciltax": "Council Tax <counciltax@halton.gov.uk>",
    "envhealth": "Environmental Health <environmental.health@halton.gov.uk>",
    "safety": "Community Safety <communitysafety@halton.gov.uk>",
    "parks": "Parks and Open Spaces <parks@halton.gov.uk>",
    "libraries": "libraries@halton.gov.uk",
    "socialcare": "Adult Social Care <adultsocialcare@halton.gov.uk>",
    "schools": "School Admissions <schooladmissions@halton.gov.uk>",
    "planning": "Planning <planning@halton.gov.uk>",
    "complaints": "Complaints <complaints@halton.gov.uk>",
    "contact": "Halton Borough Council <contactcentre@halton.gov.uk>",
    "police": "enquiries@cheshire.police.uk",
    "fire": "community.safety@cheshirefire.gov.uk",
    "nhs": "halton.pals@nhs.net",
}
FORWARDERS = {
    "councillor": (
        "Cllr Margaret Lunt",
        "margaret.lunt@halton.gov.uk",
        "Please see below from a resident in my ward. Could I have an update on what is being "
        "done, and copy me into the reply?",
    ),
    "daughter": (
        "Lisa Carney",
        "lisa.carney84@gmail.com",
        "Forwarding my mum's email as she hasn't had a reply. She is 84 and this is really "
        "getting her down.",
    ),
    "police_desk": (
        "Widnes Police Station Enquiries",
        "widnes.enquiries@cheshire.police.uk",
        "Passing this on as it is a council matter rather than a police one.",
    ),
}
FOLLOW_UPS = (
    "This still hasn't been done. It has been nearly three weeks and nobody has been out.",
    "Thank you for the reference number but it has happened again. Can somebody ring me back?",
    "I'm sorry but this is not good enough. It is getting worse and I want to make a formal "
    "complaint.",
    "Just to let you know this was sorted yesterday. Thank you to the team who came out, they "
    "were very polite.",
    "Nobody has replied to this. Please can you tell me who is dealing with it?",
    "Further to my email, the same thing happened again last night. I have videos if you need "
    "them.",
    "The inspector came but said it is not bad enough to repair. Somebody will be hurt first.",
    "I have now waited more than the 10 working days you promised. Please escalate this to "
    "stage 2 of the complaints procedure.",
)
# One case a paragraph: "slug | inbox | subject | options", then the body, wrapped.
CASES_TEXT = """
missed-bin | streetscene | Missed bin collection, Birchfield Road | follow_up=1
Our grey bin was not emptied on Tuesday. The lorry came down the road and missed every house on
our side. This is the second time in a month. We are at WA8 7TQ.

garden-waste-paid | streetscene | Green bin: paid £43 but no collection
I paid £43 for the garden waste subscription in March and the brown bin has not been collected
once since. I have the payment confirmation if you need it.

bin-damaged | streetscene | Bin damaged by the crew | follow_up=3
The crew threw our blue bin into the back of the lorry and the lid snapped off. We need a
replacement please, the rain is getting in and the cardboard is soaked.

fly-tipping | streetscene | Fly-tipping in the alley behind Victoria Road | forwarder=councillor
There is a sofa, two mattresses and bags of builders' rubble dumped in the alley behind Victoria
Road. It has been there ten days and there are rats now. Children walk through there to get to
school.

tip-turned-away | complaints | Turned away at the tip on Picow Farm Road
I was turned away from the household waste centre on Picow Farm Road because I had a van, even
though it is my own private van. The man on the gate was very rude and shouted at me in front of
other people.

assisted-collection | streetscene | Assisted bin collection
My husband has had a stroke and I can no longer pull the bins to the kerb. Can we be put on the
assisted collection list? We live in Farnworth ward.

thanks-bin-crew | streetscene | Thank you to the bin crew
I just wanted to say a big thank you to the crew who collect on Hale Road on Fridays. They
always put the bins back neatly and wave at my grandson, who loves watching the lorry.

market-litter | streetscene | Litter bins at Widnes market
The litter bins outside the market overflow every Saturday and rubbish blows all down Albert
Road. Could they be emptied more often at weekends?

pothole-moor-lane | highways | Pothole on Moor Lane | follow_up=6
There is a huge pothole outside number 48 Moor Lane, WA8 7AN. It must be 30cm across and it
fills with water so you can't see how deep it is. Two cars have already had burst tyres.

busway-cycle-lane | highways | Dangerous surface on the busway cycle lane
The cycle lane on the busway near Halton Lea has broken up badly. I came off my bike last week
and hurt my wrist. This needs fixing before someone is seriously injured.

street-lights | highways | Street lights out on Palacefields Avenue | follow_up=0
Four street lights in a row have been out on Palacefields Avenue for over a month. It is
completely dark walking home from the bus stop and I don't feel safe.

abandoned-car | contact | Abandoned car on Lunts Heath Road
A car with no plates has been left on the verge on Lunts Heath Road for over a month. The
windows are smashed and kids are playing in it.

paving-slab | highways | Mum tripped on a raised paving slab
My mum tripped on a raised paving slab on Lugsdale Road outside the Co-op and broke her wrist.
The slab has been sticking up for months. I want to know who is responsible.

roadworks | highways | Roadworks on Ditton Road left unfinished
The temporary traffic lights on Ditton Road have been there for three weeks but nobody is ever
working. The queues at rush hour are terrible.

blocked-drain | highways | Blocked drain flooding the road
The drain at the junction of Heath Road and Clifton Road is blocked, and every time it rains the
road floods and the water comes up to our front doors. WA7 4SQ.

speeding | highways | Speed bumps near the primary school?
Could you put speed bumps or a camera on Hough Green Road near the primary school? Cars
regularly do 50 in a 30 and it is only a matter of time.

pcn-appeal | parking | Parking fine, I had a valid ticket | follow_up=4
I received a penalty charge notice in the Widnes Market car park even though I had paid and
displayed. The ticket had slipped off the dashboard. I still have it and can send a photo.

school-parking | parking | Cars parked on the pavement outside school
Parents park on the pavement and the zig-zags outside All Saints school every morning. I had to
walk in the road with a pram. Nobody ever enforces it.

disabled-bay | parking | How do I apply for a disabled bay?
How do I apply for a disabled parking bay outside my house? I have a blue badge and my
neighbours park across my drive. I live in Halton View ward.

resident-permit | parking | Resident parking permit not arrived | follow_up=0
I paid for my resident permit online six weeks ago and it still hasn't arrived. I got a ticket
outside my own house last week.

damp-mould | repairs | Damp and mould in my daughter's bedroom | follow_up=2
There is black mould all over my daughter's bedroom wall and the window frame is rotten. She has
asthma and it is getting worse. I reported this in the summer and nobody has been out.

no-heating | repairs | No heating or hot water | follow_up=3
Our boiler broke down on Friday and we still have no heating or hot water. I have two children
under five. The engineer was meant to come yesterday but didn't turn up.

ceiling-leak | repairs | URGENT: leak from the flat upstairs
Water is coming through our kitchen ceiling from the flat above. The ceiling is bulging and the
light fitting has water in it. Please send someone urgently.

new-kitchen | repairs | Thank you for our new kitchen
Just a note to say thank you to Gary and the team who fitted our new kitchen. They were tidy,
friendly and finished a day early.

window | repairs | Bedroom window won't close
The bedroom window in my flat won't close properly and there's a draught all night. I have
reported it twice on the phone.

housing-band | contact | Housing register banding review
We have been in band C for two years in a two bedroom flat with three children. My son sleeps in
the living room. Can somebody review our banding?

single-person-discount | counciltax | Single person discount not applied | follow_up=7
My husband passed away in August and I applied for the single person discount, but my new bill
still shows the full amount. I find it very upsetting to keep ringing about this.

charged-twice | counciltax | Charged £187.42 twice for council tax
Two payments of £187.42 have been taken from my account this month for council tax. Please
refund the duplicate.

moving-house | counciltax | Moving house, what do I need to do?
I'm moving from Appleton to a flat in Runcorn on 1 December. How do I close my account and set
up the new one?

enforcement-letter | counciltax | Letter from enforcement agents
I received a letter from enforcement agents about arrears I didn't know I had. I was never sent
a reminder. I am on Universal Credit and can't pay £600 at once.

party-noise | envhealth | Noise from neighbours every weekend | follow_up=5
The neighbours at number 12 play loud music until 4am every Friday and Saturday. I work early
shifts and haven't had a full night's sleep in weeks. I have recorded it on my phone.

barking-dog | envhealth | Dog barking all day
A dog at the house behind us barks all day while the owners are at work, from 8am until 6pm.
It's been going on since spring.

factory-noise | envhealth | Humming noise and smell from the industrial estate
The plant on the industrial estate near Ditton has been making a loud humming noise through the
night and there's a chemical smell in the mornings. Is this being monitored?

food-poisoning | envhealth | Food poisoning from a takeaway
I got food poisoning after eating at a takeaway on Widnes Road last Friday. My whole family was
ill. I think the chicken wasn't cooked properly.

off-road-bikes | safety | Off-road bikes on the playing fields | forwarder=police_desk
Youths on off-road motorbikes are tearing up the playing fields at the back of Kingsway every
evening. They ride on the footpaths too. Somebody will be killed.

drug-dealing | police | Drug dealing outside the shops
There is drug dealing going on openly outside the shops on Castlefields Avenue, cars pulling up
all evening. Residents are scared to say anything.

graffiti | safety | Offensive graffiti in the underpass | forwarder=councillor
The underpass by Halton Lea bus station is covered in offensive graffiti again, some of it
racist. Please can it be removed quickly.

neighbour-harassment | safety | Harassment by my neighbour | follow_up=4
My neighbour has been shouting abuse at me and my children and has damaged my fence. I reported
it to the police and they said to contact the council's anti-social behaviour team.

broken-swings | parks | Broken swings in Victoria Park
The swings in Victoria Park have been taped off for two months. The summer holidays are coming
and there is nowhere else for the little ones to play.

dog-fouling | parks | Dog fouling on the field
The field at Crow Wood is covered in dog mess and there are no bins at the Birchfield end.
Please put some bins in and get a warden down.

runcorn-hill | parks | Lovely new café at Runcorn Hill Park
The flower beds and the new café at Runcorn Hill Park are lovely. Well done to the gardeners,
it's a real credit to the town.

grass-cutting | parks | Grass verges not cut | follow_up=5
The grass verges in Murdishaw haven't been cut since May. They are knee high and full of litter.
We pay our council tax like everyone else.

overhanging-tree | parks | Council tree overhanging my garden | forwarder=councillor
A council tree is overhanging my garden, blocking the light, and its roots are lifting my path.
I've asked for it to be cut back three times.

library-hours | libraries | Saturday opening at Halton Lea library
Why has Halton Lea library cut its Saturday opening? It's the only day I can take my children.
The library is a lifeline for families like ours.

ditton-library | libraries | Thank you to the Ditton library staff
The staff at Ditton library helped my dad fill in his blue badge form online. They were so
patient with him. Thank you.

library-computers | libraries | Public computers not working
Half of the public computers at Widnes library have been out of order for weeks. I need them to
look for jobs and keep my Universal Credit journal.

carer-missed | socialcare | Carer didn't turn up | forwarder=daughter
Mum's carer did not turn up this morning or yesterday teatime and nobody rang us. Mum has
dementia and relies on the visits for her tablets.

assessment-wait | socialcare | Still waiting for Dad's care assessment | follow_up=2
We were told in June that Dad would have a social care assessment within 4 weeks. We've heard
nothing since and he can't manage the stairs.

blue-badge | contact | Blue badge renewal delay
I applied to renew my blue badge 10 weeks ago. It has expired now and I can't park at the
hospital.

social-worker | socialcare | Thank you to our social worker
I want to thank Claire from the children's team, who has been brilliant with our family over the
last year.

school-place | schools | School place appeal
My son didn't get a place at any of our three choices and has been offered a school four miles
away. We don't drive. How do I appeal?

sen-transport | schools | SEN school transport late again | forwarder=councillor
The taxi for my daughter's SEN school transport was late four times this week and once didn't
turn up at all. She gets very anxious when her routine changes.

free-school-meals | schools | Free school meals application
I applied for free school meals three weeks ago and haven't heard back. My son is being charged
for his lunches.

neighbour-extension | planning | Extension without planning permission | follow_up=7
My neighbour is building a two-storey extension right up to my boundary. I was never consulted
and I don't believe they have permission. It blocks all the light to my kitchen.

hmo-objection | planning | Objection to HMO application at 23 Church Street
I wish to object to the application for a 7-bed HMO at 23 Church Street, Runcorn WA7 1LX.
Parking is already impossible and the drains can't cope.

planning-delay | planning | Planning decision overdue
We submitted our application for a rear extension in August and the 8 week target date has
passed. Our builder can't hold the slot much longer.

rude-call | complaints | Complaint about a member of staff
I rang the contact centre about my council tax and the person I spoke to was dismissive and hung
up on me. I want this looked into.

direct-link | complaints | How I was treated at the Runcorn Direct Link
I was kept waiting for two hours at the Runcorn Direct Link and then told to come back tomorrow.
The staff member laughed when I asked to speak to a manager.

crew-swearing | complaints | Bin crew swearing in front of children
One of the bin crew on our road was swearing loudly at a driver in front of children on their
way to school this morning.

fire-safety-visit | fire | Home fire safety visit for my grandad
Could you arrange a home safety visit for my grandad? He lives alone and his smoke alarm keeps
beeping. He's in Norton South ward.

fire-crew-thanks | fire | Thank you to the Widnes crew
Thank you to the crew who came out to the grass fire behind our houses last Sunday. They were
there within minutes and so calm.

gp-appointment | nhs | Can't get a GP appointment | follow_up=2
I've rung at 8am every day for two weeks to get an appointment and I'm always told there are
none left. I've been in pain for a month.

urgent-care-wait | nhs | Six hours at the urgent treatment centre
We waited six hours at the urgent treatment centre in Runcorn with my son's broken arm. There
was no water and the toilets were filthy.

payment-page | contact | Online payment page keeps failing
I've tried to pay my parking fine online five times and the payment page crashes at the last
step every time. Now I'm worried the fine will go up.

benches | contact | Suggestion: benches on Widnes Road
Lots of older people walk from the bus stops to the shops on Widnes Road. Could a few benches be
put in? My mother has to stop and lean on walls.
"""


def _parse_cases(text: str) -> tuple[Case, ...]:
    cases = []
    for block in text.strip().split("\n\n"):
        head, *body = block.split("\n")
        slug, inbox, subject, *options = (part.strip() for part in head.split("|"))
        extra = dict(option.split("=") for option in options)
        cases.append(
            Case(
                slug,
                INBOXES[inbox],
                subject,
                " ".join(body),
                forwarder=FORWARDERS[extra["forwarder"]] if "forwarder" in extra else None,
                follow_up=int(extra["follow_up"]) if "follow_up" in extra else None,
            )
        )
    return tuple(cases)


CASES = _parse_cases(CASES_TEXT)

if __name__ == "__main__":
    files = generate()
    print(f"wrote {len(files)} emails to {OUT}")
