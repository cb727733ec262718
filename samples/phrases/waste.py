"""What residents say about waste and recycling: bins, bulky items, fly-tipping, litter.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

# ruff: noqa: E501

TEXT = """
[missed_collection]
subject: Missed bin
subject: Bin not emptied
subject: Missed collection
subject: Bins missed again
subject: {bin} not collected
subject: Recycling not collected
subject: Whole street missed
problem: Our {bin} wasn't emptied on {day} even though it was out on the kerb from 7am.
  more: The lorry drove straight past without even slowing down.
  more: Next door's was done, so I don't understand why ours was left.
problem: The bin men have missed our road again this week.
  more: There were cars parked on both sides but the crew didn't even get out to try.
  more: It's the third time since the rounds changed.
problem: Our {bin} has now been missed two collections in a row.
  more: It's full to the top and we've had to start piling bags up beside it.
  more: We've got a baby in the house and the nappies can't sit there for another fortnight.
problem: The whole of {street} was missed on {day} and every single bin is still out.
  more: Nobody has been back for them and half the road has given up and taken them in.
problem: Our recycling hasn't been collected and the bin is now overflowing.
  more: The wind has blown cardboard and bottles all over the front garden.
  more: It was left with the lid wide open in the rain so it's full of water now as well.
problem: The crew emptied next door's bin but left ours standing there, full to the top.
  more: It was definitely out in time because I watched the lorry come down the road.
  fix: Please make sure the crew know our bin is there.
problem: Nobody has collected the bins in our cul-de-sac for {period}.
  more: The lorry used to reverse in but now it just doesn't bother.
  fix: Please get the crews to come into the cul-de-sac like they used to.
problem: Our {bin} was put out the night before as usual and it's still sat there full.
  more: I've had to drag it back in because it was blocking the pavement.
detail: I checked the collection calendar on the website and it was definitely our week.
detail: It's starting to smell and there are maggots in the bottom of the bin.
detail: It's not the first time, it happened {times} last year as well.
detail: The foxes have been at the bags next to it and there's rubbish all over the path.
detail: We've always put it out in the same place and it's never been a problem before.
ask: Can someone come back and empty it please?
ask: Please send the crew back out before the next collection is due.
ask: I want to know why it was missed and when it will be emptied.
short: Bin missed again
short: grey bin not emptied {day}
short: Recycling missed on {street}, 3rd time.
short: Bins not collected whole road
question: Our bin was missed on {day}, when will the crew come back for it?
question: Is there a time limit for reporting a missed bin?
question: Can I put extra bags out next to the bin as it was missed last time?
question: Has the collection day changed for {area}? Our bins weren't emptied this week.
question: Are collections running a day late because of the bank holiday?
question: Will the crew take the side waste next time, seeing as our bin was missed?
question: Is there a problem with collections in {area} this week?
context: The {bin} went out on time on {day} but it's still full.
context: Our street seems to have been skipped this week.
context: I've looked on the website but there's nothing about any delays.
praise: {team} came back the same afternoon after I reported our bin had been missed.
praise: I just wanted to say thank you to {team}, who went out of their way to empty our bin after we'd missed the lorry.
praise: Thanks to {team} for sorting out the missed collection so quickly, it was done first thing the next morning.
praise: {team} always put the bins back at the front of the house instead of leaving them in the road, which really helps as I use a walking frame.
praise: Our street kept getting missed but since {team} took over the round it has been spot on every week.
team: the bin crew
team: the crew on the {day} round
team: the crew who do {street}
team: the lads on the bin lorry
idea: It would help if you sent a text the day before when collection days change.
idea: Could the crews log when a bin wasn't out, so residents can see why it was missed?
idea: Maybe the lorry could come down {street} earlier, before the cars are parked everywhere.
idea: An app showing where the lorry is on the day would stop people ringing in about missed bins.
aside: Our bin was missed again last week as well, but that's another story.
aside: While I'm at it, the bins on our road were missed on {day} too.
aside: On top of all that our recycling hasn't been collected for {period}.

[bin_request]
subject: New bin request
subject: Replacement bin
subject: Broken wheelie bin
subject: Bin stolen
subject: Need a bigger bin
subject: Bins for new build
problem: I ordered a replacement {bin} {period} ago and it still hasn't arrived.
  more: I paid the charge online and got a confirmation email, but nothing since.
  more: I was told it would be delivered within ten working days.
problem: Our wheelie bin was damaged by the lorry on {day} and the lid is now hanging off.
  more: Rubbish is blowing all over the garden because the lid won't shut.
  more: It's ridiculous to charge people when it was your own crew that broke it.
  fix: I'd like a replacement without being charged, as this wasn't our fault.
