"""The edition's page: html helpers, style, context → source_view, annotations → sections → page.
"""
