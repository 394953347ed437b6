"""Streamlit adapter: binds widgets to the project document held in session state.

The domain (``lifecycle``) knows nothing of Streamlit; pages call into this package,
which renders the question catalogue and writes answers back through the model.
"""
