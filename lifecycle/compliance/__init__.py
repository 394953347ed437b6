"""EU AI Act support: the risk tier from the screening, Annex IV coverage, and what the tier adds to each gate.

``screening.screen`` derives the tier with its reasons; ``annex_iv`` holds the Annex IV map
(``annex_iv.yaml``) and ``coverage``; ``templates`` the gate templates (``gate_templates.yaml``);
``gate_checks`` registers the ``GATE-<phase>-AIA`` and ``PF-901`` checks; ``markdown`` and ``pdf``
write the documentation; ``paths`` resolves the dotted answer paths all of them use. A documentation
aid, not legal advice. Modules are imported one by one (nothing here) so that the completeness and
canvas modules can use the screening without importing the check registry.
"""
