# ruff: noqa: E501 - msgids are kept whole, as upstream writes them
"""Wagtail 8, wagtail-localize and Django strings our catalogues translate (docs/editor.md).

Upstream leaves them untranslated in Spanish or Brazilian Portuguese. Listed here so that
`make makemessages` keeps their entries in locale/{es,pt}: it drops msgids the project's
own code does not mention. Nothing imports this module.
"""

from django.utils.translation import gettext_noop

UPSTREAM_STRINGS = [
    gettext_noop("Actions"),
    gettext_noop("Actions (footer)"),
    gettext_noop("Any"),
    gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),
    gettext_noop("Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing"),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Saved"),
    gettext_noop("Checks"),
    gettext_noop("Toggle checks"),
    gettext_noop("Content metrics"),
    gettext_noop("Words"),
    gettext_noop("Reading time"),
    gettext_noop("Readability"),
    gettext_noop("This data explained"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and calculate the number of words."
    ),
    gettext_noop("We calculate reading time from word count, using different reading speeds for different languages."),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long sentences and words result in a worse readability score."
    ),
    gettext_noop("Date updated"),
    gettext_noop("Edit account avatar"),
    gettext_noop("Edited by"),
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail."),
    gettext_noop("Keyboard shortcuts"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Add or show comments"),
    gettext_noop("Filter by"),
    gettext_noop("Show filters"),
    gettext_noop("Go to the first error"),
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("Grid layout"),
    gettext_noop("List layout"),
    gettext_noop("Has child pages"),
    gettext_noop("Locked by"),
    gettext_noop("Locked by workflow"),
    gettext_noop("Locking: "),
    gettext_noop("Maximum"),
    gettext_noop("Minimum"),
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
    gettext_noop("More options for '%(title)s'"),
    gettext_noop("None"),
    gettext_noop("Page type"),
    gettext_noop("Password"),
    gettext_noop("Privacy and access"),
    gettext_noop("Search all pages…"),
    gettext_noop("Search…"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Usage count"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop("Toggle side panel"),
    gettext_noop(
        "Apply the updates and publish immediately. The changes will use the original language until translated."
    ),
    gettext_noop(
        'Apply the updates and publish immediately. The changes will use the original language until translated unless you also select "Use machine translation".'
    ),
    gettext_noop("Use machine translation"),
    gettext_noop("Apply machine translations to the incoming changes."),
    gettext_noop("Publish immediately"),
    gettext_noop("Username"),
    gettext_noop("User"),
    gettext_noop("Enter your %(username_field_name)s"),
    gettext_noop("Enter password"),
    gettext_noop("Forgotten password?"),
    gettext_noop("Remember me"),
    gettext_noop("Skip to main content"),
    gettext_noop("Sign in"),
    gettext_noop("Sign in to Wagtail"),
    gettext_noop("Log in"),
    gettext_noop("username"),
    gettext_noop("This page is currently at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>."),
    gettext_noop(
        "This page was marked as needing changes at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>."
    ),
]
