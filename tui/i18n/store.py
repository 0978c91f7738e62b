"""Catalogue entries of the store area: key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # --- errors raised by store/
    "store.corrupt": (
        "数据文件 {path} 已损坏（{reason}），未做任何更改。最新的完好备份：{backup}；可用 kaoping restore 恢复。",
        "The data file {path} is damaged ({reason}); nothing was changed. Newest good backup: {backup}; restore it with `kaoping restore`.",
    ),
    "store.corrupt_no_backup": (
        "数据文件 {path} 已损坏（{reason}），未做任何更改，且没有可用的备份{backup}。请勿删除该文件，联系管理员。",
        "The data file {path} is damaged ({reason}); nothing was changed, and there is no good backup{backup}. Do not delete the file; ask the administrator.",
    ),
    "store.reason.empty": ("文件为空", "the file is empty"),
    "store.reason.not_utf8": ("不是 UTF-8 文本", "it is not UTF-8 text"),
    "store.reason.not_json": ("内容不完整或不是 JSON", "its content is truncated or not JSON"),
    "store.reason.not_tables": ("不是考评数据文件", "it is not a kaoping data file"),
    "store.reason.no_schema": ("缺少数据版本号", "it has no schema version"),
    "store.reason.no_root": ("缺少 kaoping.json", "kaoping.json is missing"),
    "store.reason.bad_member": ("含有不应存在的文件名", "it holds an unexpected file name"),
    "store.reason.not_zip": ("不是有效的 zip 备份", "it is not a valid zip backup"),
    "store.schema": (
        "数据文件 {path} 的数据版本为 {found}，本程序支持版本 {supported}；请升级 kaoping 后再打开。",
        "The data file {path} has schema version {found}, this kaoping supports {supported}; upgrade kaoping to open it.",
    ),
    "store.locked": (
        "数据目录正被另一个终端使用（等待了 {seconds} 秒）：{path}。请稍后重试，或先关闭另一个终端中的 kaoping。",
        "The data directory is in use by another terminal (waited {seconds} s): {path}. Try again shortly, or close kaoping in the other terminal.",
    ),
    "store.write_failed": (
        "无法写入 {path}：{reason}。此前保存的数据完好无损；请检查磁盘空间和权限后重试。",
        "Could not write {path}: {reason}. Everything saved before is intact; check disk space and permissions, then retry.",
    ),
    "store.no_campaign": (
        "数据目录 {path} 中还没有考核活动：请先运行 kaoping init 或 kaoping demo。",
        "There is no campaign in {path} yet: run `kaoping init` or `kaoping demo` first.",
    ),
    "store.unknown_campaign": (
        "没有编号为 {campaign} 的考核活动。已有：{known}",
        "There is no campaign {campaign}. Known: {known}",
    ),
    "store.unknown_form": (
        "没有名为 {form} 的内置测评表。可选：{known}",
        "There is no built-in form {form}. Available: {known}",
    ),
    "store.form_not_in_campaign": (
        "本考核活动不包含测评表 {form}。包含：{known}",
        "This campaign does not use the form {form}. It uses: {known}",
    ),
    "store.form_not_ballot": ("测评表 {form} 不是会议测评票。", "The form {form} is not a meeting ballot."),
    "store.form_not_unit": (
        "测评表 {form} 不是单位自评表。",
        "The form {form} is not a self-assessment form.",
    ),
    "store.form_not_visit": (
        "测评表 {form} 不是日常督导记录表。",
        "The form {form} is not a supervision-visit form.",
    ),
    "store.campaign_name_empty": ("考核活动名称不能为空。", "The campaign name must not be empty."),
    "store.campaign_year": (
        "年度 {year} 无效：应在 2000 到 2100 之间。",
        "Year {year} is not valid: use 2000 to 2100.",
    ),
    "store.campaign_no_forms": ("请至少选择一张测评表。", "Choose at least one form."),
    "store.unknown_unit": ("没有编号为 {unit} 的单位。", "There is no unit {unit}."),
    "store.unknown_group": (
        "没有名为 {group} 的联络组。已有：{known}",
        "There is no liaison group {group}. Known: {known}",
    ),
    "store.unknown_rater_group": (
        "没有名为 {group} 的评议人类别。可选：{known}",
        "There is no rater group {group}. Available: {known}",
    ),
    "store.unit_blank": (
        "第 {index} 个单位的编号或名称为空。",
        "Unit number {index} has an empty id or name.",
    ),
    "store.unit_duplicate": ("单位编号 {unit} 重复。", "The unit id {unit} appears twice."),
    "store.unit_star": (
        "单位 {unit} 的上年星级 {star} 无效：应为 0 到 5。",
        "Unit {unit}: last year's star {star} is not valid (0 to 5).",
    ),
    "store.unit_parent": (
        "单位 {unit} 的上级 {parent} 不是直属党组织。",
        "Unit {unit}: its parent {parent} is not a directly affiliated organization.",
    ),
    "store.brand_blank": ("品牌 {brand} 的编号或名称为空。", "Brand {brand} has an empty id or name."),
    "store.brand_duplicate": ("品牌编号 {brand} 重复。", "The brand id {brand} appears twice."),
    "store.code_count": (
        "测评码数量 {count} 无效：应为 1 到 {max}。",
        "Code count {count} is not valid: use 1 to {max}.",
    ),
    "store.code_unknown": (
        "测评码无效：请核对纸条上的 8 位字符后重新输入。",
        "Unknown code: check the 8 characters on your slip and type them again.",
    ),
    "store.code_used": (
        "此测评码已使用过，不能再次投票。",
        "This code has already been used; it cannot vote again.",
    ),
    "store.bad_value": ("无法保存的答案值：{value}", "An answer value that cannot be stored: {value}"),
    "store.bad_answer": (
        "单位 {unit} 的 {item} 答案无效：{reason}",
        "Unit {unit}, item {item}: the answer is not valid ({reason})",
    ),
    "store.simulate_count": ("模拟的测评票数量 {count} 无效：应至少为 1。", "The number of ballots to simulate ({count}) must be at least 1."),
    "store.no_ballot_form": ("本考核活动没有会议测评票。", "This campaign has no meeting ballot form."),
    "store.bad_day": (
        "日期 {day} 无效：请用 年-月-日，如 2026-03-15。",
        "The date {day} is not valid: use YYYY-MM-DD, e.g. 2026-03-15.",
    ),
    "store.unknown_item": ("测评表 {form} 中没有条目 {item}。", "The form {form} has no item {item}."),
    "store.ballot_incomplete": (
        "测评票未填完：单位 {unit} 的 {item} 尚未作答。",
        "The ballot is not complete: unit {unit}, item {item} has no answer.",
    ),
    "store.seal_forms": ("要封存的测评表无效：{forms}", "Invalid forms to seal: {forms}"),
    "store.voting_not_open": (
        "投票尚未开始：请管理员先开启投票。",
        "Voting is not open: the administrator must open it first.",
    ),
    "store.voting_closed": (
        "投票已结束，不能再封存测评票。",
        "Voting is closed; no more ballots can be sealed.",
    ),
    "store.no_paper_left": (
        "{group} 的纸质测评票已全部录入。",
        "Every paper ballot of {group} has been entered.",
    ),
    "store.import_hash": (
        "测评票 {ballot} 的内容与其校验值不符：文件可能被改动过，已全部拒绝导入。",
        "Ballot {ballot} does not match its hash: the file may have been altered; nothing was imported.",
    ),
    "store.import_conflict": (
        "测评票 {ballot} 已存在且内容不同：已全部拒绝导入。",
        "Ballot {ballot} already exists with different content; nothing was imported.",
    ),
    "store.passphrase_short": (
        "管理员口令至少需要 {min} 个字符。",
        "The admin passphrase needs at least {min} characters.",
    ),
    "store.reason_required": ("请填写理由。", "Please give a reason."),
    "store.self_locked": (
        "单位 {unit} 的自评当前为“{state}”状态，不能修改。",
        "The self-assessment of {unit} is {state} and cannot be changed.",
    ),
    "store.self_not_submitted": (
        "单位 {unit} 的自评当前为“{state}”状态，不能执行此操作。",
        "The self-assessment of {unit} is {state}; this step is not possible.",
    ),
    "store.self_missing": (
        "还有 {count} 个必填条目未作答（第一个：{item}）。",
        "{count} required items have no answer yet (first: {item}).",
    ),
    "store.self_note_missing": (
        "还有 {count} 个未得满分的条目缺少说明（第一个：{item}）。",
        "{count} items below full marks need a note (first: {item}).",
    ),
    "store.unknown_visit": ("没有编号为 {visit} 的督导记录。", "There is no visit record {visit}."),
    "store.backup_invalid": (
        "备份文件 {path} 不能用于恢复：{reason}。当前数据未被改动。",
        "The backup {path} cannot be restored: {reason}. The current data was not changed.",
    ),
    "store.file_missing": ("找不到文件 {path}。", "File not found: {path}."),
}
TEXTS.update(
    {
        "store.state.draft": ("草稿", "draft"),
        "store.state.submitted": ("已提交", "submitted"),
        "store.state.reviewed": ("已审核", "reviewed"),
        "store.state.returned": ("已退回", "returned"),
    }
)
