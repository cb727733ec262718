"""Word pools for the labelled redaction set: a tuning pool and a held-out pool that share no
first name, surname, street, town, domain or handle, so held-out figures are not tuned on."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ("HELD_OUT", "TUNING", "Pool")


@dataclass(frozen=True)
class Pool:
    first: tuple[str, ...]
    last: tuple[str, ...]
    word_first: tuple[str, ...]  # first names that are also words ("Rose", "Will")
    word_last: tuple[str, ...]  # surnames that are also words ("Baker", "Green")
    streets: tuple[str, ...]
    towns: tuple[str, ...]
    houses: tuple[str, ...]
    domains: tuple[str, ...]
    outward: tuple[str, ...]  # outward codes of postcodes
    networks: tuple[str, ...]  # profile URL hosts


def _t(text: str) -> tuple[str, ...]:
    return tuple(text.split())


TUNING = Pool(
    first=_t(
        """Gareth Sarah James Priya Mohammed Emma Oliver Amelia Connor Siobhan Tomasz Aisha
        Kwame Fatima Dylan Megan Rhys Chloe Harry Sophie Jack Olivia Darren Tracy Kevin Lisa
        Wayne Donna Callum Leah Hamza Zainab Piotr Agnieszka Chidi Ngozi Declan Aoife Marcus
        Jade Liam Ruby Kieran Bethany Imran Nadia Stuart Hayley"""
    ),
    last=_t(
        """Jones Smith Williams Taylor Davies Evans Thomas Roberts Patel Khan Ahmed Kowalski
        Nowak Okafor Mensah O'Brien McDonald Murphy Walsh Thompson Wright Robinson Clarke
        Hughes Edwards Lewis Hall Wilson Al-Hassan Begum Hussain Chaudhry Singh Kaur Wiśniewski
        Adeyemi Osei MacLeod Fitzgerald Henderson Doyle Gallagher Parry Pritchard Morgan"""
    ),
    word_first=_t("Rose Grace Mark Will Hope Frank Summer Holly Dawn Faith"),
    word_last=_t("Baker Green White Wood Hill Bird Rich Hope Cook Little"),
    streets=_t("Oak Birch Station Church Victoria Mill Park Albert Chapel Queens"),
    towns=_t("Runcorn Widnes Halton Frodsham Hale Ditton"),
    houses=("Rose Cottage", "Ivy House", "The Old Forge", "Meadow View", "Orchard Lodge"),
    domains=("gmail.com", "hotmail.co.uk", "btinternet.com", "yahoo.co.uk", "outlook.com"),
    outward=_t("WA7 WA8 L24 CH65 M1 B33 SW1A EC1A W1A CR2 DN55 L1"),
    networks=("facebook.com", "twitter.com", "instagram.com"),
)

HELD_OUT = Pool(
    first=_t(
        """Dafydd Rachel Ibrahim Hannah Krzysztof Yasmin Ciaran Niamh Owen Lucy Tariq Shauna
        Sanjay Deborah Lee Wei Adebayo Folasade Ryan Kirsty Paul Janet Bogdan Ioana Abdul
        Mariam Sean Gemma Craig Nicola Vikram Anjali Gordon Morag Tyler Kayleigh Ifeoma Emeka
        Lewis Zoe Arjun Shabnam Ross Fiona Mehmet Elif Stephen Carol"""
    ),
    last=_t(
        """Griffiths Price Owen Morris Rees Jenkins Ali Rahman Mahmood Lewandowski Kaminski
        Nwosu Boateng Kelly Byrne McKenzie Stewart Campbell Anderson Mitchell Scott Turner
        Phillips Harris Baxter Sharma Gupta Choudhury Li Zhang Popescu Yilmaz Ogunleye Quinn
        O'Connor Fraser Sinclair Dunn Maguire Lloyd Vaughan Bowen Howells Ellis Fletcher"""
    ),
    word_first=_t("Joy Bill Drew Daisy Amber Crystal Sunny Pearl Heather Ray"),
    word_last=_t("Brown Field Fox Lamb Marsh Stone Shepherd Carpenter Young Short"),
    streets=_t("Elm Beech Market Bridge Greenway Castle Lime Windsor Nelson Marsh"),
    towns=_t("Warrington Ellesmere Northwich Helsby Speke Prescot"),
    houses=("Holly Bank", "Willow Farm", "The Laurels", "Brook House", "Fern Cottage"),
    domains=("icloud.com", "live.co.uk", "aol.com", "sky.com", "protonmail.com"),
    outward=_t("WA1 WA4 L36 CW9 M60 B1 SE1 N1C E14 G2 CF10 LS1 BT7"),
    networks=("x.com", "tiktok.com", "linkedin.com/in", "facebook.com"),
)
