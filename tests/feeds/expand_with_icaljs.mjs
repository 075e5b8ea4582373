// Expands an iCalendar file the way Thunderbird and other ical.js clients do (ICAL.Event's
// iterator, a RecurExpansion, with RECURRENCE-ID exceptions related to their series).
// Usage: node expand_with_icaljs.mjs START_UNIX END_UNIX < calendar.ics
// Prints one JSON list of [start, end] in Unix seconds, for starts in [START, END).
import ICAL from "ical.js";
import { readFileSync } from "node:fs";

const [from, until] = process.argv.slice(2).map(Number);
const calendar = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
}
const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
const series = new Map(events.filter((e) => !e.isRecurrenceException()).map((e) => [e.uid, e]));
for (const exception of events.filter((e) => e.isRecurrenceException())) {
  series.get(exception.uid).relateException(exception);
}
const found = [];
for (const event of series.values()) {
  if (!event.isRecurring()) {
    found.push([event.startDate.toUnixTime(), event.endDate.toUnixTime()]);
    continue;
  }
  const iterator = event.iterator();
  for (let next = iterator.next(); next && next.toUnixTime() < until; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    found.push([details.startDate.toUnixTime(), details.endDate.toUnixTime()]);
  }
}
console.log(JSON.stringify(found.filter(([start]) => start >= from && start < until)));
