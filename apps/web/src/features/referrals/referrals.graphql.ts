/** The referral documents, their result types and query keys (one place for what the screens ask). */
import type { ReferralStatusName } from "@maillage/domain";
import type { AppErrorResult } from "../../app/graphql.ts";

export type ReferralBox = "INBOX" | "OUTBOX";
export const referralViews = [
  "NEW",
  "WAITING_FOR_ME",
  "WAITING_FOR_THEM",
  "OVERDUE",
  "CLOSED",
  "ALL",
] as const;
export type ReferralView = (typeof referralViews)[number];
export const urgencies = ["ROUTINE", "SOON", "URGENT"] as const;
export type Urgency = (typeof urgencies)[number];
export const referralOutcomes = [
  "CONNECTED_TO_SERVICE",
  "REDIRECTED_ELSEWHERE",
  "SERVICE_UNAVAILABLE",
  "DECLINED_BY_PERSON",
  "PERSON_NOT_REACHED",
  "OTHER",
] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];

export interface ReferralSummary {
  id: string;
  direction: "RECEIVED" | "SENT";
  status: ReferralStatusName;
  urgency: Urgency;
  overdue: boolean;
  consentInForce: boolean;
  serviceRequested: string;
  createdAt: string;
  updatedAt: string;
  person: { id: string; alias: string } | null;
  fromOrganisation: { id: string; name: string };
  toOrganisation: { id: string; name: string };
}

export interface ReferralTransition {
  fromStatus: ReferralStatusName | null;
  toStatus: ReferralStatusName;
  message: string | null;
  at: string;
  byOrganisation: { name: string };
}

export interface ReferralDetail extends ReferralSummary {
  reason: string;
  message: string | null;
  outcome: ReferralOutcome | null;
  outcomeNote: string | null;
  version: number;
  transitions: ReferralTransition[];
}

const summaryFields = `
  id direction status urgency overdue consentInForce serviceRequested createdAt updatedAt
  person { id alias }
  fromOrganisation { id name }
  toOrganisation { id name }
`;

const detailFields = `${summaryFields}
  __typename reason message outcome outcomeNote version
  transitions { fromStatus toStatus message at byOrganisation { name } }
`;

export const referralsQuery = `query Referrals($box: ReferralBox!, $view: ReferralView) {
  referrals(box: $box, view: $view, first: 25) { edges { node { ${summaryFields} } } }
}`;

export const referralQuery = `query Referral($id: ID!) {
  node(id: $id) { __typename ... on Referral { ${detailFields} } }
}`;

export const referralCountsQuery = `query ReferralCounts {
  referralCounts { inboxUnread outboxUnread inboxOverdue }
}`;

export const partnerOrganisationsQuery = `query PartnerOrganisations {
  myPartnerships { id name members { id name } }
}`;

export const referredPersonQuery = `query ReferredPerson($id: ID!) {
  node(id: $id) { __typename ... on Person { id alias ownedByViewer } }
}`;

export const sendReferralMutation = `mutation SendReferral($input: SendReferralInput!) {
  sendReferral(input: $input) {
    __typename
    ... on SendReferralSuccess { referral { id toOrganisation { name } } }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code message } }
  }
}`;

export const transitionReferralMutation = `mutation TransitionReferral($input: TransitionReferralInput!) {
  transitionReferral(input: $input) {
    __typename
    ... on TransitionReferralSuccess { referral { ${detailFields} } }
    ... on AppError { code message }
    ... on InputValidationError { fields { path code message } }
  }
}`;

export const markReferralReadMutation = `mutation MarkReferralRead($id: ID!) { markReferralRead(referralId: $id) }`;

export type MutationResult<Success> = (Success & { __typename: string }) | AppErrorResult;

/** Query keys: everything about referrals starts with "referrals", so one invalidation refreshes all. */
export const referralKeys = {
  all: ["referrals"] as const,
  list: (box: ReferralBox, view: ReferralView) => ["referrals", "list", box, view] as const,
  detail: (id: string) => ["referrals", "detail", id] as const,
  counts: ["referrals", "counts"] as const,
  partners: ["referrals", "partners"] as const,
};
