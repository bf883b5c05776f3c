import { describe, expect, it } from "vitest";
import { dayState } from "./dayState";

const slot = (state: string) => ({ state, remaining: state === "OPEN" ? 3 : 0 });
const day = (remaining: number, ...states: string[]) =>
  ({ date: "2026-12-06", remaining, slots: states.map(slot) }) as never;

describe("dayState", () => {
  it("calls a day before today over, whatever its slots were", () => {
    expect(dayState("2026-12-05", "2026-12-06", undefined)).toBe("past");
  });
  it("calls today over once its last slot has passed, not closed", () => {
    expect(dayState("2026-12-06", "2026-12-06", day(0, "PAST", "PAST"))).toBe("past");
  });
  it("calls a day without slots, or with closed ones, closed", () => {
    expect(dayState("2026-12-07", "2026-12-06", undefined)).toBe("closed");
    expect(dayState("2026-12-07", "2026-12-06", day(0))).toBe("closed");
    expect(dayState("2026-12-07", "2026-12-06", day(0, "CLOSED", "PAST"))).toBe("closed");
  });
  it("tells open from sold out", () => {
    expect(dayState("2026-12-06", "2026-12-06", day(3, "PAST", "OPEN"))).toBe("open");
    expect(dayState("2026-12-08", "2026-12-06", day(0, "FULL", "FULL"))).toBe("soldOut");
  });
});
