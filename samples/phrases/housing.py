"""What tenants say about housing repairs: damp, heating, delays, leaks and communal areas.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

# ruff: noqa: E501

TEXT = """
[damp_mould]
subject: Damp and mould
subject: Mould in bedroom
subject: Black mould
subject: Condensation
subject: Damp problem
problem: There's black mould all over the walls in my children's bedroom.
  more: My youngest is only 18 months old.
  more: I'm scared after what happened to that little boy in Rochdale.
problem: Damp is coming through the wall in the living room and the wallpaper is peeling off.
  more: The surveyor said it was coming in from outside, but nothing happened after that.
problem: We've reported mould in the bathroom {times} and all we get told is to open the windows.
  more: The extractor fan in the bathroom hasn't worked for months.
problem: The mould has come back {period} after the surveyor visited.
problem: Our flat is so damp that the clothes in the wardrobe are going mouldy.
  more: We've had to throw away a sofa and a mattress.
problem: There's a damp patch on the bedroom ceiling that keeps getting bigger.
problem: The bedroom wall is wet to the touch and the whole room smells musty.
problem: My son's asthma has got worse since the mould appeared.
  more: The GP has written a letter about what it's doing to his health.
detail: We wipe the windows down every morning and it still comes back.
detail: We keep the heating on and the windows open and it makes no difference.
detail: It's not a lifestyle issue, whatever your letter says.
detail: The smell gets into everything.
detail: Someone came out and painted over it and it was back within a month.
ask: I want someone to come out, find the cause and treat it properly.
ask: Please can we be moved while the work is done.
ask: I want this escalated as a formal complaint.
short: Mould in bedroom again
short: damp wall living room
short: black mould kids room
question: Who do I contact to get a damp and mould inspection?
question: Can I get a dehumidifier from the housing trust?
question: Is the landlord responsible for treating mould, or is it down to the tenant?
question: How long should it take for a damp survey to be done?
question: Can I get a new extractor fan fitted in the kitchen?
question: What can I do if my private landlord won't deal with the damp?
context: I rent my flat from the housing trust.
context: There's damp in the back bedroom.
context: We have a small baby.
praise: {team} treated the mould and fitted a new fan, the flat feels completely different.
praise: Thank you to {team} for taking our damp problem seriously and sorting it quickly.
praise: Thank you to {team}, the inspection was really thorough and everything was explained to us.
praise: I'd like to thank {team} for the new windows, the condensation has stopped.
team: the repairs team
team: the damp and mould team
team: {officer} the surveyor
idea: Tenants should get a visit every winter to check for damp.
idea: Could you give out guidance on ventilation in other languages?
idea: Fitting humidity-controlled fans in every bathroom would prevent a lot of mould.
idea: Please let tenants send photos of mould through an app.
aside: The damp in the back bedroom is still there too.
aside: On top of all that there's mould growing in the bathroom.

[heating_hot_water]
subject: No heating
subject: Boiler broken
subject: No hot water
subject: Heating not working
subject: Boiler
problem: Our boiler has broken down and we've had no heating or hot water since {day}.
  more: We're boiling kettles to have a wash.
  more: I've got a newborn baby in the house.
problem: The heating keeps cutting out and the engineer just resets it and leaves.
  more: It's been out {times} since October.
  fix: I want the boiler replaced, not patched up again.
problem: We've been without hot water for {period}.
problem: The radiators upstairs don't heat up at all.
  more: The kids are sleeping in their coats.
problem: The new boiler was fitted but it keeps losing pressure.
  fix: Please send someone who knows what they're doing.
problem: The communal heating in our block hasn't been working for {period}.
  more: We've been given two small electric heaters which cost a fortune to run.
problem: An engineer was booked to fix our boiler and didn't turn up.
  more: I waited in all day and nobody rang.
