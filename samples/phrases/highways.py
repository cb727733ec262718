"""What residents say about roads, pavements, street lights, drainage, roadworks and gritting.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

# ruff: noqa: E501

TEXT = """
[potholes]
subject: Pothole
subject: Potholes on {street}
subject: Road surface
subject: Dangerous pothole
subject: Damage to car
subject: Road full of holes
problem: There's a massive pothole on {street} just before the junction.
  more: Cars are swerving into the other lane to avoid it.
  more: It's full of water so you can't tell how deep it is.
problem: The road surface on {street} is breaking up and there are potholes all along it.
  more: The bus goes over them and the whole house shakes.
  fix: Can the whole road be resurfaced properly rather than patched again?
problem: I hit a pothole on {street} {when} and it's burst my tyre.
  more: I've had to pay £180 for a new tyre and tracking.
  more: At night you can't see it at all.
  fix: How do I make a claim for the damage to my car?
problem: A pothole that was filled {period} ago has opened up again.
  more: Someone has sprayed a white ring round it but nothing else has happened.
problem: The potholes on the road through {area} are getting deeper every week.
  more: A cyclist nearly came off there last week.
problem: There's a sunken manhole cover in the middle of the road that cars keep swerving round.
problem: The patch repair on {street} has already broken up.
  more: It was only done in the spring and it's worse than before.
  fix: Please fix it properly this time instead of patching it again.
problem: There's a pothole about a foot wide on the bend near {school}.
  more: Parents are stepping round it with pushchairs at drop off.
detail: It's been reported {times} on the website.
detail: It's getting bigger every time it rains.
detail: Somebody is going to come off a bike there.
detail: The whole road needs doing, not just patching.
ask: Please get it repaired properly before someone has an accident.
ask: Can someone come out and inspect it?
ask: When is it going to be fixed?
short: Pothole on {street} getting worse
short: huge pothole by junction
short: Road surface breaking up
question: How do I claim for damage to my car caused by a pothole?
question: When is {street} due to be resurfaced?
question: Who is responsible for potholes on an unadopted road?
question: How deep does a pothole have to be before you'll repair it?
question: I reported a pothole {period} ago, can you tell me when it will be fixed?
question: Is the road through {area} on the resurfacing programme this year?
context: There's a pothole on {street} outside number 23.
context: I cycle to work along {street}.
context: My tyre blew out on the way home.
praise: The potholes on {street} were filled within a week of me reporting them, thank you to {team}.
praise: {team} did a great job resurfacing {street}, it's like driving on a new road.
praise: I want to thank {team} for coming out the same day to make the hole safe.
praise: The road repairs on {street} were done quickly and {team} left everything tidy.
team: the highways team
team: the road repair crew
team: {officer}, the highways inspector
idea: Fix potholes properly the first time instead of patching them over and over.
idea: A map showing when reported potholes are due to be fixed would save people ringing in.
idea: Do the resurfacing in the summer holidays when the roads are quieter.
idea: Could you use one of those machines that fixes potholes in one go?
aside: The road outside is also full of potholes.
aside: There's a pothole on {street} that's been there for months as well.

[street_lights]
subject: Street light out
subject: Streetlight not working
subject: Light on all day
subject: Lamp post damaged
subject: Street lights
subject: Dark street
problem: The street light outside number 14 on {street} has been out for {period}.
  more: It's the only light at that end of the road.
  more: There's been a break-in on the road since it went out.
problem: Half the street lights in our cul-de-sac aren't working.
  more: My daughter won't walk that way after work because it's so dark.
problem: The lamp post on the corner of {street} is flickering on and off all night.
  more: It's like a disco, it shines right into the front bedroom.
problem: The street light outside our house is on all day and all night.
  more: It seems a complete waste of money.
problem: A lamp post on {street} has been knocked and is leaning over the pavement.
  more: It was hit by a car a few weeks ago.
  more: I'm worried it's going to come down on someone.
  fix: Can you make it safe before it falls on someone?
problem: The path through {park} is pitch black at night because none of the lights work.
  more: It's the only way to the bus stop for a lot of people.
problem: The new LED street light shines straight into our bedroom.
  more: We can't sleep with the light blazing in.
  fix: Could a shield be fitted to stop it shining into the house?
