/**
 * The acting organisation's catalogue as entry forms offer it: the material items to hand out,
 * the services to give and the platforms to name, in their order, retired entries left out. Read
 * from the API, or with no signal from the slice kept in the vault (offline/caseload-slice.ts).
 */

import { request } from "../../app/graphql.ts";
import type { Language } from "../../app/i18n/index.tsx";
import { graphql } from "../../generated/gql.ts";
import type { CatalogueList } from "../../generated/graphql.ts";

export const CatalogueChoicesQuery = graphql(`
  query CatalogueChoices {
    catalogue {
      code
      list
      labelFr
      labelEn
    }
  }
`);

export interface CatalogueChoice {
  code: string;
  labelFr: string;
  labelEn: string;
}

export interface CatalogueChoices {
  materials: CatalogueChoice[];
  services: CatalogueChoice[];
  platforms: CatalogueChoice[];
}

export const noCatalogue: CatalogueChoices = { materials: [], services: [], platforms: [] };

const listKey: Record<CatalogueList, keyof CatalogueChoices> = {
  MATERIAL: "materials",
  SERVICE: "services",
  PLATFORM: "platforms",
};

/** The catalogue's entries by list. */
export function catalogueChoices(
  entries: readonly { code: string; list: CatalogueList; labelFr: string; labelEn: string }[],
): CatalogueChoices {
  const choices: CatalogueChoices = { materials: [], services: [], platforms: [] };
  for (const { code, list, labelFr, labelEn } of entries)
    choices[listKey[list]].push({ code, labelFr, labelEn });
  return choices;
}

export async function loadCatalogueChoices(): Promise<CatalogueChoices> {
  return catalogueChoices((await request(CatalogueChoicesQuery)).catalogue);
}

/** An entry's name in the screen's language. */
export function choiceLabel(choice: CatalogueChoice, language: Language): string {
  return language === "en" ? choice.labelEn : choice.labelFr;
}

/** A code's name from the choices, or the code itself (an entry retired since). */
export function codeLabel(choices: readonly CatalogueChoice[], code: string, language: Language): string {
  const choice = choices.find((c) => c.code === code);
  return choice ? choiceLabel(choice, language) : code;
}
