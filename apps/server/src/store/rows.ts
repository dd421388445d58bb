import type { StoredHarvest, StoredRegistration } from './store';

/**
 * Rows of the tables both stores share (registrations, harvests), as either driver returns them:
 * the same column names; times are numbers from SQLite and bigint strings from PostgreSQL.
 */
export interface RegistrationRow {
  id: string;
  circle_id: string;
  series_id: string;
  meeting_key: string;
  display_name: string;
  email: string | null;
  status: string;
  created_at: number | string;
  participant_id: string | null;
}

export const registrationFromRow = (r: RegistrationRow): StoredRegistration => ({
  id: r.id,
  circleId: r.circle_id,
  seriesId: r.series_id,
  key: r.meeting_key,
  displayName: r.display_name,
  email: r.email,
  status: r.status === 'waiting' ? 'waiting' : 'registered',
  createdAt: Number(r.created_at),
  participantId: r.participant_id,
});

export interface HarvestRow {
  id: string;
  circle_id: string;
  series_id: string;
  meeting_key: string;
  title: string;
  markdown?: string;
  kept_at: number | string;
}

export const harvestSummaryFromRow = (r: HarvestRow): Omit<StoredHarvest, 'markdown'> => ({
  id: r.id,
  circleId: r.circle_id,
  seriesId: r.series_id,
  key: r.meeting_key,
  title: r.title,
  keptAt: Number(r.kept_at),
});
