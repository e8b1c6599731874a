"""The site scan (``termcheck scan``): crawl a site, check each page's main text, remember what changed.

`fetch` talks HTTP politely, `page` reads one page, `sitemap` reads sitemaps, `state` keeps the
SQLite memory, `crawl` runs a pass over the site and `site_report` writes what editors read.
"""