detail: My husband is disabled and feels the cold badly.
detail: It's below freezing at night.
detail: Every time I ring I'm told an engineer will be in touch.
detail: The boiler is ancient and it's forever breaking down.
ask: Please get an engineer out today.
ask: Can we have compensation for the extra electricity?
ask: I need this fixing urgently.
short: no heating or hot water
short: boiler broke down again
short: Engineer didn't turn up for boiler
question: When is my boiler due to be replaced?
question: Do you provide heaters if the heating is broken?
question: What number do I ring for an emergency heating repair at the weekend?
question: Is there help with heating costs for housing trust tenants?
question: Who do I report a communal heating fault to?
question: Will I be compensated for the days without heating?
context: Our boiler is over 15 years old.
context: We've had no hot water since the weekend.
context: I rent from the housing trust.
praise: {team} fixed our boiler in an hour and couldn't have been nicer with the kids.
praise: Thank you to {team} for coming out on a Sunday night when our heating failed.
praise: The new boiler is fantastic, thanks to {team} for a tidy job.
praise: {team} brought round heaters the same day the heating broke, thank you.
team: the gas engineers
team: the heating team
team: {officer}, the engineer
idea: Boilers over ten years old should be replaced before winter.
idea: Tenants should be able to book heating repairs online.
idea: Could you leave simple instructions when a new boiler is fitted?
idea: Servicing should be done in summer so problems don't show up in winter.
aside: The heating is also playing up again.
aside: We've had no hot water on and off as well.

[repair_delay]
subject: Outstanding repair
subject: Repair not done
subject: Missed appointment
subject: Repairs
subject: Still waiting for repair
problem: I've been waiting {period} for a repair to my back door and nobody has been.
  more: It doesn't shut properly and the draught is terrible.
problem: The repairs man didn't turn up for the appointment and didn't even ring.
  more: This is the third missed appointment.
  more: I've lost a day's pay each time.
  fix: I want compensation for the missed appointments.
problem: I've reported the same repair {times} and it keeps getting closed without anything being done.
problem: The kitchen cupboards are coming off the wall and the job was raised {period} ago.
problem: A contractor started replacing our window and never came back to finish it.
  more: The window is boarded up and the house is freezing.
  more: They left the old frame in the garden.
problem: I took a day off work for a repair appointment and nobody came.
  fix: I want compensation for the missed appointments.
problem: The front door doesn't lock properly and I'm still waiting for someone to fix it.
  more: I'm disabled and live alone, so it isn't safe.
problem: The repair has been marked as complete on the system but no one has been out.
detail: Every time I ring I'm told it's been passed on.
detail: I pay my rent on time every month and I expect the repairs to be done.
detail: Nobody can tell me when anyone is coming.
detail: I've got the job number written down.
ask: Please give me a date and stick to it.
ask: Please treat this as a formal stage one complaint.
ask: I want to know when it will be done.
short: repair still not done
short: no one turned up for repair
short: missed appointment again
question: Can you tell me when my repair is booked in for?
question: How long should a non-urgent repair take?
question: Can I change my repair appointment to a Saturday?
question: Is there compensation for missed repair appointments?
question: Can I get a morning or afternoon slot rather than waiting in all day?
question: Who do I escalate a repair to if it still isn't done?
context: I reported a repair a while ago.
context: My repair reference number is {ref}.
context: Our back door was damaged in the storm.
praise: {team} fixed our door and the kitchen tap on the same visit, excellent.
praise: Thank you to {team} for coming on time and doing a tidy job.
praise: The repair was done the day after I reported it, very impressed with {team}.
praise: {team} kept me updated by text and arrived when they said they would.
team: the repairs team
team: the joiner
team: {officer} from repairs
idea: Send a text with a time slot on the morning of the repair.
idea: Could tenants see the progress of their repair online?
idea: The operative should have the parts in the van before they come out.
idea: Evening and weekend appointments would help tenants who work.
aside: I've also got a repair outstanding from months ago.
aside: The repairs team didn't turn up last time either.

[leaks_plumbing]
subject: Leak
subject: Leaking pipe
subject: Water leak from flat above
subject: Toilet not flushing
subject: Blocked sink
problem: Water is leaking through our kitchen ceiling from the flat above.
  more: The ceiling is starting to bulge.
  more: The electrics keep tripping.
  fix: Please check the flat above, I think that's where it's coming from.
problem: The pipe under the sink is leaking and the bottom of the cupboard has rotted.
  more: It's been going on since last winter.
