from ui.phase_page import render_phase_page

render_phase_page("problem_framing")
