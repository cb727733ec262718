"""Writes the demo CRM exports in samples/demo/ (council Verint-style and housing trust).

Deterministic: the same seed always gives byte-identical files. Every person is fake
(example.com / example.org mail, 07700 900xxx phones, Example Street addresses).
Run: python samples/demo_crm.py [OUT_DIR]
"""

# ruff: noqa: E501  (template sentences read better unwrapped)
from __future__ import annotations

import csv
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20251220
START, END = datetime(2024, 4, 1, 8, 0), datetime(2025, 12, 20, 18, 0)
WARDS = (
    "Appleton", "Beechwood", "Birchfield", "Broadheath", "Castlefields", "Daresbury", "Ditton",
    "Farnworth", "Grange", "Hale", "Halton Brook", "Halton Castle", "Halton Lea", "Halton View",
    "Heath", "Hough Green", "Kingsway", "Mersey", "Norton North", "Norton South", "Riverside",
)  # fmt: skip
ESTATES = ("Castlefields", "Halton Lea", "Palacefields", "Windmill Hill", "Halton Brook", "Grange")
FIRST = ("Alex", "Sam", "Jo", "Chris", "Pat", "Morgan", "Jamie", "Robin", "Lee", "Kim", "Dana")
LAST = ("Example", "Sample", "Testperson", "Placeholder", "Demo", "Fictional", "Madeup")
STREETS = ("Example Street", "Sample Road", "Test Lane", "Demo Avenue", "Placeholder Close")
ROADS = ("Victoria Road", "Hale Road", "Moor Lane", "Liverpool Road", "Church Street",
         "Coronation Drive", "Halton Road", "Boston Avenue", "Ditton Road", "Lunts Heath Road")  # fmt: skip

