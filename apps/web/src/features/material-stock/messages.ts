import { defineMessages } from "../../app/i18n/catalogue.ts";

export const materialStockMessages = defineMessages(
  {
    "stock.nav": "Stock",
    "stock.title": "Stock de matériel",
    "stock.intro":
      "Inscrivez ce qui est sur les tablettes : les rencontres enregistrées ensuite en déduisent ce qui est remis. Sous le seuil, l’accueil le signale.",
    "stock.low": "Stock bas",
    "stock.enough": "Suffisant",
    "stock.onHand": "{count, plural, one {# en stock} other {# en stock}} (décompte du {when})",
    "stock.neverCounted": "Jamais compté.",
    "stock.countNow": "En stock maintenant",
    "stock.lowAt": "Stock bas à",
    "stock.record": "Enregistrer le décompte",
    "stock.recordFor": "Enregistrer le décompte : {item}",
    "stock.saved": "Décompte enregistré : {item}.",
    "today.stock.count":
      "{count, plural, =0 {Aucun article sous son seuil} one {# article sous son seuil} other {# articles sous leur seuil}}",
    "today.stock.empty": "Aucun stock bas.",
    "today.stock.item": "{item} : {count} en stock",
  },
  {
    "stock.nav": "Supplies",
    "stock.title": "Material stock",
    "stock.intro":
      "Record what is on the shelves: the encounters recorded afterwards deduct what is handed out. Under the threshold, the home screen says so.",
    "stock.low": "Low stock",
    "stock.enough": "Enough",
    "stock.onHand": "{count, plural, one {# in stock} other {# in stock}} (counted {when})",
    "stock.neverCounted": "Never counted.",
    "stock.countNow": "In stock now",
    "stock.lowAt": "Low at",
    "stock.record": "Record the count",
    "stock.recordFor": "Record the count: {item}",
    "stock.saved": "Count recorded: {item}.",
    "today.stock.count":
      "{count, plural, =0 {No item under its threshold} one {# item under its threshold} other {# items under their threshold}}",
    "today.stock.empty": "No low stock.",
    "today.stock.item": "{item}: {count} in stock",
  },
);
