"""What residents say about how they were dealt with: staff conduct, delays, access, information.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

TEXT = """
[staff_conduct]
subject: Rude staff
subject: Staff attitude
subject: Complaint about a member of staff
subject: Unprofessional behaviour
subject: Conduct of officer
problem: The woman I spoke to on the phone {when} was extremely rude and hung up on me.
  more: I was only asking when my bin would be replaced.
  more: It was around 2pm if you want to check the call.
  fix: I'd like the call recording listened to.
problem: The man on reception at the council offices spoke to me like I was stupid.
  more: My daughter was with me and heard everything.
problem: One of your officers swore at me when I asked a simple question.
  more: I've never been treated like that before.
problem: The member of staff I dealt with refused to give me their name.
  more: All I wanted was some help with a form.
problem: The officer who visited my house was dismissive and didn't listen to a word I said.
  more: He was in and out in five minutes.
problem: I was laughed at by staff in the one stop shop.
  more: I have a learning disability and was very upset.
problem: Your staff member was on their phone the whole time they were supposed to be helping me.
detail: I'm not used to being spoken to like that.
detail: I was left shaking.
detail: Your staff are supposed to help people.
detail: I don't expect to be treated like that by the council.
ask: I want an apology.
ask: Please look into this and let me know what action is taken.
ask: I'd like to make a formal complaint.
short: rude member of staff
short: officer swore at me
short: hung up on me
question: How do I make a complaint about a member of staff?
question: Can I get a copy of the call recording?
question: What is the complaints procedure?
question: Who can I speak to about how I was treated?
question: How long does a complaint take to be answered?
question: Can I request a different officer?
context: I rang the council {when}.
context: I went into the one stop shop.
context: An officer came to my house.
praise: {team} went out of their way to help me.
praise: Thank you to {team} for being so patient and kind when I was upset.
praise: I'd like to thank {team}, who dealt with my call and is a credit to the council.
praise: {team} treated me with respect and sorted everything out.
team: the lady on reception
team: {officer} in the contact centre
team: the young man I spoke to on the phone
idea: All staff who deal with the public should have customer service training.
idea: Staff should always give their name at the start of a call.
idea: Send a short feedback text after every call.
idea: Do some mystery shopping to check how people are really treated.
aside: The person I spoke to on the phone was rude as well.
aside: And the member of staff I spoke to couldn't care less.

[response_delay]
subject: No response
subject: Still waiting for a reply
subject: Chasing my complaint
subject: Slow response
subject: No reply to emails
problem: I sent an email {period} ago and haven't had a reply.
  more: I've had an automatic reply and nothing else.
problem: My complaint was acknowledged but nobody has responded in over a month.
  more: It's now way past the ten working days you promised.
problem: I was promised a call back {times} and it never happened.
  more: Each time I ring I'm told someone will get back to me.
problem: I've filled in the online form three times and never heard anything back.
  more: I'm starting to think nobody reads them.
problem: It's now way past the ten working days you promised for a response.
  more: I have the acknowledgement email with the date on it.
problem: Nobody has replied to my letter.
problem: My councillor chased it and still nothing.
  more: If they can't get an answer what chance have I got?
detail: It's a simple question.
detail: I've got the reference number.
detail: I'm losing confidence in the council.
detail: This is causing me a lot of stress.
ask: Please respond.
ask: I want a reply within the next week.
ask: Please escalate this.
short: no reply to email
short: still waiting for response
short: promised call back never came
question: How long should I expect to wait for a reply?
question: Can you tell me who is dealing with my complaint?
question: Has my email been received?
question: Can I escalate my complaint?
question: What is my case reference number?
question: Who do I contact if I don't get a response?
context: I sent an email last month.
context: I made a complaint a few weeks ago.
context: I reported something online.
praise: {team} responded to my email the same day, very impressive.
praise: Thank you to {team} for keeping me updated throughout.
praise: Thank you to {team} for getting back to me so quickly.
praise: {team} followed up with me even when they didn't have to.
team: the customer services team
team: {officer} in the complaints team
team: the complaints team
idea: An online tracker for complaints and reports would save people chasing.
idea: Send an automatic update when a case is passed to another team.
idea: Put the target response times on the website so people know what to expect.
idea: Give every case a named officer.
aside: Nobody replied to my last email either.
aside: I've also been waiting weeks for a reply to my complaint.

