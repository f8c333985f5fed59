import { defineMessages } from "../../app/i18n/catalogue.ts";

export const lineMessages = defineMessages(
  {
    "line.nav": "Ligne d’écoute",
    "line.title": "Ligne d’écoute",
    "line.intro": "Un appel, un texto, un message en ligne : quelques touches, sans dossier au besoin.",
    "line.newDelivery": "Demande de livraison",
    "line.formLabel": "Contact de la ligne",
    "line.channel": "Canal",
    "line.platform": "Plateforme",
    "line.platformHint": "Le nom de la plateforme seulement, jamais l’annonce ou le compte de la personne.",
    "line.themes": "Sujets abordés",
    "line.who": "Qui",
    "line.anonymous": "Anonyme",
    "line.knownPerson": "Personne connue",
    "line.gender": "Genre (tel que dit)",
    "line.age": "Âge (tel que dit)",
    "line.note": "Note (interne à l’organisme)",
    "line.addNote": "Ajouter une note",
    "line.submit": "Enregistrer le contact",
    "line.saving": "Enregistrement…",
    "line.saved":
      "Contact enregistré : {channel}. {count, plural, one {# contact} other {# contacts}} sur ce quart. Prêt pour le suivant.",
    "line.queued":
      "Contact gardé sur le téléphone : {channel}. Il sera envoyé au retour du réseau. {count, plural, one {# contact} other {# contacts}} sur ce quart.",
  },
  {
    "line.nav": "Phone line",
    "line.title": "Phone and text line",
    "line.intro": "A call, a text, an online message: a few taps, no file needed.",
    "line.newDelivery": "Delivery request",
    "line.formLabel": "Line contact",
    "line.channel": "Channel",
    "line.platform": "Platform",
    "line.platformHint": "The platform’s name only, never the person’s ad or account.",
    "line.themes": "Topics discussed",
    "line.who": "Who",
    "line.anonymous": "Anonymous",
    "line.knownPerson": "Known person",
    "line.gender": "Gender (as said)",
    "line.age": "Age (as said)",
    "line.note": "Note (internal to the organisation)",
    "line.addNote": "Add a note",
    "line.submit": "Save the contact",
    "line.saving": "Saving…",
    "line.saved":
      "Contact saved: {channel}. {count, plural, one {# contact} other {# contacts}} this shift. Ready for the next one.",
    "line.queued":
      "Contact kept on this phone: {channel}. It will be sent when the network is back. {count, plural, one {# contact} other {# contacts}} this shift.",
  },
);
