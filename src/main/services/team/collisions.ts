/**
 * The collision check (查重/撞单, #20) on the laptop: who already has the customer a salesperson is
 * about to add. The draft's matching keys are computed by the import's own rules (company key,
 * web and company e-mail domains, e-mails, the last nine digits of phones and mobiles) and asked of
 * the team server (POST /v1/collisions, the whole team's book; a colleague's private customer is
 * answered by owner and since when only). Not in a team, or the server not answering within a few
 * seconds (offline at a fair): the same keys against this book, through quick capture's matcher.
 * The answer is advice: saving is never blocked, the server decides ownership.
 */
import type { CollisionKey, CollisionMatch, CollisionQuery } from '../../../shared/team/collisions';
import type { Collisions } from '../../../shared/ipc/channels/team';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import type { ReadDb } from '../../db/sql';
import { companyKey, websiteDomain } from '../../import/company-key';
import { emailDomain, isFreeMailDomain, normaliseEmail, phoneKey } from '../../import/normalize/text';
import { matchLead } from '../capture/capture';
import type { ServiceContext } from '../context';

type Draft = ChannelParsedInput<'team.collisions'>;
type Match = Collisions['matches'][number];

/** Keys per kind the server takes (collisionQuerySchema), and the longest key. */
const MAX_KEYS = 20;
const MAX_KEY_LENGTH = 200;
/** How long the server may take before the book answers instead. */
export const TEAM_COLLISIONS_TIMEOUT_MS = 3000;
/** The strongest key first, as the server ranks them. */
const RANK: Record<CollisionKey, number> = { email: 0, domain: 1, company: 2, phone: 3 };

const distinct = (list: string[]) => [...new Set(list.filter((k) => k !== '' && k.length <= MAX_KEY_LENGTH))].slice(0, MAX_KEYS);

/** The draft's matching keys, as the import computes them (and the server's collision_keys hold them). */
export function collisionQuery(draft: Draft): Required<Omit<CollisionQuery, 'exceptGid'>> {
  const country = draft.country.trim().toUpperCase();
  const emails = distinct(draft.contacts.map((c) => normaliseEmail(c.email)));
  const domains = distinct([websiteDomain(draft.website), ...emails.map(emailDomain)].filter((d) => !isFreeMailDomain(d)));
  return {
    companyKey: draft.company.trim() ? companyKey(draft.company).slice(0, MAX_KEY_LENGTH) : '',
    country: /^[A-Z]{2}$/.test(country) ? country : '',
    domains,
    emails,
    phoneKeys: distinct(draft.contacts.flatMap((c) => [phoneKey(c.phone), phoneKey(c.mobile)])),
  };
}

/** The team server's collision check, as TeamSync answers it: null when not asked or not answered. */
export interface TeamCollisions {
  collisions(query: CollisionQuery, timeoutMs: number): Promise<CollisionMatch[] | null>;
}

export async function checkCollisions(ctx: Pick<ServiceContext, 'read'>, team: TeamCollisions, draft: Draft): Promise<Collisions> {
  const query = collisionQuery(draft);
  const empty = !query.companyKey && !query.domains.length && !query.emails.length && !query.phoneKeys.length;
  if (empty) return { checked: 'none', matches: [] };
  const except = draft.exceptCustomerId === undefined ? undefined : gidOf(ctx.read, draft.exceptCustomerId);
  const fromTeam = await team.collisions(except ? { ...query, exceptGid: except } : query, TEAM_COLLISIONS_TIMEOUT_MS);
  if (fromTeam) return { checked: 'team', matches: teamMatches(ctx.read, fromTeam) };
  return { checked: 'local', matches: localMatches(ctx.read, draft, query) };
}

function gidOf(read: ReadDb, id: number): string | undefined {
  return read.first(read.selectFrom('customers').select('gid').where('id', '=', id))?.gid;
}

/** The server's matches with this book's id of each customer it has. */
function teamMatches(read: ReadDb, found: CollisionMatch[]): Match[] {
  const gids = found.map((m) => m.gid.toLowerCase());
  const here = new Map(
    gids.length
      ? read
          .all(read.selectFrom('customers').select(['id', 'gid', 'company']).where('gid', 'in', gids))
          .map((c) => [c.gid.toLowerCase(), c])
      : [],
  );
  return found.map((m) => {
    const local = here.get(m.gid.toLowerCase());
    return {
      by: m.by,
      owner: m.owner,
      since: m.since,
      company: m.visible ? (m.company ?? local?.company ?? null) : null,
      customerId: local?.id ?? null,
      gid: m.gid,
    };
  });
}

/**
 * The same keys against this book, by quick capture's matcher: a similar name alone is not a
 * collision (the server does not know it either); the company counts within its country.
 */
function localMatches(read: ReadDb, draft: Draft, query: ReturnType<typeof collisionQuery>): Match[] {
  const found = matchLead(
    read,
    {
      company: draft.company,
      country: query.country,
      emails: query.emails,
      phones: query.phoneKeys,
      domains: query.domains,
    },
    MAX_KEYS,
  ).filter((m) => m.customerId !== draft.exceptCustomerId);
  const ids = found.map((m) => m.customerId);
  const held = new Map(
    ids.length
      ? read.all(read.selectFrom('customers').select(['id', 'owner_since', 'created_at']).where('id', 'in', ids)).map((c) => [c.id, c])
      : [],
  );
  const matches: Match[] = [];
  for (const m of found) {
    const by = m.reasons.filter((r): r is CollisionKey => r in RANK).sort((a, b) => RANK[a] - RANK[b]);
    if (by.length === 0) continue;
    const c = held.get(m.customerId);
    matches.push({
      by,
      owner: m.owner === '' ? null : m.owner,
      since: c?.owner_since ?? c?.created_at ?? '',
      company: m.company,
      customerId: m.customerId,
      gid: null,
    });
  }
  return matches.sort((a, b) => RANK[a.by[0]!] - RANK[b.by[0]!] || b.by.length - a.by.length);
}
