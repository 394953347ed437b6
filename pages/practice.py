from ui.practice_page import render_practice_page

render_practice_page()
