"""Random but valid answers for any form, and `simulate_ballots`: sealing through the meeting's code path."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

from forms.errors import InputError
from forms.model import Form, Item
from forms.scoring import check_ballot

from .campaign import CampaignStore
from .records import CAMPAIGN_WIDE, AnswerValue

_REMARKS = ("工作扎实，成效明显", "建议进一步加强理论学习", "服务群众有亮点", "")


def random_value(form: Form, item: Item, rng: random.Random, choices: Sequence[str] = ()) -> AnswerValue:
    """A random answer that the form accepts for `item` (None for an optional text left empty)."""
    if item.type == "rating":
        scale = form.scale_of(item)
        codes = scale.codes if scale else ()
        # Weighted toward the middle levels, as real ballots are: few 好, fewer 差.
        weights = [1, 3, 2, 1][: len(codes)] + [1] * max(0, len(codes) - 4)
        return rng.choices(codes, weights=weights)[0] if codes else None
    if item.type == "score":
        low = item.min if item.min is not None else 0.0
        high = item.max if item.max is not None else 10.0
        step = item.step or 1.0
        steps = round((high - low) / step)
        value = low + step * rng.randint(steps // 2, steps) if steps > 0 else low
        return int(value) if float(value).is_integer() else round(value, 6)
    if item.type in ("check", "veto"):
        return item.type == "check" and rng.random() < 0.8
    if item.type == "choice":
        options = [choice.code for choice in item.choices] or list(choices)
        return rng.choice(options) if options else None
    if item.type == "multi":
        options = [choice.code for choice in item.choices] or list(choices)
        if not options:
            return None
        low = max(1, item.min_picks)
        high = min(len(options), item.max_picks or len(options))
        return sorted(rng.sample(options, rng.randint(low, max(low, high))))
    if item.type == "deduct":
        return 0
    if item.type == "text":
        text = rng.choice(_REMARKS)
        return text[: item.max_length] if item.max_length else text
    return None


def random_response(form: Form, rng: random.Random, choices: Sequence[str] = ()) -> dict[str, AnswerValue]:
    """Random answers to every item of a form (optional empty texts left out)."""
    answers: dict[str, AnswerValue] = {}
    for item in form.items():
        value = random_value(form, item, rng, choices if item.choices_from else ())
        if value is not None and value != "":
            answers[item.id] = value
    return answers


def random_ballot(
    form: Form, unit_ids: Sequence[str], rng: random.Random, choices: Sequence[str] = (), tries: int = 50
) -> dict[str, dict[str, AnswerValue]]:
    """A random ballot that the form's quotas and invalid rules accept (unit id -> answers)."""
    if form.scope == "vote":
        return {CAMPAIGN_WIDE: random_response(form, rng, choices)}
    ballot: dict[str, dict[str, AnswerValue]] = {}
    for _ in range(tries):
        ballot = {unit_id: random_response(form, rng, choices) for unit_id in unit_ids}
        if check_ballot(form, ballot).valid:
            return ballot
    return ballot


def simulate_ballots(
    campaign: CampaignStore, count: int, rng: random.Random, scope: str = "ballot"
) -> Iterator[str]:
    """Seal `count` random valid ballots the way the meeting screen does: take a fresh code (issuing
    one when none is left), autosave the answers unit by unit as a draft, then seal the one form the
    meeting runs with that code (`scope` "ballot": the review ballot, as `kaoping meeting`; "vote": the
    service-brand vote, as `kaoping meeting --vote brands`). Yields each ballot id once it is durable."""
    if not campaign.info.demo:
        # Random ballots in a real campaign would be counted as real ones, and simulate opens voting
        # without the passphrase: only the demo, whose passphrase is public anyway, allows it.
        raise InputError("trust.simulate_demo_only")
    if count < 1:
        raise InputError("store.simulate_count", count=count)
    form = next((form for form in campaign.forms() if form.scope == scope), None)
    if form is None:
        raise InputError("store.no_ballot_form")
    if campaign.meeting.voting_state() == "not_open":
        campaign.meeting.open_voting("simulate")
    units = [unit.id for unit in campaign.roster.meeting_units()]
    brands = [brand.id for brand in campaign.roster.brands()]
    groups = list(campaign.info.rater_groups)
    for _ in range(count):
        group = rng.choice(groups)
        code = campaign.codes.issue_codes(group, 1)[0]
        ballot = random_ballot(form, units, rng, brands)
        for unit_id, answers in ballot.items():
            campaign.ballots.save_answers(code, unit_id, answers)
        yield campaign.ballots.seal_ballot(code, form.id, ballot)


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m store.simulate DATA_DIR COUNT [SEED]`: seal ballots, one id per line once durable.

    The bare-bones child of the crash and concurrency tests (no click, no UI: it starts fast).
    """
    import sys
    from pathlib import Path

    from .core import open_store

    args = list(sys.argv[1:] if argv is None else argv)
    data_dir, count = Path(args[0]), int(args[1])
    rng = random.Random(int(args[2]) if len(args) > 2 else None)
    campaign = open_store(data_dir, lock_timeout=30.0).campaign()
    for ballot_id in simulate_ballots(campaign, count, rng):
        sys.stdout.write(ballot_id + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
