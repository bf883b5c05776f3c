from wagtail import hooks


@hooks.register("register_admin_urls")
def termennetwerk_urls() -> list:
    """Under /admin/, so only signed-in admin users reach them; the views themselves
    ask for the permission to add or change terms."""
    from django.urls import path

    from museum_site.termennetwerk import views

    return [
        path("termennetwerk/search/", views.search, name="termennetwerk_search"),
        path("termennetwerk/lookup/", views.lookup, name="termennetwerk_lookup"),
    ]
