"""Tests for the redaction of people's names: in forms the rules did not see when written, and
words that look like names but are kept ("The Grace period ended"); the other kinds of personal
data and the reporter's own values are in test_redaction.py."""

from __future__ import annotations

import pytest

from classifiers.redaction import redact_personal_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # known names anywhere, in any case, and names the lists do not know beside a surname
        (
            "Both Ross Byrne and her husband are disabled.",
            "Both [name] and her husband are disabled.",
        ),
        ("gas smell reported by paul field at 3am", "gas smell reported by [name] at 3am"),
        ("I look after Chinedu Okafor-Hughes.", "I look after [name]."),
        ("Request from Tatenda Ndlovu, flat 9.", "Request from [name], flat 9."),
        ("Please ask Mary-Jo to ring me.", "Please ask [name] to ring me."),
        (
            "the lady upstairs, Seren Ní Bhraonáin, has a leak",
            "the lady upstairs, [name], has a leak",
        ),
        ("Mrs Okonkwo at number 22 has not been seen.", "[name] at number 22 has not been seen."),
        # names that are also words only with a surname or a cue
        ("Please ask Mark Ellison to ring me.", "Please ask [name] to ring me."),
        ("I spoke with someone called Pearl.", "I spoke with someone called [name]."),
        ("ray howells rang twice", "[name] rang twice"),
        # cues: a person's verb, a helper word, an age, a greeting, a closing, "and" a name
        ("Obinna told me to email you.", "[name] told me to email you."),
        ("My support worker Gethin will call you.", "My support worker [name] will call you."),
        ("Temitope (5) was nearly hit.", "[name] (5) was nearly hit."),
        ("Dear Lyric,\nThe fence is down.", "Dear [name],\nThe fence is down."),
        ("hi tatenda, any news?", "hi [name], any news?"),
        ("thanks again, senthil", "thanks again, [name]"),
        ("ta\nkwesi", "ta\n[name]"),
        (
            "Sent from my phone\n\nAll the best,\nDervla",
            "Sent from my phone\n\nAll the best,\n[name]",
        ),
        ("im farai and i live on the estate", "im [name] and i live on the estate"),
        ("Blessing & Joe Bloggs both agree.", "[name] & [name] both agree."),
        # particles inside a name after a title or a sign-off, never at its end
        ("Mr van der Berg called.", "[name] called."),
        ("Kind regards,\nPieter van den Broek", "Kind regards,\n[name]"),
        ("Mr Brown de facto runs it.", "[name] de facto runs it."),
        # a surname that is also a word after a sign-off
        ("Kind regards\n\nSandra Oh", "Kind regards\n\n[name]"),
        ("Cheers, Oh Min-jun", "Cheers, [name]"),
        # police ranks are titles
        ("DC Smith rang and PCSO Okafor was great.", "[name] rang and [name] was great."),
        # a title that is no other word, in any case
        ("cllr Smith said it would be fixed", "[name] said it would be fixed"),
        ("I rang sgt okonkwo twice.", "I rang [name] twice."),
        ("spoke to cllr smith yesterday", "spoke to [name] yesterday"),
        ("The inspector Wood called.", "The [name] called."),
        # a title written without vowels still announces a name
        ("please tell cllr weeks-smith", "please tell [name]"),
        # a CRM's surname first, in capitals or no English word; a Chinese name's order
        ("MENSAH, Kwabena - tenant since May", "[name], [name] - tenant since May"),
        ("Caller: SMITH, John rang", "Caller: [name], [name] rang"),
        ("Zhang Min and Chen Jing say", "[name] [name] and [name] say"),
        # "dr" and "pc" in lower case, before a surname or no English word
        ("can someone chase dr okeke for it", "can someone chase [name] for it"),
        ("spoke to dr patel at the surgery", "spoke to [name] at the surgery"),
        ("pc rhodri hughes came round", "[name] came round"),
        # more family words; a signature without a closing, or in capitals after one
        ("my eldest Summer is 15", "my eldest [name] is 15"),
        ("the carer for my auntie grace", "the carer for my auntie [name]"),
        ("Is the lorry broken? Nasreen", "Is the lorry broken? [name]"),
        ("The bins were missed.\n\n--\nSue", "The bins were missed.\n\n--\n[name]"),
        ("Fix it please.\n\nKind regards,\nGARY", "Fix it please.\n\nKind regards,\n[name]"),
        ("ta\nJ. Okoro", "ta\n[name]"),
        # a person named once is named again without a cue
        (
            "Hyacinth Francis was abused at the stop. Hyacinth doesn't want police involvement.",
            "[name] was abused at the stop. [name] doesn't want police involvement.",
        ),
        (
            "Mr Okafor rang. Okafor says the bin is broken.",
            "[name] rang. [name] says the bin is broken.",
        ),
        (
            "my daughter Hope is 7. Hope you can help.",
            "my daughter [name] is 7. Hope you can help.",
        ),
        # common UK given names Faker's locales lack (Welsh, Southern African, recent babies')
        ("Osian told me the lights were out", "[name] told me the lights were out"),
        ("Tendai and I reported it twice", "[name] and I reported it twice"),
        (
            "my carer josie will be there to let you in",
            "my carer [name] will be there to let you in",
        ),
        ("my son oliver will be there", "my son [name] will be there"),
        # a person named like a shop, where a word before says a person stands there
        ("my neighbour John Lewis keeps parking", "my neighbour [name] keeps parking"),
        ("I spoke to Peter Jones about it", "I spoke to [name] about it"),
        (
            "John Lewis rang me. Peter Jones is my neighbour",
            "[name] rang me. [name] is my neighbour",
        ),
        ("Kia Jones and Mercedes Smith", "[name] and [name]"),
        # a family by its surname
        (
            "Our neighbours the Okafors have had bins stolen",
            "Our neighbours the [name] have had bins stolen",
        ),
        ("The Joneses next door", "The [name] next door"),
        # surnames by their ending, too many for the lists
        ("A note from Lech Kaczmarczyk about it", "A note from [name] about it"),
        ("spoke to andrzej wisniewski today", "spoke to [name] today"),
        ("Ana Marković rang about the bins", "[name] rang about the bins"),
        # initials before a surname, with or without full stops
        ("I spoke to J. Okoro about it", "I spoke to [name] about it"),
        ("R.J. Thistlewood\nChair, Oakfield Residents", "[name]\nChair, Oakfield Residents"),
        ("A. Siddiqui rang, and P Hughes", "[name] rang, and [name]"),
        # months, languages and "Tell" are never part of a name
        ("Tell Richard the cones have gone.", "Tell [name] the cones have gone."),
        (
            "Promised by October. It's November. An interpreter (Kurdish Sorani) for Rebin Hamid.",
            "Promised by October. It's November. An interpreter (Kurdish Sorani) for [name].",
        ),
        # a job title between a place word and the name ("district nurse Siobhán")
        ("Referred by district nurse Siobhán Ní Bhriain.", "Referred by district nurse [name]."),
        (
            "Spoke to Irwell Riverside housing officer Jasmin Kaur-Bassi today",
            "Spoke to Irwell Riverside housing officer [name] today",
        ),
        ("the road through Palace Fields is bad", "the road through Palace Fields is bad"),
        # a nickname in quotes, and the surname after it however English
        ('the manager Gary "Gaz" Whitworth took over', "the manager [name] took over"),
        ('Patrick "Paddy" Ward (Pitch 9) says', "[name] ([address]) says"),
        ('Attendance: Kai "KJ" Jenkins-Obi (Y10)', "Attendance: [name] (Y10)"),
        ('patient lesley "les" marsh dob 12/12/1950', "patient [name] dob [dob]"),
        ('Mr Smith "the builder" came', '[name] "the builder" came'),
        ("We went to 'Bella Italia' for tea", "We went to 'Bella Italia' for tea"),
        # particles between the parts of a name, and an article's surname after one
        (
            "Muhammad Hafiz bin Abdullah and Nurul Aisyah binti Ismail",
            "[name] and [name]",
        ),
        ("Customer: Thaís Oliveira da Silva, born", "Customer: [name], born"),
        ("Discharge: Kamal al-Hashimi, NHS", "Discharge: [name], NHS"),
    ],
)
def test_names_in_unseen_forms_are_redacted(text: str, expected: str) -> None:
    assert redact_personal_data(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # words that are names, a house name, typos and British spellings are not names
        "Hope you can help. Will someone call? Mark it urgent, the Grace period ended in May.",
        "Complaint about Anti-Social Behaviour on the estate.",
        "I've lived on my own since my husband died.",
        "Do I contact you if a carer doeesnt turn up?",
        "I'm 78 and once it's made I will pay.",
        "National Insurance number and Council Tax Reduction forms.",
        "THE LIFT IS BROKEN AND NOBODY CALLED BACK.",
        "Thank you to Chidi in the contact centre, very helpful.",
        # words newer than the dictionary
        "I'm emailing because it's online only and my daughter googled it.",
        # inflections and British or irregular forms the dictionary lacks, after a cue word
        "It's blocking the path so people with pushchairs are having to walk in the road.",
        "Hi, Emptied bins everywhere. Replied to the councillors, paid the licence fee.",
        "BINS ALONG THE CANAL SIDE EARLIER, BEFORE THE ROUND. Cars parked on the kerb.",
        # a greeting's plural, a new sentence after a sign-off, text-speak after a cue word
        "Dear Sirs,\n\nWell done to the crew. DEAR SIRS",
        "Thanks in advance. Kind regards\n\nOh and our bin lid was damaged.",
        "Thanks\n\nPlus I found a hair baked in it.",
        "Money is tight as it is pls sort my account out. Trouble with yobs again.",
        "Missed again and its stll sat there, its fll to the top.",
        "The DC area and the DI unit.",
        "The councillor visited, the inspector looked and the sergeant will call back.",
        "my pc keeps crashing, pc world sold it, the dr said its fine, 12 oak dr and the pc rang",
        "the otis lift is broken again and the Otis engineer never came",
        "3 Parc cars were towed from Lôn Isaf",
        "We went to Alaska and Nebraska, and the Polski shop is on Oak Road.",
        "the Rangers fans and the Browns, the Greens and the Smiths",
        # shops and cars named like people, and a hospital
        "Needles behind the John Lewis car park, and the stop outside Marks & Spencer.",
        "A red Nissan Micra and a silver Vauxhall Corsa, no tax, by the Royal Victoria Infirmary",
        "Hiya, the bins.\nThanks, the crew were great.",
        "The bins were missed.\nHalton Lea",
        "the laurels in the park need cutting",
        # a conjunction or a contraction after a sign-off is no signature, nor found again
        "Is there a time limit? Kind regards\n\nWhile I'm on, I'm still waiting for a sticker.",
        "Visits never happened. Ive kept a note. Ive asked four times.",
        "Plan B. Smith Street, the A Road, B Block and the U.K. Government on the A.M. shift",
    ],
)
def test_words_that_look_like_names_are_kept(text: str) -> None:
    assert redact_personal_data(text) == text