# (service area label, enquiry type label, kind, description). {road}, {n}, {day} are filled in.
# fmt: off
COUNCIL = [
    ("Waste Management", "Missed Bin", "complaint", "Grey bin not emptied again on {road}. This is the {nth} time in {n} weeks, the crew just drive past. Bin was out by 7am."),
    ("Waste Management", "Missed Bin", "complaint", "Cust called re missed recycling collection.\nAdvised crew will return within 2 working days.\nCust unhappy as neighbours' bins were all emptied."),
    ("Waste Management", "Assisted Collection Missed", "complaint", "I am 84 and on assisted collection. Nobody has taken my bin from the back garden for {n} weeks and it is now overflowing and smells."),
    ("Waste Management", "Bin Request - Replacement", "enquiry", "Blue bin lid snapped off during collection on {day}. Cust requests a replacement bin, no charge as damaged by crew."),
    ("Waste Management", "Fly Tip", "complaint", "Mattress, fridge and about ten black bags dumped in the alley behind {road}. Been there over a week, kids are climbing on it."),
    ("", "", "complaint", "Someone has dumped builders rubble and an old sofa on the grass verge by the bus stop on {road}. Please send someone to clear it."),
    ("Street Scene", "Litter / Dog Fouling", "complaint", "Dog mess all along the path to the primary school on {road}, children walking through it every morning. Can a warden patrol at 8.30?"),
    ("Waste Management", "Bulky Collection", "enquiry", "Booked bulky collection for a wardrobe and paid £25 online, nobody came on {day}. Want to know when it will be collected or a refund."),
    ("", "", "enquiry", "How do I get a garden waste sticker for the brown bin? Paid last year but no renewal letter came."),
    ("Highways", "Pothole", "complaint", "Deep pothole on {road} near the junction, about a foot wide. Burst my tyre last night, want to claim for the damage."),
    ("Highways", "Pothole", "complaint", "Reported this pothole {n} weeks ago (ref given) and still not filled. Cyclists are swerving into traffic to avoid it."),
    ("", "", "complaint", "The road surface on {road} is breaking up badly after the gas works. Loose stones everywhere and a car windscreen was chipped."),
    ("Street Lighting", "Street Light Out", "enquiry", "Street light outside no. {n} {road} has been out for a fortnight. Very dark walking home from the station."),
    ("Street Lighting", "Street Light Out", "complaint", "Three lamp posts out along the footpath behind the shops. Elderly residents afraid to walk there after 4pm now the clocks have gone back."),
    ("Highways", "Blocked Gully", "complaint", "Drain blocked on {road}, water floods across the pavement every time it rains and splashes pedestrians when cars go past."),
    ("Highways", "Damaged Footway", "complaint", "Raised paving slab outside the chemist on {road}. My mother tripped and hurt her wrist on {day}."),
    ("Highways", "Gritting Request", "suggestion", "Could the hill up to the health centre on {road} be added to the gritting route? It was like an ice rink last winter."),
    ("Highways", "Roadworks", "complaint", "Temporary traffic lights on {road} left on with no one working for {n} days. Queues back to the bridge every morning."),
    ("Parking Services", "PCN Challenge", "complaint", "I got a parking ticket while unloading shopping for my disabled father, blue badge was displayed. I want the PCN cancelled."),
    ("Parking Services", "Residents Permit", "enquiry", "Applied for a resident permit online {n} weeks ago, payment taken but no permit received. Can you confirm it is valid?"),
    ("", "", "complaint", "Cars parked on the pavement all along {road} every evening, I cannot get my wheelchair past and have to go in the road."),
    ("Parking Services", "Pay & Display Machine", "complaint", "Pay and display machine in the leisure centre car park not taking cards and no signal for the app. Got a ticket anyway."),
    ("Revenues & Benefits", "Council Tax Bill", "enquiry", "Cust moved out on {day}, needs a final council tax bill and to cancel the direct debit."),
    ("Revenues & Benefits", "Single Person Discount", "complaint", "My single person discount was removed without any letter and now the bill has gone up. I live on my own and have told you this twice."),
    ("Council Tax", "Summons / Enforcement", "complaint", "Received a summons for £{n}0 arrears but I have been paying by direct debit every month. The bailiffs letter has made me ill with worry."),
    ("", "", "enquiry", "Submitted a housing benefit change of circumstances form {n} weeks ago, not heard anything and landlord is chasing rent."),
    ("Environmental Health", "Noise - Domestic", "complaint", "Neighbour at no. {n} playing loud music until 3am most nights. Have a newborn baby and cannot sleep. Diary sheets requested."),
    ("Environmental Health", "Rats/Mice", "enquiry", "Rats seen in back gardens on {road}, think they are coming from the overgrown empty house at the end. Can pest control visit?"),
    ("", "", "complaint", "Takeaway on {road} leaves food waste bins open overnight, seagulls and rats everywhere and the smell is awful."),
    ("Environmental Health", "Bonfire/Smoke", "complaint", "Neighbour burning garden waste and plastic every weekend, smoke coming into our house. I have asthma."),
    ("Community Safety", "Youth ASB", "complaint", "Group of youths gathering on the park every night on motorbikes, shouting and throwing bottles at windows on {road}."),
    ("Community Safety", "Graffiti", "enquiry", "Offensive graffiti sprayed on the underpass wall near {road}. Please remove it before the school holidays."),
    ("Community Safety", "Drug Activity", "complaint", "Suspected drug dealing from a car parked outside the flats on {road} every evening, cars coming and going. Reported to police too."),
    ("Community Safety", "Abandoned Vehicle", "enquiry", "Silver car with no tax and flat tyres left outside no. {n} {road} for over a month."),
    ("Parks & Open Spaces", "Grass Cutting", "complaint", "Grass on the verges along {road} hasn't been cut since May, knee high and blocking the view at the junction."),
    ("Parks & Open Spaces", "Overhanging Trees", "enquiry", "Council tree branches overhanging our garden and touching the telephone wire. Who do I contact to get it cut back?"),
    ("Parks & Open Spaces", "Play Area Repair", "complaint", "Swing in the play area has a broken chain and has been taped off for {n} weeks. Nowhere else for the little ones to play."),
    ("", "", "compliment", "Just wanted to say the park looks lovely this summer, the flower beds by the bandstand are beautiful. Thank you to the gardeners."),
    ("Libraries", "Library Services", "compliment", "Staff at the library were brilliant helping my dad set up his email and print his bus pass form. Very patient with him."),
    ("Libraries", "Library Services", "suggestion", "Would be great if the library opened later on a Thursday so people who work can use it. Even until 7pm would help."),
    ("Leisure Services", "Leisure Centre", "complaint", "Changing rooms at the leisure centre filthy again, hair in the showers and broken lockers. Paying £35 a month for this."),
    ("Adult Social Care", "Home Care", "complaint", "Mum's carers are turning up at different times every day, sometimes not until 11am for her breakfast call. Nobody rings to say they are late."),
    ("Adult Social Care", "Care Assessment", "enquiry", "Daughter calling on behalf of her father, he was discharged from hospital on {day} and needs a care assessment. Waiting for a call back."),
    ("Adult Social Care", "Adaptations / DFG", "enquiry", "Waiting {n} months for a stairlift after the OT assessment. Cust sleeping downstairs on the sofa meanwhile."),
    ("", "", "compliment", "The social worker who helped arrange respite for my husband was kind and got everything sorted in a week. Please pass on our thanks."),
    ("Children's Services", "School Admissions", "complaint", "My son was not offered a place at the catchment school even though we live {n} minutes away. Want to appeal."),
    ("Education", "School Transport", "complaint", "School taxi did not turn up on {day} and my daughter, who has autism, missed the morning at school. No phone call from anyone."),
    ("Children's Services", "SEND / EHCP", "complaint", "EHCP annual review was {n} months ago and we still have no amended plan. The 20 week deadline has long passed."),
    ("Planning", "Planning Enforcement", "complaint", "Neighbour has built a two storey extension with no planning permission, it blocks all light to our kitchen."),
    ("Planning", "Planning Application", "enquiry", "Objection to planning application for flats on the old garage site on {road}. Not enough parking and the road is already gridlocked."),
    ("Customer Services", "No Response", "complaint", "I have emailed three times about my case and nobody has replied. Completely unacceptable, I want a manager to call me."),
    ("Customer Services", "Phone / Website Access", "complaint", "Waited 50 minutes on hold to the contact centre and was cut off twice. The online form keeps crashing at the last page."),
    ("Customer Services", "Staff Conduct", "complaint", "The officer on reception at the one stop shop was rude and dismissive and laughed when I asked for help filling in the form."),
    ("", "", "compliment", "Called about my missed bin and the lady on the phone was so helpful, and it was collected the same afternoon. Excellent service."),
    ("", "", "suggestion", "Suggest putting a bin and a dog waste bin at the entrance to the woods on {road}, there is litter everywhere at weekends."),
    ("Registrars", "Death Registration", "enquiry", "Cust needs an appointment to register her husband's death, earliest offered is {n} weeks away. Funeral director chasing."),
    ("Bereavement Services", "Cemetery Maintenance", "complaint", "Cemetery grass not cut and headstones covered in weeds, very upsetting for families visiting graves."),
    ("Highways", "Other - see notes", "enquiry", "Cllr enquiry on behalf of resident re speeding traffic on {road}. Requests speed survey and possibly a 20mph limit."),
]
# fmt: on
KINDS = {
    "complaint": ["Complaint - Stage 1"] * 6 + ["Complaint - Stage 2", "Complaint"],
    "enquiry": ["Service Request"] * 4 + ["General Enquiry", "Councillor Enquiry", "MP Enquiry"],
    "compliment": ["Compliment"],
    "suggestion": ["Comment/Suggestion", "Suggestion"],
}
METHODS = ["Telephone"] * 9 + ["Web Form"] * 5 + ["Email"] * 4 + ["Face to Face", "Letter"]

