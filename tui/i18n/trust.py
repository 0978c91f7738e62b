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
}
