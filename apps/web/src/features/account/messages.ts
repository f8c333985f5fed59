import { defineMessages } from "../../app/i18n/catalogue.ts";

export const accountMessages = defineMessages(
  {
    "account.nav": "Sécurité du compte",
    "account.title": "Sécurité du compte",
    "account.intro":
      "La double authentification demande, en plus du mot de passe, un code que seule votre application d'authentification connaît : un mot de passe volé ne suffit plus pour ouvrir les dossiers.",
    "account.withheld":
      "Votre rôle de coordination ou d'administration n'est pas actif : il exige la double authentification. Activez-la ci-dessous ; votre rôle s'appliquera aussitôt.",
    "account.codeHint": "Les 6 chiffres affichés maintenant par l'application, ou un code de secours.",
    "account.off.title": "Double authentification : désactivée",
    "account.off.required":
      "Elle est obligatoire pour les rôles de coordination et d'administration de votre organisme.",
    "account.off.optional": "Elle est facultative pour votre rôle, et recommandée.",
    "account.off.start": "Activer la double authentification",
    "account.off.starting": "Préparation…",
    "account.off.startFailed": "La préparation n'a pas abouti. Réessayez.",
    "account.scan.title": "Relier votre application d'authentification",
    "account.scan.app":
      "Installez sur votre téléphone une application d'authentification, par exemple Aegis, Google Authenticator ou Microsoft Authenticator.",
    "account.scan.qr": "Dans l'application, ajoutez un compte en balayant ce code QR :",
    "account.scan.qrLabel": "Code QR du compte Maillage pour l'application d'authentification",
    "account.scan.orType": "Ou entrez cette clé à la main (type : basé sur le temps) :",
    "account.scan.code": "Code à 6 chiffres affiché par l'application",
    "account.scan.confirm": "Activer",
    "account.scan.confirming": "Activation…",
    "account.codes.title": "Vos codes de secours",
    "account.codes.intro":
      "Notez ces dix codes ou imprimez-les, et gardez-les à l'abri : chacun ouvre une session une seule fois si vous perdez votre téléphone. Ils ne seront plus jamais affichés. Vos autres sessions ont été fermées.",
    "account.codes.print": "Imprimer",
    "account.codes.saved": "J'ai noté mes codes",
    "account.on.title": "Double authentification : activée",
    "account.on.intro":
      "Chaque connexion demande le code de votre application, sauf sur un appareil mémorisé.",
    "account.on.codesLeft":
      "{count, plural, =0 {Il ne vous reste aucun code de secours : renouvelez-les.} one {Il vous reste # code de secours.} other {Il vous reste # codes de secours.}}",
    "account.renew.title": "Nouveaux codes de secours",
    "account.renew.intro": "Les anciens codes cesseront de fonctionner.",
    "account.renew.code": "Code actuel",
    "account.renew.submit": "Créer de nouveaux codes",
    "account.renew.submitting": "Création…",
    "account.remove.title": "Désactiver",
    "account.remove.required":
      "Votre rôle de coordination ou d'administration exige la double authentification : elle ne peut pas être désactivée. Si vous avez perdu votre téléphone, l'administration de votre organisme peut la réinitialiser.",
    "account.remove.intro": "Votre compte ne sera plus protégé que par son mot de passe.",
    "account.remove.code": "Code actuel",
    "account.remove.submit": "Désactiver la double authentification",
    "account.remove.submitting": "Désactivation…",
    "account.remove.done": "La double authentification est désactivée.",
    "account.notice": "Votre rôle de coordination ou d'administration attend la double authentification.",
    "account.noticeLink": "L'activer maintenant",
  },
  {
    "account.nav": "Account security",
    "account.title": "Account security",
    "account.intro":
      "Two-step sign-in asks, besides the password, for a code only your authenticator app knows: a stolen password is no longer enough to open the files.",
    "account.withheld":
      "Your coordination or administration role is not active: it requires two-step sign-in. Turn it on below; your role applies at once.",
    "account.codeHint": "The 6 digits the app shows now, or a recovery code.",
    "account.off.title": "Two-step sign-in: off",
    "account.off.required": "It is required for your organisation's coordination and administration roles.",
    "account.off.optional": "It is optional for your role, and recommended.",
    "account.off.start": "Turn on two-step sign-in",
    "account.off.starting": "Preparing…",
    "account.off.startFailed": "It could not be prepared. Try again.",
    "account.scan.title": "Link your authenticator app",
    "account.scan.app":
      "Install an authenticator app on your phone, for example Aegis, Google Authenticator or Microsoft Authenticator.",
    "account.scan.qr": "In the app, add an account by scanning this QR code:",
    "account.scan.qrLabel": "QR code of the Maillage account for the authenticator app",
    "account.scan.orType": "Or type this key by hand (type: time-based):",
    "account.scan.code": "6-digit code shown by the app",
    "account.scan.confirm": "Turn on",
    "account.scan.confirming": "Turning on…",
    "account.codes.title": "Your recovery codes",
    "account.codes.intro":
      "Write these ten codes down or print them, and keep them safe: each opens a session once if you lose your phone. They will never be shown again. Your other sessions were ended.",
    "account.codes.print": "Print",
    "account.codes.saved": "I have saved my codes",
    "account.on.title": "Two-step sign-in: on",
    "account.on.intro": "Each sign-in asks for your app's code, except on a remembered device.",
    "account.on.codesLeft":
      "{count, plural, =0 {You have no recovery code left: renew them.} one {You have # recovery code left.} other {You have # recovery codes left.}}",
    "account.renew.title": "New recovery codes",
    "account.renew.intro": "The old codes will stop working.",
    "account.renew.code": "Current code",
    "account.renew.submit": "Create new codes",
    "account.renew.submitting": "Creating…",
    "account.remove.title": "Turn off",
    "account.remove.required":
      "Your coordination or administration role requires two-step sign-in: it cannot be turned off. If you lost your phone, your organisation's administrators can reset it.",
    "account.remove.intro": "Your account will be protected by its password only.",
    "account.remove.code": "Current code",
    "account.remove.submit": "Turn off two-step sign-in",
    "account.remove.submitting": "Turning off…",
    "account.remove.done": "Two-step sign-in is off.",
    "account.notice": "Your coordination or administration role is waiting for two-step sign-in.",
    "account.noticeLink": "Turn it on now",
  },
);
