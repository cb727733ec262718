"""What residents say about parks and open spaces: grass, trees, play areas and facilities.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

# ruff: noqa: E501

TEXT = """
[grass_verges]
subject: Grass cutting
subject: Verges
subject: Long grass
subject: Grass not cut
subject: Grass cuttings left
problem: The grass on the verges along {street} hasn't been cut for {period}.
  more: It used to be cut every two weeks.
  more: There are bottles and cans hidden in it.
problem: The open space behind our houses is knee high and full of nettles.
  more: Kids can't play on it and people are letting their dogs foul in it.
problem: The mowers cut the grass and left all the clippings all over the pavement.
  more: The cuttings are blowing into the houses and blocking the drains.
  fix: Please get the cuttings cleared up.
problem: The grass verge at the junction is so long you can't see traffic coming when you pull out.
  more: I nearly got hit pulling out {when}.
problem: The contractors only cut half the green and then left.
problem: The grass round the old people's bungalows is never cut.
  more: They can't do it themselves and it looks like nobody cares about them.
problem: Someone has churned up the grass verge with a van and it's just mud now.
  fix: Can the verge be repaired and some posts put in?
detail: It looks like nobody cares about this area.
detail: Other estates seem to get cut every week.
detail: We pay our council tax the same as everyone else.
detail: It's a proper eyesore.
ask: Please get it sorted.
ask: Can you tell me when it's next due to be cut?
ask: Please put our road back on the cutting schedule.
short: grass not cut {street}
short: grass cuttings all over path
short: verge overgrown at junction
question: How often are the grass verges cut?
question: Who is responsible for cutting the grass on the open space behind {street}?
question: Why have some verges been left to grow long?
question: Can residents cut the verge outside their house themselves?
question: Is the land at the end of our road council owned?
question: When is the next grass cut due in {area}?
context: There's a big green in the middle of our estate.
context: The verge outside our house is council land.
context: I noticed some areas have been left uncut.
praise: {team} did a lovely job of the green, it looks really smart.
praise: Thanks to {team} for cutting the junction verge so quickly after I reported it.
praise: {team} always leave the verges tidy, it makes such a difference.
praise: The wildflower verges on {street} are beautiful this year, well done to {team}.
team: the grounds maintenance team
team: the grass cutting crew
team: {officer} from open spaces
idea: Leave some verges to grow as wildflower meadows for the bees.
idea: Collect the cuttings instead of leaving them on the path.
idea: Publish the grass cutting schedule online.
idea: Let residents adopt the verge outside their house.
aside: The grass on the verges hasn't been cut for weeks either.
aside: The green opposite is also badly overgrown.

[trees_hedges]
subject: Tree
subject: Overhanging branches
subject: Dangerous tree
subject: Hedge
subject: Tree roots
subject: Tree blocking light
problem: A large branch from the council tree outside our house is hanging over the road and looks ready to fall.
  more: The branch is hanging by a thread after the wind.
problem: The hedge along the footpath on {street} is so overgrown you have to walk in the road.
  more: It's right next to the school path.
  fix: Can someone cut it back?
problem: The tree at the bottom of our garden blocks all the light and drops sap on everything.
  more: Nobody has touched it in ten years.
  more: Our guttering is constantly blocked with leaves.
  more: The branches brush against the bedroom window every time there's wind.
problem: A tree came down in the storm on {street} and it's still lying across the path.
  more: It's been taped off but people are climbing over it.
  fix: Please remove the fallen tree.
problem: The roots of the council tree on the verge are lifting our drive.
  more: There are cracks running right up to the house.
problem: The trees in {park} haven't been looked after and some are clearly dead.
problem: The hedge on the corner is so high drivers can't see pedestrians.
  fix: Can someone cut it back?
detail: Nobody seems to know whose responsibility it is.
detail: I'm elderly and can't deal with it myself.
detail: It's getting worse every year.
detail: I've asked before and was told it's on a list.
ask: Please come and inspect it.
ask: Can someone deal with it please?
ask: Please sort it before someone gets hurt.
short: branch about to fall
short: hedge blocking footpath
short: dead tree in park
question: Is the tree outside my house the council's responsibility?
question: Can I cut back branches from a council tree that overhang my garden?
question: How do I find out if a tree has a preservation order on it?
question: Will you prune a tree that blocks light to my house?
question: Who is responsible for the hedge along the footpath behind {street}?
question: Can we have a tree planted on our street?
context: There's a large tree on the verge outside our house.
context: There's a hedge that runs along the back of our garden.
context: We had some storm damage last week.
praise: {team} cleared the fallen tree within hours of the storm, thank you.
praise: Thank you to {team} for pruning the tree outside our house, we have light again.
praise: {team} did a very careful and tidy job cutting the hedge back.
praise: The new trees along {street} look wonderful, thanks to {team}.
team: the tree team
team: the arborists
team: {officer}, the tree officer
idea: Plant more trees on the estates, not just in the town centre.
idea: Could residents sponsor a tree in memory of a loved one?
idea: Cut the hedges back before the school term starts.
idea: A map of all council trees would help people know who to contact.
aside: The tree outside is also overhanging the path badly.
aside: And the hedge along the footpath needs cutting back.

