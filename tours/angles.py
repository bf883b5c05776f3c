"""Angles as every viewer understands them: degrees, yaw in (-180, 180], pitch in [-90, 90].

Editors and imports produce 270 or -190 for the same direction; storing one canonical
form keeps comparisons, constraints and viewer configs simple.
"""


def normalise_yaw(yaw: float) -> float:
    """The same direction expressed in (-180, 180]; values already there are kept exactly."""
    if -180.0 < yaw <= 180.0:
        return yaw
    wrapped = (yaw + 180.0) % 360.0 - 180.0
    return 180.0 if wrapped == -180.0 else wrapped


def clamp_pitch(pitch: float) -> float:
    return max(-90.0, min(90.0, pitch))
