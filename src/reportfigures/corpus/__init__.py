"""Many reports at once: the extractor's counts over a folder of reports, and every report of
the corpus built as an edition with its targets page.
"""
