/**
 * The catalogue's forms, read by the API's own inputs: the selects' empty choice is null, and a
 * platform's names are a site's or a service's (checkPlatformLabels, as the API checks them).
 */
import {
  addCatalogueEntryInput,
  catalogueList,
  checkPlatformLabels,
  updateCatalogueEntryInput,
} from "@maillage/domain/inputs";
import { z } from "zod";
import type { CatalogueList, MaterialCategory, MaterialUnit } from "../../generated/enums.ts";

/** A select's value: its empty first option is no choice. */
function choiceOrNull<T extends string>() {
  return z.string().transform((value): T | null | undefined => (value === "" ? null : (value as T)));
}

const typed = {
  code: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  category: choiceOrNull<MaterialCategory>().optional(),
  unit: choiceOrNull<MaterialUnit>().optional(),
};

/** A new entry of one list. */
export const addEntryForm = z.object({ list: catalogueList, ...typed }).pipe(addCatalogueEntryInput);
export type AddEntryValues = z.input<typeof addEntryForm>;

const platformUpdate = updateCatalogueEntryInput.superRefine(checkPlatformLabels);

/** An entry's new names (and a material item's category and unit). */
export function editEntryForm(list: CatalogueList) {
  return z.object(typed).pipe(list === "PLATFORM" ? platformUpdate : updateCatalogueEntryInput);
}
export type EditEntryForm = ReturnType<typeof editEntryForm>;
export type EditEntryValues = z.input<EditEntryForm>;
