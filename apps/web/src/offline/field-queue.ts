/**
 * The one local queue of field entries (encounters, accompaniment outcomes, and any entry kind
 * added to `queuedMutations`): an entry is kept in the encrypted vault (vault.ts) before it is
 * sent, sent at once when the network allows, and otherwise when it returns (outbox.ts), each
 * time with its id as idempotency key, so that nothing acknowledged is lost and nothing is
 * written twice. An entry the API refuses stays, with the reason, until fixed or discarded.
 *
 * Only the kinds listed here are ever sent: what storage holds names a kind and its variables,
 * never GraphQL text (an altered store cannot make the app send something else).
 */

import {
  type AppFailure,
  hasCsrfToken,
  MutationFailure,
  mutateOnce,
  RequestError,
  request,
} from "../app/graphql.ts";
import { CloseAccompaniment } from "../features/accompaniments/accompaniments.graphql.ts";
import { fetchMe } from "../features/auth/session.ts";
import {
  RequestMaterialDelivery,
  TransitionMaterialDelivery,
} from "../features/deliveries/deliveries.graphql.ts";
import { RecordEncounter } from "../features/encounters/encounters.graphql.ts";
import { CheckInToEvening } from "../features/night-centre/night-centre.graphql.ts";
import { graphql } from "../generated/gql.ts";
import type { ErrorCode } from "../generated/graphql.ts";
import { createOutbox, type Outbox, type SendResult } from "./outbox.ts";
import {
  type DeviceVaultGrant,
  type Json,
  openVault,
  type QueueEntry,
  type Vault,
  wipeVault,
} from "./vault.ts";

const OpenDeviceVault = graphql(`
  mutation OpenDeviceVault($input: DeviceInput!) {
    openDeviceVault(input: $input) {
      __typename
      ... on OpenDeviceVaultSuccess {
        vault {
          secret
          expiresAt
          maxOfflineHours
        }
      }
      ...MutationFailure
    }
  }
`);

const ForgetDevice = graphql(`
  mutation ForgetDevice($input: DeviceInput!) {
    forgetDevice(input: $input) {
      __typename
    }
  }
`);

/** The entry kinds the queue carries, each with its one mutation. */
const queuedMutations = {
  recordEncounter: (key: string, variables: Json) =>
    mutateOnce(key, RecordEncounter, (data) => data.recordEncounter, variables as never),
  closeAccompaniment: (key: string, variables: Json) =>
    mutateOnce(key, CloseAccompaniment, (data) => data.closeAccompaniment, variables as never),
  checkInToEvening: (key: string, variables: Json) =>
    mutateOnce(key, CheckInToEvening, (data) => data.checkInToEvening, variables as never),
  requestMaterialDelivery: (key: string, variables: Json) =>
    mutateOnce(key, RequestMaterialDelivery, (data) => data.requestMaterialDelivery, variables as never),
  transitionMaterialDelivery: (key: string, variables: Json) =>
    mutateOnce(
      key,
      TransitionMaterialDelivery,
      (data) => data.transitionMaterialDelivery,
      variables as never,
    ),
} as const;

export type QueuedKind = keyof typeof queuedMutations;

/** The payload kept for an entry: the mutation's variables, and where to fix it (a page). */
export interface QueuedPayload {
  variables: Json;
}

function isQueuedKind(kind: string): kind is QueuedKind {
  return Object.hasOwn(queuedMutations, kind);
}

/** A refusal kept with an entry: the API's failure, in the words it gave. */
export function failureOfEntry(entry: QueueEntry): AppFailure | null {
  if (!entry.lastError) return null;
  try {
    return JSON.parse(entry.lastError) as AppFailure;
  } catch {
    return { code: "INTERNAL" as ErrorCode, message: entry.lastError, fields: [] };
  }
}

async function sendEntry(entry: QueueEntry): Promise<SendResult> {
  const payload = entry.payload as unknown as QueuedPayload;
  if (!isQueuedKind(entry.kind)) {
    return { rejected: JSON.stringify({ code: "INTERNAL", message: entry.kind, fields: [] }) };
  }
  try {
    // A page reloaded offline has no CSRF token yet: `me` gives it, once the network is back.
    if (!hasCsrfToken() && !(await fetchMe().then((me) => me && hasCsrfToken()))) return "retry";
    await queuedMutations[entry.kind](entry.id, payload.variables);
    return "sent";
  } catch (error) {
    if (error instanceof MutationFailure) return { rejected: JSON.stringify(error.failure) };
    if (error instanceof RequestError && error.code === "IDEMPOTENCY_KEY_REUSED") {
      return { rejected: JSON.stringify({ code: error.code, message: error.message, fields: [] }) };
    }
    // No network, no answer, signed out or a server failure: the same entry, later.
    return "retry";
  }
}

