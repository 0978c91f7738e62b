"""Catalogue entries of the first-hour polish: click's own texts, terminal checks, kiosk states and names."""

TEXTS: dict[str, tuple[str, str]] = {
    # click's built-in texts (tui/clicktext.py maps click's English message ids to these keys)
    "polish.click.Usage:": ("用法：", "Usage:"),
    "polish.click.Options": ("选项", "Options"),
    "polish.click.Commands": ("命令", "Commands"),
    "polish.click.Positional arguments": ("位置参数", "Positional arguments"),
    "polish.click.Show this message and exit.": ("显示本帮助并退出。", "Show this message and exit."),
    "polish.click.Show the version and exit.": ("显示版本号并退出。", "Show the version and exit."),
    "polish.click.%(prog)s, version %(version)s": (
        "%(prog)s，版本 %(version)s",
        "%(prog)s, version %(version)s",
    ),
    "polish.click.default: {default}": ("默认：{default}", "default: {default}"),
    "polish.click.env var: {var}": ("环境变量：{var}", "env var: {var}"),
    "polish.click.(dynamic)": ("（动态）", "(dynamic)"),
    "polish.click.deprecated": ("已弃用", "deprecated"),
    "polish.click.required": ("必填", "required"),
    "polish.click.Aborted!": ("已取消。", "Aborted!"),
    "polish.click.Missing command.": ("缺少命令。", "Missing command."),
    "polish.click.Missing argument": ("缺少参数", "Missing argument"),
    "polish.click.Missing option": ("缺少选项", "Missing option"),
    "polish.click.Missing parameter": ("缺少参数", "Missing parameter"),
    "polish.click.Missing parameter: {param_name}": (
        "缺少参数：{param_name}",
        "Missing parameter: {param_name}",
    ),
    "polish.click.Missing {param_type}": ("缺少{param_type}", "Missing {param_type}"),
    "polish.click.argument": ("参数", "argument"),
    "polish.click.option": ("选项", "option"),
    "polish.click.parameter": ("参数", "parameter"),
    "polish.click.unknown error": ("未知错误", "unknown error"),
    "polish.click.Invalid value for {param_hint}: {message}": (
        "{param_hint} 的值无效：{message}",
        "Invalid value for {param_hint}: {message}",
    ),
    "polish.click.Invalid value: {message}": ("值无效：{message}", "Invalid value: {message}"),
    "polish.click.Could not open file {filename!r}: {message}": (
        "无法打开文件 {filename!r}：{message}",
        "Could not open file {filename!r}: {message}",
    ),
    "polish.click.Error: {message}": ("错误：{message}", "Error: {message}"),
    "polish.click.Try '{command} {option}' for help.": (
        "用 {command} {option} 查看用法。",
        "Try '{command} {option}' for help.",
    ),
    "polish.click.No such option {name!r}.": ("没有选项 {name}。", "No such option {name!r}."),
    "polish.click.No such command {name!r}.": ("没有命令 {name}。", "No such command {name!r}."),
    "polish.click.Did you mean {possibility}?": ("是指 {possibility} 吗？", "Did you mean {possibility}?"),
    "polish.click.(Did you mean one of: {possibilities}?)": (
        "（是指以下之一吗：{possibilities}？）",
        "(Did you mean one of: {possibilities}?)",
    ),
    "polish.click.Got unexpected extra argument ({args})": (
        "多余的参数：{args}",
        "Got unexpected extra argument ({args})",
    ),
    "polish.click.Got unexpected extra arguments ({args})": (
        "多余的参数：{args}",
        "Got unexpected extra arguments ({args})",
    ),
    "polish.click.Option {name!r} does not take a value.": (
        "选项 {name} 不带值。",
        "Option {name!r} does not take a value.",
    ),
    "polish.click.Option {name!r} requires an argument.": (
        "选项 {name} 需要一个值。",
        "Option {name!r} requires an argument.",
    ),
    "polish.click.Option {name!r} requires {nargs} arguments.": (
        "选项 {name} 需要 {nargs} 个值。",
        "Option {name!r} requires {nargs} arguments.",
    ),
    "polish.click.Argument {name!r} takes {nargs} values.": (
        "参数 {name} 需要 {nargs} 个值。",
        "Argument {name!r} takes {nargs} values.",
    ),
    "polish.click.Takes {nargs} values but 1 was given.": (
        "需要 {nargs} 个值，只给了 1 个。",
        "Takes {nargs} values but 1 was given.",
    ),
    "polish.click.Takes {nargs} values but {len} were given.": (
        "需要 {nargs} 个值，给了 {len} 个。",
        "Takes {nargs} values but {len} were given.",
    ),
    "polish.click.Value must be an iterable.": ("值必须是一组值。", "Value must be an iterable."),
    "polish.click.Do you want to continue?": ("要继续吗？", "Do you want to continue?"),
    "polish.click.Confirm the action without prompting.": (
        "不再询问，直接确认。",
        "Confirm the action without prompting.",
    ),
    "polish.click.Choose from:\n\t{choices}": ("可选：{choices}", "Choose from:\n\t{choices}"),
    "polish.click.{value!r} is not {choice}.": ("{value!r} 不是 {choice}。", "{value!r} is not {choice}."),
    "polish.click.{value!r} is not one of {choices}.": (
        "{value!r} 不在可选值 {choices} 之中。",
        "{value!r} is not one of {choices}.",
    ),
    "polish.click.{value} is not in the range {range}.": (
        "{value} 不在范围 {range} 之内。",
        "{value} is not in the range {range}.",
    ),
    "polish.click.{value!r} is not a valid {number_type}.": (
        "{value!r} 不是有效的{number_type}。",
        "{value!r} is not a valid {number_type}.",
    ),
    "polish.click.integer": ("整数", "integer"),
    "polish.click.float": ("数字", "float"),
    "polish.click.{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} 不是有效的是/否值；可用：{states}",
        "{value!r} is not a valid boolean. Recognized values: {states}",
    ),
    "polish.click.{value!r} is not a valid UUID.": (
        "{value!r} 不是有效的 UUID。",
        "{value!r} is not a valid UUID.",
    ),
    "polish.click.{value!r} does not match the format {format}.": (
        "{value!r} 不符合格式 {format}。",
        "{value!r} does not match the format {format}.",
    ),
    "polish.click.{value!r} does not match the formats {formats}.": (
        "{value!r} 不符合格式 {formats}。",
        "{value!r} does not match the formats {formats}.",
    ),
    "polish.click.file": ("文件", "file"),
    "polish.click.directory": ("目录", "directory"),
    "polish.click.path": ("路径", "path"),
    "polish.click.{name} {filename!r} does not exist.": (
        "{name} {filename!r} 不存在。",
        "{name} {filename!r} does not exist.",
    ),
    "polish.click.{name} {filename!r} is a file.": (
        "{name} {filename!r} 是一个文件，不是目录。",
        "{name} {filename!r} is a file.",
    ),
    "polish.click.{name} {filename!r} is a directory.": (
        "{name} {filename!r} 是一个目录，不是文件。",
        "{name} {filename!r} is a directory.",
    ),
    "polish.click.{name} {filename!r} is not readable.": (
        "{name} {filename!r} 不可读。",
        "{name} {filename!r} is not readable.",
    ),
    "polish.click.{name} {filename!r} is not writable.": (
        "{name} {filename!r} 不可写。",
        "{name} {filename!r} is not writable.",
    ),
    "polish.click.{name} {filename!r} is not executable.": (
        "{name} {filename!r} 不可执行。",
        "{name} {filename!r} is not executable.",
    ),
    "polish.click.Press any key to continue...": ("按任意键继续……", "Press any key to continue..."),
    "polish.click.Repeat for confirmation": ("再输入一次以确认", "Repeat for confirmation"),
    "polish.click.Error: The two entered values do not match.": (
        "错误：两次输入不一致。",
        "Error: The two entered values do not match.",
    ),
    "polish.click.Error: invalid input": ("错误：输入无效", "Error: invalid input"),
    # one sentence for a usage mistake
    "polish.usage.error": ("{message}；用 {command} --help 查看用法。", "{message}; see {command} --help."),
    # full-screen commands without a terminal
    "polish.no_terminal": (
        "{command} 是全屏界面，需要在终端里运行；当前没有可用的终端（输入或输出被重定向）。",
        "{command} is a full-screen interface and needs a terminal; there is none here "
        "(input or output is redirected).",
    ),
    # the data directory given is unusable
    "polish.data.not_dir": (
        "数据目录 {path} 无法使用：路径中的 {part} 是一个文件而不是目录；请用 --data 指定另一个目录。",
        "The data directory {path} cannot be used: {part} on its way is a file, not a directory; "
        "give another directory with --data.",
    ),
    "polish.data.denied": (
        "数据目录 {path} 无法使用：没有权限；请用 --data 指定一个可写的目录。",
        "The data directory {path} cannot be used: permission denied; give a writable directory with --data.",
    ),
    "polish.data.os_error": (
        "数据目录 {path} 无法使用（系统错误 {code}）；请用 --data 指定另一个目录。",
        "The data directory {path} cannot be used (system error {code}); give another directory with --data.",
    ),
    # the kiosk
    "polish.welcome.closed": ("（投票已结束）", "(voting is closed)"),
    "polish.welcome.locked_admin": (
        "管理口令连续多次输错，本终端已暂时锁定，还需等待 {seconds} 秒；您的测评码仍然有效，届时请重新输入。",
        "Wrong admin passphrases locked this terminal for a while: {seconds} seconds left; "
        "your code is still valid, type it again then.",
    ),
    "polish.admin.close_open_ballots": (
        "注意：还有 {count} 张测评票已开始填写但尚未投出（有评议人可能正在投票）；结束后这些票不能再投出。",
        "Note: {count} ballots are begun but not sealed (someone may be voting now); "
        "after closing they can no longer be sealed.",
    ),
    "polish.kiosk.closed_under_you": (
        "会务工作人员已结束本场投票，您正在填写的测评票未能投出。感谢您的参与；如有疑问，请联系会务工作人员。",
        "The meeting staff have closed voting, so the ballot you were filling in could not be sealed. "
        "Thank you for taking part; please ask the meeting staff if in doubt.",
    ),
    # sign-in code sheets
    "polish.codes.unit_code": ("单位登录码", "Unit sign-in code"),
    "polish.codes.group_code": ("联络组登录码", "Group sign-in code"),
    # `codes units` / `codes groups` without --reissue: where the sign-in codes stand (never the codes)
    "polish.codes.status.yes": ("有", "yes"),
    "polish.codes.status.no": ("无", "none"),
    "polish.codes.status.day": ("生成日期", "Issued on"),
    "polish.codes.status.self": ("自评", "Self-assessment"),
    "polish.codes.status.not_started": ("尚未填写", "not started"),
    "polish.codes.status.filling": (
        "填写中（已提交 {submitted}/{forms}）",
        "in progress ({submitted}/{forms} submitted)",
    ),
    "polish.codes.status.submitted": ("已提交 {submitted}/{forms}", "submitted {submitted}/{forms}"),
    "polish.codes.status.reviewed": (
        "已审核（提交 {submitted}/{forms}）",
        "reviewed ({submitted}/{forms} submitted)",
    ),
    "polish.codes.status.waiting": ("待审核", "Awaiting review"),
    "polish.codes.status.done": ("已审核", "Reviewed"),
    "polish.codes.only_hashes_units": (
        "登录码只以加密摘要保存，无法再次显示：当初写出的登录码单是唯一的副本。"
        "遗失时用 kaoping codes units --reissue -o 文件 为指定单位（--unit，可重复；不指定则为全部单位）重新生成，旧码随即失效。",
        "Sign-in codes are kept only as hashes and cannot be shown again: the sheet written back then is the "
        "only copy. If it is lost, kaoping codes units --reissue -o FILE replaces the codes of the units named "
        "with --unit (repeatable; all units when none is named), and the old codes stop working.",
    ),
    "polish.codes.only_hashes_groups": (
        "登录码只以加密摘要保存，无法再次显示：当初写出的登录码单是唯一的副本。"
        "遗失时用 kaoping codes groups --reissue -o 文件 为全部联络组重新生成，旧码随即失效。",
        "Sign-in codes are kept only as hashes and cannot be shown again: the sheet written back then is the "
        "only copy. If it is lost, kaoping codes groups --reissue -o FILE replaces the codes of every liaison "
        "group, and the old codes stop working.",
    ),
    "polish.codes.none_yet_units": (
        "还没有单位登录码：用 kaoping codes units -o 文件 生成并写出登录码单。",
        "No unit sign-in codes yet: kaoping codes units -o FILE issues them and writes their sheet.",
    ),
    "polish.codes.none_yet_groups": (
        "还没有联络组登录码：用 kaoping codes groups -o 文件 生成并写出登录码单。",
        "No liaison-group sign-in codes yet: kaoping codes groups -o FILE issues them and writes their sheet.",
    ),
    "polish.codes.reissue_needs_output": (
        "--reissue 会生成新的登录码，需要用 -o 文件 指定登录码单写到哪里；未做任何改动。",
        "--reissue makes new sign-in codes and needs -o FILE to say where their sheet goes; nothing was changed.",
    ),
    "polish.codes.opt.output": (
        "生成登录码并写出登录码单（CSV，另有同名 .txt 裁剪纸条）；不给出时只列出现状",
        "issue the codes and write their sheet (CSV, with a .txt of slips to cut beside it); "
        "without it, only list where the codes stand",
    ),
    "polish.no_terminal_passphrase": (
        "需要管理员口令，但没有终端可以询问；请用 --passphrase 或环境变量 KAOPING_PASSPHRASE 给出。",
        "The admin passphrase is needed and there is no terminal to ask for it; "
        "give it with --passphrase or the KAOPING_PASSPHRASE environment variable.",
    ),
    # questionary's hints
    "polish.wizard.checkbox_hint": (
        "（↑↓ 移动，空格 选中，a 全选，i 反选，回车 确认）",
        "(↑↓ move, Space picks, a all, i invert, Enter confirms)",
    ),
    "polish.wizard.yes_no": ("（Y 是 / n 否）", "(Y/n)"),
    "polish.wizard.yes": ("是", "yes"),
    "polish.wizard.no": ("否", "no"),
    "polish.wizard.picked": ("已选 {count} 项：{names}", "{count} picked: {names}"),
    "polish.wizard.list_separator": ("、", ", "),
    "polish.wizard.no_yes": ("（y 是 / N 否）", "(y/N)"),
    # exports from the results mode
    "polish.export.key": ("导出", "Export"),
    "polish.export.title": (
        "导出为 Excel 可直接打开的 CSV（附清单文件）：选择类别和文件夹，按回车或“导出”。",
        "Export as CSV that Excel opens as it is (with its manifest): pick a kind and a folder, then Enter.",
    ),
    # the OS's reasons, by errno (tui.i18n.error_text uses them for store read/write failures)
    "polish.errno.20": ("路径中有一段是文件而不是目录", "part of the path is a file, not a directory"),
    "polish.errno.13": ("没有权限", "permission denied"),
    "polish.errno.1": ("操作不被允许", "operation not permitted"),
    "polish.errno.28": ("磁盘空间已满", "the disk is full"),
    "polish.errno.30": ("磁盘是只读的", "the disk is read-only"),
    "polish.errno.2": ("文件或目录不存在", "no such file or directory"),
    "polish.errno.21": ("这是一个目录而不是文件", "it is a directory, not a file"),
    "polish.errno.5": ("磁盘读写出错", "a disk input/output error"),
    "polish.admin.locked_by_codes": (
        "欢迎页上连续多次输入了错误的测评码，本终端已暂时锁定，还需等待 {seconds} 秒后才能输入管理口令。",
        "Several wrong ballot codes at the welcome screen locked this terminal for a while: "
        "{seconds} seconds left before the passphrase can be typed.",
    ),
    # the ballots export for people: names and words besides the ids
    "polish.export.col.rater_group_name": ("评议人类别名称", "Rater group name"),
    "polish.export.col.validity": ("是否有效", "Validity"),
    "polish.export.valid": ("有效", "valid"),
    "polish.export.invalid": ("无效", "invalid"),
}
