import type { TicketAvailabilityQuery } from "./tickets.generated";

type Day = TicketAvailabilityQuery["ticketAvailability"][number];

export type DayState = "open" | "soldOut" | "closed" | "past";

/** A day before today, or today after its last slot, is over, not closed: the museum
 * may well be open while its last entry has passed. */
export function dayState(date: string, today: string, day: Day | undefined): DayState {
  if (date < today) return "past";
  if (!day || !day.slots.some((slot) => slot.state === "OPEN" || slot.state === "FULL")) {
    return day?.slots.length && day.slots.every((slot) => slot.state === "PAST") ? "past" : "closed";
  }
  return day.remaining > 0 ? "open" : "soldOut";
}
