/**
 * POST /indicators/report?format=pdf|csv&locale=fr|en&fiscalYear=…[&firstQuarter=…&lastQuarter=…]
 * [&fromDay=…&toDay=…][&partnershipId=<global id>]: the annual report (PDF) or every table (CSV) of
 * the same PublishedIndicators the dashboard shows — a partnership's protected figures from the
 * day's snapshot, or the acting organisation's exact ones for its coordinators. A POST with the
 * CSRF token (http/acting-route.ts), audited (INDICATORS_DOWNLOADED) in the same transaction; the
 * file is sent once that transaction committed.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { recordAuditEvents } from "@maillage/db";
import { type Locale, locales, takesAction } from "@maillage/domain";
import type { PeriodRequest } from "@maillage/domain/indicators";
import { decodeId } from "../../global-ids.ts";
import { type createActingRoute, RouteRefusal, refusedUnlessPost } from "../../http/acting-route.ts";
import { securityHeaders } from "../../http/security-headers.ts";
import type { IndicatorsAnswer } from "./indicators.queries.ts";
import { organisationIndicators, partnershipIndicators } from "./indicators.ts";
import { renderAnnualReport } from "./report/annual-report-pdf.ts";
import { indicatorsCsv } from "./report/indicator-csv.ts";

const formats = ["pdf", "csv"] as const;
type ReportFormat = (typeof formats)[number];

const wholeNumber = (text: string | null) => (text !== null && /^\d{1,4}$/.test(text) ? Number(text) : null);

function periodOf(url: URL): PeriodRequest | null {
  const fiscalYear = wholeNumber(url.searchParams.get("fiscalYear"));
  if (fiscalYear === null) return null;
  const quarter = (name: string) => {
    const text = url.searchParams.get(name);
    return text === null ? null : (wholeNumber(text) ?? Number.NaN);
  };
  return {
    fiscalYear,
    firstQuarter: quarter("firstQuarter"),
    lastQuarter: quarter("lastQuarter"),
    fromDay: url.searchParams.get("fromDay"),
    toDay: url.searchParams.get("toDay"),
  };
}

/** `maillage-indicateurs-2018-2019.pdf`, `maillage-indicators-2018-2019-q2-q3.csv`. */
function fileName(answer: IndicatorsAnswer, locale: Locale, format: ReportFormat): string {
  const period = answer.period.label.en
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `maillage-${locale === "fr" ? "indicateurs" : "indicators"}-${period}.${format}`;
}

export function createIndicatorReportHandler(actFor: ReturnType<typeof createActingRoute>) {
  return async function handleIndicatorReport(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (refusedUnlessPost(req, res)) return;
    await actFor.signedIn(req, res, async (ctx) => {
      const format = url.searchParams.get("format") as ReportFormat;
      const asked = url.searchParams.get("locale") ?? ctx.locale;
      const period = periodOf(url);
      if (!formats.includes(format) || !(locales as readonly string[]).includes(asked) || !period)
        throw new RouteRefusal(400, "INPUT_VALIDATION");
      const locale = asked as Locale;
      const partnershipGlobalId = url.searchParams.get("partnershipId");
      let answer: IndicatorsAnswer | "NOT_FOUND" | null;
      if (partnershipGlobalId !== null) {
        const partnershipId = decodeId(partnershipGlobalId, "Partnership");
        answer = partnershipId ? await partnershipIndicators(ctx, partnershipId, period) : "NOT_FOUND";
      } else {
        const { organisationId } = ctx.viewer;
        answer =
          organisationId && takesAction(ctx.viewer.roles, "READ_ORGANISATION_DASHBOARD")
            ? await organisationIndicators({ ...ctx, viewer: { ...ctx.viewer, organisationId } }, period)
            : "NOT_FOUND";
      }
      if (answer === "NOT_FOUND") throw new RouteRefusal(404, "NOT_FOUND");
      if (!answer) throw new RouteRefusal(400, "INPUT_VALIDATION");
      const body =
        format === "pdf"
          ? await renderAnnualReport(answer, locale, { generatedAt: ctx.now })
          : Buffer.from(indicatorsCsv(answer, locale), "utf8");
      await recordAuditEvents(ctx.tx, [
        {
          userId: ctx.viewer.userId,
          organisationId: ctx.viewer.organisationId,
          ip: ctx.origin.ip,
          action: "INDICATORS_DOWNLOADED",
          recordKind: answer.scope.kind,
          recordId:
            partnershipGlobalId !== null
              ? decodeId(partnershipGlobalId, "Partnership")
              : ctx.viewer.organisationId,
          details: { format, locale, period: answer.period.label.en, suppressed: answer.suppressed },
        },
      ]);
      // No content-length: the download completes only when the answer ends, after the commit
      // of its audit row (http/acting-route.ts); a file whose audit rolled back is cut, never whole.
      res.writeHead(200, {
        "content-type": format === "pdf" ? "application/pdf" : "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName(answer, locale, format)}"`,
        "cache-control": "no-store",
        ...securityHeaders,
      });
      res.write(body);
      return undefined;
    });
  };
}
