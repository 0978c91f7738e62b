"""Catalogue entries of the trust rules (issue 10): key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    "trust.simulate_demo_only": (
        "模拟投票只能用于演示活动（kaoping demo 创建的）；本活动是正式活动，模拟票会混入真实结果，已拒绝。",
        "Simulated ballots are only for the demo campaign (made by `kaoping demo`); this is a real campaign, where they would mix with real results, so nothing was sealed.",
    ),
    "trust.passphrase.short": (
        "管理员口令至少要 {min} 个字符：它守护开启与重开投票、恢复备份和查看结果，太短的口令几分钟就能被试出来。",
        "The admin passphrase needs at least {min} characters: it guards opening and reopening the vote, restores and the results, and a short one is guessed in minutes.",
    ),
    "trust.passphrase.demo": (
        "不能使用演示口令 kaoping-demo：它印在说明书里，人人都知道；请为正式活动另设一个口令。",
        "The demo passphrase kaoping-demo may not guard a real campaign: it is printed in the manual; choose another one.",
    ),
    "trust.passphrase.common": (
        "这个口令是最常见的口令之一（或几乎全是同一个字符），很容易被猜中；请换一个不常见的口令。",
        "This passphrase is one of the most common ones (or nearly one repeated character), so it is easily guessed; choose a less common one.",
    ),
    "trust.voting.reopen_separately": (
        "投票已经结束，不能直接重新开启：重开是单独的操作，需要口令、理由，并核对已记录的票数和摘要（kaoping voting reopen）。",
        "Voting was closed and does not simply open again: reopening is a separate act with the passphrase, a reason and the recorded count and digest (`kaoping voting reopen`).",
    ),
    "trust.voting.not_closed": (
        "投票尚未结束，无需重新开启。",
        "Voting is not closed, so there is nothing to reopen.",
    ),
    "trust.voting.wrong_passphrase": (
        "管理员口令不正确，投票状态未改变。",
        "The admin passphrase is wrong; the voting state was not changed.",
    ),
    "trust.voting.reason_required": (
        "重新开启投票必须写明理由（--reason），理由会记入审计日志。",
        "Reopening voting needs a reason (--reason); it goes into the audit log.",
    ),
    "trust.voting.confirm_mismatch": (
        "核对不符：上次结束投票时记录的是 {count} 张票，摘要 {digest}；请核对会议记录后重新输入。",
        "That does not match: the last close recorded {count} ballots, digest {digest}; check the minutes and type them again.",
    ),
    "trust.results_while_open": (
        "投票仍在进行中，结果要等投票结束后才能查看或导出（除非规则设置了 results_before_close）。",
        "Voting is still open: results can be seen or written only after it closes (unless the rules set results_before_close).",
    ),
    "trust.reopen.button": ("重新开启投票…", "Reopen voting..."),
    "trust.reopen.question": (
        "投票已经结束，会议记录中已写入 {count} 张票，摘要 {digest}。重新开启投票后，这些记录将不再是最终结果，此操作会写入审计日志。请输入管理员口令和重开理由：",
        "Voting was closed and the minutes hold {count} ballots, digest {digest}. Reopening makes them no longer final and is written into the audit log. Type the admin passphrase and the reason:",
    ),
    "trust.reopen.passphrase": ("管理员口令", "admin passphrase"),
    "trust.reopen.reason": ("重开理由（必填，记入审计日志）", "reason (required, goes into the audit log)"),
    "trust.reopen.yes": ("确认重新开启", "Reopen voting"),
    "trust.reopen.cancel": ("取消", "Cancel"),
    "trust.reopen.both_needed": ("请填写口令和理由。", "Type the passphrase and the reason."),
    "trust.reopen.done": (
        "投票已重新开启（已记入审计日志）。",
        "Voting is open again (recorded in the audit log).",
    ),
    "trust.cli.voting": (
        "不用投票终端管理投票：status 查看状态，open/close 开启或结束（需口令，结束时打印票数和摘要），reopen 重新开启（需口令、理由和核对票数）",
        "Voting without the kiosk: status; open/close (passphrase; close prints the count and digest); reopen (passphrase, reason, the count repeated)",
    ),
    "trust.cli.status": (
        "投票状态、已封存票数和每次结束时的票数与摘要（无需口令）",
        "The voting state, ballots sealed, and each close's count and digest (no passphrase)",
    ),
    "trust.cli.open": ("开启投票（首次）", "Open voting (the first time)"),
    "trust.cli.close": (
        "结束投票，打印写入会议记录的票数和摘要",
        "Close voting and print the count and digest for the minutes",
    ),
    "trust.cli.reopen": (
        "重新开启已结束的投票：需口令、理由，并核对上次记录的票数",
        "Reopen a closed vote: passphrase, reason, and the recorded count repeated",
    ),
    "trust.cli.opt_reason": ("重开理由（记入审计日志）", "why voting is reopened (goes into the audit log)"),
    "trust.cli.opt_count": (
        "上次结束时记录的票数（核对会议记录）",
        "the count recorded at the last close (from the minutes)",
    ),
    "trust.cli.state": ("状态：{state}", "State: {state}"),
    "trust.cli.sealed": ("已封存测评票：{count} 张", "Ballots sealed: {count}"),
    "trust.cli.closing": (
        "第 {session} 次结束（{day}）：{count} 张票，摘要 {digest}",
        "Close {session} ({day}): {count} ballots, digest {digest}",
    ),
    "trust.cli.opened": ("投票已开启。", "Voting is open."),
    "trust.cli.closed": (
        "投票已结束。请写入会议记录：{count} 张票，摘要 {digest}",
        "Voting is closed. For the minutes: {count} ballots, digest {digest}",
    ),
    "trust.cli.results_prepared": (
        "结果已计算并保存，打开结果（kaoping results）无需再等。",
        "The results are counted and kept: opening them (kaoping results) needs no wait.",
    ),
    "trust.cli.count_needed": (
        "上次结束投票时记录了 {count} 张票，摘要 {digest}；核对会议记录后，用 --count {count} 重复该票数以确认重开。",
        "The last close recorded {count} ballots, digest {digest}; check the minutes and repeat the count with --count {count} to confirm the reopening.",
    ),
    "trust.cli.reopen_shows": (
        "上次结束投票时记录了 {count} 张票，摘要 {digest}。",
        "The last close recorded {count} ballots, digest {digest}.",
    ),
    "trust.cli.type_count": ("请输入会议记录上的票数以确认", "Type the count from the minutes to confirm"),
    "trust.output_inside_data": (
        "不能写入 {path}：它在数据目录 {data} 里面，会覆盖或混入测评数据；请写到数据目录之外（例如 U 盘或桌面）。",
        "Cannot write {path}: it is inside the data directory {data}, where it could overwrite or mix with the assessment data; write it outside (a USB stick, the desktop).",
    ),
    "trust.toml_too_deep": (
        "括号嵌套层数太多，无法读取；表单和规则文件只需要几层表格，请检查是否有多余的 [ 或 {{。",
        "nested too deeply to read; forms and rules need only a few levels of tables: look for stray [ or {{.",
    ),
    "trust.too_many_units": (
        "名单有 {count} 个单位，超过上限 {limit} 个；请检查是否选错了文件或重复粘贴了内容。",
        "The roster has {count} units, more than the limit of {limit}; check that it is the right file and nothing was pasted twice.",
    ),
    "trust.roster_too_big": (
        "{file} 太大，不像一份单位名单（上限 {limit} 个单位）；未读取，未导入任何内容。",
        "{file} is too large to be a roster (at most {limit} units); it was not read and nothing was imported.",
    ),
    "trust.forbidden_character": (
        "{what} 的名称或字段中含有不可见的控制字符 {character}（多半来自损坏的文件）；请在 Excel 中删除后重新导入，未导入任何内容。",
        "A name or field of {what} holds the invisible control character {character} (likely from a damaged file); remove it in Excel and import again; nothing was imported.",
    ),
    "trust.roster.forbidden_character": (
        "含有不可见的控制字符 {character}（例如空字符或文件中间的 BOM），请删除后重新导入",
        "holds the invisible control character {character} (such as NUL or a BOM in mid-file); remove it and import again",
    ),
    "trust.manifest_mac": (
        "{file} 的清单签名（HMAC）与本考核活动的密钥不符或缺失：文件或清单在途中被改动过，或来自别的活动；整个文件未导入。",
        "The manifest signature (HMAC) of {file} is missing or not this campaign's: the file or its manifest was changed on the way, or comes from another campaign; nothing of it was imported.",
    ),
    "trust.import_digest": (
        "{file} 中的 {count} 张测评票算出的摘要与清单记录的结束投票摘要（会议记录）不符：有票被增加、删除或改动；整个文件未导入。",
        "The {count} ballots in {file} do not give the closing digest its manifest records (the minutes): a ballot was added, dropped or changed; nothing of it was imported.",
    ),
    "trust.import_bad_answer": (
        "{file} 第 {line} 行起的测评票：单位 {unit} 的 {item} 答案“{value}”不是此表单允许的答案（与投票终端的检查相同）；整个文件未导入。",
        '{file}, ballot starting on line {line}: the answer "{value}" to {item} for unit {unit} is not one the form allows (the kiosk\'s own check); nothing of the file was imported.',
    ),
    "trust.import_missing": (
        "{file} 第 {line} 行起的测评票：单位 {unit} 缺少必答项 {item}；整个文件未导入。",
        "{file}, ballot starting on line {line}: unit {unit} lacks the required item {item}; nothing of the file was imported.",
    ),
    "trust.import_bad_unit": (
        "{file} 第 {line} 行起的测评票评了本次会议没有的单位 {unit}；整个文件未导入。",
        "{file}, ballot starting on line {line}, rates {unit}, which is not a unit of this meeting; nothing of the file was imported.",
    ),
    "trust.group_hidden": ("少于{min}票，不单列", "fewer than {min} ballots, not shown"),
    "trust.group_withheld": (
        "不单列（以免反推少于{min}票的类别）",
        "not shown (so a group of fewer than {min} cannot be worked out)",
    ),
    "trust.consolidate_unchecked": (
        "注意：此数据目录中没有该考核活动，无法核对清单签名和结束投票摘要；正式汇总请在持有该活动的电脑上进行。",
        "Note: this data directory does not hold the campaign, so the manifests' signatures and closing digests cannot be checked; consolidate on a laptop that holds the campaign for the official count.",
    ),
}
