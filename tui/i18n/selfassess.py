"""Catalogue entries of the selfassess area (self-assessment, liaison review, results): key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- shared keys and words
    "self.key.cancel": ("取消", "Cancel"),
    "self.key.yes": ("确定", "Yes"),
    "self.key.ok": ("确定", "OK"),
    "self.key.next_section": ("下一部分", "Next section"),
    "self.key.previous_section": ("上一部分", "Previous section"),
    "self.key.submit": ("提交", "Submit"),
    "self.yes": ("是", "Yes"),
    "self.no": ("否", "No"),
    "self.dialog.required": ("此项必须填写。", "This cannot be left empty."),
    "self.dialog.too_long": (
        "太长了：{length} 个字，最多 {limit} 个字。",
        "Too long: {length} characters, at most {limit}.",
    ),
    # ---------------------------------------------------------------- states
    "self.state.new": ("未开始", "Not started"),
    "self.state.draft": ("填写中", "In progress"),
    "self.state.submitted": ("已提交", "Submitted"),
    "self.state.reviewed": ("已审核", "Reviewed"),
    "self.state.returned": ("已退回", "Sent back"),
    # ---------------------------------------------------------------- sign in
    "self.app.subtitle": ("单位自评", "Self-assessment"),
    "self.signin.title": ("单位自评 · 登录", "Self-assessment · sign in"),
    "self.signin.prompt": ("请输入本单位的单位码，按回车：", "Type your unit's code and press Enter:"),
    "self.signin.prompt_for": (
        "请输入单位 {unit} 的单位码，按回车：",
        "Type the code of unit {unit} and press Enter:",
    ),
    "self.signin.empty": ("请先输入单位码。", "Please type the code first."),
    "self.signin.unknown_code": (
        "单位码不正确：请核对发放的单位码（不区分大小写）后重新输入。",
        "That code is not right: check the code you were given (case does not matter) and type it again.",
    ),
    "self.signin.other_unit": (
        "这是另一个单位的单位码，不能用于单位 {unit}。",
        "That code belongs to another unit; it cannot sign in as unit {unit}.",
    ),
    "self.signin.no_forms": (
        "本次考核没有需要“{unit}”填写的自评表。",
        "This campaign has no self-assessment form for “{unit}”.",
    ),
    "self.forms.heading": ("{unit}：请选择要填写的自评表", "{unit}: choose the form to fill in"),
    # ---------------------------------------------------------------- fill in
    "self.item.range": ("{low}–{high}分", "{low}–{high} points"),
    "self.item.deduct_each": ("次数，每次扣{points}分", "count, {points} points off each"),
    "self.item.deduct_points": ("扣分数", "points off"),
    "self.item.yes_no": ("是/否", "yes/no"),
    "self.item.max_chars": ("最多{limit}字", "at most {limit} characters"),
    "self.item.pick": ("请选择", "Choose"),
    "self.item.note_placeholder": ("情况说明 / 佐证材料", "Note / evidence"),
    "self.item.not_number": (
        "“{text}”不是数字：请输入分数，如 5 或 4.5。",
        "“{text}” is not a number: type a score such as 5 or 4.5.",
    ),
    "self.item.not_count": (
        "“{text}”不是次数：请输入 0 或正整数。",
        "“{text}” is not a count: type 0 or a whole number.",
    ),
    "self.item.note_required": (
        "未得满分：请在说明栏填写原因或佐证材料，填写后本项才会保存。",
        "Below full marks: write the reason or the evidence in the note; the item is saved once it has one.",
    ),
    "self.item.note_too_long": (
        "说明太长：{length} 个字，最多 {limit} 个字。",
        "The note is too long: {length} characters, at most {limit}.",
    ),
    "self.item.unknown": ("表中没有项目 {item}。", "The form has no item {item}."),
    "self.read_only": (
        "已提交，只读：如需修改请联系管理员退回重填。",
        "Submitted and read-only: ask the admin to reopen it to change anything.",
    ),
    "self.criteria.title": ("评分标准", "Scoring criteria"),
    "self.criteria.none": ("（本项没有单独的评分标准）", "(no separate criteria for this item)"),
    "self.banner.returned": ("联络组退回修改：{note}", "Sent back by the liaison group: {note}"),
    "self.banner.read_only": ("{state}：本表只读。", "{state}: this form is read-only."),
    "self.totals.total": ("合计 {total}/{max}", "Total {total}/{max}"),
    "self.totals.star": ("可评 {star}", "Would give {star}"),
    "self.totals.deductions": ("减分 {points}", "Deductions {points}"),
    "self.totals.open": ("待完成 {count} 项", "{count} open"),
    "self.totals.saved": ("已自动保存", "Saved"),
    "self.totals.unsaved": ("未保存！", "NOT saved!"),
    "self.totals.vetoes": ("触发否决项：{items}", "Veto items hit: {items}"),
    "self.save_failed": ("保存失败", "Saving failed"),
    "self.submit.title": ("提交", "Submit"),
    "self.submit.confirm": (
        "提交后本表只读，单位不能再修改。\n合计 {total}/{max}，可评 {star}。\n确定提交吗？",
        "After submitting, the form is read-only for your unit.\nTotal {total}/{max}, would give {star}.\nSubmit now?",
    ),
    "self.submit.incomplete": (
        "还有 {count} 项未完成（必答项或须填写说明的项），已跳到第一项。",
        "{count} items are still open (required answers or notes); the first one is shown.",
    ),
    "self.submit.done": ("已提交，等待联络组审核。", "Submitted; the liaison group will review it."),
    # ---------------------------------------------------------------- results chart
    "results.star.0": ("无星级", "No star"),
    "results.star.none": ("无星级", "No star"),
    "results.star.1": ("一星", "1 star"),
    "results.star.2": ("二星", "2 stars"),
    "results.star.3": ("三星", "3 stars"),
    "results.star.4": ("四星", "4 stars"),
    "results.star.5": ("五星", "5 stars"),
    "results.chart.this_year": ("今年", "This year"),
    "results.chart.last_year": ("去年", "Last year"),
}
