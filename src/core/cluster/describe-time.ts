// Times in Describe as kubectl prints them (an RFC 1123 date), with the age a reader wants next to it.
import { humanDuration } from '../text/age.ts';

/** "Fri, 04 Dec 2026 03:00:00 GMT (5m10s ago)"; a value that is no time, as it is. */
export function describedTime(timestamp: string, now: number): string {
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? timestamp : `${new Date(time).toUTCString()} (${humanDuration(now - time)} ago)`;
}
