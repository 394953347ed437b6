from ui.canvas_view import render_canvas_page

render_canvas_page()