problem: Our toilet hasn't flushed properly for {period}.
problem: The roof is leaking and water is coming through the light fitting.
  more: We've got buckets and towels down everywhere.
  fix: Can someone fix the roof and repair the ceiling?
problem: The bath is leaking into the kitchen below.
problem: The outside drain is blocked and sewage is backing up into the garden.
  more: It smells horrible and the kids can't go out.
problem: The cold tap in the bathroom won't turn off.
  more: I've had to turn the water off at the stopcock.
detail: I reported it as an emergency and was told someone would come within 24 hours.
detail: It's getting worse every day.
detail: Nobody has even been to look at it.
detail: We're having to live around it and it's miserable.
ask: Please send a plumber urgently.
ask: Can someone come out today?
ask: Please get this fixed properly.
short: water coming through ceiling
short: toilet not flushing
short: leak under sink
question: Is a leaking tap classed as an emergency repair?
question: Who is responsible for a leak from the flat above?
question: How do I report a blocked drain in my garden?
question: Can I fix a small leak myself and claim the cost back?
question: Will you repair the water damage to my ceiling once the leak is fixed?
question: Who should I call about a sewage smell in the flat?
context: There's water dripping from the kitchen ceiling.
context: Our toilet has been playing up.
context: There's a damp patch under the bath.
praise: {team} came within two hours and fixed the leak, brilliant.
praise: Thank you to {team} for coming out at midnight when water was pouring through the ceiling.
praise: {team} couldn't have been more polite and left the bathroom spotless.
praise: {team} fixed the blocked drain and were very professional.
team: the plumbers
team: the out of hours team
team: {officer} the plumber
idea: Give every tenant a leaflet showing where their stopcock is.
idea: Could the out of hours number go on the front of the tenancy handbook?
idea: Let people upload photos with repair requests so the right trade comes out.
idea: Regular checks of the roof would stop leaks before they start.
aside: We've also got a leak in the bathroom that needs looking at.
aside: And the toilet still isn't flushing properly.

[communal_areas]
subject: Communal areas
subject: Lift broken
subject: Stairwell lights
subject: Communal door
subject: Bin store
problem: The lift in our block has been broken for {period}.
  more: I live on the eighth floor and I'm disabled.
  more: I have to carry my shopping up six flights of stairs.
  fix: Please get the lift fixed urgently.
problem: The main entrance door to the flats doesn't lock and anyone can walk in.
  more: People are sleeping in the stairwell.
problem: The lights in the stairwell have been out for weeks.
  more: It's pitch black on the landing.
problem: The communal bin store is overflowing and full of rats.
problem: Nobody has cleaned the stairs in our block for {period}.
  more: We pay a service charge for cleaning.
  fix: Can someone come and clean the stairs properly?
problem: There's graffiti and urine in the communal hallway.
problem: The door entry intercom hasn't worked since the new system was put in.
  more: Delivery drivers can't get in.
detail: There are elderly people living in this block.
detail: I've reported it to the housing officer and heard nothing.
detail: It's not safe for anyone.
detail: We pay a service charge and get nothing for it.
ask: Please sort this out urgently.
ask: Can someone come and look at it?
ask: I want to know what our service charge is actually paying for.
short: lift broken again
short: stairwell lights out
short: communal door not locking
question: How often are the communal areas supposed to be cleaned?
question: Who do I report a broken lift to out of hours?
question: Can I have a breakdown of the service charge?
question: Can we have a new door entry system?
question: Are we allowed to put plant pots in the communal hallway?
question: Who is responsible for the bin store for the flats?
context: I live in the flats on {street}.
context: Our block has a shared entrance.
context: We pay a service charge.
praise: Thank you to {team}, the stairwell has never looked so clean.
praise: {team} fixed the lift the same day, which was a huge relief.
praise: The new door entry system is great, thanks to {team}.
praise: A big thank you to {team} for keeping the block so clean and tidy.
team: the caretaking team
team: the estate services team
team: {officer} the caretaker
idea: CCTV in the entrance would stop people getting in.
idea: Could you put a notice up saying when the cleaners are due?
idea: The communal garden could be turned into a growing space for residents.
idea: Residents should get a text when the lift is out of order.
aside: The lift in our block is broken again as well.
aside: The communal door still doesn't lock either.
"""
