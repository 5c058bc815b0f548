"""Keeps the cached country list of the request form in step with the reference data."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from practices.taxonomy import Country

from .forms import COUNTRIES_CACHE_KEY


@receiver([post_save, post_delete], sender=Country, dispatch_uid="exchange-countries")
def forget_countries(**kwargs):
    cache.delete(COUNTRIES_CACHE_KEY)
