"""The demo inbox's content: which council and partner addresses residents write to, and the
80 cases they write about (one paragraph each). ``samples/demo_emails.py`` turns them into mail."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    slug: str
    to: str
    subject: str
    body: str
    forwarder: tuple[str, str, str] | None = None  # name, address, note
    follow_up: int | None = None  # index into FOLLOW_UPS


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
