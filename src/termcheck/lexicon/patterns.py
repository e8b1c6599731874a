"""What a surface form in the automaton stands for: the entry it belongs to and its role."""

from __future__ import annotations

from dataclasses import dataclass

# Roles a surface form plays in the automaton.
HIT = "hit"  # a wrong form: report it
CORRECT = "correct"  # a correct protected form: shields its span, marks the term as present
NEAR = "near"  # a generated near miss of a protected term
ANCHOR = "anchor"  # half of a long protected term, verified at scan time
MEMBER = "member"  # a member of an enumerated formulation; detail is its index
COLLOCATION = "collocation"  # a word with a neighbour that makes it wrong; detail is the word's offset


@dataclass(frozen=True, slots=True)
class PatternRef:
    rule_id: str
    role: str
    length: int
    # For HIT: the suggestions; for NEAR/ANCHOR/CORRECT: the protected form it refers to.
    target: tuple[str, ...] = ()
    detail: str = ""

    # Unpickled through the constructor, as compile.Rule is: the dataclass default is slower.
    def __reduce__(self):
        return PatternRef, (self.rule_id, self.role, self.length, self.target, self.detail)
