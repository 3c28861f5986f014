/** What other features use of surveys: the link that opens a new campaign for a segment. */
export { newCampaignHash } from './survey-links';
