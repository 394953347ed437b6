from ui.timeline_view import render_timeline_page

render_timeline_page()
