from ui.portfolio_view import render_portfolio_page

render_portfolio_page()
