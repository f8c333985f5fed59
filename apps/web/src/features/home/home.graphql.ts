/** GraphQL documents of the home screen; types from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const homeKeys = {
  today: ["home", "today"] as const,
};

/** Every part the viewer's roles read (the others come back null); a few items per card. */
export const TodayQuery = graphql(`
  query Today {
    today {
      latestShiftReport { id startsAt endsAt authorName handoverNote venues { id name } }
      outreach {
        accompaniments(first: 5) {
          totalCount
          edges { node { id plannedAt destination status person { id alias } } }
        }
        jointVisits(first: 5) {
          totalCount
          edges { node { id plannedStart placeType status nurseName } }
        }
        venuesDue(first: 5) {
          totalCount
          overdueCount
          items { overdue lastVisitAt venue { id name } }
        }
        referralsAwaitingAnswer(first: 5) {
          totalCount
          edges { node { id createdAt urgency toOrganisation { id name } person { id alias } } }
        }
        recentSafetyAlerts
      }
      nurse {
        visits(first: 10) {
          totalCount
          edges { node { id plannedStart plannedEnd placeType status workerName } }
        }
        awaitingAnswer(first: 5) {
          totalCount
          edges { node { id plannedStart placeType status workerName } }
        }
      }
      coordination {
        overdueReferrals(first: 5) {
          totalCount
          edges {
            node { id createdAt urgency direction fromOrganisation { id name } toOrganisation { id name } }
          }
        }
        lowStock { item label onHand lowThreshold }
        alertsToReview(first: 5) {
          totalCount
          edges { node { id area occurredOn expiresAt } }
        }
        teamActivity {
          encounters
          members { userId displayName encounters }
        }
      }
      administration { members pendingInvitations auditEventsToday }
      committees {
        partnership { id name }
        indicators { period { label } figures { name title value } }
      }
    }
  }
`);

export type Today = ResultOf<typeof TodayQuery>["today"];
