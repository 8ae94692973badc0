"""Small helpers that the project (rosario_intl) and the app (cooperation) both use.

Neither imports the other's code for them: the app never imports the project, and the
project's plumbing (the page cache) imports no app. This package imports neither.
"""
