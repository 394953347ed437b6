"""What a person waits for in the browser, against a trivial Streamlit app served the same way.

Each interaction is timed in headless Chromium from the key press or click that commits it until the
server has finished the run it caused (logged by the server itself, so runs too quick for the page to
draw as "running" are seen too), on a phase page of the workbook and on a trivial page
(``benchmarks/trivial_app.py``: the same kinds of widgets, nothing else) started the same way in
the same run. The server's CPU time per interaction comes from ``/proc/<pid>/stat`` around each
one. Memory is the workbook server's resident size with 1, 10 and 20 browser sessions open.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

NAME = "browser"
TITLE = "Browser interactions: the workbook's phase page against a trivial Streamlit page"
RATIO_TARGET = 2.0
ROOT = Path(__file__).resolve().parent.parent
TRIVIAL = ROOT / "benchmarks" / "trivial_app.py"
QUIET_MS = 350  # a run that follows within this time belongs to the same interaction
RETRIED: dict[str, int] = {}  # interactions that did not reach the app and were done again

# Installed in every page: the times the page showed the app starting and stopping a run (page clock).
RECORDER = """
window.__runs = [];
const watch = () => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app) { setTimeout(watch, 20); return; }
  new MutationObserver(() => window.__runs.push([app.getAttribute('data-test-script-state'), performance.now()]))
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
};
watch();
"""


def _page_clock_offset(page) -> float:  # type: ignore[no-untyped-def]
    """Seconds to add to the page's performance.now()/1000 to get this process's monotonic clock."""
    before = time.monotonic()
    now = page.evaluate("performance.now()") / 1000
    after = time.monotonic()
    return (before + after) / 2 - now


def _drawn(page, after: float) -> float | None:  # type: ignore[no-untyped-def]
    """When (monotonic) the page last showed a run as stopped, if it did so after ``after``."""
    offset = _page_clock_offset(page)
    stops = [t / 1000 + offset for state, t in page.evaluate("window.__runs || []") if state == "notRunning"]
    stops = [t for t in stops if t >= after]
    return max(stops) if stops else None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--browser-repeats", type=int, default=12, help="repeats per interaction (default 12)")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextmanager
def _server(script: Path, env: dict[str, str], run_log: Path) -> Iterator[tuple[str, int]]:
    import subprocess
    import sys
    import urllib.request

    from tests.e2e.harness import free_port

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.serve_timed", str(script), "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, **env, "BENCH_RUN_LOG": str(run_log)}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        break
            except OSError:
                time.sleep(0.2)
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(timeout=10)


class _RunLog:
    """The server's log of runs asked for and finished (benchmarks/serve_timed.py)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def events(self, since: float) -> list[tuple[float, str]]:
        if not self.path.exists():
            return []
        events = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            stamp, kind, _session = line.split()
            if float(stamp) >= since:
                events.append((float(stamp), kind))
        return events

    def settle(self, page, since: float, quiet_from: float | None = None) -> float | None:  # type: ignore[no-untyped-def]
        """Wait until every run asked for since ``since`` has finished and nothing more happened for
        QUIET_MS (counted from ``quiet_from`` at the earliest); the time the last run finished (None if
        no run was asked for)."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            events = self.events(since)
            asked = [t for t, kind in events if kind == "asked"]
            finished = [t for t, kind in events if kind == "finished"]
            last = max([t for t, _ in events] + [quiet_from or since])
            # Runs asked for while one is going are merged into one: the last request must be answered.
            answered = not asked or (finished and max(finished) >= max(asked))
            if answered and time.monotonic() - last > QUIET_MS / 1000:
                return max(finished) if finished else None
            page.wait_for_timeout(20)
        raise TimeoutError("the app did not settle")


def _measure(page, log: _RunLog, pid: int, prepare: Callable[[], None], act: Callable[[], None]) -> tuple[float, float] | None:  # type: ignore[no-untyped-def]
    """(ms from the committing key press or click until the server finished the run it caused, server
    CPU ms) for one interaction; ``prepare`` is not timed."""
    prepare()
    log.settle(page, time.monotonic())
    page.evaluate("window.__runs = []")
    cpu = _cpu_seconds(pid)
    begun = time.monotonic()
    act()  # each action ends with the key press or click that commits it; the wait starts there
    committed = time.monotonic()
    finished = log.settle(page, begun, quiet_from=committed)
    if finished is None:
        return None  # the interaction did not reach the app (a key press lost by the browser): try again
    # The person sees the result once the page has drawn it: the page's own "stopped" mark, when it
    # showed the run at all (a run quicker than a frame is never drawn as running).
    drawn = _drawn(page, committed) if act.__name__ != "refresh" else None
    end = max(finished, drawn or finished)
    return 1000 * max(end - committed, 0.0), 1000 * (_cpu_seconds(pid) - cpu)


class _Person:
    """The five interactions on one open page; ``kind`` is "workbook" or "trivial".

    Each action ends with the key press or click that commits it (Tab, Enter, a click), so the time
    measured after it is what the person waits for.
    """

    def __init__(self, page, kind: str):  # type: ignore[no-untyped-def]
        self.page, self.kind, self.count = page, kind, 0

    @property
    def workbook(self) -> bool:
        return self.kind == "workbook"

    def start_page(self) -> None:
        from tests.e2e.harness import wait_for_app
        from tests.e2e.ui import go_to

        if self.workbook:
            go_to(self.page, "1. Problem Framing")
        elif self.page.get_by_role("button", name="Back").count():
            self.page.get_by_role("button", name="Back").click()
            wait_for_app(self.page)

    def text(self) -> None:
        self.count += 1
        box = self.page.get_by_role("textbox", name="Problem statement" if self.workbook else "Answer").first
        box.click()
        box.fill(f"Answer number {self.count}")
        box.press("Tab")

    def option(self) -> None:
        from tests.e2e.ui import type_text

        self.count += 1
        box = self.page.get_by_role("combobox", name="ML task" if self.workbook else "Choice").first
        self.page.mouse.click(5, 5)  # start from nowhere: the last Tab may have left the focus in this box
        box.click()
        choice = ["Regression", "Ranking"] if self.workbook else ["Option 0", "Option 1"]
        type_text(self.page, choice[self.count % 2])
        self.page.get_by_role("option", name=choice[self.count % 2], exact=True).wait_for()
        self.page.keyboard.press("Enter")

    def new_row(self) -> None:
        """Not timed: open an empty row (the workbook's editor shows the new row after "Add a row")."""
        self.start_page()
        if self.workbook and self.page.get_by_role("button", name="Add a row").count():
            self.page.get_by_role("button", name="Add a row").first.click()

    def row(self) -> None:
        from tests.e2e.ui import editor, type_text

        self.count += 1
        scope = editor(self.page, "problem_framing.business_metrics") if self.workbook else self.page
        scope.get_by_label("Metric (required)" if self.workbook else "Metric", exact=True).click()
        type_text(self.page, f"metric {self.count}")
        self.page.keyboard.press("Tab")

    def switch(self) -> None:
        page = self.page
        if self.workbook:
            here = page.get_by_role("heading", level=1).first.inner_text()
            target = "2. Data" if "Problem" in here else "1. Problem Framing"
            page.locator("[data-testid='stSidebar']").get_by_role("button", name=target, exact=True).click()
        else:
            name = "Other page" if page.get_by_role("button", name="Other page").count() else "Back"
            page.get_by_role("button", name=name).click()

    def refresh(self) -> None:
        """Reload, and wait until the page's first answer box is back and the script has stopped."""
        self.page.reload()

    def interactions(self) -> dict[str, tuple[Callable[[], None], Callable[[], None]]]:
        nothing = lambda: None  # noqa: E731
        return {
            "commit a text answer": (self.start_page, self.text),
            "choose an option": (self.start_page, self.option),
            "add a table row": (self.new_row, self.row),
            "switch page": (nothing, self.switch),
            "refresh": (self.start_page, self.refresh),
        }


def _run_app(script: Path, kind: str, repeats: int, browser, env: dict[str, str], folder: Path):  # type: ignore[no-untyped-def]
    from tests.e2e.harness import wait_for_app

    results: dict[str, tuple[list[float], list[float]]] = {}
    memory: dict[int, float] = {}
    log = _RunLog(folder / f"{kind}-runs.log")
    with _server(script, env, log.path) as (url, pid):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(RECORDER)
        page = context.new_page()
        page.goto(url + ("/problem_framing" if kind == "workbook" else ""))
        wait_for_app(page)
        person = _Person(page, kind)
        for name, (prepare, act) in person.interactions().items():
            waits, cpus = [], []
            for repeat in range(repeats + 1):
                for _attempt in range(3):
                    measured = _measure(page, log, pid, prepare, act)
                    if measured is not None:
                        break
                    RETRIED[f"{kind}: {name}"] = RETRIED.get(f"{kind}: {name}", 0) + 1
                else:
                    raise AssertionError(f"{kind}: {name} never reached the app")
                wait, cpu = measured
                if repeat:  # the first one warms caches and the browser's lazily loaded widget code
                    waits.append(wait)
                    cpus.append(cpu)
            results[name] = (waits, cpus)
        if kind == "workbook":
            extras = []
            memory[1] = _rss_mib(pid)
            for count in (10, 20):
                while len(extras) + 1 < count:
                    extra = browser.new_context().new_page()
                    extra.goto(url + "/problem_framing")
                    wait_for_app(extra)
                    extras.append(extra)
                time.sleep(1)
                memory[count] = _rss_mib(pid)
            for extra in extras:
                extra.context.close()
        context.close()
    return results, memory


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1] if len(values) >= 2 else values[0]


