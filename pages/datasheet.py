from ui.datasheet_view import render_datasheet_page

render_datasheet_page()
