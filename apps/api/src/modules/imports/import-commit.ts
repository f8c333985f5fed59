/**
 * Writing the rows of a checked import, in the operation's transaction, as the coordinator (her
 * row-level security): bulk inserts (`createMany`, a few thousand rows a statement), never one
 * statement per row, then the imported_records that key each row by its source reference, so a
 * second import of the same rows adds nothing. The ids are chosen here, so the parts of a record
 * (an encounter's materials, services and note; a workshop's note) go in with it in bulk too.
 */
import type { Prisma } from "@maillage/db";
import type { RecordShapeName } from "@maillage/domain/record-shapes";
import type { ActingContext } from "../../context.ts";
import type { PreparedRecord } from "./import-analysis.ts";

const chunkSize = 2_000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += chunkSize)
    await write(rows.slice(start, start + chunkSize));
}

type R = Record<string, unknown>;

export async function writeRecords(
  ctx: ActingContext,
  shape: RecordShapeName,
  importId: string,
  rows: PreparedRecord[],
): Promise<void> {
  const organisationId = ctx.viewer.organisationId;
  const { tx } = ctx;
  switch (shape) {
    case "PERSONS":
      await inChunks(rows, (chunk) =>
        tx.person.createMany({
          data: chunk.map(
            ({ id, record }) => ({ id, organisationId, ...(record as R) }) as Prisma.PersonCreateManyInput,
          ),
        }),
      );
      break;
    case "VENUES":
      await inChunks(rows, (chunk) =>
        tx.venue.createMany({
          data: chunk.map(
            ({ id, record }) => ({ id, organisationId, ...(record as R) }) as Prisma.VenueCreateManyInput,
          ),
        }),
      );
      break;
    case "MATERIAL_RECEIPTS":
      await inChunks(rows, (chunk) =>
        tx.materialReceipt.createMany({
          data: chunk.map(
            ({ id, record }) =>
              ({ id, organisationId, ...(record as R) }) as Prisma.MaterialReceiptCreateManyInput,
          ),
        }),
      );
      break;
    case "WORKSHOPS": {
      await inChunks(rows, (chunk) =>
        tx.workshop.createMany({
          data: chunk.map(({ id, record }) => {
            const { note: _note, ...columns } = record as R;
            return { id, organisationId, ...columns } as Prisma.WorkshopCreateManyInput;
          }),
        }),
      );
      const notes = rows.filter((row) => row.record.note);
      await inChunks(notes, (chunk) =>
        tx.workshopNote.createMany({
          data: chunk.map(({ id, record }) => ({
            workshopId: id,
            organisationId,
            body: String(record.note),
          })),
        }),
      );
      break;
    }
    case "ENCOUNTERS": {
      const authorId = ctx.viewer.userId;
      await inChunks(rows, (chunk) =>
        tx.encounter.createMany({
          data: chunk.map(({ id, record }) => {
            const { materials: _m, services: _s, note: _n, ...columns } = record as R;
            return { id, organisationId, authorId, ...columns } as Prisma.EncounterCreateManyInput;
          }),
        }),
      );
      const materials = rows.flatMap(({ id, record }) =>
        (record.materials as { item: string; quantity: number }[]).map((m) => ({
          encounterId: id,
          organisationId,
          item: m.item,
          quantity: m.quantity,
        })),
      );
      await inChunks(materials, (chunk) => tx.encounterMaterial.createMany({ data: chunk }));
      const services = rows.flatMap(({ id, record }) =>
        (record.services as string[]).map((service) => ({ encounterId: id, organisationId, service })),
      );
      await inChunks(services, (chunk) => tx.encounterService.createMany({ data: chunk }));
      const notes = rows.filter((row) => row.record.note);
      await inChunks(notes, (chunk) =>
        tx.encounterNote.createMany({
          data: chunk.map(({ id, record }) => ({
            encounterId: id,
            organisationId,
            body: String(record.note),
          })),
        }),
      );
      break;
    }
  }
  await inChunks(rows, (chunk) =>
    tx.importedRecord.createMany({
      data: chunk.map((row) => ({
        organisationId,
        shape,
        sourceRef: row.sourceRef,
        recordId: row.id,
        importId,
      })),
    }),
  );
}
