"""Run the briefing notebook and turn it into an offline HTML page and a PDF, written atomically.

Pipeline for one brief::

    papermill (notebooks/06_briefing.ipynb, parameters)      crisisnet.notebooks.execute
      -> executed notebook in a temporary folder              (nothing written on failure)
      -> HTML without code                                    nbconvert "basic" template,
                                                              exclude_input, our CSS inlined
      -> offline check (no external scripts, styles, images)  check_offline
      -> reports/<slug>.html                                  fileio.atomic_write_text
      -> reports/<slug>.pdf                                   headless Chromium --print-to-pdf,
                                                              written to a temp file, then renamed

nbconvert's ``basic`` template produces the notebook body only (no require.js,
no MathJax, no CDN links); we wrap it in our own ``<head>`` with the CSS from
``assets/brief.css`` inlined. Figures are inline SVG in the notebook outputs,
so the page opens with no network access. A failed run raises
:class:`~crisisnet.errors.CrisisnetError` and leaves any previous good report
untouched (papermill's error-bannered notebook stays in the temporary folder).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from ..errors import CrisisnetError
from ..fileio import atomic_write_text
from ..notebooks import NOTEBOOKS, execute
from ..project import REPORTS, ROOT
from .content import BriefParams, slugify
from .sections import esc

NOTEBOOK = NOTEBOOKS / "06_briefing.ipynb"
#: cells with this tag are narrative for notebook readers, left out of the rendered brief
NOTEBOOK_ONLY_TAG = "notebook-only"
#: the interactive network page (``crisisnet.interactive``), linked when it sits next to the briefs
NETWORK_PAGE = "network.html"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-extensions", "--hide-scrollbars", "--mute-audio")
CHROMIUM_TIMEOUT = 120


def css() -> str:
    """The brief's stylesheet (screen and A4 print)."""
    return resources.files(__package__).joinpath("assets/brief.css").read_text(encoding="utf-8")


def page(title: str, body: str, footer: str = "") -> str:
    """A complete, self-contained HTML page around ``body`` and ``footer`` (markup), CSS inlined."""
    foot = f"<footer class=\"links\">{footer}</footer>\n" if footer else ""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)}</title>\n<style>\n{css()}</style>\n</head>\n"
            f"<body>\n<main class=\"brief\">\n{body}\n{foot}</main>\n</body>\n</html>\n")


def network_link(out_dir: str | Path, focus: str = "") -> str:
    """A link to the interactive network page when ``<out_dir>/network.html`` exists, else ``""``.

    The hook between the briefs and the interactive page (``crisisnet.interactive``):
    the page is opened next to the briefs, so the link is relative; ``focus`` (a
    validated actor or concept id) opens the page with that node selected.
    """
    if (Path(out_dir) / NETWORK_PAGE).is_file():
        anchor = f"#{esc(focus)}" if focus else ""
        return (f'<a id="network-link" href="{NETWORK_PAGE}{anchor}">Interactive network</a> '
                "(hover a tie to read the quotes behind it)")
    return ""


