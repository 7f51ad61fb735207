"""The rule catalogue: every module in this package that defines a rule registers it.

Adding a rule is adding one module here with a `@register`-decorated Rule subclass.
"""

import importlib
import pkgutil

from audits.rules.base import FindingData, Parameter, Rule, all_rules, iter_rule_classes, register

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "base":
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["FindingData", "Parameter", "Rule", "all_rules", "iter_rule_classes", "register"]
