"""Texts of the self-assessment year: unfinished answers, result states, finalising, the roster template."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "selfyear.typed_too_long": (
        "输入过长（{length} 个字符），请精简后再填。",
        "The entry is too long ({length} characters); please shorten it.",
    ),
    "selfyear.typed_left": (
        "还有 {count} 个条目的输入无效（第一个：{item}），请改正后再提交。",
        "{count} items hold an entry that is not valid (first: {item}); correct them before submitting.",
    ),
    "selfyear.typed_invalid": ("“{text}”不是本项可填的值。", "“{text}” is not a value this item takes."),
    "selfyear.open.missing": ("必答，尚未作答", "required, not answered yet"),
    "selfyear.saving": ("保存中…", "Saving…"),
    "selfyear.leave_unfinished": (
        "有 {count} 项已保存但尚未完成（△ 标记处），提交前请补充。",
        "{count} items are saved but unfinished (marked △); complete them before submitting.",
    ),
    "selfyear.open.line": ("· {item}：{reason}", "· {item}: {reason}"),
    "selfyear.open.more": ("……另有 {count} 项", "… and {count} more"),
    # ------------------------------------------------------------ results state and finalising
    "selfyear.state.in_progress": ("进行中", "in progress"),
    "selfyear.state.verified": ("已核定", "verified"),
    "selfyear.state.published": ("已公布", "published"),
    "selfyear.state.line": ("结果状态：{state}", "Results: {state}"),
    "selfyear.state.missing": ("尚缺：{missing}", "Still missing: {missing}"),
    "selfyear.missing.voting_not_open": (
        "述职评议投票尚未开始",
        "the review meeting's voting has not opened",
    ),
    "selfyear.missing.voting_open": ("述职评议投票尚未结束", "the review meeting's voting is still open"),
    "selfyear.missing.submitted": (
        "{count} 份自评待联络组审核（{names}）",
        "{count} self-assessments await the liaison group's review ({names})",
    ),
    "selfyear.missing.returned": (
        "{count} 份自评已退回修改（{names}）",
        "{count} self-assessments were sent back for changes ({names})",
    ),
    "selfyear.missing.draft": (
        "{count} 份自评仍在填写（{names}）",
        "{count} self-assessments are still being filled in ({names})",
    ),
    "selfyear.missing.unrated": (
        "{count} 个参评组织尚无结果（{names}）",
        "{count} organisations to be rated have no result ({names})",
    ),
    "selfyear.missing.finalize": ("管理员尚未确认最终结果", "the admin has not finalised the results"),
    "selfyear.already_final": (
        "考核“{campaign}”的结果已经确认为最终结果，不能再次确认。",
        "The results of “{campaign}” are already final.",
    ),
    "selfyear.finalize_blocked": (
        "考核“{campaign}”的结果还不能确认为最终结果：{missing}。请先完成这些步骤再执行 results finalize。",
        "The results of “{campaign}” cannot be finalised yet: {missing}. Finish these, then run results finalize.",
    ),
    "selfyear.not_final": (
        "考核“{campaign}”（{id}）的结果尚未确认为最终结果（{missing}），不能作为上年星级的来源："
        "请先在该考核中执行 results finalize，或用 --last-stars-from none 不沿用。",
        "The results of “{campaign}” ({id}) are not final ({missing}), so they cannot give last year's stars: "
        "run results finalize in that campaign first, or use --last-stars-from none.",
    ),
    "selfyear.cli.status": (
        "结果状态（进行中 / 已核定 / 已公布）和尚缺的步骤。",
        "The results' state (in progress / verified / published) and what is still missing.",
    ),
    "selfyear.cli.finalize": (
        "确认最终结果（公布）：须投票已结束、全部自评已审核；之后下一年度的上年星级只取自这里。",
        "Finalise the results (publish): voting closed and every self-assessment reviewed; next year's "
        "last-year stars come only from finalised results.",
    ),
    "selfyear.opt.passphrase": (
        "管理口令（不给出时会询问）",
        "The admin passphrase (asked for when not given)",
    ),
    "selfyear.final.done": (
        "考核“{name}”的结果已确认为最终结果：{count} 个组织有正式星级。",
        "The results of “{name}” are final: {count} organisations have an official star.",
    ),
    "selfyear.final.unrated": ("注意：{missing}，按无结果记录。", "Note: {missing}; recorded as unrated."),
    "selfyear.final.when": (
        "{day} 确认为最终结果（{count} 个组织有正式星级）。",
        "Finalised on {day} ({count} organisations with an official star).",
    ),
    "selfyear.col.result_state": ("结果状态", "Results state"),
    "selfyear.state.in_progress_provisional": (
        "进行中（暂定，未按五星比例核减）",
        "in progress (provisional, not cut by the five-star quota)",
    ),
    "selfyear.state.verified_provisional": ("已核定", "verified"),
    "selfyear.state.published_provisional": ("已公布", "published"),
    "selfyear.star.0": ("无星级", "no star"),
    "selfyear.star.1": ("一星", "one star"),
    "selfyear.star.2": ("二星", "two stars"),
    "selfyear.star.3": ("三星", "three stars"),
    "selfyear.star.4": ("四星", "four stars"),
    "selfyear.star.5": ("五星", "five stars"),
    "selfyear.report.provisional": (
        "评定尚在进行：以上星级为暂定，未按五星比例核减；五星名额按全部 {total} 个参评组织计为 {allowed} 个，"
        "全部审核并确认最终结果后核定。",
        "Rating is under way: these stars are provisional and not cut by the five-star quota; the quota, over "
        "all {total} organisations to be rated, is {allowed}, applied once everything is reviewed and final.",
    ),
    "selfyear.report.no_result": (
        "另有 {count} 个单位尚无结果（{names}），未列入上表。",
        "{count} more units have no result yet ({names}) and are not in the table.",
    ),
    "selfyear.report.stars_intro_first": (
        "五星级 {five} 个（上限 {allowed} 个）；没有上年星级可比。",
        "{five} five-star units (at most {allowed}); there are no stars of last year to compare with.",
    ),
    "selfyear.report.branch_intro_first": (
        "共评定党支部 {rated} 个：{counts}（五星上限 {allowed} 个）；没有上年星级可比。",
        "{rated} branches were rated: {counts} (at most {allowed} five-star); there are no stars of last year "
        "to compare with.",
    ),
    "selfyear.report.branch_orgs": (
        "其中 {count} 个组织本身是党支部：其星级以星级党支部评定为准（与党支部星级一致），不再按综合成绩另定星级。",
        "{count} of these organisations are themselves branches: their star is their branch star rating (the "
        "same on the branch list), not a second star from the composite.",
    ),
    "selfyear.chart.no_last_year": ("（没有上年星级，不作比较）", "(no stars of last year to compare with)"),
    "selfyear.chart.same_set": (
        "今年与去年都只计今年已评定的 {rated} 个组织",
        "Both years count only the {rated} organisations rated this year",
    ),
    "selfyear.chart.no_last": (
        "，其中 {count} 个没有上年星级（新评）",
        ", {count} of them without a star last year (new)",
    ),
    "selfyear.chart.unrated": (
        "；另有 {count} 个尚未评定，未计入。",
        "; {count} more are not rated yet and not counted.",
    ),
    "selfyear.results.provisional": (
        "评定尚在进行：星级为暂定，未按五星比例核减（五星名额按全部 {total} 个计为 {allowed} 个，确认最终结果时核定）。",
        "Rating is under way: stars are provisional, not cut by the quota ({allowed} five-star places over all "
        "{total}, applied when the results are finalised).",
    ),
    "selfyear.results.branch_orgs": (
        "带 * 的组织本身是党支部：星级以星级党支部评定为准，与党支部页一致。",
        "Organisations marked * are themselves branches: their star is their branch rating, as on the branch tab.",
    ),
    "selfyear.day_outside_year": (
        "日期 {day} 不在本次考核的年度（{year} 年）内：请填写 {year} 年的日期，其他年度的督导记录不计入本年度。",
        "The date {day} is outside the campaign's year ({year}): give a date in {year}; visits of other years "
        "do not count in this one.",
    ),
    "selfyear.actor.admin": ("管理员", "the admin"),
    "selfyear.history.note": ("（{note}）", " ({note})"),
    "selfyear.review.summary_no_star": (
        "{state} · 自评 {own} · 核定 {verified} · 调整 {adjustments} 处",
        "{state} · own {own} · verified {verified} · {adjustments} adjustments",
    ),
    "selfyear.submit.confirm_no_star": (
        "提交后本表只读，单位不能再修改。\n合计 {total}/{max}。\n确定提交吗？",
        "After submitting, the form is read-only for your unit.\nTotal {total}/{max}.\nSubmit now?",
    ),
    "selfyear.banner.reopened": (
        "{actor}于 {day} 重新打开本表，原因：{reason}",
        "Reopened by {actor} on {day}: {reason}",
    ),
    "selfyear.banner.adjusted": (
        "联络组核定调整了 {count} 项：",
        "The liaison group adjusted {count} items:",
    ),
    "selfyear.banner.adjustment": (
        "· {item}：自评 {original} → 核定 {value}，理由：{reason}（{group}）",
        "· {item}: own {original} → verified {value}, reason: {reason} ({group})",
    ),
}
