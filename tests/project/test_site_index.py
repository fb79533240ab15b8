"""The index of a project's site (`blueprint render DIR -f html`): each tree
under its root's title with the figures rolled up to it (the end-to-end
customer wait, the fail points and how many are of high severity, the waits
beyond the root's promise), each blueprint with its own figures, worded in
the blueprints' language."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from blueprint.api import check_file, render_site
from blueprint.render.site_index import duration
from blueprint.vocabulary import Language
from blueprint.words import WORDS
from tests.project.test_checks import write

TOP = '''blueprint "Open an account"
{lang}max-wait 10min

step queue "Queue"
  customer take "Takes a ticket"
    wait 5min..15min "Waits to be called"
  onstage greet "Greets"
  take -> greet

step identify "Identify"
  detail "identity.bp"
  customer show "Shows the ID"
    wait 30min "Counted in the detail instead"
  onstage verify "Verifies"
    fail "Misreads" severity high
  greet -> show -> verify
'''
IDENTITY = '''blueprint "Identity check"
{lang}
step read "Read"
  customer hand "Hands over the ID"
    wait 1min..2min
  onstage scan "Scans the chip"
    fail "Chip unreadable" severity high
    fail "Photo blurred" severity low
  hand -> scan
'''
LONE = '''blueprint "Lone <b>"
{lang}
step only "Only"
  customer act "Acts"
'''


def index(folder: Path, lang: str = "", files: tuple[str, ...] = ("top.bp", "identity.bp", "lone.bp")) -> str:
    header = f"lang {lang}\n" if lang else ""
    write(folder, {"top.bp": TOP.format(lang=header), "identity.bp": IDENTITY.format(lang=header),
                   "lone.bp": LONE.format(lang=header)})
    results = [check_file(folder / name, name=name) for name in files]
    _, page = render_site(results, [name.replace(".bp", ".html") for name in files], "index.html", fonts="none")
    return page.decode("utf-8")


def _text(markup: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", markup))


def read(page: str) -> list[dict[str, object]]:
    """What each section of the index says: its heading, its line, its figures and its blueprints."""
    found = []
    for section in re.findall(r"<section[^>]*>(.*?)</section>", page, re.S):
        heading = re.search(r"<h2[^>]*>(.*?)</h2>", section)
        meta = re.search(r'<p class="bp-tree-meta">(.*?)</p>', section)
        found.append({
            "heading": _text(heading.group(1)) if heading else None,
            "meta": _text(meta.group(1)) if meta else None,
            "figures": [(_text(label), _text(value), _text(note)) for label, value, note in re.findall(
                r"<dt>(.*?)</dt><dd>([^<]*)(?:<span class=\"bp-note\">(.*?)</span>)?</dd>", section)],
            "entries": [(level, _text(title), _text(line)) for level, title, line in re.findall(
                r'<li class="bp-level-(\d+)"><a [^>]*>(.*?)</a>.*?<span class="bp-own">(.*?)</span></li>', section)],
        })
    return found


def test_each_tree_shows_its_end_to_end_figures_and_each_blueprint_its_own_in_english(tmp_path):
    tree, alone = read(index(tmp_path))
    # Rolled up: the queue's 5..15min (beyond the 10min promise) and the identity check's 1..2min, in place of
    # the step identify it details (whose 30min and high fail point the detail draws again, not counted twice).
    assert tree == {
        "heading": "Open an account",
        "meta": "End to end, each detail counted in place of what it details · 2 blueprints on 2 levels",
        "figures": [("Customer wait", "6min–17min", ""), ("Fail points", "2", "1 of high severity"),
                    ("Waits beyond the 10min promise", "1", "")],
        "entries": [("0", "Open an account", "2 steps · 1 fail point (1 high) · 2 wait points, 35min–45min"),
                    ("1", "Identity check", "1 step · 2 fail points (1 high) · 1 wait point, 1min–2min")],
    }
    assert alone == {"heading": "Blueprints in no tree", "meta": None, "figures": [],
                     "entries": [("0", "Lone <b>", "1 step · 0 fail points · no wait point")]}
    assert "Lone &lt;b&gt;" in index(tmp_path)  # a title is escaped, as everywhere


def test_the_index_reads_in_chinese_durations_included(tmp_path):
    tree, alone = read(index(tmp_path, "zh"))
    assert tree["meta"] == "端到端汇总，细化蓝图代替其所细化的步骤或行为计入 · 2份蓝图，2层"
    assert tree["figures"] == [("顾客等候", "6分钟至17分钟", ""), ("失误点", "2个", "其中严重程度高的1个"),
                               ("超出承诺时限10分钟的等待点", "1个", "")]
    assert [line for _, _, line in tree["entries"]] == ["2个步骤 · 1个失误点（高1个） · 2个等待点，共35分钟至45分钟",
                                                        "1个步骤 · 2个失误点（高1个） · 1个等待点，共1分钟至2分钟"]
    assert alone["heading"] == "未归入细化树的蓝图" and alone["entries"][0][2] == "1个步骤 · 0个失误点 · 无等待点"
    assert '<html lang="zh">' in index(tmp_path, "zh")
    hant = read(index(tmp_path, "zh-Hant"))[0]
    assert hant["figures"][2] == ("超出承諾時限10分鐘的等待點", "1個", "")


def test_without_a_promise_or_beyond_it_the_index_says_nothing_of_it_and_without_a_tree_it_has_no_headings(
        tmp_path):
    index(tmp_path)
    write(tmp_path, {"top.bp": TOP.format(lang="").replace("max-wait 10min\n", "")})
    results = [check_file(tmp_path / name, name=name) for name in ("top.bp", "identity.bp")]
    _, unpromised = render_site(results, ["top.html", "identity.html"], "index.html", fonts="none")
    assert [label for label, _, _ in read(unpromised.decode("utf-8"))[0]["figures"]] == ["Customer wait", "Fail points"]
    [only] = read(index(tmp_path, files=("identity.bp", "lone.bp")))
    assert only == {"heading": None, "meta": None, "figures": [],
                    "entries": [("0", "Identity check", "1 step · 2 fail points (1 high) · 1 wait point, 1min–2min"),
                                ("0", "Lone <b>", "1 step · 0 fail points · no wait point")]}


def test_durations_are_spelled_in_the_language_of_the_index():
    english, chinese, traditional = (WORDS[lang] for lang in (Language.EN, Language.ZH, Language.ZH_HANT))
    assert [duration(seconds, english) for seconds in (0, 30, 5400, 90061, 59.6)] == [
        "0min", "30s", "1h30min", "1d1h1min1s", "1min"]
    assert duration(90061, chinese) == "1天1小时1分钟1秒" and duration(5400, traditional) == "1小時30分鐘"


def test_the_index_is_the_same_run_after_run(tmp_path):
    assert index(tmp_path) == index(tmp_path)
    results = [check_file(tmp_path / name, name=name) for name in ("top.bp", "identity.bp")]
    embedded = [render_site(results, ["top.html", "identity.html"], "index.html")[1] for _ in range(2)]
    assert embedded[0] == embedded[1] and b"@font-face" in embedded[0]


def test_the_chinese_example_reads_as_the_projects_page_says():
    folder = Path(__file__).resolve().parents[2] / "examples" / "account-opening-zh"
    names = sorted(path.name for path in folder.glob("*.bp"))
    results = [check_file(folder / name, name=name) for name in names]
    _, page = render_site(results, [name.replace(".bp", ".html") for name in names], "index.html", fonts="none")
    [tree] = read(page.decode("utf-8"))
    assert tree["figures"] == [("顾客等候", "1天14分钟至3天36分钟", ""), ("失误点", "5个", "其中严重程度高的2个"),
                               ("超出承诺时限20分钟的等待点", "2个", "")]
    assert tree["entries"][0][2] == "5个步骤 · 1个失误点 · 2个等待点，共13分钟至33分钟"
