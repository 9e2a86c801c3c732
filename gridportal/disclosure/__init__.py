"""Information disclosure: the normative-documents registry, service-stage guides and the
disclosure calendar (ПП РФ № 24).

Service event contract (decision 0015). Capabilities that publish a disclosure item — the
load map's quarterly free capacity, the connection reports — tell the calendar through
`core.signals.service_event_send` after their transaction commits, importing nothing of
this app:

    service_event_send(
        kind=ServiceEventKind.PUBLICATION_MADE,
        record=snapshot,                    # any model instance; its URL is the link
        branch_id=None,                     # or the branch the publication is for
        details={"item": "free_capacity", "period": "2026-Q4", "url": "/capacity/…"},
    )

`item` is a `DisclosureItem.code` (`free_capacity`, `free_capacity_below_35`,
`connection_applications`, `control_measurements`, `service_quality_report`, …), `period`
the period's code in the item's frequency («2026-11», «2026-Q4», «2026-H2», «2026»);
`url` is optional. A repeat is harmless: one `Publication` per item and period.
"""
