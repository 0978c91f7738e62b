"""Catalogue entries of the meeting area: key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # the command
    "meeting.cli.help": (
        "启动述职评议会议的测评终端（全屏，评议人轮流使用；F12 加管理口令进入管理面板）。",
        "Start the review meeting's voting terminal (full screen, evaluators take turns; F12 plus the admin passphrase opens the admin panel).",
    ),
    "meeting.cli.paper": (
        "纸质票录入模式：操作员逐张录入纸质测评票。",
        "Paper mode: an operator types in paper ballots.",
    ),
    "meeting.cli.double_entry": (
        "纸质票双人录入：第二名操作员盲录同一张票，核对差异后再封存（需配合 --paper）。",
        "Double entry of paper ballots: a second operator types the same ballot blind; differences are resolved before sealing (needs --paper).",
    ),
    "meeting.cli.vote": (
        "改为进行服务品牌评选投票（brands：十佳机关服务品牌）。",
        "Run the service-brand vote instead (brands: the top ten service brands).",
    ),
    "meeting.cli.idle": (
        "评议人多少秒无操作后回到首页（草稿保留，凭同一测评码可继续）。",
        "Seconds without a key or click before an abandoned ballot returns to the welcome screen (its draft is kept).",
    ),
    "meeting.bad_mode": (
        "未知的会议模式“{mode}”；可用：ballot、brands、paper。",
        "Unknown meeting mode '{mode}'; use ballot, brands or paper.",
    ),
    "meeting.double_entry_needs_paper": (
        "--double-entry 只用于纸质票录入；请同时加上 --paper。",
        "--double-entry only applies to paper ballots; add --paper as well.",
    ),
    "meeting.paper_and_vote": (
        "--paper 与 --vote 不能同时使用；纸质票录入只用于述职评议测评票。",
        "--paper and --vote cannot be combined; paper entry is for the review ballot only.",
    ),
    "meeting.no_passphrase": (
        "本考核活动还没有设置管理口令，测评终端无法安全退出；请先运行 kaoping init（或 kaoping passphrase）设置口令。",
        "This campaign has no admin passphrase yet, so the voting terminal could not be left safely; set one first with `kaoping init` (or `kaoping passphrase`).",
    ),
    "meeting.no_form": (
        "本考核活动没有述职评议测评表（范围为 ballot 的表）；请在 kaoping init 时选用。",
        "This campaign has no review ballot form (a form of scope 'ballot'); choose one in `kaoping init`.",
    ),
    "meeting.no_vote_form": (
        "本考核活动没有品牌评选票（范围为 vote、含多选题的表）；请在 kaoping init 时选用 brand_vote。",
        "This campaign has no brand vote form (scope 'vote' with a multiple-choice item); choose brand_vote in `kaoping init`.",
    ),
    "meeting.no_units": (
        "本考核活动还没有参加述职评议的直属党组织；请先用 kaoping units import 导入名单。",
        "This campaign has no directly affiliated organizations to rate yet; import the roster first with `kaoping units import`.",
    ),
    # the app and its keys
    "meeting.title": ("述职评议测评", "Review meeting ballot"),
    "meeting.key.admin": ("管理", "Admin"),
    "meeting.key.start": ("开始", "Start"),
    "meeting.key.next": ("下一个", "Next"),
    "meeting.key.previous": ("上一个", "Previous"),
    "meeting.key.jump": ("单位列表", "Unit list"),
    "meeting.key.review": ("检查全票", "Review"),
    "meeting.key.seal": ("投出", "Seal"),
    "meeting.save_failed": ("答案未能保存", "An answer was not saved"),
    "meeting.worker_failed": ("操作未能完成", "Something could not be done"),
    # welcome
    "meeting.welcome.count": ("已投 {voted} / 应投 {expected}", "Voted {voted} of {expected}"),
    "meeting.welcome.not_open": ("（投票尚未开始）", "(voting is not open)"),
    "meeting.welcome.prompt": (
        "请输入测评票上的测评码，然后按回车：",
        "Type the code printed on your slip, then press Enter:",
    ),
    "meeting.welcome.placeholder": ("例如 ABCD-EFGH", "e.g. ABCD-EFGH"),
    "meeting.welcome.privacy": (
        "测评码只能使用一次，不记录姓名；投出后任何人都无法查看您的选择。",
        "A code works once and carries no name; once sealed, nobody can see your choices.",
    ),
    "meeting.welcome.empty": ("请先输入测评码。", "Please type your code first."),
    "meeting.welcome.checking": ("正在核对测评码……", "Checking the code…"),
    "meeting.welcome.unknown": (
        "测评码不正确，请对照测评票重新输入（字母不区分大小写，短横线可省略）。",
        "That code is not right; check the slip and type it again (letters in any case, dashes optional).",
    ),
    "meeting.welcome.used": (
        "这个测评码已经投过票了，不能再次使用；如有疑问请联系会务工作人员。",
        "This code has already been used to vote and cannot be used again; ask the meeting staff if in doubt.",
    ),
    "meeting.welcome.closed": (
        "现在不在投票时间内（投票尚未开始或已经结束）；请联系会务工作人员。",
        "Voting is not open now (not started yet or already closed); please ask the meeting staff.",
    ),
    "meeting.welcome.wait": (
        "连续多次输入了错误的测评码，请等待 {seconds} 秒后再试。",
        "Several wrong codes in a row: please wait {seconds} seconds before trying again.",
    ),
    "meeting.welcome.try_again": ("现在可以重新输入测评码。", "You can type a code again now."),
    "meeting.welcome.abandoned": (
        "上一位评议人长时间未操作，已返回首页；其已填写的内容已保存，凭同一测评码可继续。",
        "The last ballot was left idle and closed; its answers are kept, and the same code resumes it.",
    ),
    # instructions
    "meeting.instructions.resumed": (
        "欢迎回来：已为您恢复上次填写的内容，从上次的位置继续。",
        "Welcome back: your saved answers are restored and you continue where you left off.",
    ),
    "meeting.instructions.units": (
        "请依次对 {count} 个单位的党组织书记述职进行评议，每个单位一页。",
        "Please rate the report of each of the {count} units, one page per unit.",
    ),
    "meeting.instructions.keys": (
        "数字键选择当前项的评价，随即移到下一项；↑↓ 或 Tab 在各项之间移动；PgDn 下一个单位，PgUp 上一个；j 打开单位列表，r 检查全票（在意见框中字母按原样输入）。每一项都会立即自动保存。",
        "A number key rates the current item and moves on to the next; ↑↓ or Tab move between items; PgDn next unit, PgUp previous; j the unit list, r review the whole ballot (in the comment box letters are just typed). Every answer is saved at once.",
    ),
    "meeting.instructions.seal_brands": (
        "选好后按 F2 投出；投出后不能修改。",
        "When your picks are done, press F2 to seal; a sealed ballot cannot be changed.",
    ),
    "meeting.instructions.brands": (
        "请从登记的机关服务品牌中选出不超过 {most} 个：输入名称中的文字或拼音首字母筛选，↑↓ 移动，回车选中或取消。",
        "Pick at most {most} of the registered service brands: type part of a name or its pinyin initials to filter, ↑↓ to move, Enter to pick or drop.",
    ),
    "meeting.instructions.secret": (
        "全部填完后在检查页按 s 投出；投出后不能修改。",
        "When everything is filled in, press s on the review page to seal; a sealed ballot cannot be changed.",
    ),
    "meeting.instructions.start": ("开始评议（回车）", "Start (Enter)"),
    # unit screen
    "meeting.unit.progress": ("第 {n}/{total} 个", "Unit {n} of {total}"),
    "meeting.unit.who": (
        "书记：{secretary}　　联络组：{group}",
        "Secretary: {secretary}    Liaison group: {group}",
    ),
    "meeting.unit.unanswered": ("未选", "not answered"),
    "meeting.unit.bounds": ("（{low}–{high}）", "({low}–{high})"),
    "meeting.unit.not_number": ("请输入数字", "Type a number"),
    "meeting.unit.out_of_range": ("应在 {low} 到 {high} 之间", "Must be between {low} and {high}"),
    "meeting.unit.comment_placeholder": ("可选：对该单位的意见建议", "Optional: a comment on this unit"),
    "meeting.unit.all_done": ("全部已答", "All answered"),
    "meeting.unit.missing": ("全票还差 {count} 项", "{count} answers still missing"),
    "meeting.state.done": ("已完成", "done"),
    "meeting.state.partial": ("部分", "partly"),
    "meeting.state.empty": ("未答", "not started"),
    "meeting.jump.title": ("单位列表（回车前往，Esc 返回）", "Units (Enter to go there, Esc to go back)"),
    # review
    "meeting.review.title": (
        "检查全票：确认无误后按 s 投出；在某行按回车可回到该单位修改",
        "Review the whole ballot: press s to seal; Enter on a row goes back to that unit",
    ),
    "meeting.review.unit": ("单位", "Unit"),
    "meeting.review.comment": ("意见", "Comment"),
    "meeting.review.missing": ("未答", "missing"),
    "meeting.review.complete": ("{count} 个单位全部评议完毕。", "All {count} units are rated."),
    "meeting.review.incomplete": (
        "还有 {count} 项未答（红色标出），请补全后再投出。",
        "{count} answers are missing (in red); fill them in before sealing.",
    ),
    "meeting.review.checking": ("正在检查计票规则……", "Checking the ballot rules…"),
    "meeting.review.rules_ok": ("符合全部计票规则。", "The ballot meets every rule."),
    "meeting.review.cannot_seal": (
        "还有 {count} 项未答，不能投出。",
        "{count} answers are missing; the ballot cannot be sealed yet.",
    ),
    "meeting.rule.quota": (
        "（现有 {count} 个，最多 {limit} 个：{units}）",
        "({count} given, at most {limit}: {units})",
    ),
    "meeting.rule.all_units": ("（涉及全部 {count} 个单位）", "(all {count} units)"),
    # sealing
    "meeting.seal.question": (
        "确定投出这张测评票吗？投出后不能再修改。",
        "Seal this ballot now? It cannot be changed afterwards.",
    ),
    "meeting.seal.will_be_invalid": (
        "注意：这张票违反计票规则，投出后将按无效票处理。按 n 返回修改。",
        "Note: this ballot breaks a counting rule and will count as invalid. Press n to go back and change it.",
    ),
    "meeting.seal.yes": ("确定投出（y）", "Seal it (y)"),
    "meeting.seal.no": ("返回修改（n）", "Go back (n)"),
    "meeting.seal.yes_key": ("确定", "Yes"),
    "meeting.seal.no_key": ("返回", "No"),
    "meeting.seal.failed": ("测评票未能投出", "The ballot was not sealed"),
    "meeting.thanks.title": ("投票成功，谢谢您！", "Your ballot is sealed. Thank you!"),
    "meeting.thanks.body": (
        "您的测评票已封存，不含任何个人信息。{seconds} 秒后或按任意键回到首页，请下一位评议人使用。",
        "Your ballot is sealed and carries nothing about you. In {seconds} seconds, or at any key, the terminal is ready for the next evaluator.",
    ),
    # admin
    "meeting.admin.passphrase_title": ("管理员：请输入管理口令", "Admin: type the admin passphrase"),
    "meeting.admin.passphrase_hint": (
        "管理口令（回车确认，Esc 取消）",
        "passphrase (Enter to confirm, Esc to cancel)",
    ),
    "meeting.admin.passphrase_wrong": ("口令不正确。", "Wrong passphrase."),
    "meeting.admin.passphrase_wait": (
        "连续多次输错，请等待 {seconds} 秒后再试。",
        "Several wrong tries in a row: please wait {seconds} seconds before trying again.",
    ),
    "meeting.admin.title": ("管理面板 · {campaign}", "Admin panel · {campaign}"),
    "meeting.admin.leave": ("返回测评", "Back to voting"),
    "meeting.admin.refresh": ("刷新", "Refresh"),
    "meeting.admin.tab_voting": ("投票", "Voting"),
    "meeting.admin.tab_results": ("结果", "Results"),
    "meeting.admin.state_not_open": ("投票尚未开始。", "Voting has not been opened."),
    "meeting.admin.state_open": ("投票进行中。", "Voting is open."),
    "meeting.admin.state_closed": ("投票已结束。", "Voting is closed."),
    "meeting.admin.group": ("评议人类别", "Rater group"),
    "meeting.admin.issued": ("发放", "Issued"),
    "meeting.admin.used": ("已投", "Voted"),
    "meeting.admin.left": ("未投", "Not yet"),
    "meeting.admin.total": ("合计", "Total"),
    "meeting.admin.open": ("开始投票", "Open voting"),
    "meeting.admin.close": ("结束投票", "Close voting"),
    "meeting.admin.quit": ("退出测评终端", "Quit the terminal"),
    "meeting.admin.close_question": (
        "结束投票后，本场不能再投票；将显示票数与校验摘要，请记入会议记录。确定结束吗？",
        "After closing, no more ballots can be cast in this session; the count and digest are shown for the minutes. Close now?",
    ),
    "meeting.admin.receipt_title": (
        "请将以下票数与校验摘要记入会议记录：",
        "Copy the count and the digest below into the minutes:",
    ),
    "meeting.admin.receipt": (
        "封存票数：{count}\n校验摘要（SHA-256）：\n{digest}",
        "Sealed ballots: {count}\nDigest (SHA-256):\n{digest}",
    ),
    # results
    "meeting.results.loading": ("正在读取结果……", "Reading the results…"),
    "meeting.results.hidden": (
        "投票结束前不显示结果（计票保密）。结束投票后这里将显示各单位得分、好等次率、等次与名次。",
        "Results stay hidden until voting is closed (ballot secrecy). After closing, scores, 好-rates, grades and ranks appear here.",
    ),
    "meeting.results.rank": ("名次", "Rank"),
    "meeting.results.unit": ("单位", "Unit"),
    "meeting.results.score": ("得分", "Score"),
    "meeting.results.good_rate": ("好等次率", "好-rate"),
    "meeting.results.grade": ("等次", "Grade"),
    "meeting.results.ballots": ("有效票", "Valid"),
    "meeting.results.chart": ("得分图", "Chart"),
    "meeting.results.summary": (
        "{units} 个单位，封存票 {ballots} 张；按述职评议得分排序。",
        "{units} units, {ballots} sealed ballots; ordered by review score.",
    ),
    # the brand vote
    "meeting.brands.title": (
        "“十佳机关服务品牌”评选：最多选 {most} 个",
        "Top ten service brands: pick at most {most}",
    ),
    "meeting.brands.filter": (
        "输入品牌名称中的文字或拼音首字母筛选",
        "Type part of a name (or pinyin initials) to filter",
    ),
    "meeting.brands.count": (
        "显示 {shown} / 共 {total} 个品牌；↑↓ 移动，回车选中或取消",
        "{shown} of {total} brands shown; ↑↓ move, Enter picks or drops",
    ),
    "meeting.brands.picked": ("已选 {count} / {most}（F2 投出）", "Picked {count} of {most} (F2 seals)"),
    "meeting.brands.none": ("尚未选择。", "Nothing picked yet."),
    "meeting.brands.too_many": (
        "最多只能选 {most} 个；请先取消一个再选。",
        "At most {most} may be picked; drop one first.",
    ),
    "meeting.brands.pick_one": ("请至少选择 1 个品牌再投出。", "Pick at least one brand before sealing."),
    # paper mode
    "meeting.paper.title": ("纸质票录入", "Paper ballot entry"),
    "meeting.paper.left": ("{group}：还可录入 {left} 张", "{group}: {left} slips left to enter"),
    "meeting.paper.single": (
        "逐格录入：数字键 1–4 填入评价并跳到下一格，回车到下一行，退格清除；录完按 F2。",
        "Type each cell: keys 1–4 fill it and move on, Enter goes to the next row, Backspace clears; F2 when done.",
    ),
    "meeting.paper.stage_first": (
        "双人录入 · 第一人：录完按 F2，然后交给第二人盲录。",
        "Double entry · first operator: F2 when done, then hand over for the blind second entry.",
    ),
    "meeting.paper.stage_second": (
        "双人录入 · 第二人：请对照同一张纸质票重新录入，录完按 F2 核对。",
        "Double entry · second operator: type the same slip again, F2 to compare.",
    ),
    "meeting.paper.handover": (
        "第一人已录完，表格已清空；请第二人录入同一张票。",
        "First entry done and the grid is cleared; the second operator types the same slip now.",
    ),
    "meeting.paper.gap": (
        "第 {n} 行（{unit}）还有未录入的格子。",
        "Row {n} ({unit}) still has an empty cell.",
    ),
    "meeting.paper.key_next_row": ("下一行", "Next row"),
    "meeting.paper.key_clear": ("清除", "Clear"),
    "meeting.paper.key_finish": ("录完", "Done"),
    "meeting.paper.key_accept": ("采用", "Accept"),
    "meeting.paper.diff_title": (
        "两次录入有 {count} 处不一致：请对照纸质票，在每行按 1–4 选定正确的评价，然后按 F2。",
        "The two entries differ in {count} cells: check the slip, press 1–4 on each row for the right rating, then F2.",
    ),
    "meeting.paper.item": ("项目", "Item"),
    "meeting.paper.first": ("第一人", "First"),
    "meeting.paper.second": ("第二人", "Second"),
    "meeting.paper.final": ("采用", "Final"),
    "meeting.paper.unresolved": ("还有 {count} 处未确定。", "{count} cells are still unresolved."),
    "meeting.paper.sealed": (
        "已封存一张{group}的纸质票；该类别还可录入 {left} 张。",
        "One paper ballot of {group} sealed; {left} slips of that group left.",
    ),
    "meeting.paper.ratings_only": (
        "纸质票录入只支持评价类题目，而测评表“{form}”含有分数题；请在终端上投票。",
        "Paper entry supports rating items only, and the form '{form}' has score items; vote on the terminal instead.",
    ),
    # export from the admin panel
    "meeting.admin.tab_export": ("导出", "Export"),
    "meeting.export.intro": (
        "投票结束后，把本机的测评票和结果导出为 Excel 可直接打开的 CSV（附清单文件），拷到 U 盘带走汇总。",
        "After voting closes, export this terminal's ballots and results as Excel-ready CSV (with a manifest) to take away on a USB stick.",
    ),
    "meeting.export.write": ("导出", "Export"),
    "meeting.export.writing": ("正在导出……", "Exporting…"),
    "meeting.export.done": ("已导出 {rows} 行：{path}", "Exported {rows} rows: {path}"),
    "meeting.export.not_closed": (
        "投票结束后才能导出（计票保密）。",
        "Exports are available once voting is closed (ballot secrecy).",
    ),
    "meeting.export.folder": (
        "无法使用导出文件夹 {path}：{detail}。请换一个文件夹。",
        "Cannot use the export folder {path}: {detail}. Choose another folder.",
    ),
}
