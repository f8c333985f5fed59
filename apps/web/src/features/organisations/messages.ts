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
    // The invitation's acceptance (features/auth/AcceptInvitationPage.tsx): the other end of an invitation.
    "acceptInvitation.title": "Rejoindre l'équipe",
    "acceptInvitation.intro":
      "On vous a invité·e à rejoindre une équipe dans Maillage. Choisissez votre mot de passe pour entrer.",
    "acceptInvitation.name": "Votre nom",
    "acceptInvitation.nameHint":
      "Laissez vide pour garder celui que l'équipe a inscrit. Si vous avez déjà un compte, votre nom ne change pas.",
    "acceptInvitation.password": "Mot de passe",
    "acceptInvitation.passwordHint":
      "Au moins 12 caractères. Si votre adresse a déjà un compte Maillage, entrez le mot de passe de ce compte.",
    "acceptInvitation.confirmation": "Mot de passe, une deuxième fois",
    "acceptInvitation.submit": "Rejoindre l'équipe",
    "acceptInvitation.submitting": "Un instant…",
    "acceptInvitation.noToken":
      "Ce lien d'invitation est incomplet. Ouvrez le lien complet reçu de la personne qui vous a invité·e, ou demandez-lui en un nouveau.",
    "invitations.title": "Inviter une personne",
    "invitations.intro":
      "Maillage n'envoie aucun courriel : après l'invitation, vous recevez un lien à transmettre vous-même à la personne (en main propre, par texto, par courriel). Avec ce lien, elle choisit son mot de passe et entre dans l'équipe.",
    "invitations.formTitle": "Nouvelle invitation",
    "invitations.email": "Courriel de la personne",
    "invitations.name": "Nom",
    "invitations.nameHint": "Tel que l'équipe la connaît ; elle pourra le changer en acceptant.",
    "invitations.roles": "Rôles",
    "invitations.rolesByCoordinator": "Seule l'administration donne le rôle Administration.",
    "invitations.invite": "Créer l'invitation",
    "invitations.inviting": "Création…",
    "invitations.created": "Invitation créée pour {name}.",
    "invitations.linkOnce":
      "Voici son lien. Il ne sera plus jamais affiché : copiez-le maintenant et transmettez-le à {name} vous-même. Il fonctionne une seule fois, pendant 7 jours.",
    "invitations.link": "Lien d'invitation",
    "invitations.copy": "Copier le lien",
    "invitations.copied": "Lien copié.",
    "invitations.copyByHand": "Copie impossible ici : le lien est sélectionné, copiez-le à la main.",
    "invitations.pending": "Invitations en attente",
    "invitations.lostLink":
      "Le lien d'une invitation n'est montré qu'une fois. Perdu ? Révoquez l'invitation et invitez de nouveau.",
    "invitations.none": "Aucune invitation en attente.",
    "invitations.pendingBy": "Invitation de {who}, valable jusqu'au {until}",
    "invitations.revokeButton": "Révoquer l'invitation de {name}",
    "invitations.revokeLabel": "Révoquer l'invitation de {name}",
    "invitations.revokeQuestion": "Révoquer l'invitation de {name} ? Son lien ne fonctionnera plus.",
    "invitations.revoke": "Révoquer",
    "members.deactivate": "Désactiver {name}",
    "members.deactivateQuestion": "Désactiver {name} ?",
    "members.secondFactorOn": "Double authentification : activée",
    "members.secondFactorOff": "Double authentification : désactivée",
    "members.secondFactorReset": "Réinitialiser la double authentification de {name}",
    "members.secondFactorResetQuestion":
      "Réinitialiser la double authentification de {name} (téléphone perdu ou remplacé) ?",
    "members.secondFactorResetEffect":
      "Son application et ses codes de secours cesseront de fonctionner, ses appareils mémorisés seront oubliés et ses sessions fermées. À sa prochaine connexion, elle se connectera avec son mot de passe et devra activer de nouveau la double authentification avant d'utiliser un rôle de coordination ou d'administration.",
    "members.secondFactorResetConfirm": "Réinitialiser",
    "members.secondFactorResetDone":
      "La double authentification de {name} est réinitialisée ; ses sessions sont fermées.",
    "members.deactivateEffect":
      "Cette personne ne verra plus rien de l'organisme : ses sessions se terminent, ses appareils oublient ce qu'ils gardaient hors ligne et ses suivis de dossiers sont retirés. Ce qu'elle a inscrit reste. Une nouvelle invitation peut la réintégrer dans l'équipe.",
    "members.deactivateConfirm": "Désactiver",
    "members.deactivated": "{name} est désactivé·e : plus aucun accès à l'organisme.",
    "members.endAllTitle": "Téléphone perdu ou volé ?",
    "members.endAllIntro":
      "Vous pouvez terminer d'un coup toutes les sessions de l'équipe : plus personne n'est connecté, sauf vous ici.",
    "members.endAll": "Terminer toutes les sessions de l'équipe",
    "members.endAllQuestion": "Terminer toutes les sessions de l'équipe ?",
    "members.endAllEffectSessions":
      "Toutes les personnes de l'équipe sont déconnectées, sur tous leurs appareils, et devront se reconnecter.",
    "members.endAllEffectDevices":
      "Ce que leurs appareils gardaient hors ligne ne pourra plus être lu, y compris les saisies pas encore envoyées : elles seront perdues.",
    "members.endAllEffectYou":
      "Vous restez connecté·e sur cet appareil ; vos autres appareils sont déconnectés aussi.",
    "members.endAllConfirm": "Tout terminer",
    "members.endAllDone":
      "{sessions, plural, =0 {Aucune session à terminer} one {# session terminée} other {# sessions terminées}}, {devices, plural, =0 {aucun appareil oublié} one {# appareil oublié} other {# appareils oubliés}}.",
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
    "acceptInvitation.title": "Join the team",
    "acceptInvitation.intro":
      "You have been invited to join a team on Maillage. Choose your password to come in.",
    "acceptInvitation.name": "Your name",
    "acceptInvitation.nameHint":
      "Leave it empty to keep the one the team entered. If you already have an account, your name does not change.",
    "acceptInvitation.password": "Password",
    "acceptInvitation.passwordHint":
      "At least 12 characters. If your address already has a Maillage account, enter that account's password.",
    "acceptInvitation.confirmation": "Password, a second time",
    "acceptInvitation.submit": "Join the team",
    "acceptInvitation.submitting": "One moment…",
    "acceptInvitation.noToken":
      "This invitation link is incomplete. Open the whole link you received from the person who invited you, or ask them for a new one.",
    "invitations.title": "Invite someone",
    "invitations.intro":
      "Maillage sends no e-mail: once you invite someone, you get a link to hand to them yourself (in person, by text, by e-mail). With it, they choose their password and join the team.",
    "invitations.formTitle": "New invitation",
    "invitations.email": "Their e-mail",
    "invitations.name": "Name",
    "invitations.nameHint": "As the team knows them; they can change it when accepting.",
    "invitations.roles": "Roles",
    "invitations.rolesByCoordinator": "Only admins give the admin role.",
    "invitations.invite": "Create the invitation",
    "invitations.inviting": "Creating…",
    "invitations.created": "Invitation created for {name}.",
    "invitations.linkOnce":
      "Here is their link. It will never be shown again: copy it now and hand it to {name} yourself. It works once, for 7 days.",
    "invitations.link": "Invitation link",
    "invitations.copy": "Copy the link",
    "invitations.copied": "Link copied.",
    "invitations.copyByHand": "Copying is not possible here: the link is selected, copy it by hand.",
    "invitations.pending": "Pending invitations",
    "invitations.lostLink":
      "An invitation's link is shown once only. Lost it? Revoke the invitation and invite again.",
    "invitations.none": "No pending invitations.",
    "invitations.pendingBy": "Invited by {who}, until {until}",
    "invitations.revokeButton": "Revoke {name}'s invitation",
    "invitations.revokeLabel": "Revoke {name}'s invitation",
    "invitations.revokeQuestion": "Revoke {name}'s invitation? Their link will stop working.",
    "invitations.revoke": "Revoke",
    "members.deactivate": "Deactivate {name}",
    "members.deactivateQuestion": "Deactivate {name}?",
    "members.secondFactorOn": "Two-step sign-in: on",
    "members.secondFactorOff": "Two-step sign-in: off",
    "members.secondFactorReset": "Reset {name}'s two-step sign-in",
    "members.secondFactorResetQuestion": "Reset {name}'s two-step sign-in (phone lost or replaced)?",
    "members.secondFactorResetEffect":
      "Her app and recovery codes will stop working, her remembered devices will be forgotten and her sessions ended. At her next sign-in she uses her password and must turn two-step sign-in on again before using a coordination or administration role.",
    "members.secondFactorResetConfirm": "Reset",
    "members.secondFactorResetDone": "{name}'s two-step sign-in is reset; her sessions are ended.",
    "members.deactivateEffect":
      "They will no longer see anything of the organisation: their sessions end, their devices forget what they kept offline and their follows are removed. What they recorded stays. A new invitation can bring them back.",
    "members.deactivateConfirm": "Deactivate",
    "members.deactivated": "{name} is deactivated: they no longer have access to the organisation.",
    "members.endAllTitle": "Phone lost or stolen?",
    "members.endAllIntro":
      "You can end every session of the team at once: nobody stays signed in, except you here.",
    "members.endAll": "End every session of the team",
    "members.endAllQuestion": "End every session of the team?",
    "members.endAllEffectSessions":
      "Everyone on the team is signed out, on all their devices, and must sign in again.",
    "members.endAllEffectDevices":
      "What their devices kept offline can no longer be read, including entries not yet sent: they will be lost.",
    "members.endAllEffectYou": "You stay signed in on this device; your other devices are signed out too.",
    "members.endAllConfirm": "End them all",
    "members.endAllDone":
      "{sessions, plural, =0 {No session to end} one {# session ended} other {# sessions ended}}, {devices, plural, =0 {no device forgotten} one {# device forgotten} other {# devices forgotten}}.",
    "team.refused":
      "Nobody can grant a role to themselves, and only admins give or take the admin role. The list has been reloaded: check the current roles.",
  },
);
