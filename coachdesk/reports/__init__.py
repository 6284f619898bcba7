"""Review packs: one agent's evidence for a period, gathered from the services and printed as a PDF.

Qt-free like the services it reads: `gather` builds frozen dataclasses (`content`), `render` lays them out with
reportlab's Platypus, `team` builds many packs at once on the machine's cores.
"""
