"""Texts of the store's trust work: backups that link nothing, journaled restore, damage and mirror."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "store_trust.backup_during_voting": (
        "“{campaign}”正在投票，此时备份需加 --during-voting（备份不含草稿，只含已封存的选票）。",
        "Voting is open in “{campaign}”: a backup now needs --during-voting (it holds sealed ballots only, no drafts).",
    ),
    "store_trust.backup_holds": (
        "“{campaign}”：已封存 {ballots} 张（投票状态：{state}）；备份不含草稿和未完成的封存。",
        "“{campaign}”: {ballots} sealed ballots (voting: {state}); the backup holds no drafts and no unfinished seal.",
    ),
    "store_trust.opt.during_voting": (
        "投票进行中也备份（只含已封存的选票）",
        "back up while voting is open (sealed ballots only)",
    ),
    "store_trust.opt.discard_sealed": (
        "确认恢复会丢弃的已封存选票张数（须与提示的张数一致）",
        "confirm the number of sealed ballots the restore drops (must repeat the count shown)",
    ),
    "store_trust.restore_drops": (
        "恢复 {backup} 会丢弃 {ballots} 张已封存的选票和 {closings} 次结束投票的记录；"
        "确需如此，请加 --discard-sealed {ballots} 再运行。未做任何更改。",
        "Restoring {backup} would drop {ballots} sealed ballots and {closings} closings of voting; "
        "if that is really wanted, run again with --discard-sealed {ballots}. Nothing was changed.",
    ),
    "store_trust.restore_counts": (
        "“{campaign}”：恢复前 {before} 张选票、{before_closings} 次结束投票；恢复后 {after} 张、{after_closings} 次。",
        "“{campaign}”: before the restore {before} ballots and {before_closings} closings; after it {after} and {after_closings}.",
    ),
    "store_trust.restore_finished": (
        "上次从 {backup} 恢复数据时被中断，现已完成：现在是备份中的数据。",
        "The last restore from {backup} was interrupted; it is now finished: the data is the backup's.",
    ),
    "store_trust.restore_dropped": (
        "上次恢复数据在改动任何文件之前被中断，已撤销：{path} 中仍是恢复前的数据。",
        "The last restore was interrupted before it changed anything; it was dropped: {path} holds the data as before.",
    ),
    "store_trust.ask_passphrase_backup": (
        "已有投票，备份需要管理员口令：",
        "A vote exists; the backup needs the admin passphrase:",
    ),
    "store_trust.reason.missing": ("文件不见了", "the file is missing"),
    "store_trust.reason.ballots_lost": (
        "台账登记的选票不在任何选票文件中",
        "ballots the ledger registers are in no ballot file",
    ),
    "store_trust.healed": (
        "数据文件 {file} 已损坏或丢失，已从镜像 {mirror} 中经核验的副本恢复。",
        "The data file {file} was damaged or missing; it was restored from the verified copy in the mirror {mirror}.",
    ),
    "store_trust.opt.mirror": (
        "同时把每个数据文件写到此目录（如管理员电脑上的 U 盘），结构相同",
        "also write every data file to this directory (e.g. a USB stick in the admin laptop), same layout",
    ),
    "store_trust.cmd.mirror": (
        "查看或设置镜像目录：每个数据文件都同时写到那里，损坏时可自动恢复。",
        "Show or set the mirror directory: every data file is also written there and healed from it.",
    ),
    "store_trust.opt.mirror_off": ("不再使用镜像", "stop mirroring"),
    "store_trust.mirror_is": ("镜像目录：{path}", "Mirror directory: {path}"),
    "store_trust.mirror_none": ("未设置镜像目录。", "No mirror directory is set."),
    "store_trust.mirror_inside": (
        "镜像目录 {path} 在数据目录之内，起不到备份作用；请选另一个盘上的目录。",
        "The mirror directory {path} is inside the data directory, which defeats it; choose one on another disk.",
    ),
    "store_trust.opt.sheets": (
        "代码单写到此目录（默认：数据目录旁的 <数据目录名>-code-sheets/<考核活动>/；不能在数据目录内）",
        "directory for the code sheets (default: <data dir name>-code-sheets/<campaign>/ beside the data directory; never inside it)",
    ),
    "store_trust.opt.output_sheet": (
        "输出 CSV 文件（必填，不能在数据目录内）",
        "output CSV file (required; never inside the data directory)",
    ),
    "store_trust.sheet_inside_data": (
        "代码单不能写在数据目录 {data} 内（{path}）：数据目录及其备份不能同时带着明文代码。请换一个目录。",
        "Code sheets cannot go inside the data directory {data} ({path}): the data and its backups must never carry plaintext codes. Choose another directory.",
    ),
    "store_trust.finding.sheet": (
        "数据目录中有代码单：{file}（明文代码不应与数据放在一起；请移走并妥善保管）",
        "A code sheet lies in the data directory: {file} (plaintext codes must not sit beside the data; move it somewhere safe)",
    ),
    "store_trust.sheets_in_data": (
        "警告：数据目录中有 {count} 份代码单（如 {file}）；明文代码不应与数据放在一起，请移走。",
        "Warning: {count} code sheets lie in the data directory (e.g. {file}); plaintext codes must not sit beside the data, move them.",
    ),
    "store_trust.mirror_failed": (
        "无法写入镜像目录 {mirror}（{reason}）：数据照常保存在数据目录中，但没有镜像；请检查 U 盘。",
        "The mirror directory {mirror} cannot be written ({reason}): the data is kept in the data directory as usual, but without a mirror; check the USB stick.",
    ),
}
