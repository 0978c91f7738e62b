"""Catalogue entries shared by every area: key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    "app.title": ("考评", "kaoping"),
    "app.subtitle": ("机关党建考核", "Party-building assessment"),
    "cli.help": (
        "考评：机关党建年度考核的终端工具（述职评议、自评、联络组审核、导出汇总）。",
        "kaoping: the year-end Party-building assessment in the terminal "
        "(review meeting, self-assessment, liaison review, exports).",
    ),
    "cli.opt.data": ("数据目录（环境变量 KAOPING_DATA）", "data directory (env KAOPING_DATA)"),
    "cli.opt.lang": (
        "界面语言：zh 或 en（环境变量 KAOPING_LANG）",
        "interface language: zh or en (env KAOPING_LANG)",
    ),
    "cli.opt.campaign": ("考核活动编号（默认：最新的一个）", "campaign id (default: the newest)"),
    "error.prefix": ("错误：", "Error: "),
    "error.interrupted": ("已取消，未做任何更改。", "Cancelled; nothing was changed."),
    "error.unexpected": (
        "发生意外错误：{detail}。数据未被修改；请把此信息告知管理员。",
        "Unexpected error: {detail}. No data was changed; please report this message.",
    ),
    "error.no_terminal": (
        "此命令需要交互式终端来提问；请用选项提供答案（见 --help），或加 --yes。",
        "This command needs an interactive terminal to ask its questions; "
        "give the answers as options (see --help) or add --yes.",
    ),
    "key.quit": ("退出", "Quit"),
    "key.back": ("返回", "Back"),
    "key.help": ("帮助", "Help"),
    "key.open": ("打开", "Open"),
    "home.title": ("考评 · 首页", "kaoping · Home"),
    "home.no_campaign": ("数据目录中还没有考核活动。", "There is no campaign in the data directory yet."),
    "home.data_dir": ("数据目录：{path}", "Data directory: {path}"),
    "home.campaign": ("考核活动：{name}（{year}年度）", "Campaign: {name} ({year})"),
    "home.campaign_named": ("考核活动：{name}", "Campaign: {name}"),
    "home.state": ("状态：{state}", "State: {state}"),
    "home.mode.meeting": ("述职评议会议（测评终端）", "Review meeting (voting terminal)"),
    "home.mode.selfassess": ("单位自评", "Self-assessment by units"),
    "home.mode.review": ("联络组审核与日常督导", "Liaison-group review and supervision"),
    "home.mode.results": ("结果与导出", "Results and exports"),
    "home.demo.offer": (
        "创建演示考核活动（66个直属党组织、3个联络组），先看看怎么用？",
        "Create the demo campaign (66 organizations, 3 liaison groups) to look around first?",
    ),
    "home.demo.create": ("创建演示活动", "Create demo campaign"),
    "home.demo.created": (
        "演示活动已创建。测评码（述职评议会议用）、单位登录码（单位自评用）和联络组登录码（联络组审核用）的打印单在 {folder}；演示管理口令：{passphrase}",
        "The demo campaign was created. The sheets of ballot codes (for the meeting), unit sign-in codes "
        "(for self-assessment) and liaison-group sign-in codes (for the review) are in {folder}; "
        "the demo admin passphrase is {passphrase}",
    ),
    "home.demo.creating": ("正在创建演示活动……", "Creating the demo campaign..."),
    "home.counts": (
        "参评单位 {units} 个，已封存测评票 {ballots} 张",
        "{units} reporting units, {ballots} sealed ballots",
    ),
    "home.voting.not_open": ("测评未开始", "voting not open"),
    "home.voting.open": ("测评进行中", "voting open"),
    "home.voting.closed": ("测评已结束", "voting closed"),
    "home.init.hint": (
        "正式使用：退出后运行 kaoping init 创建本年度考核活动。",
        "For real use: quit and run `kaoping init` to set up this year's campaign.",
    ),
}
