"""Pages facing careless or hostile input: a clear message, the open project kept, never a traceback.

Cases of the browser that need no file upload (AppTest cannot upload): a failing page or callback, the
portfolio acting on a project deleted in another session, links with a garbage id or to a stored document
this workbook can no longer read, and the portfolio's CSV download.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from lifecycle.model import SHORT_TEXT_MAX, Project
from lifecycle.samples import load_sample
from lifecycle.store import ProjectStore
from lifecycle.store.store import projects

from .conftest import APP, answer


def _page_script() -> None:
    import streamlit as st

    from ui import errors

    class BrokenPage:
        title = "Broken"

        def run(self) -> None:
            st.write("before the failure")
            raise ValueError("the row with index 0 is too high")

    @errors.guarded("archiving the project")
    def failing_callback() -> None:
        raise KeyError("gone")

    st.button("Archive", on_click=failing_callback, key="archive")
    errors.run_page(BrokenPage())


def test_a_failing_page_names_what_failed_without_a_traceback(project_store: str) -> None:
    at = AppTest.from_function(_page_script, default_timeout=30)
    at.run()
    assert not at.exception
    [error] = at.error
    assert "The Broken page failed." in error.value
    assert "ValueError: the row with index 0 is too high" in error.value and "Traceback" not in error.value
    assert "Your project is unchanged" in error.value


def test_a_failing_callback_is_reported_once_on_the_next_run(project_store: str) -> None:
    at = AppTest.from_function(_page_script, default_timeout=30)
    at.run()
    at.button(key="archive").click().run()
    assert not at.exception
    messages = [e.value for e in at.error]
    assert any("Archiving the project failed." in m and "KeyError: 'gone'" in m for m in messages)
    at.run()
    assert not any("Archiving" in e.value for e in at.error)  # shown once, not stuck


def _store(project_store: str) -> ProjectStore:
    return ProjectStore(project_store)


def _portfolio() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/portfolio.py").run()
    assert not at.exception
    return at


@pytest.mark.parametrize("button", ["portfolio-duplicate", "portfolio-archive", "portfolio-open"])
def test_acting_on_a_project_deleted_elsewhere_says_so(project_store: str, button: str) -> None:
    store = _store(project_store)
    keep = store.create(load_sample("churn")).id
    doomed = store.create(load_sample("loan")).id
    at = _portfolio()
    at.selectbox(key="portfolio-target").select(doomed).run()
    store.delete(doomed)  # another session deletes it meanwhile
    at.button(key=button).click().run()
    assert not at.exception
    assert any("deleted meanwhile" in w.value for w in at.warning)
    assert [p.id for p in store.list(include_archived=True)] == [keep]
    at.run()
    assert not any("deleted meanwhile" in w.value for w in at.warning)  # said once


def test_a_duplicate_of_a_long_name_stays_within_the_limit(project_store: str) -> None:
    store = _store(project_store)
    pid = store.create(Project.model_validate({"info": {"name": "L" * SHORT_TEXT_MAX}})).id
    at = _portfolio()
    at.selectbox(key="portfolio-target").select(pid).run()
    at.button(key="portfolio-duplicate").click().run()
    assert not at.exception
    names = sorted(p.summary.name for p in store.list())
    assert len(names) == 2 and all(len(n) <= SHORT_TEXT_MAX for n in names)
    assert any(n.endswith("… (copy)") for n in names)


def _session(pid: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["pid"] = pid
    at.run()
    assert not at.exception
    return at


def test_a_stored_project_with_a_too_long_name_opens_from_its_link(project_store: str) -> None:
    store = _store(project_store)
    stored = store.create(load_sample("churn"))
    document = stored.project.model_dump(mode="json")
    document["info"]["name"] = "C" * 320 + " (copy)"
    with store.engine.begin() as conn:
        conn.execute(update(projects).where(projects.c.id == stored.id).values(document=json.dumps(document)))
    at = _session(stored.id)
    assert at.session_state["project_id"] == stored.id
    assert len(answer(at, "info", "name")) == SHORT_TEXT_MAX


def test_a_garbage_or_huge_link_id_starts_a_new_project(project_store: str) -> None:
    for pid in ("<script>alert(1)</script>", "9" * 20_000, "'; DROP TABLE projects; --"):
        at = _session(pid)
        assert at.session_state["project_id"] is None
        assert answer(at, "info", "name") == ""


def test_a_link_to_a_document_this_workbook_cannot_read_explains_it(project_store: str) -> None:
    store = _store(project_store)
    stored = store.create(Project())
    with store.engine.begin() as conn:
        conn.execute(update(projects).where(projects.c.id == stored.id)
                     .values(document='{"info": {"name": "a", "name": "b"}}'))
    at = _session(stored.id)
    assert at.session_state["project_id"] is None  # a new project, the broken one left as it is
    assert any("could not be opened" in w.value and "appears twice" in w.value for w in at.warning)


def test_the_portfolio_csv_download_and_table_neutralise_formulas(project_store: str) -> None:
    store = _store(project_store)
    store.create(Project.model_validate({"info": {"name": '=HYPERLINK("http://evil","x")', "owner": "+1"}}))
    at = _portfolio()
    table = at.dataframe[0].value
    assert table["Project"][0] == "'=HYPERLINK(\"http://evil\",\"x\")" and table["Owner"][0] == "'+1"
    [button] = [b for b in at.get("download_button") if b.proto.label == "Download the table (CSV)"]
    assert button.proto.label == "Download the table (CSV)"
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert figure["layout"]["yaxis"]["ticktext"] == ['=HYPERLINK("http://evil","x")']  # a chart is not a sheet
    data = store.list()
    from lifecycle.store.table import portfolio_csv

    rows = list(csv.DictReader(io.StringIO(portfolio_csv(data).decode("utf-8-sig"))))
    assert rows[0]["Project"].startswith("'=")


def test_a_failing_pdf_download_still_gives_a_file_that_says_what_failed() -> None:
    from pypdf import PdfReader

    from ui.errors import guarded_download

    def broken() -> bytes:
        raise OverflowError("date value out of range")

    data = guarded_download("the lifecycle map PDF", broken)()
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "The lifecycle map PDF could not be made" in text
    assert "OverflowError: date value out of range" in text and "Your project is unchanged" in text
