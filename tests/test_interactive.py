"""The standalone interactive network page: offline, escaped, reproducible, and it renders."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from crisisnet.interactive import (edge_text, network_graph, network_html, remote_references,
                                   script_json, vis_data, write_network_html)
from crisisnet.networks import actor_network, two_mode_network
from crisisnet.project import ROOT

NASTY = '</script><script>alert("x")</script> & <b>bold</b>'
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def small_statements() -> pd.DataFrame:
    """Three statements on the open door: A supports (twice, one quote is hostile markup), B opposes."""
    return pd.DataFrame({
        "doc_id": ["d1", "d1", "d2"], "start": [0, 10, 0], "end": [5, 15, 5],
        "text": ["open door stays", NASTY, "never"], "speaker": ["a", "a", "b"],
        "organization": ["a", "a", "b"], "concept": ["door"] * 3, "stance": [1, 1, -1],
        "mode": ["direct"] * 3, "date": ["2022-01-10", "2022-01-12", "2022-01-26"],
        "source": ["coded"] * 3, "cue": ["said"] * 3, "confidence": [1.0] * 3, "note": [""] * 3})


def embedded_data(page: str) -> dict:
    return json.loads(re.search(r"^var data = (.*);$", page, flags=re.M).group(1))


def test_script_json_cannot_close_the_script():
    text = script_json({"q": NASTY})
    assert "</script" not in text and "<" not in text and "&" not in text
    assert json.loads(text) == {"q": NASTY}        # the escapes decode back to the same string


def test_edge_text_truncates_with_a_count():
    assert edge_text("t", ["a", "b", "c"], max_quotes=2) == "t\n• a\n• b\n... and 1 more"


def test_two_mode_page_carries_the_quotes_behind_each_edge():
    """a-door: 2 statements (support), b-door: 1 (oppose): quotes end up on the right edges."""
    net = two_mode_network(small_statements(), "ignore")
    page = network_html(network_graph(net), "Open door <test>")
    data = embedded_data(page)
    by_key = {n["id"]: n["key"] for n in data["nodes"]}
    edges = {(by_key[e["from"]], by_key[e["to"]]): e for e in data["edges"]}
    assert set(edges) == {("a", "door"), ("b", "door")}
    assert "2 statement(s)" in edges[("a", "door")]["title"] and NASTY in edges[("a", "door")]["title"]
    assert "never" in edges[("b", "door")]["title"] and NASTY not in edges[("b", "door")]["title"]
    assert edges[("a", "door")]["color"]["color"] != edges[("b", "door")]["color"]["color"]
    # escaped everywhere: the hostile quote never appears raw, the title is HTML-escaped
    assert NASTY not in page and 'alert("x")</script>' not in page
    assert "<title>Open door &lt;test&gt;</title>" in page
    assert remote_references(page) == []


def test_remote_references_finds_cdn_links():
    assert remote_references('<script src="https://cdn.example/x.js"></script>')
    assert remote_references("<link rel=stylesheet href='//cdn.example/x.css'>")
    assert not remote_references('<a href="https://example.org">source</a><script>var u="http://x"</script>')


def test_page_is_byte_for_byte_reproducible(tmp_path):
    net = actor_network(small_statements().assign(speaker=["a", "c", "b"], stance=[1, 1, 1]))
    g = network_graph(net)
    p1 = write_network_html(g, tmp_path / "one.html", "T")
    p2 = write_network_html(network_graph(net), tmp_path / "two.html", "T")
    assert p1.read_bytes() == p2.read_bytes()
    assert vis_data(g)["nodes"][0]["x"] == vis_data(g)["nodes"][0]["x"]


def _png_pixels(path: Path) -> np.ndarray:
    """The screenshot as an (height, width, 3) array of 0-255 ints (matplotlib's PNG reader)."""
    import matplotlib.image as mpimg
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    px = mpimg.imread(path)
    return np.rint(px[:, :, :3] * 255).astype(np.int32)


@pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium")
def test_page_renders_offline_in_headless_chromium(tmp_path):
    """The page draws a network with no network access: the screenshot has many colours."""
    net = two_mode_network(small_statements(), "ignore")
    page = write_network_html(network_graph(net), tmp_path / "page.html", "Render test")
    shot = tmp_path / "shot.png"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,900",
           "--virtual-time-budget=5000", page.resolve().as_uri()]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    px = _png_pixels(shot)
    assert px.shape[:2] == (900, 1200)
    colours = {tuple(c) for c in px[::3, ::3].reshape(-1, 3)}
    assert px.std() > 5, "blank screenshot"
    assert len(colours) > 20, f"only {len(colours)} colours: the network was not drawn"
    # the network canvas (left part) holds the node colours: blue (support), vermillion (oppose)
    canvas = px[100:840, 20:870].reshape(-1, 3)
    assert (np.abs(canvas - [0, 114, 178]).sum(axis=1) < 40).any(), "no support (blue) edge drawn"
    assert (np.abs(canvas - [213, 94, 0]).sum(axis=1) < 40).any(), "no oppose (vermillion) edge drawn"


@pytest.mark.skipif(CHROMIUM is None, reason="needs headless Chromium")
def test_panel_shows_quotes_as_text_not_markup(tmp_path):
    """Opened as page.html#a, the side panel lists a's statements; the markup stays text."""
    net = two_mode_network(small_statements(), "ignore")
    page = write_network_html(network_graph(net), tmp_path / "page.html", "Panel test")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", f"--user-data-dir={tmp_path / 'profile'}",
           "--virtual-time-budget=3000", "--dump-dom", page.resolve().as_uri() + "#a"]
    dom = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120).stdout
    panel = re.search(r'<div id="panel">(.*?)</div>', dom, flags=re.S).group(1)
    assert "2 statement(s)" in panel
    assert "&lt;/script&gt;&lt;script&gt;alert" in panel and "<b>" not in panel


def test_committed_page_is_offline_and_escaped():
    """figures/network_interactive.html (written by notebooks/08_explorer.ipynb) loads nothing remote."""
    from crisisnet.project import FIGURES
    path = FIGURES / "network_interactive.html"
    if not path.exists():
        pytest.skip("run notebooks/08_explorer.ipynb to write the page")
    page = path.read_text(encoding="utf-8")
    assert remote_references(page) == []
    assert "new vis.Network(" in page and str(ROOT) not in page
    data = embedded_data(page)
    assert data["edges"] and all(e["title"] for e in data["edges"])
