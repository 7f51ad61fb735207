"""The rule catalogue: every module in this package that defines a rule registers it.

Adding a rule is adding one module here with a `@register`-decorated Rule subclass. The modules
without one are what the rules share: `base` (Rule, the registry of rules), `activity` (which ties
were in force and declared when), `evidence` (the frozen snapshot of what matched), `explain` (the
wording of summaries) and `topics` (matching an organization's field to an article's subject).
Dates are in `audits.dates`, outside this package, because the audit context uses them too.
"""

import importlib
import pkgutil

from audits.rules.base import FindingData, Parameter, Rule, all_rules, iter_rule_classes, register

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "base":
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["FindingData", "Parameter", "Rule", "all_rules", "iter_rule_classes", "register"]
