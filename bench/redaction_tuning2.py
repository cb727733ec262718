"""A second tuning batch for the redaction set (2026-12-03): names in the forms the first
batches lacked - lower-case and one-word sign-offs, "X speaking", names after role words,
double-barrelled and hyphenated names, particles ("ap", "Ó", "Nic"), names that are also words
- with a pool of Irish, Welsh, Scottish, South Asian, African, East European and Chinese names
shared with no other part of the set (nor with the hand-written blind set).
Generated with its own seed, so the first 800 contacts do not change."""

from __future__ import annotations

import random
from typing import Any

from bench.redaction_words import Pool

__all__ = ("TUNING2", "TUNING2_TEMPLATES", "build_tuning2")


def _t(text: str) -> tuple[str, ...]:
    return tuple(word.replace("_", " ") for word in text.split())  # "Ó_Murchú": one surname


TUNING2 = Pool(
    first=_t(
        """Caoimhe Eoghan Róisín Cathal Gráinne Dervla Rhodri Cerys Eleri Gethin Seren Llinos
        Ailsa Fraser Isla Ruaridh Harpreet Jaswinder Manpreet Navdeep Rukhsana Shahid Imtiaz
        Lakshmi Senthil Kavitha Ngozi Obinna Chinonso Temitope Yetunde Kwesi Akosua Tatenda
        Farai Blessing Nomvula Mandla Wanjiru Otieno Katarzyna Grzegorz Paweł Dorota Andreea
        Mihai Ionela Zuzana Tomáš Lenka Žaneta Ilona Gintaras Rasa Xiaoming Jing Yan Thi Anh
        Lucy-Anne Mary-Jo Jean-Paul Sophie-Louise"""
    ),
    last=_t(
        """Ó_Murchú Mac_Aodha Ní_Bhraonáin Nic_Amhlaoibh MacNeil Uí_Dhuibhir Llwyd Gruffudd
        ap_Dafydd Bevan Prosser Lloyd-Williams Tudor-Jones Sidhu Dhillon Randhawa Qureshi Bibi
        Iyer Pillai Subramaniam Okeke Nnamdi Adeleke Olawale Asante Appiah Mutasa Ndlovu Dlamini
        Kamau Odhiambo Mazur Krawczyk Wróbel Dumitrescu Constantin Dvořák Horváthová Kazlauskas
        Wang Nguyen Tran Ferreira Santos Hamilton-Smythe Ogundipe-Shaw"""
    ),
    word_first=_t("Autumn Merry Honor Ruby Olive Violet Jasper Rowan Sterling Lyric"),
    word_last=_t("Fisher Mason Archer Sparrow Ward Bishop Mills Marsh Bell Wolfe"),
    streets=_t("Sycamore Hawthorn Rowan Laurel Poplar Orchard Meadow Juniper Heath Cedar"),
    towns=_t("Bangor Wrexham Paisley Derry Luton Slough Bradford Leicester"),
    houses=("Tŷ Newydd", "The Old Smithy", "Hawthorn Cottage", "Glen View", "Ashgrove Lodge"),
    domains=("gmail.com", "btinternet.com", "outlook.com"),
    outward=_t("LL57 LL11 PA1 BT48 LU1 SL1 BD1 LE1"),
    networks=("facebook.com", "instagram.com"),
)

TUNING2_TEMPLATES = (
    "ta\n{first_lower}",
    "all the best, {full}",
    "best wishes\n{full_lower}",
    "thanks again, {first_lower}",
    "Sent from my iPhone\n{full}",
    "Thank you.\n\n{first}",
    "{full} speaking - I rang on Tuesday about the bins.",
    "hiya its {first_lower} from number 6, the gate is broken",
    "im {full_lower} and i live on the estate",
    "Hi, {full} here. The lights are out on the path.",
    "my partner {first_lower} has called you four times",
    "Our lodger {first} saw who did it.",
    "the lady upstairs, {full}, has had a leak for weeks",
    "I look after my aunt {full} who is 88.",
    "My support worker {first} will call you.",
    "{full} (my brother) will drop the form in.",
    "{full} - tenant\n{phone}",
    "{first} told me to email you about this.",
    "Ask {first} in the office, she knows.",
    "I spoke to {full} on Monday.",
    "Please reply to {full}, not me.",
    "The complaint is from {full} and her son.",
    "Reported by {full} at 7pm.",
    "It's {first} again, still no bin.",
    "Both {full} and I are disabled.",
    "This is {full}, flat 3. The door entry is broken.",
    "{titled} at number 40 keeps feeding the foxes.",
    "<<Hope>> this helps. The drain is blocked again.",
    "<<Will>> the bins be collected on the bank holiday?",
    "<<Mark>> this urgent please, the ceiling is leaking.",
    "My <<rose>> bed was dug up by the contractors.",
    "Subject: newsletter\nPlease stop sending <<HTML only>> emails.",
    "The <<Grace>> period for my payment has ended.",
    "Abandoned car at {house} since <<{when}>>.",
    "Many thanks,\n{full}\n{email}",
    "Please call my daughter {full} on {phone}.",
    "{first} and {first} from next door have complained too.",
    "cheers {first_lower}",
    "Regards\n{titled}",
    "I'm writing for my neighbour {full}, who is blind.",
    # initials, ages, greetings, capitals, possessives, families, headers
    "Letter addressed to {initial_last} but nobody of that name lives here.",
    "My children {first} (8) and {first} (5) were nearly hit by the van.",
    "Hi {first},\nThanks for the call earlier.",
    "hi {first_lower}, any update on the repair?",
    "Dear {first},\nThe fence is still down.",
    "My neighbour {full_upper} is running a business from the garage.",
    "{full}'s hedge is blocking the footpath.",
    "Please send it c/o {full} at the community centre.",
    "{first} & {full} at number 9 both agree.",
    "Mr and Mrs {last_name} have complained about the noise.",
    "The {last_name}s next door have a new dog that barks all night.",
    "From: {full}\nSubject: missed bin",
    "Re: {full} - council tax",
    "{full}, flat 2 - the boiler is off again.",
    "Over to you, {first}.",
)


def build_tuning2(count: int = 200, seed: int = 20261204) -> list[dict[str, Any]]:
    """``count`` more tuning contacts from these templates and this pool."""
    from bench.redaction_corpus import contact_from

    rng = random.Random(seed)
    return [
        {
            "id": f"tuning2-{index:04d}",
            "split": "tuning",
            "blind": False,
            **contact_from(rng.choice(TUNING2_TEMPLATES), rng, TUNING2),
        }
        for index in range(count)
    ]
