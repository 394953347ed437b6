from ui.maturity_view import render_maturity_page

render_maturity_page()
