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
    "store.record_damaged": (
        "{file} 中的记录 {record} 已损坏（可能被手工改动过）；请运行 kaoping verify，必要时用 kaoping restore 恢复备份。",
        "The record {record} in {file} is damaged (perhaps edited by hand); run `kaoping verify` and, if needed, restore a backup with `kaoping restore`.",
    ),
    "store.read_failed": (
        "无法读取 {path}：{reason}。未做任何更改；请检查文件权限和磁盘。",
        "Could not read {path}: {reason}. Nothing was changed; check the file's permissions and the disk.",
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
    "store.no_units": (
        "本考核活动还没有单位名单：请先导入（kaoping units import 文件）。",
        "This campaign has no units yet: import the roster first (kaoping units import FILE).",
    ),
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
    "store.opt.simulate_vote": (
        "模拟服务品牌评选票（同 kaoping meeting --vote brands），而不是述职评议测评票",
        "simulate the service-brand vote (as kaoping meeting --vote brands) instead of the review ballot",
    ),
    "store.simulate_count": (
        "模拟的测评票数量 {count} 无效：应至少为 1。",
        "The number of ballots to simulate ({count}) must be at least 1.",
    ),
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

# --- commands, options, wizard, code sheets, verify findings
TEXTS.update(
    {
        "store.cmd.init": (
            "创建本年度考核活动（在终端中逐项询问；每项也可用选项给出）。",
            "Set up this year's campaign (asks in a terminal; every answer can also be given as an option).",
        ),
        "store.cmd.demo": (
            "创建演示考核活动：66个直属党组织、3个联络组、约700个党支部、测评码和服务品牌。",
            "Create the demo campaign: 66 organizations, 3 liaison groups, about 700 branches, codes and service brands.",
        ),
        "store.cmd.codes": (
            "测评码（评议人投票用）与单位登录码、联络组登录码。",
            "Ballot codes (for evaluators) and the units' and liaison groups' sign-in codes.",
        ),
        "store.cmd.codes_issue": (
            "生成一次性测评码，写出 CSV 和可裁剪的纸条文本。",
            "Issue one-time ballot codes: a CSV and a plain-text sheet of slips to cut.",
        ),
        "store.cmd.simulate": (
            "按会议终端的流程模拟封存若干张随机有效测评票，每封存一张打印其编号。",
            "Seal random valid ballots through the meeting terminal's code path, printing each ballot id once it is stored.",
        ),
        "store.cmd.verify": (
            "核验数据：重新计算每张测评票的校验值、数量和会议摘要。",
            "Check the data: recompute every ballot hash, the counts and the closing digest.",
        ),
        "store.cmd.backup": (
            "备份全部数据（轮换保留最近20份）。",
            "Back up all data (the 20 newest backups are kept).",
        ),
        "store.cmd.restore": (
            "从备份恢复全部数据（需管理员口令和确认；恢复前自动备份当前数据）。",
            "Restore all data from a backup (admin passphrase and confirmation; the current data is backed up first).",
        ),
        "store.cmd.codes_units": (
            "各单位的单位登录码（自评用）：不加选项时列出哪些单位有登录码、何时生成、自评进度"
            "（登录码只存摘要，无法再次显示）；-o 文件 为还没有登录码的单位生成；--reissue -o 文件 重新生成（旧码失效）。",
            "The units' sign-in codes (for self-assessment): without options, list which units have one, since "
            "when, and their self-assessment progress (codes are kept only as hashes and cannot be shown "
            "again); -o FILE issues codes for units without one; --reissue -o FILE replaces them (the old "
            "ones stop working).",
        ),
        "store.cmd.codes_groups": (
            "各联络组的联络组登录码（审核用）：不加选项时列出哪些联络组有登录码、何时生成、审核进度"
            "（登录码只存摘要，无法再次显示）；-o 文件 在还没有登录码时生成；--reissue -o 文件 重新生成（旧码失效）。",
            "The liaison groups' sign-in codes (for the review): without options, list which groups have one, "
            "since when, and their review progress (codes are kept only as hashes and cannot be shown "
            "again); -o FILE issues them when there are none; --reissue -o FILE replaces them (the old ones "
            "stop working).",
        ),
        "store.opt.unit": ("只为这个单位生成（编号，可重复）", "only for this unit (id, repeatable)"),
        "store.opt.output_sheet": (
            "写出 CSV 文件（另有同名 .txt 裁剪纸条）",
            "write a CSV file (and a .txt of slips to cut beside it)",
        ),
        "store.opt.yes_reissue": (
            "确认重新生成：旧的登录码将失效",
            "confirm reissuing: the old sign-in codes stop working",
        ),
        "store.cmd.reissue_needs_yes": (
            "已有 {count} 个登录码；重新生成会使旧码失效。确认请加 --reissue。",
            "{count} sign-in codes exist already; reissuing makes them stop working. "
            "Add --reissue --yes to confirm.",
        ),
        "store.cmd.unit_codes_issued": (
            "已生成 {count} 个单位登录码。",
            "Issued {count} unit sign-in codes.",
        ),
        "store.cmd.group_codes_issued": (
            "已生成 {count} 个联络组登录码。",
            "Issued {count} liaison-group sign-in codes.",
        ),
        "store.opt.name": ("考核活动名称", "campaign name"),
        "store.opt.year": ("考核年度", "campaign year"),
        "store.opt.forms": (
            "使用的测评表编号，逗号分隔（默认：全部内置表）",
            "form ids to use, comma-separated (default: every built-in form)",
        ),
        "store.opt.units": ("单位名单 CSV 文件", "roster CSV file of the units"),
        "store.opt.codes": (
            "每类评议人的测评码数量，如 members=60（可重复）",
            "ballot codes per rater group, e.g. members=60 (repeatable)",
        ),
        "store.opt.passphrase": ("管理员口令", "admin passphrase"),
        "store.opt.yes": ("不提问，未给出的项用默认值", "ask nothing; use defaults for anything not given"),
        "store.opt.yes_restore": (
            "不再确认（需同时给出 --passphrase）",
            "do not ask for confirmation (give --passphrase too)",
        ),
        "store.opt.seed": ("随机数种子（结果可重现）", "random seed (reproducible results)"),
        "store.opt.count": ("测评码数量", "number of codes"),
        "store.opt.group": (
            "评议人类别（编号或名称，如 members 或 党员代表）",
            "rater group (its id or its name, e.g. members)",
        ),
        "store.opt.output": (
            "输出 CSV 文件（同名 .txt 为裁剪纸条）",
            "output CSV file (a .txt of slips to cut is written beside it)",
        ),
        "store.opt.ballots": ("要封存的测评票张数", "number of ballots to seal"),
        "store.cmd.bad_codes_option": (
            "--codes {value} 无效：应为 类别=数量，类别可选 {groups}。",
            "--codes {value} is not valid: use GROUP=N with GROUP one of {groups}.",
        ),
        "store.cmd.passphrase_required": (
            "非交互方式创建考核活动时必须用 --passphrase 给出管理员口令。",
            "Without questions, give the admin passphrase with --passphrase.",
        ),
        "store.cmd.roster_line": ("第 {line} 行 {column}：", "Line {line}, {column}: "),
        "store.cmd.roster_invalid": (
            "单位名单 {path} 有 {count} 处问题（见上），未导入任何内容。",
            "The roster {path} has {count} problems (listed above); nothing was imported.",
        ),
        "store.cmd.init_done": (
            "已创建考核活动“{name}”（编号 {id}），数据目录：{path}",
            'Created the campaign "{name}" (id {id}) in {path}',
        ),
        "store.cmd.units_later": (
            "还没有单位名单：请用 kaoping units import 单位名单.csv 导入。",
            "No roster yet: import it with `kaoping units import ROSTER.csv`.",
        ),
        "store.cmd.units_count": ("已导入 {count} 个单位。", "{count} units imported."),
        "store.cmd.sheet_written": (
            "测评码表：{csv}（裁剪纸条：{txt}）",
            "Code sheet: {csv} (slips to cut: {txt})",
        ),
        "store.cmd.demo_exists": (
            "数据目录 {path} 中已有考核活动“{campaign}”；演示活动请用另一个目录：kaoping --data 新目录 demo",
            'The data directory {path} already holds the campaign "{campaign}"; create the demo in another one: kaoping --data NEW_DIR demo',
        ),
        "store.cmd.demo_done": (
            "已创建演示活动“{name}”：{units} 个直属党组织、{branches} 个党支部、{brands} 个服务品牌。",
            'Created the demo campaign "{name}": {units} organizations, {branches} branches, {brands} service brands.',
        ),
        "store.cmd.campaigns": (
            "列出数据目录中的全部考核活动（编号、名称、年度、投票状态、测评票数；--campaign 和 --last-stars-from 使用这里的编号）。",
            "List every campaign of the data directory (id, name, year, voting state, ballots; the ids --campaign and --last-stars-from take).",
        ),
        "store.cmd.campaign_line": (
            "{id}  {name}（{year}年度）  {units} 个单位  {state}  {ballots} 张测评票",
            "{id}  {name} ({year})  {units} units  {state}  {ballots} ballots",
        ),
        "store.cmd.campaign_demo": ("  [演示]", "  [demo]"),
        "store.cmd.campaign_stars_from": (
            "  上年星级取自 {id} {name}",
            "  last year's stars from {id} {name}",
        ),
        "store.voting.not_open": ("投票未开始", "voting not open"),
        "store.voting.open": ("投票进行中", "voting open"),
        "store.voting.closed": ("投票已结束", "voting closed"),
        "store.cmd.data_dir": ("数据目录：{path}", "Data directory: {path}"),
        "store.cmd.demo_passphrase": (
            "演示活动的管理员口令：{passphrase}",
            "Admin passphrase of the demo: {passphrase}",
        ),
        "store.cmd.output_exists": (
            "文件 {path} 已存在，未生成新的测评码；请换一个文件名。",
            "{path} already exists; no codes were issued. Choose another file name.",
        ),
        "store.cmd.no_directory": ("目录 {path} 不存在。", "The directory {path} does not exist."),
        "store.cmd.codes_issued": (
            "已生成 {count} 个“{group}”测评码。测评码明文只在此文件中，请妥善保管。",
            'Issued {count} codes for "{group}". The plaintext codes exist only in this file: keep it safe.',
        ),
        "store.cmd.verify_ok": (
            "核验通过：“{name}”的 {count} 张测评票均完好。",
            'Verified: all {count} ballots of "{name}" are intact.',
        ),
        "store.cmd.verify_closing": (
            "最近一次结束投票：{day}，{count} 张，摘要 {digest}",
            "Last close of voting: {day}, {count} ballots, digest {digest}",
        ),
        "store.cmd.verify_failed": (
            "核验发现 {count} 处问题（见上）：数据可能被改动过。",
            "Verification found {count} problems (listed above): the data may have been altered.",
        ),
        "store.cmd.backup_done": ("已备份到 {path}", "Backed up to {path}"),
        "store.cmd.ask_passphrase": ("管理员口令：", "Admin passphrase:"),
        "store.cmd.wrong_passphrase": (
            "管理员口令不正确，未做任何更改。",
            "Wrong admin passphrase; nothing was changed.",
        ),
        "store.cmd.confirm_restore": (
            "用备份 {backup} 替换 {path} 中的全部数据？（当前数据会先自动备份）",
            "Replace all data in {path} by the backup {backup}? (the current data is backed up first)",
        ),
        "store.cmd.restore_done_fresh": (
            "已从 {backup} 恢复到 {path}（该目录此前没有数据）。",
            "Restored from {backup} into {path} (it held no data before).",
        ),
        "store.cmd.restore_done": (
            "已从 {backup} 恢复。恢复前的数据已备份到 {safety}",
            "Restored from {backup}. The data before the restore was backed up to {safety}",
        ),
        "store.finding.edited": ("已被改动：{file} 中的测评票 {record}", "Edited: ballot {record} in {file}"),
        "store.finding.deleted": (
            "已被删除：测评票 {record}（登记在 {file}）",
            "Deleted: ballot {record} (registered in {file})",
        ),
        "store.finding.duplicated": (
            "重复：测评票 {record} 出现在 {file} 和 {detail}",
            "Duplicated: ballot {record} appears in {file} and {detail}",
        ),
        "store.finding.added": (
            "来历不明：{file} 中的测评票 {record} 未经封存登记",
            "Unregistered: ballot {record} in {file} was never sealed here",
        ),
        "store.finding.count": (
            "数量不符：已用测评码数/封存次数 = {detail}（{file}）",
            "Counts differ: used codes / seals = {detail} ({file})",
        ),
        "store.finding.digest": (
            "会议摘要不符：第 {record} 次结束投票时的摘要为 {detail}，与现有测评票不一致（{file}）",
            "Closing digest differs: session {record} recorded {detail}, which the ballots no longer match ({file})",
        ),
        "store.finding.corrupt": (
            "文件已损坏：{file}；最新的完好备份：{detail}",
            "Damaged file: {file}; newest good backup: {detail}",
        ),
        "store.finding.orphan": ("多余的记录：{file} {record}", "Orphan record: {file} {record}"),
        "store.sheet.number": ("序号", "No."),
        "store.sheet.code": ("测评码", "Code"),
        "store.sheet.rater_group": ("评议人类别", "Rater group"),
        "store.sheet.unit": ("单位", "Unit"),
        "store.sheet.group": ("联络组", "Liaison group"),
        "store.sheet.ballot_title": (
            "{name} · 测评码（每张纸条一人一码，仅可使用一次）",
            "{name} · ballot codes (one slip per evaluator, each code works once)",
        ),
        "store.sheet.unit_title": (
            "{name} · 单位自评登录码",
            "{name} · unit sign-in codes for self-assessment",
        ),
        "store.sheet.group_title": ("{name} · 联络组登录码", "{name} · liaison-group sign-in codes"),
        "store.sheet.slip": ("No.{number}  {holder}", "No.{number}  {holder}"),
        "store.wizard.year": ("考核年度：", "Campaign year:"),
        "store.wizard.name": ("考核活动名称：", "Campaign name:"),
        "store.wizard.default_name": (
            "{year}年度市直机关党建考核",
            "{year} Party-building assessment of city agencies",
        ),
        "store.wizard.forms": (
            "使用哪些测评表？（空格选择，回车确认）",
            "Which forms? (space to pick, enter to confirm)",
        ),
        "store.wizard.units": (
            "单位名单 CSV 文件（可留空，稍后用 kaoping units import 导入）：",
            "Roster CSV file (may be left empty; import later with `kaoping units import`):",
        ),
        "store.wizard.codes": ("“{group}”的测评码数量：", 'Number of ballot codes for "{group}":'),
        "store.wizard.passphrase": (
            "管理员口令（至少 {min} 个字符）：",
            "Admin passphrase (at least {min} characters):",
        ),
        "store.wizard.passphrase_again": ("再输入一次口令：", "The passphrase again:"),
        "store.wizard.passphrase_mismatch": (
            "两次输入的口令不一致。重新输入？",
            "The two passphrases differ. Try again?",
        ),
        "store.wizard.pick_one": ("请至少选择一项。", "Pick at least one."),
        "store.wizard.bad_year": ("请输入 2000 到 2100 之间的年份。", "Enter a year from 2000 to 2100."),
        "store.wizard.bad_count": ("请输入 0 到 5000 之间的整数。", "Enter a whole number from 0 to 5000."),
        "store.wizard.name_empty": ("名称不能为空。", "The name must not be empty."),
        "store.wizard.no_file": ("找不到该文件。", "No such file."),
        "store.wizard.short_passphrase": (
            "口令至少需要 {min} 个字符。",
            "The passphrase needs at least {min} characters.",
        ),
    }
)
