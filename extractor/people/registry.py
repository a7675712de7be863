"""The persistent people registry: one SQLite file of entities, mentions, issuers and corrections.

Tables:
- ``entities(id, kind, name, merged_into, created)``: canonical people and organisations. A merged
  entity keeps its row and points at the survivor, so ids handed out earlier still resolve.
- ``mentions(id, document_id, field, printed, role, entity_id, issuer, address, cik, reason, pinned)``:
  every printed name we resolved, unique per (document, field, printed name). A mention seen again
  keeps its entity: ids are stable across runs; ``pinned`` marks a human correction.
- ``issuers(name, cik)`` and ``corrections(action, a, b, detail, created)`` (an audit trail).
- ``cannot_link(a, b)``: entities a person split apart; the matcher never joins them again.
Aliases are the distinct printed names of an entity's mentions.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS entities(
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, merged_into TEXT, created TEXT);
CREATE TABLE IF NOT EXISTS mentions(
    id INTEGER PRIMARY KEY, document_id TEXT NOT NULL, field TEXT NOT NULL, printed TEXT NOT NULL,
    role TEXT, entity_id TEXT NOT NULL, issuer TEXT, address TEXT, cik TEXT, reason TEXT,
    pinned INTEGER NOT NULL DEFAULT 0, UNIQUE(document_id, field, printed));
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE TABLE IF NOT EXISTS issuers(name TEXT PRIMARY KEY, cik TEXT);
CREATE TABLE IF NOT EXISTS corrections(
    id INTEGER PRIMARY KEY, action TEXT NOT NULL, a TEXT, b TEXT, detail TEXT, created TEXT);
CREATE TABLE IF NOT EXISTS cannot_link(a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY(a, b));
"""


@dataclass(frozen=True)
class MentionRow:
    id: int
    document_id: str
    field: str
    printed: str
    role: str
    entity_id: str
    issuer: str
    address: str
    cik: str
    reason: str
    pinned: bool


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Registry:
    """A SQLite people registry; use as a context manager so changes are committed once."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(self.path))
        self.conn.executescript(SCHEMA_SQL)

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.commit()
        self.conn.close()

    # -- entities -------------------------------------------------------------------------------
    def add_entity(self, entity_id: str, kind: str, name: str) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO entities(id, kind, name, created) VALUES (?, ?, ?, ?)",
            (entity_id, kind, name, _now()),
        )

    def canonical(self, entity_id: str) -> str:
        """Follow ``merged_into`` links to the surviving entity."""
        seen = set()
        while entity_id not in seen:
            seen.add(entity_id)
            row = self.conn.execute("SELECT merged_into FROM entities WHERE id = ?", (entity_id,)).fetchone()
            if row is None or row[0] is None:
                return entity_id
            entity_id = row[0]
        return entity_id

    def entities(self) -> list[tuple[str, str, str, int]]:
        """(id, kind, name, mention count) of every surviving entity, most mentioned first."""
        return list(
            self.conn.execute(
                "SELECT e.id, e.kind, e.name, COUNT(m.id) FROM entities e "
                "LEFT JOIN mentions m ON m.entity_id = e.id WHERE e.merged_into IS NULL "
                "GROUP BY e.id ORDER BY COUNT(m.id) DESC, e.id"
            )
        )

    def entity(self, entity_id: str) -> tuple[str, str, str] | None:
        row = self.conn.execute(
            "SELECT id, kind, name FROM entities WHERE id = ?", (self.canonical(entity_id),)
        ).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    # -- mentions -------------------------------------------------------------------------------
    def find_mention(self, document_id: str, field: str, printed: str) -> str | None:
        row = self.conn.execute(
            "SELECT entity_id FROM mentions WHERE document_id = ? AND field = ? AND printed = ?",
            (document_id, field, printed),
        ).fetchone()
        return None if row is None else self.canonical(row[0])

    def add_mention(
        self,
        *,
        document_id: str,
        field: str,
        printed: str,
        role: str,
        entity_id: str,
        issuer: str,
        address: str,
        cik: str,
        reason: str,
    ) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO mentions(document_id, field, printed, role, entity_id, issuer, address, "
            "cik, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document_id, field, printed, role, entity_id, issuer, address, cik, reason),
        )

    def mentions(self, entity_id: str | None = None) -> Iterator[MentionRow]:
        sql = (
            "SELECT id, document_id, field, printed, role, entity_id, issuer, address, cik, reason, pinned "
            "FROM mentions"
        )
        args: tuple[str, ...] = ()
        if entity_id is not None:
            sql += " WHERE entity_id = ?"
            args = (self.canonical(entity_id),)
        for row in self.conn.execute(sql + " ORDER BY id", args):
            yield MentionRow(
                id=row[0],
                document_id=row[1],
                field=row[2],
                printed=row[3],
                role=row[4] or "",
                entity_id=row[5],
                issuer=row[6] or "",
                address=row[7] or "",
                cik=row[8] or "",
                reason=row[9] or "",
                pinned=bool(row[10]),
            )

    def add_issuer(self, name: str, cik: str = "") -> None:
        if name:
            self.conn.execute("INSERT OR IGNORE INTO issuers(name, cik) VALUES (?, ?)", (name, cik))

    # -- corrections ----------------------------------------------------------------------------
    def merge(self, keep: str, other: str) -> None:
        """Make ``other`` part of ``keep``; both ids keep resolving (to ``keep``)."""
        keep, other = self.canonical(keep), self.canonical(other)
        if keep == other:
            return
        self.conn.execute("UPDATE mentions SET entity_id = ?, pinned = 1 WHERE entity_id = ?", (keep, other))
        self.conn.execute("UPDATE entities SET merged_into = ? WHERE id = ?", (keep, other))
        self.conn.execute(
            "DELETE FROM cannot_link WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)", (keep, other, other, keep)
        )
        self.conn.execute(
            "INSERT INTO corrections(action, a, b, created) VALUES ('merge', ?, ?, ?)", (keep, other, _now())
        )

    def split(self, entity_id: str, mention_ids: list[int], new_id: str) -> str:
        """Move the given mentions of ``entity_id`` to a new entity that the matcher never rejoins."""
        entity_id = self.canonical(entity_id)
        row = self.conn.execute("SELECT kind FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise KeyError(entity_id)
        first = self.conn.execute(
            f"SELECT printed FROM mentions WHERE id IN ({','.join('?' * len(mention_ids))}) ORDER BY id",
            mention_ids,
        ).fetchone()
        self.add_entity(new_id, row[0], first[0] if first else new_id)
        for mid in mention_ids:
            self.conn.execute(
                "UPDATE mentions SET entity_id = ?, pinned = 1 WHERE id = ? AND entity_id = ?",
                (new_id, mid, entity_id),
            )
        self.conn.execute("INSERT OR IGNORE INTO cannot_link(a, b) VALUES (?, ?)", (entity_id, new_id))
        self.conn.execute("INSERT OR IGNORE INTO cannot_link(a, b) VALUES (?, ?)", (new_id, entity_id))
        self.conn.execute(
            "INSERT INTO corrections(action, a, b, detail, created) VALUES ('split', ?, ?, ?, ?)",
            (entity_id, new_id, ",".join(map(str, mention_ids)), _now()),
        )
        return new_id

    def cannot_link_pairs(self) -> set[tuple[str, str]]:
        return {(a, b) for a, b in self.conn.execute("SELECT a, b FROM cannot_link")}

    def commit(self) -> None:
        self.conn.commit()
