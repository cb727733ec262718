"""What residents say about environmental health: noise, pests, food hygiene, smoke and smells.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

# ruff: noqa: E501

TEXT = """
[noise_nuisance]
subject: Noise complaint
subject: Loud music
subject: Barking dog
subject: Noise from neighbours
subject: Noisy business
subject: Noise at night
problem: The people next door have been playing loud music until 3am every weekend.
  more: The bass comes straight through the walls.
  more: I've knocked and asked them to turn it down and they just laughed.
  fix: Can you serve a noise abatement notice?
problem: A dog on {street} barks all day long while its owners are out at work.
  more: It starts at 8 when they leave and doesn't stop until they're back.
problem: The pub on {street} has live music that goes on well past midnight.
  more: Then everyone spills out onto the street shouting.
problem: The factory behind our houses runs machinery right through the night.
  more: It's a constant low hum with a bang every few minutes.
problem: Our upstairs neighbour bangs about and plays music at all hours.
  more: My baby keeps getting woken up.
problem: There's a car alarm going off constantly on {street}.
problem: The building work next door starts at 6.30am, Sundays included.
  more: I have to be up for work at 5 on weekdays and Sunday is my only lie in.
problem: A house alarm has been going off for hours and nobody is home.
  fix: Can someone come out and switch it off?
detail: I've recorded it on the noise app.
detail: This has been going on for {period}.
detail: I've filled in the diary sheets twice.
detail: I'm exhausted and it's affecting my work.
detail: The whole street can hear it.
ask: Please can someone come out and witness it.
ask: I want to know what action you're going to take.
ask: I just want some peace.
short: loud music again next door
short: dog barking all day
short: noise from pub every night
question: How do I report a noise nuisance out of hours?
question: What hours are builders allowed to work?
question: Is there an app for recording noise?
question: What happens after I've filled in the noise diary sheets?
question: Can you do anything about a dog that barks all day?
question: Is there a noise team that comes out at weekends?
context: We've got new neighbours on {street}.
context: The house next door is rented out.
context: There's a pub at the end of our road.
praise: {team} dealt with our noise complaint brilliantly.
praise: Thanks to {team} for coming out on a Saturday night, the music finally stopped.
praise: I can't thank {team} enough for their support.
praise: {team} sorted out the alarm that had been ringing all weekend.
team: the noise team
team: environmental health
team: {officer} from environmental protection
idea: A proper out of hours noise service at weekends would help a lot.
idea: Could the noise app recordings go straight onto the case so you don't have to keep ringing?
idea: Landlords should be made responsible for their noisy tenants.
idea: Send a letter round the whole street reminding people about quiet hours.
aside: The noise from next door is still going on as well.
aside: And the dog next door barks all day too.

[pests]
subject: Rats
subject: Pest control
subject: Wasps nest
subject: Mice in property
subject: Bed bugs
subject: Cockroaches
problem: We've got rats in the garden and they're coming from the house next door.
  more: Next door's garden is full of rubbish.
  more: My kids are scared to go in the garden.
  fix: Can you make next door clear their garden?
problem: There's a wasps' nest under the roof tiles right above our back door.
  more: My son is allergic to stings.
problem: We've got mice in the kitchen and they're chewing through everything.
problem: I booked pest control {period} ago and nobody has turned up.
  more: We've already paid for the treatment.
  fix: Please send pest control out again.
problem: The alley behind {street} is overrun with rats.
  more: I saw three of them last night running along the fence.
problem: We think we've got bed bugs after the last tenant moved out.
problem: There are cockroaches in the flats and nobody will take responsibility.
  more: They're getting into the bin store and the kitchens.
  fix: Please treat the whole block, not just our flat.
detail: The last treatment didn't work.
detail: We keep the place spotless so it's not coming from us.
detail: I can hear them in the walls at night.
detail: I'm worried about disease.
ask: Please send pest control out.
ask: Can someone deal with this urgently?
ask: Please sort it before it gets any worse.
short: rats in the garden
short: wasps nest over door
short: mice in kitchen help
question: How much does pest control cost?
question: Do you deal with wasps' nests?
question: Is rat treatment still free?
question: How long does a rat treatment take?
question: Who is responsible for pests in a rented property?
question: Do pensioners get a discount on pest control?
context: We've seen rats by the bins.
context: There are a lot of wasps round the back door.
context: I rent privately.
praise: {team} sorted our rat problem in two visits, brilliant.
praise: Thank you to {team} for getting rid of the wasps' nest so quickly.
praise: Thank you to {team} for being so thorough and explaining how to stop the mice getting back in.
praise: Thanks to {team}, we can use our garden again.
team: pest control
team: the pest control officer
team: {officer} from pest control
idea: Make rat treatment free again, it's a public health issue.
idea: The alleys behind {street} need a proper baiting programme.
idea: Put lids on the communal bins to keep the rats out.
idea: Could pest control check food businesses more often?
aside: We've also been seeing rats in the back alley.
aside: Not to mention the rats running about in the back alley.

