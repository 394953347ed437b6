from ui.model_card_view import render_model_card_page

render_model_card_page()
