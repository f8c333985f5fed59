import { defineMessages } from "../../app/i18n/catalogue.ts";

export const partnershipMessages = defineMessages(
  {
    "nav.partnership": "Partenariat",
    "partnership.title": "Entente de partage",
    "partnership.intro":
      "L'entente fixe les types d'information que les organismes du partenariat peuvent se partager. Le consentement d'une personne ne peut jamais l'élargir : il ne fait que choisir parmi ce qu'elle permet.",
    "partnership.narrowing":
      "Retirer un type prend effet immédiatement : les partenaires cessent de voir cette information dès l'enregistrement, même si un consentement la nommait.",
    "partnership.none": "Votre organisme ne fait partie d'aucun partenariat.",
    "partnership.members": "Organismes membres",
    "partnership.recordKinds": "Types d'information qui peuvent être partagés",
    "partnership.noAgreement": "Ce partenariat n'a pas encore d'entente de partage.",
    "partnership.version": "Version {version}, modifiée le {date}",
    "partnership.saving": "Enregistrement…",
    "partnership.saved": "Entente enregistrée.",
    "partnership.conflict":
      "Quelqu'un d'autre a modifié cette entente entre-temps. Elle a été rechargée : vérifiez les cases et enregistrez de nouveau.",
    "partnership.kindDetail.PROFILE": "alias, année de naissance, genre, langues, préférences de contact",
  },
  {
    "nav.partnership": "Partnership",
    "partnership.title": "Sharing agreement",
    "partnership.intro":
      "The agreement sets which kinds of information the partnership's organisations may share with each other. A person's consent can never widen it: it only chooses among what it allows.",
    "partnership.narrowing":
      "Removing a kind takes effect at once: partners stop seeing that information as soon as you save, even where a consent named it.",
    "partnership.none": "Your organisation is not part of any partnership.",
    "partnership.members": "Member organisations",
    "partnership.recordKinds": "Kinds of information that may be shared",
    "partnership.noAgreement": "This partnership has no sharing agreement yet.",
    "partnership.version": "Version {version}, changed on {date}",
    "partnership.saving": "Saving…",
    "partnership.saved": "Agreement saved.",
    "partnership.conflict":
      "Someone else changed this agreement in the meantime. It has been reloaded: check the boxes and save again.",
    "partnership.kindDetail.PROFILE": "alias, birth year, gender, languages, contact preferences",
  },
);
