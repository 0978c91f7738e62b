"""Texts of the results area (issue 11): ties, the 十佳 run-off, the 五力, counts, office files."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "results.opt.format": (
        "文件格式：csv（机器接口，默认）或 xlsx（Excel/WPS 直接打开，数字为数字、编号为文本）；输出文件以 .xlsx 结尾时默认 xlsx。",
        "File format: csv (the machine interface, default) or xlsx (opens in Excel/WPS with numbers as numbers "
        "and codes as text); xlsx by default when the output ends in .xlsx.",
    ),
    "results.opt.drop_units": (
        "名单中去掉、但已有督导记录、自评或测评票的单位编号（逗号分隔）：明确同意去掉它们时才填写。",
        "Ids (comma-separated) of units left out of the new roster although they have visits, self-assessments "
        "or ballots: give them only to drop those units on purpose.",
    ),
    "results.import.zeros_restored": (
        "{count} 个纯数字编号被电子表格去掉了前导零，已按现有名单补回（如 40 → 040）。",
        "{count} all-digit codes had lost their leading zeros in a spreadsheet and were matched to the stored "
        "codes (e.g. 40 -> 040).",
    ),
    "results.import.orphan": (
        "单位 {id}（{name}）不在新名单中，但已有{kinds}",
        "unit {id} ({name}) is not in the new roster but has {kinds}",
    ),
    "results.import.data.visits": ("督导记录", "supervision visits"),
    "results.import.data.self": ("自评", "self-assessments"),
    "results.import.data.ballots": ("测评票", "ballots"),
    "results.import.orphans_refused": (
        "{file}：新名单会使 {count} 个单位的数据失去归属，未导入任何内容；若确要去掉它们，请加 --drop-units {ids}。",
        "{file}: the new roster would orphan the data of {count} units; nothing was imported. To drop them on "
        "purpose, add --drop-units {ids}.",
    ),
    "results.import.backup": (
        "替换前的名单已备份：{path}（可用 kaoping restore 恢复）。",
        "The roster before the import is backed up in {path} (kaoping restore brings it back).",
    ),
    "results.import.bad_yes_no": (
        "“{value}”不是是/否答案；可用：{allowed}",
        '"{value}" is not a yes/no answer; allowed: {allowed}',
    ),
    "results.import.formula": (
        "单元格是公式（{value}），请改为数值或文本后再导入",
        "the cell is a formula ({value}); replace it by its value or text and import again",
    ),
    "results.import.bad_xlsx": (
        "{file} 不是可读取的 xlsx 工作簿（{detail}），请用 Excel 或 WPS 另存为 .xlsx 后再试。",
        "{file} is not a readable xlsx workbook ({detail}); save it as .xlsx from Excel or WPS and try again.",
    ),
    "results.import.no_openpyxl": (
        "读取 {file} 需要 openpyxl，请安装：pip install openpyxl。",
        "Reading {file} needs openpyxl: pip install openpyxl.",
    ),
    "results.report.form_count": (
        "{form}：收回 {sealed} 张，其中有效 {valid} 张、无效 {invalid} 张。",
        "{form}: {sealed} sealed, {valid} valid and {invalid} invalid.",
    ),
    "results.report.sources": (
        "参评单位 {units} 个：有有效测评票的 {reviewed} 个，自评经核定的 {verified} 个，有日常督导记录的 {visited} 个。",
        "{units} units: {reviewed} with valid ballots, {verified} with a verified self-assessment, {visited} "
        "with supervision visits.",
    ),
    "results.report.trim.per_group": (
        "计分：各类评议人分别计算平均分，某类有效评价超过规定数时去掉一个最高分和一个最低分，再按权重合成。",
        "Scoring: each rater group is averaged separately, dropping one highest and one lowest rating where the "
        "group has more than the set number, then the groups are weighted.",
    ),
    "results.report.trim.overall": (
        "计分：有效评价超过规定数时，先去掉该单位的一个最高分和一个最低分，再分类计算并按权重合成。",
        "Scoring: with more than the set number of valid ratings, the unit's one highest and one lowest are "
        "dropped, then the groups are averaged and weighted.",
    ),
    "results.report.trim.none": (
        "计分：不去极值，各类评议人平均分按权重合成。",
        "Scoring: no rating is dropped; the groups' means are weighted.",
    ),
    "results.report.tie_rule": (
        "并列规则：得分相同者名次、等次、星级相同；名额限制处并列时依次按好等次率、好和较好票数确定，仍并列的如实列出，由考核组织决定。",
        "Ties: equal scores share rank, grade and star; at a quota a tie is broken by the good rate, then the "
        "count of good and fairly good; a tie that remains is listed for the committee to decide.",
    ),
    "results.report.no_ballot_warning": (
        "注意：{count} 个单位没有有效测评票，其等次仅依据自评和日常督导评定：{units}。",
        "Note: {count} units have no valid ballot; their grade rests on self-assessment and supervision only: "
        "{units}.",
    ),
    "results.report.grade_tie": (
        "“{grade}”等次名额处并列、经好等次率和好和较好票数仍无法区分：{units}（并列，超出限额 {over} 个），请考核组织研究决定。",
        'At the quota of "{grade}" these units remain tied after the good rate and the count of good and fairly '
        "good: {units} (tied, {over} over the quota); the committee decides.",
    ),
    "results.report.brand_tie": (
        "已确定 {decided} 个；另有 {count} 个品牌以 {votes} 票并列，争夺剩余 {left} 个名额，需加票决定：{brands}。",
        "{decided} decided; {count} brands are tied at {votes} votes for the {left} places left and a run-off "
        "decides: {brands}.",
    ),
    "results.report.section.dimensions": ("“五力”评价", "The five strengths"),
    "results.report.dimensions_intro": (
        "以下为各单位“五力”各项平均分（好 100、较好 80、一般 60、差 40），用于反映优势和短板，不计入得分。",
        "Each unit's mean on the five strengths (good 100, fairly good 80, average 60, poor 40): they show "
        "strengths and weak points and do not count in the score.",
    ),
    "results.report.no_dimensions": ("本次测评未评价“五力”。", "The five strengths were not rated."),
    "results.report.col.strongest": ("强项", "Strongest"),
    "results.report.col.weakest": ("弱项", "Weakest"),
    "results.report.no_branch_stars": (
        "本年度尚无评定星级的党支部；按考核规则，不对党组织评定星级。",
        "No branch has been rated this year; under the rules, organisations are not given stars.",
    ),
    "results.col.five": ("五力", "Five strengths"),
    "results.col.grade": ("等次", "Grade"),
    "results.tie.short": ("并列，超出限额 {over} 个", "tied, {over} over the quota"),
    "results.tie.grade": (
        "“{grade}”名额处并列，经好等次率、好和较好票数仍无法区分：{units}（超出限额 {over} 个），请研究决定。",
        'Tied at the "{grade}" quota after the good rate and the count of good and fairly good: {units} '
        "({over} over the quota); the committee decides.",
    ),
    "results.tie.brands": (
        "十佳第十名并列，需加票决定（剩余 {left} 个名额）：{brands}",
        "Tied at the tenth place of the top ten: a run-off decides the {left} places left: {brands}",
    ),
    "results.five.legend": (
        "五力柱形（{names}）：绿色为强项，红色为弱项，不计入得分。",
        "Five strengths ({names}): green the strongest, red the weakest; they do not count in the score.",
    ),
    "results.opt.runoff": (
        "十佳加票：只列出第十名并列的品牌，每票最多选剩余名额数（需 --vote brands）。",
        "The top-ten run-off: only the brands tied at the tenth place, at most the places left per ballot "
        "(with --vote brands).",
    ),
    "results.opt.round": (
        "加票轮次（默认 1；再次并列时用 2、3……）",
        "The run-off round (1 by default; 2, 3... if tied again)",
    ),
    "results.runoff.name": (
        "{name}·第 {round} 轮加票（剩余 {places} 个名额）",
        "{name}: run-off round {round} ({places} places left)",
    ),
    "results.runoff.none": (
        "第 {round} 轮加票前没有并列需决定的品牌：十佳已确定。",
        "Nothing is tied before run-off round {round}: the top ten are decided.",
    ),
    "results.runoff.old_form": (
        "本次考核锁定的评选票“{form}”不支持加票，请在新考核中使用内置评选票。",
        'The vote form "{form}" pinned by this campaign has no run-off round; use the built-in form in a new '
        "campaign.",
    ),
    "results.runoff.needs_vote": ("加票需与 --vote brands 一起使用。", "--runoff needs --vote brands."),
    "results.rules.trim.per_group": ("去极值：在每类评议人内分别进行", "Trimming: within each rater group"),
    "results.rules.trim.overall": (
        "去极值：对单位的全部有效评价进行",
        "Trimming: over all of a unit's valid ratings",
    ),
    "results.rules.trim.none": ("去极值：不进行", "Trimming: none"),
    "results.rules.ties": (
        "并列：同分同名次、同等次、同星级；名额处依次按 {breaks} 区分，仍并列的如实报告",
        "Ties: equal scores share rank, grade and star; at a quota broken by {breaks}; a remaining tie is reported",
    ),
    "results.rules.tie_break.good_rate": ("好等次率", "good rate"),
    "results.rules.tie_break.good_and_fairly_good": ("好和较好票数", "count of good and fairly good"),
    "results.report.form_total": (
        "以上各表合计封存 {total} 张，即投票结束时记入会议记录的票数。",
        "{total} sealed ballots of all forms together: the count written into the minutes at closing.",
    ),
    "results.runoff.not_closed": (
        "加票只能在评选投票结束并计票之后进行：请先结束投票，再为加票重新开启投票。",
        "A run-off comes after the vote is closed and counted: close voting first, then open it again for the "
        "run-off.",
    ),
}
