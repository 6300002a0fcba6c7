export interface Slot { weekday: number; opens: string; closes: string }

/** Weekday (0 = Monday) and HH:MM now in the municipality's time zone. */
export function localNow(timezone: string, now: Date = new Date()): { weekday: number; time: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday"));
  return { weekday, time: `${get("hour")}:${get("minute")}` };
}

export function isOpen(slots: Slot[], timezone: string, now: Date = new Date()): boolean {
  const { weekday, time } = localNow(timezone, now);
  return slots.some((s) => s.weekday === weekday && s.opens <= time && time < s.closes);
}