problem: The crew dropped our bin into the back of the lorry and it was never returned.
  more: The crew just shrugged and drove off.
  fix: I expect a replacement free of charge.
problem: We moved into a new build on {street} {period} ago and we still have no bins at all.
  more: The developer says it's the council's job and the council says it's the developer's.
  more: We're having to take our rubbish to my mum's.
problem: I was charged £30 for a new bin and then told it would take eight weeks to deliver.
  fix: Either deliver it sooner or refund the charge.
problem: Our {bin} has split right down the side and one of the wheels has come off.
  more: I can't wheel it to the kerb any more and the crew won't empty it like that.
problem: I've been waiting for a larger bin since our fourth child arrived and nobody has been in touch.
  more: There are six of us in the house and the small bin just isn't big enough.
problem: Someone has taken our {bin} and we can't put anything out until it's replaced.
  more: I reported it stolen straight away.
detail: We're having to put rubbish out in black bags and the crew won't take them.
detail: I've rung {times} and every time I'm told it's on the list.
detail: Nobody can give me a delivery date.
detail: The rubbish is piling up in the back yard.
ask: Please can you tell me when the new bin will be delivered.
ask: Can you get a bin out to us this week?
ask: Please let me know what's happening.
short: Still waiting for new bin
short: bin lid broken by crew
short: No bins at new house
question: How much does a replacement wheelie bin cost and how long does delivery take?
question: Can we have a bigger bin? There are six people living here.
question: Our bin has been stolen, do I need a crime number to get a new one?
question: We've just moved in and there are no bins, how do we order them?
question: Can I get an extra recycling bin? We fill ours within a week.
question: Do you take the old broken bin away when the new one is delivered?
question: Is there still a charge for a replacement if the crew damaged it?
context: We moved into {street} last month.
context: Our bin split on the last collection.
context: We've got a new baby so we're producing a lot more rubbish.
praise: The new {bin} arrived two days after I ordered it, thank you to {team}.
praise: {team} replaced our damaged bin really quickly and even took the old one away.
praise: I was dreading having to chase it, but {team} delivered all our bins to the new house within a week.
praise: {team} sorted out our bin order in five minutes over the phone, very helpful.
team: the bin delivery team
team: the waste team
team: {officer} in customer services
idea: New build houses should have bins delivered before people move in.
idea: It would be good to be able to track a bin order online.
idea: It would be fairer not to charge for a replacement when the lorry caused the damage.
idea: Larger households should be able to swap to a bigger bin free of charge.
aside: We're also still waiting on a replacement recycling bin.
aside: Our bin lid was broken by the crew a few weeks ago too.

[fly_tipping]
subject: Fly tipping
subject: Dumped rubbish
subject: Fly-tipping in the alley
subject: Mattress dumped
subject: Rubbish dumped on the field
subject: Fly tipping AGAIN
problem: Someone has dumped a mattress and a load of black bags at the end of {street}.
  more: Some of the bags have split and rubbish is blowing all over the road.
problem: There's a pile of builders' rubble dumped in the entry behind our houses.
  more: There's broken glass and sheets of plasterboard in it.
  more: I saw a white van dropping it off {when} but didn't manage to get the registration.
problem: The fly tipping on the lane by the playing fields has got completely out of hand.
  more: Every time it gets cleared more appears within the week.
  fix: Please can someone look at putting a camera up.
problem: A fridge freezer and an old sofa have been dumped on the grass verge near {area}.
  more: Kids are already jumping on the sofa and the fridge door is hanging open.
problem: There's a load of rubbish dumped in the alley behind {street} and it's been there for {period}.
  more: I reported it online and the report just says closed.
problem: Somebody has tipped a vanload of garden waste and old carpet in the lay-by.
problem: The back entry has turned into a dumping ground again.
  more: It's attracting rats and the kids are climbing all over it.
  fix: Can the alley be gated off to stop this happening again?
