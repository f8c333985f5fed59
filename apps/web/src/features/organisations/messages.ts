import { defineMessages } from "../../app/i18n/catalogue.ts";

export const organisationMessages = defineMessages(
  {
    "nav.team": "Équipe",
    "team.title": "Équipe",
    "team.intro":
      "Les rôles de chaque membre dans l'organisme. Chaque changement est inscrit au journal d'audit.",
    "team.leastPrivilege":
      "Le rôle Administration seul ne donne accès à aucun dossier : ajoutez un rôle de travail seulement si la personne en a besoin.",
    "team.roles": "Rôles de {name}",
    "team.saved": "Rôles de {name} enregistrés.",
    "team.saving": "Enregistrement…",
    "team.empty": "Aucun membre.",
    "team.you": "vous",
    "team.noRole": "Aucun rôle",
    "team.ownRoles":
      "Personne ne s'accorde un rôle à soi-même : une autre personne de l'administration ou de la coordination change vos rôles.",
    "team.adminRoleByAdmin": "donné ou retiré par l'administration seulement",
    "team.refused":
      "Personne ne peut s'accorder un rôle à soi-même, et seule l'administration donne ou retire le rôle Administration. La liste a été rechargée : vérifiez les rôles actuels.",
  },
  {
    "nav.team": "Team",
    "team.title": "Team",
    "team.intro": "Each member's roles in the organisation. Every change is written to the audit log.",
    "team.leastPrivilege":
      "The admin role alone opens no file: add a working role only if the person needs it.",
    "team.roles": "Roles of {name}",
    "team.saved": "Roles of {name} saved.",
    "team.saving": "Saving…",
    "team.empty": "No members.",
    "team.you": "you",
    "team.noRole": "No role",
    "team.ownRoles":
      "Nobody grants a role to themselves: another admin or coordinator of the organisation changes your roles.",
    "team.adminRoleByAdmin": "given or taken by an admin only",
    "team.refused":
      "Nobody can grant a role to themselves, and only admins give or take the admin role. The list has been reloaded: check the current roles.",
  },
);
