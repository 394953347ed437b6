from ui.annex_iv_view import render_annex_iv_page

render_annex_iv_page()
