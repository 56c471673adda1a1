"""Briefing reports: a two-page brief on one actor or one concept, from a parameterized notebook.

An analyst asks "what has Lavrov said on NATO enlargement, who agrees, who
opposes, what changed this week, and where is it from?". The answer is
``notebooks/06_briefing.ipynb`` run by papermill with typed parameters and
rendered without code to HTML (and PDF through headless Chromium), so every
brief is reproducible and in step with the data.

Modules
-------
content   pure functions computing the brief's tables from a Project (no papermill, no HTML)
sections  HTML fragments of each section; every string from a document or the codebook is escaped
render    run the notebook, convert to offline HTML (no code, embedded CSS) and PDF, write atomically
cli       ``python -m crisisnet brief --actor lavrov | --concept nato_open_door | --all``
"""