problem: There's a street light with the door off the bottom and the wires showing.
  more: Kids walk past it every day on their way to school.
  fix: Can you make it safe before a child touches it?
detail: I reported it online and was told it would be fixed in 10 working days.
detail: It's been like this for weeks.
detail: It's really dark walking home from the bus stop.
detail: A few of the neighbours have reported it too.
ask: Please can an engineer come out and fix it.
ask: Can you tell me when it will be repaired?
ask: Please get it sorted before someone gets hurt.
short: street light out {street}
short: Lamp post flickering all night
short: Light on during day
question: How long does it normally take to fix a street light?
question: Is the street light on {street} the council's or the electricity company's?
question: Are you turning the street lights off after midnight to save money?
question: Can a shield be fitted to a street light that shines into a bedroom?
question: How can I find out if a street light fault has already been reported?
question: Why are the street lights on {street} being changed?
context: There's a street light out on the corner of {street}.
context: The lights along the footpath have been off all week.
context: A new street light has been put in outside our house.
praise: The street light outside our house was fixed the day after I reported it, thank you to {team}.
praise: {team} came out late at night to make a damaged lamp post safe, I was really impressed.
praise: The new LED lights on {street} are a big improvement, thanks to {team}.
praise: Thank you to {team} for fitting a shield to the light outside my window so quickly.
team: the street lighting team
team: the lighting engineers
team: {officer} from street lighting
idea: More lighting on the footpath through {park} would make people feel safer.
idea: Could the lights stay on later at weekends?
idea: Motion sensor lights on the cut-through would save money and still be safe.
idea: Every lamp post should have a number on it so it's easier to report faults.
aside: The street light outside is out again as well.
aside: It doesn't help that the street light on the corner has been broken for weeks.

[pavements]
subject: Uneven pavement
subject: Trip hazard
subject: Footpath
subject: Broken paving slab
subject: Dropped kerb
subject: Pavement
problem: There's a raised paving slab outside the shops on {street} that people keep tripping on.
  more: I've seen two people go over on it this month.
  fix: Please come and level it before someone breaks a hip.
problem: The pavement on {street} is so uneven that I can't get my mobility scooter along it.
  more: I end up having to go in the road with the traffic.
problem: My mum tripped on a broken slab on {street} and cut her face open.
  more: She's 82 and hasn't been out of the house since.
  more: I've taken photos of the slab with a ruler next to it.
  fix: I'd like to know how to make a claim.
problem: The footpath from {area} to the shops is cracked and lifting with tree roots.
  more: A lot of elderly people use this route to get to the chemist.
problem: There's no dropped kerb at the crossing on {street} so wheelchair users have to go into the road.
  fix: Can you put in a dropped kerb?
problem: The tarmac on the pavement has sunk and there's a huge puddle every time it rains.
  more: You have to walk in the road to get round it.
problem: The footpath through the estate has been fenced off with barriers for {period} and nothing is happening.
  more: Nobody has been seen working there since the barriers went up.
problem: A loose kerb stone on {street} rocks every time someone steps on it.
detail: It's a real danger for anyone with a pushchair.
detail: It's been like this for months.
detail: There's a care home just round the corner.
detail: Someone is going to break a hip.
ask: Please get it repaired before someone gets badly hurt.
ask: I'd like someone to inspect the whole stretch and repair it.
ask: Can you tell me when it will be fixed?
short: trip hazard outside shops {street}
short: broken slab on pavement
short: pavement lifting with tree roots
question: How do I apply for a dropped kerb outside my house, and how much does it cost?
question: Who is responsible for fixing the pavement after the water company has dug it up?
question: How do I claim for an injury after tripping on a broken pavement?
question: Is the footpath behind {street} council land or private?
question: When will the closed footpath through {area} reopen?
question: Can you tell me if the pavement on {street} is due to be repaired?
context: I had a fall on {street} last month.
context: I use a wheelchair.
context: There's a footpath that runs behind our houses.
praise: The pavement on {street} has been relaid beautifully, thank you to {team}.
praise: {team} fixed the trip hazard I reported within days, I'm very grateful.
praise: Thanks to {team} for putting in the dropped kerb, I can finally get out on my scooter.
praise: The new footpath through {park} is excellent, well done to {team}.
team: the highways team
team: the footways crew
team: {officer} from highways
idea: More dropped kerbs on {street} would help people with prams and wheelchairs.
idea: Could you use tarmac instead of slabs so the pavement doesn't keep lifting?
idea: Cut the hedges back from the footpath as part of the pavement checks.
idea: A proper path across the green would stop everyone walking through the mud.
aside: The pavement outside is in a terrible state too.
aside: I nearly went over on a loose slab on the way there as well.

