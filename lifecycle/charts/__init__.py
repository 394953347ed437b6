"""Plotly figures of the workbook's own data, one module per page that draws them.

Pure functions from domain objects to ``go.Figure``; the UI only calls ``st.plotly_chart``.
Importing ``lifecycle.charts.<module>`` directly keeps plotly off pages that draw nothing.
"""
