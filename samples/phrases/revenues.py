"""What residents say about council tax and benefits: bills, discounts, claims and arrears.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

TEXT = """
[council_tax_bill]
subject: Council tax bill
subject: Council tax
subject: Direct debit
subject: Council tax payment
subject: Wrong bill
subject: Council tax band
problem: I've been sent a council tax bill for a property I moved out of {period} ago.
  fix: Can you close that account and send me a correct bill?
  more: I told you about the move at the time and I have the tenancy agreement for the new place.
problem: My council tax direct debit has been taken twice this month.
  more: I've now gone overdrawn because of it.
  more: I have the bank statements to prove it.
  fix: Please refund the money.
problem: My council tax bill has gone up by more than we were told it would.
problem: I paid my council tax in full but I've had a reminder letter.
  more: The reminder says I could be summonsed, which has really worried me.
problem: The council tax online account won't let me log in.
  more: The password reset email never arrives.
problem: I've been billed for the full year even though I only moved in halfway through.
problem: You've taken a payment from my bank account after I cancelled the direct debit.
  fix: Please refund the money.
problem: I think my house is in the wrong council tax band.
  more: The house next door is exactly the same and it's in a lower band.
  fix: How do I get the band looked at?
detail: Nobody answers the phone on the council tax line.
detail: Money is tight enough as it is.
detail: I've always paid on time.
detail: I've emailed twice and had no reply.
ask: Please sort my account out.
ask: Please can someone look into my account.
ask: Please confirm the account is up to date.
short: charged twice council tax
short: wrong council tax bill
short: cant log in to council tax account
question: How do I set up a direct debit for my council tax?
question: Can I pay my council tax over 12 months instead of 10?
question: What date is my council tax payment due each month?
question: I'm moving out of the borough, how do I close my council tax account?
question: How do I challenge my council tax band?
question: Can I get a copy of my council tax bill as proof of address?
question: Why is there a separate charge for the parish council on my bill?
context: I've just moved into {street}.
context: I've received my council tax bill for this year.
context: I pay by direct debit.
praise: {team} sorted out my refund quickly and were very helpful.
praise: Thank you to {team} for setting up a payment plan for me when I was struggling.
praise: {team} answered my email the same day, very impressed.
praise: {team} explained my bill clearly and patiently, thank you.
team: the council tax team
team: revenues
team: {officer} in council tax
idea: A council tax account that works properly on a phone would make things a lot easier.
idea: Could you send bills by email instead of post to save money?
idea: Paying council tax weekly would help people on low incomes.
idea: A live chat on the council tax page would cut the phone queues.
aside: I've also had a council tax bill that doesn't make any sense.
aside: On top of this my council tax direct debit has been taken twice.

[council_tax_reduction]
subject: Single person discount
subject: Council tax reduction
subject: Council tax support
subject: Student exemption
subject: Discount removed
problem: My single person discount has been removed without any explanation.
  more: I'm a pensioner living on my own.
  more: My son moved out two years ago.
problem: I applied for council tax reduction {period} ago and haven't heard anything.
  more: The form said it would take four weeks.
  more: I'm on Universal Credit.
  fix: Please can you tell me when it will be decided.
problem: You've taken away my discount because you think someone else lives here, but I live alone.
  more: Apparently it's because of a credit check, but that's my ex who moved out years ago.
problem: I'm a full time student and I've been sent a bill when I should be exempt.
  more: I've sent my student certificate twice.
problem: My council tax support has been cut and I can't afford the new amount.
problem: The disregard for my husband's dementia still hasn't been applied to our bill.
problem: The empty property discount wasn't applied while the house was being renovated.
detail: The review form asked the same questions I'd already answered last year.
detail: Nobody has explained how the amount was worked out.
detail: I can't afford to pay the full amount.
detail: I've sent everything you asked for.
ask: Please reinstate the discount and backdate it.
ask: Can you explain the decision?
ask: Please review my application.
short: single person discount removed
short: council tax reduction still pending
short: student exemption not applied
question: Am I still entitled to a single person discount if my son is away at university?
question: How do I apply for council tax reduction?
question: Is there a discount for carers living in the house?
question: Does my disabled daughter's room entitle us to a reduction?
question: How far back can a discount be backdated?
question: Do I still get the discount if my partner works away?
context: I've lived on my own since my husband died.
context: I've just lost my job.
context: My daughter is at university.
praise: {team} processed my council tax reduction quickly, it was a huge help.
praise: {team} helped me fill in the form for the discount over the phone, thank you.
praise: Thank you to {team} for backdating my discount without any fuss.
praise: I'd like to thank {team} for their patience explaining the reduction scheme.
team: the council tax support team
team: the benefits team
team: {officer} in revenues
idea: The discount review letters should be clearer for elderly people.
idea: Let people upload evidence online instead of posting it.
idea: Apply the student exemption automatically using the university's records.
idea: A simple eligibility checker on the website would save a lot of calls.
aside: My single person discount has also been taken off for no reason.
aside: I'm still waiting on my council tax reduction application too.

