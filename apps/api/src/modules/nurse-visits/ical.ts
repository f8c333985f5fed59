/**
 * The iCalendar feed (RFC 5545) served at /calendar/<secret>.ics: joint visits and
 * accompaniments as busy blocks with their kind and place type — never a person, an alias or
 * a note, since calendars sync to phones and cloud services.
 */
import { type Database, hashToken } from "@maillage/db";

export interface FeedRow {
  record_id: string;
  kind: "JOINT_VISIT" | "ACCOMPANIMENT";
  starts_at: Date;
  ends_at: Date;
  place: string;
  status: string;
  updated_at: Date;
}

const summaries = {
  fr: { JOINT_VISIT: "Visite conjointe", ACCOMPANIMENT: "Accompagnement" },
  en: { JOINT_VISIT: "Joint visit", ACCOMPANIMENT: "Accompaniment" },
};

function stamp(date: Date): string {
  return `${date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "")}`;
}

function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

export function renderCalendar(rows: FeedRow[], language: "fr" | "en", now = new Date()): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Maillage//Calendrier//FR",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:Maillage",
  ];
  for (const row of rows) {
    const cancelled = row.status === "CANCELLED";
    const tentative = row.status === "PROPOSED" || row.status === "COUNTER_PROPOSED";
    lines.push(
      "BEGIN:VEVENT",
      `UID:${row.record_id}@maillage`,
      `DTSTAMP:${stamp(now)}`,
      `LAST-MODIFIED:${stamp(row.updated_at)}`,
      `DTSTART:${stamp(row.starts_at)}`,
      `DTEND:${stamp(row.ends_at)}`,
      `SUMMARY:${escapeText(`${summaries[language][row.kind]} (${row.place.toLowerCase().replace(/_/g, " ")})`)}`,
      `STATUS:${cancelled ? "CANCELLED" : tentative ? "TENTATIVE" : "CONFIRMED"}`,
      "CLASS:PRIVATE",
      "TRANSP:OPAQUE",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.join("\r\n")}\r\n`;
}

/** The feed of the user whose secret this is, or null (unknown or rotated secret). */
export async function calendarFeed(db: Database, secret: string): Promise<FeedRow[] | null> {
  if (!/^[\w-]{20,64}$/.test(secret)) return null;
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL ROLE maillage_app");
    const owner = await tx.$queryRaw<
      { id: string }[]
    >`SELECT * FROM app.calendar_feed_owner(${hashToken(secret)}) AS id`;
    if (owner.length === 0) return null;
    return tx.$queryRaw<FeedRow[]>`SELECT * FROM app.calendar_feed(${hashToken(secret)}) ORDER BY starts_at`;
  });
}
