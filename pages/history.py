from ui.history_view import render_history_page

render_history_page()
