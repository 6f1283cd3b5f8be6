"""Turning a clean article into the document the pane shows (and the printer prints).

Pure document building over QtGui values: theme colours and CSS, font steps,
column width, the article template and the welcome article.  No widgets here,
so the same builder serves the reading pane, print and PDF.
"""

from reader.render.binding import pin_singletons

pin_singletons()
