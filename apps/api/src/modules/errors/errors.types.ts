import { errorCodes, fieldErrorCodes } from "@maillage/domain";
import { builder } from "../../builder.ts";
import {
  type AppError,
  ConflictError,
  ConsentRequiredError,
  DoubleBookingError,
  type FieldProblem,
  ForbiddenError,
  InputValidationError,
  InvalidCredentialsError,
  InvalidTransitionError,
  NotFoundError,
  SecondFactorError,
  TooManyAttemptsError,
} from "../../errors.ts";

export const ErrorCodeEnum = builder.enumType("ErrorCode", { values: errorCodes });
export const FieldErrorCodeEnum = builder.enumType("FieldErrorCode", { values: fieldErrorCodes });

/** Every expected failure implements AppError: a stable code and a translated message. */
export const AppErrorInterface = builder.interfaceRef<AppError>("AppError").implement({
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (error) => error.code }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(InvalidCredentialsError, {
  name: "InvalidCredentialsError",
  interfaces: [AppErrorInterface],
});

builder.objectType(SecondFactorError, { name: "SecondFactorError", interfaces: [AppErrorInterface] });

builder.objectType(TooManyAttemptsError, {
  name: "TooManyAttemptsError",
  interfaces: [AppErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds") }),
});

builder.objectType(NotFoundError, { name: "NotFoundError", interfaces: [AppErrorInterface] });
builder.objectType(ConflictError, { name: "ConflictError", interfaces: [AppErrorInterface] });
builder.objectType(ForbiddenError, { name: "ForbiddenError", interfaces: [AppErrorInterface] });

const FieldErrorRef = builder.objectRef<FieldProblem>("FieldError").implement({
  fields: (t) => ({
    path: t.exposeString("path"),
    code: t.field({ type: FieldErrorCodeEnum, resolve: (problem) => problem.code }),
    message: t.exposeString("message"),
    limit: t.field({
      type: "Date",
      nullable: true,
      description:
        "The date the rule names, for the message's {limit} (BEFORE_ORGANISATION_START: the organisation's start date).",
      resolve: (problem) => (problem.limit ? new Date(`${problem.limit}T00:00:00.000Z`) : null),
    }),
  }),
});

builder.objectType(InputValidationError, {
  name: "InputValidationError",
  interfaces: [AppErrorInterface],
  fields: (t) => ({
    fields: t.field({ type: [FieldErrorRef], resolve: (error) => error.fields }),
  }),
});

builder.objectType(ConsentRequiredError, { name: "ConsentRequiredError", interfaces: [AppErrorInterface] });
builder.objectType(InvalidTransitionError, {
  name: "InvalidTransitionError",
  interfaces: [AppErrorInterface],
  fields: (t) => ({ from: t.exposeString("from"), to: t.exposeString("to") }),
});

builder.objectType(DoubleBookingError, { name: "DoubleBookingError", interfaces: [AppErrorInterface] });