@pytest.mark.parametrize(
    ("person", "redacted", "word"),
    [
        ("I spoke to Grace about it.", "I spoke to [name] about it.", "The Grace period ended."),
        ("I talked to Faith at the desk.", "I talked to [name] at the desk.", "Faith groups meet."),
        ("Please ask for Rose.", "Please ask for [name].", "My rose bed was dug up."),
        ("Summer from the library helped.", "[name] from the library helped.",
         "The Summer holiday club is closed."),
        ("Ring Amber on 07700 900521.", "Ring [name] on [phone].", "An Amber warning for rain."),
        ("Can you call Will back?", "Can you call [name] back?", "Will someone please come?"),
        ("Hope said it was booked.", "[name] said it was booked.", "I hope you can help."),
        ("Please email Mark the form.", "Please email [name] the form.", "I'd like to mark this."),
        ("Jade from the council came.", "[name] from the council came.", "A Jade plant was left."),
        ("Rose (my wife) is disabled.", "[name] (my wife) is disabled.", "Rose bushes grow."),
        ("Summer, my daughter, was hit.", "[name], my daughter, was hit.", "Summer is the worst."),
        ("Grace my daughter will come.", "[name] my daughter will come.", "Grace Road is flooded."),
        ("Hope loved the park.", "[name] loved the park.", "Hope this helps."),
        ("Faith rang twice.", "[name] rang twice.", "I have lost faith in the team."),
        ("Mark told me to write.", "[name] told me to write.", "Mark this urgent please."),
        ("Nurse Grace visits my mum.", "[name] visits my mum.", "The nurse visits my mum."),
        ("Cllr Rose Hartley agreed.", "[name] agreed.", "The rose garden needs weeding."),
        ("Sgt Will Parry attended.", "[name] attended.", "Will the bins be collected?"),
        ("Thank Amber for me.", "Thank [name] for me.", "Thank you, the amber light is fixed."),
        ("ok thx Faith see u", "ok thx [name] see u", "Faith in the council is low."),
        ("Grace from Age UK rang.", "[name] from Age UK rang.", "Hope from Monday it improves."),
        ("Rev Hope Adeyemi runs it.", "[name] runs it.", "We hope the food bank stays open."),
        ("Kind regards,\nG. Henderson", "Kind regards,\n[name]", "Grace and favour homes."),
        ("Thanks\nJ Smith", "Thanks\n[name]", "Jade green paint is peeling."),
        # after a job: staff named by their first name, unless thanked at work
        ("Bank contact Rob 07700 900521", "Bank contact [name] [phone]", "They rob the bins."),
        ("IDVA Joy attending.", "IDVA [name] attending.", "Joy of the new park."),
        ("Thanks to the caretaker Joy on reception.", "Thanks to the caretaker Joy on reception.",
         "The caretaker is great."),
    ],
)  # fmt: skip
def test_names_that_are_words_are_redacted_only_where_a_person_stands(
    person: str, redacted: str, word: str
) -> None:
    assert redact_personal_data(person) == redacted
    assert redact_personal_data(word) == word


@pytest.mark.parametrize(
    "text",
    [
        "Can you call Grace Road depot?",
        "I spoke to Hope Street residents.",
        "Please email Summer Holiday Club.",
        "PC World sold it.",
        "Nurse Practitioner appointments are full.",
    ],
)
def test_a_cued_name_word_that_names_a_place_or_a_role_is_kept(text: str) -> None:
    assert redact_personal_data(text) == text
