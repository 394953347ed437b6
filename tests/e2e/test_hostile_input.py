"""Careless and hostile input in the browser: a clear message, the open project kept, no user text live as HTML.

- hostile project files uploaded on the Overview (deep, huge, too big, many keys, aliases, duplicate keys,
  NaN, impossible dates, a top-level list, a UTF-16 file) are refused with the reason, and the open project
  stays as it was;
- the Diagnosis page shows a located message for a bad CSV (a long group value, a huge cell, 10,000
  columns) and forgets it once the files are gone;
- project and activity names holding HTML show as text in the Plan chart and the Portfolio heatmap, and CSV
  column and file names holding HTML or Markdown as text in the Diagnosis page and its charts;
- a plan at the edges of the date range exports its lifecycle map;
- the Portfolio acting on a project deleted in another session says so; a copy whose name grew past the
  length limit opens from its link;
- a garbage or very long ``?pid=`` opens a fresh project without an error.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from lifecycle.model import SHORT_TEXT_MAX, Project
from lifecycle.samples import load_sample
from lifecycle.store import ProjectStore

from .harness import AppURL, wait_for_app
from .ui import choose, download_yaml, go_to, type_answer

LINK = "<a href='https://evil.example/'>click me</a>"
BOLD = "<b>Bold</b> plan"
ERROR = "[data-testid='stAlertContentError']"
UPLOAD = "[data-testid='stFileUploaderDropzoneInput']"
EXCEPTION = "[data-testid='stException']"

HOSTILE_FILES = {
    "deep.yaml": ("info: " + "[" * 10_000 + "]" * 10_000 + "\n", "nested more than 20 levels deep"),
    "deep.json": ('{"info": ' + "[" * 500 + "]" * 500 + "}", "nested more than 20 levels deep"),
    "deeper.json": ('{"info": ' + "[" * 10_000 + "]" * 10_000 + "}", "nested more than 20 levels deep"),
    "keys.yaml": ("info:\n" + "".join(f"  k{i:06d}: v\n" for i in range(150_000)),  # 1.95 MB, under the limit
                  "more than 500 keys in one mapping"),
    "aliases.yaml": ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                     "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n", "YAML aliases (*name) are not allowed"),
    "rows.yaml": ("data:\n  sources:\n" + "  - {name: s}\n" * 100_000,  # 1.4 MB, under the upload limit
                  "data.sources: more than 200 items"),
    "twice.yaml": ("info:\n  name: First\ninfo:\n  name: Second\n", "the key 'info' appears twice (lines 1 and 3)"),
    "twice.json": ('{"info": {"name": "First", "name": "Second"}}', "info: the key 'name' appears twice"),
    "nan.json": ('{"data": {"training_window_months": NaN}}', "NaN is not a number"),
    "digits.yaml": ("data:\n  labelled_examples: " + "9" * 5000 + "\n", "has 5,000 digits"),
    "date.yaml": ("problem_framing:\n  gate:\n    decided_on: 2025-02-30\n",
                  "problem_framing.gate.decided_on: '2025-02-30' is not a valid date"),
    "year1.yaml": ("timeline:\n  activities:\n    - {name: a, phase: data, start: 0001-01-01, end: 9999-12-31, "
                   "owner: x}\n", "0001-01-01 is outside the dates a plan can hold"),
    "list.json": ("[1, 2, 3]", "the file holds a list"),
}


def _upload(page: Page, path: Path) -> None:
    page.locator(UPLOAD).set_input_files(str(path))
    wait_for_app(page, timeout=60_000)


def test_hostile_project_files_are_refused_and_the_open_project_kept(page: Page, tmp_path: Path) -> None:
    type_answer(page, "Project name", "Keep me")
    for name, (content, expected) in HOSTILE_FILES.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        _upload(page, path)
        alert = page.locator(ERROR)
        expect(alert).to_contain_text(f"Could not open {name}; the open project is unchanged")
        expect(alert).to_contain_text(expected)
        expect(page.get_by_role("textbox", name="Project name")).to_have_value("Keep me")
    utf16 = tmp_path / "wide.yaml"
    utf16.write_bytes("info:\n  name: Wide\n".encode("utf-16"))
    _upload(page, utf16)
    expect(page.locator(ERROR)).to_contain_text("the file is UTF-16 text; save it as UTF-8")
    big = tmp_path / "big.yaml"  # over the 2 MB limit: the uploader refuses it before it is sent
    big.write_text("info:\n  name: " + "x" * 2_200_000 + "\n", encoding="utf-8")
    _upload(page, big)
    refused = re.compile(r"File must be 2(\.0)? ?MB or smaller")
    expect(page.locator("[data-testid='stFileUploader']").first).to_contain_text(refused)
    expect(page.locator(EXCEPTION)).to_have_count(0)
    assert download_yaml(page)["info"]["name"] == "Keep me"

    go_to(page, "2. Data")  # leave the page: the message about a file no longer shown goes with it
    go_to(page, "Overview")
    expect(page.locator(ERROR)).to_have_count(0)


def _hostile_project(tmp_path: Path, dates: tuple[str, str] = ("2025-01-06", "2025-02-28")) -> Path:
    document = load_sample("loan").model_dump(mode="json")
    document["info"]["name"] = LINK
    first = document["timeline"]["activities"][0]
    old = first["name"]
    first.update(name=BOLD, start=dates[0], end=dates[1])
    for activity in document["timeline"]["activities"]:
        activity["depends_on"] = activity["depends_on"].replace(old, BOLD)
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _chart_texts(page: Page) -> list[str]:
    chart = page.locator("[data-testid='stPlotlyChart']").first
    chart.locator("svg.main-svg").first.wait_for()
    return chart.locator("svg text").all_text_contents()


def test_hostile_names_show_as_text_in_the_plan_and_portfolio_charts(page: Page, tmp_path: Path) -> None:
    _upload(page, _hostile_project(tmp_path))
    expect(page.locator("[data-testid='stSidebar']")).to_contain_text(LINK)  # opened, name shown as typed

    go_to(page, "Plan and timeline")
    texts = _chart_texts(page)
    assert any("<b>Bold</b> plan" in t for t in texts), texts  # the tags are characters on the axis
    chart = page.locator("[data-testid='stPlotlyChart']").first
    expect(chart.locator("a[href*='evil']")).to_have_count(0)
    bold = chart.locator("tspan[style*='bold']").all_text_contents()
    assert "Bold" not in bold, bold

    go_to(page, "Portfolio")
    texts = _chart_texts(page)
    assert any(t.startswith("<a href='https://evil.example/'") for t in texts), texts  # cut with … on the axis
    heatmap = page.locator("[data-testid='stPlotlyChart']").first
    expect(heatmap.locator("a[href*='evil']")).to_have_count(0)
    assert not any(len(t) == 32 and all(c in "0123456789abcdef" for c in t) for t in texts)  # names, not ids


def test_a_plan_at_the_edges_of_the_date_range_exports_its_map(page: Page, tmp_path: Path) -> None:
    _upload(page, _hostile_project(tmp_path, dates=("1900-01-01", "2199-12-31")))
    expect(page.locator(ERROR)).to_have_count(0)
    go_to(page, "Canvas")
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name="Lifecycle map PDF (every answer)").click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF") and b"could not be made" not in data


def _csv_file(tmp_path: Path, name: str, replace: tuple[int, str] | None = None) -> Path:
    source = Path(__file__).resolve().parents[2] / "sample_projects" / "loan_monitoring"
    lines = (source / ("reference.csv" if name == "reference.csv" else "2025-09.csv")).read_text().splitlines()
    if replace:
        column, value = replace
        parts = lines[1].split(",")
        parts[column] = value
        lines[1] = ",".join(parts)
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_diagnosis_page_recovers_after_an_error(page: Page, tmp_path: Path) -> None:
    go_to(page, "Diagnosis")
    uploads = page.locator(UPLOAD)
    uploads.nth(0).set_input_files(str(_csv_file(tmp_path, "reference.csv")))
    wait_for_app(page)
    uploads.nth(1).set_input_files(str(_csv_file(tmp_path, "2025-09.csv", replace=(0, "<b>" + "g" * 1_200))))
    wait_for_app(page, timeout=60_000)
    alert = page.locator(ERROR)
    expect(alert).to_contain_text("Could not analyse the files")
    expect(alert).to_contain_text("2025-09.csv: column 'age_band', line 2: a cell of 1,203 characters")
    expect(page.locator(EXCEPTION)).to_have_count(0)

    go_to(page, "Overview")
    go_to(page, "Diagnosis")  # the files are gone from the page: so is the message about them
    expect(page.locator(ERROR)).to_have_count(0)
    page.get_by_role("button", name="Use the bundled loan monitoring data").click()
    wait_for_app(page, timeout=90_000)
    expect(page.locator(ERROR)).to_have_count(0)
    page.get_by_role("button", name="Skip the exercise, show the analysis").click()  # the exercise has its own test
    wait_for_app(page, timeout=90_000)
    expect(page.get_by_text("Control batch (drawn like the reference): no alarm")).to_be_visible()


def _csv_bytes(name: str, rename: tuple[str, str] | None = None, cell: tuple[int, str] | None = None) -> bytes:
    source = Path(__file__).resolve().parents[2] / "sample_projects" / "loan_monitoring"
    lines = (source / ("reference.csv" if name == "reference.csv" else "2025-09.csv")).read_text().splitlines()
    if rename:
        lines[0] = lines[0].replace(*rename)
    if cell:
        parts = lines[1].split(",")
        parts[cell[0]] = cell[1]
        lines[1] = ",".join(parts)
    return ("\n".join(lines) + "\n").encode()


def _payload(name: str, data: bytes) -> dict[str, object]:
    return {"name": name, "mimeType": "text/csv", "buffer": data}


def test_diagnosis_refuses_a_huge_cell_and_10000_columns_then_recovers(page: Page) -> None:
    go_to(page, "Diagnosis")
    uploads = page.locator(UPLOAD)
    wide = ",".join(f"c{i}" for i in range(10_000)) + "\n" + ",".join("1" * 10_000) + "\n"
    uploads.nth(0).set_input_files(files=[_payload("reference.csv", wide.encode())])
    wait_for_app(page, timeout=60_000)
    huge_cell = _csv_bytes("2025-09.csv", cell=(1, "x" * 1_000_000))
    uploads.nth(1).set_input_files(files=[_payload("2025-09.csv", huge_cell)])
    wait_for_app(page, timeout=60_000)
    alert = page.locator(ERROR)
    expect(alert).to_contain_text("Could not analyse the files")
    expect(alert).to_contain_text("reference.csv: the header has 10,000 columns; at most 300 are analysed")
    expect(alert).to_contain_text("2025-09.csv: column 'postcode_district', line 2: a cell of 1,000,000 characters")
    expect(page.locator(EXCEPTION)).to_have_count(0)

    go_to(page, "Overview")
    go_to(page, "Diagnosis")  # the files are gone from the page: so is the message about them
    expect(page.locator(ERROR)).to_have_count(0)
    expect(page.get_by_text("Load the bundled loan data or upload your own files to start.")).to_be_visible()


def test_csv_column_and_file_names_holding_html_show_as_text_in_diagnosis(page: Page) -> None:
    column = LINK.replace("click me", "purpose")
    batch = "<b>bold</b> **x**[a](evil.example).csv"
    go_to(page, "Diagnosis")
    uploads = page.locator(UPLOAD)
    reference = _csv_bytes("reference.csv", ("loan_purpose", column))
    uploads.nth(0).set_input_files(files=[_payload("reference.csv", reference)])
    wait_for_app(page, timeout=60_000)
    uploads.nth(1).set_input_files(files=[_payload(batch, _csv_bytes("2025-09.csv", ("loan_purpose", column)))])
    wait_for_app(page, timeout=90_000)
    expect(page.locator(ERROR)).to_have_count(0)
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_text(f"Analysed: reference.csv, {batch}")).to_be_visible()  # the name as typed
    expect(main.locator("a[href*='evil']")).to_have_count(0)
    emphasis = main.locator("[data-testid='stMarkdownContainer'] strong", has_text=re.compile("^(x|bold)$"))
    expect(emphasis).to_have_count(0)
    texts = _chart_texts(page)  # the PSI chart: one bar per input column, the batch in its title
    assert column in texts, texts
    assert any("<b>bold</b> **x**[a](evil.example)" in t for t in texts), texts
    charts = page.locator("[data-testid='stPlotlyChart']")
    expect(charts.locator("a[href*='evil']")).to_have_count(0)
    assert "bold" not in charts.first.locator("tspan[style*='bold']").all_text_contents()
    expect(page.locator(EXCEPTION)).to_have_count(0)


def _portfolio_target(page: Page, name: str) -> None:
    """Choose the project to manage as a person does: type the start of its name, take the match."""
    box = page.locator("[data-testid='stMain']").get_by_role("combobox", name="Project")
    box.click()
    box.press_sequentially(name[:40], delay=10)
    page.get_by_role("option").filter(has_text=name[:40]).first.wait_for()
    box.press("Enter")
    wait_for_app(page)
    expect(box).to_have_value(re.compile("^" + re.escape(name[:40])))


def test_portfolio_actions_on_a_project_deleted_elsewhere_say_so(page: Page, app_url: AppURL) -> None:
    buttons = ("duplicate", "archive", "open")
    store = ProjectStore(app_url.store_url)
    try:
        keep = store.create(Project.model_validate({"info": {"name": "Kept elsewhere"}})).id
        doomed = {b: store.create(Project.model_validate({"info": {"name": f"Deleted elsewhere {b}"}})).id
                  for b in buttons}
        go_to(page, "Portfolio")
        for button in buttons:
            _portfolio_target(page, f"Deleted elsewhere {button}")
            store.delete(doomed[button])  # another session deletes it while this one shows it
            page.locator(f".st-key-portfolio-{button} button").click()
            wait_for_app(page)
            expect(page.locator("[data-testid='stAlertContentWarning']")).to_contain_text("deleted meanwhile")
            expect(page.locator(ERROR)).to_have_count(0)
            expect(page.locator(EXCEPTION)).to_have_count(0)
        names = [p.summary.name for p in store.list(include_archived=True)]
        assert not [n for n in names if n.startswith("Deleted elsewhere")] and names.count("Kept elsewhere") == 1
        assert store.get(keep).project.info.name == "Kept elsewhere"
    finally:
        store.dispose()


def test_a_copy_whose_name_grew_past_the_limit_opens_from_its_link(page: Page, app_url: AppURL) -> None:
    name = "Long" + "n" * (SHORT_TEXT_MAX - 4)
    store = ProjectStore(app_url.store_url)
    try:
        store.create(Project.model_validate({"info": {"name": name}}))
        go_to(page, "Portfolio")
        _portfolio_target(page, name)
        page.locator(".st-key-portfolio-duplicate button").click()
        wait_for_app(page)
        copy = next(p for p in store.list() if p.summary.name.startswith("Long") and p.summary.name.endswith("(copy)"))
        assert len(copy.summary.name) <= SHORT_TEXT_MAX
    finally:
        store.dispose()
    for _ in range(2):  # the link works on every visit, not only the first
        page.goto(f"{app_url}/?pid={copy.id}")
        wait_for_app(page)
        expect(page.get_by_role("textbox", name="Project name")).to_have_value(copy.summary.name)
        expect(page.locator(ERROR)).to_have_count(0)
        expect(page.locator(EXCEPTION)).to_have_count(0)


@pytest.mark.parametrize("pid", ["<script>alert(1)</script>", "9" * 5_000, "%00%0d%0a"])
def test_a_garbage_or_long_link_id_opens_a_new_project(page: Page, app_url: str, pid: str) -> None:
    page.goto(f"{app_url}/?pid={pid}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Lifecycle Workbook")).to_be_visible()
    expect(page.locator(EXCEPTION)).to_have_count(0)
    expect(page.get_by_role("textbox", name="Project name")).to_have_value("")
    expect(page).not_to_have_url(re.compile(r"pid="))  # the link's id was not taken for a project