def run(options: argparse.Namespace) -> tuple[list[dict[str, str]], list[str]]:
    import tempfile

    from playwright.sync_api import sync_playwright

    from tests.e2e.harness import CHROMIUM, CHROMIUM_ARGS

    repeats = getattr(options, "browser_repeats", 12)
    store = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    env = {"LIFECYCLE_STORE_URL": f"sqlite:///{store}/projects.db", "LIFECYCLE_SEED_SAMPLES": "0"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        trivial, _ = _run_app(TRIVIAL, "trivial", repeats, browser, env, store)
        workbook, memory = _run_app(ROOT / "app.py", "workbook", repeats, browser, env, store)
        browser.close()
    rows = []
    ok = True
    for name in workbook:
        (w_wait, w_cpu), (t_wait, t_cpu) = workbook[name], trivial[name]
        ratio = statistics.median(w_wait) / statistics.median(t_wait)
        cpu_ratio = statistics.median(w_cpu) / max(statistics.median(t_cpu), 1.0)
        ok = ok and ratio <= RATIO_TARGET
        rows.append({
            "interaction": name,
            "workbook median / p90 (ms)": f"{statistics.median(w_wait):.0f} / {_p90(w_wait):.0f}",
            "trivial median / p90 (ms)": f"{statistics.median(t_wait):.0f} / {_p90(t_wait):.0f}",
            "wait ratio": f"{ratio:.2f}×",
            "server CPU (ms) workbook / trivial": f"{statistics.median(w_cpu):.0f} / {statistics.median(t_cpu):.0f}",
            "CPU ratio": f"{cpu_ratio:.2f}×",
            "target": f"≤ {RATIO_TARGET:.0f}× {'ok' if ratio <= RATIO_TARGET else 'MISSED'}",
        })
    notes = [
        f"{repeats} repeats each after one warm-up. A wait runs from the key press or click that commits the "
        "interaction until the server has finished the run it caused (logged by the server: both apps are "
        "started through benchmarks/serve_timed.py) and the page has drawn it as stopped.",
        "Server memory (RSS) with open sessions on the Problem Framing page: "
        + ", ".join(f"{count}: {mib:.0f} MiB" for count, mib in sorted(memory.items())),
        f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
    ]
    if RETRIED:
        notes.append("Done again because the browser lost the input: "
                     + ", ".join(f"{name} ×{count}" for name, count in RETRIED.items()))
    if not ok:
        notes.append("At least one interaction missed its ratio target.")
    return rows, notes
