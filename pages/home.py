import streamlit as st

from lifecycle.charts.plan import completeness_figure
from lifecycle.completeness import project_progress
from lifecycle.model import ProjectInfo
from ui import router, state
from ui.practice_brief import render_scenario_brief
from ui.forms import render_section
from ui.nav import go_button, phase_page
from ui.project_files import render_open_save, render_pending_replace, render_samples
from ui.risk_view import render_tier_summary

router.require_router()
st.title("Lifecycle Workbook")
st.caption(
    "Map a machine-learning project from problem framing to production monitoring, one phase at a time. "
    "Start from a practice scenario or a blank project; your answers stay while you move between pages."
)

render_pending_replace()
render_scenario_brief("home")  # a scenario's brief first: in full while practising, else folded
render_samples()

st.subheader("About this project", divider="gray")
render_section(ProjectInfo, ("info",), groups=False)
render_tier_summary()  # the EU AI Act risk tier, with links to the screening and to Annex IV

progress = project_progress(state.project())
st.plotly_chart(completeness_figure(progress), key="completeness-chart")
for item in progress:
    go_button(
        phase_page(item.phase),
        f"{item.phase.number}. {item.phase.title}: {item.answered} of {item.required} gate answers",
        key=f"home:phase:{item.phase.key}",
        icon=":material/check_circle:" if item.ratio == 1 else ":material/radio_button_unchecked:",
    )

render_open_save()