[play_areas]
subject: Play area
subject: Playground
subject: Broken swing
subject: Play equipment
subject: Park equipment broken
problem: The swings in the play area at {park} have been broken for {period}.
  more: They've been wrapped in tape and just left.
problem: The playground on {area} is covered in broken glass.
  more: My little one nearly put her hand in it.
  fix: Can someone sweep the glass up?
problem: The slide has a sharp edge that cut my daughter's leg.
  more: I have photos of the damage and of her leg.
problem: The play area gate doesn't shut and dogs are getting in.
  more: There's dog mess all over the play area now.
problem: Half the equipment at the playground has been taped off for months.
  fix: When will the play area be reopened?
problem: The safety surface under the climbing frame is ripped and there's a big hole.
  more: A child is going to catch their foot in it.
problem: Teenagers have taken over the play area at night and left it full of cans.
detail: There's nowhere else for the little ones to play.
detail: It's the only play area within walking distance.
detail: My grandchildren won't go there now.
detail: It's been like this since the summer.
ask: Please repair the equipment.
ask: When will the play area be sorted?
ask: Please make it safe for the kids.
short: broken swing in park
short: glass in playground
short: play area gate broken
question: When will the play area on {area} be fixed?
question: Are there plans to upgrade the playground?
question: Can we have equipment for disabled children?
question: How often is the play equipment inspected?
question: Who do I report broken play equipment to?
question: Is there a play area for older children nearby?
context: My kids love the play area in {park}.
context: We use the playground most days.
context: There's a playground at the end of our road.
praise: The new play area in {park} is fantastic, thank you to {team}.
praise: {team} fixed the swings within a week of me reporting them, the kids are delighted.
praise: Thank you to {team} for making the playground accessible for my son.
praise: The playground is always spotless, thanks to {team}.
team: the parks team
team: the play team
team: {officer} from parks
idea: A water play area for the summer would be amazing.
idea: Some shade over the play area would help in hot weather.
idea: More benches round the play area for parents and grandparents.
idea: Some equipment for older kids would keep them busy and out of trouble.
aside: The play area in the park is in a terrible state too.
aside: Not to mention the broken swings in the playground.

[park_facilities]
subject: Park toilets
subject: Park benches
subject: Park
subject: Park cafe
subject: Park bins
problem: The toilets in {park} have been locked for {period}.
  more: Families with young children need the toilets.
  fix: Please reopen the toilets.
problem: The benches in {park} are rotten and some have been removed.
  more: There are a lot of older people who use the park and there's nowhere to sit down.
  fix: Can new benches be put in?
problem: The path round the lake at {park} is full of puddles and mud.
  more: We walk the dog there every day and it's like a bog.
  fix: Please sort the path out.
problem: The park gates are locked too early in the summer evenings.
problem: The bins in {park} are overflowing and there's rubbish everywhere.
  fix: Please empty the bins more often.
problem: The café in the park has closed and there's nowhere to get a drink.
problem: The outdoor gym equipment in {park} has been vandalised.
  more: Half of it is taped off.
detail: It's a lovely park but it's being neglected.
detail: The signs are all faded.
detail: It used to be so well kept.
detail: People come from all over to use it.
ask: Please sort it out.
ask: Can someone look into it?
ask: It would be nice if the park was looked after.
short: park toilets closed
short: benches broken in park
short: park path flooded
question: What time do the park gates close?
question: Can I dedicate a bench in the park?
question: Are the park toilets open at weekends?
question: Can I hold a charity event in {park}?
question: Is there a parks friends group?
question: Are dogs allowed off the lead in {park}?
context: We use {park} a lot.
context: I'm organising a charity walk.
context: I walk round the park every day.
praise: {park} looks beautiful this year, well done to {team}.
praise: Thank you to {team} for the new benches.
praise: Thank you to {team} for all the planting, the park has never looked better.
praise: The new park café is brilliant, thanks to {team} for making it happen.
team: the parks team
team: the park rangers
team: {officer}, the park warden
idea: A little café in the park would bring more people in.
idea: Open the toilets at weekends at least, when the park is busiest.
idea: Put more bins and benches along the paths round the lake.
idea: Free outdoor exercise classes in the park in the summer would be popular.
aside: The park toilets are locked again as well.
aside: And the benches in the park are falling apart.
"""
