"""What residents say about anti-social behaviour: youths, drugs, neighbours, vandalism, vehicles.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

# ruff: noqa: E501

TEXT = """
[asb_youths]
subject: Youths
subject: Anti social behaviour
subject: Gangs of youths
subject: Kids causing trouble
subject: ASB at the shops
problem: A gang of youths hangs around outside the shops on {street} every night and intimidates people.
  more: There are about 15 of them and they're swearing at elderly residents.
  fix: Can a dispersal order be put in place?
problem: Teenagers have been throwing stones at our windows.
  more: One of them cracked the front window on {day}.
  more: They've threatened my son when he went out to say something.
problem: There are kids climbing on the garage roofs behind {street} every evening.
  more: Some of them can't be older than 12.
problem: Youths keep knocking on doors and running off late at night.
problem: A group of lads are drinking and shouting in {park} till the early hours.
  more: They leave cans and bottles everywhere.
problem: Kids on bikes are riding straight at people on the footpath.
problem: Youths have been setting fire to the wheelie bins on the estate.
  more: The fire brigade has been out twice this month.
detail: The police came once and they were back the next night.
detail: I'm afraid to leave the house after dark.
detail: Their parents must know what they're up to.
detail: It's every night at the moment.
ask: Please send some patrols round.
ask: Can the police and the council work together on this?
ask: Something needs to be done.
short: youths throwing stones
short: gang outside shops again
short: kids on garage roofs
question: Who do I report anti-social behaviour to, the council or the police?
question: Is there a youth club anywhere in {area}?
question: Can you put CCTV up near the shops?
question: What is the community trigger and how do I use it?
question: Can I report anti-social behaviour anonymously?
question: Can a PCSO patrol our street?
context: We've had youths hanging round the shops.
context: There's been trouble on the estate most nights.
context: I've already reported this to the police.
praise: Thanks to {team} for the extra patrols, the estate is much quieter now.
praise: {team} has been brilliant with the youths on our estate.
praise: Thank you to {team} for the new youth club, the kids finally have somewhere to go.
praise: I want to praise {team} for the quick response when the kids were throwing stones.
team: the ASB team
team: the neighbourhood police team
team: {officer}, our PCSO
idea: A youth club in {area} would give the kids something to do.
idea: More police on foot at weekends would make a big difference.
idea: Better lighting in {park} would stop the gangs gathering there.
idea: A multi-use games area would give the teenagers somewhere to go that isn't the shops.
aside: There's also been trouble with youths hanging around.
aside: The kids hanging round the shops every night don't help.

[drugs_dealing]
subject: Drug dealing
subject: Drugs
subject: Cannabis smell
subject: Drug use
subject: Needles
problem: There's drug dealing going on from a house on {street}, cars coming and going all day.
  more: It's a different car every ten minutes.
  more: There are people knocking at the door at all hours.
problem: The smell of cannabis from next door comes into our house every evening.
  more: The smell is making my kids feel ill.
problem: People are dealing drugs openly in {park} in the middle of the day.
  more: Kids walk past on their way to school.
problem: I found needles in the alleyway behind {street}.
  more: There were three of them right by the gate where kids play.
  fix: Can the needles be removed and the area checked?
problem: Cars pull up outside the shops and do deals through the window.
problem: There's a cannabis farm in the house opposite, you can smell it from the street.
problem: People are taking drugs in the stairwell of our block.
detail: I'm frightened of reprisals.
detail: I've reported it to the police {times}.
detail: Please don't put my name on anything.
detail: Everybody round here knows what's going on.
ask: Please pass this on to the police.
ask: I want something done before someone gets hurt.
ask: Please look into this.
short: drug dealing from house
short: cannabis smell next door
short: needles in alley
question: How do I report drug dealing anonymously?
question: Who collects discarded needles?
question: Can the housing trust evict tenants for dealing drugs?
question: Is there support for someone with a drug problem?
question: Does the council work with the police on drugs?
question: What happens to a report about drug dealing once it's made?
context: I think there's drug dealing on our road.
context: My son has a drug problem.
context: There's a strong smell of cannabis in our block.
praise: Thank you to {team} for the raid on the house on our road.
praise: {team} took our concerns about drugs seriously and acted quickly.
praise: Thanks to {team} for clearing the needles from the alley the same day.
praise: {team} kept us informed about the drug house the whole way through.
team: the police
team: the neighbourhood team
team: {officer} from the police
idea: More police patrols round the shops at night would help.
idea: A sharps bin in the alley would keep kids safe.
idea: Drug awareness sessions in the high schools might stop the next lot getting involved.
idea: Housing and the police should share information faster.
aside: There's also drug dealing going on near the shops.
aside: And there are people smoking cannabis in the stairwell.

[neighbour_dispute]
subject: Neighbour
subject: Neighbour dispute
subject: Problem neighbours
subject: Harassment by neighbour
subject: Neighbours
problem: My neighbour is constantly harassing me and my family.
  more: I've kept a diary of everything.
problem: The neighbours have put a fence up on our side of the boundary.
  more: The police said it's a civil matter.
problem: My neighbour shouts abuse at me every time I go out.
  more: I'm a widow living alone and I'm frightened.
problem: Next door's tenants leave rubbish in their front garden and it's spilling onto ours.
problem: My neighbour has put CCTV up pointing directly into my garden.
problem: The family upstairs are aggressive and threatening.
  more: My kids are scared to play out.
  fix: I want them moved.
