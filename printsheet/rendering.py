"""HTML to PDF with WeasyPrint, offline: local fonts, nothing fetched from the network."""

from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

STYLESHEET = Path(__file__).with_name("case_sheet.css")


class OfflineURLFetcher(URLFetcher):
    """Refuses every URL but inline data: a sheet never waits on, or leaks a request to, another host.

    Links in the sheet stay links (they are annotations, not fetched); images and stylesheets
    from elsewhere are skipped with a warning in the log.
    """

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        raise ValueError(f"The case sheet fetches nothing from outside: {url[:200]}")


def html_to_pdf(html: str, *, base_url: str) -> bytes:
    return HTML(string=html, base_url=base_url, url_fetcher=OfflineURLFetcher()).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET), url_fetcher=OfflineURLFetcher())],
        pdf_variant="pdf/ua-1",  # tagged PDF: screen readers follow headings, lists and tables
    )
