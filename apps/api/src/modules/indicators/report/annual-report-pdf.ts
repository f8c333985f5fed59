/**
 * The annual report in PDF, as the statistics section of a programme's yearly brief: a title
 * block and the headline numbers beside the previous period, the encounters' monthly trend, then
 * one part per section with each table (label, count, share, previous period), its definition
 * and a bar chart, and a methods note (period, definitions, follow-up rule, suppression rule).
 *
 * Drawn with pdfkit's own primitives from one PublishedIndicators (already protected: a
 * suppressed value is null and prints "x", with a footnote on each page where one appears; a
 * zero prints 0). No person is in the input, so none can be in the report. The text is in DejaVu
 * Sans, read from the dejavu-fonts-ttf package (never a system font): French needs its accents
 * and the no-break spaces Intl writes ("12 345", "12,5 %"), which the standard Helvetica lacks.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Locale } from "@maillage/domain";
import { suppressionMethodNote } from "@maillage/domain/disclosure";
import type {
  PublishedFigure,
  PublishedIndicators,
  PublishedMonth,
  PublishedTable,
} from "@maillage/domain/indicators";
import type PDFDocumentModule from "pdfkit";
import {
  formatChange,
  formatCount,
  formatDay,
  formatMonth,
  formatShare,
  lastDayOf,
  orderedSections,
  showsShares,
  suppressedMark,
} from "./report-format.ts";
import { headlineSections, type ReportMessages, reportMessages, sectionTitle } from "./report-messages.ts";

export type ReportPaper = "A4" | "LETTER";

export interface AnnualReportOptions {
  /** When the report is produced (its "figures as of" when the figures are live); now by default. */
  generatedAt?: Date;
  /** Letter for programmes in the Americas (Québec), A4 elsewhere, unless said. */
  paper?: ReportPaper;
  /** The suppression rule's paragraphs for the methods note (the disclosure engine's own statement). */
  suppressionMethodNote?: (locale: Locale, threshold: number) => string[];
}

// ---------------------------------------------------------------------------------------------
// Fonts: read once from the npm package, embedded (subset) in every report.

const fontFiles = {
  body: "DejaVuSansCondensed",
  italic: "DejaVuSansCondensed-Oblique",
  bold: "DejaVuSansCondensed-Bold",
  heading: "DejaVuSans-Bold",
} as const;
type FontName = keyof typeof fontFiles;

let fontData: Record<FontName, Buffer> | undefined;