problem: Someone has left bags of rubbish and a broken pram next to the recycling bank at the shops.
detail: It's blocking the path so people with pushchairs are having to walk in the road.
detail: It's an eyesore and it makes the whole area look like a tip.
detail: I'm worried someone will set fire to it.
detail: It's been reported by other neighbours as well.
ask: Can you get it cleared before someone gets hurt?
ask: Please can it be removed as soon as possible.
ask: I want to know what you're doing to catch the people responsible.
short: Fly tipping back of {street}
short: mattress dumped on verge
short: rubbish dumped in alley again
question: Who is responsible for clearing fly tipping in a private alleyway?
question: I've got the registration of a van that dumped rubbish, who do I give it to?
question: Can you let me know when the dumped rubbish on {street} will be cleared?
question: Do you actually fine people who are caught fly tipping?
question: Is there a way to report fly tipping anonymously?
question: How long does it normally take for fly tipping to be removed?
context: There's been rubbish dumped by the garages for a while now.
context: I reported some dumped rubbish last week.
context: I saw someone tipping waste from a van near {area}.
praise: The dumped sofa was gone the morning after I reported it, thank you to {team}.
praise: Thank you to {team} for clearing the alley so quickly, it had been a mess for months.
praise: Well done to {team} for taking the fly tipper to court, it was good to read about it in the paper.
praise: {team} cleared a huge pile of rubble from our lane within a day.
team: the enforcement team
team: the clean-up crew
team: the street scene team
team: {officer} from environmental enforcement
idea: A camera at the end of the lane would catch whoever keeps tipping there.
idea: If bulky collections were cheaper people wouldn't dump stuff in the alleys.
idea: Could you put signs up warning about the fines for fly tipping?
idea: Gating the back alleys would put a stop to the dumping.
aside: There's also a pile of fly tipping at the end of the road that nobody has moved.
aside: Not to mention the mattress that's been dumped by the garages for weeks.

[bulky_waste]
subject: Bulky collection
subject: Bulky waste booking
subject: Sofa collection
subject: Bulky items not collected
subject: Bulky waste
problem: I booked and paid for a bulky collection on {day} and nobody turned up.
  more: I took a day off work to make sure everything was out in time.
  more: The sofa has now been sat outside in the rain for days.
  fix: Can you rebook it for this week please?
problem: The bulky waste crew only took half the items I'd paid for.
  more: The booking confirmation clearly lists three items.
  fix: Please arrange for the rest to be collected or refund me.
problem: I've been trying to book a bulky collection online for {period} and the form keeps failing.
  more: It gets to the payment page and then just goes back to the start.
problem: The next available bulky waste slot is over a month away, which is no use to anyone.
  more: I'm moving out at the end of the week.
problem: My old fridge was left on the drive after the bulky collection came.
  more: The crew said fridges need a separate booking, which nobody told me.
  fix: Please come back for the fridge.
problem: The crew refused to take my wardrobe because it had been taken apart.
problem: I paid for a bulky collection and the crew said I wasn't on their list.
  fix: I'd like a refund as the service wasn't provided.
detail: I don't drive so I can't take it to the tip myself.
detail: The neighbours are complaining about the mess on the front.
detail: I've been charged the full amount regardless.
detail: I've rung the bookings line and it just rings out.
ask: Please can someone ring me to sort this out.
ask: Can you tell me what happens now?
ask: I'd like this put right as soon as possible.
short: Bulky collection didn't turn up
short: sofa still not collected
short: paid for bulky pickup nobody came
question: How much does it cost to have a sofa and two chairs collected?
question: Do you collect old fridges and freezers on the bulky waste service?
question: Can I book a bulky collection for a relative who lives in the borough?
question: Is there a discount on bulky collections for people on benefits?
question: If it rains on the day, do the items need to be covered?
question: How many items can I put on one bulky waste booking?
question: Can I change the date of my bulky collection?
context: I'm clearing out my mum's house.
context: We've just had new furniture delivered.
context: I've booked a collection online for next {day}.
praise: {team} took everything on the bulky collection and swept up after themselves.
praise: Really pleased with the bulky waste service, {team} came on time and were very polite.
praise: Thank you to {team}, who helped carry the old wardrobe down the stairs when they didn't have to.
praise: The bulky booking was easy and {team} collected the following week, much better than last time.
team: the bulky waste crew
team: the two lads from the bulky collection
team: the bulky waste team
idea: A free bulky collection once a year would cut down on fly tipping.
idea: It would be useful to be able to add items to an existing booking online.
idea: Decent furniture from bulky collections could go to a reuse charity instead of the tip.
idea: Could you offer evening or Saturday bulky collections for people who work?
aside: I also have a bulky collection booked that I'm not confident will turn up.
aside: We were let down by the bulky waste service last month as well.

[street_cleaning]
subject: Litter
subject: Dog fouling
subject: Street not swept
subject: Overflowing litter bin
subject: Dog mess on pavement
subject: Broken glass
problem: The litter bin by the bus stop on {street} is overflowing and there's rubbish all over the pavement.
  more: The seagulls pull everything out and it ends up in people's gardens.
  fix: Please get the bin emptied and maybe put a bigger one in.
problem: The amount of dog mess on the path to {school} is disgusting.
  more: Kids walking to school are treading it into their shoes.
  more: The dog bins are full to the top and people just leave the bags next to them.
  fix: Could a warden patrol the area and fine people who don't pick up after their dogs?
problem: Our street hasn't been swept in months and the gutters are full of leaves and litter.
  more: I see the road sweeper on the main road but it never comes down our way.
  fix: Can a sweeper be sent round please?