[drainage_flooding]
subject: Blocked drain
subject: Flooding
subject: Road flooding
subject: Gully blocked
subject: Water on road
subject: Flooded garden
problem: The drain outside our house on {street} is blocked and the road floods every time it rains.
  more: Cars drive through it and soak anyone on the pavement.
  more: The gully hasn't been emptied in the eight years we've lived here.
  fix: Please send a gully wagon to clear it.
problem: Water pours off the road onto our drive because the gully is full of leaves.
  more: It came right up to our back door last night.
problem: The bottom of {street} turns into a lake whenever there's heavy rain.
  more: In winter it freezes over and it's lethal.
problem: Our garden flooded again {when} because the ditch behind the houses hasn't been cleared.
  more: We've had sandbags out twice this month.
  fix: Who can I speak to about flood protection?
problem: The grid on the corner of {street} is completely blocked with silt.
  more: There's grass growing out of it.
problem: There's a constant stream of water running down the road from what looks like a burst pipe.
  more: It's been running for days and it's starting to ice over at night.
  fix: Can you find out whether it's a burst main and get the water company out?
problem: The underpass by {area} has flooded again and people are having to wade through it.
  more: Mums with prams are having to go the long way round by the main road.
detail: It's getting worse every year.
detail: It's starting to smell.
detail: I've got photos and a video of it.
detail: Nobody seems to know whose job it is.
ask: Please send someone to clear it.
ask: Can someone look at the drainage properly?
ask: Please sort this out before it gets any worse.
short: blocked drain road flooding
short: {street} flooded again
short: gully blocked with leaves
question: Do you give out sandbags to residents when there's a flood warning?
question: Who is responsible for clearing the drain at the back of our houses?
question: How often are the road gullies cleaned?
question: Is a blocked drain in the road the water company's job or the council's?
question: Is there any help for households who've been flooded?
question: Can you check whether the drains on {street} are on the cleaning schedule?
context: Our road floods every time it rains heavily.
context: There's a drain on the corner that's always blocked.
context: Our house backs onto a ditch.
praise: Thank you to {team}, who came out in the storm and cleared the drain outside our house.
praise: {team} unblocked the gully on {street} quickly and the road hasn't flooded since.
praise: I'm very grateful to {team} for delivering sandbags when the water was rising.
praise: The new drainage on {street} has made all the difference, well done to {team}.
team: the drainage team
team: the gully wagon crew
team: {officer} from highways
idea: The gullies on {street} need clearing before autumn, not after it.
idea: Could you send a text alert to streets that are known to flood?
idea: Planting more trees and rain gardens would help with the surface water.
idea: A sandbag store in each ward would help people act quickly.
aside: The drain at the end of the road is blocked again too.
aside: And every time it rains the road floods as well.

[roadworks]
subject: Roadworks
subject: Road closure
subject: Temporary traffic lights
subject: Traffic lights not working
subject: Diversion
subject: Road works
problem: The temporary traffic lights on {street} have been up for {period} and nobody is ever working there.
  more: The green light only lets two cars through at a time.
  more: It took me 40 minutes to get through this morning.
  fix: Please have the light timings looked at or take the lights away.
problem: The roadworks on {street} are causing huge queues every morning.
  more: I'm a carer and I'm late for every single visit.
problem: The road was closed without any warning to residents.
  more: There was no letter, nothing.
  more: The buses are being diverted and nobody knows where the stops are.
problem: The traffic lights at the junction by {area} are stuck on red.
  more: People are just driving through them now, it's dangerous.
  fix: Please get an engineer out to the lights urgently.
