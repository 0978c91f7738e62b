"""The 十佳 places by the tie rule: who is in, and which tied brands a run-off (加票) decides."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from forms.scoring.ties import cut_at_quota

TOP_PLACES = 10
"""The 十佳: ten places."""


@dataclass(frozen=True)
class TopPlaces:
    """The decided winners, and, when the last places are tied, the brands of the run-off and how many
    places it fills (`places_left`). `decided` holds every winner once the run-off settled the tie."""

    decided: tuple[str, ...]
    runoff: tuple[str, ...] = ()
    places_left: int = 0

    @property
    def needs_runoff(self) -> bool:
        """True while a tie at the last place is undecided ("需加票决定")."""
        return bool(self.runoff)


def top_places(
    votes: Mapping[str, int],
    places: int = TOP_PLACES,
    runoffs: Sequence[Mapping[str, int]] = (),
) -> TopPlaces:
    """The top `places` brands by votes; brands without a vote never win a place.

    Equal votes share a place; when brands tied on votes straddle the last place, the run-offs' votes
    (`runoffs`, one count per round, each held among the brands still tied) break the tie, round by
    round; a tie that survives them too (or with no run-off yet) is returned as `runoff` with the
    `places_left`, never cut at random.
    """
    voted = {brand: float(count) for brand, count in votes.items() if count > 0}
    keys = {brand: tuple(float(rounds.get(brand, 0)) for rounds in runoffs) for brand in voted}
    cut = cut_at_quota(voted, places, keys)
    if not cut.tied:
        return TopPlaces(_by_votes(cut.kept, votes))
    sure = tuple(brand for brand in cut.kept if brand not in cut.tied)
    return TopPlaces(_by_votes(sure, votes), cut.tied, places - len(sure))


def _by_votes(brands: tuple[str, ...], votes: Mapping[str, int]) -> tuple[str, ...]:
    return tuple(sorted(brands, key=lambda brand: (-votes.get(brand, 0), brand)))