# fmt: off
HOUSING = [
    ("Repairs", "Damp/Mould", "Complaint", "Black mould in both bedrooms and round the windows, my children keep getting chest infections. Reported in {month} and nobody has come; I want this treated now."),
    ("Repairs", "Damp/Mould", "Formal Complaint", "Surveyor came and said it was condensation and to open the windows. The wall is wet to touch; I do not accept that answer."),
    ("Gas Servicing", "No Heating", "Complaint", "No heating or hot water for {n} days, engineer came and said he needs a part. I have a disabled son; we are boiling kettles to wash."),
    ("Gas Servicing", "Boiler Breakdown", "Compliment", "Engineer came out the same day the boiler broke down, really polite and cleaned up after himself. Thank you."),
    ("Repairs", "Repair Not Completed", "Complaint", "Kitchen cupboard doors reported broken {n} months ago; the operative measured up and never came back."),
    ("Repairs", "Missed Appointment", "Service Failure", "Took a day off work for the plumber (8am-12pm slot) and nobody came or rang. Second time this has happened."),
    ("Responsive Repairs", "Leak", "Complaint", "Water coming through the bathroom ceiling from the flat above; told it's not an emergency. The light fitting is now full of water."),
    ("Estate Services", "Communal Lighting", "Complaint", "Stairwell lights out on the 3rd floor of the block for {n} weeks. Pitch black at night; my mum fell on the stairs."),
    ("Estate Services", "Lift Out of Service", "Complaint", "Lift broken again; I'm on the 6th floor with a pram and have to carry everything up. This is the third time this year."),
    ("Estate Services", "Communal Cleaning", "Comment", "The bin store area is much cleaner since the new cleaning contractor started; could they also do the stairs weekly?"),
    ("Grounds Maintenance", "Grass/Hedges", "Complaint", "Hedge at the front of the block is so overgrown you can't see cars coming out of the car park."),
    ("Neighbourhood Team", "Anti-Social Behaviour", "Complaint", "Tenant next door has people coming and going all night, banging doors and shouting. Logged it {n} times; nothing done."),
    ("Neighbourhood Team", "Noise", "Complaint", "Dog barking for hours every day while the owner is at work. Can the housing officer speak to them?"),
    ("Customer Hub", "Call Back Not Received", "Complaint", "Promised a call back from the repairs manager within 48 hours. Still waiting a week later."),
    ("Customer Hub", "Staff Attitude", "Complaint", "The person on the phone was short with me and put the phone down when I got upset about the mould."),
    ("Income Team", "Rent Account", "Enquiry", "My rent account shows arrears of £{n}2 but universal credit pays you direct every month; please check the statement."),
    ("Lettings", "Mutual Exchange", "Enquiry", "We have found a family to swap with in Widnes; how long does the mutual exchange take to be approved?"),
    ("", "", "Compliment", "Just want to thank Karen the housing officer for all her help when my husband passed away. She went above and beyond."),
    ("", "", "Suggestion", "It would help if repairs could give a 2 hour slot instead of all morning; many of us work shifts."),
    ("Planned Works", "Repair Not Completed", "Complaint", "New windows fitted in {month} but the sealant is already coming away and there's a draught; the contractor won't answer."),
]
# fmt: on
VIA = ["Phone"] * 5 + ["Email"] * 2 + ["My Account", "Housing Officer", "Letter"]
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September")


