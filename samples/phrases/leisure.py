"""What residents say about libraries, leisure centres, swimming, events and culture.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

# ruff: noqa: E501

TEXT = """
[library_services]
subject: Library
subject: Library opening hours
subject: Library books
subject: Library computers
subject: Overdue fines
problem: {library} has cut its opening hours again and it's now shut every afternoon I can get there.
  more: I'm a pensioner and it's one of the few places I go.
  fix: Please restore the opening hours.
problem: The computers at {library} have been out of order for {period}.
  more: I rely on them for job searching and the jobcentre expects me to apply online.
  fix: Can the computers be fixed?
problem: I've been charged for a book I returned {period} ago.
  more: I put it through the returns slot myself.
  fix: Please remove the charge.
problem: {library} was closed without notice when it was supposed to be open.
  more: The website said it was open and there was no sign on the door.
  more: I made a special trip on the bus.
problem: The staff at {library} were talking loudly on the phone the whole time I was studying.
problem: The reserved book I was told was ready wasn't there when I went to collect it.
problem: The heating in {library} is broken and it's freezing in there.
  more: People are sitting reading in their coats.
detail: My kids use it for homework.
detail: The library is a lifeline for a lot of people round here.
detail: It's such a shame to see it going downhill.
detail: The staff are doing their best but they're clearly stretched.
ask: Please look into this.
ask: Can this be sorted out?
ask: I'd like an explanation.
short: library shut again
short: library computers broken
short: charged for returned book
question: What are the opening hours at {library}?
question: Can I borrow e-books with my library card?
question: Do you have large print books?
question: How do I join the library?
question: Can I book a room at the library for a community group?
question: Is there a home library service for housebound people?
context: I'm a regular at {library}.
context: My mum can't get out any more but loves reading.
context: I run a small community group.
praise: {team} at {library} helped me set up my first email account, they were so patient.
praise: Thank you to {team} for the children's reading sessions, my son loves them.
praise: Thank you to {team} for helping me find the local history records I was after.
praise: The home library service is a lifeline for my dad, thank you to {team}.
team: the library staff
team: {officer} at the library
team: the home library volunteers
idea: Open the library later one evening a week for people who work.
idea: More digital skills sessions for older people would help.
idea: A toy library would be great for families.
idea: The library could lend out things like tools and sewing machines.
aside: The library has cut its hours again too.
aside: And the computers at the library don't work either.

[leisure_centres]
subject: Leisure centre
subject: Swimming pool
subject: Gym membership
subject: Swimming lessons
subject: Changing rooms
problem: The changing rooms at {leisure} are filthy and the showers are cold.
  more: There's hair and plasters all over the floor.
  fix: Please get the changing rooms properly cleaned.
problem: The pool at {leisure} has been closed {times} this month with no warning.
  more: I drove over and it was shut.
problem: I've been charged for my gym membership after I cancelled it.
  more: I have the cancellation email.
  fix: I want a refund.
problem: The public swimming sessions have been cut back to almost nothing.
  fix: Please restore the public sessions.
problem: The gym equipment at {leisure} is broken and has been for weeks.
  more: Half the running machines have out of order signs on them.
problem: My daughter's swimming lessons were cancelled and we haven't been refunded.
  more: She was really upset as she was about to get her badge.
  fix: I want a refund.
problem: The lockers at {leisure} are broken and my bag was stolen.
detail: The staff didn't seem to care.
detail: For what we pay it's not good enough.
detail: I've been a member for years.
detail: Nobody answers the phone at reception.
ask: Please sort this out.
ask: I'd like an explanation.
ask: It's just not good enough.
short: pool closed again
short: changing rooms dirty
short: charged after cancelling gym
question: What are the public swimming times at {leisure}?
question: Is there a discount for pensioners at the leisure centre?
question: How do I book swimming lessons for my children?
question: Can I freeze my gym membership while I'm injured?
question: Do you do swimming sessions for disabled people?
question: Is there a pass that covers all the leisure centres?
context: I'm a member at {leisure}.
context: My kids want to learn to swim.
context: I've just retired and want to get fit.
praise: {team} at {leisure} have been fantastic with my daughter's swimming.
praise: Thank you to {team} for helping me get back into exercise after my operation.
praise: {leisure} is spotless since the refurbishment, well done to {team}.
praise: {officer}, the instructor on the over-60s class, is brilliant with us older members.
team: the lifeguards
team: the staff at {leisure}
team: {officer}, the swimming teacher
idea: Early morning swimming sessions before work would be really popular.
idea: A family swim ticket would help with the cost of living.
idea: Women-only swimming sessions would be popular, a lot of my friends would go.
idea: Bring back free swimming for under 16s in the school holidays.
aside: The pool at the leisure centre is always closed as well.
aside: And the leisure centre changing rooms are filthy.

[events_culture]
subject: Event
subject: Museum
subject: Christmas lights
subject: Fireworks display
subject: Arts
problem: The bonfire night display was cancelled at the last minute.
  more: We'd promised the kids we'd go.
  more: There was nothing on the website until an hour before.
  fix: Will we get a refund on the tickets?
problem: The Christmas lights switch-on was badly organised and there were no toilets.
  more: Parking was a nightmare.
problem: The museum opening hours have been cut and it's closed at weekends.
problem: The summer festival in {park} left the park in a terrible state.
  more: There was rubbish everywhere the next day.
  fix: Please make sure the park is cleaned up.
problem: Tickets for the event sold out in minutes and there was no way to get one by phone.
  more: Older people can't always book online.
problem: The music at the event in {park} went on until 11pm on a school night.
problem: The theatre booking website charged me twice for the same tickets.
  fix: Please refund me.
detail: There was no information on the website.
detail: It's one of the few things for families round here.
detail: It used to be so much better.
detail: A lot of people I know felt the same.
ask: Can you explain what went wrong?
ask: Please make sure it doesn't happen again.
ask: I'd like a reply please.
short: fireworks cancelled
short: festival rubbish everywhere
short: double charged for tickets
question: When is the Christmas lights switch-on this year?
question: Is the museum open on Sundays?
question: How do I apply to hold a street party?
question: Are there any free events for children in the summer holidays?
question: Can I book a stall at the market event?
question: Is there disabled access at the fireworks display?
context: We're planning a street party.
context: My kids are off school for the holidays.
context: I run a small craft business.
praise: The fireworks display was fantastic this year, well done to {team}.
praise: Thank you to {team} for organising the summer festival, the kids loved it.
praise: We had a lovely afternoon at the museum and {team} made us so welcome.
praise: The Christmas market was brilliant, thank you to {team}.
team: the events team
team: the museum staff
team: {officer} from the events team
idea: Put on more free events for families during the holidays.
idea: A food festival in the town centre would bring people in.
idea: Could the museum open late one evening a month?
idea: An outdoor cinema night in {park} in the summer would be lovely.
aside: The fireworks display was cancelled as well.
aside: The Christmas lights switch-on was a shambles too.
"""
