"""`AuditTrail`: the campaign's log of admin actions (who, what, when), never of ballot contents."""

from __future__ import annotations

from .campaign_files import AUDIT, CampaignFiles
from .clock import now_seconds
from .file_data import table
from .records import AuditEntry


class AuditTrail:
    """Appends to and reads `audit.json`."""

    def __init__(self, files: CampaignFiles) -> None:
        self.files = files

    def audit(self, actor: str, action: str, detail: str) -> None:
        """Log an admin action (who, what, when); never pass ballot contents."""
        store = self.files.store
        with store.locked(), store.edit(self.files.path(AUDIT)) as db:
            db.table("entries", cache_size=0).insert(
                {"time": now_seconds(), "actor": actor, "action": action, "detail": detail}
            )

    def audit_log(self) -> list[AuditEntry]:
        """Every logged admin action, oldest first."""
        with self.files.op():
            entries = table(self.files.store.read(self.files.path(AUDIT)), "entries")
        return [
            AuditEntry(int(key), str(d["time"]), str(d["actor"]), str(d["action"]), str(d["detail"]))
            for key, d in sorted(entries.items(), key=lambda kv: int(kv[0]))
        ]
