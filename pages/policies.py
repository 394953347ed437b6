from ui.policy_view import render_policy_page

render_policy_page()
