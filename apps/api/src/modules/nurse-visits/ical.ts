/**
 * The iCalendar feed (RFC 5545) served at /calendar/<secret>.ics: joint visits and
 * accompaniments as busy blocks — a visit with its place type, an accompaniment as
 * "Accompagnement" alone (never court, police or detox) — never a person, an alias or a note,
 * since calendars sync to phones and cloud services. It stops when the membership ends.
 */
import { type Database, hashToken, type TransactionClient } from "@maillage/db";
import {
  type AccessViewer,
  visibleAccompanimentWhere,
  visibleNurseVisitWhere,
} from "../../access/visible-records.ts";

export interface FeedRow {
  record_id: string;
  kind: "JOINT_VISIT" | "ACCOMPANIMENT";
  starts_at: Date;
  ends_at: Date;
  /** A visit's place type; an accompaniment has none (its destination stays out of the feed). */
  place: string | null;
  status: string;
  updated_at: Date;
}

const dayMs = 86_400_000;
/** An accompaniment blocks two hours of the calendar (as app.commitments counts it). */
const accompanimentMs = 2 * 3_600_000;

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

function summary(row: FeedRow, language: "fr" | "en"): string {
  const kind = summaries[language][row.kind];
  if (row.kind === "ACCOMPANIMENT" || !row.place) return kind;
  return `${kind} (${row.place.toLowerCase().replace(/_/g, " ")})`;
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
    const tentative =
      row.status === "PROPOSED" ||
      row.status === "COUNTER_PROPOSED" ||
      row.status === "AWAITING_CONFIRMATION";
    lines.push(
      "BEGIN:VEVENT",
      `UID:${row.record_id}@maillage`,
      `DTSTAMP:${stamp(now)}`,
      `LAST-MODIFIED:${stamp(row.updated_at)}`,
      `DTSTART:${stamp(row.starts_at)}`,
      `DTEND:${stamp(row.ends_at)}`,
      `SUMMARY:${escapeText(summary(row, language))}`,
      `STATUS:${cancelled ? "CANCELLED" : tentative ? "TENTATIVE" : "CONFIRMED"}`,
      "CLASS:PRIVATE",
      "TRANSP:OPAQUE",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.join("\r\n")}\r\n`;
}

interface FeedViewerRow {
  user_id: string;
  organisation_id: string;
  roles: string[];
  team_visibility_restricted: boolean;
}

/** The owner's visits and accompaniments seen as one membership, through the usual filters. */
async function feedOfMembership(tx: TransactionClient, viewer: AccessViewer, now: Date): Promise<FeedRow[]> {
  const since = new Date(now.getTime() - 60 * dayMs);
  const visits = await tx.nurseVisit.findMany({
    where: {
      OR: [{ nurseId: viewer.userId }, { workerId: viewer.userId }],
      status: { in: ["PROPOSED", "ACCEPTED", "COUNTER_PROPOSED", "AWAITING_CONFIRMATION", "COMPLETED"] },
      plannedStart: { gt: since },
      AND: [visibleNurseVisitWhere(viewer, now)],
    },
    select: {
      id: true,
      plannedStart: true,
      plannedEnd: true,
      placeType: true,
      status: true,
      updatedAt: true,
    },
  });
  const accompaniments = await tx.accompaniment.findMany({
    where: {
      workerId: viewer.userId,
      status: { in: ["PLANNED", "DONE"] },
      plannedAt: { gt: since },
      AND: [visibleAccompanimentWhere(viewer, now)],
    },
    // Never the destination, the partner organisation or the person.
    select: { id: true, plannedAt: true, status: true, updatedAt: true },
  });
  return [
    ...visits.map((v) => ({
      record_id: v.id,
      kind: "JOINT_VISIT" as const,
      starts_at: v.plannedStart,
      ends_at: v.plannedEnd,
      place: v.placeType,
      status: v.status,
      updated_at: v.updatedAt,
    })),
    ...accompaniments.map((a) => ({
      record_id: a.id,
      kind: "ACCOMPANIMENT" as const,
      starts_at: a.plannedAt,
      ends_at: new Date(a.plannedAt.getTime() + accompanimentMs),
      place: null,
      status: a.status,
      updated_at: a.updatedAt,
    })),
  ];
}

/**
 * The feed of the user whose secret this is, or null: an unknown or rotated secret, a disabled
 * user, or no membership in force (the feed stops when the membership ends). The feed has no
 * session; for each membership in force, app.begin_calendar_feed sets it as the transaction's
 * viewer, and the records are read through the same visibility filters and row-level security
 * as any request of that member.
 */
export async function calendarFeed(db: Database, secret: string): Promise<FeedRow[] | null> {
  if (!/^[\w-]{20,64}$/.test(secret)) return null;
  const tokenHash = hashToken(secret);
  const now = new Date();
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL ROLE maillage_app");
    const memberships = await tx.$queryRaw<{ id: string }[]>`
      SELECT * FROM app.calendar_feed_organisations(${tokenHash}) AS id`;
    if (memberships.length === 0) return null;
    const rows = new Map<string, FeedRow>();
    for (const membership of memberships) {
      const [viewer] = await tx.$queryRaw<FeedViewerRow[]>`
        SELECT * FROM app.begin_calendar_feed(${tokenHash}, ${membership.id}::uuid)`;
      if (!viewer) continue;
      const feed = await feedOfMembership(
        tx,
        {
          userId: viewer.user_id,
          organisationId: viewer.organisation_id,
          roles: viewer.roles,
          teamVisibilityRestricted: viewer.team_visibility_restricted,
        },
        now,
      );
      // A joint visit between two of the owner's organisations appears once.
      for (const row of feed) rows.set(row.record_id, row);
    }
    return [...rows.values()].sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
  });
}
