"""The plain-text rewriter: removes what converters leave behind, keeping an offset map to the source.

Two linear passes. Line ends first (``offsets.crlf_pass``: CRLF/CR -> LF by ``str.replace`` at C speed;
its map is composed with the second pass's). Then the rules: a single character class (``_TRIGGER``)
finds the next place that may need rewriting (the ``re`` engine scans a lone class in C, > 100 MB/s);
only there is the rule pattern tried, and text in between is copied in bulk. A text with nothing to
rewrite comes out as one copied piece.

Rules (plain text; HTML documents go through ``html.py``, which reuses the shared helpers here):

* CRLF / CR (first pass), form feed, vertical tab, Unicode line separators -> ``\\n``;
* NBSP and other Unicode spaces -> space (one for one: the column layout survives); TABs and runs of
  spaces are kept as they are;
* zero-width characters, soft hyphens and stray C0 controls -> dropped;
* superscripts: ``⁽¹⁾`` -> ``(1)``; ``¹`` -> ``1``, but ``(1)`` right after a letter or digit, so that
  ``69,672¹`` cannot become the number ``69,6721``;
* backslash escapes of ASCII punctuation (``\\$``, ``\\*``, ``\\_``) -> the character;
* HTML entities (``&amp;``, ``&nbsp;``, ``&#160;``, ``&#x27;``) -> their characters;
* ``<input type="checkbox" checked .../>`` -> ``[X]``, unchecked -> ``[ ]``;
* ``<sup>(1)</sup>`` -> ``(1)``, ``<sup>1</sup>`` -> ``(1)``; other known inline tags (``<u>``, ``<b>``,
  ``<span ...>``) and comments -> dropped; ``<br>`` -> newline; text that merely looks like a tag
  (``<Company Name>``) is kept;
* markdown emphasis ``**bold**``, ``__bold__``, ``*see*`` -> the words. TRAP: underscores are also
  checkbox marks (``_X_``, ``__X__``) and blank fields (``$ _____``), and a lone ``*`` marks a field
  label ("Reporting Person *"); only a balanced pair hugging non-blank text, not a lone mark, is removed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from extractor.ingest.offsets import OffsetBuilder, OffsetMap, compose, crlf_pass

# --- characters -------------------------------------------------------------------------------------
SPACE_CHARS = "\u00a0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u202f\u205f\u3000"
NEWLINE_CHARS = "\f\v\x85\u2028\u2029"
# Zero-width / invisible characters (ZWSP, ZWNJ, ZWJ, LRM, RLM, word joiner, BOM, soft hyphen) and C0
# controls other than TAB/LF/VT/FF/CR, which converters leave as debris.
DROP_CHARS = (
    "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"
    + "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\v\f\r")
    + "\x7f"
)
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# One-for-one character rewrites (same length: offsets stay linear).
CHAR_TABLE = str.maketrans(
    SPACE_CHARS + NEWLINE_CHARS + "\r" + SUPERSCRIPT_DIGITS + "⁽⁾",
    " " * len(SPACE_CHARS) + "\n" * (len(NEWLINE_CHARS) + 1) + "0123456789()",
)
_DROP_TABLE = str.maketrans("", "", DROP_CHARS)

_SUP = f"[{SUPERSCRIPT_DIGITS}]"

# --- tags -------------------------------------------------------------------------------------------
# Inline tags dropped wherever they appear; the names are HTML's, so "<Company Name>" is not a tag.
INLINE_TAGS = (
    "a|abbr|b|big|center|cite|code|del|em|font|i|ins|kbd|label|mark|nobr|q|s|samp|small|span|strike|"
    "strong|sub|sup|tt|u|var|wbr"
)
BLOCK_TAGS = (
    "address|article|blockquote|body|caption|col|colgroup|dd|div|dl|dt|footer|form|h1|h2|h3|h4|h5|h6|"
    "head|header|hr|html|li|main|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul"
)
# Bounded attribute run: a tag is at most ~1 KB; "[^<>]" cannot run past the next tag.
_ATTRS = r"(?:\s[^<>]{0,1000})?"
ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
INPUT_TAG = r"<(?i:input)\b[^<>]{0,1000}>"
SUP_NUMBER = r"<(?i:sup)" + _ATTRS + r">[ ]{0,3}(?P<supval>[0-9]{1,3})[ ]{0,3}</(?i:sup)\s{0,3}>"
_CHECKBOX_TYPE = re.compile(r"""\btype\s{0,3}=\s{0,3}["']?(?:checkbox|radio)\b""", re.IGNORECASE)
_CHECKED = re.compile(r"""(?<![\w-])checked\b""", re.IGNORECASE)

