"""Page-level CSS the components cannot express as props: the print layout and phone tables."""

from __future__ import annotations

import reflex as rx

WORKSPACE_CSS = """
.print-only { display: none; }
.row-name.rt-Link { color: var(--accent-12); text-decoration: underline; text-underline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
@media (max-width: 640px) {
  .ranking-table thead { display: none; }
  .ranking-table tr { display: block; padding: 8px 4px; border-bottom: 1px solid var(--gray-5); }
  .ranking-table td { display: flex; gap: 8px; align-items: flex-start; box-shadow: none; padding: 3px 4px;
    height: auto !important; min-height: 0; }
  .ranking-table td::before { content: attr(data-label); font-weight: 600; min-width: 112px; flex-shrink: 0;
    color: var(--gray-11); font-size: var(--font-size-1); }
}
@media print {
  @page { margin: 14mm; }
  nav, .no-print, button, [role=combobox], input, textarea, .rt-SelectTrigger, #progress-section,
  #share-section, #cv-viewer-column, [data-sonner-toaster] { display: none !important; }
  .print-only { display: block !important; }
  .print-show { display: block !important; }
  .workspace-grid { display: block !important; }
  .print-block { break-inside: avoid; page-break-inside: avoid; margin-bottom: 10px; box-shadow: none !important;
    border: 1px solid #999 !important; }
  .ranking-table { break-after: page; }
  body, main, .rt-Theme { background: white !important; }
  main { padding: 0 !important; max-width: none !important; }
}
"""


def workspace_styles() -> rx.Component:
    return rx.el.style(WORKSPACE_CSS)
