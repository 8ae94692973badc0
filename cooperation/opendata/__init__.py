"""The published portfolio for machines: CSV and JSON tables, IATI activities, the Atom feed.

``datasets`` describes the tables, ``iati`` the IATI 2.03 activities, ``feeds`` the feed of
each language; ``selectors`` reads what they publish, ``views`` and ``urls`` serve them with
the page that documents them (the open data page).
"""
