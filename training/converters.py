"""Text converters users run on SEC filing pages, reproduced locally for robustness benchmarks.

One function per converter. Each takes HTML (a string or a path to an ``.html`` file) or a PDF path and
returns the text the tool prints. Every tool runs as a subprocess with list arguments and a timeout; no
network is touched (chromium gets a ``file://`` URL of a local file and no remote resources should be
referenced by the HTML).

- ``html_to_pdf``: headless chromium ``--print-to-pdf`` on US letter paper.
- ``pdf_to_text_layout``: ``pdftotext -layout`` (columns kept in place, like the dev set's ``pdf_layout``).
- ``pdf_to_text_raw``: ``pdftotext`` with no layout flag: text in content-stream order, so table cells come
  out one per line and columns are *not* aligned.
- ``pdf_to_ocr(pdf, dpi)``: ``pdftoppm -r DPI -png`` then ``tesseract PAGE stdout`` per page, pages joined
  with a form feed (``\\f``), like the dev set's ``ocr300`` at ``dpi=300``.
- ``html_to_w3m``: ``w3m -dump -cols 200 -T text/html`` (the dev set's ``w3m``).

Traps:

- A ``str`` argument is taken as a path only if it names an existing file *and* does not look like markup
  (``<`` in it); otherwise it is HTML text written to a temporary file.
- Chromium needs a writable profile dir; a fresh temporary ``--user-data-dir`` per call keeps two parallel
  processes from fighting over the default profile's lock.
- Chromium's ``--print-to-pdf`` has no paper-size flag; letter paper comes from ``@page { size: letter }``
  in the HTML (``training.render_html`` emits it). Chromium's default is letter in the US locale anyway.
- Missing tools raise ``ConverterMissingError`` naming the apt package, not a bare ``FileNotFoundError``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
TIMEOUT_S = 120.0
"""Per subprocess call. OCR of one page at 300 dpi takes a few seconds; chromium starts in ~1-2 s."""

_PACKAGES = {
    "chromium": "chromium",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "tesseract": "tesseract-ocr",
    "w3m": "w3m",
}


class ConverterError(RuntimeError):
    """A converter tool failed (non-zero exit, timeout or no output)."""


class ConverterMissingError(ConverterError):
    """A converter tool is not installed."""


HtmlInput = str | os.PathLike[str]


def _tool(name: str) -> str:
    """Absolute path of a tool, or ``ConverterMissingError`` saying which package provides it."""
    if name == "chromium" and Path(CHROMIUM).exists():
        return CHROMIUM
    found = shutil.which(name)
    if found is None:
        raise ConverterMissingError(
            f"{name} not found; install it (apt-get install {_PACKAGES.get(name, name)})"
        )
    return found


def _run(args: list[str], timeout: float = TIMEOUT_S) -> bytes:
    """Run a tool, return its stdout; raise ``ConverterError`` with stderr on failure or timeout."""
    try:
        proc = subprocess.run(args, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ConverterError(f"{Path(args[0]).name} timed out after {timeout:.0f}s") from exc
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()[-500:]
        raise ConverterError(f"{Path(args[0]).name} exited {proc.returncode}: {err}")
    return proc.stdout


def _looks_like_path(html: HtmlInput) -> bool:
    if not isinstance(html, str):
        return True
    return "<" not in html and len(html) < 4096 and Path(html).is_file()


@contextmanager
def _html_file(html: HtmlInput) -> Iterator[Path]:
    """Yield a path to the HTML: the given file, or a temporary file holding the given markup."""
    if _looks_like_path(html):
        yield Path(html).resolve()
        return
    with tempfile.TemporaryDirectory(prefix="conv_html_") as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(str(html), encoding="utf-8")
        yield path


def html_to_pdf(html: HtmlInput, pdf_path: str | os.PathLike[str], timeout: float = TIMEOUT_S) -> Path:
    """Print HTML to a PDF with headless chromium; return the PDF path.

    Trap: chromium exits 0 even when it could not write the PDF in some failure modes, so the output file
    is checked for existence and a ``%PDF`` header.
    """
    chromium = _tool("chromium")
    out = Path(pdf_path).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with _html_file(html) as src, tempfile.TemporaryDirectory(prefix="conv_chrome_") as profile:
        _run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-extensions",
                "--no-first-run",
                "--no-pdf-header-footer",
                f"--user-data-dir={profile}",
                f"--print-to-pdf={out}",
                src.as_uri(),
            ],
            timeout=timeout,
        )
    if not out.is_file() or out.read_bytes()[:4] != b"%PDF":
        raise ConverterError(f"chromium wrote no PDF at {out}")
    return out


def _pdftotext(pdf_path: str | os.PathLike[str], flags: list[str], timeout: float) -> str:
    out = _run([_tool("pdftotext"), *flags, "-enc", "UTF-8", str(pdf_path), "-"], timeout=timeout)
    return out.decode("utf-8", "replace")


def pdf_to_text_layout(pdf_path: str | os.PathLike[str], timeout: float = TIMEOUT_S) -> str:
    """``pdftotext -layout``: physical layout, columns aligned with spaces; pages end with ``\\f``."""
    return _pdftotext(pdf_path, ["-layout"], timeout)


def pdf_to_text_raw(pdf_path: str | os.PathLike[str], timeout: float = TIMEOUT_S) -> str:
    """``pdftotext`` with no layout flag: reading order, table cells mostly one per line.

    Trap: this is *not* ``-raw`` (strict content-stream order); plain ``pdftotext`` groups text into
    blocks and emits them in its reading order, which is what a user running it bare gets.
    """
    return _pdftotext(pdf_path, [], timeout)


def pdf_to_ocr(pdf_path: str | os.PathLike[str], dpi: int = 300, timeout: float = TIMEOUT_S) -> str:
    """Rasterise each page at ``dpi`` with ``pdftoppm`` and OCR it with tesseract; pages joined by ``\\f``.

    Trap: ``pdftoppm`` zero-pads page numbers by page count (``page-1.png`` vs ``page-01.png``), so pages
    are found by glob and sorted by their numeric suffix, not by name.
    """
    pdftoppm = _tool("pdftoppm")
    tesseract = _tool("tesseract")
    with tempfile.TemporaryDirectory(prefix="conv_ocr_") as tmp:
        _run([pdftoppm, "-r", str(dpi), "-png", str(pdf_path), str(Path(tmp) / "page")], timeout=timeout)
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        if not pages:
            raise ConverterError(f"pdftoppm rendered no pages from {pdf_path}")
        texts = [
            _run([tesseract, str(page), "stdout"], timeout=timeout).decode("utf-8", "replace")
            for page in pages
        ]
    return "\f".join(texts)


def html_to_w3m(html: HtmlInput, timeout: float = TIMEOUT_S) -> str:
    """``w3m -dump -cols 200 -T text/html``: the page as a text browser shows it, tables laid out."""
    w3m = _tool("w3m")
    with _html_file(html) as src:
        out = _run(
            [w3m, "-dump", "-cols", "200", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", str(src)],
            timeout=timeout,
        )
    return out.decode("utf-8", "replace")
