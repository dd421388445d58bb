import { ApiError, request, type Schema } from '$lib/api';
import { m } from '$lib/paraglide/messages';
import {
  CircleCommandResponse,
  CircleView,
  CreateCircleResponse,
  ErrorResponse,
  HarvestSummary,
  MeetingJoinResponse,
  MeetingOpenPublicResponse,
  RegisterResponse,
  RegistrationJoinResponse,
  RegistrationList,
  RegistrationView,
  SeriesEventData,
  type RegisterBody,
  type CircleCommand,
  type CreateCircleBody,
  type EventMeeting,
} from '@kring/protocol';

/**
 * The circles API (issue 16) for the web app: create a circle, read it and send it commands with
 * a member's token, read a series' public event data, and join a meeting. Answers are checked
 * against the protocol's shapes; refusals are `ApiError`s (words: `describeApiError` in $lib/api).
 * Other screens add their calls at the end of this file.
 */

type Fetch = typeof fetch;

function post(body: unknown, token?: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  };
}

const circlePath = (code: string) => `/api/circles/${encodeURIComponent(code)}`;
const seriesPath = (code: string, seriesId: string) =>
  `${circlePath(code)}/series/${encodeURIComponent(seriesId)}`;
const meetingPath = (code: string, seriesId: string, key: string) =>
  `${seriesPath(code, seriesId)}/meetings/${encodeURIComponent(key)}`;

export function createCircle(body: CreateCircleBody, fetchFn: Fetch = fetch): Promise<CreateCircleResponse> {
  return request(CreateCircleResponse, '/api/circles', post(body), fetchFn);
}

export function getCircle(code: string, token: string, fetchFn: Fetch = fetch): Promise<CircleView> {
  return request(
    CircleView,
    circlePath(code),
    { method: 'GET', headers: { authorization: `Bearer ${token}` } },
    fetchFn,
  );
}

export function sendCircleCommand(
  code: string,
  token: string,
  command: CircleCommand,
  fetchFn: Fetch = fetch,
): Promise<CircleCommandResponse> {
  return request(CircleCommandResponse, `${circlePath(code)}/commands`, post(command, token), fetchFn);
}

/** A meeting and a series as the event page and the circle page read them. */
export type PageMeeting = EventMeeting;
export type PageSeries = SeriesEventData;

/** The public event data of a series (no token: anyone with the link, CI14). */
export function getSeriesEvent(code: string, seriesId: string, fetchFn: Fetch = fetch): Promise<PageSeries> {
  return request(SeriesEventData, seriesPath(code, seriesId), { method: 'GET' }, fetchFn);
}

/** A member of the circle joins a meeting as themselves (their circle token). */
export function joinMeeting(
  code: string,
  seriesId: string,
  key: string,
  token: string,
  fetchFn: Fetch = fetch,
): Promise<MeetingJoinResponse> {
  return request(MeetingJoinResponse, `${meetingPath(code, seriesId, key)}/join`, post({}, token), fetchFn);
}

/** A visitor's way in: the meeting's public join link, opened by the server when its time has come. */
export function openPublicMeeting(
  code: string,
  seriesId: string,
  key: string,
  fetchFn: Fetch = fetch,
): Promise<MeetingOpenPublicResponse> {
  return request(
    MeetingOpenPublicResponse,
    `${meetingPath(code, seriesId, key)}/open-public`,
    post({}),
    fetchFn,
  );
}

/*
 * Registration for a meeting (CI20–CI25). A registrant's token is of its own kind: it only opens
 * `/registration` calls, as a host's circle token only opens the list and its CSV.
 */

/** An answer with no body (204): nothing to check. */
const NoBody: Schema<null> = { safeParse: () => ({ success: true, data: null }) };

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** Anyone with the event page registers for one meeting; the answer carries their personal link. */
export function registerForMeeting(
  code: string,
  seriesId: string,
  key: string,
  body: RegisterBody,
  fetchFn: Fetch = fetch,
): Promise<RegisterResponse> {
  return request(RegisterResponse, `${meetingPath(code, seriesId, key)}/registrations`, post(body), fetchFn);
}

/** The registrant's own registration, with the token of their personal link. */
export function getRegistration(
  code: string,
  token: string,
  fetchFn: Fetch = fetch,
): Promise<RegistrationView> {
  return request(
    RegistrationView,
    `${circlePath(code)}/registration`,
    { method: 'GET', headers: bearer(token) },
    fetchFn,
  );
}