problem: There's broken glass all over the pavement outside the shops on {street}.
  more: Someone smashed a load of bottles at the weekend and it's still there.
problem: The bins in {park} haven't been emptied for {period}.
  fix: Please get the bins emptied more often.
problem: Litter from the takeaway is blowing all along {street} every weekend.
  more: There are boxes and cans stuck in every hedge.
problem: There's dog fouling all the way along the footpath by the canal.
  fix: Could a warden patrol the area and fine people who don't pick up after their dogs?
problem: The leaves haven't been cleared from {street} and the pavement is like an ice rink.
  more: Older people like me are frightened of slipping.
detail: It makes the whole area look run down.
detail: I pick up what I can myself but it's a losing battle.
detail: It's been like this for weeks.
detail: Visitors must think nobody cares about this place.
ask: Can someone come and clean it up please?
ask: Please get this sorted, it's a disgrace.
ask: Can this area be cleaned more often?
short: Dog mess everywhere on {street}
short: litter bin overflowing by the shops
short: Broken glass on pavement
question: How often is {street} supposed to be swept?
question: Can we have an extra dog waste bin on the path near {park}?
question: Who do I report a needle found in the alleyway to?
question: Do you lend out litter pickers for community clean ups?
question: Is there a fine for dog fouling, and who enforces it?
question: Can I request a new litter bin outside the shops?
context: A few of us on {street} want to organise a litter pick.
context: There used to be a bin on the corner but it was taken away.
context: The path to the school is always covered in litter.
praise: {team} did a brilliant job clearing the leaves on {street}, it looks like a different road.
praise: Thank you to {team} for lending us litter pickers and collecting all the bags afterwards.
praise: {team} cleaned up the broken glass within an hour of my call.
praise: I see {team} out every morning keeping the town centre tidy and they never get thanked.
team: the street cleansing team
team: the road sweeper crew
team: the street scene team
idea: More dog waste bins along the canal path would stop a lot of the fouling.
idea: Takeaways should have to clear up the litter outside their shops.
idea: Bins with lids would stop the seagulls pulling the rubbish out.
idea: A monthly community litter pick with council support would really help.
aside: The road is also covered in litter and dog mess.
aside: The litter bin on the corner is overflowing as well.

[garden_waste]
subject: Garden waste
subject: Brown bin
subject: Green bin not emptied
subject: Garden waste subscription
subject: Garden waste permit
problem: I paid for the garden waste subscription and my brown bin has been missed twice.
  more: I've paid £45 for this and I'm not getting the service.
problem: I renewed my garden waste permit {period} ago and still haven't received the sticker.
  more: The crew won't empty the bin without it.
  fix: Can you post the sticker out again please.
problem: The green bin hasn't been emptied since the collections restarted in March.
  more: The website still shows last year's dates.
problem: Garden waste collections stopped for the winter earlier than the leaflet said.
  more: All the leaves have come down since and there's nowhere to put them.
problem: I'm paying for garden waste collections that only seem to happen when it suits you.
problem: The crew refused to empty our brown bin because the lid wouldn't fully close.
  more: It was only a couple of branches sticking up.
problem: The garden waste round on {street} was missed and the bin is full of rotting grass.
  more: There are flies all round it.
  fix: Please come and empty it this week.
detail: It's full of grass cuttings and starting to stink.
detail: We can't cut the lawn because there's nowhere to put the clippings.
detail: Other people on the road have had theirs emptied.
detail: I've reported it online twice.
ask: When will our brown bin actually be collected?
ask: Please sort this out or give me a partial refund.
ask: I'd like an explanation please.
short: brown bin missed again
short: garden waste sticker not arrived
short: Green bin not emptied {day}
question: When do garden waste collections finish for the winter?
question: How do I renew my garden waste subscription?
question: Can I have a second brown bin for garden waste, and how much is it?
question: Can soil and turf go in the garden waste bin?
question: Is there a discount on the garden waste charge for pensioners?
question: I've moved house, can I transfer my garden waste subscription?
context: I've just moved to {street}.
context: We've got a big garden and one bin isn't enough.
context: My neighbour told me the collections have changed.
praise: {team} emptied our brown bin even though it was a bit overfull, thank you.
praise: The garden waste service has been excellent this year, thanks to {team}.
praise: {team} sorted out my missing permit sticker really quickly.
praise: Thanks to {team} for coming back for our green bin the same day.
team: the garden waste crew
team: the crew who do {street}
team: the brown bin lads
idea: Garden waste collections should carry on through November when the leaves come down.
idea: A cheaper rate for a half-size bin would suit people with small gardens.
idea: Could the permit be done digitally instead of a sticker that peels off?
idea: You could sell the compost back to residents cheaply.
aside: Our brown bin was missed last week as well.
aside: I'm still waiting for my garden waste sticker too.
"""
