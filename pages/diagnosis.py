from ui.diagnosis_view import render_diagnosis_page

render_diagnosis_page()
