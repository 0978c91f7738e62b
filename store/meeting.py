"""The review meeting: opening and closing voting, the minutes digest, participation, passphrase, verify."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tinydb.table import Document

from forms.errors import InputError

from . import codes as codebook
from .ballots import BallotsMixin
from .campaign_base import BALLOTS_DIR, CODEBOOK_DIR, LEDGER_DIR, MAIN
from .core import single, table, today
from .records import Closing, FinalResults, Finding, Participation
from .sealing import closing_digest
from .storage import write_atomic


class MeetingMixin(BallotsMixin):
    """Voting state, closings, participation, the admin passphrase and verification."""

    def open_voting(self, actor: str) -> None:
        """Open voting (again, after a close: a new session)."""
        with self._op():
            if self.voting_state() == "open":
                return
            with self.store.edit(self._path(MAIN)) as db:
                meeting = db.table("meeting", cache_size=0)
                current = dict(meeting.get(doc_id=1) or {"session": 0})
                current.update(state="open", session=int(current.get("session", 0)) + 1)
                meeting.upsert(Document(current, doc_id=1))
            self.audit(actor, "voting.open", "")
        self.store.backup()

    def close_voting(self, actor: str) -> Closing:
        """Close voting: record the count and the digest over the sorted ballot hashes, for the minutes."""
        with self._op():
            if self.voting_state() != "open":
                raise InputError("store.voting_not_open")
            # The minutes cover the ballots sealed on this terminal; imported ones have their own.
            imported = {
                str(doc.get("id")) for doc in self._ledger().values() if doc.get("source") == "import"
            }
            hashes = [b.content_hash for b in self.sealed_ballots() if b.ballot_id not in imported]
            session = int(single(self._main(), "meeting").get("session", 1))
            closing = Closing(session, len(hashes), closing_digest(hashes), today(), actor)
            with self.store.edit(self._path(MAIN)) as db:
                db.table("closings", cache_size=0).insert(
                    {
                        "session": closing.session,
                        "count": closing.count,
                        "digest": closing.digest,
                        "day": closing.day,
                        "actor": closing.actor,
                    }
                )
                meeting = db.table("meeting", cache_size=0)
                current = dict(meeting.get(doc_id=1) or {})
                current["state"] = "closed"
                meeting.upsert(Document(current, doc_id=1))
            self.audit(actor, "voting.close", f"{closing.count} {closing.digest}")
            self._blur_file_times()
        self.store.backup()
        return closing

    def _blur_file_times(self) -> None:
        """Rewrite every ballot, ledger and code-book file as it is, so that all their file times are
        the close: the times of the last writes during the meeting could otherwise tie a ballot file to
        a code file written in the same instant."""
        for folder in (BALLOTS_DIR, LEDGER_DIR, CODEBOOK_DIR):
            directory = self.dir / folder
            for path in sorted(directory.glob("*.json")) if directory.is_dir() else []:
                write_atomic(path, path.read_bytes())

    def finalize_results(self, stars: Mapping[str, int], unrated: Sequence[str], actor: str) -> FinalResults:
        """Record the official stars as final (公布): once only; the checks before it live in exports."""
        with self._op():
            if self.final_results() is not None:
                raise InputError("selfyear.already_final", campaign=self.info.name)
            final = FinalResults(today(), actor, {k: int(v) for k, v in stars.items()}, tuple(unrated))
            with self.store.edit(self._path(MAIN)) as db:
                db.table("final", cache_size=0).upsert(
                    Document(
                        {
                            "day": final.day,
                            "actor": final.actor,
                            "stars": dict(final.stars),
                            "unrated": list(final.unrated),
                        },
                        doc_id=1,
                    )
                )
            self.audit(actor, "results.finalize", f"{len(final.stars)} {len(final.unrated)}")
        self.store.backup()
        return final

    def final_results(self) -> FinalResults | None:
        """The finalised results, or None while they are still being worked on."""
        doc = single(self.store.read_cached(self._path(MAIN)), "final")
        if not doc:
            return None
        return FinalResults(
            str(doc["day"]),
            str(doc["actor"]),
            {str(k): int(v) for k, v in dict(doc.get("stars", {})).items()},
            tuple(str(u) for u in doc.get("unrated", [])),
        )

    def record_imported_closings(self, digests: Sequence[str]) -> int:
        """Keep the closing digests of the other terminals whose ballots were imported (read from their
        export manifests), so the results notice lists every room's minutes; returns how many were new."""
        with self._op():
            known = set(self.imported_closings()) | {closing.digest for closing in self.closings()}
            fresh = [digest for digest in dict.fromkeys(digests) if digest and digest not in known]
            if fresh:
                with self.store.edit(self._path(MAIN)) as db:
                    db.table("imported_closings", cache_size=0).insert_multiple(
                        {"digest": digest} for digest in fresh
                    )
                self.audit("admin", "closings.import", " ".join(fresh))
        return len(fresh)

    def imported_closings(self) -> list[str]:
        """The closing digests of other terminals recorded with their imported ballots, in import order."""
        docs = table(self._main_cached(), "imported_closings")
        return [str(docs[key]["digest"]) for key in sorted(docs, key=int)]

    def closings(self) -> list[Closing]:
        """Every close of voting, oldest first."""
        docs = table(self._main_cached(), "closings").values()
        return sorted(
            (
                Closing(int(d["session"]), int(d["count"]), str(d["digest"]), str(d["day"]), str(d["actor"]))
                for d in docs
            ),
            key=lambda c: c.session,
        )

    def participation(self) -> list[Participation]:
        """Per rater group: codes used and issued (never which code)."""
        with self._op():
            docs = list(self._codes().values())
        issued: dict[str, int] = {}
        used: dict[str, int] = {}
        for doc in docs:
            group = str(doc["group"])
            issued[group] = issued.get(group, 0) + 1
            used[group] = used.get(group, 0) + (1 if doc.get("used") else 0)
        return [Participation(g, used.get(g, 0), issued.get(g, 0)) for g in self.info.rater_groups]

    def set_passphrase(self, passphrase: str, actor: str = "admin") -> None:
        """Set the admin passphrase (kept as a salted scrypt hash); at least 6 characters."""
        if len(passphrase) < 6:
            raise InputError("store.passphrase_short", min=6)
        stored = codebook.hash_passphrase(passphrase)
        with self._op(), self.store.edit(self._path(MAIN)) as db:
            db.table("admin", cache_size=0).upsert(Document({"passphrase": stored}, doc_id=1))
        self.audit(actor, "passphrase.set", "")

    def has_passphrase(self) -> bool:
        """Whether an admin passphrase was set."""
        return bool(single(self._main_cached(), "admin").get("passphrase"))

    def check_passphrase(self, passphrase: str) -> bool:
        """Whether `passphrase` is the admin passphrase (False when none is set)."""
        stored = single(self._main_cached(), "admin").get("passphrase")
        return bool(stored) and codebook.passphrase_matches(passphrase, str(stored))

    def verify(self) -> list[Finding]:
        """Recompute every ballot hash and the ledger, counts and closing digest: each problem found."""
        from .integrity import verify_campaign

        with self._op():
            return verify_campaign(self)