async function unlockDevice(deviceId: string): Promise<DeviceVaultGrant | "UNAUTHENTICATED"> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new RequestError("NETWORK", "timeout")), 8_000),
  );
  try {
    if (!hasCsrfToken()) {
      const me = await fetchMe();
      if (!me) return "UNAUTHENTICATED";
      // The offline stand-in (no network): as if the API could not be reached.
      if (!hasCsrfToken()) throw new RequestError("NETWORK", "network");
    }
    const { openDeviceVault } = await Promise.race([
      request(OpenDeviceVault, { input: { deviceId } }),
      timeout,
    ]);
    if (openDeviceVault.__typename !== "OpenDeviceVaultSuccess") return "UNAUTHENTICATED";
    return openDeviceVault.vault;
  } catch (error) {
    if (error instanceof RequestError && error.code === "UNAUTHENTICATED") return "UNAUTHENTICATED";
    throw error;
  }
}

interface Opened {
  vault: Vault;
  outbox: Outbox;
}

let opened: Promise<Opened> | null = null;

/** This page's vault and sender, opened once the viewer is known (signed in, or offline). */
export function fieldQueue(): Promise<Opened> {
  opened ??= openVault({ unlock: unlockDevice }).then((vault) => {
    const outbox = createOutbox({ vault, send: sendEntry });
    outbox.start();
    return { vault, outbox };
  });
  return opened;
}

/** What became of an entry handed to `submitEntry`. */
export type Submitted = { state: "sent" } | { state: "queued" } | { state: "refused"; failure: AppFailure };

/**
 * Keeps an entry, then tries to send it at once. "sent": the API has it. "queued": kept on this
 * device, sent when the network returns. "refused": the API said why (the entry is not kept:
 * the form that made it is still on screen to fix it). Without a vault on this device yet (never
 * unlocked here), it is sent directly, with a key of its own.
 */
export async function submitEntry(kind: QueuedKind, variables: Json, summary: string): Promise<Submitted> {
  const { vault, outbox } = await fieldQueue();
  if (vault.state === "unavailable") {
    const direct = await sendEntry({
      id: crypto.randomUUID(),
      kind,
      payload: { variables } as unknown as Json,
      readable: true,
      summary,
      lastError: null,
      status: "waiting",
      attempts: 0,
      createdAt: Date.now(),
    });
    if (direct === "sent") return { state: "sent" };
    if (direct === "retry") throw new RequestError("NETWORK", "network");
    return { state: "refused", failure: JSON.parse(direct.rejected) as AppFailure };
  }
  const id = await vault.enqueue(kind, { variables } as unknown as Json, summary);
  return await sendNow(vault, outbox, id, true);
}

/**
 * A fixed version of an entry the API refused (kept on the phone): it takes the entry's place
 * in the queue, under a new key, and is sent at once when the network allows.
 */
export async function resubmitEntry(id: string, variables: Json, summary: string): Promise<Submitted> {
  const { vault, outbox } = await fieldQueue();
  const replaced = await vault.replace(id, { variables } as unknown as Json, summary);
  // Refused again, it stays in the queue with the new reason (the form shows it too).
  return await sendNow(vault, outbox, replaced, false);
}

async function sendNow(
  vault: Vault,
  outbox: Outbox,
  id: string,
  discardRefused: boolean,
): Promise<Submitted> {
  for (let round = 0; round < 2; round += 1) {
    const outcome = await outbox.flush();
    if (vault.state !== "unlocked") return { state: "queued" };
    const entry = (await vault.entries()).find((kept) => kept.id === id);
    if (!entry) return { state: "sent" };
    if (entry.readable && entry.status === "failed") {
      const failure = failureOfEntry(entry);
      if (discardRefused) await vault.discard(id);
      if (failure) return { state: "refused", failure };
    }
    // A sender that had already looked at the queue may have finished without this entry.
    if (outcome !== "done") return { state: "queued" };
  }
  return { state: "queued" };
}

/** At sign-out: the device's secret forgotten by the API, everything kept here deleted. */
export async function forgetThisDevice(): Promise<void> {
  const current = opened ? await opened.catch(() => null) : null;
  opened = null;
  current?.outbox.stop();
  const deviceId = current ? await current.vault.deviceId().catch(() => null) : null;
  if (deviceId) await request(ForgetDevice, { input: { deviceId } }).catch(() => undefined);
  await wipeVault();
}