[housing_benefit]
subject: Housing benefit claim
subject: Housing benefit
subject: Benefit overpayment
subject: Discretionary housing payment
subject: Change of circumstances
problem: I made a housing benefit claim {period} ago and it still hasn't been assessed.
  more: I was told on the phone it would be sorted within a week.
problem: My housing benefit has stopped without any warning and now I'm in rent arrears.
  more: My landlord is threatening to evict me.
  more: I've got two young children.
problem: I've been told I owe a housing benefit overpayment that isn't my fault.
  more: The letter says I have to pay back £1,200.
  more: I told you about my new job straight away.
problem: I reported a change of circumstances but my housing benefit is still wrong.
problem: My housing benefit payment went to my old landlord.
problem: I've sent the same documents {times} and you keep saying you haven't got them.
problem: My application for a discretionary housing payment was refused with no explanation.
detail: I'm already struggling to pay for food.
detail: I've sent payslips, bank statements, everything.
detail: The letters don't make any sense.
detail: I'm at my wits' end.
ask: Please sort my claim out urgently.
ask: I'd like the decision to be looked at again.
ask: Can someone ring me and explain?
short: housing benefit stopped
short: HB claim still not processed
short: overpayment not my fault
question: Can I claim housing benefit if I'm a pensioner?
question: What documents do I need to send for my housing benefit claim?
question: How long does a housing benefit claim usually take?
question: Can I pay back an overpayment in small instalments?
question: Am I entitled to a discretionary housing payment?
question: Is my housing benefit paid to me or straight to my landlord?
context: I've just started a part time job.
context: My partner has moved out.
context: I'm a pensioner and I rent privately.
praise: {team} went above and beyond to get my claim sorted before Christmas.
praise: Thank you to {team} for processing my housing benefit so quickly.
praise: {team} helped me with a discretionary payment, it saved my tenancy.
praise: {team} explained the overpayment and set up a plan I can afford, thank you.
team: the benefits team
team: {officer} in housing benefit
team: the welfare rights team
idea: Text updates on benefit claims would stop people ringing for updates.
idea: Being able to upload documents online would speed claims up.
idea: Could you hold drop-in sessions for benefit claims at the library?
idea: The overpayment letters should be written in plain English.
aside: My housing benefit is also being messed around.
aside: I'm still waiting for my housing benefit claim on top of this.

[recovery_enforcement]
subject: Summons
subject: Bailiffs
subject: Enforcement agent
subject: Council tax arrears
subject: Liability order
problem: I've received a court summons for council tax arrears I didn't know I had.
  more: I never received a reminder.
  fix: Please withdraw the summons.
problem: Bailiffs turned up at my door about a council tax debt I've been paying off.
  more: I've been paying £50 a month as agreed.
  more: He tried to push his way into the house.
  fix: I want the account taken back from the bailiffs.
problem: You've added £80 court costs to my account even though I'd set up a payment arrangement.
  more: I've got the letter agreeing the arrangement in front of me.
problem: An enforcement agent was rude and threatening to my elderly mother.
  more: She's 84 and was shaking when I got there.
problem: I've had a letter saying my account has been passed to the bailiffs without any reminder.
  fix: I want the account taken back from the bailiffs.
problem: You've taken money from my wages through an attachment of earnings without telling me.
problem: The enforcement agent has added over £300 in fees.
  fix: Please get the fees removed.
detail: I'm on a low income and struggling with other debts.
detail: I'm disabled and I'm in a vulnerable situation.
detail: This has made me ill with worry.
detail: I've always wanted to pay, I just need time.
ask: Please look into this urgently.
ask: Can I set up a payment plan I can actually afford?
ask: I want this put right.
short: bailiff letter sent wrongly
short: court summons council tax
short: enforcement fees too high
question: Can I still set up a payment plan after receiving a summons?
question: How do I get my account taken back from the enforcement agents?
question: Will a liability order affect my credit rating?
question: What are the costs if I pay the arrears before the court date?
question: Where can I get free debt advice?
question: Do I need to go to the court hearing?
context: I've had a summons through the post.
context: I fell behind with my council tax when I lost my job.
context: The bailiffs have written to me.
praise: Thank you to {team} for being so understanding and setting up a payment plan I can manage.
praise: Thank you to {team} for putting the enforcement action on hold while I sorted my finances.
praise: I was treated with kindness and respect by {team} when I rang about my arrears.
praise: I'd like to thank {team} for pointing me towards free debt advice.
team: the recovery team
team: the council tax team
team: {officer} in recovery
idea: Ring people before sending the bailiffs round.
idea: A breathing space for people in debt would help more people pay in the end.
idea: Reminder texts before a summons would save everyone money.
idea: Team up with Citizens Advice to offer debt advice at the council offices.
aside: I've also had a summons for council tax arrears which I think is wrong.
aside: And now I've had a letter from the bailiffs as well.
"""