def notebook_to_html(nb, title: str, footer: str = "") -> str:
    """An executed notebook (``nbformat`` node, dict or JSON text) -> offline HTML page without code.

    Inputs, prompts and cells tagged :data:`NOTEBOOK_ONLY_TAG` are removed.
    """
    import json

    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config import Config

    if isinstance(nb, (str, bytes)):
        nb = nbformat.reads(nb, as_version=4)
    elif not isinstance(nb, nbformat.NotebookNode):
        nb = nbformat.reads(json.dumps(nb), as_version=4)
    cfg = Config()
    cfg.TagRemovePreprocessor.remove_cell_tags = {NOTEBOOK_ONLY_TAG}
    cfg.TagRemovePreprocessor.enabled = True
    exporter = HTMLExporter(config=cfg, template_name="basic", exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.register_preprocessor(TagRemovePreprocessor(config=cfg), enabled=True)
    body, _ = exporter.from_notebook_node(nb)
    html = page(title, body, footer)
    check_offline(html)
    return html


def check_offline(html: str) -> None:
    """Fail if the page would load anything from the network or run any script.

    Scripts of any kind, ``<link>`` stylesheets, ``<iframe>``/``<object>``/``<embed>``,
    and images or ``url(...)`` not given as ``data:`` are refused. Ordinary ``<a href>``
    links to sources are fine (they load nothing by themselves).
    """
    import lxml.html

    doc = lxml.html.document_fromstring(html)
    problems = []
    for el in doc.iter("script", "link", "iframe", "object", "embed", "base"):
        problems.append(f"<{el.tag}> element")
    for el in doc.iter("img", "source", "video", "audio", "image"):
        src = el.get("src") or el.get("href") or el.get("{http://www.w3.org/1999/xlink}href") or ""
        if not src.startswith("data:"):
            problems.append(f"<{el.tag}> loading {src[:60]!r}")
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in el.attrib:
            if attr.lower().startswith("on"):
                problems.append(f"<{el.tag}> event handler attribute {attr}")
    lowered = html.lower()
    for needle in ("url(http", "url('http", 'url("http', "@import"):
        if needle in lowered:
            problems.append(f"stylesheet reference {needle!r}")
    if problems:
        raise CrisisnetError("the rendered brief is not self-contained/safe: " + "; ".join(sorted(set(problems))))


def chromium() -> str:
    """Path of the Chromium executable; a clear error when it is missing."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise CrisisnetError("headless Chromium is needed for PDF output and was not found "
                         "(apt-get install chromium), or use --no-pdf")


def _run_chromium(args: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="crisisnet-chromium-") as profile:
        cmd = [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT,
                                  env={**os.environ, "HOME": profile})
        except subprocess.TimeoutExpired:
            raise CrisisnetError(f"chromium did not finish within {CHROMIUM_TIMEOUT} s") from None
    if proc.returncode != 0:
        tail = (proc.stderr or "").strip().splitlines()[-3:]
        raise CrisisnetError(f"chromium failed (exit {proc.returncode}): {' | '.join(tail)}")


def html_to_pdf(html_path: str | Path, pdf_path: str | Path) -> Path:
    """Print an HTML file to PDF with headless Chromium (A4 from the page's print CSS), atomically."""
    html_path, pdf_path = Path(html_path).resolve(), Path(pdf_path)
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=pdf_path.parent, prefix=f".{pdf_path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        os.unlink(tmp)
        _run_chromium(["--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                       f"--print-to-pdf={tmp}", html_path.as_uri()])
        if not os.path.exists(tmp) or os.path.getsize(tmp) == 0 or \
                not open(tmp, "rb").read(5).startswith(b"%PDF"):
            raise CrisisnetError(f"chromium wrote no PDF for {html_path.name}")
        os.chmod(tmp, 0o644)
        os.replace(tmp, pdf_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return pdf_path


def screenshot(html_path: str | Path, png_path: str | Path, width: int = 1000,
               height: int = 1400) -> Path:
    """A PNG screenshot of an HTML file (headless Chromium), for checking a page renders."""
    html_path, png_path = Path(html_path).resolve(), Path(png_path).resolve()
    _run_chromium([f"--screenshot={png_path}", f"--window-size={width},{height}",
                   html_path.as_uri()])
    if not png_path.exists():
        raise CrisisnetError(f"chromium wrote no screenshot for {html_path.name}")
    return png_path


def notebook_parameters(params: BriefParams) -> dict:
    """The papermill parameters of the briefing notebook for validated ``params``.

    Values are plain strings: papermill writes them as Python string literals
    (never as code), and the notebook validates them again.
    """
    return {"focus": params.focus, "start": params.start.isoformat() if params.start else "",
            "end": params.end.isoformat() if params.end else "", "source": params.source,
            "corpus": params.corpus, "title": params.title}


def render_brief(params: BriefParams, out_dir: str | Path = REPORTS, pdf: bool = True,
                 notebook: str | Path = NOTEBOOK) -> list[Path]:
    """Run the briefing notebook for ``params`` and write ``<out_dir>/<slug>.html`` (and ``.pdf``).

    Returns the written paths. Any failure raises :class:`CrisisnetError` before
    a file is replaced: the HTML is written only after the notebook ran and the
    page passed :func:`check_offline`; with ``pdf`` the PDF is printed first (from
    a hidden draft of the HTML, to a temporary file) and the HTML is renamed into
    place only after the PDF succeeded. When ``<out_dir>/network.html`` exists the page links to it.
    """
    out_dir = Path(out_dir)
    notebook = Path(notebook)
    with tempfile.TemporaryDirectory(prefix="crisisnet-brief-") as tmp:
        executed = Path(tmp) / f"{params.slug}.ipynb"
        execute(notebook, output=executed, parameters=notebook_parameters(params),
                cwd=notebook.parent)
        html = notebook_to_html(executed.read_text(encoding="utf-8"), params.title,
                                footer=network_link(out_dir, params.focus))
    html_path = out_dir / f"{slugify(params.slug)}.html"
    if not pdf:
        atomic_write_text(html_path, html)
        return [html_path]
    # print the PDF from a hidden copy first, so a Chromium failure replaces neither file
    draft = out_dir / f".{html_path.name}.draft.html"
    atomic_write_text(draft, html)
    try:
        pdf_path = html_to_pdf(draft, html_path.with_suffix(".pdf"))
        os.replace(draft, html_path)
    finally:
        if draft.exists():
            draft.unlink()
    return [html_path, pdf_path]


def relative(path: Path) -> str:
    """``path`` relative to the project root when inside it (never print machine paths)."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
