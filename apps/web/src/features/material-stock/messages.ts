import { defineMessages } from "../../app/i18n/catalogue.ts";

export const materialStockMessages = defineMessages(
  {
    "stock.nav": "Stock",
    "stock.title": "Stock de matériel",
    "stock.intro":
      "Inscrivez ce qui est sur les tablettes et ce que vous recevez : les rencontres enregistrées ensuite en déduisent ce qui est remis. Sous le seuil, l’accueil le signale. Les articles viennent du catalogue de l’organisme.",
    "stock.low": "Stock bas",
    "stock.enough": "Suffisant",
    "stock.onHand": "{count, plural, one {# en stock} other {# en stock}} (décompte du {when})",
    "stock.neverCounted": "Jamais compté.",
    "stock.countNow": "En stock maintenant",
    "stock.lowAt": "Stock bas à",
    "stock.record": "Enregistrer le décompte",
    "stock.recordFor": "Enregistrer le décompte : {item}",
    "stock.saved": "Décompte enregistré : {item}.",
    "stock.since":
      "Depuis le décompte : {received, plural, one {# reçu} other {# reçus}}, {handedOut, plural, one {# remis} other {# remis}} en rencontre.",
    "stock.retired": "Retiré du catalogue",
    "stock.receipt": "Réception de stock",
    "stock.receiptOf": "Réception de stock : {item}",
    "stock.quantityReceived": "Quantité reçue",
    "stock.source": "Provenance",
    "stock.chooseSource": "Choisir…",
    "stock.receive": "Enregistrer la réception",
    "stock.receiveFor": "Enregistrer la réception : {item}",
    "stock.received": "Réception enregistrée : {count} × {item}.",
    "today.stock.count":
      "{count, plural, =0 {Aucun article sous son seuil} one {# article sous son seuil} other {# articles sous leur seuil}}",
    "today.stock.empty": "Aucun stock bas.",
    "today.stock.item": "{item} : {count} en stock",
  },
  {
    "stock.nav": "Supplies",
    "stock.title": "Material stock",
    "stock.intro":
      "Record what is on the shelves and what you receive: the encounters recorded afterwards deduct what is handed out. Under the threshold, the home screen says so. The items come from your organisation’s catalogue.",
    "stock.low": "Low stock",
    "stock.enough": "Enough",
    "stock.onHand": "{count, plural, one {# in stock} other {# in stock}} (counted {when})",
    "stock.neverCounted": "Never counted.",
    "stock.countNow": "In stock now",
    "stock.lowAt": "Low at",
    "stock.record": "Record the count",
    "stock.recordFor": "Record the count: {item}",
    "stock.saved": "Count recorded: {item}.",
    "stock.since":
      "Since the count: {received, plural, one {# received} other {# received}}, {handedOut, plural, one {# handed out} other {# handed out}} in encounters.",
    "stock.retired": "Retired from the catalogue",
    "stock.receipt": "Stock received",
    "stock.receiptOf": "Stock received: {item}",
    "stock.quantityReceived": "Quantity received",
    "stock.source": "Source",
    "stock.chooseSource": "Choose…",
    "stock.receive": "Record stock received",
    "stock.receiveFor": "Record stock received: {item}",
    "stock.received": "Stock received recorded: {count} × {item}.",
    "today.stock.count":
      "{count, plural, =0 {No item under its threshold} one {# item under its threshold} other {# items under their threshold}}",
    "today.stock.empty": "No low stock.",
    "today.stock.item": "{item}: {count} in stock",
  },
);
