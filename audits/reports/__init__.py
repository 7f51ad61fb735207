"""Audit reports for an editor-in-chief: scope, method, summary, charts, and per article what was found and decided.

One path serves the `audit_report` command and the downloads on the run and article pages.
"""

from audits.reports.content import Report, build_report
from audits.reports.render import FORMATS, render_report
from audits.reports.scope import ReportScope, ReportScopeError, report_scope

__all__ = ["FORMATS", "Report", "ReportScope", "ReportScopeError", "build_report", "render_report", "report_scope"]
