"""Tuning pairs for given names that are also words (2026-12-03): each name once where the
words around it say a person stands there, once as the ordinary word it also is. Written in
the hand-written set's markup (``bench.redaction_blind.parse_line``) and added to the tuning
part of the labelled set; the blind sets hold none of them."""

from __future__ import annotations

from typing import Any

from bench.redaction_blind import parse_line

__all__ = ("WORD_NAME_LINES", "build_word_names")

# One contact a line: each name where a person stands, then the same word as a word
_PAIRS_TEXT = r"""
I spoke to [[Grace]] about the bins last week.
The <<Grace>> period for my payment has ended.
I talked to [[Faith]] at the front desk.
<<Faith>> groups use the hall on Sundays.
Please ask for [[Rose]] when you ring.
My <<rose>> bed was dug up by the contractors.
[[Summer]] from the library helped me fill it in.
The <<Summer>> holiday club is closed.
Ring [[Amber]] on [[phone:07700 900521]] about the keys.
There is an <<Amber>> warning for rain again.
Can you call [[Will]] back about the boiler?
<<Will>> someone please come and look at it?
[[Hope]] said the repair was booked.
I <<hope>> you can help with this.
Please email [[Mark]] the form.
I'd like to <<mark>> this as urgent.
[[Jade]] from the council came round.
Someone left a <<Jade>> plant by the bins.
[[Rose]] (my wife) cannot manage the steps.
<<Rose>> bushes were planted on the verge.
[[Summer]], my daughter, was nearly hit by a van.
<<Summer>> is the worst time for the flies.
My daughter [[Amber]] uses a wheelchair.
The lights stay on <<amber>> for ages.
[[Grace]] my daughter will drop the form in.
<<Grace>> Road is flooded again.
[[Hope]] loved the new play park.
<<Hope>> this helps, the drain is blocked.
[[Faith]] rang twice and nobody called back.
I have lost <<faith>> in the repairs team.
[[Mark]] told me to write to you.
<<Mark>> this urgent please, the ceiling is leaking.
[[Nurse Grace]] visits my mum every morning.
The <<nurse>> visits my mum every morning.
[[Cllr Rose Hartley]] agreed to look into it.
The <<rose>> garden needs weeding.
[[Sgt Will Parry]] attended the incident.
<<Will>> the bins be collected on Monday?
[[Professor Mark Ellison]] lives at the end.
Please <<mark>> the bay for disabled parking.
Kind regards,\n[[G. Henderson]]
<<Grace>> and favour homes are not ours.
Thanks\n[[J Smith]]
<<Jade>> green paint on the railings is peeling.
Thank [[Amber]] for me, she was very kind.
Thank you, the <<amber>> light is fixed.
[[Rev Hope Adeyemi]] runs the food bank.
We <<hope>> the food bank can stay open.
Please pass this to [[Amber]], my neighbour.
An <<Amber>> weather warning is out for tonight.
"""
WORD_NAME_LINES = tuple(line for line in _PAIRS_TEXT.splitlines() if line)


def build_word_names() -> list[dict[str, Any]]:
    """The pairs as tuning contacts."""
    return [
        {"id": f"tuning3-{index:04d}", "split": "tuning", "blind": False, "case": "as is",
         **parse_line(line)}
        for index, line in enumerate(WORD_NAME_LINES)
    ]  # fmt: skip
