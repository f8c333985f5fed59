/**
 * The app's two catalogues, French first: the shell's and each feature's messages
 * (features/messages.ts), the API's error messages from @maillage/domain (`errors.<CODE>`,
 * `field.<CODE>`: one catalogue shared with the API, never copied here) and the schema enums'
 * labels (`enum.<Enum>.<VALUE>`). Messages are ICU MessageFormat, formatted by react-intl.
 */
import {
  type ErrorCode,
  errorCodes,
  errorMessages,
  type FieldErrorCode,
  fieldErrorCodes,
  fieldErrorMessages,
} from "@maillage/domain";
import { featureMessages } from "../../features/messages.ts";
import { type EnumMessageKey, enumLabels, enumMessages } from "./enum-labels.ts";
import type { Language } from "./language.ts";
import { shellMessages } from "./shell.messages.ts";

type KeysOf<T> = T extends { fr: infer F } ? keyof F & string : never;
export type ErrorMessageKey = `errors.${ErrorCode}`;
export type FieldMessageKey = `field.${FieldErrorCode}`;
export type MessageKey =
  | keyof typeof shellMessages.fr
  | KeysOf<(typeof featureMessages)[number]>
  | ErrorMessageKey
  | FieldMessageKey
  | EnumMessageKey;

function prefixed<C extends string, P extends string>(
  prefix: P,
  messages: Record<C, string>,
): Record<`${P}.${C}`, string> {
  return Object.fromEntries(
    Object.entries(messages).map(([code, message]) => [`${prefix}.${code}`, message]),
  ) as Record<`${P}.${C}`, string>;
}

function catalogue(language: Language): Record<MessageKey, string> {
  return Object.assign(
    {},
    shellMessages[language],
    ...featureMessages.map((messages) => messages[language]),
    prefixed("errors", errorMessages[language]),
    prefixed("field", fieldErrorMessages[language]),
    enumMessages(enumLabels[language]),
  );
}

export const catalogues: Record<Language, Record<MessageKey, string>> = {
  fr: catalogue("fr"),
  en: catalogue("en"),
};

export function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}

export function isFieldErrorCode(code: string): code is FieldErrorCode {
  return (fieldErrorCodes as readonly string[]).includes(code);
}
