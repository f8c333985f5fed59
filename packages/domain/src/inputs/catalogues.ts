import { z } from "zod";
import { columnLengths } from "./column-lengths.ts";
import { withFieldCode } from "./field-problems.ts";
import { requiredText } from "./fields.ts";
import { catalogueList, materialCategory, materialUnit } from "./vocabularies.ts";

/**
 * A catalogue entry's code: capitals, digits and underscores, as records and indicators name it
 * ("CONDOMS", "FOOD_VOUCHERS"). Two organisations of a partnership that give an item the same
 * code are counted together.
 */
export const catalogueCode = z
  .string()
  .trim()
  .max(columnLengths["CatalogueEntry.code"])
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, "capitals, digits and _, starting with a letter");

/** A code made from a label: "Bons d'épicerie" → "BONS_D_EPICERIE". */
export function codeFromLabel(label: string): string {
  const code = label
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^[^A-Z]+|_+$/g, "")
    .slice(0, columnLengths["CatalogueEntry.code"]);
  return code.length >= 2 ? code : "";
}

const labels = {
  labelFr: requiredText(columnLengths["CatalogueEntry.labelFr"]).describe("The name in French."),
  labelEn: requiredText(columnLengths["CatalogueEntry.labelEn"]).describe("The name in English."),
};

const materialFields = {
  category: materialCategory.nullish().describe("Material items only (required for them)."),
  unit: materialUnit.nullish().describe("Material items only (required for them)."),
};

type MaterialFields = { list?: string; category?: unknown; unit?: unknown };

/** A material item has a category and a unit; a service or a platform has neither. */
function checkMaterialFields(isMaterial: (input: MaterialFields) => boolean | null) {
  return (input: MaterialFields, context: z.core.$RefinementCtx<MaterialFields>) => {
    const material = isMaterial(input);
    if (material === null) return;
    for (const key of ["category", "unit"] as const) {
      const given = input[key] !== null && input[key] !== undefined;
      if (material && !given) context.addIssue({ code: "custom", path: [key], ...withFieldCode("REQUIRED") });
      if (!material && given)
        context.addIssue({ code: "custom", path: [key], ...withFieldCode("INVALID_VALUE") });
    }
  };
}

/**
 * Whether a platform's name looks like a person's ad or account rather than a site or service:
 * a web address ("https://…", "www.…", "site.com/someone") or a handle ("@someone", an e-mail).
 * A platform is named by the site alone ("LeoList", "leolist.cc").
 */
export function namesAnAccount(label: string): boolean {
  return /:\/\/|\bwww\.|@\S|\.[a-z]{2,}\/\S/i.test(label);
}

type Labels = { labelFr?: string; labelEn?: string };

/** A platform's names are a site's or a service's, never a person's ad or handle. */
export function checkPlatformLabels(input: Labels, context: z.core.$RefinementCtx<Labels>): void {
  for (const key of ["labelFr", "labelEn"] as const) {
    const label = input[key];
    if (label && namesAnAccount(label))
      context.addIssue({ code: "custom", path: [key], ...withFieldCode("SITE_NAME_ONLY") });
  }
}

/** A new entry of the acting organisation's catalogue (its coordinators). */
export const addCatalogueEntryInput = z
  .object({
    list: catalogueList,
    code: catalogueCode.describe("Shared across the partnership for indicators; never changes."),
    ...labels,
    ...materialFields,
  })
  .superRefine(checkMaterialFields((input) => input.list === "MATERIAL"))
  .superRefine((input, context) => {
    if (input.list === "PLATFORM") checkPlatformLabels(input, context);
  });

/** New labels (and, for a material item, category and unit) of an entry; its code stays. */
export const updateCatalogueEntryInput = z.object({
  code: catalogueCode,
  ...labels,
  ...materialFields,
});

/** An entry by its code (retire, restore, delete). */
export const catalogueEntryCodeInput = z.object({ code: catalogueCode });
