"""What parents say about school admissions, school transport, SEND support and social care.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

# ruff: noqa: E501

TEXT = """
[school_admissions]
subject: School place
subject: School admissions
subject: School appeal
subject: Primary school application
subject: In-year transfer
problem: My son hasn't been given a place at any of our three preferred schools.
  more: We live less than half a mile from our first choice.
  more: Other children on our road got places.
problem: We've been offered a school place two bus rides away when there's a school at the end of our road.
  more: I don't drive, so it's an hour each way with a five year old.
problem: The admissions team lost my daughter's application.
  more: I have the confirmation email with the reference number.
problem: My twins have been offered places at different schools.
  more: I can't be in two places at once at 8.45.
problem: I applied for an in-year transfer {period} ago and I've heard nothing.
  more: My son is being bullied and I need to move him.
problem: The school appeal panel didn't listen to any of our evidence.
  more: We had letters from the GP and the current school.
problem: The online admissions portal crashed on the deadline day.
  more: Now I'm being told my application is late.
detail: This has caused a lot of stress for the whole family.
detail: My child is really anxious about it.
detail: Nobody answers the admissions phone line.
detail: We've done everything we were asked to do.
ask: Please review our application.
ask: I want to appeal.
ask: Can you tell me where we are on the waiting list?
short: no school place offered
short: appeal rejected
short: application lost
question: When is the deadline for secondary school applications?
question: How do I appeal a school place decision?
question: Where is my child on the waiting list?
question: How do I apply for a school place in the middle of the year?
question: Do brothers and sisters get priority?
question: What happens if we move house after applying?
context: We've just moved to {area}.
context: My son starts secondary school in September.
context: We applied for a primary school place.
praise: Thank you to {team} for helping us get my son a school place after we moved.
praise: Thank you to {team} for sorting out the transfer so quickly.
praise: {team} explained the appeal process clearly and kindly.
praise: Thank you to {team}, who went out of their way to help us.
team: the admissions team
team: {officer} in school admissions
team: the school admissions officer
idea: The online form should let you save it and come back later.
idea: Brothers and sisters should be guaranteed places at the same school.
idea: A clearer map of the catchment areas would help parents.
idea: Send text reminders before the application deadlines.
aside: We're also still waiting to hear about a school place.
aside: And my youngest still has no school place.

[school_transport]
subject: School bus
subject: School transport
subject: Home to school transport
subject: Taxi to school
subject: Bus pass
problem: The school bus didn't turn up {when} and my son was left waiting in the rain.
  more: He's only 11 and there was nobody to tell him what to do.
problem: My daughter's school taxi keeps arriving late.
  more: She's missing the start of lessons.
problem: We've been refused school transport even though the walk is over three miles.
  more: There's no safe walking route, it's a dual carriageway with no pavement for part of it.
problem: The school bus is so overcrowded that children are standing.
problem: My son's bus pass hasn't arrived and term started {period} ago.
  more: I can't afford the bus fares every day.
  fix: Please send the bus pass.
problem: The driver of the school taxi is rude and drives dangerously.
  more: My son says he's on his phone while he drives.
problem: The school transport for my disabled son has been withdrawn.
  more: He has autism and needs his routine.
detail: I've had to take time off work to do the school run.
detail: Nobody told us anything.
detail: This isn't the first time.
detail: Other parents are having the same problem.
ask: Please sort out the transport.
ask: I want to appeal the decision.
ask: Please get back to me urgently.
short: school bus didn't turn up
short: taxi late again
short: no bus pass
question: Is my child entitled to free school transport?
question: How do I apply for a bus pass for school?
question: Can I appeal a school transport decision?
question: What time does the school bus leave?
question: Is there transport for children with SEND?
question: What should my child do if the school bus doesn't come?
context: My son started high school in September.
context: My daughter has an EHCP.
context: We live in {area}.
praise: The school bus driver is brilliant with the kids, thank you to {team}.
praise: {team} sorted my son's transport out quickly.
praise: Thank you to {team} for adding the extra bus, the kids can all get a seat now.
praise: The taxi driver and escort are wonderful with my daughter, thanks to {team}.
team: the school transport team
team: the bus driver
team: {officer} in transport
idea: An app to track where the school bus is would help.
idea: Put another bus on the busy routes.
idea: Text parents when the bus is running late.
idea: Safer walking routes to the schools would mean fewer kids need the bus.
aside: On top of that the school bus didn't turn up again.
aside: We're also having problems with the school taxi.

