"""One count everywhere: per form, valid and invalid, in verify, the close receipt, the 通报 and consolidate."""

from __future__ import annotations

from click.testing import CliRunner

from exports.counts import ballot_counts, count_lines
from exports.report import render_report
from exports.results import campaign_results
from tests.exports.export_fixtures import Campaign
from tui.cli import cli
from tui.i18n import t

REVIEW_LINE = "党组织书记抓基层党建工作述职评议测评表：收回 9 张，其中有效 8 张、无效 1 张。"


def test_counts_per_form_split_valid_and_invalid(campaign: Campaign) -> None:
    counts = {count.form_id: count for count in ballot_counts(campaign.store)}
    assert (
        counts["review_ballot"].sealed,
        counts["review_ballot"].valid,
        counts["review_ballot"].invalid,
    ) == (9, 8, 1)
    assert (counts["brand_vote"].sealed, counts["brand_vote"].invalid) == (9, 0)
    # the minutes' count is every sealed ballot of every form: 9 + 9
    assert campaign.store.meeting.closings()[-1].count == sum(count.sealed for count in counts.values()) == 18
    assert count_lines(ballot_counts(campaign.store), t, "zh")[0] == REVIEW_LINE


def test_verify_the_close_receipt_and_the_notice_give_the_same_lines(campaign: Campaign) -> None:
    from tui.meeting.backend import MeetingBackend

    done = CliRunner().invoke(cli, ["--data", str(campaign.data_dir), "verify"], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    assert REVIEW_LINE in done.output
    notice = render_report(campaign_results(campaign.store), t, "zh")
    assert REVIEW_LINE in notice
    closing = campaign.store.meeting.closings()[-1]
    assert f"以上各表合计封存 {closing.count} 张" in notice  # the notice's total is the minutes' count
    backend = MeetingBackend.__new__(MeetingBackend)
    backend.campaign = campaign.store
    backend.lang = "zh"
    receipt = backend.last_closing()
    assert receipt is not None and REVIEW_LINE in receipt.lines


def test_consolidate_group_numbers_leave_invalid_ballots_out(campaign: Campaign) -> None:
    results = campaign_results(campaign.store)
    groups = {group.group_id: group for group in results.bias.groups}
    assert sum(group.ballots for group in groups.values()) == 8  # valid only
    assert sum(group.invalid for group in groups.values()) == 1