problem: My neighbour's kids keep kicking footballs at my car and the parents just laugh.
detail: I've tried talking to them but it makes it worse.
detail: This has been going on for over a year.
detail: I dread coming home.
detail: I've never had a problem with anyone before.
ask: Please speak to them.
ask: Can you offer mediation?
ask: I need some help with this.
short: neighbour harassment
short: neighbour shouting abuse
short: problem neighbours again
question: Do you offer mediation for neighbour disputes?
question: Who deals with boundary disputes?
question: Is my neighbour allowed to have CCTV pointing at my house?
question: What can I do about a neighbour who is harassing me?
question: Will the housing trust deal with my neighbour?
question: Is there a time limit on reporting a neighbour problem?
context: I've been having problems with my neighbour.
context: I'm a housing trust tenant.
context: The house next door is privately rented.
praise: {team} helped resolve a long-running dispute with our neighbour.
praise: The mediation was excellent, thank you to {team}.
praise: Thanks to {team} for supporting me through a very difficult time.
praise: {team} listened and acted, things are much better now.
team: the ASB team
team: the mediation service
team: {officer}, my housing officer
idea: Offer free mediation early on, before things escalate.
idea: A welcome pack for new tenants about being a good neighbour.
idea: Landlords should be contacted straight away about their tenants' behaviour.
idea: An online diary for recording incidents would be easier than paper sheets.
aside: We've also had problems with our neighbours.
aside: Our neighbour is making things worse too.

[vandalism_graffiti]
subject: Graffiti
subject: Vandalism
subject: Criminal damage
subject: Bus shelter smashed
subject: Offensive graffiti
problem: There's offensive graffiti sprayed on the wall of the underpass.
  more: It's racist and kids walk past it every day.
  fix: Please get the graffiti removed.
problem: The bus shelter on {street} has been smashed again.
  more: There's glass everywhere.
  more: It's the third time this month.
  fix: Can the shelter be repaired?
problem: Someone has spray painted tags all over the shop shutters on {street}.
  more: It was done in broad daylight.
  fix: Please get the graffiti removed.
problem: Our car was keyed while it was parked outside the house.
problem: The benches in {park} have been set on fire.
  more: There are just burnt frames left.
problem: Kids have smashed the windows of the community centre.
problem: The new trees planted along {street} have all been snapped in half.
detail: It makes the whole area look terrible.
detail: The CCTV camera is pointing the wrong way.
detail: We know who's doing it.
detail: Nobody seems to care any more.
ask: Please get it sorted.
ask: Please get a camera put up.
ask: Can this be cleaned up and repaired?
short: graffiti on underpass
short: bus shelter smashed
short: vandalism again
question: Do you remove graffiti from private property?
question: How do I report vandalism?
question: Who repairs the bus shelters?
question: Could we have a community mural instead of the graffiti?
question: How quickly is offensive graffiti removed?
question: Do I need to report criminal damage to the police as well?
context: There's graffiti on the wall of the shop.
context: The bus shelter has been damaged.
context: Our community centre has been vandalised.
praise: The offensive graffiti was removed within a day, thank you to {team}.
praise: Thank you to {team} for the new mural, it looks amazing.
praise: {team} repaired the bus shelter really quickly.
praise: Well done to {team} for catching the people responsible.
team: the graffiti team
team: the street scene team
team: {officer} from the police
idea: Give young people a legal graffiti wall and they might leave everything else alone.
idea: Use anti-graffiti paint on the underpass so it wipes straight off.
idea: A camera at the bus station would catch them in the act.
idea: Community payback teams could clean the graffiti off.
aside: There's also graffiti sprayed all over the underpass.
aside: Plus the bus shelter has been smashed again.

[vehicle_nuisance]
subject: Speeding
subject: Off road bikes
subject: Abandoned car
subject: Nuisance vehicles
subject: Boy racers
subject: Quad bikes
problem: Cars are racing up and down {street} every night.
  more: The noise is unbearable.
  more: There are children playing in the street.
  fix: Please put speed bumps in.
problem: Off road bikes are tearing across {park} and the playing fields.
  more: They nearly hit a dog walker.
  more: There are no number plates on them and they don't wear helmets.
problem: There's an abandoned car on {street} with no tax and flat tyres.
  more: It's been there for {period}.
  fix: Please get the abandoned car removed.
problem: Drivers speed through the estate like it's a race track.
  more: It's a 20 limit and they must be doing 50.
  fix: Please put speed bumps in.
problem: Boy racers gather in the car park at night revving their engines.
problem: Quad bikes are being ridden along the footpath.
problem: A car has been dumped on the verge with its windows smashed.
  fix: Please get the car removed.
detail: Someone is going to get killed.
detail: The police say they can't chase them.
detail: It's every night now.
detail: I've reported it {times}.
ask: Can the police do something?
ask: Please do something before someone is killed.
ask: Please look into this.
short: off road bikes in park
short: speeding on {street}
short: abandoned car {street}
question: How do I report an abandoned vehicle?
question: Can we have speed bumps on {street}?
question: Who deals with off road bikes?
question: Can we have a 20mph limit on our road?
question: Do you do speed checks?
question: How long before an abandoned car gets removed?
context: Our road is used as a rat run.
context: There's a car that hasn't moved for weeks.
context: We hear the bikes every night.
praise: Thank you to {team} for seizing the off road bikes.
praise: {team} removed the abandoned car quickly.
praise: The speed bumps on {street} have made a huge difference, thank you to {team}.
praise: Thanks to {team} for the speed checks on our road.
team: the police
team: the road safety team
team: {officer} from the police
idea: A speed camera on {street} would slow them down.
idea: There should be 20mph zones around all the schools.
idea: Put barriers in to stop the bikes getting onto the field.
idea: We'd be happy to set up a community speed watch group if you could lend us the equipment.
aside: We also have cars racing down the road at night.
aside: Plus the off road bikes ripping up the field.
"""
