import { useQuery } from "@tanstack/react-query";
import { request } from "../../app/graphql.ts";
import { MyPartnershipsQuery, partnershipKeys } from "./partnerships.graphql.ts";

/**
 * The acting organisation's partnerships, for the forms that name a partner (consent, preview as
 * a partner, referral, safety alert): one query, one cache entry.
 */
export function useMyPartnerships() {
  return useQuery({
    queryKey: partnershipKeys.mine,
    queryFn: async () => (await request(MyPartnershipsQuery)).myPartnerships,
    staleTime: 60_000,
  });
}
