/** GraphQL documents of material delivery requests; types from schema.graphql. */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const deliveryKeys = {
  all: ["deliveries"] as const,
  open: (mine: boolean) => ["deliveries", "open", mine] as const,
  closed: ["deliveries", "closed"] as const,
  form: ["deliveries", "form"] as const,
};

export const DeliveryCard = graphql(`
  fragment DeliveryCard on MaterialDelivery {
    id
    status
    open
    version
    placeType
    timeWindow
    place
    assignedToName
    assignedToViewer
    anonymousGender
    anonymousAgeBracket
    createdAt
    updatedAt
    person {
      id
      alias
    }
    items {
      item
      label
      quantity
    }
  }
`);

export const OpenDeliveriesQuery = graphql(`
  query OpenDeliveries($mine: Boolean!) {
    materialDeliveries(first: 100, view: OPEN, assignedToMe: $mine) {
      edges {
        node {
          ...DeliveryCard
        }
      }
    }
  }
`);

export const ClosedDeliveriesQuery = graphql(`
  query ClosedDeliveries {
    materialDeliveries(first: 20, view: CLOSED) {
      edges {
        node {
          ...DeliveryCard
        }
      }
    }
  }
`);

/** What the request form offers: the catalogue's material items and who may bring it. */
export const DeliveryFormQuery = graphql(`
  query DeliveryForm {
    catalogue(list: MATERIAL) {
      code
      labelFr
      labelEn
    }
    deliveryAssignees {
      userId
      displayName
    }
  }
`);

export type DeliveryFormData = ResultOf<typeof DeliveryFormQuery>;

export const RequestMaterialDelivery = graphql(`
  mutation RequestMaterialDelivery($input: RequestMaterialDeliveryInput!) {
    requestMaterialDelivery(input: $input) {
      __typename
      ... on RequestMaterialDeliverySuccess {
        delivery {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const TransitionMaterialDelivery = graphql(`
  mutation TransitionMaterialDelivery($input: TransitionMaterialDeliveryInput!) {
    transitionMaterialDelivery(input: $input) {
      __typename
      ... on TransitionMaterialDeliverySuccess {
        delivery {
          id
          status
          version
        }
      }
      ...MutationFailure
    }
  }
`);