/** The registrant cancels: their registration is deleted at once (CI23). */
export async function cancelRegistration(code: string, token: string, fetchFn: Fetch = fetch): Promise<void> {
  await request(
    NoBody,
    `${circlePath(code)}/registration`,
    { method: 'DELETE', headers: bearer(token) },
    fetchFn,
  );
}

/** A registered person into the meeting's session, while its join is open (CI23, SE7). */
export function joinAsRegistrant(
  code: string,
  token: string,
  fetchFn: Fetch = fetch,
): Promise<RegistrationJoinResponse> {
  return request(RegistrationJoinResponse, `${circlePath(code)}/registration/join`, post({}, token), fetchFn);
}

/** A meeting's registrations as its hosts see them (CI24). */
export function listRegistrations(
  code: string,
  seriesId: string,
  key: string,
  token: string,
  fetchFn: Fetch = fetch,
): Promise<RegistrationList> {
  return request(
    RegistrationList,
    `${meetingPath(code, seriesId, key)}/registrations`,
    { method: 'GET', headers: bearer(token) },
    fetchFn,
  );
}

/** A host removes one registrant (deleted at once, as a cancel; CI24). */
export async function removeRegistration(
  code: string,
  seriesId: string,
  key: string,
  registrationId: string,
  token: string,
  fetchFn: Fetch = fetch,
): Promise<void> {
  await request(
    NoBody,
    `${meetingPath(code, seriesId, key)}/registrations/${encodeURIComponent(registrationId)}`,
    { method: 'DELETE', headers: bearer(token) },
    fetchFn,
  );
}

/**
 * The list as CSV (CI24). The host's token goes in a header, never in an address (addresses end
 * up in history and logs), so the file is fetched here and the caller saves the Blob.
 */
export async function fetchRegistrationsCsv(
  code: string,
  seriesId: string,
  key: string,
  token: string,
  fetchFn: Fetch = fetch,
): Promise<Blob> {
  return fetchFile(`${meetingPath(code, seriesId, key)}/registrations.csv`, 'text/csv', token, fetchFn);
}

/** A file only members may read: fetched with the token in a header, refusals as `ApiError`s. */
async function fetchFile(path: string, accept: string, token: string, fetchFn: Fetch): Promise<Blob> {
  let res: Response;
  try {
    res = await fetchFn(path, {
      method: 'GET',
      headers: { accept, ...bearer(token) },
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', m.app_api_network());
  }
  if (res.ok) return res.blob();
  const refused = ErrorResponse.safeParse(await res.json().catch(() => null));
  if (refused.success) throw new ApiError(res.status, refused.data.error.code, refused.data.error.message);
  throw new ApiError(res.status, 'bad_response', m.app_api_server_answered({ status: res.status }));
}

/*
 * Kept harvests (CI28): a host keeps a meeting's harvest with the circle; members read them, hosts
 * delete one. The Markdown is fetched with the token in a header, as the registrations' CSV.
 */

const harvestPath = (code: string, harvestId: string) =>
  `${circlePath(code)}/harvests/${encodeURIComponent(harvestId)}`;

/** A host keeps the meeting's harvest as its session is now (again: the kept one is replaced). */
export function keepHarvest(
  code: string,
  seriesId: string,
  key: string,
  token: string,
  fetchFn: Fetch = fetch,
): Promise<HarvestSummary> {
  return request(HarvestSummary, `${meetingPath(code, seriesId, key)}/harvest`, post({}, token), fetchFn);
}

/** A kept harvest's Markdown, for the caller to save (`harvestFileName`). */
export function fetchHarvest(
  code: string,
  harvestId: string,
  token: string,
  fetchFn: Fetch = fetch,
): Promise<Blob> {
  return fetchFile(harvestPath(code, harvestId), 'text/markdown', token, fetchFn);
}

/** The name a downloaded harvest is saved under (the server's Content-Disposition says the same). */
export const harvestFileName = (key: string): string => `${key}-harvest.md`;

/** A host deletes a kept harvest (whole, at once). */
export async function deleteHarvest(
  code: string,
  harvestId: string,
  token: string,
  fetchFn: Fetch = fetch,
): Promise<void> {
  await request(NoBody, harvestPath(code, harvestId), { method: 'DELETE', headers: bearer(token) }, fetchFn);
}
