"""`Meeting`: opening and closing voting, the minutes digest, participation, the admin passphrase."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tinydb.table import Document

from forms.errors import InputError

from . import codes as codebook
from .audit_trail import AuditTrail
from .ballots import Ballots
from .blur import blur_all, create_all_shards
from .campaign_files import MAIN, CampaignFiles
from .clock import today
from .file_data import single, table
from .health import ensure_healthy
from .pinned_forms import PinnedForms
from .records import Closing, FinalResults, Participation, VotingState
from .sealing import closing_digest


class Meeting:
    """Voting state, closings, participation and the admin passphrase."""

    def __init__(self, files: CampaignFiles, forms: PinnedForms, ballots: Ballots, audit: AuditTrail) -> None:
        self.files = files
        self._forms = forms
        self._ballots = ballots
        self._audit = audit

    def voting_state(self) -> VotingState:
        """Whether voting has not opened yet, is open, or is closed."""
        return self.files.voting_state()

    def open_voting(self, actor: str) -> None:
        """Open voting for the first time; after a close it refuses: see `reopen_voting`."""
        with self.files.op():
            state = self.voting_state()
            if state == "open":
                return
            if state == "closed":
                # The close dialog told the hall voting cannot resume, and the minutes hold the count.
                raise InputError("trust.voting.reopen_separately")
            self._set_voting_open()
            self._audit.audit(actor, "voting.open", "")
            create_all_shards(self.files.store, self.files.dir)  # no shard file appears with its seal
        self.files.store.backup(kind="open")

    def reopen_voting(
        self, actor: str, passphrase: str, reason: str, count: int, digest: str | None = None
    ) -> None:
        """Reopen a closed vote: a deliberate act with the passphrase, a reason, and the count (and, when
        given, the digest or its first 8+ characters) of the last closing repeated back, as the minutes
        hold them; recorded in the audit log with both."""
        with self.files.op():
            if self.voting_state() != "closed":
                raise InputError("trust.voting.not_closed")
            if not self.check_passphrase(passphrase):
                raise InputError("trust.voting.wrong_passphrase")
            if not reason.strip():
                raise InputError("trust.voting.reason_required")
            last = self.closings()[-1]
            given = "".join((digest or last.digest).split()).replace("-", "").lower()
            if count != last.count or len(given) < 8 or not last.digest.startswith(given):
                raise InputError("trust.voting.confirm_mismatch", count=last.count, digest=last.digest)
            self._set_voting_open()
            self._audit.audit(actor, "voting.reopen", f"{last.count} {last.digest} {reason.strip()}")
            create_all_shards(self.files.store, self.files.dir)
        self.files.store.backup(kind="open")

    def results_visible(self) -> bool:
        """Whether results may be shown or written: never while voting is open, unless the rules'
        `results_before_close` says so (one rule for the results screen, the kiosk, exports, reports)."""
        return self.voting_state() != "open" or bool(self._forms.rules().results_before_close)

    def require_results_visible(self) -> None:
        """Refuse (exit 1) when `results_visible` is False."""
        from forms.errors import ProblemFound

        if not self.results_visible():
            raise ProblemFound("trust.results_while_open")

    def _set_voting_open(self) -> None:
        """Mark voting open in a new session (the caller holds the operation lock)."""
        with self.files.store.edit(self.files.path(MAIN)) as db:
            meeting = db.table("meeting", cache_size=0)
            current = dict(meeting.get(doc_id=1) or {"session": 0})
            current.update(state="open", session=int(current.get("session", 0)) + 1)
            meeting.upsert(Document(current, doc_id=1))

    def close_voting(self, actor: str) -> Closing:
        """Close voting: record the count and the digest over the sorted ballot hashes, for the minutes."""
        with self.files.op():
            if self.voting_state() != "open":
                raise InputError("store.voting_not_open")
            ensure_healthy(self.files)  # never close over a lost ballot
            # The minutes cover the ballots sealed on this terminal; imported ones have their own.
            imported = {
                str(doc.get("id")) for doc in self.files.ledger().values() if doc.get("source") == "import"
            }
            hashes = [b.content_hash for b in self._ballots.sealed_ballots() if b.ballot_id not in imported]
            session = int(single(self.files.main(), "meeting").get("session", 1))
            closing = Closing(session, len(hashes), closing_digest(hashes), today(), actor)
            with self.files.store.edit(self.files.path(MAIN)) as db:
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
            self._audit.audit(actor, "voting.close", f"{closing.count} {closing.digest}")
            self._blur_file_times()
        self.files.store.backup(kind="close")
        return closing

    def _blur_file_times(self) -> None:
        """Touch every ballot, ledger and code-book file at once (`blur.blur_all`), so that all their file
        times are the close: the times of the last writes during the meeting could otherwise tie a ballot
        file to a code file written in the same instant."""
        blur_all(self.files.store, self.files.dir)

    def finalize_results(self, stars: Mapping[str, int], unrated: Sequence[str], actor: str) -> FinalResults:
        """Record the official stars as final (公布): once only; the checks before it live in exports."""
        with self.files.op():
            if self.final_results() is not None:
                raise InputError("selfyear.already_final", campaign=self.files.info.name)
            final = FinalResults(today(), actor, {k: int(v) for k, v in stars.items()}, tuple(unrated))
            with self.files.store.edit(self.files.path(MAIN)) as db:
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
            self._audit.audit(actor, "results.finalize", f"{len(final.stars)} {len(final.unrated)}")
        self.files.store.backup(kind="auto")
        return final

    def final_results(self) -> FinalResults | None:
        """The finalised results, or None while they are still being worked on."""
        doc = single(self.files.store.read_cached(self.files.path(MAIN)), "final")
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
        with self.files.op():
            known = set(self.imported_closings()) | {closing.digest for closing in self.closings()}
            fresh = [digest for digest in dict.fromkeys(digests) if digest and digest not in known]
            if fresh:
                with self.files.store.edit(self.files.path(MAIN)) as db:
                    db.table("imported_closings", cache_size=0).insert_multiple(
                        {"digest": digest} for digest in fresh
                    )
                self._audit.audit("admin", "closings.import", " ".join(fresh))
        return len(fresh)

    def imported_closings(self) -> list[str]:
        """The closing digests of other terminals recorded with their imported ballots, in import order."""
        docs = table(self.files.main_cached(), "imported_closings")
        return [str(docs[key]["digest"]) for key in sorted(docs, key=int)]

    def closings(self) -> list[Closing]:
        """Every close of voting, oldest first."""
        docs = table(self.files.main_cached(), "closings").values()
        return sorted(
            (
                Closing(int(d["session"]), int(d["count"]), str(d["digest"]), str(d["day"]), str(d["actor"]))
                for d in docs
            ),
            key=lambda c: c.session,
        )

    def participation(self) -> list[Participation]:
        """Per rater group: codes used and issued (never which code)."""
        with self.files.op():
            ensure_healthy(self.files)  # never count a ballot a damaged file lost
            docs = list(self.files.codebook().values())
        issued: dict[str, int] = {}
        used: dict[str, int] = {}
        for doc in docs:
            group = str(doc["group"])
            issued[group] = issued.get(group, 0) + 1
            used[group] = used.get(group, 0) + (1 if doc.get("used") else 0)
        return [Participation(g, used.get(g, 0), issued.get(g, 0)) for g in self.files.info.rater_groups]

    def set_passphrase(self, passphrase: str, actor: str = "admin") -> None:
        """Set the admin passphrase (kept as a salted scrypt hash); see `store.passphrases` for the rule."""
        from .passphrases import check_passphrase_strength

        check_passphrase_strength(passphrase, self.files.info.demo)
        stored = codebook.hash_passphrase(passphrase)
        with self.files.op(), self.files.store.edit(self.files.path(MAIN)) as db:
            db.table("admin", cache_size=0).upsert(Document({"passphrase": stored}, doc_id=1))
        self._audit.audit(actor, "passphrase.set", "")

    def has_passphrase(self) -> bool:
        """Whether an admin passphrase was set."""
        return bool(single(self.files.main_cached(), "admin").get("passphrase"))

    def check_passphrase(self, passphrase: str) -> bool:
        """Whether `passphrase` is the admin passphrase (False when none is set)."""
        stored = single(self.files.main_cached(), "admin").get("passphrase")
        return bool(stored) and codebook.passphrase_matches(passphrase, str(stored))
