/** Under the coordinator's settings (/reglages): the organisation's Law 25 duties. */
export const privacyPath = "/reglages/confidentialite";
export const incidentRegisterPath = "/reglages/confidentialite/incidents";
