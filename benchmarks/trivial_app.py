"""The baseline of the browser benchmark: the same kinds of widgets as a phase page, and nothing else."""

import streamlit as st


def _first() -> None:
    st.text_input("Answer", key="answer")
    st.selectbox("Choice", ["Option 0", "Option 1"], index=None, key="choice")
    st.text_input("Metric", key="metric")
    if st.button("Other page"):
        st.switch_page(second)


def _second() -> None:
    st.write("The other page.")
    if st.button("Back"):
        st.switch_page(first)


first = st.Page(_first, title="First", default=True)
second = st.Page(_second, title="Second", url_path="second")
st.navigation([first, second], position="hidden").run()
