"""The composite pages, above every app: those that show several apps' records at once
(home, search, the show and person pages, the tracker and the people list, author and tag
pages, feeds, sitemaps) and the desk's dashboard. An app's own pages live in the app."""
