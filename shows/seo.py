"""Structured data (schema.org JSON-LD) for show pages."""

from people.seo import person as _person
from shows.models import CreditRole, ShowKind


def show_data(request, show, credits, companies):
    data = {
        "@context": "https://schema.org",
        "@type": "Movie" if show.kind == ShowKind.FILM else "TVSeries",
        "name": show.title,
        "url": request.build_absolute_uri(show.get_absolute_url()),
        "description": show.synopsis,
        "alternateName": [t.title for t in show.public_titles],
        "genre": [genre.name for genre in show.genres.all()],
        "countryOfOrigin": [
            {"@type": "Country", "name": country.name} for country in show.countries.all()
        ],
        "inLanguage": [language.code for language in show.languages.all()],
        "productionCompany": [
            {"@type": "Organization", "name": company.name} for company in companies
        ],
        "actor": [
            {
                "@type": "PerformanceRole",
                "actor": _person(request, credit.person),
                "characterName": credit.character_name,
            }
            for credit in credits
            if credit.role == CreditRole.CAST
        ],
        "director": [
            _person(request, credit.person)
            for credit in credits
            if credit.role == CreditRole.DIRECTOR
        ],
        "creator": [
            _person(request, credit.person)
            for credit in credits
            if credit.role in (CreditRole.CREATOR, CreditRole.WRITER)
        ],
    }
    if show.kind != ShowKind.FILM:
        seasons = list(show.seasons.all())  # prefetched with their episodes
        if seasons:
            data["numberOfSeasons"] = len(seasons)
            data["containsSeason"] = [_season(season) for season in seasons]
    window = show.release_window
    if window:
        # At its precision: "2025", "2025-03" or "2025-03-14" (ISO 8601 reduced precision).
        key = "datePublished" if show.kind == ShowKind.FILM else "startDate"
        data[key] = window.iso
    if show.based_on:
        based_on = {"@type": "CreativeWork", "name": show.based_on}
        if show.based_on_show:
            based_on["url"] = request.build_absolute_uri(show.based_on_show.get_absolute_url())
        data["isBasedOn"] = based_on
    return {key: value for key, value in data.items() if value not in ("", [], None)}


def _season(season):
    data = {
        "@type": "TVSeason",
        "seasonNumber": season.number,
        "name": str(season),
        "numberOfEpisodes": season.episode_count,
        "startDate": season.release_window.iso if season.release_window else None,
        "episode": [
            {
                key: value
                for key, value in {
                    "@type": "TVEpisode",
                    "episodeNumber": episode.number,
                    "name": episode.title or str(episode),
                    "datePublished": episode.release_window.iso if episode.release_window else None,
                    "timeRequired": f"PT{episode.runtime}M" if episode.runtime else None,
                }.items()
                if value is not None
            }
            for episode in season.episodes.all()
        ],
    }
    return {key: value for key, value in data.items() if value not in (None, [])}
