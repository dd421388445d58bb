import { request } from '$lib/api';
import {
  CircleCommandResponse,
  CircleView,
  CreateCircleResponse,
  MeetingJoinResponse,
  MeetingOpenPublicResponse,
  SeriesEventData,
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
