"""Structured data (schema.org JSON-LD) for people."""


def person(request, person, **extra):
    """A schema.org Person, with the name in their own script as alternateName."""
    data = {
        "@type": "Person",
        "name": person.name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
        **extra,
    }
    if person.native_name and person.native_name != person.name:
        data["alternateName"] = person.native_name
    return data


def person_data(request, person_):
    """A person page's own structured data."""
    data = person(request, person_)
    data["@context"] = "https://schema.org"
    if person_.bio:
        data["description"] = person_.bio
    if person_.birth_date:
        data["birthDate"] = person_.birth_date.isoformat()
    return data
