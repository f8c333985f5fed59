/**
 * The write matrix's attempts on imports from spreadsheets (see write-matrix-operations.ts): the
 * uploaded files, the committed imports and the keys of imported rows, and the files of each
 * target set (write-matrix-targets.ts). A file is uploaded by POST /imports/files (who may:
 * modules/imports/import-files.int.test.ts); here its row is inserted as the owner's coordinator
 * uploaded it, and `commitImport` is the GraphQL write.
 */
import { randomUUID } from "node:crypto";
import { type AttemptsByKind, exists, input } from "./write-matrix-operations.ts";

/** Uploaded files of the owning organisation in one target set, and a committed import. */
export interface ImportTargets {
  /** A file of one person to commit (its name is this set's own). */
  file: string;
  fileName: string;
  fileToRemove: string;
  /** An import already committed, for a key to be added to. */
  committed: string;
}

export function importTargets(): ImportTargets {
  return {
    file: randomUUID(),
    fileName: `matrice-${randomUUID()}.csv`,
    fileToRemove: randomUUID(),
    committed: randomUUID(),
  };
}

/** The target files and import as SQL text (the values are ours: quoted as they are). */
export function importTargetStatements(owner: string, coordinator: string, t: ImportTargets): string[] {
  const csv = (reference: string) =>
    `convert_to('Référence,Pseudonyme' || chr(10) || '${reference},Importée', 'UTF8')`;
  return [
    `INSERT INTO import_files (id, organisation_id, uploaded_by_id, name, byte_size, bytes) VALUES
       ('${t.file}', '${owner}', '${coordinator}', '${t.fileName}', octet_length(${csv(t.file)}), ${csv(t.file)}),
       ('${t.fileToRemove}', '${owner}', '${coordinator}', 'cible.csv', octet_length(${csv(t.fileToRemove)}), ${csv(t.fileToRemove)})`,
    `INSERT INTO imports (id, organisation_id, imported_by_id, file_name, shape, row_count, created_count, already_imported)
       VALUES ('${t.committed}', '${owner}', '${coordinator}', 'cible.csv', 'PERSONS', 1, 1, 0)`,
    `INSERT INTO imported_records (organisation_id, shape, source_ref, record_id, import_id)
       VALUES ('${owner}', 'PERSONS', 'cible-${t.committed}', gen_random_uuid(), '${t.committed}')`,
  ];
}

export const importAttempts = {
  "import file": {
    create: {
      sql: ({ world }) => ({
        sql: `INSERT INTO import_files (organisation_id, uploaded_by_id, name, byte_size, bytes)
              VALUES ($1, coalesce(app.user_id(), gen_random_uuid()), 'matrice.csv', 1, 'x')`,
        params: [world.ownerId],
      }),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE import_files SET name = 'renommé.csv' WHERE id = $1",
        params: [targets.imports.fileToRemove],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM import_files WHERE id = $1",
        params: [targets.imports.fileToRemove],
      }),
    },
  },
  import: {
    create: {
      sql: ({ world }) => ({
        sql: `INSERT INTO imports (organisation_id, imported_by_id, file_name, shape, row_count, created_count, already_imported)
              VALUES ($1, coalesce(app.user_id(), gen_random_uuid()), 'matrice.csv', 'PERSONS', 1, 1, 0)`,
        params: [world.ownerId],
      }),
      graphql: ({ world, targets }) =>
        input(
          "commitImport",
          {
            fileId: targets.imports.file,
            shape: "PERSONS",
            mapping: [
              { field: "reference", column: "Référence" },
              { field: "alias", column: "Pseudonyme" },
            ],
          },
          exists("SELECT 1 FROM imports WHERE organisation_id = $1 AND file_name = $2", [
            world.ownerId,
            targets.imports.fileName,
          ]),
        ),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE imports SET row_count = 2 WHERE id = $1",
        params: [targets.imports.committed],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM imports WHERE id = $1",
        params: [targets.imports.committed],
      }),
    },
  },
  "imported record": {
    create: {
      sql: ({ world, targets }) => ({
        sql: `INSERT INTO imported_records (organisation_id, shape, source_ref, record_id, import_id)
              VALUES ($1, 'PERSONS', gen_random_uuid()::text, gen_random_uuid(), $2)`,
        params: [world.ownerId, targets.imports.committed],
      }),
    },
    update: {
      sql: ({ targets }) => ({
        sql: "UPDATE imported_records SET record_id = gen_random_uuid() WHERE import_id = $1",
        params: [targets.imports.committed],
      }),
    },
    delete: {
      sql: ({ targets }) => ({
        sql: "DELETE FROM imported_records WHERE import_id = $1",
        params: [targets.imports.committed],
      }),
    },
  },
} satisfies AttemptsByKind;
