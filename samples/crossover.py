"""Scenes that residents describe in the same words whatever they are reporting: the bin lorry
blocking the road turns up under waste, parking and highways alike. Data and one picker.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Scene:
    """Sentences that fit a message about any of ``categories``."""

    name: str
    categories: frozenset[str]
    sentences: tuple[str, ...]


def _scene(name: str, categories: str, *sentences: str) -> Scene:
    return Scene(name, frozenset(categories.split()), sentences)


SCENES: tuple[Scene, ...] = (
    _scene(
        "bin lorry",
        "missed_collection illegal_parking potholes pavements roadworks vehicle_nuisance "
        "garden_waste bulky_waste",
        "The bin lorry blocked the road for half an hour.",
        "The bin lorry couldn't get down {street} because of the parked cars.",
        "The bin lorry mounts the pavement every week and has cracked the kerb.",
        "The bin lorry churned up the verge again.",
        "The bin lorry was stuck at the bottom of the road.",
    ),
    _scene(
        "bags of rubbish",
        "fly_tipping street_cleaning missed_collection pests bulky_waste communal_areas "
        "garden_waste",
        "There are black bags split open all over the path.",
        "The rubbish has been sat there for {period} now.",
        "The foxes and rats have ripped the bags open.",
        "It's an eyesore and it's getting worse every week.",
    ),
    _scene(
        "teenagers",
        "asb_youths play_areas vandalism_graffiti park_facilities leisure_centres "
        "vehicle_nuisance drugs_dealing",
        "Groups of teenagers hang around there every night.",
        "The kids are shouting and swearing at people walking past.",
        "There's a gang of lads on bikes there most evenings.",
        "People are scared to walk through there after dark.",
    ),
    _scene(
        "water",
        "drainage_flooding leaks_plumbing damp_mould potholes communal_areas heating_hot_water",
        "Water is pouring down the wall.",
        "There's standing water everywhere after the rain.",
        "The water is coming through from upstairs.",
        "Everything is soaking wet and it smells musty.",
    ),
    _scene(
        "noise at night",
        "noise_nuisance neighbour_dispute asb_youths roadworks vehicle_nuisance "
        "planning_enforcement",
        "The noise goes on until 2am most nights.",
        "We can't get the kids to sleep because of the noise.",
        "It starts at 7am and doesn't stop all day.",
        "I've had to wear earplugs just to get some sleep.",
    ),
    _scene(
        "overgrowth",
        "trees_hedges grass_verges pavements street_lights planning_application park_facilities",
        "The branches are hanging right over the pavement.",
        "It's all overgrown and you can't get past with a pushchair.",
        "The hedge is blocking the view at the junction.",
        "Nobody has cut it back in {period}.",
    ),
    _scene(
        "cars",
        "illegal_parking vehicle_nuisance car_parks roadworks school_transport parking_permit "
        "pavements",
        "Cars are parked on the double yellows outside {school} every morning.",
        "The cars fly down {street} well over the limit.",
        "There's nowhere to park for residents any more.",
        "Vans are parked half on the pavement so you have to walk in the road.",
    ),
    _scene(
        "still waiting",
        "response_delay repair_delay care_assessment housing_benefit school_admissions "
        "planning_application send_support council_tax_reduction bin_request "
        "equipment_adaptations",
        "I've been waiting {period} for someone to get back to me.",
        "Nobody has been in touch since I first reported it.",
        "I was told someone would ring me back but nobody did.",
        "I've chased this {times} and I'm still waiting.",
    ),
    _scene(
        "money",
        "council_tax_bill care_charges penalty_notice housing_benefit recovery_enforcement "
        "car_parks parking_permit garden_waste council_tax_reduction",
        "I've been charged twice and I want a refund.",
        "The amount on the letter is wrong.",
        "I can't afford to pay this and I don't know what to do.",
        "I paid it by card and the money has gone out of my account.",
    ),
    _scene(
        "phone",
        "phone_access response_delay communication staff_conduct council_tax_bill "
        "housing_benefit missed_collection",
        "I was on hold for 45 minutes and then got cut off.",
        "I've tried ringing {times} and nobody answers.",
        "The online form kept crashing so I'm emailing instead.",
        "The person on the phone was no help whatsoever.",
    ),
    _scene(
        "elderly relative",
        "home_care care_assessment equipment_adaptations heating_hot_water winter_gritting "
        "bin_request care_charges",
        "My mum is 89 and lives on her own.",
        "My dad can't manage the stairs any more.",
        "She's disabled and can't get out of the house.",
        "He's been in and out of hospital since Christmas.",
    ),
    _scene(
        "smell",
        "air_pollution pests food_safety street_cleaning missed_collection drainage_flooding "
        "fly_tipping",
        "The smell is unbearable, especially in the warm weather.",
        "You can't open the windows because of the stink.",
        "There's a horrible smell coming from round the back.",
    ),
    _scene(
        "dangerous",
        "potholes pavements building_control trees_hedges play_areas street_lights "
        "winter_gritting drainage_flooding",
        "Someone is going to get seriously hurt.",
        "An elderly lady tripped and fell there last week.",
        "It's an accident waiting to happen.",
        "It's dangerous, especially in the dark.",
    ),
    _scene(
        "school run",
        "school_admissions school_transport send_support illegal_parking childrens_social_care",
        "My son is in year 7 at {school}.",
        "It's the school run that's the problem.",
        "My daughter has autism and finds it really hard.",
    ),
    _scene(
        "dogs",
        "street_cleaning noise_nuisance neighbour_dispute park_facilities grass_verges play_areas",
        "There's dog mess all over the grass.",
        "The dog next door barks all day while they're at work.",
        "People let their dogs run loose on the field.",
    ),
    _scene(
        "letters",
        "communication council_tax_bill penalty_notice planning_application housing_benefit "
        "recovery_enforcement care_charges school_admissions",
        "The letter I got doesn't make any sense.",
        "I never received the letter you say you sent.",
        "Your letter has the wrong name on it.",
    ),
    _scene(
        "dark",
        "street_lights asb_youths drugs_dealing park_facilities pavements",
        "It's pitch black at night and people feel unsafe.",
        "You can't see where you're walking after 5 o'clock.",
    ),
    _scene(
        "building work",
        "roadworks planning_enforcement building_control noise_nuisance air_pollution "
        "planning_application",
        "The builders start at 7am every day including Saturdays.",
        "There's dust everywhere from the building work next door.",
        "They've put up a huge extension without telling anyone.",
    ),
    _scene(
        "rats",
        "pests fly_tipping missed_collection communal_areas food_safety drainage_flooding",
        "We've seen rats running along the back fence.",
        "There are rats in the garden now.",
    ),
)

SCENES_OF: dict[str, tuple[Scene, ...]] = {
    category: tuple(s for s in SCENES if category in s.categories)
    for category in sorted(frozenset().union(*(s.categories for s in SCENES)))
}


def shared_sentence(rng: random.Random, category: str) -> str | None:
    """A sentence from one of ``category``'s scenes, or None if it is in none."""
    scenes = SCENES_OF.get(category)
    if not scenes:
        return None
    return rng.choice(rng.choice(scenes).sentences)
