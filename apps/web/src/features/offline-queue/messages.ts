import { defineMessages } from "../../app/i18n/catalogue.ts";

export const offlineQueueMessages = defineMessages(
  {
    "queue.title": "Saisies sur ce téléphone",
    "queue.offline": "Hors ligne",
    "queue.waitingCount": "{count, plural, one {# saisie en attente} other {# saisies en attente}}",
    "queue.failedCount": "{count, plural, one {# saisie à corriger} other {# saisies à corriger}}",
    "queue.allSent": "Tout est envoyé.",
    "queue.offlineExplained":
      "Pas de réseau : vos saisies restent chiffrées sur ce téléphone et partiront dès que le réseau reviendra.",
    "queue.locked":
      "Le détail des saisies est chiffré jusqu’au retour du réseau ; elles seront envoyées automatiquement.",
    "queue.sendNow": "Envoyer maintenant",
    "queue.waiting": "En attente d’envoi.",
    "queue.fix": "Corriger",
    "queue.discard": "Supprimer la saisie",
    "queue.discardQuestion": "Supprimer cette saisie ? Elle ne sera jamais envoyée.",
    "queue.unreadable": "Saisie illisible",
    "queue.unreadableExplained": "Cette saisie ne peut pas être lue sur ce téléphone : supprimez-la.",
    "queue.kind.recordEncounter": "Rencontre",
    "queue.kind.closeAccompaniment": "Suite d’un accompagnement",
    "queue.kind.requestMaterialDelivery": "Demande de livraison",
    "queue.kind.transitionMaterialDelivery": "Suivi d’une livraison",
    "queue.signOutQuestion":
      "{count, plural, one {# saisie n’est pas encore envoyée : elle sera perdue si vous vous déconnectez maintenant.} other {# saisies ne sont pas encore envoyées : elles seront perdues si vous vous déconnectez maintenant.}}",
    "queue.signOutAnyway": "Me déconnecter quand même",
  },
  {
    "queue.title": "Entries on this phone",
    "queue.offline": "Offline",
    "queue.waitingCount": "{count, plural, one {# entry waiting} other {# entries waiting}}",
    "queue.failedCount": "{count, plural, one {# entry to fix} other {# entries to fix}}",
    "queue.allSent": "Everything is sent.",
    "queue.offlineExplained":
      "No network: your entries stay encrypted on this phone and will be sent as soon as the network is back.",
    "queue.locked":
      "The entries' details are encrypted until the network is back; they will be sent automatically.",
    "queue.sendNow": "Send now",
    "queue.waiting": "Waiting to be sent.",
    "queue.fix": "Fix",
    "queue.discard": "Delete the entry",
    "queue.discardQuestion": "Delete this entry? It will never be sent.",
    "queue.unreadable": "Unreadable entry",
    "queue.unreadableExplained": "This entry cannot be read on this phone: delete it.",
    "queue.kind.recordEncounter": "Encounter",
    "queue.kind.closeAccompaniment": "Accompaniment outcome",
    "queue.kind.requestMaterialDelivery": "Delivery request",
    "queue.kind.transitionMaterialDelivery": "Delivery update",
    "queue.signOutQuestion":
      "{count, plural, one {# entry is not sent yet: it will be lost if you sign out now.} other {# entries are not sent yet: they will be lost if you sign out now.}}",
    "queue.signOutAnyway": "Sign out anyway",
  },
);
