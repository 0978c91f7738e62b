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
    "selfyear.final_no_reopen": (
        "{unit} 的自评不能重新打开：本考核的结果已于 {day} 确认为最终结果并公布。",
        "The self-assessment of {unit} cannot be reopened: the results were finalised on {day}.",
    ),
    "selfyear.campaigns.final": ("，结果已公布（{day}）", ", results final ({day})"),
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
    "selfyear.results.quota_provisional": ("暂定，未按比例核减", "provisional, not cut by the quota"),
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
    "selfyear.board.late_mark": ("·逾期", " · late"),
    "selfyear.board.deadline": ("自评截止日期：{day}", "Self-assessment deadline: {day}"),
    "selfyear.board.late": ("；逾期未提交 {count} 份：{names}", "; {count} late: {names}"),
    "selfyear.board.no_deadline": (
        "未设自评截止日期（管理员：kaoping self-assess --deadline 年-月-日）",
        "No self-assessment deadline (admin: kaoping self-assess --deadline YYYY-MM-DD)",
    ),
    "selfyear.cli.opt.deadline": (
        "管理员：设定单位提交自评的截止日期（none 为取消）；联络组看板据此显示逾期单位",
        "Admin: the day units must submit by (none to clear); the liaison board shows who is late",
    ),
    "selfyear.cli.deadline_set": ("自评截止日期已设为 {day}。", "The self-assessment deadline is now {day}."),
    "selfyear.cli.deadline_off": ("已取消自评截止日期。", "The self-assessment deadline was cleared."),
    "selfyear.home.switch": ("切换考核活动", "Switch campaign"),
    "selfyear.home.pick": (
        "选择要处理的考核活动（回车确定，Esc 取消）：",
        "Pick the campaign to work on (Enter to choose, Esc to cancel):",
    ),
    "selfyear.home.campaign_line": ("{name}（{year}年度，编号 {id}）", "{name} ({year}, id {id})"),
    "selfyear.home.demo_mark": ("  [演示]", "  [demo]"),
    # ------------------------------------------------------------ the roster, documented
    "selfyear.roster.template_help": (
        "写出一份待填写的单位名单模板（.xlsx 或 .csv）：各列、示例行和每列的含义。",
        "Write a roster template to fill (.xlsx or .csv): the columns, example rows and what each column means.",
    ),
    "selfyear.roster.opt_output": (
        "模板文件，如 单位名单.xlsx 或 单位名单.csv",
        "The template file, e.g. roster.xlsx",
    ),
    "selfyear.roster.written": (
        "已写出单位名单模板 {path}（{examples} 行示例，填写前请删除示例行）。",
        "Wrote the roster template {path} ({examples} example rows: delete them before filling in).",
    ),
    "selfyear.roster.bad_format": (
        "不能写出 {path}：模板只能是 {formats} 文件。",
        "Cannot write {path}: the template is a {formats} file.",
    ),
    "selfyear.roster.no_xlsx": (
        "不能写出 {path}：本机未安装 openpyxl，请改用 .csv 模板（pip install openpyxl 后可写 .xlsx）。",
        "Cannot write {path}: openpyxl is not installed; use a .csv template (or pip install openpyxl).",
    ),
    "selfyear.roster.required": ("必填", "required"),
    "selfyear.roster.optional": ("选填", "optional"),
    "selfyear.roster.col": ("列", "Column"),
    "selfyear.roster.meaning": ("含义", "Meaning"),
    "selfyear.roster.how": (
        "填写说明：每行一个党组织；删除示例行；以 # 开头的行不会导入；在 Excel 中“另存为 CSV UTF-8”后用 "
        "kaoping units import 导入。",
        "How to fill: one Party organisation per row; delete the example rows; lines starting with # are not "
        "imported; in Excel save as “CSV UTF-8”, then run kaoping units import.",
    ),
    "selfyear.roster.col.id": (
        "单位的唯一编号，如 U01；党支部可写 U01-1。其他列的“上级”引用这里的编号。",
        "The unit's unique id, e.g. U01; a branch may be U01-1. The 上级 column refers to these ids.",
    ),
    "selfyear.roster.col.name": ("单位或党支部的名称，如 市委办公室。", "The unit's or branch's name."),
    "selfyear.roster.col.org_name": (
        "党组织的全称，如 中共市委办公室机关委员会。",
        "The Party organisation's full name.",
    ),
    "selfyear.roster.col.org_type": (
        "机关党委、机关党总支、党支部等。写“党支部”的组织（包括本身就是支部的直属单位）填写星级党支部评定自评表。",
        "机关党委, 机关党总支, 党支部...: organisations of type 党支部 (also directly affiliated ones) fill the "
        "branch star form.",
    ),
    "selfyear.roster.col.group": (
        "直属党组织所属的党建联络组，如 第一联络组；党支部可留空（随上级）。",
        "The liaison group of a directly affiliated organisation; a branch may leave it empty (its parent's).",
    ),
    "selfyear.roster.col.parent": (
        "党支部所属的直属党组织的编号（如 U01）；直属党组织留空。不填上级，机关党委、党总支就没有下属党支部。",
        "For a branch: the id of the organisation it belongs to (e.g. U01); empty for directly affiliated "
        "ones. Without it a 机关党委 or 党总支 has no branches.",
    ),
    "selfyear.roster.col.last_star": (
        "上年星级：一星至五星（或 1–5）；留空时从上一年度已确认的最终结果中沿用，填写的以此为准。",
        "Last year's star: 一星 to 五星 (or 1-5); when empty it comes from last year's finalised results; a "
        "value here wins.",
    ),
    "selfyear.roster.col.secretary": (
        "党组织书记姓名（仅作记录）。",
        "The secretary's name (for the record).",
    ),
    "selfyear.roster.columns_help": (
        "\b\n名单各列（第一行为列名）：\n"
        "  编号        必填，单位的唯一编号，如 U01；党支部如 U01-1\n"
        "  单位名称    必填\n"
        "  党组织名称  党组织全称\n"
        "  党组织类型  机关党委 / 机关党总支 / 党支部；党支部填写星级党支部自评表\n"
        "  所属联络组  直属党组织的党建联络组；党支部可留空\n"
        "  上级        党支部所属直属党组织的编号；不填则该组织没有下属党支部\n"
        "  上年星级    一星至五星；留空则沿用上年已确认的最终结果，填写的为准\n"
        "  书记        党组织书记姓名\n"
        "以 # 开头的行不导入。kaoping units template -o 单位名单.xlsx 写出带示例和说明的模板。",
        "\b\nRoster columns (first row = headers):\n"
        "  编号        required, the unit's unique id, e.g. U01; a branch e.g. U01-1\n"
        "  单位名称    required, the name\n"
        "  党组织名称  the Party organisation's full name\n"
        "  党组织类型  机关党委 / 机关党总支 / 党支部; a 党支部 fills the branch star form\n"
        "  所属联络组  the liaison group; a branch may leave it empty\n"
        "  上级        a branch's parent id; without it an organisation has no branches\n"
        "  上年星级    一星-五星; empty = from last year's finalised results; a value wins\n"
        "  书记        the secretary's name\n"
        "Lines starting with # are skipped. kaoping units template -o roster.xlsx writes a template.",
    ),
}
