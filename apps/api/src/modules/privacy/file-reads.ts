/**
 * "Who viewed this file", for the coordinators of the organisation that owns it (MANAGE_PRIVACY):
 * every audited read of the file (READ_PERSON_FILE, READ_LEGAL_NAME, PERSON_DATA_EXPORTED),
 * partners' reads included. A partner's read is written in the partner's own log (its row, its
 * organisation: its coordinators and admins read it there); the database adds the file's
 * organisation to every event about a person (trigger audit_events_subject), and
 * app.person_file_reads (SECURITY DEFINER) hands the owner's coordinators what they need from
 * those rows, never the rows themselves: when, which organisation, and who — a member of their own
 * organisation by name; a partner's member by organisation and roles only, since the partner is
 * answerable for its own staff's reads and its log names them (the person's right to know which
 * organisations saw her file is met; staff names of another organisation are not handed over). No
 * address, no partner member's id.
 */

import type { Role } from "@maillage/db";
import { roles as roleNames } from "@maillage/domain";
import { builder } from "../../builder.ts";
import { NotFoundError } from "../../errors.ts";
import { decodeId } from "../../global-ids.ts";
import { RoleEnum } from "../organisations/organisations.types.ts";

interface FileRead {
  read_at: Date;
  action: string;
  reader_organisation_id: string | null;
  reader_organisation_name: string | null;
  reader_user_id: string | null;
  reader_name: string | null;
  reader_roles: string[];
}

const FileReadRef = builder.objectRef<FileRead & { ownOrganisation: boolean }>("PersonFileRead").implement({
  description: "One audited read of a person's file, as its owner's coordinators see it.",
  fields: (t) => ({
    at: t.field({ type: "DateTime", resolve: (read) => read.read_at }),
    action: t.field({
      type: builder.enumType("PersonFileReadAction", {
        values: ["READ_PERSON_FILE", "READ_LEGAL_NAME", "PERSON_DATA_EXPORTED"] as const,
      }),
      resolve: (read) => read.action as "READ_PERSON_FILE" | "READ_LEGAL_NAME" | "PERSON_DATA_EXPORTED",
    }),
    organisationName: t.string({
      nullable: true,
      description: "The reader's organisation.",
      resolve: (read) => read.reader_organisation_name,
    }),
    ownOrganisation: t.boolean({
      description: "Whether the reader acted for the file's own organisation.",
      resolve: (read) => read.ownOrganisation,
    }),
    readerName: t.string({
      nullable: true,
      description: "The reader's name: a member of the file's own organisation only (null for a partner's).",
      resolve: (read) => read.reader_name,
    }),
    readerRoles: t.field({
      type: [RoleEnum],
      description: "The reader's roles in her organisation (today's, or at the end of her membership).",
      resolve: (read) =>
        read.reader_roles.filter((role): role is Role =>
          (roleNames as readonly string[]).includes(role),
        ) as Role[],
    }),
  }),
});

builder.queryField("personFileReads", (t) =>
  t.withAuth({ takesAction: "MANAGE_PRIVACY" }).field({
    type: [FileReadRef],
    description:
      "Who viewed one of the organisation's files, latest first, partners' reads included (its coordinators). Not found for another organisation's file.",
    args: {
      personId: t.arg.id({ required: true }),
      first: t.arg.int({ defaultValue: 100 }),
    },
    resolve: async (_root, args, ctx) => {
      const id = decodeId(String(args.personId), "Person");
      const person = id
        ? await ctx.tx.person.findFirst({
            where: { id, organisationId: ctx.viewer.organisationId },
            select: { id: true },
          })
        : null;
      if (!person) throw new NotFoundError(ctx.locale);
      const limit = Math.min(Math.max(args.first ?? 100, 1), 500);
      const rows = await ctx.tx.$queryRaw<FileRead[]>`
        SELECT read_at, action, reader_organisation_id, reader_organisation_name, reader_user_id,
               reader_name, reader_roles
          FROM app.person_file_reads(${person.id}::uuid, ${limit}::int)`;
      return rows.map((row) => ({
        ...row,
        ownOrganisation: row.reader_organisation_id === ctx.viewer.organisationId,
      }));
    },
  }),
);
