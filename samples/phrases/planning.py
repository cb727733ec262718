"""What residents say about planning applications, planning enforcement and building control.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

# ruff: noqa: E501

TEXT = """
[planning_application]
subject: Planning application
subject: Objection to planning application
subject: Planning objection
subject: Extension plans
subject: Planning permission
subject: New housing development
problem: I want to object to the planning application for the extension next door, it will block all our light.
  more: It will overlook our back garden and bedroom.
problem: Nobody on our road was notified about the planning application for the flats.
  more: The notice was only put up on a lamp post round the corner.
problem: My planning application has gone past its decision date and nobody will tell me why.
  more: I paid the fee {period} ago.
  more: The builder is booked and I'll lose my slot.
  fix: Please give me a decision date.
problem: The plans to build 200 houses on the field behind {street} will be a disaster for the area.
  more: The roads round here can't cope with the traffic as it is.
  more: The doctors and schools are already full.
problem: The planning portal hasn't shown the documents for the application on {street} for weeks.
problem: My comments on the planning application were never published.
  fix: Please publish my comments.
problem: The planning officer recommended approval without even visiting the site.
  more: The field floods every winter and anyone who came out would see that.
detail: Nobody seems to listen to residents.
detail: I've lived here for over twenty years.
detail: Lots of neighbours feel the same.
detail: I've tried to ring the planning officer and can't get hold of them.
ask: Please register my objection.
ask: Can the application go to the planning committee?
ask: I'd like a reply please.
short: objection to planning application
short: planning decision overdue
short: not notified of application
question: How do I comment on a planning application?
question: Do I need planning permission for a single-storey rear extension?
question: When will the planning committee decide the application on {street}?
question: How do I find out if my neighbour has planning permission for their extension?
question: Can I speak at the planning committee meeting?
question: How long does a householder planning application usually take?
context: My neighbour has put in plans for a two-storey extension.
context: We're thinking of building a conservatory.
context: There's an application in for houses on the green belt near {area}.
praise: {team} gave me really useful advice before I submitted my application.
praise: Thank you to {team} for explaining the application process so clearly.
praise: {team} dealt with my extension application quickly, and it was approved in six weeks.
praise: I'd like to thank {team} for listening to residents' views at the committee.
team: the planning team
team: {officer}, the planning officer
team: the duty planner
idea: Send a letter to every house within 100 metres of a planning application.
idea: The planning portal should send email alerts for applications near your street.
idea: Hold a drop-in session in the community centre for big developments.
idea: Put the planning notices where people will actually see them.
aside: There's also a planning application in for the field behind us.
aside: And now they want to build houses on the green.

[planning_enforcement]
subject: Planning enforcement
subject: Unauthorised building
subject: Planning breach
subject: Building without permission
subject: Breach of planning conditions
problem: My neighbour has built a huge extension without any planning permission.
  more: It's much bigger than anything else on the street.
problem: A business is being run from a house on {street} with lorries coming and going all day.
  more: There are six vans parked outside now.
problem: The developer is working on Sundays, which breaks the planning conditions.
  more: The noise starts at 7am.
  fix: Please make them stick to the conditions.
problem: Someone has put up a six-foot fence right on the front of their property on {street}.
  more: It blocks the view of the road for drivers pulling out.
problem: A house on {street} has been turned into bedsits without permission.
problem: I reported a planning breach {period} ago and nothing has been done.
  more: The enforcement officer visited once and never came back.
problem: The building site on {street} has no wheel wash and mud is all over the road.
  more: Cars are skidding on it when it rains.
detail: It's been going on for months.
detail: What's the point of planning rules if nobody enforces them?
detail: Other neighbours have complained too.
detail: I've got photos with dates on.
ask: Please investigate and take enforcement action.
ask: Can you tell me what's happening?
ask: Please look into this.
short: extension built without permission
short: building site working Sundays
short: planning breach no action
question: How do I report a possible planning breach?
question: Can my neighbour build a fence that high without permission?
question: What happens if someone builds without planning permission?
question: Can I find out if a building has planning permission?
question: How long does a planning enforcement investigation take?
question: Will my name be kept confidential if I report a breach?
context: My neighbour has started building work.
context: There's a new development at the end of our road.
context: I reported a breach a while ago.
praise: {team} dealt with the unauthorised development quickly and fairly.
praise: Thank you to {team} for keeping me updated throughout the case.
praise: {team} got the developer to stop working on Sundays, thank you.
praise: Thank you to {team} for taking our complaint seriously, it was really appreciated.
team: the planning enforcement team
team: {officer}, the enforcement officer
team: the enforcement officer
idea: An online tracker for enforcement cases would stop people having to chase.
idea: Developers who break the conditions should get bigger fines.
idea: Officers should visit the big developments regularly, not just when someone complains.
idea: Publish a list of enforcement notices so people can see action is being taken.
aside: The developer is breaking the planning conditions as well.
aside: And my neighbour's extension didn't even have permission.

[building_control]
subject: Dangerous structure
subject: Building regulations
subject: Building control
subject: Unsafe wall
subject: Completion certificate
problem: The wall of the empty house on {street} is bulging and looks like it could collapse.
  more: Children walk past it every day.
problem: The roof tiles on the derelict building on {street} are falling onto the pavement.
  more: One missed a woman by inches {when}.
problem: The builder next door has removed a load-bearing wall without any inspection.
  more: There are cracks appearing in our wall now too.
problem: I've been waiting {period} for a completion certificate for my extension.
  more: I need the certificate to sell the house.
  fix: Please issue the certificate.
problem: The chimney on the house opposite is leaning badly.
  more: I'm really worried someone will get hurt.
  more: It's been like that since the storm and it moves in the wind.
problem: The scaffolding on {street} doesn't look safe at all.
  more: Boards are hanging off it and people walk underneath it all day.
problem: The building control inspector failed our work without explaining why.
  fix: Please explain what we need to do.
detail: I've left messages and nobody has got back to me.
detail: It's been dragging on far too long.
detail: It's getting worse.
detail: Nobody has been out to look at it.
ask: Please send someone to inspect it urgently.
ask: Can you make it safe?
ask: Please look into this.
short: wall about to collapse
short: roof tiles falling
short: completion certificate delay
question: Do I need building regulations approval for a loft conversion?
question: How do I get a completion certificate?
question: Who do I report a dangerous building to?
question: Can building control inspect work done by a previous owner?
question: How much does a building regulations application cost?
question: Do I need approval to remove a chimney breast?
context: We're having an extension built.
context: There's an empty building at the end of our road.
context: We're selling our house.
praise: {team} came out straight away to make the dangerous wall safe, very impressive.
praise: Thank you to {team} for the clear advice on our loft conversion.
praise: Thank you to {team} for issuing our completion certificate so quickly.
praise: Thank you to {team} for acting so fast when the scaffolding came down.
team: the building control team
team: {officer}, the building inspector
team: the building surveyor
idea: Being able to book inspections online would save everyone time.
idea: A simple checklist of what's needed for a completion certificate would help.
idea: Derelict buildings should be checked regularly before they become dangerous.
idea: A guide for people buying houses with extensions would save a lot of problems.
aside: The empty building next door is also falling down.
aside: And the builder hasn't had any building control inspections either.
"""
