"""ui/widget_state.py replaces Streamlit's per-widget copy of the whole session state with a view
that reads one key; these tests fail if the view and Streamlit's own dict ever disagree, or if a
Streamlit release renames what the view relies on."""

from __future__ import annotations

from streamlit.runtime.state.safe_session_state import SafeSessionState
from streamlit.testing.v1 import AppTest

from ui import widget_state


def _script() -> None:
    import streamlit as st
    from streamlit.runtime.state import get_session_state

    from ui import widget_state

    widget_state.install()
    st.session_state.setdefault("plain", "a value")
    st.session_state.setdefault("nothing", None)
    st.text_input("Keyed", key="typed")
    st.text_input("Keyed and empty", key="empty", value=None)
    st.selectbox("Not keyed", ["x", "y"])
    st.number_input("Keyed number", key="count", value=None)
    safe = get_session_state()
    view = safe.filtered_state
    truth = safe._state.filtered_state  # Streamlit's own dict
    probes = [*truth, "missing", "$$ID-0000-None", "$$STREAMLIT_INTERNAL_KEY_x"]
    st.session_state["report"] = {
        "same_dict": dict(view) == truth and len(view) == len(truth) and repr(view) == repr(truth),
        "same_lookups": all((k in view) == (k in truth) and (k not in truth or view[k] == truth[k]) for k in probes),
        "to_dict_is_a_dict": type(st.session_state.to_dict()) is dict,
    }


def test_view_answers_every_lookup_as_streamlits_dict_does() -> None:
    at = AppTest.from_function(_script)
    at.run()
    at.text_input(key="typed").input("hello").run()
    assert not at.exception
    report = at.session_state["report"]
    assert report == {"same_dict": True, "same_lookups": True, "to_dict_is_a_dict": True}


def test_widgets_keep_a_none_value_they_were_given() -> None:
    # The one thing widgets ask the view: does my key hold None? (then they show no value)
    at = AppTest.from_function(_script)
    at.run()
    assert at.text_input(key="empty").value is None and at.number_input(key="count").value is None
    assert at.text_input(key="typed").value == ""


def test_installing_twice_keeps_one_view() -> None:
    widget_state.install()
    first = SafeSessionState.filtered_state
    widget_state.install()
    assert SafeSessionState.filtered_state is first
