"""What residents say about adult social care: assessments, home care, charges and adaptations.

Data only, in the ``samples.phrases.bank`` format; nothing here composes messages.
"""

# ruff: noqa: E501

TEXT = """
[care_assessment]
subject: Care assessment
subject: Care package
subject: Needs assessment
subject: Social worker
subject: Carer's assessment
problem: My mum was referred for a care assessment {period} ago and nobody has been in touch.
  more: She has dementia and lives on her own.
  more: She's had two falls since the referral.
problem: My dad has been discharged from hospital with no care package in place.
  more: He can't get out of bed on his own and I live forty minutes away.
problem: The assessment said my husband only needs one visit a day, which is nowhere near enough.
  more: He needs help to get up, to eat and to get to bed.
problem: We've had three different social workers in six months and have to explain everything again each time.
  more: Nobody seems to read the notes.
problem: I asked for a carer's assessment and I'm still waiting.
  more: I'm looking after my husband full time and I'm exhausted.
problem: My mum's care package was cut without anyone visiting her.
  more: The letter just arrived one morning.
problem: The review of my care plan is {period} overdue.
  more: My needs have changed a lot since the last one.
detail: Nobody returns my calls.
detail: I work full time and can't keep taking time off.
detail: I'm at breaking point.
detail: We were told it was urgent.
ask: Please arrange the assessment urgently.
ask: I want the decision reviewed.
ask: Can someone from the team ring me today?
short: still waiting for assessment
short: no care package after hospital
short: care package cut
question: How do I ask for a care assessment for my elderly mother?
question: Am I entitled to a carer's assessment?
question: What happens after the assessment?
question: Can I get direct payments to arrange my own care?
question: How long does a needs assessment normally take?
question: Can a family member be there for the assessment?
context: My dad is 89 and lives alone.
context: I care for my husband who has Parkinson's.
context: My mum has just come out of hospital.
praise: Thank you to {team} for being so kind and patient during my mum's assessment.
praise: Thank you to {team} for arranging care for my dad so quickly after his discharge.
praise: {team} really listened to what we needed and didn't rush us.
praise: I'd like to thank {team} for all the support through a very difficult time.
team: our social worker
team: {officer}, our social worker
team: the hospital discharge social worker
idea: A single named contact for each family would help a lot.
idea: Carers should be told about the carer's assessment automatically.
idea: Assessments could be done by video call when the family lives away.
idea: A simple guide explaining the care process step by step would help families.
aside: We're also still waiting for my mum's care assessment.
aside: My dad's care package still hasn't been sorted either.

[home_care]
subject: Home care
subject: Carers late
subject: Missed care visit
subject: Care agency
subject: Carers
problem: The carers are turning up hours late for my mum's morning call.
  more: I found her still in bed at lunchtime.
  more: She needs help getting washed and dressed.
  fix: Please make sure the visits happen on time.
problem: My dad's carers didn't turn up at all {when} and he was left without his tablets.
  more: He has diabetes and needs his meals on time.
problem: There's a different carer every day and they don't know what they're doing.
  more: She gets confused and upset with new faces.
problem: The carers are only staying ten minutes when they're booked for half an hour.
  more: They sign the book for the full time.
problem: The carer left my mum's front door unlocked overnight.
  more: She has dementia and could easily have wandered off.
problem: The teatime visit is at 3pm, which is far too early for my dad.
  more: Then the bed call is at 7 and he's in bed for fourteen hours.
  fix: Can the visit times be changed?
problem: My husband's carer was rude to him and rushed him.
  more: He was close to tears when I got home.
detail: The agency doesn't answer the phone.
detail: We're paying towards this care.
detail: This has happened before.
detail: I can't keep checking up on them from work.
ask: Please speak to the agency.
ask: I want a different care provider.
ask: Please make sure this doesn't happen again.
short: carers late again
short: missed care visit
short: carers rushing mum
question: Can we change the time of the care visits?
question: Who do I contact if a carer doesn't turn up?
question: Can my mum have the same carers each week?
question: Can we change care agency?
question: What should happen if a carer is running late?
question: Can I see a copy of the care plan?
context: My mum has carers four times a day.
context: My dad gets home care.
context: We've had problems with the agency.
praise: {team} feels like part of the family now, thank you.
praise: Thank you to {team} for the care they give my mum, always cheerful and kind.
praise: {team} noticed my dad wasn't well and called the doctor, which may have saved his life.
praise: Nothing was too much trouble for {team} in my husband's last weeks.
team: the carers
team: {officer}, mum's carer
team: the home care team
idea: Families should get a text when the carer arrives and leaves.
idea: People with dementia should have the same regular carers.
idea: Carers need more time between visits to travel, they're always rushing.
idea: An app showing the visit times would really help families.
aside: My dad's carers have been late again as well.
aside: And my mum's carers didn't turn up on Sunday either.

[care_charges]
subject: Care charges
subject: Care bill
subject: Financial assessment
subject: Care fees
subject: Invoice query
problem: We've received a care bill for £2,000 with no explanation.
  more: Nobody told us the care would be charged for.
problem: My mum's financial assessment hasn't taken her disability costs into account.
  more: She pays for a cleaner and special food because of her condition.
problem: We've been charged for care visits that never happened.
  more: I've kept a note of every missed visit.
  fix: I want the charge for the missed visits taken off.
problem: The care charges went up without any letter.
problem: I've been waiting {period} for the financial assessment to be completed.
  more: Now there's a backdated bill for the whole time.
problem: My dad is being charged for care even though he only has his pension.
  more: The amount is more than half of what he gets.
problem: The invoices are in my mum's name but she has dementia and can't deal with them.
  more: I have power of attorney and I've sent you a copy.
detail: I've asked for a breakdown {times}.
detail: Nobody can explain how it was worked out.
detail: We just want to pay the right amount.
detail: It's causing a lot of worry.
ask: Please send a breakdown of the charges.
ask: Please review the financial assessment.
ask: Can someone ring me to explain?
short: care bill wrong
short: charged for missed visits
short: financial assessment delay
question: How are care charges worked out?
question: Does my dad's house count in the financial assessment?
question: Can the care charges be paid by direct debit?
question: Is there a maximum weekly charge for care at home?
question: What counts as disability related expenditure?
question: Can I appeal a care charge?
context: My mum has care at home.
context: I have lasting power of attorney for my father.
context: We've just had the financial assessment letter.
praise: {team} explained the care charges clearly and patiently, thank you.
praise: Thank you to {team} for sorting out my mum's invoice so quickly.
praise: {team} found an error in the charge and refunded us, which was very fair.
praise: I'd like to thank {team}, who was very helpful and kind.
team: the financial assessment team
team: the care finance team
team: {officer} in care finance
idea: Send an estimate of the care charges before the care starts.
idea: Invoices should show the dates and times of the visits.
idea: Families should have a named contact in the finance team.
idea: Let us see the care invoices online.
aside: We've also had an unexpected bill for my mum's care.
aside: And the care charges have gone up again.

[equipment_adaptations]
subject: Adaptations
subject: Stairlift
subject: Grab rails
subject: Walk-in shower
subject: Disabled facilities grant
subject: Equipment
problem: My mum has been waiting {period} for grab rails to be fitted.
  more: She can't get in or out of the bath safely.
problem: The stairlift has broken and my dad is stuck downstairs.
  more: He's been sleeping in the chair for three nights.
  fix: Please send someone to fix it today.
problem: We applied for a disabled facilities grant {period} ago and haven't heard anything.
  more: The OT said it was urgent.
problem: The walk-in shower was fitted badly and the bathroom floods every time it's used.
  more: The water is going through to the kitchen ceiling.
  fix: Please send someone to put it right.
problem: The hospital bed hasn't been delivered and she's being discharged tomorrow.
  fix: Please get the bed delivered today.
problem: The occupational therapist assessed my husband months ago and nothing has happened since.
  more: He's had two falls in the meantime.
problem: The ramp outside is too steep for the wheelchair.
  more: I have to get a neighbour to help push him up it.
detail: Nobody can tell us when it will be done.
detail: We're managing as best we can but it isn't safe.
detail: It's making everyday life really hard.
detail: Every time I ring I get a different answer.
ask: Can you tell me where we are in the queue?
ask: Please get this sorted urgently.
ask: Can someone ring me today?
short: stairlift broken
short: still waiting for grab rails
short: DFG application no reply
question: How do I apply for a disabled facilities grant?
question: Can I get a key safe fitted?
question: Who do I contact if the stairlift breaks down?
question: Do I need an OT assessment before adaptations are done?
question: Is there a charge for equipment like raised toilet seats?
question: How long is the wait for an occupational therapist?
context: My mum has had a fall.
context: My husband uses a wheelchair.
context: My dad can't manage the stairs any more.
praise: {team} fitted the rails the day after the assessment, brilliant.
praise: Thank you to {team}, the new shower has given my mum her independence back.
praise: {team} got the equipment sorted so quickly, we can't thank you enough.
praise: Thank you to {team} for coming out the same day when the stairlift broke.
team: the OT
team: the adaptations team
team: {officer}, the occupational therapist
idea: A showroom where people can try equipment before it's fitted would help.
idea: Small jobs like grab rails should be fast tracked.
idea: It would help to be able to track a DFG application online.
idea: Equipment should be delivered before people come out of hospital, not after.
aside: We're also still waiting for the grab rails.
aside: And the stairlift still hasn't been repaired.
"""
