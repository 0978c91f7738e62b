"""Catalogue entries of the hall's web page (`kaoping serve`) and the QR code slips: key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # the command
    "serve.cli.help": (
        "在会场局域网上提供网页测评：评议人用手机、平板或电脑扫码或输入测评码，与测评终端同时进行。",
        "Serve the review ballot as a web page on the hall's own network: evaluators scan or type their code on phones, tablets or laptops, alongside the voting terminal.",
    ),
    "serve.opt.host": (
        "监听的地址（默认 127.0.0.1 仅本机；会场中用 0.0.0.0 或本机的局域网地址）。",
        "Address to listen on (default 127.0.0.1, this machine only; in the hall use 0.0.0.0 or this machine's LAN address).",
    ),
    "serve.opt.port": ("监听的端口（0 为任一空闲端口）。", "Port to listen on (0: any free port)."),
    "serve.cmd.listening": (
        "网页测评已启动，监听 {host}:{port}。",
        "The ballot page is running on {host}:{port}.",
    ),
    "serve.cmd.slip_url": (
        "测评码条上印的地址（kaoping codes issue --url）：{url}",
        "Address to print on the slips (kaoping codes issue --url): {url}",
    ),
    "serve.cmd.local_only": (
        "只在本机可用；会场中请加 --host 0.0.0.0，让局域网内的手机能访问。",
        "Reachable from this machine only; in the hall add --host 0.0.0.0 so phones on the network can reach it.",
    ),
    "serve.cmd.stop": (
        "按 Ctrl+C 停止。投票的开始和结束仍由管理员在测评终端（F12）操作。",
        "Press Ctrl+C to stop. Opening and closing the vote stays with the admin at the terminal (F12).",
    ),
    "serve.cmd.stopped": ("网页测评已停止。", "The ballot page has stopped."),
    "serve.cmd.bind_failed": (
        "无法在 {host}:{port} 上启动网页测评：{detail}。请换一个端口（--port）或地址（--host）。",
        "Could not serve on {host}:{port}: {detail}. Choose another port (--port) or address (--host).",
    ),
    "serve.participation.line": (
        "参与情况：已封存 {sealed}/{issued}（{groups}）",
        "Participation: {sealed}/{issued} sealed ({groups})",
    ),
    "serve.participation.group": (
        "{group} 已封存 {sealed}/{issued}，网页作答中 {active}",
        "{group} {sealed}/{issued} sealed, {active} on the page now",
    ),
    "serve.log.unexpected": (
        "网页测评出现意外错误（{kind}），该请求未被处理。",
        "Unexpected error in the ballot page ({kind}); that request was not handled.",
    ),
    # the code
    "serve.login.title": ("输入测评码", "Enter your ballot code"),
    "serve.login.label": ("测评码（见测评码条）", "Ballot code (on your slip)"),
    "serve.login.placeholder": ("例如 ABCD-EFGH", "e.g. ABCD-EFGH"),
    "serve.login.start": ("开始测评", "Start"),
    "serve.login.secret": (
        "测评不记名：系统只保存测评码的加密摘要，封存后的测评票与测评码、设备和时间都无法对应。",
        "The ballot is anonymous: only a salted hash of the code is kept, and a sealed ballot cannot be linked to the code, the device or the time.",
    ),
    "serve.login.unknown": (
        "测评码不正确：请核对测评码条上的字母和数字后重新输入。",
        "That ballot code is not valid: check the letters and digits on your slip and type it again.",
    ),
    "serve.login.used": (
        "这个测评码已经投过票，不能再次使用；如有疑问请联系会务人员。",
        "This ballot code has already been used and cannot vote again; ask the meeting staff if in doubt.",
    ),
    "serve.login.closed": (
        "现在不在投票时间（尚未开始或已经结束），请听从会务人员安排。",
        "Voting is not open now (not started yet or already closed); please follow the meeting staff.",
    ),
    "serve.login.wait": (
        "输错次数过多，请 {seconds} 秒后再试。",
        "Too many wrong codes: please wait {seconds} seconds before trying again.",
    ),
    # the grid
    "serve.secretary": ("书记：{name}", "Secretary: {name}"),
    "serve.tally": ("{label} {count} / 上限 {limit}", "{label} {count} / limit {limit}"),
    "serve.progress": ("已评 {done} / {total} 个单位", "{done} of {total} units rated"),
    "serve.rule.so_far": ("（目前已评的 {count} 个单位都如此）", "(so far, all {count} units rated)"),
    "serve.refused": (
        "这一项没有保存：{rule}（每张票最多 {count} 个“{label}”）。请先把别的单位改为其他等次。",
        "Not saved: {rule} (at most {count} '{label}' per ballot). Change another unit first.",
    ),
    "serve.grid.hint": (
        "点选每个单位的评价等次，每次点选都会自动保存；键盘可用 Tab 移到某一行，按 1-4 评价并跳到下一行。",
        "Tap a level for each unit; every tap is saved at once. With a keyboard, Tab to a row and press 1-4 to rate it and move on.",
    ),
    "serve.dims.optional": ("“五力”分项评价（选填）与意见建议", "The five strengths (optional) and comments"),
    "serve.dims.required": ("“五力”分项评价（必填）与意见建议", "The five strengths (required) and comments"),
    "serve.dims.comment_only": ("意见建议（选填）", "Comments (optional)"),
    "serve.comment.save": ("保存意见", "Save comment"),
    "serve.larger": ("大字模式", "Larger text"),
    "serve.to_review": ("检查并提交", "Review and seal"),
    "serve.leave": ("暂存并离开", "Save and leave"),
    "serve.leave.hint": (
        "已作答的内容已保存；凭同一测评码可在任一设备上继续。",
        "Your answers are saved; the same code resumes them on any device.",
    ),
    "serve.saved": ("已保存", "Saved"),
    "serve.offline": (
        "网络中断，这一项没有保存；请稍后再点一次。",
        "The network dropped and this answer was not saved; tap it again shortly.",
    ),
    # review, seal, thanks
    "serve.review.title": ("检查测评票", "Check your ballot"),
    "serve.review.missing": (
        "还有 {count} 项没有评价，请补全后再提交：",
        "{count} answers are still missing; complete them before sealing:",
    ),
    "serve.review.valid": ("本票符合测评规则。", "This ballot meets the ballot rules."),
    "serve.review.invalid_seal": (
        "本票不符合上面的规则，提交后将作为无效票计入；如需修改请返回。",
        "This ballot breaks the rules above and will count as invalid if sealed; go back to change it.",
    ),
    "serve.review.seal": ("确认提交（封存后不能修改）", "Seal my ballot (no changes afterwards)"),
    "serve.review.final": (
        "封存后，本设备上不会保留任何作答内容。",
        "Once sealed, nothing of your answers stays on this device.",
    ),
    "serve.review.back": ("返回修改", "Back to the ballot"),
    "serve.thanks.title": ("测评票已封存，谢谢！", "Your ballot is sealed. Thank you!"),
    "serve.thanks.body": (
        "您的测评票已匿名保存，本页面不再显示任何作答内容。",
        "Your ballot is stored anonymously; this page shows nothing of your answers any more.",
    ),
    "serve.thanks.secret": (
        "请将测评码条交回会务人员或自行销毁。",
        "Hand your slip back to the meeting staff or destroy it.",
    ),
    # problems
    "serve.problem.title": ("无法完成", "Could not do that"),
    "serve.problem.home": ("返回首页", "Back to the start"),
    "serve.error.bad_request": (
        "请求无效，未作任何保存；请返回首页重新开始。",
        "The request was not valid and nothing was saved; go back to the start.",
    ),
    "serve.error.csrf": (
        "页面已过期或请求来源不明，未作任何保存；请返回首页重新进入。",
        "The page has expired or the request did not come from it; nothing was saved. Go back to the start.",
    ),
    "serve.error.not_found": ("没有这个页面；请返回首页。", "There is no such page; go back to the start."),
    "serve.error.too_large": (
        "提交的内容过长，未作任何保存；意见建议请控制在 200 字以内。",
        "What was sent is too long and nothing was saved; keep comments under 200 characters.",
    ),
    "serve.error.rate": ("请求过于频繁，请稍后再试。", "Too many requests; please try again shortly."),
    "serve.error.no_session": (
        "没有正在进行的测评（可能已封存或已过期）；请返回首页输入测评码。",
        "No ballot is in progress here (it may be sealed or expired); go back to the start and enter your code.",
    ),
    "serve.error.tampered": (
        "提交的内容不属于本测评票（单位、项目或等次不存在），未作任何保存。",
        "What was sent is not part of this ballot (no such unit, item or level); nothing was saved.",
    ),
    "serve.error.comment_long": (
        "意见建议最多 {limit} 字，未保存；请删减后再保存。",
        "Comments are limited to {limit} characters; nothing was saved. Shorten it and save again.",
    ),
    "serve.error.incomplete": (
        "还有 {count} 项没有评价，测评票没有封存；请补全后再提交。",
        "{count} answers are still missing, so the ballot was not sealed; complete them first.",
    ),
    "serve.error.unexpected": (
        "服务器出现意外错误，这次操作没有完成；已保存的作答不受影响，请重试。",
        "An unexpected error stopped this step; answers already saved are safe. Please try again.",
    ),
    # code slips with QR codes
    "serve.opt.slips_url": (
        "会场网页测评的地址（kaoping serve 显示的地址，如 http://192.168.1.10:8080）：另写一份可打印的 A4 测评码条（.html，每页 10 张，含二维码）。",
        "The hall page's address (as `kaoping serve` prints it, e.g. http://192.168.1.10:8080): also write printable A4 slips (.html, 10 a page, with QR codes).",
    ),
    "serve.slips.title": ("{name} 测评码条", "{name}: ballot code slips"),
    "serve.slips.scan": (
        "用手机扫码或打开 {url} 输入测评码",
        "Scan with a phone, or open {url} and type the code",
    ),
    "serve.slips.code": ("测评码", "Ballot code"),
    "serve.slips.once": ("一码一票，投后作废；请勿示人。", "One code, one ballot; keep it to yourself."),
    "serve.slips.bad_url": (
        "--url 应形如 http://192.168.1.10:8080（会场网络中本机的地址和端口），现为“{url}”。",
        "--url must look like http://192.168.1.10:8080 (this machine's address and port on the hall network), not '{url}'.",
    ),
    "serve.slips.written": (
        "可打印的测评码条（A4，含二维码）：{path}",
        "Printable code slips (A4, with QR codes): {path}",
    ),
}
