"""Catalogue entries of the kiosk's grid ballot (one row per unit, like the paper 测评表): key -> (zh, en)."""

TEXTS: dict[str, tuple[str, str]] = {
    # the grid's columns
    "grid.col.unit": ("单位", "Unit"),
    "grid.col.secretary": ("书记", "Secretary"),
    "grid.col.dimensions": ("五力", "5 strengths"),
    "grid.col.comment": ("意见", "Note"),
    # the bar above the grid
    "grid.progress": ("已评 {done}/{total} 个单位", "{done} of {total} units rated"),
    "grid.tally": ("{levels} {count} / 上限 {limit}", "{levels} {count} / limit {limit}"),
    "grid.contrast_on": ("高对比度", "High contrast"),
    "grid.dims_required": ("五力分项必填", "5 strengths required"),
    "grid.dims_optional": ("五力分项选填（d 展开）", "5 strengths optional (d opens)"),
    # what a key did, or why it did nothing
    "grid.refused": (
        "不能再评“{levels}”：已有 {count} 个单位评为“{levels}”，上限 {limit} 个（{rule}）。本行未改动；如需评此等次，请先把别的单位改低。",
        "Cannot give “{levels}” again: {count} units already have it, the limit is {limit} ({rule}). This row is unchanged; lower another unit first.",
    ),
    "grid.early_flag": (
        "注意：{rule}（已评的 {count} 个单位目前都相同）",
        "Note: {rule} (the {count} units rated so far all agree)",
    ),
    "grid.missing": (
        "还不能投出：还有 {count} 项未答，例如 {first}。",
        "Not ready to seal: {count} answers are missing, for example {first}.",
    ),
    # key descriptions (footer)
    "grid.key.rate": ("评定并下移", "Rate, move down"),
    "grid.key.dimensions": ("五力", "5 strengths"),
    "grid.key.comment": ("意见", "Comment"),
    "grid.key.contrast": ("高对比度", "High contrast"),
    "grid.key.review": ("检查并投出", "Review & seal"),
    "grid.key.jump": ("单位列表", "Unit list"),
    # the comment box
    "grid.comment.title": (
        "对“{unit}”的意见建议（选填，回车保存，Esc 取消）",
        "Comment on “{unit}” (optional; Enter saves, Esc cancels)",
    ),
    # the instructions screen in grid mode
    "grid.instructions.units": (
        "测评表列出全部 {count} 个单位，每行一个，像纸质测评表一样逐行评定。",
        "The ballot lists all {count} units, one per row, like the paper ballot: rate row by row.",
    ),
    "grid.instructions.keys": (
        "按数字键评定当前行，随即自动移到下一行；↑↓ 移动，PgUp/PgDn 翻页，Home 或 [ 到首行，End 或 ] 到末行，j 打开单位列表，也可以用鼠标点格子评定。Delete 清除当前行。每一项都会立即自动保存。",
        "A number key rates the current row and moves to the next; ↑↓ move, PgUp/PgDn page, Home or [ first row, End or ] last row, j the unit list; a mouse click on a cell rates it too. Delete clears the row. Every answer is saved at once.",
    ),
    "grid.instructions.quota": (
        "本票评为“{levels}”的单位最多 {limit} 个：超过时该键不起作用，屏幕上方会说明原因。",
        "At most {limit} units may be rated “{levels}” on one ballot: beyond that the key does nothing and the top of the screen says why.",
    ),
    "grid.instructions.dims_optional": (
        "五力分项选填：按 d 展开或收起当前单位的五项分项评价；不填也可以投出。",
        "The five strengths are optional: d opens or closes the current unit's five ratings; the ballot seals without them.",
    ),
    "grid.instructions.dims_required": (
        "五力分项必填：每个单位下面的五行都要评定后才能投出。",
        "The five strengths are required: every unit's five rows must be rated before sealing.",
    ),
    "grid.instructions.extras": (
        "c 填写当前单位的意见建议（选填），h 切换高对比度显示，r 检查全票并投出。",
        "c writes a comment on the current unit (optional), h switches high contrast, r reviews the ballot and seals.",
    ),
    "grid.instructions.extras_no_comment": (
        "h 切换高对比度显示，r 检查全票并投出。",
        "h switches high contrast, r reviews the ballot and seals.",
    ),
}