[phone_access]
subject: Phone lines
subject: Website not working
subject: Online form
subject: Call waiting times
subject: Can't get through
problem: I've been on hold for over an hour and the call just cut off.
  more: My phone bill is going through the roof.
  fix: Please sort your phone lines out.
problem: The online form keeps crashing when I try to submit it.
  more: I've lost everything I typed {times}.
  fix: Please fix the website.
problem: The council website is impossible to navigate.
  fix: Please fix the website.
problem: The phone lines are only open until 4pm, which is no use to people who work.
  more: I can't make personal calls at work.
problem: I can't get through on the phone at all, it just rings out.
problem: The online account won't let me log in and the reset email never arrives.
  more: I've checked my junk folder.
problem: The automated phone system keeps sending me round in circles.
  more: There's no option to speak to a person.
detail: I've wasted hours on this.
detail: I've tried {times} this week.
detail: I'm partially sighted and the website isn't accessible.
detail: I'm elderly and not good with technology.
ask: Please sort this out.
ask: Can someone call me?
ask: How am I supposed to contact you?
short: on hold for an hour
short: website form not working
short: phone just rings out
question: What are the phone line opening hours?
question: Is there an email address I can use instead?
question: Can I get help using the online services?
question: Is there a number I can call from a mobile?
question: Can I make an appointment to speak to someone in person?
question: Is there a web chat service?
context: I've been trying to contact you all week.
context: I tried to use the online form.
context: I don't have internet at home.
praise: {team} sorted everything out in one call, which I didn't expect.
praise: The new website is much easier to use, well done to {team}.
praise: Thank you to {team} for the call back service, it's so much better.
praise: Thank you to {team} for talking me through the online form step by step.
team: the contact centre
team: {officer} in the contact centre
team: the digital team
idea: Offer a call back instead of making people wait on hold.
idea: Keep the phone lines open until 7pm at least one day a week.
idea: Web chat on the council website would be much quicker than ringing.
idea: Drop-in sessions at the library to help people use the online forms.
aside: And I couldn't get through on the phone either.
aside: The website kept crashing as well.

[communication]
subject: Wrong information
subject: Letter
subject: Confusing letter
subject: Not informed
subject: Communication
problem: I was given completely wrong information by the council.
problem: The letter I received was confusing and contradicted what I was told on the phone.
  more: The letter uses jargon nobody understands.
problem: Nobody told residents about the changes before they happened.
problem: Your letter was addressed to my late husband despite me telling you he died.
  more: I've told you {times}.
  more: It upset me terribly to open it.
  fix: Please correct your records.
problem: The information on the website is out of date.
  more: The website says one thing and the leaflet says another.
problem: I was told different things by three different people.
  more: I acted on what I was told and now it's my fault apparently.
problem: Letters keep going to my old address even though I've updated it.
  fix: Please correct your records.
detail: It has caused me a lot of upset.
detail: It's cost me money.
detail: How is anyone supposed to know what's going on?
detail: It's not the first time.
ask: Please send a clear explanation.
ask: I want an apology.
ask: Please put this right.
short: wrong information given
short: confusing letter
short: not told about changes
question: Can you explain what this letter means?
question: How do I update my address?
question: Can I get letters in large print?
question: Who can I speak to about the letter I received?
question: Can I get information in another language?
question: Where can I find up to date information?
context: I received a letter from you this week.
context: I called the council last week.
context: I read the information on your website.
praise: Thank you to {team} for explaining everything so clearly.
praise: The letter was clear and easy to understand, thanks to {team}.
praise: Thank you to {team} for keeping residents informed during the works.
praise: {team} sorted out the mix-up with my records quickly.
team: the customer services team
team: {officer} in the contact centre
team: the communications team
idea: Write letters in plain English, not council jargon.
idea: A regular newsletter for residents about what's changing.
idea: Text alerts about important changes in your area.
idea: Offer large print and translated versions of letters as standard.
aside: I was also given the wrong information over the phone.
aside: And the letter I got made no sense.
"""