problem: The diversion signs for the road closure send you round in a circle.
problem: The contractors digging up {street} are starting at 6am with heavy machinery.
  more: The whole house shakes and the kids are woken up every day.
  fix: Who do I complain to about the contractor?
problem: The roadworks barriers have been left blocking the pavement.
  more: The workmen left the hole unfenced overnight.
detail: Nobody seems to know who the contractor is.
detail: There's no sign saying how long it's going on for.
detail: It's causing chaos at school time.
detail: The side roads are being used as rat runs now.
ask: Can you tell me how much longer the works will take?
ask: Please look into this.
ask: Who is responsible and who do I complain to?
short: temp lights {street} nobody working
short: traffic lights stuck on red
short: roadworks no warning
question: How long is {street} going to be closed for?
question: Who is doing the roadworks on {street} and what are they for?
question: Will residents still be able to get onto their driveways during the road closure?
question: Is there a map of current roadworks and closures?
question: Why are the traffic lights at the junction being replaced?
question: Will the bus still stop on {street} while the works are on?
context: We got a letter about a road closure.
context: There are roadworks starting at the end of our road.
context: I drive through {area} every day for work.
praise: The roadworks on {street} finished ahead of schedule, thank you to {team}.
praise: {team} kept residents informed all the way through the works, which was really appreciated.
praise: {team} helped me get my car off the drive during the closure, thank you.
praise: Thanks to {team} for sorting the traffic light timings, the queues have gone.
team: the traffic management team
team: the streetworks team
team: {officer}, who was our contact for the works
team: the workmen on {street}
idea: Roadworks on the busy roads should be done at night.
idea: Could you put a sign up saying when the works will finish?
idea: Coordinate the gas and water works so the road isn't dug up twice.
idea: A filter arrow at the junction would ease the queues.
aside: On top of that the roadworks on the main road are causing chaos.
aside: The temporary lights at the end of the road aren't helping either.

[winter_gritting]
subject: Gritting
subject: Roads not gritted
subject: Grit bin empty
subject: Icy pavement
subject: Snow
subject: Ice on road
problem: Our road wasn't gritted {when} and it was like an ice rink this morning.
  more: I saw two people fall on the way to the bus stop.
problem: The grit bin at the top of {street} has been empty all winter.
  more: We've been buying our own salt from the supermarket.
  fix: Can you refill the grit bin as soon as possible?
problem: The hill up to {area} hasn't been gritted and cars are sliding back down.
  more: The bus couldn't get up it this morning.
problem: The pavements are covered in ice and not one of them has been gritted.
  more: I'm 80 and I'm now stuck in the house.
problem: The gritter goes along the main road but never comes into the estate.
  more: The roads round the corner were all done.
problem: The path to {school} was sheet ice and no grit had been put down.
  more: Kids were sliding about and one little girl was in tears.
detail: It's been icy for three days now.
detail: Carers can't get to the people they look after.
detail: Somebody is going to break something.
detail: It's the same every winter.
ask: Please add our road to the gritting route.
ask: Please get it gritted before someone breaks something.
ask: Can someone get out here today please?
short: grit bin empty {street}
short: no grit on the hill
short: roads like an ice rink
question: Is our road on the gritting route?
question: Can we have a grit bin on {street}?
question: Who refills the grit bins, and how do I report an empty one?
question: Can residents use the grit from the grit bin on the pavement?
question: Do you grit pavements as well as roads?
question: When does the gritting season start?
context: We live on a steep hill.
context: It's been freezing all week.
context: There's a grit bin at the end of our road.
praise: {team} were out gritting all night, thank you for keeping the roads safe.
praise: The grit bin on {street} was refilled the day after I asked, thank you to {team}.
praise: Thanks to {team} for clearing the snow from outside the sheltered housing.
praise: I'd like to thank {team} for gritting our hill during the cold snap.
team: the gritting crews
team: the winter maintenance team
team: the gritter drivers
idea: The estates with steep hills should be on the priority gritting route.
idea: A grit bin by the bus stop would help people get to work.
idea: Could you publish a map of which roads get gritted?
idea: Give residents a bag of grit for their own path at the start of winter.
aside: Our road wasn't gritted last winter either and it was lethal.
aside: The grit bin on the corner has been empty for weeks too.
"""
