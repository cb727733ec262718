"""What residents say about parking: fines, permits, obstructive parking and car parks.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

# ruff: noqa: E501

TEXT = """
[penalty_notice]
subject: Parking fine appeal
subject: PCN
subject: Unfair parking ticket
subject: Parking ticket
subject: Appeal against PCN
subject: Penalty charge notice
problem: I got a parking ticket on {street} even though I had a valid permit on display.
  more: The permit was on the dashboard the right way up, you can even see it in the warden's photos.
problem: I've been given a PCN for parking in a bay where the lines have completely worn away.
  more: The sign was completely covered by a hedge as well.
problem: I was ticketed while I was loading my shopping into the car outside my own house.
  more: The warden saw me walking back to the car and carried on writing it.
problem: The parking attendant issued a ticket two minutes after my pay and display ran out.
  more: I have the receipt from the machine showing the time.
problem: I was given a penalty charge at the hospital while I was sat with my dad.
  more: He was very poorly and I lost track of time, I think anyone would.
problem: I've received a parking fine for a car I sold {period} ago.
  more: I have the DVLA letter confirming the sale.
problem: I paid for my parking on the app but I still got a ticket.
problem: My appeal against a PCN was rejected with a standard letter that didn't address anything I said.
  more: The charge has now gone up to £70 because my appeal took so long.
  fix: I want it reviewed by someone who has actually read my appeal.
detail: I've got photos of where I was parked.
detail: I was only there for five minutes.
detail: Nobody could tell me where I was supposed to park.
detail: I've always paid and I've never had a ticket in my life.
detail: It feels like the wardens are on commission.
ask: Please cancel the ticket.
ask: I want the penalty reviewed by someone senior.
ask: Please look at the evidence and reconsider.
short: appeal parking ticket
short: PCN issued wrongly
short: ticket while permit displayed
question: How do I appeal a parking ticket?
question: If I pay the PCN now will it still be reduced?
question: Can I see the photos the warden took when they issued my ticket?
question: What happens if I miss the deadline to challenge a penalty charge?
question: Can I pay my parking fine in instalments?
question: Who do I speak to about a ticket I got on a private car park?
context: I got a parking ticket on {street}.
context: I've received a PCN in the post.
context: My appeal has been turned down.
praise: Thank you to {team} for cancelling my PCN so quickly once I'd sent my permit details.
praise: {team} dealt with my appeal fairly and explained everything clearly.
praise: The parking attendant on {street} was patient and helpful when I asked about permits.
praise: Thanks to {team} for a quick and fair response to my appeal.
team: the parking appeals team
team: the parking services team
team: {officer} in parking appeals
idea: A five minute grace period at the end of pay and display would stop a lot of arguments.
idea: Send a reminder text when app parking is about to run out.
idea: The appeal letters should explain the reasons instead of just quoting the rules.
idea: Repaint the lines before handing out tickets.
aside: I also got an unfair parking ticket last month.
aside: The parking wardens are never around when you need them, of course.

[parking_permit]
subject: Resident permit
subject: Parking permit renewal
subject: Visitor permits
subject: Permit not received
subject: Permit scheme
problem: I renewed my resident parking permit online {period} ago and it still hasn't arrived.
  more: I paid by card and got an email confirmation.
  more: The old one has run out and I'm scared of getting a ticket.
  fix: Please send the permit out or confirm I can park without it.
problem: The price of a resident parking permit has gone up again with no improvement at all.
problem: I was refused a permit because my car is registered at my parents' address.
  more: I've lived here for two years and pay council tax here.
problem: Non-residents are parking in the permit bays on {street} and we can never get a space.
  more: They park up and get the train into Liverpool for the day.
  fix: Please enforce the permit bays properly.
problem: I have a permit but there are never any spaces in the zone after 6pm.
  fix: Please enforce the permit bays properly.
problem: Our visitor permits have run out and my mum's carer keeps getting tickets.
  more: The carers can't park anywhere near the house.
problem: I was charged twice for my permit renewal.
  more: The online form kept crashing at the payment page so I tried again.
  fix: Can you refund the duplicate payment?
detail: There are more permits issued than there are spaces on our road.
detail: We've lived here for 20 years.
detail: I've tried ringing parking services but nobody picks up.
detail: We pay for a permit and get nothing for it.
ask: Please sort this out.
ask: Can someone ring me about it?
ask: Please let me know what's going on.
short: permit still not arrived
short: charged twice for permit
short: no spaces in permit zone
question: How do I apply for a resident parking permit?
question: How many visitor permits can one household have?
question: Can I get a resident permit for a company car?
question: Do carers get a free parking permit?
question: How do we ask for a resident permit scheme on {street}?
question: Can I transfer my permit to a new car?
context: We've just moved to {street}.
context: I've changed my car.
context: My mum has carers visiting four times a day.
praise: {team} sorted out my resident permit over the phone in minutes, thank you.
praise: The new online permit system is brilliant, thanks to {team}.
praise: Thanks to {team} for bringing in the permit scheme, we can finally park outside our own homes.
praise: {team} posted out my replacement permit the same day.
team: the permits team
team: parking services
team: {officer} on the permits line
idea: Make the permits digital so you don't need a paper one in the windscreen.
idea: Carers should get a free permit that works in every zone.
idea: A resident permit scheme on {street} would stop commuters parking there all day.
idea: Could visitor permits be bought by the day on an app?
aside: We still haven't had our resident permit renewal either.
aside: The permit bays are always full of non-residents as well.