def _when(rng: random.Random) -> datetime:
    span = int((END - START).total_seconds() // 60)
    moment = START + timedelta(minutes=rng.randrange(span))
    while moment.weekday() >= 5 and rng.random() < 0.8:  # mostly weekdays
        moment += timedelta(days=1)
    return min(moment.replace(hour=rng.randint(8, 18)), END)


def _person(rng: random.Random) -> tuple[str, str, str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    domain = rng.choice(("example.com", "example.org"))
    phone = f"07700 900{rng.randrange(1000):03d}"
    address = f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {rng.choice(('Widnes', 'Runcorn'))}"
    return f"{first} {last}", f"{first}.{last}@{domain}".lower(), phone, address


def _postcode(rng: random.Random) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"WA{rng.choice((7, 8))} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def _fill(text: str, rng: random.Random, when: datetime) -> str:
    n = rng.randint(2, 9)
    nth = {2: "second", 3: "third"}.get(n, f"{n}th")
    day = (when - timedelta(days=rng.randint(1, 10))).strftime("%d/%m")
    return text.format(road=rng.choice(ROADS), n=n, nth=nth, day=day, month=rng.choice(MONTHS))


def council_rows(rng: random.Random, count: int = 245) -> list[list[str]]:
    """Verint-style case rows in date order, plus duplicates and deliberately bad rows."""
    rows = []
    for index, when in enumerate(sorted(_when(rng) for _ in range(count))):
        service, category, kind, text = rng.choice(COUNCIL)
        if service and rng.random() < 0.2:  # some cases logged without a service area
            service, category = "", ""
        ward = (
            rng.choice(WARDS) if rng.random() < 0.93 else rng.choice(("West Bank", "Town Centre"))
        )
        ward = ward.upper() if rng.random() < 0.05 else ward
        name, email, phone, address = _person(rng)
        anonymous = rng.random() < 0.12
        rows.append([
            str(101_400_000 + index * 37 + rng.randrange(37)),
            when.strftime("%d/%m/%Y %H:%M"),
            rng.choice(KINDS[kind]),
            rng.choice(METHODS),
            service,
            category,
            _fill(text, rng, when),
            ward,
            "" if anonymous else name,
            "" if anonymous or rng.random() < 0.3 else email,
            "" if anonymous else phone,
            "" if anonymous else address,
            _postcode(rng),
            rng.choice(("Closed", "Closed", "Open", "In Progress")),
            rng.choice(("Contact Centre", "Back Office", "Area Team North", "Area Team South")),
        ])  # fmt: skip
    rows[40][1] = "31/02/2025 10:15"  # no 31st of February
    rows[150][1] = "15/13/2024 11:40"  # month 13
    rows[200][6] = "   "  # logged with no description
    rows.insert(120, list(rows[60]))  # the same case exported twice
    rows.insert(230, list(rows[180]))
    return rows


def housing_rows(rng: random.Random, count: int = 60) -> list[list[str]]:
    rows = []
    for index, when in enumerate(sorted(_when(rng) for _ in range(count))):
        department, reason, kind, text = rng.choice(HOUSING)
        name, email, phone, address = _person(rng)
        stamp = when.strftime("%d.%m.%Y %H:%M" if index % 3 else "%d/%m/%Y")
        rows.append([
            f"HT/{when:%y}/{1000 + index * 7:05d}",
            stamp,
            kind,
            rng.choice(VIA),
            department,
            reason,
            _fill(text, rng, when),
            rng.choice(ESTATES),
            name,
            phone,
            "" if rng.random() < 0.4 else email,
            address,
            _postcode(rng),
            rng.choice(("Stage 1", "Stage 1", "Stage 2", "")),
        ])  # fmt: skip
    return rows


COUNCIL_HEADERS = [
    "Case Reference", "Date Logged", "Case Type", "Contact Method", "Service Area", "Enquiry Type",
    "Description", "Ward", "Customer Name", "Email Address", "Telephone", "Address", "Postcode",
    "Status", "Assigned Team",
]  # fmt: skip
HOUSING_HEADERS = [
    "Ref No", "Received", "Feedback Type", "Received Via", "Department", "Reason", "Details",
    "Estate/Ward", "Tenant Name", "Tel", "Email", "Property Address", "Postcode", "Stage",
]  # fmt: skip


def write_demo_exports(out_dir: Path) -> tuple[Path, Path]:
    """Write both demo exports into ``out_dir``; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    council, housing = out_dir / "crm_export.csv", out_dir / "housing_trust_export.csv"
    with council.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerows([COUNCIL_HEADERS, *council_rows(rng)])
    with housing.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerows([HOUSING_HEADERS, *housing_rows(rng)])
    return council, housing


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "demo"
    for path in write_demo_exports(target):
        print(path)
