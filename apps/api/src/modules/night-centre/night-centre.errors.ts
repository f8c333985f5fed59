/** The night centre's expected refusals: typed results with a translated message (packages/domain errors). */
import type { Locale } from "@maillage/domain";
import { builder } from "../../builder.ts";
import { AppError } from "../../errors.ts";
import { AppErrorInterface } from "../errors/errors.types.ts";

/** A closed evening takes no check-in, no change, and is not closed again. */
export class EveningClosedError extends AppError {
  constructor(locale: Locale) {
    super("EVENING_CLOSED", locale);
  }
}

/** One evening per centre and day: the open one is taken up instead. */
export class EveningAlreadyOpenError extends AppError {
  constructor(locale: Locale) {
    super("EVENING_ALREADY_OPEN", locale);
  }
}

/** One intake per person and organisation: the second is refused (it is corrected instead). */
export class IntakeAlreadyRecordedError extends AppError {
  constructor(locale: Locale) {
    super("INTAKE_ALREADY_RECORDED", locale);
  }
}

builder.objectType(EveningClosedError, { name: "EveningClosedError", interfaces: [AppErrorInterface] });
builder.objectType(EveningAlreadyOpenError, {
  name: "EveningAlreadyOpenError",
  interfaces: [AppErrorInterface],
});
builder.objectType(IntakeAlreadyRecordedError, {
  name: "IntakeAlreadyRecordedError",
  interfaces: [AppErrorInterface],
});