[send_support]
subject: EHCP
subject: SEND
subject: Special educational needs
subject: EHC plan
subject: SEN support
problem: My son's EHCP assessment is way past the 20 week deadline.
  more: He has autism and ADHD and he's really struggling.
  fix: Please finalise the EHCP.
problem: The EHCP has been issued but the school says it can't meet his needs.
  more: He's been excluded twice this term.
  fix: Please find a suitable school place.
problem: My daughter has been out of school for {period} because there's no suitable placement.
  more: She's falling further behind every week.
  more: I've had to give up work to look after her.
  fix: Please find a suitable school place.
problem: The annual review of my son's EHCP hasn't happened.
  more: It was due in the spring.
problem: The draft EHCP is full of mistakes and doesn't reflect my child's needs.
  more: It even has another child's name in one section.
problem: I've been trying to get my son assessed for SEN support for over a year.
  more: The school agrees he needs more support.
problem: The SEND caseworker never returns my calls.
  more: I've left messages {times}.
detail: I feel like I'm fighting the system on my own.
detail: The educational psychologist report is months old.
detail: It's affecting the whole family.
detail: We just want the right support for our child.
ask: I want a meeting with the SEND team.
ask: Please get this sorted, my child is suffering.
ask: Can someone ring me?
short: EHCP late
short: no school placement
short: caseworker no reply
question: How do I request an EHCP needs assessment?
question: How long does an EHCP take?
question: Who is my child's SEND caseworker?
question: Can I appeal the EHCP?
question: What support is available while we wait?
question: Can my child go to a special school?
context: My son has autism.
context: My daughter has an EHCP.
context: We're waiting for an assessment.
praise: {team} has been an amazing support to our family.
praise: Thank you to {team} for finding my son a school that meets his needs.
praise: {team} listened to us and got the EHCP right.
praise: Thank you to {team}, who made the annual review so easy.
team: the SEND team
team: {officer}, our caseworker
team: the educational psychologist
idea: Every family should have a named caseworker.
idea: A parent support group would help families going through this.
idea: Let parents track the EHCP progress online.
idea: We need more specialist school places locally so kids don't travel miles.
aside: We're still waiting on my son's EHCP as well.
aside: And my son's school still says it can't meet his needs.

[childrens_social_care]
subject: Social worker
subject: Safeguarding concern
subject: Child protection
subject: Children's services
subject: Family support
problem: Our social worker has changed four times this year.
  more: My kids are confused and upset.
  fix: Please assign a permanent social worker.
problem: Nobody from children's services has been in touch since the meeting.
  more: We were told someone would ring within a week.
problem: I reported a safeguarding concern about a child on our street and nothing seems to have happened.
  more: I'm worried about the child.
problem: The social worker's report about my family is wrong.
  more: I have evidence that contradicts what's written.
  fix: I want the report corrected.
problem: We were promised family support and it never happened.
  more: I've asked for help {times}.
problem: My grandchildren's placement with me isn't being supported.
  more: I'm a kinship carer and I receive no support at all.
problem: The contact visits with my children keep being cancelled.
  more: They're cancelled on the day with no explanation.
detail: I'm trying my best.
detail: Nobody returns my calls.
detail: I just want someone to listen.
detail: It's been months.
ask: Can someone call me back?
ask: I'd like a meeting.
ask: Please help us.
short: no contact from social worker
short: safeguarding concern no response
short: contact visit cancelled
question: How do I report a concern about a child?
question: What support is available for kinship carers?
question: Can I get a copy of my file?
question: How do I make a complaint about a social worker?
question: What is early help and how do we get it?
question: Can I have a different social worker?
context: I'm a grandparent caring for my grandchildren.
context: I'm worried about a child on my street.
context: We have a social worker.
praise: {team} has been a huge support to our family.
praise: Thank you to {team} for acting so quickly on my concern.
praise: {team} really listened and helped us get back on our feet.
praise: I'd like to thank {team}, who has honestly changed our lives.
team: our social worker
team: the early help worker
team: {officer}, our family support worker
idea: Parents should have a named contact out of hours.
idea: There should be much more support for kinship carers.
idea: Family support groups would help parents in the same position.
idea: Letters should explain clearly what happens next.
aside: We also haven't heard from our social worker.
aside: And the contact visit was cancelled again.
"""
