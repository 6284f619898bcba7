"""The words the demo writes, kept apart from the code that picks them.

Placeholders: {first} the agent's first name, {coach} the leader's, {manager} the leader's manager's, {value} the
latest weekly figure, {target} the agent's target, {due} two weeks on, {names} everyone in a group session.
"""