[food_safety]
subject: Food hygiene
subject: Food poisoning
subject: Dirty restaurant
subject: Takeaway complaint
subject: Food hygiene rating
problem: I got food poisoning after eating from a takeaway on {street}.
  more: My whole family was ill for two days.
problem: I found a hair baked into a pizza from a local takeaway.
problem: The kitchen of the café on {street} is filthy, you can see it from the counter.
  more: The fridges were warm and there was food left out uncovered.
problem: A shop near {area} is selling food past its use-by date.
problem: I saw staff at a burger van handle raw meat and then take money without washing their hands.
problem: There were mouse droppings on the shelves in the corner shop.
  more: They were right next to the bread.
problem: The restaurant served my son food with nuts in after we'd told them about his allergy.
  more: I ended up taking him to A&E.
  more: The manager just shrugged.
detail: I have photos of it.
detail: The hygiene rating in the window is out of date.
detail: I don't want anyone else to get ill.
detail: I complained to them directly and got nowhere.
ask: Please inspect the premises.
ask: I want them investigated.
ask: Can you check their hygiene standards?
short: food poisoning from takeaway
short: mouse droppings in shop
short: dirty kitchen café
question: How do I check the food hygiene rating of a restaurant?
question: Do I need to register a home baking business with the council?
question: What should I do with food I think made me ill?
question: How often are takeaways inspected?
question: Will you inspect a food business after a complaint?
question: Does a market stall need a food hygiene rating?
context: I'm thinking of starting a cake business from home.
context: I ate at a restaurant on {street}.
context: My family was ill after a takeaway.
praise: {team} gave me great advice when I started my food business.
praise: Thank you to {team} for investigating my complaint about the takeaway so thoroughly.
praise: Thank you to {team} for all the help with our food business registration.
praise: Good to see {team} taking action on the café, thank you.
team: the food safety team
team: environmental health
team: {officer} from food safety
idea: Make it compulsory to display the food hygiene rating in the window.
idea: Could you run food hygiene courses for small businesses?
idea: Put the inspection results on social media.
idea: Mystery diners could check the allergy information is right.
aside: The takeaway on the corner is filthy as well.
aside: I was also ill after eating at a café nearby.

[air_pollution]
subject: Bonfire smoke
subject: Smell
subject: Odour
subject: Smoke nuisance
subject: Air quality
subject: Burning rubbish
problem: My neighbour burns rubbish in his garden every weekend.
  more: It's thick black smoke and the smell is sickening.
  more: I can't put my washing out.
  fix: Can you stop them burning?
problem: There's a terrible chemical smell coming from the industrial estate at night.
  more: It gets into the house even with the windows shut.
  fix: Please investigate where the smell is coming from.
problem: The smoke from the wood burner next door comes straight into our house.
  more: I've spoken to them but they say it's their right.
problem: Someone is burning tyres and plastic on the land behind {street}.
  fix: Can you stop them burning?
problem: There's a strong sewage smell across {area} most evenings.
  fix: Please investigate where the smell is coming from.
problem: The traffic fumes at the school gates are awful.
  more: Parents sit there with their engines running for twenty minutes.
  fix: I want the air quality monitored outside the school.
problem: Smoke from a takeaway's kitchen flue is blowing straight into our back garden.
detail: My son has asthma.
detail: It's worse on warm days.
detail: It makes my eyes sting.
detail: It's been going on for months.
ask: Please investigate.
ask: Can someone look into this?
ask: Please do something about it.
short: neighbour burning rubbish
short: chemical smell at night
short: smoke from wood burner
question: Is it illegal to have a bonfire in your garden?
question: Is there any air quality monitoring in {area}?
question: Can I use a wood burner in a smoke control area?
question: Who regulates smells from industrial sites?
question: What can I do about the smoke from next door's bonfires?
question: Where can I see the air quality readings for the borough?
context: We live near the chemical works.
context: Our neighbour has a bonfire every week.
context: I have a lung condition.
praise: {team} sorted out the bonfire problem, thank you.
praise: Thank you to {team} for investigating the smell from the industrial estate.
praise: Thank you to {team} for explaining the air quality data so clearly.
praise: Thanks to {team} for taking action on the burning, we can breathe again.
team: environmental health
team: the pollution team
team: {officer} from environmental protection
idea: A no idling zone outside schools would cut pollution.
idea: Publish the air quality readings on the council website.
idea: Cheaper garden waste collections would stop people burning.
idea: Plant more trees along the main roads to help the air quality.
aside: There's also someone burning rubbish most weekends.
aside: The smell from the industrial estate is awful too.
"""
