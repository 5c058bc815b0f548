// Wagtail 8's admin JavaScript strings that locale/{es,pt}/LC_MESSAGES/djangojs.po translate
// (docs/editor.md). Never loaded: it only keeps `make makemessages` from dropping their entries.
/* global gettext, ngettext */
function upstreamAdminStrings() {
  return [
    ngettext("%(num)s error", "%(num)s errors", 1),
    ngettext("%(num)s min", "%(num)s mins", 1),
    ngettext("%(num)s pixel", "%(num)s pixels", 1),
    gettext("%(time_zone_option)s: %(localized_time_zone_label)s"),
    gettext("A network error occurred."),
    gettext("A server error occurred."),
    gettext("Autosave in progress…"),
    gettext("Changes have been autosaved."),
    gettext("Complex"),
    gettext("Fair"),
    gettext("Good"),
    gettext("Pin toolbar"),
    gettext("Search options…"),
    gettext("Unpin toolbar"),
  ];
}