# --- the plain-text pass ----------------------------------------------------------------------------
# Everything a rule can start with; "_" and "*" only matter doubled or as emphasis, checked below.
_TRIGGER = re.compile(f"[{NEWLINE_CHARS}{SPACE_CHARS}{DROP_CHARS}{SUPERSCRIPT_DIGITS}⁽⁾\\\\&<*_]")
_RULES = re.compile(
    "|".join(
        (
            f"(?P<chars>[{NEWLINE_CHARS}{SPACE_CHARS}⁽⁾]{{1,256}})",
            f"(?P<drop>[{DROP_CHARS}]{{1,256}})",
            f"(?P<supd>{_SUP}{{1,6}})",
            r"(?P<esc>\\[!-/:-@\[-`{-~])",
            f"(?P<ent>{ENTITY})",
            f"(?P<input>{INPUT_TAG})",
            f"(?P<supnum>{SUP_NUMBER})",
            r"(?P<comment><!--)",
            r"(?P<br><(?i:br|hr)" + _ATTRS + r"/?>)",
            f"(?P<tag></?(?i:{INLINE_TAGS}|{BLOCK_TAGS}){_ATTRS}/?>)",
            # Runs of 3+ marks are blank fields or rules ("_____", "***"): kept, skipped in one step.
            r"(?P<run>_{3,}|\*{3,})",
            r"(?P<em>\*\*|__|\*)",
        )
    )
)
# Closing emphasis: the class excludes the mark, so the possessive run stops at the first mark.
_EM_CLOSE = {
    "**": re.compile(r"[^*]{1,1000}+\*\*"),
    "__": re.compile(r"[^_]{1,1000}+__"),
    "*": re.compile(r"[^*\n]{1,300}+\*"),
}
_CHECK_MARKS = frozenset({"X", "x", "✓", "✔", "√", "/"})


