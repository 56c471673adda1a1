"""Briefs rendered end to end: papermill runs of notebooks/06_briefing.ipynb, HTML, PDF, CLI.

Content expectations for the seed corpus are derived from ``data/statements.csv`` read with the
``csv`` module (not from the report, nor from ``crisisnet.briefing.content``): the quotes a
brief must show, the sources it must cite, and who agrees and who opposes.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import lxml.html
import pytest

from briefing_helpers import SCRIPT, make_project
from crisisnet.briefing import cli as brief_cli
from crisisnet.briefing import content as C
from crisisnet.briefing import render
from crisisnet.briefing.sections import MAX_QUOTES, MAX_TIES
from crisisnet.cli import main
from crisisnet.project import ROOT
from crisisnet.errors import CrisisnetError
from crisisnet.project import CODED, load_project

CORE_ACTORS = ["blinken", "sherman", "ryabkov", "peskov", "stoltenberg", "lavrov"]
SEED_FOCI = CORE_ACTORS + ["nato_open_door"]
needs_chromium = pytest.mark.skipif(
    not any(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")),
    reason="headless Chromium not installed")


def _render(args):
    focus, corpus, out, title = args
    brief = C.open_brief(focus=focus, corpus=corpus, title=title)
    return str(render.render_brief(brief.params, out, pdf=False)[0])


@pytest.fixture(scope="module")
def seed_briefs(tmp_path_factory):
    """HTML of the briefs on the six core actors and nato_open_door (papermill, 2 processes)."""
    out = tmp_path_factory.mktemp("reports")
    with ProcessPoolExecutor(max_workers=2) as pool:
        paths = list(pool.map(_render, [(f, "seeds", out, "") for f in SEED_FOCI]))
    return {f: Path(p).read_text(encoding="utf-8") for f, p in zip(SEED_FOCI, paths)}


@pytest.fixture(scope="module")
def gold():
    """The hand-coded statements as plain dicts (the test oracle)."""
    with open(CODED["seeds"][0], encoding="utf-8", newline="") as fh:
        return [{**r, "stance": int(r["stance"].replace("+", ""))} for r in csv.DictReader(fh)]


def _section(doc, title_start: str):
    """The <section> whose <h2> starts with ``title_start``."""
    for sec in doc.iter("section"):
        h2 = sec.find("h2")
        if h2 is not None and h2.text_content().startswith(title_start):
            return sec
    raise AssertionError(f"no section {title_start!r}")


def _tie_names(doc, heading_start: str) -> list[str]:
    sec = _section(doc, "Who agrees")
    for h3 in sec.iter("h3"):
        if h3.text_content().startswith(heading_start):
            table = h3.getnext()
            if table is None or table.tag != "table":
                return []
            return [tr.find("td").find("strong").text_content() for tr in table.iter("tr")
                    if tr.find("td") is not None]
    raise AssertionError(f"no heading {heading_start!r}")


def _ties(gold, actor):
    """Congruence/conflict weights of ``actor`` from the gold rows (once per document), by hand."""
    cells = {}
    for r in gold:
        if r["stance"] != 0:
            cells.setdefault(r["speaker"], set()).add((r["doc_id"], r["concept"], r["stance"]))
    count = lambda s: {(c, k): sum(1 for d, c2, k2 in s if (c2, k2) == (c, k)) for _, c, k in s}
    mine = count(cells.get(actor, set()))
    agree, oppose = {}, {}
    for other, s in cells.items():
        if other == actor:
            continue
        theirs = count(s)
        a = sum(n * theirs.get((c, k), 0) for (c, k), n in mine.items())
        o = sum(n * theirs.get((c, -k), 0) for (c, k), n in mine.items())
        if a:
            agree[other] = a
        if o:
            oppose[other] = o
    return agree, oppose


@pytest.mark.parametrize("actor", CORE_ACTORS)
def test_actor_brief_shows_quotes_sources_allies_and_opponents(seed_briefs, gold, actor):
    page = seed_briefs[actor]
    doc = lxml.html.document_fromstring(page)
    project = load_project("seeds", "coded")
    cb = project.codebook
    mine = [r for r in gold if r["speaker"] == actor]
    assert mine, f"{actor} has no hand-coded statement"
    # the latest quotes per concept appear verbatim (escaped) in "Stated positions"
    positions = _section(doc, "Stated positions").text_content()
    for concept in {r["concept"] for r in mine}:
        rows = sorted((r for r in mine if r["concept"] == concept),
                      key=lambda r: (r["date"], r["doc_id"], int(r["start"])))
        for r in rows[-MAX_QUOTES:]:
            assert r["text"] in positions, (concept, r["text"])
        assert cb.label(concept) in positions
    # every document the actor spoke in is in the sources with its outlet and title
    sources = _section(doc, "Sources").text_content()
    for doc_id in {r["doc_id"] for r in mine}:
        d = project.corpus[doc_id]
        assert doc_id in sources and d.title in sources and d.outlet in sources
    # allies and opponents: the strongest ones are listed, and only true ones
    agree, oppose = _ties(gold, actor)
    for expected, heading in ((agree, "Agree with"), (oppose, "Oppose")):
        shown = _tie_names(doc, heading)
        assert set(shown) <= {cb.label(a) for a in expected}
        assert len(shown) == min(MAX_TIES, len(expected))
        if expected:
            top = max(expected.values())
            assert {cb.label(a) for a, w in expected.items() if w == top} & set(shown)
    # profile: role and organization from the codebook
    who = _section(doc, "Who").text_content()
    a = cb.actor(actor)
    assert a.name in who and all(r.title in who for r in a.roles)
    assert doc.find(".//h1").text_content() == f"Briefing: {a.name}"


def test_concept_brief_coalitions_from_gold(seed_briefs, gold):
    doc = lxml.html.document_fromstring(seed_briefs["nato_open_door"])
    cb = load_project("seeds", "coded").codebook
    stances = {}
    for r in gold:
        if r["concept"] == "nato_open_door":
            stances.setdefault(r["speaker"], set()).add(r["stance"])
    expected = {"supports": {a for a, s in stances.items() if 1 in s and -1 not in s},
                "opposes": {a for a, s in stances.items() if -1 in s and 1 not in s},
                "mixed": {a for a, s in stances.items() if {1, -1} <= s}}
    table = _section(doc, "Coalition map").find(".//table")
    got = {tr[0].text_content(): tr[1].text_content() for tr in table.iter("tr") if tr[0].tag == "td"}
    for position, actors in expected.items():
        if actors:
            assert set(got[position].split(", ")) == {cb.label(a) for a in actors}
    assert "Common ground" in doc.text_content()


def test_reports_are_offline_and_codeless(seed_briefs):
    for focus, page in seed_briefs.items():
        render.check_offline(page)
        low = page.lower()
        for needle in ("require.js", "mathjax", "cdn.", "from crisisnet", "display(html"):
            assert needle not in low, (focus, needle)
        assert str(ROOT) not in page and "Traceback" not in page


# -- error paths and safety --------------------------------------------------------
def test_failed_run_keeps_previous_report(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    good = out / "actor-lavorv.html"
    good.write_text("GOOD", encoding="utf-8")
    # parameters that bypass check_params: the notebook's own validation cell must stop them
    bad = C.BriefParams(focus="lavorv", kind="actor", start=None, end=None, source="coded",
                        corpus="seeds", title="x")
    with pytest.raises(CrisisnetError, match="did you mean 'lavrov'"):
        render.render_brief(bad, out, pdf=False)
    assert good.read_text(encoding="utf-8") == "GOOD"
    assert sorted(p.name for p in out.iterdir()) == ["actor-lavorv.html"]


def test_cli_unknown_id_fails_before_running(tmp_path, capsys):
    assert main(["brief", "--actor", "lavorv", "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "unknown actor 'lavorv'; did you mean 'lavrov'?" in err
    assert not (tmp_path / "r").exists()
    assert main(["brief", "--concept", "lavrov", "--out", str(tmp_path / "r")]) == 2
    assert "unknown concept 'lavrov'" in capsys.readouterr().err
    assert main(["brief", "--actor", "lavrov", "--start", "2022-02-30", "--out", str(tmp_path)]) == 2
    assert "parameter start" in capsys.readouterr().err


def test_hostile_corpus_and_title_are_data_not_code(tmp_path):
    """Markup in quotes, names and the title is escaped; a title built to break out of a
    Python string literal is injected by papermill as a literal and never runs. With
    ``network.html`` next to the report, the brief links it."""
    corpus = make_project(tmp_path / "hostile", hostile=True)
    marker = tmp_path / "PWNED"
    title = f'x"); open({str(marker)!r}, "w"); ("\\" <script>alert(2)</script>'
    out = tmp_path / "out"
    out.mkdir()
    (out / render.NETWORK_PAGE).write_text("<html></html>", encoding="utf-8")
    [path] = render.render_brief(C.open_brief(focus="lavrov", corpus=str(corpus), title=title).params,
                                 out, pdf=False)
    assert not marker.exists()
    page = path.read_text(encoding="utf-8")
    doc = lxml.html.document_fromstring(page)
    assert doc.find(".//title").text_content() == title
    assert doc.find(".//h1").text_content() == title
    assert doc.findall(".//script") == [] and SCRIPT in doc.text_content()
    render.check_offline(page)
    assert path.name == "actor-lavrov.html" and path.parent == out
    assert doc.get_element_by_id("network-link").get("href") == "network.html#lavrov"  # the hook


def test_check_offline_refuses_remote_and_scripts():
    ok = render.page("t", "<p>x</p>")
    render.check_offline(ok)
    for bad in ('<script src="https://cdn.example/require.js"></script>', "<script>1</script>",
                '<link rel="stylesheet" href="https://cdn.example/x.css">',
                '<img src="https://example.org/x.png">', '<p onclick="x()">y</p>',
                "<style>@import url(https://x/y.css);</style>"):
        with pytest.raises(CrisisnetError):
            render.check_offline(render.page("t", bad))


def test_index_links_briefs_and_network_page(tmp_path):
    cb = load_project("seeds", "coded").codebook
    params = C.check_params(cb, focus="lavrov")
    paths = [tmp_path / "actor-lavrov.html", tmp_path / "actor-lavrov.pdf"]
    page = brief_cli.index_page([(params, paths)], tmp_path)
    assert 'href="actor-lavrov.html"' in page and "network-link" not in page
    (tmp_path / render.NETWORK_PAGE).write_text("<html></html>", encoding="utf-8")
    page = brief_cli.index_page([(params, paths)], tmp_path)
    assert 'id="network-link" href="network.html"' in page
    render.check_offline(page)


# -- Chromium ------------------------------------------------------------------------
@needs_chromium
def test_screenshot_and_pdf_of_a_brief(seed_briefs, tmp_path):
    from PIL import Image

    html_path = tmp_path / "actor-lavrov.html"
    html_path.write_text(seed_briefs["lavrov"], encoding="utf-8")
    png = render.screenshot(html_path, tmp_path / "shot.png", 1000, 1400)
    img = Image.open(png).convert("RGB")
    assert img.size == (1000, 1400)
    colors = img.getcolors(maxcolors=1 << 20)
    non_white = sum(n for n, c in colors if c != (255, 255, 255))
    assert len(colors) > 50 and non_white > 0.03 * img.width * img.height  # text, badges, tables
    dom = subprocess.run([render.chromium(), *render.CHROMIUM_FLAGS,
                          f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          html_path.resolve().as_uri()], capture_output=True, text=True, timeout=120)
    h1 = lxml.html.document_fromstring(dom.stdout).find(".//h1")
    assert h1 is not None and h1.text_content() == "Briefing: Sergei Lavrov"
    pdf = render.html_to_pdf(html_path, tmp_path / "actor-lavrov.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_pdf_failure_replaces_neither_file(tmp_path, monkeypatch):
    """When Chromium fails, the previous HTML and PDF stay and no draft is left behind."""
    def broken(html_path, pdf_path):
        raise CrisisnetError("chromium failed (exit 1)")

    monkeypatch.setattr(render, "html_to_pdf", broken)
    corpus = make_project(tmp_path / "mini")
    out = tmp_path / "out"
    out.mkdir()
    (out / "actor-peskov.html").write_text("OLD HTML", encoding="utf-8")
    (out / "actor-peskov.pdf").write_bytes(b"%PDF old")
    with pytest.raises(CrisisnetError, match="chromium failed"):
        render.render_brief(C.open_brief(focus="peskov", corpus=str(corpus)).params, out, pdf=True)
    assert (out / "actor-peskov.html").read_text(encoding="utf-8") == "OLD HTML"
    assert (out / "actor-peskov.pdf").read_bytes() == b"%PDF old"
    assert sorted(p.name for p in out.iterdir()) == ["actor-peskov.html", "actor-peskov.pdf"]


def test_cli_writes_the_interactive_page_the_brief_links(tmp_path):
    """`brief` writes network.html (offline, with the briefed statements) beside the brief it links from."""
    from crisisnet.interactive import remote_references

    out = tmp_path / "reports"
    assert main(["brief", "--actor", "peskov", "--no-pdf", "--out", str(out)]) == 0
    network = (out / render.NETWORK_PAGE).read_text(encoding="utf-8")
    assert remote_references(network) == [] and "peskov" in network
    doc = lxml.html.document_fromstring((out / "actor-peskov.html").read_text(encoding="utf-8"))
    assert doc.get_element_by_id("network-link").get("href") == "network.html#peskov"
