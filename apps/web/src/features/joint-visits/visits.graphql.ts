export const visitKeys = {
  calendar: (from: string) => ["visits", "calendar", from] as const,
  pending: ["visits", "pending"] as const,
  notices: ["visits", "notices"] as const,
  detail: (id: string) => ["visits", "detail", id] as const,
  slots: (key: string) => ["visits", "slots", key] as const,
  availability: ["visits", "availability"] as const,
};

export interface Visit {
  id: string;
  status: string;
  placeType: string;
  plannedStart: string;
  plannedEnd: string;
  reason: string | null;
  nurseName: string | null;
  workerName: string | null;
  viewerRole: "NURSE" | "WORKER" | null;
  proposedByViewer: boolean;
  persons: { id: string; alias: string }[];
  acts: { kind: string; count: number }[];
  clinicalNotes: { id: string; body: string; results: string | null }[];
  organisation: { id: string; name: string };
}

const visitFields = `id status placeType plannedStart plannedEnd reason nurseName workerName viewerRole proposedByViewer
  persons { id alias } acts { kind count } clinicalNotes { id body results } organisation { id name }`;

export const calendarQuery = `query MyCalendar($from: DateTime!, $to: DateTime!) {
  myCalendar(from: $from, to: $to) {
    visits { ${visitFields} }
    accompaniments { id plannedAt destination status person { alias } }
  }
}`;

export const visitQuery = `query Visit($id: ID!) { node(id: $id) { ... on NurseVisit { ${visitFields} } } }`;

export const noticesQuery = `query Notices { myNotifications(unreadOnly: true) { id kind recordId createdAt } }`;
export const markReadMutation = `mutation MarkRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;

export const slotsQuery = `query Slots($from: DateTime!, $to: DateTime!, $duration: Int) {
  jointVisitSlots(from: $from, to: $to, durationMinutes: $duration) { nurse { id displayName } organisation { id name } start end }
}`;

export const proposeMutation = `mutation Propose($input: ProposeNurseVisitInput!) {
  proposeNurseVisit(input: $input) {
    __typename ... on ProposeNurseVisitSuccess { visit { id } }
    ... on AppError { code message } ... on InputValidationError { fields { path code message } }
  }
}`;

export const respondMutation = `mutation Respond($input: RespondToNurseVisitInput!) {
  respondToNurseVisit(input: $input) {
    __typename ... on RespondToNurseVisitSuccess { visit { id status } }
    ... on AppError { code message } ... on InputValidationError { fields { path code message } }
  }
}`;

export const completeMutation = `mutation Complete($input: CompleteNurseVisitInput!) {
  completeNurseVisit(input: $input) {
    __typename ... on CompleteNurseVisitSuccess { visit { id status } }
    ... on AppError { code message } ... on InputValidationError { fields { path code message } }
  }
}`;

export const availabilityQuery = `query Availability { myAvailability { weekly { weekday start end } exceptions { id startsAt endsAt reason } } }`;
export const setWeeklyMutation = `mutation SetWeekly($slots: [WeeklySlotInput!]!) {
  setWeeklyAvailability(slots: $slots) { __typename ... on InputValidationError { fields { path code message } } }
}`;
export const addAbsenceMutation = `mutation AddAbsence($input: AbsenceInput!) {
  addAbsence(input: $input) { __typename ... on InputValidationError { fields { path code message } } }
}`;
export const removeAbsenceMutation = `mutation RemoveAbsence($id: ID!) { removeAbsence(id: $id) { __typename } }`;
export const rotateFeedMutation = `mutation RotateFeed { rotateCalendarFeed { path } }`;
