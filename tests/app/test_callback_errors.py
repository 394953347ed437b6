"""An unexpected error in any widget callback or deferred download names what failed, never a traceback,
and leaves the project as it was (ui/callback_guard.py, ui/errors.py)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from lifecycle.storage import load_project, project_document

from .conftest import answer

PERFECT = Path(__file__).resolve().parents[1] / "fixtures" / "perfect.yaml"


def _undecorated_callbacks() -> None:
    import streamlit as st

    from ui import callback_guard, errors

    callback_guard.install()  # app.py does it through ui.runtime.start_once()

    def click() -> None:
        raise RuntimeError("the store went away")

    def change() -> None:
        raise ValueError("cannot apply this")

    def rerun() -> None:
        st.session_state["reruns"] = st.session_state.get("reruns", 0) + 1
        st.rerun()  # Streamlit's own control flow, not a failure

    errors.show_recorded()
    st.button("Click", on_click=click, key="click")
    st.text_input("Text", on_change=change, key="text")
    st.button("Rerun", on_click=rerun, key="rerun")


def _messages(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_a_failing_click_says_the_button_failed_once() -> None:
    at = AppTest.from_function(_undecorated_callbacks, default_timeout=30)
    at.run()
    at.button(key="click").click().run()
    assert not at.exception
    [message] = _messages(at)
    assert message.startswith("**The button you clicked failed.** Your project is unchanged.")
    assert "RuntimeError: the store went away" in message and "Traceback" not in message
    at.run()
    assert _messages(at) == []  # said once, the page not stuck on it


def test_a_failing_change_says_applying_it_failed() -> None:
    at = AppTest.from_function(_undecorated_callbacks, default_timeout=30)
    at.run()
    at.text_input(key="text").input("typed").run()
    assert not at.exception
    [message] = _messages(at)
    assert message.startswith("**Applying your last change failed.**") and "ValueError: cannot apply this" in message


def test_st_rerun_in_a_callback_is_not_taken_for_a_failure() -> None:
    at = AppTest.from_function(_undecorated_callbacks, default_timeout=30)
    at.run()
    at.button(key="rerun").click().run()
    assert not at.exception and _messages(at) == []
    assert at.session_state["reruns"] == 1


def test_a_failing_sign_off_in_the_real_app_keeps_the_project(at: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    at.session_state["project"] = project_document(load_project(PERFECT))
    at.switch_page("pages/deployment.py").run()
    [box] = [w for w in at.text_input if w.key.startswith("signoff:") and w.key.endswith(":deployment:by")]
    box.input("Dana Whitfield").run()
    before = copy.deepcopy(at.session_state["project"])

    def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("ui.sign_off_view.sign_off", broken)
    at.button(key="signoff:deployment:sign").click().run()
    assert not at.exception
    assert any(m.startswith("**The button you clicked failed.** Your project is unchanged")
               and "OSError: disk full" in m for m in _messages(at))
    assert at.session_state["project"] == before
    assert answer(at, "deployment", "gate")["signed_off_by"] == ""
    assert at.title[0].value  # the page itself is drawn below the message


def test_a_failing_annex_iv_download_gives_a_file_that_says_so(at: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    builders: dict[str, Any] = {}
    original = MediaFileManager.add_deferred

    def capture(self: MediaFileManager, data: Any, *args: Any, **kwargs: Any) -> str:
        builders[kwargs.get("element_id") or str(len(builders))] = data  # what Streamlit runs on the click
        return original(self, data, *args, **kwargs)

    def broken(project: Any) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture)
    monkeypatch.setattr("ui.annex_iv_view.to_markdown", broken)
    at.text_input(key=next(w.key for w in at.text_input if w.key.endswith(":info.name"))).input("Keep me").run()
    before = copy.deepcopy(at.session_state["project"])
    at.switch_page("pages/annex_iv.py").run()
    assert not at.exception
    [build] = [b for key, b in builders.items() if "download-annex-iv" in key]
    text = build()
    assert text.startswith("# The Annex IV documentation could not be made")
    assert "RecursionError: maximum recursion depth exceeded" in text and "Your project is unchanged" in text
    at.run()
    assert any(m.startswith("**The Annex IV documentation failed.**") and "RecursionError" in m
               for m in _messages(at))
    assert at.session_state["project"] == before and answer(at, "info", "name") == "Keep me"


def test_a_failing_sidebar_is_named_and_the_page_still_runs(at: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    at.session_state["project"] = project_document(load_project(PERFECT))
    at.switch_page("pages/data.py").run()
    before = copy.deepcopy(at.session_state["project"])

    def broken() -> None:
        raise RuntimeError("the review could not be counted")

    monkeypatch.setattr("ui.review.counts", broken)
    at.run()
    assert not at.exception
    assert any(m.startswith("**The sidebar failed.** Your project is unchanged")
               and "RuntimeError: the review could not be counted" in m for m in [e.value for e in at.sidebar.error])
    assert at.sidebar.button  # the page menu above the failure is still drawn
    assert at.title[0].value  # and so is the page
    assert at.session_state["project"] == before


def test_a_failing_save_of_skipped_answers_is_named_and_the_page_still_runs(
    at: AppTest, monkeypatch: pytest.MonkeyPatch,
) -> None:
    at.session_state["project"] = project_document(load_project(PERFECT))
    at.switch_page("pages/data.py").run()

    def broken() -> None:
        raise OSError("the store is read-only")

    monkeypatch.setattr("ui.forms.reconcile", broken)
    at.run()
    assert not at.exception
    assert any(m.startswith("**Saving your last answers failed.**") and "OSError: the store is read-only" in m
               for m in _messages(at))
    assert at.title[0].value
