import type { CustomerFilterInput } from '../../../../shared/domain/customer';

/**
 * Links into the Surveys page that open the new-campaign dialog for a segment, e.g. from a board
 * column: #/surveys?new=<filter JSON>&label=<what it is, in the user's words>. The engine validates
 * the filter when the campaign is created.
 */
export function newCampaignHash(filter: CustomerFilterInput, label: string): string {
  const params = new URLSearchParams({ new: JSON.stringify(filter), label });
  return `#/surveys?${params.toString()}`;
}

export interface CampaignLink {
  filter: CustomerFilterInput;
  label: string;
}

/** The segment a #/surveys?new=… link carries, or null (none, or not a filter object). */
export function campaignLinkFromHash(hash: string): CampaignLink | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  const params = new URLSearchParams(hash.slice(q + 1));
  const raw = params.get('new');
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    return { filter: value as CustomerFilterInput, label: (params.get('label') ?? '').slice(0, 200) };
  } catch {
    return null;
  }
}
