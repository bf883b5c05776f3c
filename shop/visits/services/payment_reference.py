"""The Belgian structured communication (OGM/VCS) a bank transfer carries.

Ten digits and two check digits: the ten digits' remainder modulo 97, written as 97 when
it is 0. Banks reject a transfer whose check digits do not match, so a mistyped reference
never reaches the wrong invoice.
"""

from __future__ import annotations


def structured_communication(number: int) -> str:
    if not 0 < number < 10**10:
        raise ValueError("a structured communication holds a number of 1 to 10 digits")
    base = f"{number:010d}"
    check = int(base) % 97 or 97
    digits = f"{base}{check:02d}"
    return f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}+++"


def is_valid(communication: str) -> bool:
    digits = "".join(c for c in communication if c.isdigit())
    if len(digits) != 12:
        return False
    return (int(digits[:10]) % 97 or 97) == int(digits[10:])