class CloserFinder:
    """Finds closing delimiters (``-->``, ``</script>``) after an opener, remembering which are gone.

    TRAP: a text with many openers and no closer would otherwise be searched to its end once per
    opener, which is quadratic; once a closer is known to be absent after some point, it is absent
    after every later opener too.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._absent: set[str | re.Pattern[str]] = set()

    def end(self, closer: str | re.Pattern[str], pos: int) -> int:
        """End of the first ``closer`` at or after ``pos``, or -1."""
        if closer in self._absent:
            return -1
        if isinstance(closer, str):
            i = self.text.find(closer, pos)
            end = -1 if i < 0 else i + len(closer)
        else:
            m = closer.search(self.text, pos)
            end = -1 if m is None else m.end()
        if end < 0:
            self._absent.add(closer)
        return end


def checkbox(tag: str) -> str:
    """``[X]`` / ``[ ]`` for a checkbox or radio ``<input>``; "" for other inputs."""
    if not _CHECKBOX_TYPE.search(tag):
        return ""
    return "[X]" if _CHECKED.search(tag) else "[ ]"


def decode_entity(entity: str) -> str:
    """The characters of an HTML entity, NBSP and friends already made plain; unknown ones unchanged."""
    return html.unescape(entity).translate(CHAR_TABLE).translate(_DROP_TABLE)


def superscript_digits(text: str, run: str, start: int) -> str:
    """A bare run of superscript digits: ``(1)`` right after a letter or digit, else ``1``."""
    digits = run.translate(CHAR_TABLE)
    if start > 0 and text[start - 1].isalnum():
        return f"({digits})"
    return digits


def _emphasis_end(text: str, start: int, mark: str) -> int:
    """Position of the closing mark of emphasis opened at ``start``, or -1 if this is no opener."""
    after = start + len(mark)
    if after >= len(text) or text[after].isspace() or text[after] in "*_":
        return -1
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "*_\\"):
        return -1
    m = _EM_CLOSE[mark].match(text, after)
    if m is None:
        return -1
    close = m.end() - len(mark)
    inner = text[after:close]
    if inner[-1].isspace() or "\n\n" in inner or "\n\r\n" in inner:
        return -1
    if m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] in "*_"):
        return -1
    # TRAP: "__X__ Director" is a checked box, not underlined "X".
    if mark == "__" and (len(inner.strip()) < 2 or inner.strip() in _CHECK_MARKS):
        return -1
    return close


def normalise_plain(source: str) -> tuple[str, OffsetMap]:
    """Rewrite a plain-text filing (see the module docstring); return the text and its offsets."""
    if "\r" not in source:
        return _rewrite(source)
    # Line ends first, at C speed (a CRLF file would otherwise cost a rule match per line).
    mid, inner = crlf_pass(source)
    text, outer = _rewrite(mid)
    return text, compose(outer, inner)


def _rewrite(source: str) -> tuple[str, OffsetMap]:
    out = OffsetBuilder(source)
    pos = 0  # source before ``pos`` has been emitted
    scan = 0  # where to look for the next trigger
    closers: set[int] = set()  # positions of emphasis closers whose opener was removed
    closers_found = CloserFinder(source)
    trigger = _TRIGGER.search
    rule = _RULES.match
    while True:
        t = trigger(source, scan)
        if t is None:
            break
        start = t.start()
        m = rule(source, start)
        if m is None:
            scan = start + 1
            continue
        end = m.end()
        kind = m.lastgroup
        replacement = _REWRITES.get(kind or "")
        if replacement is not None:
            out.copy(pos, start)
            replacement(out, source, m)
            pos = end
        elif kind == "comment":
            close = closers_found.end("-->", end)
            if close >= 0:  # an unclosed "<!--" is left as text
                out.copy(pos, start)
                pos = end = close
        elif kind == "em":
            mark = m.group()
            if start in closers:
                closers.discard(start)
                out.copy(pos, start)
                pos = end
            else:
                close = _emphasis_end(source, start, mark)
                if close >= 0:
                    closers.add(close)
                    out.copy(pos, start)
                    pos = end
        # "run" and unmatched emphasis marks stay as they are.
        scan = end
    out.copy(pos, len(source))
    return out.build()


def _chars(out: OffsetBuilder, source: str, m: re.Match[str]) -> None:
    out.substitute(m.group().translate(CHAR_TABLE), m.start())


def _drop(out: OffsetBuilder, source: str, m: re.Match[str]) -> None:
    return None


def _supd(out: OffsetBuilder, source: str, m: re.Match[str]) -> None:
    digits = superscript_digits(source, m.group(), m.start())
    if len(digits) == len(m.group()):
        out.substitute(digits, m.start())
    else:
        out.replace(digits, m.start(), m.end())


def _esc(out: OffsetBuilder, source: str, m: re.Match[str]) -> None:
    out.copy(m.start() + 1, m.end())


def _ent(out: OffsetBuilder, source: str, m: re.Match[str]) -> None:
    out.replace(decode_entity(m.group()), m.start(), m.end())


def _input(out: OffsetBuilder, source: str, m: re.Match[str]) -> None:
    out.replace(checkbox(m.group()), m.start(), m.end())


def _supnum(out: OffsetBuilder, source: str, m: re.Match[str]) -> None:
    # "(" maps to <sup>, the digits to themselves, ")" to </sup>: the number's span stays exact.
    out.replace("(", m.start(), m.start("supval"))
    out.copy(m.start("supval"), m.end("supval"))
    out.replace(")", m.end("supval"), m.end())


def _br(out: OffsetBuilder, source: str, m: re.Match[str]) -> None:
    out.replace("\n", m.start(), m.end())


_Rewrite = Callable[[OffsetBuilder, str, "re.Match[str]"], None]
_REWRITES: dict[str, _Rewrite] = {
    "chars": _chars,
    "drop": _drop,
    "supd": _supd,
    "esc": _esc,
    "ent": _ent,
    "input": _input,
    "supnum": _supnum,
    "br": _br,
    "tag": _drop,
}