[illegal_parking]
subject: Pavement parking
subject: Blocked driveway
subject: Dangerous parking
subject: Parking on double yellows
subject: Parking outside school
subject: Obstruction
problem: Cars are parked on the pavement all the way along {street} and you can't get a pram past.
  more: I've had to push my son's wheelchair into the road.
  fix: Please do something about it, the police say it's a council matter.
problem: Someone keeps parking across my driveway and I can't get my car out.
  more: I've asked them nicely and just got a mouthful of abuse.
  more: I was late for work twice last week because of it.
  fix: Can a warden come out when it happens?
problem: Parents parking on the zig-zags outside {school} is an accident waiting to happen.
  more: It happens every morning between 8 and 9.
  more: Kids are stepping out between the cars.
  fix: Please send an enforcement officer at school times.
problem: Vans are parking on the double yellow lines on the corner and you can't see to pull out.
  fix: Please send a warden out, they're there every day.
problem: A van has been parked in the disabled bay outside the shops all week without a badge.
problem: The bin lorry couldn't get down {street} because of cars parked on both sides.
  more: An ambulance couldn't get through last week either.
problem: Commuters park on the grass verges and have churned them into mud.
problem: Cars park right on the junction so the bus can't get round.
detail: I've never once seen a warden on our road.
detail: Someone is going to get killed.
detail: The police say it's a council matter and the council say it's the police.
detail: It's the same cars every day.
ask: Please send a warden out.
ask: Please do something about it before someone gets hurt.
ask: Can someone come and look at it?
short: cars on pavement {street}
short: driveway blocked again
short: Parking on zig zags at school
question: Is parking on the pavement actually illegal?
question: Who do I report a car blocking my driveway to, the police or the council?
question: How do I request yellow lines outside my house?
question: Can a warden come to {school} at home time?
question: Can I get a white H bar marking painted across my drive?
question: Who enforces parking on a private estate road?
context: Our road is used as a car park for the station.
context: There's a car parked across our drive.
context: School drop off is chaos every morning.
praise: Thank you to {team} for patrolling outside {school}, the parking has been much better.
praise: {team} came out quickly when a car was blocking my drive, thank you.
praise: The new double yellow lines on our corner have made such a difference, thanks to {team}.
praise: Well done to {team} for ticketing the van that parks in the disabled bay.
team: the parking wardens
team: the civil enforcement officers
team: {officer} from parking enforcement
idea: A school street closure at drop off and pick up would stop the dangerous parking.
idea: Bollards on the pavement on {street} would stop cars mounting it.
idea: Wardens should work in the evenings as well.
idea: Could you paint H bars across driveways for free?
aside: The parking outside is dangerous too, with cars all over the pavement.
aside: Cars park right across the dropped kerb as well, which doesn't help.

[car_parks]
subject: Car park
subject: Pay machine broken
subject: Car park charges
subject: Parking machine
subject: Car park lighting
problem: The pay and display machine in the car park was broken and the other one only took cash.
  more: There was no phone signal so I couldn't pay by app either.
  fix: Please get the machines fixed.
problem: Both ticket machines at the town centre car park are out of order.
  more: I had to walk halfway across town to find a machine that worked.
  fix: Please get the machines fixed.
problem: The car park at {park} is full of potholes and the lines have worn away.
problem: The car park charges in the town centre have gone up again and it's killing the shops.
  more: It's costing me £5 just to pop to the shops.
  fix: Please reduce the charges.
problem: The parking app keeps failing to take payment in the car park.
problem: The multi-storey car park stairwell is filthy and the lift has been broken for {period}.
  more: It stinks of urine and there are needles in the corner.
  fix: Please get the car park cleaned up and the lift fixed.
problem: The lights in the car park aren't working and it feels unsafe at night.
  more: I work late and I have to walk to my car in the pitch black.
  fix: Please get the lighting fixed.
detail: I don't have a smartphone.
detail: It's been like this for months.
detail: No wonder the town centre is dying.
detail: There's no sign telling you what to do if the machine is broken.
ask: Please get it sorted.
ask: Can someone look into this?
ask: Please put it right.
short: pay machine broken again
short: car park lights out
short: car park lift broken
question: What are the opening hours of the car park?
question: Is parking free in council car parks on Sundays?
question: Can I buy a season ticket for the car park?
question: Are blue badge holders charged in council car parks?
question: Why has the car park at {park} started charging?
question: Is there anywhere with overnight parking for motorhomes?
context: I use the car park every day for work.
context: I went to pay at the machine.
context: I'm a blue badge holder.
praise: The new card payment machines in the car park are much better, thanks to {team}.
praise: {team} helped me when the machine swallowed my money.
praise: Thank you to {team} for resurfacing the car park.
praise: The free parking after 3pm has made the town centre much busier, well done to {team}.
team: the car parks team
team: parking services
team: {officer} from car parks
idea: Free parking for the first hour would bring people back into the town centre.
idea: Electric car chargers in the car park would be great.
idea: Every car park should have a machine that takes cards.
idea: Could there be more parent and child spaces?
aside: The car park machines were broken again as well.
aside: The car park charges don't help either.
"""