function fonts(): Record<FontName, Buffer> {
  if (!fontData) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}.ttf`));
    fontData = {
      body: read(fontFiles.body),
      italic: read(fontFiles.italic),
      bold: read(fontFiles.bold),
      heading: read(fontFiles.heading),
    };
  }
  return fontData;
}

// ---------------------------------------------------------------------------------------------
// Layout.

const colours = {
  ink: "#1f2933",
  muted: "#5b6776",
  accent: "#1d4e89",
  previous: "#aebbd0",
  rule: "#cfd6df",
  band: "#f2f4f7",
  tile: "#eef2f7",
};

const margin = { top: 56, side: 54 };
/** Space kept at the foot of every page: the "x" footnote, the rule and the page number. */
const footerSpace = 92;

interface Block {
  height: number;
  draw: (y: number) => void;
}

class ReportWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly messages: ReportMessages;
  readonly width: number;
  readonly left = margin.side;
  y = margin.top;
  private page = 0;
  private readonly pagesWithSuppressed = new Set<number>();

  constructor(
    PDFDocument: typeof PDFDocumentModule,
    readonly published: PublishedIndicators,
    readonly locale: Locale,
    readonly options: { generatedAt: Date; paper: ReportPaper; suppressionNote: string[] },
  ) {
    this.messages = reportMessages[locale];
    const info = this.documentInfo();
    this.doc = new PDFDocument({
      size: options.paper,
      margins: { top: margin.top, bottom: 20, left: margin.side, right: margin.side },
      bufferPages: true,
      autoFirstPage: true,
      lang: locale === "fr" ? "fr-CA" : "en-CA",
      displayTitle: true,
      info,
    });
    const data = fonts();
    for (const name of Object.keys(fontFiles) as FontName[]) this.doc.registerFont(name, data[name]);
    this.width = this.doc.page.width - 2 * margin.side;
  }

  private documentInfo(): PDFKit.DocumentInfo {
    const { published, locale } = this;
    return {
      Title: `${this.messages.documentTitle} — ${published.scope.name} — ${published.period.label[locale]}`,
      Author: published.scope.name,
      Subject: this.messages.documentTitle,
      Creator: "Maillage",
      Producer: "Maillage",
      CreationDate: this.options.generatedAt,
      ModDate: this.options.generatedAt,
    };
  }

  get bottom(): number {
    return this.doc.page.height - footerSpace;
  }

  get previousLabel(): string | null {
    return this.published.previous?.label[this.locale] ?? null;
  }

  newPage() {
    this.doc.addPage();
    this.page += 1;
    this.y = margin.top;
  }

  /** Starts a new page unless `height` fits below y. */
  ensure(height: number) {
    if (this.y + height > this.bottom) this.newPage();
  }

  /** Draws blocks kept together on one page when they fit on one. */
  place(blocks: Block[], gapAfter = 0) {
    const total = blocks.reduce((sum, block) => sum + block.height, 0);
    if (total <= this.bottom - margin.top) this.ensure(total);
    for (const block of blocks) {
      this.ensure(block.height);
      block.draw(this.y);
      this.y += block.height;
    }
    this.y += gapAfter;
  }

  markSuppressed() {
    this.pagesWithSuppressed.add(this.page);
  }

  /** A count as printed; "x" marks its page for the footnote. */
  count(value: number | null): string {
    if (value === null) this.markSuppressed();
    return formatCount(this.locale, value);
  }

  share(value: number | null): string {
    if (value === null) this.markSuppressed();
    return formatShare(this.locale, value);
  }

  font(name: FontName, size: number, colour = colours.ink) {
    this.doc.font(name).fontSize(size).fillColor(colour);
    return this.doc;
  }

  heightOf(text: string, name: FontName, size: number, width: number): number {
    return this.font(name, size).heightOfString(text, { width, lineGap: 1 });
  }

  write(
    text: string,
    x: number,
    y: number,
    options: {
      font: FontName;
      size: number;
      colour?: string;
      width: number;
      align?: "left" | "right" | "center";
    },
  ) {
    this.font(options.font, options.size, options.colour).text(text, x, y, {
      width: options.width,
      align: options.align ?? "left",
      lineGap: 1,
    });
  }

  /** One line that never wraps (numbers, axis labels). */
  label(
    text: string,
    x: number,
    y: number,
    options: {
      font: FontName;
      size: number;
      colour?: string;
      width: number;
      align?: "left" | "right" | "center";
    },
  ) {
    this.font(options.font, options.size, options.colour).text(text, x, y, {
      width: options.width,
      align: options.align ?? "left",
      lineBreak: false,
    });
  }

  rule(y: number, colour = colours.rule, weight = 0.6) {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(weight)
      .strokeColor(colour)
      .stroke();
  }

  /** Footers on every page: the "x" footnote where one appears, the report's name, the page number. */
  finishPages() {
    const range = this.doc.bufferedPageRange();
    const footnote = this.messages.suppressedFootnote(this.published.threshold);
    const name = `${this.published.scope.name} — ${this.published.period.label[this.locale]}`;
    for (let index = range.start; index < range.start + range.count; index++) {
      this.doc.switchToPage(index);
      const height = this.doc.page.height;
      if (this.pagesWithSuppressed.has(index)) {
        const top = height - footerSpace + 12;
        this.rule(top - 4, colours.rule, 0.4);
        this.write(footnote, this.left, top, {
          font: "italic",
          size: 7.5,
          colour: colours.muted,
          width: this.width,
        });
      }
      const footerY = height - 44;
      this.rule(footerY - 6);
      this.label(name, this.left, footerY, {
        font: "body",
        size: 7.5,
        colour: colours.muted,
        width: this.width - 90,
      });
      this.label(this.messages.page(index + 1, range.count), this.left + this.width - 90, footerY, {
        font: "body",
        size: 7.5,
        colour: colours.muted,
        width: 90,
        align: "right",
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The title block and the headline numbers.

function titleBlock(w: ReportWriter) {
  const { published, locale, messages } = w;
  const { timeZone } = published;
  w.write(messages.reportKind.toUpperCase(), w.left, w.y, {
    font: "bold",
    size: 9,
    colour: colours.accent,
    width: w.width,
  });
  w.y += 18;
  const nameHeight = w.heightOf(published.scope.name, "heading", 20, w.width);
  w.write(published.scope.name, w.left, w.y, { font: "heading", size: 20, width: w.width });
  w.y += nameHeight + 6;
  w.write(`${messages.scopeKind[published.scope.kind]} · ${published.period.label[locale]}`, w.left, w.y, {
    font: "body",
    size: 13,
    colour: colours.accent,
    width: w.width,
  });
  w.y += 26;

  const asOf = published.asOf ? new Date(published.asOf) : w.options.generatedAt;
  const from = formatDay(locale, new Date(published.period.from), timeZone);
  const to = formatDay(locale, lastDayOf(published.period.to), timeZone);
  const lines: [string, string][] = [
    [messages.period, `${published.period.label[locale]} (${from} – ${to})`],
    [
      messages.previousPeriod,
      published.previous ? published.previous.label[locale] : messages.noPreviousPeriod,
    ],
  ];
  const labelWidth = 130;
  for (const [name, value] of lines) {
    w.label(name, w.left, w.y, { font: "bold", size: 9, colour: colours.muted, width: labelWidth });
    w.label(value, w.left + labelWidth, w.y, { font: "body", size: 9, width: w.width - labelWidth });
    w.y += 14;
  }
  const asOfText = messages.figuresAsOf(formatDay(locale, asOf, timeZone));
  w.write(published.asOf ? asOfText : `${asOfText} (${messages.liveFigures})`, w.left, w.y, {
    font: "bold",
    size: 9,
    width: w.width,
  });
  w.y += 14;
  const protection = published.suppressed
    ? messages.protectedFigures(published.threshold)
    : messages.exactFigures;
  const protectionHeight = w.heightOf(protection, "italic", 8.5, w.width);
  w.write(protection, w.left, w.y, { font: "italic", size: 8.5, colour: colours.muted, width: w.width });
  w.y += protectionHeight + 10;
  w.rule(w.y, colours.accent, 1);
  w.y += 16;
}

function headlineFigures(published: PublishedIndicators): PublishedFigure[] {
  const chosen = published.figures.filter((figure) => headlineSections.includes(figure.section));
  for (const section of orderedSections(published)) {
    if (chosen.length >= 9) break;
    if (headlineSections.includes(section)) continue;
    const first = published.figures.find((figure) => figure.section === section);
    if (first) chosen.push(first);
  }
  return chosen.slice(0, 9);
}

function headlines(w: ReportWriter) {
  const figures = headlineFigures(w.published);
  if (figures.length === 0) return;
  const columns = 3;
  const gap = 10;
  const tileWidth = (w.width - gap * (columns - 1)) / columns;
  const tileHeight = 64;
  const rows = Math.ceil(figures.length / columns);
  w.place([
    {
      height: 24,
      draw: (y) => w.write(w.messages.headlines, w.left, y, { font: "heading", size: 13, width: w.width }),
    },
    {
      height: rows * (tileHeight + gap),
      draw: (y) => {
        figures.forEach((figure, index) => {
          const x = w.left + (index % columns) * (tileWidth + gap);
          const top = y + Math.floor(index / columns) * (tileHeight + gap);
          w.doc.rect(x, top, tileWidth, tileHeight).fillColor(colours.tile).fill();
          w.doc.rect(x, top, 3, tileHeight).fillColor(colours.accent).fill();
          const inner = tileWidth - 18;
          w.label(w.count(figure.value), x + 12, top + 9, { font: "heading", size: 19, width: inner });
          w.write(figure.title[w.locale], x + 12, top + 32, { font: "bold", size: 8.5, width: inner });
          const previous = w.previousLabel;
          if (previous !== null) {
            const change = formatChange(w.locale, figure.value, figure.previousValue);
            const text = w.messages.previousValue(previous, w.count(figure.previousValue));
            w.label(change ? `${text}   ${change}` : text, x + 12, top + tileHeight - 14, {
              font: "body",
              size: 7.5,
              colour: colours.muted,
              width: inner,
            });
          }
        });
      },
    },
  ]);
  w.y += 6;
}

// ---------------------------------------------------------------------------------------------
// Charts, with pdfkit's vector primitives.

/** A round upper bound for an axis, and its step: 0, step, 2·step… ≥ max. */
function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 0.25 };
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? rough;
  return { top: Math.ceil(max / step) * step, step };
}

function monthlyTrend(w: ReportWriter) {
  const months = w.published.monthly;
  if (months.length === 0) return;
  const plotHeight = 100;
  const titleHeight = 18;
  const definitionHeight = w.heightOf(w.messages.monthlyTrendDefinition, "italic", 8, w.width) + 8;
  const chartHeight = plotHeight + 36;
  w.place(
    [
      {
        height: titleHeight,
        draw: (y) =>
          w.write(w.messages.monthlyTrend, w.left, y, { font: "heading", size: 11, width: w.width }),
      },
      {
        height: definitionHeight,
        draw: (y) =>
          w.write(w.messages.monthlyTrendDefinition, w.left, y, {
            font: "italic",
            size: 8,
            colour: colours.muted,
            width: w.width,
          }),
      },
      { height: chartHeight, draw: (y) => drawMonthlyBars(w, months, y + 10, plotHeight) },
    ],
    14,
  );
}

function drawMonthlyBars(w: ReportWriter, months: PublishedMonth[], top: number, plotHeight: number) {
  const axisWidth = 40;
  const left = w.left + axisWidth;
  const width = w.width - axisWidth;
  const values = months.map((month) => month.encounters);
  const { top: scaleTop, step } = niceScale(Math.max(0, ...values.map((value) => value ?? 0)));
  const baseline = top + plotHeight;
  const yOf = (value: number) => baseline - (value / scaleTop) * plotHeight;
  for (let tick = 0; tick <= scaleTop + step / 2; tick += step) {
    const y = yOf(tick);
    w.doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.4)
      .strokeColor(colours.rule)
      .stroke();
    w.label(formatCount(w.locale, tick), w.left, y - 4, {
      font: "body",
      size: 7,
      colour: colours.muted,
      width: axisWidth - 6,
      align: "right",
    });
  }
  const slot = width / months.length;
  const barWidth = Math.min(28, slot * 0.62);
  months.forEach((month, index) => {
    const centre = left + slot * index + slot / 2;
    const value = month.encounters;
    if (value !== null && value > 0) {
      w.doc
        .rect(centre - barWidth / 2, yOf(value), barWidth, baseline - yOf(value))
        .fillColor(colours.accent)
        .fill();
    }
    const valueY = value === null ? baseline - 11 : yOf(value) - 10;
    w.label(w.count(value), centre - slot / 2, valueY, {
      font: value === null ? "bold" : "body",
      size: 6.5,
      colour: value === null ? colours.accent : colours.ink,
      width: slot,
      align: "center",
    });
    w.label(formatMonth(w.locale, month.month), centre - slot / 2, baseline + 5, {
      font: "body",
      size: 7,
      colour: colours.muted,
      width: slot,
      align: "center",
    });
  });
  w.doc
    .moveTo(left, baseline)
    .lineTo(left + width, baseline)
    .lineWidth(0.8)
    .strokeColor(colours.ink)
    .stroke();
}

/** Horizontal bars: one per category, the previous period's as a thinner bar beneath it. */
function distributionChart(w: ReportWriter, table: PublishedTable): Block | null {
  if (table.cells.length < 2) return null;
  const byShare = showsShares(table);
  const value = (share: number | null, count: number | null) => (byShare ? share : count);
  const current = table.cells.map((cell) => value(cell.share, cell.count));
  if (current.every((each) => each === null)) return null;
  const hasPrevious = w.published.previous !== null;
  const previous = table.cells.map((cell) =>
    hasPrevious ? value(cell.previousShare, cell.previousCount) : null,
  );
  const max = Math.max(0, ...[...current, ...previous].map((each) => each ?? 0));
  const { top: scaleTop, step } = byShare ? niceScale(Math.min(1, max), 4) : niceScale(max, 5);
  const labelWidth = 150;
  const valueSpace = 52;
  const pitch = hasPrevious ? 15 : 12;
  const captionHeight = 13;
  const legendHeight = 16;
  const axisHeight = 14;
  const height = captionHeight + legendHeight + table.cells.length * pitch + axisHeight + 8;
  return {
    height,
    draw: (top) => {
      w.label(table.title[w.locale], w.left, top, {
        font: "italic",
        size: 7.5,
        colour: colours.muted,
        width: w.width,
      });
      const y = top + captionHeight;
      const plotLeft = w.left + labelWidth + 8;
      const plotWidth = w.width - labelWidth - 8 - valueSpace;
      const xOf = (v: number) => plotLeft + (Math.min(v, scaleTop) / scaleTop) * plotWidth;
      // Legend.
      const legend: [string, string][] = [[colours.accent, w.published.period.label[w.locale]]];
      if (hasPrevious && w.previousLabel) legend.push([colours.previous, w.previousLabel]);
      let legendX = plotLeft;
      for (const [colour, text] of legend) {
        w.doc
          .rect(legendX, y + 2, 8, 6)
          .fillColor(colour)
          .fill();
        w.label(text, legendX + 11, y, { font: "body", size: 7, colour: colours.muted, width: 120 });
        legendX += 16 + w.font("body", 7).widthOfString(text) + 14;
      }
      const plotTop = y + legendHeight;
      const plotBottom = plotTop + table.cells.length * pitch;
      for (let tick = 0; tick <= scaleTop + step / 2; tick += step) {
        const x = xOf(tick);
        w.doc
          .moveTo(x, plotTop - 2)
          .lineTo(x, plotBottom)
          .lineWidth(0.4)
          .strokeColor(colours.rule)
          .stroke();
        const text = byShare
          ? formatShare(w.locale, tick).replace(/[,.]0(?=\D|$)/, "")
          : formatCount(w.locale, tick);
        w.label(text, x - 30, plotBottom + 3, {
          font: "body",
          size: 6.5,
          colour: colours.muted,
          width: 60,
          align: "center",
        });
      }
      table.cells.forEach((cell, index) => {
        const rowTop = plotTop + index * pitch;
        w.label(cell.label[w.locale], w.left, rowTop + 1, {
          font: "body",
          size: 7.5,
          width: labelWidth,
          align: "right",
        });
        const now = current[index] ?? null;
        const barHeight = 8;
        if (now !== null && now > 0) {
          w.doc
            .rect(plotLeft, rowTop + 1, xOf(now) - plotLeft, barHeight)
            .fillColor(colours.accent)
            .fill();
        }
        const printed = byShare ? w.share(now) : w.count(now);
        w.label(printed, (now === null ? plotLeft : xOf(now)) + 3, rowTop + 1.5, {
          font: now === null ? "bold" : "body",
          size: 7,
          colour: now === null ? colours.accent : colours.ink,
          width: valueSpace,
        });
        if (hasPrevious) {
          const before = previous[index] ?? null;
          if (before !== null && before > 0) {
            w.doc
              .rect(plotLeft, rowTop + barHeight + 2, xOf(before) - plotLeft, 4)
              .fillColor(colours.previous)
              .fill();
          } else if (before === null) {
            w.markSuppressed();
            w.label(suppressedMark, plotLeft + 3, rowTop + barHeight + 0.5, {
              font: "bold",
              size: 5.5,
              colour: colours.muted,
              width: 20,
            });
          }
        }
      });
      w.doc
        .moveTo(plotLeft, plotTop - 2)
        .lineTo(plotLeft, plotBottom)
        .lineWidth(0.8)
        .strokeColor(colours.ink)
        .stroke();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Tables.

interface Column {
  header: string;
  width: number;
  align: "left" | "right";
}

function tableColumns(w: ReportWriter, shares: boolean): Column[] {
  const countWidth = shares ? 58 : 74;
  const shareWidth = 54;
  const group = shares ? countWidth + shareWidth : countWidth;
  const groups = w.published.previous ? 2 : 1;
  const columns: Column[] = [{ header: w.messages.category, width: w.width - group * groups, align: "left" }];
  for (let index = 0; index < groups; index++) {
    columns.push({ header: w.messages.count, width: countWidth, align: "right" });
    if (shares) columns.push({ header: w.messages.share, width: shareWidth, align: "right" });
  }
  return columns;
}

const cellPadding = 6;
const rowFont = 8.5;

function tableRowsBlock(
  w: ReportWriter,
  columns: Column[],
  rows: { cells: string[]; bold?: boolean; band?: boolean; topRule?: boolean }[],
  firstHeader: string,
): Block {
  const labelWidth = (columns[0]?.width ?? 0) - cellPadding;
  const groupWidth =
    columns.slice(1).reduce((sum, column) => sum + column.width, 0) / (w.published.previous ? 2 : 1);
  const groupLabels = [w.published.period.label[w.locale], ...(w.previousLabel ? [w.previousLabel] : [])];
  const groupHeight =
    Math.max(...groupLabels.map((text) => w.heightOf(text, "bold", 8, groupWidth - cellPadding))) + 4;
  const headerHeight = groupHeight + 14;
  const rowHeights = rows.map(
    (row) =>
      Math.max(12, w.heightOf(row.cells[0] ?? "", row.bold ? "bold" : "body", rowFont, labelWidth)) + 4,
  );
  const height = headerHeight + rowHeights.reduce((sum, each) => sum + each, 0) + 4;
  return {
    height,
    draw: (top) => {
      // Group headers (the periods) over their columns, then the column headers.
      groupLabels.forEach((text, index) => {
        const x = w.left + (columns[0]?.width ?? 0) + index * groupWidth;
        w.write(text, x + cellPadding / 2, top, {
          font: "bold",
          size: 8,
          colour: index === 0 ? colours.accent : colours.muted,
          width: groupWidth - cellPadding,
          align: "right",
        });
        w.doc
          .moveTo(x + cellPadding, top + groupHeight - 2)
          .lineTo(x + groupWidth, top + groupHeight - 2)
          .lineWidth(0.6)
          .strokeColor(index === 0 ? colours.accent : colours.previous)
          .stroke();
      });
      let x = w.left;
      columns.forEach((column, index) => {
        const header = index === 0 ? firstHeader : column.header;
        w.label(header, x + (index === 0 ? 0 : 0), top + groupHeight + 1, {
          font: "bold",
          size: 7.5,
          colour: colours.muted,
          width: column.width - (index === 0 ? cellPadding : 0),
          align: column.align,
        });
        x += column.width;
      });
      let y = top + headerHeight;
      w.rule(y - 2, colours.ink, 0.7);
      rows.forEach((row, rowIndex) => {
        const rowHeight = rowHeights[rowIndex] ?? 14;
        if (row.band) {
          w.doc
            .rect(w.left, y - 1, w.width, rowHeight)
            .fillColor(colours.band)
            .fill();
        }
        if (row.topRule) w.rule(y - 1, colours.ink, 0.5);
        let cellX = w.left;
        columns.forEach((column, index) => {
          const text = row.cells[index] ?? "";
          const suppressed = text === suppressedMark;
          if (suppressed) w.markSuppressed();
          const options = {
            font: (row.bold || suppressed ? "bold" : "body") as FontName,
            size: rowFont,
            colour: suppressed ? colours.accent : colours.ink,
            align: column.align,
          };
          if (index === 0) w.write(text, cellX + 2, y + 1.5, { ...options, width: labelWidth });
          else w.label(text, cellX, y + 1.5, { ...options, width: column.width });
          cellX += column.width;
        });
        y += rowHeight;
      });
      w.rule(y + 1, colours.rule, 0.6);
    },
  };
}

function headingBlock(w: ReportWriter, title: string, definition: string): Block {
  const titleHeight = w.heightOf(title, "bold", 10.5, w.width);
  const definitionHeight = w.heightOf(definition, "italic", 8, w.width);
  return {
    height: titleHeight + definitionHeight + 10,
    draw: (y) => {
      w.write(title, w.left, y, { font: "bold", size: 10.5, colour: colours.ink, width: w.width });
      w.write(definition, w.left, y + titleHeight + 2, {
        font: "italic",
        size: 8,
        colour: colours.muted,
        width: w.width,
      });
    },
  };
}

function noteBlock(w: ReportWriter, text: string): Block {
  const height = w.heightOf(text, "italic", 7.5, w.width) + 4;
  return {
    height,
    draw: (y) =>
      w.write(text, w.left, y + 2, { font: "italic", size: 7.5, colour: colours.muted, width: w.width }),
  };
}

function distribution(w: ReportWriter, table: PublishedTable) {
  const shares = showsShares(table);
  const columns = tableColumns(w, shares);
  const hasPrevious = w.published.previous !== null;
  const rows = table.cells.map((cell, index) => {
    const cells = [cell.label[w.locale], formatCount(w.locale, cell.count)];
    if (shares) cells.push(formatShare(w.locale, cell.share));
    if (hasPrevious) {
      cells.push(formatCount(w.locale, cell.previousCount));
      if (shares) cells.push(formatShare(w.locale, cell.previousShare));
    }
    return { cells, band: index % 2 === 1 };
  });
  if (table.denominator) {
    const cells = [
      w.messages.base(table.denominator[w.locale]),
      formatCount(w.locale, table.denominatorCount),
    ];
    if (shares) cells.push("");
    if (hasPrevious) {
      cells.push(formatCount(w.locale, table.previousDenominatorCount));
      if (shares) cells.push("");
    }
    rows.push({ cells, bold: true, band: false, topRule: true } as (typeof rows)[number]);
  }
  const blocks: Block[] = [
    headingBlock(w, table.title[w.locale], table.definition[w.locale]),
    tableRowsBlock(w, columns, rows, w.messages.category),
  ];
  if (table.overlapping) blocks.push(noteBlock(w, w.messages.overlapping));
  const chart = distributionChart(w, table);
  // The table stays whole, and so does its chart; the chart may go to the next page.
  w.place(blocks, chart ? 10 : 18);
  if (chart) w.place([chart], 18);
}

/** The section's own figures: title and definition, value, previous value and change. */
function sectionFigures(w: ReportWriter, figures: PublishedFigure[]) {
  if (figures.length === 0) return;
  const hasPrevious = w.published.previous !== null;
  const numberWidth = 74;
  const changeWidth = 62;
  const labelWidth =
    w.width - numberWidth * (hasPrevious ? 2 : 1) - (hasPrevious ? changeWidth : 0) - cellPadding;
  const headerHeight = 16;
  const rowHeights = figures.map(
    (figure) =>
      w.heightOf(figure.title[w.locale], "bold", rowFont, labelWidth) +
      w.heightOf(figure.definition[w.locale], "italic", 7.5, labelWidth) +
      8,
  );
  const height = headerHeight + rowHeights.reduce((sum, each) => sum + each, 0) + 6;
  w.place(
    [
      {
        height,
        draw: (top) => {
          const headers = [w.published.period.label[w.locale]];
          if (hasPrevious && w.previousLabel) headers.push(w.previousLabel, w.messages.change);
          w.label(w.messages.indicator, w.left, top, {
            font: "bold",
            size: 7.5,
            colour: colours.muted,
            width: labelWidth,
          });
          headers.forEach((header, index) => {
            const x = w.left + labelWidth + cellPadding + index * numberWidth;
            w.label(header, x, top, {
              font: "bold",
              size: 7.5,
              colour: index === 0 ? colours.accent : colours.muted,
              width: index === 2 ? changeWidth : numberWidth,
              align: "right",
            });
          });
          let y = top + headerHeight;
          w.rule(y - 3, colours.ink, 0.7);
          figures.forEach((figure, index) => {
            const rowHeight = rowHeights[index] ?? 20;
            if (index % 2 === 1) {
              w.doc
                .rect(w.left, y - 2, w.width, rowHeight)
                .fillColor(colours.band)
                .fill();
            }
            const titleHeight = w.heightOf(figure.title[w.locale], "bold", rowFont, labelWidth);
            w.write(figure.title[w.locale], w.left + 2, y, {
              font: "bold",
              size: rowFont,
              width: labelWidth,
            });
            w.write(figure.definition[w.locale], w.left + 2, y + titleHeight, {
              font: "italic",
              size: 7.5,
              colour: colours.muted,
              width: labelWidth,
            });
            const values = [w.count(figure.value)];
            if (hasPrevious) {
              values.push(w.count(figure.previousValue));
              values.push(formatChange(w.locale, figure.value, figure.previousValue) ?? "—");
            }
            values.forEach((text, column) => {
              const x = w.left + labelWidth + cellPadding + column * numberWidth;
              const suppressed = text === suppressedMark;
              w.label(text, x, y, {
                font: column === 0 || suppressed ? "bold" : "body",
                size: column === 0 ? 10 : rowFont,
                colour: suppressed ? colours.accent : column === 2 ? colours.muted : colours.ink,
                width: column === 2 ? changeWidth : numberWidth,
                align: "right",
              });
            });
            y += rowHeight;
          });
          w.rule(y, colours.rule, 0.6);
        },
      },
    ],
    14,
  );
}

function sectionHeading(w: ReportWriter, number: number, title: string) {
  // A heading is never left alone at a page's foot: keep room for what follows it.
  w.ensure(110);
  w.y += 4;
  w.write(`${number}. ${title}`, w.left, w.y, {
    font: "heading",
    size: 14,
    colour: colours.accent,
    width: w.width,
  });
  w.y += 22;
  w.rule(w.y, colours.accent, 1);
  w.y += 12;
}

// ---------------------------------------------------------------------------------------------
// Methods note.

function methodsNote(w: ReportWriter) {
  const { published, locale, messages } = w;
  const { timeZone } = published;
  w.newPage();
  w.write(messages.methods, w.left, w.y, {
    font: "heading",
    size: 16,
    colour: colours.accent,
    width: w.width,
  });
  w.y += 26;
  w.rule(w.y, colours.accent, 1);
  w.y += 12;

  const paragraph = (text: string, font: FontName = "body", size = 9) => {
    const height = w.heightOf(text, font, size, w.width);
    w.ensure(height);
    w.write(text, w.left, w.y, { font, size, width: w.width });
    w.y += height + 7;
  };
  const subheading = (text: string) => {
    w.ensure(40);
    w.y += 4;
    w.write(text, w.left, w.y, { font: "heading", size: 11, width: w.width });
    w.y += 18;
  };

  const day = (instant: Date) => formatDay(locale, instant, timeZone);
  const period = published.period;
  paragraph(
    messages.methodsPeriod(
      period.label[locale],
      day(new Date(period.from)),
      day(lastDayOf(period.to)),
      timeZone,
    ),
  );
  if (published.previous) {
    const previous = published.previous;
    paragraph(
      messages.methodsPrevious(
        previous.label[locale],
        day(new Date(previous.from)),
        day(lastDayOf(previous.to)),
      ),
    );
  }
  paragraph(
    published.scope.kind === "PARTNERSHIP"
      ? messages.methodsPartnership(published.scope.name)
      : messages.methodsOrganisation(published.scope.name),
  );
  paragraph(
    published.asOf
      ? messages.methodsSnapshot(day(new Date(published.asOf)))
      : messages.methodsLive(day(w.options.generatedAt)),
  );
  paragraph(messages.methodsFollowUp(published.followUpMinEncounters));
  paragraph(messages.methodsShares);

  subheading(messages.methodsSuppressionTitle);
  if (published.suppressed) for (const text of w.options.suppressionNote) paragraph(text);
  else paragraph(messages.methodsNoSuppression);

  subheading(messages.methodsDefinitions);
  for (const section of orderedSections(published)) {
    const items = [
      ...published.figures.filter((figure) => figure.section === section),
      ...published.tables.filter((table) => table.section === section),
    ];
    if (items.length === 0) continue;
    w.ensure(44);
    w.write(sectionTitle(locale, section), w.left, w.y, {
      font: "bold",
      size: 9,
      colour: colours.accent,
      width: w.width,
    });
    w.y += 14;
    for (const item of items) {
      const title = item.title[locale];
      const definition = item.definition[locale];
      const indent = 10;
      const height =
        w.heightOf(title, "bold", 8.5, w.width - indent) +
        w.heightOf(definition, "body", 8, w.width - indent);
      w.ensure(height + 4);
      w.write(title, w.left + indent, w.y, { font: "bold", size: 8.5, width: w.width - indent });
      w.y += w.heightOf(title, "bold", 8.5, w.width - indent);
      w.write(definition, w.left + indent, w.y, {
        font: "body",
        size: 8,
        colour: colours.muted,
        width: w.width - indent,
      });
      w.y += w.heightOf(definition, "body", 8, w.width - indent) + 5;
    }
    w.y += 4;
  }
}

// ---------------------------------------------------------------------------------------------

/** The disclosure engine's own statement of its method, its paragraphs, the threshold filled in. */
function disclosureMethodNote(locale: Locale, threshold: number): string[] {
  return suppressionMethodNote[locale]
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .replace(/\{threshold\} (moins|minus) 1/g, String(threshold - 1))
        .replaceAll("{threshold}", String(threshold))
        .trim(),
    )
    .filter((paragraph) => paragraph.length > 0);
}

function defaultPaper(timeZone: string): ReportPaper {
  return timeZone.startsWith("America/") ? "LETTER" : "A4";
}

export async function renderAnnualReport(
  published: PublishedIndicators,
  locale: Locale,
  options: AnnualReportOptions = {},
): Promise<Buffer> {
  // Loaded at the first report, not with the API (~30 MB most processes never use).
  const { default: PDFDocument } = await import("pdfkit");
  const generatedAt = options.generatedAt ?? new Date();
  const note = (options.suppressionMethodNote ?? disclosureMethodNote)(locale, published.threshold);
  const writer = new ReportWriter(PDFDocument, published, locale, {
    generatedAt,
    paper: options.paper ?? defaultPaper(published.timeZone),
    suppressionNote: note,
  });
  const { doc } = writer;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  titleBlock(writer);
  headlines(writer);
  monthlyTrend(writer);
  orderedSections(published).forEach((section, index) => {
    sectionHeading(writer, index + 1, sectionTitle(locale, section));
    sectionFigures(
      writer,
      published.figures.filter((figure) => figure.section === section),
    );
    for (const table of published.tables.filter((each) => each.section === section))
      distribution(writer, table);
  });
  methodsNote(writer);
  writer.finishPages();
  doc.end();
  return done;
}
