from ui.checks_page import render_checks_page

render_checks_page()
